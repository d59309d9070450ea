"""A closed (已销号) major hazard's treatment plan is the one the inspector accepted: the enterprise's service refuses to
change it after closure, so its owner's raw edit of the plan is refused at the office too (domain/ownership.py)."""

from __future__ import annotations

import pytest

from safety_desk.services.hazards import HazardProblem, HazardService
from safety_desk.store.hazards import TREATMENT_PLAN_ELEMENTS

from hostile import HostileEdit, table_dump
from sync_helpers import as_person, exchange, hazard_of

PLAN = {key: f"方案{key}" for key in TREATMENT_PLAN_ELEMENTS}


def test_an_enterprise_cannot_rewrite_the_plan_of_a_closed_major_hazard(english, world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, grade="重大", treatment_plan=PLAN)
    office.store.hazards.append_event(hazard.id, "reported_rectified", reason="已整改")
    HazardService(as_person(office, "admin")).verify(hazard.id, "合格")
    exchange(office, enterprise, tmp_path)
    assert enterprise.store.hazards.cached_state(hazard.id).status == "已销号"
    with pytest.raises(HazardProblem):  # what the enterprise's own program refuses ...
        HazardService(as_person(enterprise, "e1")).save_treatment_plan(hazard.id, {**PLAN, "objectives": "事后改写"})
    before = table_dump(office.store, "hazard")
    raw = HostileEdit(enterprise)  # ... its owner does behind the program's back
    raw.write("UPDATE hazard SET treatment_plan = ? WHERE id = ?",
              ('{"objectives": "事后改写"}', hazard.id), "hazard", hazard.id, "treatment_plan",
              author=enterprise.store.people.by_login("e1").id)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "hazard") == before
    assert [r.split(":")[0] for r in result.refused] == [f"hazard.treatment_plan {hazard.id}"]
    assert "closed" in result.refused[0]
    exchange(office, enterprise, tmp_path)
    assert enterprise.sync.changes_waiting(office.device_id) == 0
