"""A hostile device owner (raw edits to its own SQLite, bundles signed with its own key) cannot rewrite evidence,
write as someone else, or pass a change the ownership rule refuses (DESIGN.md §4, issue 13 invariants 1-4)."""

from __future__ import annotations

from datetime import date, timedelta

from safety_desk.services.doctor import run_doctor
from safety_desk.services.hazards import HazardService
from safety_desk.services.inspections import InspectionService
from safety_desk.store.records import Hazard, Inspection

from hostile import HostileEdit, table_dump
from sync_helpers import as_person, exchange, hazard_of


def _decided_hazard(office, tmp_path, world):
    """隐患1 at the office: created, deadline_set, deadline_extended, reported_rectified, rejected; on all three."""
    _, inspector, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    service = HazardService(as_person(office, "admin"))
    service.extend_deadline([hazard.id], service.as_of() + timedelta(days=10), "企业申请延期")  # still ahead at the rejection
    office.store.hazards.append_event(hazard.id, "reported_rectified", reason="已整改")
    service.reject(hazard.id, "整改不到位")
    exchange(office, enterprise, tmp_path)
    exchange(office, inspector, tmp_path)
    return hazard


def test_an_enterprise_cannot_rewrite_or_erase_an_inspectors_events(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = _decided_hazard(office, tmp_path, world)
    events = {e.kind: e.id for e in office.store.hazards.events(hazard.id)}
    before_events, before_state = table_dump(office.store, "hazard_event"), table_dump(office.store, "hazard_state")
    raw = HostileEdit(enterprise)
    # The reject becomes a comment (the hazard would go back to 待复查), the extension loses its date (the fold
    # would skip it: it vanishes), the created event becomes progress (no created event: a damaged history).
    raw.write("UPDATE hazard_event SET kind = 'comment' WHERE id = ?", (events["rejected"],),
              "hazard_event", events["rejected"])
    raw.write("UPDATE hazard_event SET deadline = NULL, kind = 'comment' WHERE id = ?", (events["deadline_extended"],),
              "hazard_event", events["deadline_extended"])
    raw.write("UPDATE hazard_event SET kind = 'progress' WHERE id = ?", (events["created"],),
              "hazard_event", events["created"])
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "hazard_event") == before_events
    assert table_dump(office.store, "hazard_state") == before_state
    assert len([r for r in result.refused if r.startswith("hazard_event.") and "append-only" in r]) == 3
    shown = [c for c in office.sync.conflicts(include_resolved=True) if c.kind == "refused"]
    assert {c.row_id for c in shown} == {events["rejected"], events["deadline_extended"], events["created"]}
    assert all(c.table == "hazard_event" and "append-only" in c.note for c in shown)
    inspector_events = table_dump(inspector.store, "hazard_event")
    exchange(office, inspector, tmp_path)
    assert table_dump(inspector.store, "hazard_event") == inspector_events
    assert run_doctor(office.store).ok


def test_doctor_reports_a_rewritten_created_event_instead_of_crashing(english, world) -> None:
    _, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    created = enterprise.store.hazards.events(hazard.id)[0]
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard_event SET kind = 'comment' WHERE id = ?", (created.id,), "hazard_event", created.id)
    raw.commit()
    report = run_doctor(enterprise.store)
    assert not report.ok
    name, passed, detail = next(c for c in report.checks if c[0].startswith("hazard status"))
    assert not passed and hazard.id in detail and "damaged" in detail


def _submitted_inspection(office, with_answer: str = "X-1"):
    e1 = hazard_of(office.store, "隐患1").enterprise_id
    enterprise = office.store.enterprises.require(e1)
    insp = office.store.people.by_login("insp")
    checklist = office.store.checklists.latest()[0]
    inspection = office.store.inspections.add(Inspection(
        id=office.store.db.new_id(), enterprise_id=e1, district_id=enterprise.district_id, checklist_id=checklist.id,
        kind="routine", started_at="2026-11-20T09:00:00+08:00", lead_id=insp.id, inspector_ids=[insp.id]))
    office.store.answers.record(inspection.id, with_answer, "pass", note="合格")
    office.store.inspections.submit(inspection.id)
    return inspection


def test_an_answer_of_a_submitted_inspection_is_not_replaced_by_a_row_with_a_smaller_id(world, tmp_path) -> None:
    office, _, enterprise = world
    inspection = _submitted_inspection(office)
    exchange(office, enterprise, tmp_path)
    before = table_dump(office.store, "answer")
    raw = HostileEdit(enterprise)
    forged = "00000000-0000-7000-8000-000000000001"  # sorts before every real id
    raw.conn.execute("DELETE FROM answer WHERE inspection_id = ?", (inspection.id,))
    raw.write("INSERT INTO answer (id, inspection_id, item_code, result, note, photos, answered_at)"
              " VALUES (?, ?, 'X-1', 'fail', '企业改的', '[]', '2026-11-20T09:10:00+08:00')", (forged, inspection.id),
              "answer", forged)
    raw.write("UPDATE inspection SET signature_enterprise = 'forged' WHERE id = ?", (inspection.id,),
              "inspection", inspection.id)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "answer") == before
    assert office.store.inspections.require(inspection.id).signature_enterprise is None
    assert any(r.startswith("answer.") and forged in r for r in result.refused)
    assert any(r.startswith("inspection.") for r in result.refused)


def test_a_clash_with_an_answer_of_a_submitted_inspection_never_goes_by_id_order(world, tmp_path) -> None:
    """The inspector laptop holds a draft answer row for the same item under a smaller id (a stale copy): the
    office's submitted answer replaces it there, and at the office a device's clashing row is refused."""
    office, inspector, _ = world
    inspection = _submitted_inspection(office)
    exchange(office, inspector, tmp_path)
    kept = table_dump(office.store, "answer")
    raw = HostileEdit(inspector)
    forged = "00000000-0000-7000-8000-000000000002"
    raw.conn.execute("DELETE FROM answer WHERE inspection_id = ?", (inspection.id,))
    raw.write("INSERT INTO answer (id, inspection_id, item_code, result, note, photos, answered_at)"
              " VALUES (?, ?, 'X-1', 'fail', '', '[]', '2026-11-20T09:10:00+08:00')", (forged, inspection.id),
              "answer", forged)
    raw.commit()
    result = exchange(inspector, office, tmp_path)
    assert table_dump(office.store, "answer") == kept
    assert result.refused


def test_an_enterprise_cannot_write_as_an_inspector_or_with_another_devices_clock(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    insp = enterprise.store.people.by_login("insp")
    mine = enterprise.store.people.by_login("e1")
    enterprise.store.db.author_id = mine.id  # signed in, as the app writes: an event is by its writer
    own = enterprise.store.hazards.append_event(hazard.id, "comment", by_id=mine.id, reason="我们的说明")
    as_inspector = enterprise.store.hazards.append_event(hazard.id, "comment", by_id=insp.id, reason="检查员说已合格")
    raw = HostileEdit(enterprise)
    mine_clock = f"1796000000000-000000-{enterprise.device_id}"
    theirs_clock = f"1796000000000-000000-{inspector.device_id}"
    for event_id, reason, clock, kwargs in (
            ("00000000-0000-7000-8000-0000000000a1", "时钟冒名", mine_clock, {"device": inspector.device_id}),
            ("00000000-0000-7000-8000-0000000000a2", "作者冒名", mine_clock, {"author": insp.id}),
            ("00000000-0000-7000-8000-0000000000a3", "事件时钟冒名", theirs_clock, {})):
        raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, reason, photos) VALUES"
                  " (?, ?, 'comment', '2026-11-21T10:00:00+08:00', NULL, ?, ?, '[]')",
                  (event_id, hazard.id, clock, reason), "hazard_event", event_id, **kwargs)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    held = {e.id for e in office.store.hazards.events(hazard.id)}
    assert own.id in held
    assert as_inspector.id not in held
    assert not held & {f"00000000-0000-7000-8000-0000000000a{n}" for n in (1, 2, 3)}
    assert any(as_inspector.id in r and "by_id" in r for r in result.refused)
    assert any("0000000000a1" in r and "clock" in r for r in result.refused)
    assert any("0000000000a2" in r and "author" in r for r in result.refused)
    assert any("0000000000a3" in r and "ordering clock" in r for r in result.refused)
    # The office did not withhold anything from the inspector for ever: nothing forged was taken in.
    exchange(office, inspector, tmp_path)
    assert own.id in {e.id for e in inspector.store.hazards.events(hazard.id)}


def test_a_refused_source_change_does_not_vouch_for_the_enterprises_own_deadline(world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    deadline = office.store.hazards.cached_state(hazard.id).deadline
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET source = 'self_inspection' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "source")
    forged = "00000000-0000-7000-8000-0000000000b1"
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, clock, deadline, reason, photos) VALUES"
              " (?, ?, 'deadline_set', '2026-11-21T10:00:00+08:00', '1900000000000-000000-x', '2099-12-31', '', '[]')",
              (forged, hazard.id), "hazard_event", forged)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert office.store.hazards.require(hazard.id).source == "inspection"
    assert office.store.hazards.cached_state(hazard.id).deadline == deadline
    assert any(r.startswith("hazard.source") for r in result.refused)
    assert any(r.startswith("hazard_event.") and forged in r for r in result.refused)


def test_the_enterprises_permitted_edit_of_its_self_inspection_hazard_converges(world, tmp_path) -> None:
    office, _, enterprise = world
    e1 = enterprise.store.enterprises._select()[0]
    found = enterprise.store.hazards.open_hazard(Hazard(
        id=enterprise.store.db.new_id(), enterprise_id=e1.id, district_id=e1.district_id, source="self_inspection",
        description="自查发现：消防通道堵塞", grade="一般", found_on="2026-11-05"), deadline=date(2026, 11, 30))
    assert exchange(enterprise, office, tmp_path).refused == []
    InspectionService(as_person(enterprise, "e1")).edit_hazard(
        found.id, description="自查发现：消防通道被货物堵塞", location="二号仓库", measures="清理货物",
        responsible="张三", deadline=date(2026, 11, 30))
    result = exchange(enterprise, office, tmp_path)
    assert result.refused == []
    there = office.store.hazards.require(found.id)
    assert (there.description, there.location, there.measures, there.responsible) == (
        "自查发现：消防通道被货物堵塞", "二号仓库", "清理货物", "张三")
