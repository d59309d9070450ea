"""Every dashboard figure equals an independent count over the demo database, and the ledger behind it agrees."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from safety_desk.domain.hazard_status import HazardStatus, overdue_days
from safety_desk.services.auth import SignIn
from safety_desk.services.dashboard import CHART_WEEKS, DashboardService, quarter_start, week_start
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.store.store import Store

AS_OF = date(2026, 11, 27)
LOGINS = ("admin", "leader01", "inspector01a", "ent0001")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dashboard") / "demo.db"
    build_demo(path, DemoSpec(enterprises=24, weeks=20, seed=6, as_of=AS_OF))
    return path


def _visible(store: Store, session) -> list:
    """The hazards this person sees, with their folded state, counted in Python without the ledger."""
    hazards = [h for h in store.hazards._select("deleted = 0") if session.may_see_enterprise(h.enterprise_id)]
    return [(h, store.hazards.state(h.id)) for h in hazards]


@pytest.mark.parametrize("login", LOGINS)
def test_hazard_figures_equal_an_independent_count_and_their_ledger(demo_path: Path, login: str) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in(login, "demo")
        service = DashboardService(session.at(AS_OF))
        dashboard = service.compute()
        pairs = _visible(store, session)
        open_pairs = [(h, s) for h, s in pairs if s.status is not HazardStatus.CLOSED]
        this_year = [(h, s) for h, s in pairs if f"{AS_OF.year}-01-01" <= h.found_on <= AS_OF.isoformat()]
        expected = {
            "open_general": sum(h.grade == "一般" for h, _ in open_pairs),
            "open_major": sum(h.grade == "重大" for h, _ in open_pairs),
            "overdue": sum(overdue_days(s, AS_OF) > 0 for _, s in pairs),
            "awaiting_review": sum(s.status is HazardStatus.AWAITING_REVIEW for _, s in pairs),
            "due_soon": sum(s.status in (HazardStatus.OPEN, HazardStatus.IN_PROGRESS) and s.deadline is not None
                            and AS_OF <= s.deadline <= AS_OF + timedelta(days=3) for _, s in pairs),
            "found_this_year": len(this_year),
            "closed_this_year": sum(s.status is HazardStatus.CLOSED for _, s in this_year),
        }
        for key, count in expected.items():
            figure = dashboard.figures[key]
            assert figure.value == count, key
            rows = service.ledger.page(figure.ledger, limit=100_000)
            assert len(rows) == count, key  # the ledger a click opens lists exactly what was counted
        if login == "admin":
            assert expected["overdue"] > 0 and expected["open_major"] > 0 and expected["awaiting_review"] > 0
        if login == "ent0001":
            assert {h.enterprise_id for h, _ in pairs} <= {session.person.enterprise_id}


@pytest.mark.parametrize("login", ("admin", "inspector01a"))
def test_weekly_bars_and_district_rows_equal_independent_counts(demo_path: Path, login: str) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in(login, "demo")
        service = DashboardService(session.at(AS_OF))
        dashboard = service.compute()
        pairs = _visible(store, session)
        assert len(dashboard.weeks) == CHART_WEEKS and dashboard.weeks[-1].monday == week_start(AS_OF)
        for bar in dashboard.weeks:
            found = sum(bar.monday.isoformat() <= h.found_on <= bar.sunday.isoformat() for h, _ in pairs)
            closed = sum(s.closed_at is not None and bar.monday <= s.closed_at.date() <= bar.sunday
                         for _, s in pairs)
            assert (bar.found, bar.closed) == (found, closed), bar.monday
            found_filter, closed_filter = service.week_filters(bar)
            assert service.ledger.count(found_filter) == found
            assert service.ledger.count(closed_filter) == closed
        assert sum(bar.found for bar in dashboard.weeks) > 0 and sum(bar.closed for bar in dashboard.weeks) > 0

        enterprises = [e for e in store.enterprises.active() if session.may_see_enterprise(e.id)]
        inspections = [i for i in store.inspections._select("status = 'submitted'")
                       if i.kind != "self_inspection"]
        for row in dashboard.districts:
            mine = [e for e in enterprises if e.district_id == row.district.id]
            assert row.enterprises == len(mine)
            assert row.open_hazards == sum(h.district_id == row.district.id and s.status is not HazardStatus.CLOSED
                                           for h, s in pairs)
            for start, covered in ((AS_OF.replace(day=1), row.covered_month),
                                   (quarter_start(AS_OF), row.covered_quarter)):
                ids = {i.enterprise_id for i in inspections
                       if start.isoformat() <= i.started_at[:10] <= AS_OF.isoformat()}
                assert covered == sum(e.id in ids for e in mine)
            colours = {}
            for enterprise in mine:
                open_ones = [(h, s) for h, s in pairs
                             if h.enterprise_id == enterprise.id and s.status is not HazardStatus.CLOSED]
                colour = ("blue" if not open_ones else "red" if any(h.grade == "重大" for h, _ in open_ones)
                          else "orange" if any(overdue_days(s, AS_OF) > 0 for _, s in open_ones) else "yellow")
                colours[colour] = colours.get(colour, 0) + 1
            assert {k: v for k, v in row.colours.items() if v} == colours
            for colour, count in row.colours.items():
                assert len(service.enterprises_by_colour(row.district.id, colour)) == count
        assert sum(r.covered_quarter for r in dashboard.districts) > 0


def test_inspections_this_week_lists_what_it_counts(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        service = DashboardService(session.at(AS_OF))
        figure = service.figures(AS_OF)["inspections_this_week"]
        monday = week_start(AS_OF).isoformat()
        expected = [i for i in store.inspections._select() if monday <= i.started_at[:10] <= AS_OF.isoformat()]
        assert figure.value == len(expected) == len(service.inspections_this_week()) > 0


def test_my_work_puts_overdue_first_and_fits_the_role(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        inspector = SignIn(store).sign_in("inspector01a", "demo")
        work = DashboardService(inspector.at(AS_OF)).my_work(AS_OF)
        assert work and work[0].kind == "overdue"
        lateness = [item.overdue_days for item in work]
        assert lateness == sorted(lateness, reverse=True)
        assert {item.kind for item in work} >= {"overdue", "review"}
        enterprise = SignIn(store).sign_in("ent0001", "demo")
        own = DashboardService(enterprise.at(AS_OF)).my_work(AS_OF)
        for item in own:
            assert item.kind in ("overdue", "rectify", "draft")
            if item.hazard_id:
                hazard = store.hazards.require(item.hazard_id)
                assert hazard.enterprise_id == enterprise.person.enterprise_id
                assert store.hazards.state(hazard.id).status is not HazardStatus.AWAITING_REVIEW
