"""One ownership rule for services and sync (domain/ownership.py), checked as a property over role × record × field.

For a role (an inspector on its laptop, an enterprise on its PC), a hazard (the office's inspection hazard or one
the enterprise found itself; general or major; open or awaiting review) and a hazard operation with drawn
arguments:
- what the service lets the role do on its device, the office's sync accepts from that device: nothing is
  refused, and the office ends with the device's hazard row and events (the copies converge);
- what the service refuses the enterprise, its owner cannot get past sync either: done anyway on the same
  device (the hostile owner runs the operation with an office session it made itself, the writes authored
  by its own person), every one of those writes is refused at the office and the office's copy stays as it was.
Together: what a service allows, sync accepts; what sync refuses, no service allows.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from safety_desk.services.hazards import HazardProblem, HazardService
from safety_desk.services.inspections import InspectionProblem, InspectionService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.hazards import InvalidHazardEvent, TREATMENT_PLAN_ELEMENTS
from safety_desk.store.records import Hazard, Person

from hostile import table_dump
from sync_helpers import add_photo, exchange, hazard_of, open_world

PLAN = {key: f"方案{key}" for key in TREATMENT_PLAN_ELEMENTS}


def _ops(draw_text: str, days: int, grade: str | None, new_deadline: bool):
    """name -> operation(hazard service, inspection service, hazard id, store)."""

    def edit(hs, ins, hazard_id, store):
        deadline = store.hazards.state(hazard_id).deadline
        return ins.edit_hazard(hazard_id, description=draw_text, location="车间", measures="整改", responsible="李四",
                               deadline=deadline + timedelta(days=days) if new_deadline else deadline, grade=grade)

    return {
        "record_progress": lambda hs, ins, h, store: hs.record_progress(h, draw_text),
        "report_rectified": lambda hs, ins, h, store: hs.report_rectified(h, draw_text, [add_photo(store, draw_text)]),
        "treatment_plan": lambda hs, ins, h, store: hs.save_treatment_plan(h, {**PLAN, "objectives": draw_text}),
        "verify": lambda hs, ins, h, store: hs.verify(h, draw_text),
        "reject": lambda hs, ins, h, store: hs.reject(h, draw_text),
        "extend_deadline": lambda hs, ins, h, store: hs.extend_deadline([h], date(2027, 1, 1) + timedelta(days=days),
                                                                       draw_text),
        "set_supervision": lambda hs, ins, h, store: hs.set_supervision(h, "市", None),
        "edit_hazard": edit,
    }


def _session(replica, role: str) -> Session:
    store = replica.store
    if role == "enterprise":
        person = store.people.by_login("e1")
        store.db.author_id = person.id
        return Session(store, person)
    person = store.people.by_login("insp")
    store.db.author_id = person.id
    return Session(store, person, tuple(replica.store.devices.get(replica.device_id).scope["district_ids"]))


def _hazard_copy(store, hazard_id: str):
    row = [tuple(r) for r in store.db.conn.execute("SELECT * FROM hazard WHERE id = ?", (hazard_id,))]
    events = [tuple(r) for r in store.db.conn.execute(
        "SELECT id, kind, deadline, by_id, reason FROM hazard_event WHERE hazard_id = ? ORDER BY id", (hazard_id,))]
    return row, events


def _setup(office, inspector, enterprise, tmp: Path, self_found: bool, major: bool, reported: bool) -> str:
    grade = "重大" if major else "一般"
    if self_found:
        e1 = enterprise.store.enterprises._select()[0]
        enterprise.store.db.author_id = enterprise.store.people.by_login("e1").id
        hazard = enterprise.store.hazards.open_hazard(Hazard(
            id=enterprise.store.db.new_id(), enterprise_id=e1.id, district_id=e1.district_id, source="self_inspection",
            description="自查发现的隐患", grade=grade, found_on="2026-11-05",
            found_by=enterprise.store.db.author_id), deadline=date(2026, 11, 30))
        assert exchange(enterprise, office, tmp).refused == []
        hazard_id = hazard.id
    else:
        hazard_id = hazard_of(office.store, "隐患1").id
        if major:
            office.store.hazards.update(hazard_id, grade=grade)
    if major:
        office.store.hazards.update(hazard_id, treatment_plan=PLAN)
    if reported:
        office.store.hazards.append_event(hazard_id, "reported_rectified", reason="已整改")
    exchange(office, enterprise, tmp)
    exchange(office, inspector, tmp)
    return hazard_id


# The hazard fields the enterprise's services change (InspectionService.edit_hazard and the self-inspection
# runner on the hazards it found; HazardService.save_treatment_plan on any major hazard): the spec, stated here
# independently of domain/ownership.py.
SERVICE_FIELDS = {True: {"description", "location", "measures", "responsible", "photos", "deleted", "treatment_plan"},
                  False: {"treatment_plan"}}

# The events the enterprise's services write (HazardService.record_progress, report_rectified, the comment
# save_treatment_plan leaves).
ENTERPRISE_EVENT_KINDS = {"progress", "reported_rectified", "comment"}

REFUSED_BY_SERVICE = (PermissionDenied, HazardProblem, InspectionProblem, InvalidHazardEvent)


@pytest.mark.parametrize("op", sorted(_ops("", 0, None, False)))
@pytest.mark.parametrize("role", ["enterprise", "inspector"])
@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(self_found=st.booleans(), major=st.booleans(), reported=st.booleans(),
       text=st.text(alphabet="整改完成检查员企业甲乙丙", min_size=1, max_size=8), days=st.integers(1, 60),
       grade=st.sampled_from([None, "一般", "重大"]), new_deadline=st.booleans())
def test_what_a_service_allows_sync_accepts_and_what_it_refuses_sync_refuses(
        world_template, monkeypatch, role, self_found, major, reported, op, text, days, grade, new_deadline) -> None:
    from safety_desk.services.sync import SyncService

    monkeypatch.setattr(SyncService, "backup", lambda self: None)  # the pre-import backups are not under test here
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        office, inspector, enterprise = replicas = open_world(world_template, tmp / "world")
        try:
            (tmp / "bundles").mkdir()
            hazard_id = _setup(office, inspector, enterprise, tmp / "bundles", self_found, major, reported)
            device = enterprise if role == "enterprise" else inspector
            run = _ops(text, days, grade, new_deadline)[op]
            session = _session(device, role)
            try:
                run(HazardService(session), InspectionService(session), hazard_id, device.store)
                allowed = True
            except REFUSED_BY_SERVICE as exc:
                allowed = False
                denied = isinstance(exc, PermissionDenied)
            event(f"{role} {op}: {'allowed' if allowed else 'refused'}")
            if allowed:
                result = exchange(device, office, tmp / "bundles")
                assert result.refused == [], (role, op, result.refused)
                assert _hazard_copy(office.store, hazard_id) == _hazard_copy(device.store, hazard_id), (role, op)
                return
            if role != "enterprise" or not denied:
                return
            # The hostile owner does it anyway: an office session it made itself on its own PC.
            before = _hazard_copy(office.store, hazard_id)
            state_before = table_dump(office.store, "hazard_state")
            seq = device.store.db.conn.execute("SELECT max(seq) FROM write_log").fetchone()[0]
            e1 = device.store.people.by_login("e1")
            forged = Session(device.store, Person(id=e1.id, name=e1.name, login="e1", role="office"))
            try:
                run(HazardService(forged), InspectionService(forged), hazard_id, device.store)
            except REFUSED_BY_SERVICE:
                return  # not possible in this state for anyone
            written = {(t, f) for t, f in device.store.db.conn.execute(
                "SELECT r.tbl, j.key FROM row_clock r, json_each(r.fields) j WHERE j.value > ?"
                " AND r.tbl IN ('hazard', 'hazard_event')", (seq,))}
            assert written, op
            event(f"enterprise {op}: forged and refused by sync")
            result = exchange(device, office, tmp / "bundles")
            assert result.refused, (op, written)
            row, events = _hazard_copy(office.store, hazard_id)
            columns = [d[0] for d in office.store.db.conn.execute("SELECT * FROM hazard LIMIT 0").description]
            changed = {c for c, old, new in zip(columns, before[0][0], row[0]) if old != new}
            assert changed <= SERVICE_FIELDS[self_found], (op, changed, result.refused)
            assert table_dump(office.store, "hazard_state") == state_before, (op, result.refused)
            # Beyond its refused writes, only what the enterprise owns arrived: its own remarks, as its own.
            for added in set(events) - set(before[1]):
                assert added[1] in ENTERPRISE_EVENT_KINDS and added[3] == e1.id, (op, added)
        finally:
            for replica in replicas:
                replica.close()
