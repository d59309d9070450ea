"""A past period's district figures after an enterprise moved district: they stay as they stood at its end."""

from __future__ import annotations

from datetime import date

from safety_desk.reports.snapshots import to_snapshot
from safety_desk.services.auth import SignIn
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.hazard_statistics import HazardStatisticsService, quarter_period
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.store import Store

WEEK, QUARTER = "2026-W46", "2026Q3"


def _figures(office, store: Store) -> dict:
    """What the weekly summary and the quarterly statistics print, per district and for the city."""
    figures = {}
    for code in (None, *(d.code for d in store.districts.active())):
        summary = WeeklyService(office).summary(iso_week(WEEK), code)
        weekly = summary.as_json()
        figures[f"weekly {code}"] = {key: weekly[key] for key in (
            "enterprises_total", "hazards_found_general", "hazards_found_major", "hazards_closed", "hazards_open",
            "hazards_overdue", "major_hazards_open", "rectification_rate_year", "deadlines_next_week", "trainings",
            "training_attendees")}
        figures[f"weekly {code} by district"] = summary.open_by_district
        figures[f"weekly {code} bars"] = [(bar.found, bar.closed) for bar in summary.weeks]
        figures[f"weekly {code} drills"] = sorted(due.enterprise_id for due in summary.drills_overdue)
        figures[f"weekly {code} listed"] = [(row.hazard_id, row.district_name) for row in (
            *summary.overdue, *summary.majors, *summary.due_next_week)]
        quarterly = to_snapshot(HazardStatisticsService(office).statistics(quarter_period(QUARTER), code))
        figures[f"quarterly {code}"] = {key: quarterly[key] for key in (
            "total", "statuses", "closed_in_period", "majors_tally")}
    return figures


def test_a_move_after_the_period_leaves_its_district_figures_as_they_were(demo_store: Store) -> None:
    office = SignIn(demo_store).sign_in("admin", "demo")
    # The enterprise with most hazards of the periods, and a training in the week: moving it changes both.
    busiest = max(demo_store.enterprises.active(), key=lambda e: demo_store.db.conn.execute(
        "SELECT count(*) FROM hazard WHERE enterprise_id = ? AND found_on BETWEEN '2026-07-01' AND '2026-11-15'",
        (e.id,)).fetchone()[0] + 1000 * demo_store.db.conn.execute(
        "SELECT count(*) FROM training t, json_each(t.enterprise_ids) j WHERE j.value = ?"
        " AND t.held_on BETWEEN '2026-11-09' AND '2026-11-15'", (e.id,)).fetchone()[0])
    before = _figures(office, demo_store)
    other = next(d for d in demo_store.districts.active() if d.id != busiest.district_id)
    hazards = demo_store.db.conn.execute("SELECT count(*) FROM hazard WHERE enterprise_id = ?",
                                         (busiest.id,)).fetchone()[0]
    EnterpriseService(office).move(busiest.id, other.id)  # on DEMO_AS_OF, after both periods
    # Today it and its hazards are the new district's …
    assert demo_store.db.conn.execute("SELECT count(*) FROM hazard WHERE enterprise_id = ? AND district_id = ?",
                                      (busiest.id, other.id)).fetchone()[0] == hazards > 0
    # … but what a district had found, closed and left open by the period's end is unchanged.
    after = _figures(office, demo_store)
    assert {key: value for key, value in after.items() if value != before[key]} == {}
    # Its hazards as the ledger of the week's end lists them (what `ledger --as-of` and the summary's lists print)
    # stand in the district they were in then.
    listed = {row.district_name for row in LedgerService(office.at(date(2026, 11, 15))).every_row(
        LedgerFilter(enterprise_id=busiest.id))}
    assert listed == {demo_store.districts.get(busiest.district_id).name}
