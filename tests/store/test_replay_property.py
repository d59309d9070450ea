"""Property: any sequence of writes, replayed from its recorded clocks and values, rebuilds the same rows."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_desk.domain.uscc import make_uscc
from safety_desk.store.changes import TABLE_ORDER, apply_changes, export_changes
from safety_desk.store.database import Database
from safety_desk.store.records import (
    Answer, ChecklistRecord, District, Enterprise, Hazard, Inspection, Person,
)
from safety_desk.store.store import Store

NAMES = st.text(alphabet="东西南北中片区企业公司安全0123456789 '\"", min_size=1, max_size=12).filter(lambda s: s.strip())
OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["district", "rename_district", "enterprise", "edit_enterprise", "delete_enterprise",
                     "person", "hazard", "hazard_event", "inspection", "answer"]),
    NAMES, st.integers(0, 10**6)), min_size=1, max_size=25)


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the schema and nothing else, made once (migrating a new file takes most of 0.1 s)."""
    path = tmp_path_factory.mktemp("empty") / "empty.db"
    Database.open(path, create=True).close()
    return path


def _fresh_store(empty: Path, folder: Path, name: str, device: str) -> Store:
    shutil.copy(empty, folder / name)
    store = Store(Database.open(folder / name))
    with store.transaction():
        store.db.adopt_device(device)
    return store


def _run(store: Store, operations) -> None:
    """Apply a random sequence of repository writes; invalid steps are skipped, as a user would be refused."""
    rng = random.Random(0)
    districts, enterprises, hazards, inspections = [], [], [], []
    with store.transaction():
        checklist = store.checklists.add(ChecklistRecord(
            id="t@1", code="t", version=1, title="测试检查表", standard="测试", standard_superseded=False,
            effective="2026-01-01", body={"id": "t", "items": ["A", "B"]}))
    for kind, text, number in operations:
        rng.seed(number)
        if kind == "district" or not districts:
            districts.append(store.districts.add(District(id=store.db.new_id(), code=f"D{len(districts)}",
                                                          name=text)))
        elif kind == "rename_district":
            store.districts.update(rng.choice(districts).id, name=text)
        elif kind == "enterprise" or not enterprises:
            body = f"91370200{len(enterprises):09d}"
            enterprises.append(store.enterprises.add(Enterprise(
                id=store.db.new_id(), uscc=make_uscc(body), name=text, district_id=rng.choice(districts).id,
                industry="机械", risk_class=rng.choice((1, 2, 3)), tracked_since="2026-01-01")))
        elif kind == "edit_enterprise":
            store.enterprises.update(rng.choice(enterprises).id, address=text, risk_class=rng.choice((1, 2, 3)))
        elif kind == "delete_enterprise":
            store.enterprises.delete(rng.choice(enterprises).id)
        elif kind == "person":
            store.people.add(Person(id=store.db.new_id(), name=text, login=f"p{number}-{store.people.count()}",
                                    role="inspector"))
        elif kind == "hazard":
            enterprise = rng.choice(enterprises)
            hazards.append(store.hazards.open_hazard(Hazard(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                source="inspection", description=text, grade=rng.choice(("一般", "重大")), found_on="2026-11-02"),
                deadline=date(2026, 11, rng.randrange(3, 28))))
        elif kind == "hazard_event" and hazards:
            hazard = rng.choice(hazards)
            state = store.hazards.state(hazard.id)
            from safety_desk.domain.hazard_status import allowed_next
            choices = sorted(k for k in allowed_next(state.status) if not k.startswith("deadline"))
            store.hazards.append_event(hazard.id, rng.choice(choices), reason=text)
        elif kind == "inspection":
            enterprise = rng.choice(enterprises)
            inspections.append(store.inspections.add(Inspection(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                checklist_id=checklist.id, kind="routine", started_at="2026-11-02T09:00:00+08:00")))
        elif kind == "answer" and inspections:
            store.answers.record(rng.choice(inspections).id, rng.choice("AB"), rng.choice(("pass", "fail")),
                                 note=text)


def _snapshot(store: Store) -> dict:
    conn = store.db.conn
    tables = {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABLE_ORDER}
    tables["hazard_state"] = [tuple(r) for r in conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id")]
    return tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS, st.randoms(use_true_random=False))
def test_replaying_recorded_changes_onto_an_empty_database_reproduces_every_row(empty: Path, operations,
                                                                                    shuffler) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = _fresh_store(empty, Path(folder), "source.db", "device-a")
        _run(source, operations)
        changes = list(export_changes(source.db))
        replica = _fresh_store(empty, Path(folder), "replica.db", "device-b")
        apply_changes(replica.db, changes)
        assert _snapshot(replica) == _snapshot(source)

        # The same changes again change nothing; in another order they give the same rows.
        assert apply_changes(replica.db, changes) == 0
        assert _snapshot(replica) == _snapshot(source)
        shuffled = _fresh_store(empty, Path(folder), "shuffled.db", "device-c")
        reordered = list(changes)
        shuffler.shuffle(reordered)
        apply_changes(shuffled.db, reordered)
        assert _snapshot(shuffled) == _snapshot(source)
        for store in (source, replica, shuffled):
            store.close()


def test_export_after_a_write_holds_only_newer_cells(empty: Path, tmp_path: Path) -> None:
    store = _fresh_store(empty, tmp_path, "a.db", "device-a")
    district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
    seen = store.db.conn.execute("SELECT max(seq) FROM write_log").fetchone()[0]
    store.districts.update(district.id, name="西城片区")
    newer = list(export_changes(store.db, after_seq=seen))
    assert [(c.table, c.field, c.value) for c in newer] == [("district", "name", "西城片区")]
    store.close()


def test_a_merge_never_rewrites_a_submitted_inspection_or_its_answers(empty: Path, tmp_path: Path) -> None:
    source = _fresh_store(empty, tmp_path, "a.db", "device-a")
    _run(source, [("district", "东城", 1), ("enterprise", "某公司", 2), ("inspection", "x", 3), ("answer", "备注", 4)])
    inspection = source.inspections.drafts()[0]
    source.inspections.submit(inspection.id)
    submitted = list(export_changes(source.db))
    replica = _fresh_store(empty, tmp_path, "b.db", "device-b")
    apply_changes(replica.db, submitted)  # arriving together: the submitted record and its answers
    assert replica.inspections.require(inspection.id).status == "submitted"
    assert len(replica.answers.of_inspection(inspection.id)) == 1

    # A later-clocked copy of the draft (say, from a device restored from an old backup) is refused.
    from dataclasses import replace

    edits = {"inspection": {"status": "draft"}, "answer": {"note": "改过"}}
    stale = [replace(c, clock=replica.db.clock.now(), value={**c.value, **edits[c.table]})
             for c in submitted if c.table in edits]
    assert apply_changes(replica.db, stale) == 0
    assert replica.inspections.require(inspection.id).status == "submitted"
    assert replica.answers.of_inspection(inspection.id)[0].note != "改过"
    source.close()
    replica.close()
