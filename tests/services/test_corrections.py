"""A submitted inspection is never changed: a correction is a new draft linked by corrects_id, the original
stays readable, and hazards already opened are kept rather than opened twice."""

from __future__ import annotations

import dataclasses

import pytest

from safety_desk.services.photos import ingest_bytes
from safety_desk.services.inspections import InspectionProblem, InspectionService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.inspections import SubmittedInspection
from safety_desk.store.records import Person
from safety_desk.store.store import Store

from .test_inspections import FIRE, _jpeg, world  # noqa: F401 — the fixture


def _submitted(store: Store, service: InspectionService, enterprise_id: str, kind: str = "routine"):
    inspection = service.start(enterprise_id, FIRE, kind)
    for section in ("A", "C", "D"):
        service.set_gate(inspection.id, section, False)
    service.answer(inspection.id, "6.3", "fail")
    photo = ingest_bytes(store, _jpeg(), "evidence.jpg")
    service.add_photos(inspection.id, "6.3", [photo.id])
    service.set_note(inspection.id, "6.3", "配电箱前堆放杂物")
    signature = ingest_bytes(store, _jpeg((255, 255, 255)), "signature.png")
    service.submit(inspection.id, inspector_signature=signature.id, enterprise_signature=signature.id)
    return inspection.id, photo.id, signature.id


def _frozen(store: Store, inspection_id: str):
    return (store.inspections.require(inspection_id),
            [dataclasses.astuple(a) for a in store.answers.of_inspection(inspection_id)])


def test_a_correction_is_a_linked_draft_with_the_answers_and_the_original_stays_as_it_was(english, world) -> None:
    store, service, enterprise, _ = world
    original_id, photo, signature = _submitted(store, service, enterprise.id)
    hazard = service.state(original_id).hazards["6.3"]
    before = _frozen(store, original_id)

    correction = service.correct(original_id)
    assert correction.corrects_id == original_id and correction.status == "draft"
    assert correction.lead_id == service.session.person.id
    state = service.state(correction.id)
    assert state.inspection.gate_answers == {"A": False, "C": False, "D": False}
    answer = state.answers["6.3"]
    assert (answer.result, answer.note, answer.photos) == ("fail", "配电箱前堆放杂物", [photo])
    assert state.hazards == {}  # the failure's hazard stays the original's ...
    assert _frozen(store, original_id) == before
    assert service.corrections_of(original_id) == [store.inspections.require(correction.id)]

    # ... and keeping the failure reuses it rather than opening a second hazard.
    service.answer(correction.id, "6.3", "fail")
    assert [h.id for h in store.hazards.of_inspection(original_id)] == [hazard.id]
    assert store.hazards.of_inspection(correction.id) == []
    service.set_note(correction.id, "6.3", "杂物已部分清理，仍有堆放")
    service.submit(correction.id, inspector_signature=signature, enterprise_signature=signature)

    # The original is still readable, unchanged, and cannot be changed.
    original = service.state(original_id)
    assert original.read_only and original.answers["6.3"].note == "配电箱前堆放杂物"
    assert _frozen(store, original_id) == before
    with pytest.raises(InspectionProblem, match="read-only"):
        service.answer(original_id, "6.3", "pass")
    with pytest.raises(SubmittedInspection):
        store.inspections.update(original_id, kind="special")
    with pytest.raises(SubmittedInspection):
        store.answers.record(original_id, "6.3", "pass")


def test_a_correction_that_finds_the_item_passed_withdraws_the_hazard(world) -> None:
    store, service, enterprise, _ = world
    original_id, _, _ = _submitted(store, service, enterprise.id)
    hazard = service.state(original_id).hazards["6.3"]
    correction = service.correct(original_id)
    service.answer(correction.id, "6.3", "pass")
    assert store.hazards.require(hazard.id).deleted
    service.answer(correction.id, "6.3", "fail")
    assert not store.hazards.require(hazard.id).deleted
    assert store.hazards.of_inspection(correction.id) == []


def test_only_a_submitted_inspection_is_corrected_and_one_correction_at_a_time(english, world) -> None:
    store, service, enterprise, _ = world
    draft = service.start(enterprise.id, FIRE, "routine")
    count = store.inspections.count()
    with pytest.raises(InspectionProblem, match="draft"):
        service.correct(draft.id)
    original_id, _, _ = _submitted(store, service, enterprise.id)
    service.correct(original_id)
    count = store.inspections.count()
    with pytest.raises(InspectionProblem, match="already"):
        service.correct(original_id)
    assert store.inspections.count() == count


def test_an_enterprise_corrects_only_its_own_self_inspection(world) -> None:
    store, service, enterprise, _ = world
    routine_id, _, _ = _submitted(store, service, enterprise.id)
    self_id, _, _ = _submitted(store, service, enterprise.id, "self_inspection")
    officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wangqiang", role="enterprise",
                                      enterprise_id=enterprise.id))
    as_enterprise = InspectionService(Session(store, officer), Settings())
    count = store.inspections.count()
    with pytest.raises(PermissionDenied):
        as_enterprise.correct(routine_id)
    assert store.inspections.count() == count
    correction = as_enterprise.correct(self_id)
    assert correction.corrects_id == self_id and correction.kind == "self_inspection"
