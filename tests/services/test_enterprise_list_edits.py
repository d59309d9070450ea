"""Creating and moving one enterprise (the Enterprises page's 新建企业 and 移至片区): each bad field refused by name,
nothing written; GB/T 4754 industries as the imports read them."""

from __future__ import annotations

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.session import Session
from safety_desk.store.records import District
from safety_desk.store.store import Store
from tests.services.test_imports import checksum


@pytest.fixture
def office(store: Store) -> EnterpriseService:
    with store.transaction():
        store.districts.add(District(id=store.db.new_id(), code="D01", name="东片区"))
        store.districts.add(District(id=store.db.new_id(), code="D02", name="西片区"))
    return EnterpriseService(Session(store, store.people.by_login("admin")))


@pytest.mark.parametrize("typed, industry", [("建筑业", "建筑施工"), ("E", "建筑施工"), ("5412", "城市轨道交通"),
                                             ("燃气", "燃气"), ("机械", "机械")])
def test_an_industry_typed_as_the_national_classification_names_it(office, typed, industry) -> None:
    east = office.store.districts.by_code("D01")
    created = office.create(name="新企业", uscc=make_uscc("91370200MA3Q00001"), district_id=east.id, industry=typed,
                            address="  市南区 1 号 ")
    assert (created.industry, created.address, created.district_id) == (industry, "市南区 1 号", east.id)
    assert office.store.enterprises.by_uscc(created.uscc).tracked_since == office.session.clock.today().isoformat()


def test_bad_fields_are_refused_by_name_and_nothing_is_written(office) -> None:
    store = office.store
    east = store.districts.by_code("D01")
    office.create(name="已有企业", uscc=make_uscc("91370200MA3Q00001"), district_id=east.id, industry="E")
    before = checksum(store)
    good = dict(name="新企业", uscc=make_uscc("91370200MA3Q00002"), district_id=east.id, industry="E")
    cases = [({"uscc": make_uscc("91370200MA3Q00001")}, "统一社会信用代码：已被「已有企业」使用"),
             ({"uscc": make_uscc("91370200MA3Q00002")[:-1] + "0"}, "统一社会信用代码"),
             ({"industry": "养殖"}, "行业：未知行业「养殖」"),
             ({"district_id": "nowhere"}, "片区：请选择"),
             ({"name": "  "}, "企业名称")]
    for change, message in cases:
        with pytest.raises(ValueError) as refused:
            office.create(**{**good, **change})
        assert message in str(refused.value), (change, str(refused.value))
    assert checksum(store) == before


def test_a_move_takes_the_open_hazards_along_and_refuses_the_same_district(office) -> None:
    store = office.store
    east, west = store.districts.by_code("D01"), store.districts.by_code("D02")
    created = office.create(name="新企业", uscc=make_uscc("91370200MA3Q00001"), district_id=east.id, industry="E")
    with pytest.raises(ValueError, match="已在东片区"):
        office.move(created.id, east.id)
    moved = office.move(created.id, west.id)
    assert moved.district_id == west.id
    assert [e.id for e in office.enterprises_of(west.id)] == [created.id]
