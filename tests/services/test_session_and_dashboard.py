"""Roles decide what a person sees and may do, in the services."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_desk.services.auth import SignIn
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import PermissionDenied
from safety_desk.store.store import Store


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("scope"))


def test_an_inspector_sees_only_the_enterprises_of_their_districts(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("inspector01a", "demo")
        mine = set(session.district_ids())
        enterprises = store.enterprises.active()
        inside = [e for e in enterprises if e.district_id in mine]
        outside = [e for e in enterprises if e.district_id not in mine]
        assert inside and outside
        assert all(session.may_see_enterprise(e.id) for e in inside)
        assert not any(session.may_see_enterprise(e.id) for e in outside)
        service = InspectionService(session)
        checklist = service.checklists_for(inside[0].id)[0]
        before = store.inspections.count()
        with pytest.raises(PermissionDenied):
            service.start(outside[0].id, checklist.id, "routine")
        assert store.inspections.count() == before


def test_an_enterprise_officer_may_only_self_inspect_their_own_enterprise(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("ent0001", "demo")
        own = session.person.enterprise_id
        other = next(e for e in store.enterprises.active() if e.id != own)
        service = InspectionService(session)
        checklist = service.checklists_for(own)[0]
        with pytest.raises(PermissionDenied):
            service.start(own, checklist.id, "routine")
        with pytest.raises(PermissionDenied):
            service.start(other.id, checklist.id, "self_inspection")
        inspection = service.start(own, checklist.id, "self_inspection")
        assert inspection.enterprise_id == own and inspection.lead_id == session.person.id
