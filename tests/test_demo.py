"""The demo data set: realistic, reproducible, written through the repositories, and healthy."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from safety_desk.domain.checklist import checklist_from_dict
from safety_desk.domain.grading import AccidentGrade
from safety_desk.domain.hazard_status import is_overdue
from safety_desk.domain.uscc import validate_uscc
from safety_desk.services.auth import SignIn
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.doctor import run_doctor
from safety_desk.services.drills import drills_due
from safety_desk.store.changes import TABLE_ORDER
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF
from tests.demo_data import DEMO_SPEC as SPEC


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, copy_of_demo) -> Path:
    """The shared demo (tests/demo_data.py), built by build_demo once per run."""
    return copy_of_demo(tmp_path_factory.mktemp("demo"))


def test_demo_has_every_kind_of_record(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        assert store.enterprises.count() == SPEC.enterprises
        assert store.districts.count() >= 3
        roles = Counter(p.role for p in store.people._select())
        assert roles["leader"] == store.districts.count() and roles["inspector"] >= 2 * store.districts.count()
        assert roles["enterprise"] >= 1 and roles["office"] == 1
        assert store.inspections.count() > 30
        assert store.answers.count() > 10 * store.inspections.count()
        assert store.notices.count() > 0 and store.drills.count() > 0 and store.trainings.count() > 0
        assert store.campaigns.count() >= 2 and store.incidents.count() >= 1
        for enterprise in store.enterprises.active():
            assert validate_uscc(enterprise.uscc) == enterprise.uscc


def test_demo_hazards_are_in_every_state_with_overdue_and_major_ones(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        hazards = store.hazards._select()
        states = {h.id: store.hazards.state(h.id) for h in hazards}
        assert {s.status.value for s in states.values()} == {"待整改", "整改中", "待复查", "已销号"}
        assert any(is_overdue(s, AS_OF) for s in states.values())
        assert any(h.grade == "重大" for h in hazards)
        assert all(h.treatment_plan for h in hazards if h.grade == "重大")
        assert all(e.at[:10] <= AS_OF.isoformat() for h in hazards[:200] for e in store.hazards.events(h.id))


def test_demo_has_no_accident_of_grade_larger_unless_asked(demo_db: Path, tmp_path: Path) -> None:
    with Store.open(demo_db) as store:
        grades = [store.incidents.grade(i) for i in store.incidents._select()]
    assert grades and all(g < AccidentGrade.LARGER for g in grades)
    other = tmp_path / "larger.db"
    build_demo(other, DemoSpec(enterprises=5, weeks=2, seed=1, as_of=AS_OF, larger_incident=True))
    with Store.open(other) as store:
        grades = [store.incidents.grade(i) for i in store.incidents._select()]
    assert sum(g.is_larger_or_above for g in grades) == 1


def test_demo_is_reproducible_for_a_seed(demo_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    build_demo(again, SPEC)
    with Store.open(demo_db) as first, Store.open(again) as second:
        for table in ("enterprise", "inspection", "answer", "hazard", "drill"):
            rows = lambda s: [tuple(r) for r in s.db.conn.execute(f"SELECT * FROM {table} ORDER BY id")]  # noqa: E731
            assert rows(first) == rows(second), table


def test_every_demo_row_has_its_write_clock_and_doctor_passes(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        for table in TABLE_ORDER:
            rows = store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            clocked = store.db.conn.execute("SELECT count(*) FROM row_clock WHERE tbl = ?", (table,)).fetchone()[0]
            assert clocked == rows, table
        report = run_doctor(store)
    assert report.ok, report.checks


def test_demo_refuses_to_overwrite_an_existing_database(db_path: Path) -> None:
    from safety_desk.services.setup import AlreadyInitialised

    before = db_path.read_bytes()
    with pytest.raises(AlreadyInitialised):
        build_demo(db_path, DemoSpec(enterprises=2, weeks=1, as_of=AS_OF))
    assert db_path.read_bytes() == before


def test_demo_hazard_histories_are_in_date_order_and_every_event_applies(demo_db: Path) -> None:
    from safety_desk.store.hazards import fact_of
    from safety_desk.domain.hazard_status import fold_hazard_events

    with Store.open(demo_db) as store:
        for hazard in store.hazards._select(limit=400):
            events = store.hazards.events(hazard.id)
            assert [e.at for e in events] == sorted(e.at for e in events), hazard.id
            assert fold_hazard_events([fact_of(e) for e in events]).ignored == (), hazard.id


def test_demo_drills_held_have_a_working_hours_start_and_a_length_and_planned_ones_none(demo_db: Path) -> None:
    with Store.open(demo_db) as store:
        drills = store.drills._select("deleted = 0")
    held = [d for d in drills if d.status == "held"]
    assert held and all("08:00" <= d.start_time <= "15:30" and 45 <= d.duration_minutes <= 180 for d in held)
    assert len({d.start_time for d in held}) > 5 and len({d.duration_minutes for d in held}) > 3
    assert all(d.start_time is None and d.duration_minutes is None for d in drills if d.status == "planned")


def _lists_out_of_their_dates(store: Store) -> list[str]:
    checklists = {r.id: checklist_from_dict(r.body) for r in store.checklists._select()}
    wrong = []
    for inspection in store.inspections._select():
        day, checklist = date.fromisoformat(inspection.started_at[:10]), checklists[inspection.checklist_id]
        if not (checklist.effective <= day and (checklist.superseded_on is None or day < checklist.superseded_on)):
            wrong.append(f"{day} {checklist.id} ({checklist.edition()})")
    return wrong


def test_no_demo_inspection_uses_a_list_outside_its_edition_dates(demo_db: Path, tmp_path: Path) -> None:
    # The app offers no list whose standard stopped (GB 35181-2017 from 2025-11-01, 121号 from 2026-09-30), and
    # a list is not checked by before it takes effect (AQ 3067-2026 from 2026-09-30).
    with Store.open(demo_db) as store:
        assert _lists_out_of_their_dates(store) == []
    # Twenty weeks reach back over the day 121号 stopped and AQ 3067-2026 began.
    longer = tmp_path / "longer.db"
    build_demo(longer, DemoSpec(enterprises=40, weeks=20, seed=5, as_of=AS_OF))
    with Store.open(longer) as store:
        days = [i.started_at[:10] for i in store.inspections._select()]
        assert min(days) < "2026-09-30" <= max(days)
        assert _lists_out_of_their_dates(store) == []


@pytest.mark.parametrize("seed", [1, 7, 2027])
def test_every_demo_has_what_the_pages_show_whatever_the_draws(tmp_path: Path, seed: int) -> None:
    """Not left to chance: a major hazard with its plan, in every district an enterprise overdue for a drill, a
    drill planned ahead, a recent drill's finding and a joint training session."""
    path = tmp_path / "demo.db"
    build_demo(path, DemoSpec(enterprises=15, weeks=4, seed=seed, as_of=AS_OF))
    with Store.open(path) as store:
        assert any(h.grade == "重大" and h.treatment_plan for h in store.hazards._select())
        for n in range(1, store.districts.count() + 1):
            inspector = SignIn(store).sign_in(f"inspector{n:02d}a", "demo")
            assert any(due.overdue for due in drills_due(inspector, AS_OF, 0))
        assert any(d.status == "planned" and d.held_on > AS_OF.isoformat() for d in store.drills._select())
        assert any(h.source == "drill" for h in store.hazards._select())
        assert any(t.kind == "联合培训" and len(t.enterprise_ids) > 1 for t in store.trainings._select())
