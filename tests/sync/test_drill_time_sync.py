"""A drill's start time and duration (migration 0015) travel with the drill from the enterprise's PC to the office."""

from __future__ import annotations

from sync_helpers import USCC, as_person, exchange

from safety_desk.services.drills import DrillService


def test_the_start_time_and_duration_reach_the_office(world, tmp_path):
    office, _laptop, enterprise = world
    own = enterprise.store.enterprises.by_uscc(USCC[0])
    drill = DrillService(as_person(enterprise, "e1")).record(
        None, "2026-11-20", 30, enterprise_id=own.id, name="车间火灾疏散演练", plan_type="现场处置方案",
        content="单项演练", form="实战演练", start_time="14:30", duration_minutes=50)
    assert not exchange(enterprise, office, tmp_path).refused
    arrived = office.store.drills.get(drill.id)
    assert (arrived.start_time, arrived.duration_minutes) == ("14:30", 50)
