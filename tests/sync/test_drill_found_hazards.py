"""A hazard an enterprise's drill found is the enterprise's to register, then the inspector side's: the enterprise's
services change only its treatment plan (and report its rectification), so an owner who edits its own database to
withdraw it or rewrite what was found is refused at the office, as for any other hazard it did not find in a
self-inspection (domain/ownership.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import PermissionDenied

from hostile import HostileEdit, table_dump
from sync_helpers import as_person, enterprise_finds, exchange


def test_an_enterprise_cannot_withdraw_or_rewrite_a_hazard_its_drill_found(english, world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = enterprise_finds(enterprise, "drill", "演练发现：应急照明失效", grade="重大")
    person = enterprise.store.people.by_login("e1")
    assert exchange(enterprise, office, tmp_path).refused == []
    exchange(office, enterprise, tmp_path)
    # The enterprise's own services refuse to change what its drill found ...
    with pytest.raises(PermissionDenied):
        InspectionService(as_person(enterprise, "e1")).edit_hazard(
            hazard.id, description="一般问题", location="", measures="", responsible="",
            deadline=date.fromisoformat(hazard.found_on) + timedelta(days=30))
    before = table_dump(office.store, "hazard")
    before_state = table_dump(office.store, "hazard_state")
    # ... so its owner does it behind the app's back: the hazard withdrawn, and what was found played down.
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET deleted = 1 WHERE id = ?", (hazard.id,), "hazard", hazard.id, "deleted",
              author=person.id)
    raw.write("UPDATE hazard SET description = '一般问题' WHERE id = ?", (hazard.id,), "hazard", hazard.id,
              "description", author=person.id)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "hazard") == before
    assert table_dump(office.store, "hazard_state") == before_state
    assert sorted(r.split(":")[0] for r in result.refused) == [f"hazard.deleted {hazard.id}",
                                                               f"hazard.description {hazard.id}"]
    assert {hazard.id} == {c.row_id for c in office.sync.conflicts() if c.kind == "refused"}
    exchange(office, enterprise, tmp_path)
    assert enterprise.sync.changes_waiting(office.device_id) == 0
