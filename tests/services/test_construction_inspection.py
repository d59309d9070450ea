"""A construction site's inspection: offered the 房屋市政 2024版 list first; its failures open 重大 hazards there only."""

from __future__ import annotations

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.records import District, Enterprise
from safety_desk.store.store import Store

BUILD = "construction-major-2024@1"


@pytest.fixture
def world(store: Store):
    """A construction company and a developer in one district, signed in as the office admin."""
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))

    def enterprise(uscc: str, name: str, industry: str) -> Enterprise:
        return store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc(uscc), name=name, district_id=district.id, industry=industry,
            risk_class=1, tracked_since="2025-01-01", safety_officer="王强"))

    builder = enterprise("91370202MA3C12345", "青岛某建工集团有限公司", "建筑施工")
    developer = enterprise("91370202MA3C54321", "青岛某置业有限公司", "房地产")
    return InspectionService(Session(store, admin), Settings()), builder, developer


def test_a_construction_company_is_offered_the_2024_list_first(world) -> None:
    service, builder, developer = world
    offered = [r.code for r in service.checklists_for(builder.id)]
    assert offered[:2] == ["construction-major-2024", "general"]
    assert [r.code for r in service.checklists_for(developer.id)][0] == "general"


def test_a_plan_without_expert_review_is_a_major_hazard_at_the_site(world) -> None:
    service, builder, developer = world
    inspection = service.start(builder.id, BUILD, "routine")
    state = service.answer(inspection.id, "4.4", "fail")
    hazard = state.hazards["4.4"]
    assert hazard.grade == "重大" and hazard.basis.startswith("建质规〔2024〕5号")
    assert "第四条（四）" in hazard.basis
    assert hazard.description == "危大工程未编制专项施工方案即施工"
    assert state.summary.major_failed == 1
    # Passing it again withdraws the finding.
    state = service.answer(inspection.id, "4.4", "pass")
    assert "4.4" not in state.hazards and state.summary.major_failed == 0


def test_the_same_failure_at_a_developer_is_no_major_hazard(world) -> None:
    service, builder, developer = world
    inspection = service.start(developer.id, BUILD, "routine")
    state = service.answer(inspection.id, "8.1", "fail")
    assert state.hazards["8.1"].grade == "一般" and state.summary.major_failed == 0
