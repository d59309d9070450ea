"""Emergency-drill types and when the next drill is due (应急预案管理办法 第三十三条)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Iterable

from safety_desk.domain.language import say


class DrillPlanType(StrEnum):
    """Type of emergency plan a drill exercises (第六条); the value is the Chinese name."""

    COMPREHENSIVE = "综合应急预案"
    SPECIFIC = "专项应急预案"
    ON_SITE = "现场处置方案"


class DrillContent(StrEnum):
    """Drill type by content (AQ/T 9007-2019)."""

    COMPREHENSIVE = "综合演练"
    SINGLE = "单项演练"


class DrillForm(StrEnum):
    """Drill type by form (AQ/T 9007-2019)."""

    LIVE = "实战演练"
    TABLETOP = "桌面演练"


class DrillRule(StrEnum):
    """Which frequency rule applies to high-risk units; the value is stored in the settings."""

    # Art. 33's text [V]: every unit drills a comprehensive or specific plan yearly and an on-site plan every
    # 6 months; high-risk units drill at least every 6 months without a plan type named, which the on-site
    # rule already asks of everyone (audit-2026-12.md no. 18). The default.
    NATIONAL = "national"
    # Stricter local rules: a high-risk unit's comprehensive or specific drill every 6 months as well.
    LOCAL_HALF_YEARLY = "local_half_yearly"


# Art. 33 minimum frequencies: these are per unit, not per plan (2025 official reply, §5.1).
COMPREHENSIVE_OR_SPECIFIC_INTERVAL_MONTHS = 12
HIGH_RISK_COMPREHENSIVE_OR_SPECIFIC_INTERVAL_MONTHS = 6  # under DrillRule.LOCAL_HALF_YEARLY only
ON_SITE_INTERVAL_MONTHS = 6


@dataclass(frozen=True)
class DueInfo:
    """When one group of drills was last held and is next due, as seen on a given day."""

    last_held: date | None
    next_due: date
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class DrillSchedule:
    """Due dates of the two art. 33 drill groups for one enterprise."""

    comprehensive_or_specific: DueInfo
    on_site: DueInfo


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, the day clamped to the month's end.

    Aug 31 + 6 months is Feb 28 (Feb 29 in a leap year); `months` may be negative.
    """
    if isinstance(months, bool) or not isinstance(months, int):
        raise ValueError(f"months must be an int, got {months!r}")
    month_index = day.year * 12 + (day.month - 1) + months
    year, month_zero_based = divmod(month_index, 12)
    month = month_zero_based + 1
    if not date.min.year <= year <= date.max.year:
        raise ValueError(f"{day.isoformat()} plus {months} months is outside the supported years")
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def _as_date(name: str, value: object) -> date:
    # datetime is a date subclass but cannot be compared with one, so reduce it to its day.
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise ValueError(f"{name} must be a date, got {value!r}")


def _due_info(last_held: date | None, since: date, interval_months: int, as_of: date) -> DueInfo:
    start = last_held if last_held is not None else since
    next_due = add_months(start, interval_months)
    days_overdue = max(0, (as_of - next_due).days)
    return DueInfo(
        last_held=last_held, next_due=next_due, overdue=days_overdue > 0, days_overdue=days_overdue
    )


def drill_schedule(
    drills: Iterable[tuple[date, DrillPlanType]], high_risk: bool, since: date, as_of: date,
    rule: DrillRule = DrillRule.NATIONAL,
) -> DrillSchedule:
    """Next due dates of both drill groups as of `as_of`.

    Comprehensive-or-specific drills are due every 12 months (6 for high-risk units under a stricter
    local rule), on-site response drills every 6 months, counted from the last drill of the group or, if none,
    from `since` (when tracking of the enterprise began). Drills after `as_of` are planned,
    not held, and are ignored. Overdue means `as_of` is after the due day.
    """
    if not isinstance(high_risk, bool):
        raise ValueError(f"high_risk must be True or False, got {high_risk!r}")
    since = _as_date("since", since)
    as_of = _as_date("as_of", as_of)
    last_comprehensive_or_specific: date | None = None
    last_on_site: date | None = None
    for held_on, plan_type in drills:
        held_on = _as_date("drill date", held_on)
        try:
            plan_type = DrillPlanType(plan_type)
        except ValueError:
            choices = "、".join(t.value for t in DrillPlanType)
            raise ValueError(
                say(f"未知预案类型 {plan_type!r}；可选：{choices}",
                    f"unknown drill plan type {plan_type!r}; choose one of: {choices}")
            ) from None
        if held_on > as_of:
            continue
        if plan_type == DrillPlanType.ON_SITE:
            if last_on_site is None or held_on > last_on_site:
                last_on_site = held_on
        elif last_comprehensive_or_specific is None or held_on > last_comprehensive_or_specific:
            last_comprehensive_or_specific = held_on

    main_interval = (
        HIGH_RISK_COMPREHENSIVE_OR_SPECIFIC_INTERVAL_MONTHS
        if high_risk and DrillRule(rule) is DrillRule.LOCAL_HALF_YEARLY
        else COMPREHENSIVE_OR_SPECIFIC_INTERVAL_MONTHS
    )
    return DrillSchedule(
        comprehensive_or_specific=_due_info(
            last_comprehensive_or_specific, since, main_interval, as_of
        ),
        on_site=_due_info(last_on_site, since, ON_SITE_INTERVAL_MONTHS, as_of),
    )
