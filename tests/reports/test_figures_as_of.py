"""Figures for a period are the hazards' events folded to the period's end: checked against a fold written here."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_desk.domain.china_time import BEIJING
from safety_desk.services.auth import SignIn
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.reports import ReportService
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.statistics import StatisticsQuery
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF

FIRST = DEMO_AS_OF - timedelta(weeks=9)  # a week before the demo's first
_EXAMPLES = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# The closed loop, written out again here: status -> {event kind: next status}; anything else is skipped.
_KEEP = ("deadline_set", "deadline_extended", "comment")
_NEXT = {
    "待整改": {"progress": "整改中", "reported_rectified": "待复查"},
    "整改中": {"progress": "整改中", "reported_rectified": "待复查"},
    "待复查": {"verified": "已销号", "rejected": "整改中", "comment": "待复查"},
    "已销号": {"reopened": "整改中", "comment": "已销号"},
}


def _fold(events: list[tuple], end: datetime) -> dict | None:
    """(status, deadline, closed_at) of one hazard from its raw rows (kind, at, deadline) in clock order, counting
    only events up to `end`; None when it was not yet registered then."""
    state: dict | None = None
    for kind, at, deadline in events:
        moment = datetime.fromisoformat(at)
        if (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)) > end:
            continue
        if state is None:
            if kind == "created":
                state = {"status": "待整改", "deadline": deadline, "closed_at": None}
            continue
        status = state["status"]
        if kind in _KEEP and status != "已销号" and (kind == "comment" or deadline):
            if kind != "comment":
                state["deadline"] = deadline
        elif kind in _NEXT[status]:
            state["status"] = _NEXT[status][kind]
            if kind == "verified":
                state["closed_at"] = at
            elif kind == "reopened":
                state["closed_at"] = None
    return state


def _as_of(store: Store, day: date) -> dict[str, dict]:
    """Every live hazard registered by the end of `day`, with its facts and its state then."""
    end = datetime(day.year, day.month, day.day, 23, 59, 59, 999000, tzinfo=BEIJING)
    events: dict[str, list[tuple]] = {}
    for hazard_id, kind, at, deadline in store.db.conn.execute(
            "SELECT hazard_id, kind, at, deadline FROM hazard_event ORDER BY clock, id"):
        events.setdefault(hazard_id, []).append((kind, at, deadline))
    found = {}
    for hazard_id, grade, found_on, district_id in store.db.conn.execute(
            "SELECT id, grade, found_on, district_id FROM hazard WHERE deleted = 0"):
        state = _fold(events.get(hazard_id, []), end)
        if state is not None:
            overdue = (state["status"] in ("待整改", "整改中") and state["deadline"] is not None
                       and state["deadline"] < day.isoformat())
            found[hazard_id] = {**state, "grade": grade, "found_on": found_on, "district_id": district_id,
                                "overdue": overdue}
    return found


def _tally(hazards: dict[str, dict], start: date, end: date) -> dict[str, int]:
    inside = [h for h in hazards.values() if start.isoformat() <= h["found_on"] <= end.isoformat()]
    return {"found": len(inside), "general": sum(h["grade"] == "一般" for h in inside),
            "major": sum(h["grade"] == "重大" for h in inside), "closed": sum(h["status"] == "已销号" for h in inside),
            "open": sum(h["status"] != "已销号" for h in inside), "overdue": sum(h["overdue"] for h in inside)}


def _closed_between(hazards: dict[str, dict], start: date, end: date) -> int:
    return sum(h["closed_at"] is not None and start.isoformat() <= h["closed_at"][:10] <= end.isoformat()
               for h in hazards.values())


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _figures(tally) -> dict[str, int]:
    return {name: getattr(tally, name) for name in ("found", "general", "major", "closed", "open", "overdue")}


@pytest.fixture
def office(demo_store):
    return SignIn(demo_store).sign_in("admin", "demo")


@_EXAMPLES
@given(end=st.dates(min_value=FIRST, max_value=DEMO_AS_OF), length=st.integers(min_value=0, max_value=60))
def test_statistics_and_the_ledger_as_of_a_day_are_the_fold_to_its_end(demo_store: Store, office, end: date,
                                                                     length: int) -> None:
    start = end - timedelta(days=length)
    hazards = _as_of(demo_store, end)
    statistics = StatisticsQuery(demo_store.db)
    assert _figures(statistics.tally(None, None, start, end, end)) == _tally(hazards, start, end)
    inside = [h for h in hazards.values() if start.isoformat() <= h["found_on"] <= end.isoformat()]
    assert statistics.status_counts(None, None, start, end, end) == dict(Counter(h["status"] for h in inside))
    assert statistics.closed_between(None, None, start, end) == _closed_between(hazards, start, end)
    by_grade = {t.key: (t.found, t.closed, t.overdue) for t in statistics.tally_by("grade", None, None, start, end, end)}
    assert by_grade == {grade: (t["found"], t["closed"], t["overdue"]) for grade in {h["grade"] for h in inside}
                        for t in [_tally({k: h for k, h in hazards.items() if h["grade"] == grade}, start, end)]}
    # `ledger --as-of` and `export ledger --as-of` list LedgerService(session.at(day)).every_row.
    rows = {row.hazard_id: (row.status, row.deadline or None, row.overdue_days > 0, _moment(row.closed_at))
            for row in LedgerService(office.at(end)).every_row(LedgerFilter())}
    assert rows == {hazard_id: (h["status"], h["deadline"], h["overdue"], _moment(h["closed_at"]))
                    for hazard_id, h in hazards.items()}


@_EXAMPLES
@given(day=st.dates(min_value=FIRST, max_value=DEMO_AS_OF))
def test_the_weekly_summary_of_a_week_is_the_fold_to_its_sunday(demo_store: Store, office, day: date) -> None:
    calendar = day.isocalendar()
    period = iso_week(f"{calendar.year}-W{calendar.week:02d}")
    summary = WeeklyService(office.at(DEMO_AS_OF)).summary(period)
    as_of = min(DEMO_AS_OF, period.end)
    hazards = _as_of(demo_store, as_of)
    assert summary.as_of == as_of
    assert _figures(summary.found) == _tally(hazards, period.start, period.end)
    assert summary.closed_in_period == _closed_between(hazards, period.start, period.end)
    open_ = [h for h in hazards.values() if h["status"] != "已销号"]
    assert summary.open_total == len(open_)
    assert summary.overdue_total == sum(h["overdue"] for h in hazards.values())
    assert summary.majors_total == sum(h["grade"] == "重大" for h in open_)
    year = _tally(hazards, date(as_of.year, 1, 1), as_of)
    assert (summary.year_found, summary.year_closed) == (year["found"], year["closed"])
    monday = period.end + timedelta(days=1)
    assert summary.due_next_week_total == sum(
        h["status"] in ("待整改", "整改中") and h["deadline"] is not None
        and monday.isoformat() <= h["deadline"] <= (monday + timedelta(days=6)).isoformat() for h in hazards.values())
    names = dict(demo_store.db.conn.execute("SELECT id, name FROM district"))
    per_district = Counter(names[h["district_id"]] for h in open_)
    assert {name: count for name, count in summary.open_by_district if count} == dict(per_district)
    for bar in summary.weeks:
        assert bar.found == _tally(hazards, bar.monday, bar.sunday)["found"]
        assert bar.closed == _closed_between(hazards, bar.monday, bar.sunday)


def _quarterly(office, quarter: str, monkeypatch) -> object:
    """The figures ReportService.quarterly prints, caught before they are drawn."""
    caught = []
    monkeypatch.setattr("safety_desk.reports.quarterly.render_quarterly",
                        lambda statistics, target, generated_at, **_: caught.append(statistics))
    ReportService(office).quarterly(quarter, Path("unused.pdf"))
    return caught[0]


@_EXAMPLES
@given(day=st.dates(min_value=FIRST, max_value=DEMO_AS_OF))
def test_the_quarterly_statistics_printed_on_a_day_are_the_fold_to_that_day(
        demo_store: Store, office, day: date, monkeypatch) -> None:
    quarter = f"{day.year}Q{(day.month - 1) // 3 + 1}"
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    printed = _quarterly(office.at(day), quarter, monkeypatch)
    hazards = _as_of(demo_store, day)
    assert printed.as_of == day.isoformat()
    assert _figures(printed.total) == _tally(hazards, first, day)
    assert printed.closed_in_period == _closed_between(hazards, first, day)
    assert printed.statuses == dict(Counter(h["status"] for h in hazards.values()
                                            if first.isoformat() <= h["found_on"] <= day.isoformat()))


def _everything(office, day: date, monkeypatch) -> tuple:
    week = day.isocalendar()
    summary = WeeklyService(office.at(DEMO_AS_OF)).summary(iso_week(f"{week.year}-W{week.week:02d}"))
    quarterly = _quarterly(office.at(day), f"{day.year}Q4", monkeypatch)
    ledger = [dataclasses.astuple(row) for row in LedgerService(office.at(day)).every_row(LedgerFilter())]
    return summary.as_json(), summary.overdue, summary.majors, dataclasses.astuple(quarterly), ledger


def test_a_past_period_reprinted_after_new_activity_gives_the_same_figures(demo_store: Store, office,
                                                                           monkeypatch) -> None:
    day = date(2026, 11, 15)  # the Sunday of 2026-W46
    before = _everything(office, day, monkeypatch)
    assert before[0]["hazards_open"] > 0 and before[0]["hazards_found_general"] > 0
    # The next week's work: every hazard open then is rectified and closed, every closed one reopened, deadlines
    # moved, and a hazard found inside the period but registered only now.
    hazards = demo_store.hazards
    changed = 0
    for hazard_id, status in demo_store.db.conn.execute("SELECT hazard_id, status FROM hazard_state").fetchall():
        if status in ("待整改", "整改中"):
            hazards.append_event(hazard_id, "deadline_extended", deadline=date(2027, 1, 31))
            hazards.append_event(hazard_id, "reported_rectified")
        if status in ("待整改", "整改中", "待复查"):
            hazards.append_event(hazard_id, "verified")
        else:
            hazards.append_event(hazard_id, "reopened")
        changed += 1
    sample = hazards._select("deleted = 0", (), limit=1)[0]
    hazards.open_hazard(dataclasses.replace(sample, id=demo_store.db.new_id(), found_on="2026-11-12", notice_id=None,
                                            inspection_id=None, item_code=None), deadline=date(2026, 11, 13))
    assert changed > 100
    assert _everything(office, day, monkeypatch) == before


def test_a_read_only_worker_connection_prints_a_past_period_too(demo_store: Store, office) -> None:
    """The Reports page and the ledger export run on Store.reader(), whose connection is query_only."""
    day = date(2026, 11, 15)
    expected = LedgerService(office.at(day)).count(LedgerFilter(open_only=True))
    with demo_store.reader() as reader:
        assert LedgerService(office.with_store(reader).at(day)).count(LedgerFilter(open_only=True)) == expected
        assert reader.db.conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(Exception, match="readonly"):
            reader.db.conn.execute("DELETE FROM hazard_event")
