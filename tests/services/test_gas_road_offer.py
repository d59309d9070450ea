"""A gas company and a bus company are offered their sector's determination list first, and a failed clause of it
opens a 重大 hazard citing the standard; the same list at an enterprise it does not judge opens a 一般 one."""

from __future__ import annotations

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.records import District, Enterprise
from safety_desk.store.store import Store

GAS = "gas-major-2023@2"
ROAD = "road-transport-major-2023@1"


@pytest.fixture
def office(store: Store):
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))

    def enterprise(name: str, industry: str, body: str) -> Enterprise:
        return store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc(body), name=name, district_id=district.id, industry=industry,
            risk_class=1, tracked_since="2025-01-01", safety_officer="王强"))

    service = InspectionService(Session(store, admin), Settings())
    return service, enterprise


def test_a_gas_company_gets_the_gas_list_first_and_a_missing_licence_is_major(office) -> None:
    service, enterprise = office
    gas = enterprise("市燃气集团有限公司", "燃气", "91370202MA3G00001")
    assert [r.code for r in service.checklists_for(gas.id)][:2] == ["gas-major-2023", "general"]
    inspection = service.start(gas.id, GAS, "routine")
    state = service.answer(inspection.id, "M-1", "fail")
    hazard = state.hazards["M-1"]
    assert hazard.grade == "重大" and hazard.basis.startswith("建城规〔2023〕4号 第四条（一）")
    assert hazard.description == "未取得燃气经营许可证从事燃气经营活动"
    assert state.summary.major_failed == 1
    # A situation read only in a summary, without its clause number, is recorded as 一般 for the inspector to regrade.
    assert service.answer(inspection.id, "P-1", "fail").hazards["P-1"].grade == "一般"


def test_a_bus_company_gets_the_road_transport_list_first_and_an_overdue_vehicle_is_major(office) -> None:
    service, enterprise = office
    bus = enterprise("市公共交通集团有限公司", "交通运输", "91370202MA3B00002")
    assert [r.code for r in service.checklists_for(bus.id)][:2] == ["road-transport-major-2023", "general"]
    inspection = service.start(bus.id, ROAD, "routine")
    state = service.answer(inspection.id, "C-2", "fail")
    assert state.hazards["C-2"].grade == "重大" and state.hazards["C-2"].basis.startswith("交办运〔2023〕52号 第三条（二）")


def test_the_gas_list_grades_no_major_at_an_enterprise_it_does_not_judge(office) -> None:
    service, enterprise = office
    hotel = enterprise("某酒店管理有限公司", "酒店餐饮", "91370202MA3H00003")
    assert [r.code for r in service.checklists_for(hotel.id)][0] != "gas-major-2023"
    inspection = service.start(hotel.id, GAS, "routine")
    state = service.answer(inspection.id, "M-1", "fail")
    assert state.hazards["M-1"].grade == "一般" and state.summary.major_failed == 0
