"""Conflicts reach the office: losing values and concurrent decisions are recorded there, whoever merged first."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from safety_desk.services.hazards import HazardService
from safety_desk.services.session import Session

from sync_helpers import add_photo, as_person, exchange, hazard_of, later_than


def _inspector_on(replica) -> Session:
    """The inspector signed in on their laptop, seeing the laptop's districts."""
    person = replica.store.people.by_login("insp")
    replica.store.db.author_id = person.id
    districts = replica.store.devices.get(replica.device_id).scope["district_ids"]
    return Session(replica.store, person, tuple(districts))


def _decisions(replica) -> list:
    """The concurrent decisions recorded on the replica (as conflicts of the losing hazard event)."""
    return [c for c in replica.sync.conflicts() if c.table == "hazard_event" and c.field == "decision"]


def _reported(office, inspector, enterprise, tmp_path) -> str:
    """Hazard 1 reported rectified by the enterprise, known to the office and the inspector laptop."""
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
    enterprise.refresh()
    exchange(enterprise, office, tmp_path)
    exchange(office, inspector, tmp_path)
    return hazard.id


def test_a_value_that_lost_on_the_device_that_merged_first_is_recorded_at_the_office(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, measures="办公室的措施")
    later_than(inspector, office)
    inspector.store.hazards.update(hazard.id, measures="检查员的措施")
    exchange(office, inspector, tmp_path)   # the inspector merges first: the office's value loses there
    exchange(inspector, office, tmp_path)
    found = [c for c in office.sync.conflicts() if c.field == "measures"]
    assert len(found) == 1, found
    assert (found[0].kept_value, found[0].other_value) == ("检查员的措施", "办公室的措施")
    assert found[0].source == "inspector" and found[0].can_keep_other
    exchange(inspector, office, tmp_path)  # sent again: still one record
    assert len([c for c in office.sync.conflicts() if c.field == "measures"]) == 1
    # The hazard page says so.
    detail = HazardService(as_person(office, "admin")).detail(hazard.id)
    assert detail.conflicts and "measures" in detail.conflicts[0]


def test_a_verify_and_a_reject_on_two_devices_are_recorded_at_the_office(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard_id = _reported(office, inspector, enterprise, tmp_path)
    HazardService(as_person(office, "admin")).verify(hazard_id, "现场复查合格")
    office.refresh()
    later_than(inspector, office)
    rejecting = HazardService(_inspector_on(inspector))
    rejecting.reject(hazard_id, "仍有油污", rejecting.as_of() + timedelta(days=10))
    inspector.refresh()
    exchange(office, inspector, tmp_path)   # the inspector merges first
    exchange(inspector, office, tmp_path)
    decisions = _decisions(office)
    assert len(decisions) == 1, decisions
    kinds = {decisions[0].kept_value["kind"], decisions[0].other_value["kind"]}
    assert kinds == {"verified", "rejected"}
    detail = HazardService(as_person(office, "admin")).detail(hazard_id)
    assert detail.conflicts


def test_two_different_deadline_extensions_are_recorded_at_the_office_whoever_merged_first(world, tmp_path) -> None:
    office, inspector, enterprise = world
    exchange(office, inspector, tmp_path)
    hazard_id = hazard_of(office.store, "隐患1").id
    HazardService(as_person(office, "admin")).extend_deadline([hazard_id], date(2026, 12, 10), "设备到货延迟")
    office.refresh()
    HazardService(_inspector_on(inspector)).extend_deadline([hazard_id], date(2026, 12, 20), "停产检修")
    inspector.refresh()
    exchange(inspector, office, tmp_path)   # the office merges first
    exchange(office, inspector, tmp_path)
    decisions = _decisions(office)
    assert len(decisions) == 1, decisions
    assert {decisions[0].kept_value["deadline"], decisions[0].other_value["deadline"]} == {"2026-12-10",
                                                                                          "2026-12-20"}
    exchange(inspector, office, tmp_path)
    assert len(_decisions(office)) == 1


def test_one_decision_after_another_seen_is_no_conflict(world, tmp_path) -> None:
    office, inspector, enterprise = world
    exchange(office, inspector, tmp_path)
    hazard_id = hazard_of(office.store, "隐患1").id
    HazardService(as_person(office, "admin")).extend_deadline([hazard_id], date(2026, 12, 10), "设备到货延迟")
    office.refresh()
    exchange(office, inspector, tmp_path)
    HazardService(_inspector_on(inspector)).extend_deadline([hazard_id], date(2026, 12, 20), "再延期")
    inspector.refresh()
    exchange(inspector, office, tmp_path)
    exchange(office, inspector, tmp_path)
    for replica in (office, inspector):
        assert _decisions(replica) == []


def test_the_imports_audit_entry_keeps_the_values_it_replaced(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, measures="原来的措施")
    exchange(office, inspector, tmp_path)
    later_than(inspector, office)
    inspector.store.hazards.update(hazard.id, measures="新的措施")
    exchange(inspector, office, tmp_path)
    conn = sqlite3.connect(office.store.path)
    try:
        rows = conn.execute("SELECT before FROM audit WHERE action = 'apply_changes' ORDER BY rowid DESC"
                            " LIMIT 1").fetchall()
    finally:
        conn.close()
    before = json.loads(rows[0][0])
    assert {"table": "hazard", "id": hazard.id, "field": "measures", "value": "原来的措施"} in before


def test_a_hostile_device_cannot_plant_conflicts_outside_its_scope(world, tmp_path) -> None:
    office, inspector, enterprise = world
    other = hazard_of(office.store, "隐患3")  # district D2: not the inspector's
    conn = sqlite3.connect(inspector.store.path)
    with conn:
        conn.execute("INSERT INTO conflict (id, kind, tbl, row_id, field, kept_value, lost_value, source,"
                     " detected_at, note) VALUES ('x1', 'value', 'hazard', ?, 'measures', '\"a\"', '\"b\"', ?,"
                     " '2026-11-01T00:00:00+08:00', '')", (other.id, office.device_id))
    conn.close()
    inspector.refresh()
    before = office.store.hazards.require(other.id)
    result = exchange(inspector, office, tmp_path)
    assert not [c for c in office.sync.conflicts() if c.row_id == other.id and c.kind == "value"]
    assert any(other.id in line and "measures" in line for line in result.refused)
    assert any(c.kind == "refused" and c.row_id == other.id for c in office.sync.conflicts())
    assert office.store.hazards.require(other.id) == before
    # Reported once: the office acknowledged it, so the next bundle does not list it again.
    exchange(office, inspector, tmp_path)
    assert not exchange(inspector, office, tmp_path).refused
