"""Issue 13: a device's refused field change does not leave its copy different from the office's.

The office sends back, with each refusal, the value it kept (its current cell, with that cell's clock) when it may send
the row to the device; the device takes it over its refused write, and the refusal stays in its conflicts.
"""

from __future__ import annotations

import pytest

from datetime import date

from safety_desk.services.hazards import HazardService
from safety_desk.store.records import Hazard
from safety_desk.services.sync import SyncService

from hostile import HostileEdit
from sync_helpers import as_person, exchange, hazard_of, later_than
from test_refused_rows_and_moves import raw_write, row


@pytest.fixture
def no_backups(monkeypatch):
    monkeypatch.setattr(SyncService, "backup", lambda self: None)


def _refused(replica) -> list[tuple[str, str]]:
    return [(c.row_id, c.field) for c in replica.sync.conflicts(include_resolved=True) if c.kind == "refused"]


def test_an_edit_refused_after_a_move_and_back_is_replaced_by_the_office_value(world, tmp_path, no_backups) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    hazard = hazard_of(office.store, "隐患1")
    enterprise_id = hazard.enterprise_id
    d1, d2 = office.store.districts.by_code("D1"), office.store.districts.by_code("D2")
    later_than(office, inspector)
    with office.store.transaction():  # the enterprise leaves the laptop's district...
        office.store.enterprises.update(enterprise_id, district_id=d2.id)
    later_than(inspector, office)
    inspector.store.hazards.update(hazard.id, measures="移走之后改的")  # ...and the laptop, not knowing, edits it
    result = exchange(inspector, office, tmp_path)
    assert any(f"hazard.measures {hazard.id}" in text for text in result.refused), result.refused
    with office.store.transaction():  # it comes back before the laptop heard of the move
        office.store.enterprises.update(enterprise_id, district_id=d1.id)
    kept = office.store.hazards.require(hazard.id).measures
    back = exchange(office, inspector, tmp_path)
    assert any("拒收" in w for w in back.warnings), back.warnings
    assert inspector.store.hazards.require(hazard.id).measures == kept  # the office's value, not its own
    assert (hazard.id, "measures") in _refused(inspector)              # and the refusal is still shown
    assert inspector.sync.log.cell_clock("hazard", hazard.id, "measures") == \
        office.sync.log.cell_clock("hazard", hazard.id, "measures")
    # Nothing is sent back or refused again, and the next edit travels as any other.
    again = exchange(inspector, office, tmp_path)
    assert not again.refused
    inspector.store.hazards.update(hazard.id, measures="之后再改")
    assert not exchange(inspector, office, tmp_path).refused
    assert office.store.hazards.require(hazard.id).measures == "之后再改"


def test_a_field_the_role_does_not_own_is_set_back_on_the_sender(world, tmp_path, no_backups) -> None:
    office, _, enterprise = world
    exchange(office, enterprise, tmp_path)
    own = hazard_of(enterprise.store, "隐患1")
    raw_write(enterprise, "hazard", own.id, {"grade": "重大"})  # the inspector side's field
    HazardService(as_person(enterprise, "e1")).record_progress(own.id, "整改进行中")
    result = exchange(enterprise, office, tmp_path)
    assert any(f"hazard.grade {own.id}" in text for text in result.refused), result.refused
    exchange(office, enterprise, tmp_path)
    assert enterprise.store.hazards.require(own.id).grade == office.store.hazards.require(own.id).grade == "一般"
    assert (own.id, "grade") in _refused(enterprise)
    assert row(enterprise, "hazard", own.id) == row(office, "hazard", own.id)


def test_a_rewritten_event_is_set_back_on_the_sender(world, tmp_path, no_backups) -> None:
    office, _, enterprise = world
    exchange(office, enterprise, tmp_path)
    own = hazard_of(enterprise.store, "隐患1")
    created = next(e for e in enterprise.store.hazards.events(own.id) if e.kind == "created")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard_event SET reason = '企业改写' WHERE id = ?", (created.id,), "hazard_event", created.id)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert any(created.id in text for text in result.refused), result.refused
    exchange(office, enterprise, tmp_path)
    assert row(enterprise, "hazard_event", created.id) == row(office, "hazard_event", created.id)
    assert (created.id, "*") in _refused(enterprise)


def test_a_refused_row_the_device_may_not_hold_is_not_sent_back(world, tmp_path, no_backups) -> None:
    office, _, enterprise = world
    exchange(office, enterprise, tmp_path)
    other = hazard_of(office.store, "隐患2")  # another enterprise's hazard: never sent to this PC
    raw_write(enterprise, "hazard", other.id, {**row(office, "hazard", other.id), "description": "改别人的"},
              insert=True)
    exchange(enterprise, office, tmp_path)
    back = exchange(office, enterprise, tmp_path)
    assert any("拒收" in w for w in back.warnings)
    # Its own forgery stays there: nothing of the office's row goes to a PC outside that row's scope.
    assert row(enterprise, "hazard", other.id)["description"] == "改别人的"
    assert row(office, "hazard", other.id)["description"] == "隐患2"


def test_a_new_row_refused_whole_is_forgotten_by_the_device_and_kept_in_its_conflicts(world, tmp_path, no_backups):
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    enterprise_id = hazard_of(office.store, "隐患1").enterprise_id
    d1, d2 = office.store.districts.by_code("D1"), office.store.districts.by_code("D2")
    later_than(office, inspector)
    with office.store.transaction():
        office.store.enterprises.update(enterprise_id, district_id=d2.id)
    later_than(inspector, office)
    with inspector.store.transaction():  # registered on the enterprise after it left (the laptop did not know)
        made = inspector.store.hazards.open_hazard(Hazard(
            id=inspector.store.db.new_id(), enterprise_id=enterprise_id, district_id=d1.id, source="inspection",
            description="调走后登记的隐患", grade="一般", found_on="2026-11-30"), deadline=date(2026, 12, 20))
    result = exchange(inspector, office, tmp_path)
    assert any(made.id in text for text in result.refused), result.refused
    with office.store.transaction():
        office.store.enterprises.update(enterprise_id, district_id=d1.id)
    exchange(office, inspector, tmp_path)
    assert row(office, "hazard", made.id) is None and row(inspector, "hazard", made.id) is None
    assert not inspector.store.hazards.events(made.id)
    kept = [c for c in inspector.sync.conflicts(include_resolved=True) if c.kind == "refused" and c.row_id == made.id]
    assert any(c.field == "description" and c.other_value == "调走后登记的隐患" for c in kept), kept
