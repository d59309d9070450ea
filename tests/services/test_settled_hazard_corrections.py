"""Correcting a submitted self-inspection never withdraws a hazard it found that the inspector side has acted on
(here: put under 挂牌督办): the enterprise is told why and nothing changes (domain/ownership.py)."""

from __future__ import annotations

import pytest

from safety_desk.services.inspections import InspectionProblem, InspectionService
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.records import Person

from .test_corrections import _submitted
from .test_inspections import _jpeg, world  # noqa: F401 — the fixture


def test_a_correction_does_not_withdraw_a_supervised_self_found_hazard(english, world) -> None:
    store, service, enterprise, _ = world
    self_id, photo_id, _ = _submitted(store, service, enterprise.id, "self_inspection")
    hazard = service.state(self_id).hazards["6.3"]
    assert hazard.source == "self_inspection"
    officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wangqiang", role="enterprise",
                                      enterprise_id=enterprise.id))
    as_enterprise = InspectionService(Session(store, officer), Settings())
    store.hazards.update(hazard.id, grade="重大", supervision_level="市")
    settled = store.hazards.require(hazard.id)
    correction = as_enterprise.correct(self_id)
    with pytest.raises(InspectionProblem, match="cannot be withdrawn.*挂牌督办"):
        as_enterprise.answer(correction.id, "6.3", "pass")
    assert store.hazards.require(hazard.id) == settled
    assert as_enterprise.state(correction.id).answers["6.3"].result == "fail"
    # The correction's own answer takes another photo and drops the first; the hazard keeps the ones it had.
    other = ingest_bytes(store, _jpeg((0, 0, 255)), "swap.jpg")
    as_enterprise.add_photos(correction.id, "6.3", [other.id])
    as_enterprise.remove_photo(correction.id, "6.3", photo_id)
    assert as_enterprise.state(correction.id).answers["6.3"].photos == [other.id]
    assert store.hazards.require(hazard.id) == settled
