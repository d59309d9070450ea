"""Rows, not devices, are refused (the sender is told, nothing is stuck); enterprises moved between districts hand over."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_desk.cli import main
from safety_desk.media.files import holds, media_path
from safety_desk.services.doctor import run_doctor
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.hazards import HazardService
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.sync import SyncService
from safety_desk.store.records import Hazard, Inspection

from sync_helpers import Replica, add_photo, as_person, enrol_and_join, exchange, hazard_of, later_than, open_world


def raw_write(replica: Replica, table: str, row_id: str, values: dict, *, insert: bool = False) -> None:
    """The device's owner edits its own SQLite file (no repository, no checks) and logs the write as the app would,
    so the device's next bundle carries it, signed with its own key."""
    clock = replica.store.db.clock.now()
    conn = sqlite3.connect(replica.store.path)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        seq = conn.execute("INSERT INTO write_log (clock, author) VALUES (?, '')", (clock,)).lastrowid
        if insert:
            conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                         list(values.values()))
            fields = {"*": seq}
        else:
            conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ?",
                         [*values.values(), row_id])
            old = conn.execute("SELECT fields FROM row_clock WHERE tbl = ? AND row_id = ?", (table, row_id)).fetchone()
            fields = {**(json.loads(old[0]) if old else {}), **{c: seq for c in values}}
        conn.execute("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id)"
                     " DO UPDATE SET fields = excluded.fields, last_seq = excluded.last_seq",
                     (table, row_id, json.dumps(fields), seq))
        conn.commit()
    finally:
        conn.close()


def row(replica: Replica, table: str, row_id: str) -> dict | None:
    found = replica.store.db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return dict(found) if found else None


def office_row_of(office: Replica, table: str, row_id: str) -> dict:
    return row(office, table, row_id)


def test_a_row_outside_the_scope_is_refused_alone_and_the_sender_is_told(english, world, tmp_path) -> None:
    office, _, enterprise = world
    exchange(office, enterprise, tmp_path)
    other = hazard_of(office.store, "隐患2")  # a hazard of another enterprise
    other_before = office_row_of(office, "hazard", other.id)
    # The enterprise's owner plants the other enterprise's hazard in its own database, changed: every bundle of
    # its would carry it again (on main the whole bundle was refused, every time: the device was stuck).
    raw_write(enterprise, "hazard", other.id, {**other_before, "description": "改别人的", "grade": "重大"}, insert=True)
    own = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).record_progress(own.id, "整改进行中")
    raw_write(enterprise, "hazard", own.id, {"grade": "重大"})  # the inspector side's field: refused too, and told
    result = exchange(enterprise, office, tmp_path)
    assert any(other.id in text and "outside the scope" in text for text in result.refused), result.refused
    assert office_row_of(office, "hazard", other.id) == other_before       # nothing of the refused row
    notes = [e.reason for e in office.store.hazards.events(own.id)]
    assert "整改进行中" in notes                                            # the rest of the bundle applied
    assert any(c.kind == "refused" and c.row_id == other.id for c in office.sync.conflicts(include_resolved=True))
    # The enterprise is told in the office's next bundle, and keeps the refusal for its Sync page.
    back = exchange(office, enterprise, tmp_path)
    assert any("refused" in w for w in back.warnings), back.warnings
    told = [c for c in enterprise.sync.conflicts(include_resolved=True) if c.kind == "refused"]
    assert {c.row_id for c in told} == {other.id, own.id}
    assert all("outside the scope" in c.note for c in told if c.row_id == other.id)
    assert [c.field for c in told if c.row_id == own.id] == ["grade"]
    assert office.store.hazards.require(own.id).grade == "一般"
    listed = CliRunner().invoke(main, ["--db", str(enterprise.store.path), "sync", "conflicts", "--all"])
    assert listed.exit_code == 0 and other.id in listed.output and "refused" in listed.output, listed.output
    # Not stuck: the refused row is acknowledged, the next bundle does not carry it, and imports clean.
    HazardService(as_person(enterprise, "e1")).record_progress(own.id, "再次进展")
    again = exchange(enterprise, office, tmp_path)
    assert not again.refused and again.applied
    assert office_row_of(office, "hazard", other.id) == other_before
    # Told once: a later bundle from the office does not repeat it, and the enterprise holds one conflict.
    exchange(office, enterprise, tmp_path)
    assert len([c for c in enterprise.sync.conflicts(include_resolved=True) if c.kind == "refused"]) == len(told)


def test_an_inspector_cannot_move_a_hazard_to_another_district(english, world, tmp_path) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    hazard = hazard_of(office.store, "隐患2")
    d2 = office.store.districts.by_code("D2")
    raw_write(inspector, "hazard", hazard.id, {"district_id": d2.id, "description": "改了片区"})
    # And hands another of its hazards to an enterprise of D2 (out of its scope after the change).
    first = hazard_of(office.store, "隐患1")
    elsewhere = hazard_of(office.store, "隐患3").enterprise_id
    raw_write(inspector, "hazard", first.id, {"enterprise_id": elsewhere})
    result = exchange(inspector, office, tmp_path)
    assert any(f"hazard.enterprise_id {first.id}" in text and "outside the scope" in text for text in result.refused)
    assert office.store.hazards.require(first.id).enterprise_id == first.enterprise_id
    assert any(f"hazard.district_id {hazard.id}" in text and "another district" in text
               for text in result.refused), result.refused
    after = office.store.hazards.require(hazard.id)
    assert after.district_id == hazard.district_id                      # still in its district's ledger
    assert after.description == "改了片区"                                # the inspector's own edit of it applied


@pytest.fixture
def no_backups(monkeypatch):
    """Many imports a second: the backup before each has its own test (and its rotation its own), here it costs time."""
    monkeypatch.setattr(SyncService, "backup", lambda self: None)


def _world_of_four(world, tmp_path):
    office, inspector_a, enterprise = world  # the inspector works in D1, laptop A's district (sync_helpers.py)
    inspector_b = enrol_and_join(office, tmp_path, "inspector-b", "inspector", district_codes=["D2"])
    return office, inspector_a, inspector_b, enterprise


def _round(office: Replica, devices: list[Replica], folder) -> list:
    """One sync round: each device hears from the office, then answers (so the office's news arrives first)."""
    results = []
    for device in devices:
        results.append(exchange(office, device, folder))
        results.append(exchange(device, office, folder))
    return results


def _enterprise_rows(replica: Replica, enterprise_id: str) -> dict[str, set[str]]:
    conn = replica.store.db.conn
    hazards = {r[0] for r in conn.execute("SELECT id FROM hazard WHERE enterprise_id = ?", (enterprise_id,))}
    marks = ",".join("?" * len(hazards))
    return {
        "enterprise": {r[0] for r in conn.execute("SELECT id FROM enterprise WHERE id = ?", (enterprise_id,))},
        "person": {r[0] for r in conn.execute("SELECT id FROM person WHERE enterprise_id = ?", (enterprise_id,))},
        "hazard": hazards,
        "hazard_event": {r[0] for r in conn.execute(f"SELECT id FROM hazard_event WHERE hazard_id IN ({marks})",
                                                    sorted(hazards))},
        "inspection": {r[0] for r in conn.execute("SELECT id FROM inspection WHERE enterprise_id = ?",
                                                  (enterprise_id,))},
    }


def _move(office: Replica, enterprise_id: str, district_code: str, how: str, folder) -> None:
    """The office moves the enterprise: by editing it, through the Enterprises page's service (the GUI's 移至片区),
    or by importing the enterprise list (the spreadsheet)."""
    district = office.store.districts.by_code(district_code)
    if how == "service":
        EnterpriseService(as_person(office, "admin")).move(enterprise_id, district.id)
        return
    if how == "edit":
        with office.store.transaction():
            office.store.enterprises.update(enterprise_id, district_id=district.id)
        return
    import openpyxl

    enterprise = office.store.enterprises.require(enterprise_id)
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "统一社会信用代码", "所属片区", "所属行业"])
    book.active.append([enterprise.name, enterprise.uscc, district.code, enterprise.industry])
    book.save(folder / "enterprises.xlsx")
    result = SpreadsheetService(as_person(office, "admin")).import_enterprises(folder / "enterprises.xlsx")
    assert result.updated == 1 and result.written


@pytest.mark.parametrize("how", ["edit", "service", "import"])
def test_moving_an_enterprise_hands_it_over_and_keeps_the_offline_edit(world, tmp_path, no_backups, how) -> None:
    office, inspector_a, inspector_b, enterprise_pc = _world_of_four(world, tmp_path)
    devices = [inspector_a, inspector_b, enterprise_pc]
    hazard = hazard_of(office.store, "隐患1")
    moved = office.store.enterprises.require(hazard.enterprise_id)
    d1, d2 = office.store.districts.by_code("D1"), office.store.districts.by_code("D2")
    with office.store.transaction():  # a submitted inspection of the enterprise, in D1 where it happened
        inspection = office.store.inspections.add(Inspection(
            id=office.store.db.new_id(), enterprise_id=moved.id, district_id=d1.id,
            checklist_id=office.store.checklists.latest()[0].id, kind="routine", started_at="2026-11-02T09:00:00"))
        office.store.inspections.submit(inspection.id)
    _round(office, devices, tmp_path)
    assert row(inspector_a, "enterprise", moved.id) and not row(inspector_b, "enterprise", moved.id)
    # Some history at the office first (it must reach B too, not only what changes after the move).
    photo = add_photo(enterprise_pc.store, "整改进展")
    HazardService(as_person(enterprise_pc, "e1")).record_progress(hazard.id, "企业进展", [photo])
    _round(office, [enterprise_pc], tmp_path)
    # Laptop A, offline, extends the hazard's deadline; meanwhile the office moves the enterprise to D2.
    HazardService(as_person(inspector_a, "insp")).extend_deadline([hazard.id], date(2026, 12, 31), "现场延期")
    with inspector_a.store.transaction():  # and finds a new hazard there (in D1, as the enterprise still is to A)
        inspector_a.store.hazards.open_hazard(Hazard(
            id=inspector_a.store.db.new_id(), enterprise_id=moved.id, district_id=moved.district_id,
            source="inspection", description="A新隐患", grade="一般", found_on="2026-11-30"),
            deadline=date(2026, 12, 20))
    edit_clock = inspector_a.store.db.clock.last
    later_than(office, inspector_a)
    _move(office, moved.id, "D2", how, tmp_path)
    assert office.store.db.clock.last > edit_clock
    for _ in range(3):
        results = _round(office, devices, tmp_path)
        assert not any(r.refused for r in results), [r.refused for r in results]
    # A's edit is at the office (made while the enterprise was A's) and relayed to B, the new district.
    kinds = [e.kind for e in office.store.hazards.events(hazard.id)]
    assert "deadline_extended" in kinds
    # A no longer holds anything of the enterprise; B holds all of it, as the office does.
    assert not any(_enterprise_rows(inspector_a, moved.id).values())
    assert _enterprise_rows(inspector_b, moved.id) == _enterprise_rows(office, moved.id)
    assert {e.kind for e in inspector_b.store.hazards.events(hazard.id)} >= {"deadline_extended", "progress"}
    assert row(inspector_b, "photo", photo) is not None and row(inspector_a, "photo", photo) is None
    assert holds(media_path(inspector_b.store.media_dir, photo), photo)
    # Its hazards went to the new district's ledger everywhere; the enterprise's PC holds its new district.
    for replica in (office, inspector_b, enterprise_pc):
        assert replica.store.hazards.require(hazard.id).district_id == d2.id
        assert hazard_of(replica.store, "A新隐患").district_id == d2.id
    assert row(enterprise_pc, "district", d2.id) is not None
    # The inspection keeps the district it happened in; B, which now holds it, holds that district's record too.
    assert row(inspector_b, "inspection", inspection.id)["district_id"] == d1.id
    assert row(inspector_b, "district", d1.id) is not None
    # A keeps its other enterprise; nothing is waiting or stuck.
    other = hazard_of(office.store, "隐患2")
    assert row(inspector_a, "hazard", other.id) is not None
    assert inspector_a.store.db.local("leaving_enterprises") in (None, "[]")
    for replica in (office, inspector_a, inspector_b, enterprise_pc):
        report = run_doctor(replica.store)
        assert report.ok, (replica.name, report)


def test_an_edit_made_after_the_move_is_refused_and_the_device_told(english, world, tmp_path, no_backups) -> None:
    office, inspector_a, inspector_b, enterprise_pc = _world_of_four(world, tmp_path)
    _round(office, [inspector_a, inspector_b], tmp_path)
    hazard = hazard_of(office.store, "隐患1")
    moved = office.store.enterprises.require(hazard.enterprise_id)
    d2 = office.store.districts.by_code("D2")
    inspector_a.store.hazards.update(hazard.id, description="移交前改的")  # offline, before the move
    later_than(office, inspector_a)  # the move comes after (two writes in one millisecond would tie on time)
    with office.store.transaction():
        office.store.enterprises.update(moved.id, district_id=d2.id)
    exchange(office, inspector_a, tmp_path)  # A learns of the move: its edit is not sent yet, so it keeps the rows
    assert row(inspector_a, "enterprise", moved.id) is not None
    inspector_a.store.hazards.update(hazard.id, grade="重大")  # made after A learned of the move
    result = exchange(inspector_a, office, tmp_path)
    assert any(f"hazard.grade {hazard.id}" in text and "after the move" in text for text in result.refused)
    assert not any("description" in text for text in result.refused)
    assert office.store.hazards.require(hazard.id).description == "移交前改的"
    assert office.store.hazards.require(hazard.id).grade != "重大"
    back = exchange(office, inspector_a, tmp_path)
    assert any("refused" in w for w in back.warnings)
    told = [c for c in inspector_a.sync.conflicts(include_resolved=True) if c.kind == "refused"]
    assert [(c.row_id, c.field) for c in told] == [(hazard.id, "grade")]
    assert row(inspector_a, "enterprise", moved.id) is None  # everything of A's reached the office: dropped
    assert row(inspector_a, "hazard", hazard.id) is None


@settings(max_examples=int(os.environ.get("SAFETY_DESK_FUZZ", "8")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(["edit", "move", "to A", "from A", "to B", "from B"]), max_size=10))
def test_a_move_in_any_order_of_syncs_loses_no_edit_made_before_it(world_template, tmp_path_factory, no_backups,
                                                                   steps) -> None:
    """Laptop A edits a hazard of an enterprise the office moves to B's district, with the exchanges in any order:
    no bundle is refused whole, every value A sent that was written before the move is the office's, one
    written after is refused and A is told, and in the end A holds nothing of the enterprise and B all of it."""
    folder = tmp_path_factory.mktemp("moves")
    replicas = open_world(world_template, folder)
    office, inspector_a, _ = replicas
    inspector_b = enrol_and_join(office, folder, "inspector-b", "inspector", district_codes=["D2"])
    replicas.append(inspector_b)
    try:
        _round(office, [inspector_a, inspector_b], folder)
        hazard = hazard_of(office.store, "隐患1")
        expected, pending, move_clock, refused_sends = hazard.description, None, None, 0
        for n, step in enumerate(steps):
            if step == "edit" and row(inspector_a, "hazard", hazard.id) is not None:
                inspector_a.store.hazards.update(hazard.id, description=f"A改{n}")
                # The office compares the cells' own clocks (a write's last clock may be a later row's: a tie in the
                # millisecond then falls the other way).
                pending = (f"A改{n}", inspector_a.store.db.cell_clocks("hazard", hazard.id)["description"][0])
            elif step == "move" and move_clock is None:
                later_than(office, inspector_a)
                with office.store.transaction():
                    office.store.enterprises.update(hazard.enterprise_id,
                                                    district_id=office.store.districts.by_code("D2").id)
                move_clock = office.store.db.cell_clocks("enterprise", hazard.enterprise_id)["district_id"][0]
            elif step.startswith("to "):
                exchange(office, inspector_a if step == "to A" else inspector_b, folder)
            elif step.startswith("from "):
                result = exchange(inspector_a if step == "from A" else inspector_b, office, folder)
                if step == "from A" and pending is not None:
                    if move_clock is None or pending[1] < move_clock:
                        expected = pending[0]
                    else:
                        refused_sends += 1
                        assert any(f"hazard.description {hazard.id}" in text for text in result.refused)
                    pending = None
        for _ in range(3):
            _round(office, [inspector_a, inspector_b], folder)
        if pending is not None and move_clock is not None and pending[1] >= move_clock:
            refused_sends += 1  # sent in the final rounds, after the move
        elif pending is not None:
            expected = pending[0]
        assert office.store.hazards.require(hazard.id).description == expected
        told = [c for c in inspector_a.sync.conflicts(include_resolved=True) if c.kind == "refused"]
        assert bool(told) == bool(refused_sends)
        holder, other = (inspector_b, inspector_a) if move_clock else (inspector_a, inspector_b)
        assert _enterprise_rows(holder, hazard.enterprise_id) == _enterprise_rows(office, hazard.enterprise_id)
        assert not any(_enterprise_rows(other, hazard.enterprise_id).values())
        assert holder.store.hazards.require(hazard.id).description == expected
    finally:
        for replica in replicas:
            replica.close()
