"""Tests of drill due dates (应急预案管理办法 第三十三条) and calendar-month arithmetic."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_desk.domain.drills import (
    DrillContent,
    DrillForm,
    DrillPlanType,
    DrillSchedule,
    DueInfo,
    add_months,
    DrillRule,
    drill_schedule,
)

P = DrillPlanType


def test_enum_values():
    assert [t.value for t in P] == ["综合应急预案", "专项应急预案", "现场处置方案"]
    assert [c.value for c in DrillContent] == ["综合演练", "单项演练"]
    assert [f.value for f in DrillForm] == ["实战演练", "桌面演练"]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 15), 0, date(2025, 1, 15)),
        (date(2025, 1, 15), 6, date(2025, 7, 15)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # clamped, 2026 is not a leap year
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # clamped, 2024 is a leap year
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 7, 31), 6, date(2026, 1, 31)),
        (date(1900, 8, 31), 6, date(1901, 2, 28)),  # 1900 was not a leap year anyway
        (date(2099, 8, 31), 6, date(2100, 2, 28)),  # 2100 is not a leap year (century rule)
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2025, 6, 30), -18, date(2023, 12, 30)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize("months", [1.0, "6", None, True])
def test_add_months_refuses_non_int(months):
    with pytest.raises(ValueError, match="months"):
        add_months(date(2025, 1, 1), months)


def test_add_months_out_of_range():
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 1), 1)


SINCE = date(2025, 1, 1)


def test_never_drilled_counts_from_since():
    schedule = drill_schedule([], high_risk=False, since=SINCE, as_of=date(2025, 6, 1))
    assert schedule == DrillSchedule(
        comprehensive_or_specific=DueInfo(None, date(2026, 1, 1), False, 0),
        on_site=DueInfo(None, date(2025, 7, 1), False, 0),
    )


def test_never_drilled_overdue_days():
    schedule = drill_schedule([], high_risk=False, since=SINCE, as_of=date(2026, 1, 1))
    # 2025-07-01 → 2026-01-01: 31+31+30+31+30+31 = 184 days (Jul … Dec).
    assert schedule.on_site == DueInfo(None, date(2025, 7, 1), True, 184)
    assert schedule.comprehensive_or_specific == DueInfo(None, date(2026, 1, 1), False, 0)


@pytest.mark.parametrize(
    ("as_of", "overdue", "days"),
    [
        (date(2026, 3, 9), False, 0),
        (date(2026, 3, 10), False, 0),  # exactly on the due day: still in time
        (date(2026, 3, 11), True, 1),  # a day after
        (date(2026, 4, 10), True, 31),
    ],
)
def test_due_day_boundary(as_of, overdue, days):
    drills = [(date(2025, 3, 10), P.COMPREHENSIVE)]
    info = drill_schedule(drills, high_risk=False, since=SINCE, as_of=as_of).comprehensive_or_specific
    assert info.next_due == date(2026, 3, 10)
    assert (info.overdue, info.days_overdue) == (overdue, days)


def test_high_risk_under_the_national_text_names_no_plan_type():
    # Art. 33: a high-risk unit drills at least every 6 months, of no named plan type; the on-site rule that
    # binds everyone already asks that, so its comprehensive-or-specific drill stays yearly (audit-2026-12 no. 18).
    drills = [(date(2025, 2, 10), P.SPECIFIC)]
    normal = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 9, 1))
    high = drill_schedule(drills, high_risk=True, since=SINCE, as_of=date(2025, 9, 1))
    assert high == normal == drill_schedule(drills, True, SINCE, date(2025, 9, 1), DrillRule.NATIONAL)
    assert high.comprehensive_or_specific == DueInfo(date(2025, 2, 10), date(2026, 2, 10), False, 0)


def test_high_risk_drills_every_six_months_under_a_stricter_local_rule():
    drills = [(date(2025, 2, 10), P.SPECIFIC)]
    local = DrillRule.LOCAL_HALF_YEARLY
    normal = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 9, 1), rule=local)
    high = drill_schedule(drills, high_risk=True, since=SINCE, as_of=date(2025, 9, 1), rule=local)
    assert normal.comprehensive_or_specific == DueInfo(date(2025, 2, 10), date(2026, 2, 10), False, 0)
    assert high.comprehensive_or_specific == DueInfo(date(2025, 2, 10), date(2025, 8, 10), True, 22)
    # The on-site rule is every 6 months for everyone.
    assert normal.on_site == high.on_site == DueInfo(None, date(2025, 7, 1), True, 62)


def test_high_risk_never_drilled():
    assert drill_schedule([], True, SINCE, SINCE).comprehensive_or_specific.next_due == date(2026, 1, 1)
    local = drill_schedule([], True, SINCE, SINCE, DrillRule.LOCAL_HALF_YEARLY)
    assert local.comprehensive_or_specific.next_due == date(2025, 7, 1)


def test_month_end_clamping_in_schedule():
    drills = [(date(2025, 8, 31), P.ON_SITE), (date(2023, 8, 31), P.COMPREHENSIVE)]
    schedule = drill_schedule(drills, high_risk=True, since=date(2023, 1, 1), as_of=date(2026, 3, 1),
                              rule=DrillRule.LOCAL_HALF_YEARLY)
    assert schedule.on_site == DueInfo(date(2025, 8, 31), date(2026, 2, 28), True, 1)
    assert schedule.comprehensive_or_specific == DueInfo(
        date(2023, 8, 31), date(2024, 2, 29), True, (date(2026, 3, 1) - date(2024, 2, 29)).days
    )


def test_leap_day_drill_due_next_year_on_feb_28():
    drills = [(date(2024, 2, 29), P.COMPREHENSIVE)]
    on_day = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 2, 28))
    day_after = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 3, 1))
    assert on_day.comprehensive_or_specific == DueInfo(date(2024, 2, 29), date(2025, 2, 28), False, 0)
    assert day_after.comprehensive_or_specific.days_overdue == 1


def test_latest_drill_of_each_group_counts_in_any_input_order():
    drills = [
        (date(2025, 5, 1), P.ON_SITE),
        (date(2025, 9, 1), P.SPECIFIC),
        (date(2025, 3, 1), P.COMPREHENSIVE),
        (date(2025, 10, 1), P.ON_SITE),
        (date(2025, 7, 1), P.ON_SITE),
    ]
    schedule = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 12, 1))
    assert schedule.comprehensive_or_specific.last_held == date(2025, 9, 1)
    assert schedule.comprehensive_or_specific.next_due == date(2026, 9, 1)
    assert schedule.on_site.last_held == date(2025, 10, 1)
    assert schedule.on_site.next_due == date(2026, 4, 1)


def test_groups_do_not_satisfy_each_other():
    only_on_site = drill_schedule(
        [(date(2025, 12, 1), P.ON_SITE)], high_risk=False, since=SINCE, as_of=date(2026, 1, 2)
    )
    assert only_on_site.comprehensive_or_specific == DueInfo(None, date(2026, 1, 1), True, 1)
    only_specific = drill_schedule(
        [(date(2025, 12, 1), P.SPECIFIC)], high_risk=False, since=SINCE, as_of=date(2026, 1, 2)
    )
    assert only_specific.on_site == DueInfo(None, date(2025, 7, 1), True, 185)


def test_drills_after_as_of_are_planned_not_held():
    drills = [(date(2025, 3, 1), P.ON_SITE), (date(2025, 12, 1), P.ON_SITE), (date(2026, 1, 1), P.COMPREHENSIVE)]
    schedule = drill_schedule(drills, high_risk=False, since=SINCE, as_of=date(2025, 10, 1))
    assert schedule.on_site == DueInfo(date(2025, 3, 1), date(2025, 9, 1), True, 30)
    assert schedule.comprehensive_or_specific.last_held is None


def test_drill_on_as_of_counts():
    schedule = drill_schedule([(date(2025, 10, 1), P.ON_SITE)], False, SINCE, date(2025, 10, 1))
    assert schedule.on_site.last_held == date(2025, 10, 1)


def test_drill_before_since_still_counts():
    schedule = drill_schedule([(date(2024, 11, 1), P.ON_SITE)], False, SINCE, date(2025, 6, 1))
    assert schedule.on_site == DueInfo(date(2024, 11, 1), date(2025, 5, 1), True, 31)


def test_plan_type_strings_and_datetimes_are_accepted():
    drills = [(datetime(2025, 4, 1, 14, 30), "现场处置方案"), (date(2025, 2, 1), "综合应急预案")]
    schedule = drill_schedule(iter(drills), False, datetime(2025, 1, 1, 8), datetime(2025, 5, 1, 9))
    assert schedule.on_site.last_held == date(2025, 4, 1)
    assert schedule.comprehensive_or_specific.last_held == date(2025, 2, 1)


@pytest.mark.parametrize("bad", ["演练", "综合演练", None])
def test_unknown_plan_type_is_refused(bad):
    with pytest.raises(ValueError, match="未知预案类型"):
        drill_schedule([(date(2025, 1, 1), bad)], False, SINCE, date(2025, 2, 1))


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"since": "2025-01-01"}, "since"),
        ({"as_of": None}, "as_of"),
        ({"high_risk": "否"}, "high_risk"),
        ({"high_risk": None}, "high_risk"),
    ],
)
def test_bad_arguments_are_refused(kwargs, name):
    arguments = {"drills": [], "high_risk": False, "since": SINCE, "as_of": date(2025, 2, 1)}
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=name):
        drill_schedule(**arguments)


def test_bad_drill_date_is_refused():
    with pytest.raises(ValueError, match="drill date"):
        drill_schedule([("2025-01-01", P.ON_SITE)], False, SINCE, date(2025, 2, 1))


dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
drill_lists = st.lists(st.tuples(dates, st.sampled_from(list(P))), max_size=12)


@given(dates, st.integers(min_value=-240, max_value=240))
def test_add_months_properties(start, months):
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day == start.day or (result.day < start.day and (result + timedelta(days=1)).day == 1)


@given(drill_lists, st.booleans(), dates, dates, st.sampled_from(DrillRule))
def test_schedule_properties(drills, high_risk, since, as_of, rule):
    schedule = drill_schedule(drills, high_risk, since, as_of, rule)
    groups = {
        "comprehensive_or_specific": {P.COMPREHENSIVE, P.SPECIFIC},
        "on_site": {P.ON_SITE},
    }
    for field, types in groups.items():
        info = getattr(schedule, field)
        held = [d for d, t in drills if t in types and d <= as_of]
        assert info.last_held == (max(held) if held else None)
        months = 6 if field == "on_site" or (high_risk and rule is DrillRule.LOCAL_HALF_YEARLY) else 12
        start = info.last_held or since
        assert info.next_due > start
        span_days = (info.next_due - start).days
        if months == 6:
            assert 181 <= span_days <= 184
        else:
            assert 365 <= span_days <= 366
        assert info.overdue == (as_of > info.next_due)
        assert info.days_overdue == (max(0, (as_of - info.next_due).days))
