"""The office's enterprise list, edited one by one (the Enterprises page): a new enterprise reaches its district's
laptop and no other device; a retired one leaves the laptop's lists."""

from __future__ import annotations

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.session import PermissionDenied

from sync_helpers import as_person, exchange, hazard_of


def test_a_new_enterprise_reaches_its_districts_laptop_and_a_retired_one_leaves_it(world, tmp_path) -> None:
    office, inspector, enterprise_pc = world
    service = EnterpriseService(as_person(office, "admin"))
    d1 = office.store.districts.by_code("D1")
    created = service.create(name="市水务集团有限公司", uscc=make_uscc("91370200MA3W00001"), district_id=d1.id,
                             industry="水的生产和供应业")
    assert created.industry == "其他" and created.risk_class in (1, 2, 3)
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise_pc, tmp_path)
    assert inspector.store.enterprises.get(created.id).name == "市水务集团有限公司"
    assert enterprise_pc.store.enterprises.get(created.id) is None  # another enterprise's PC: not its business

    # Nobody but the office changes the list, on any device.
    with pytest.raises(PermissionDenied):
        EnterpriseService(as_person(inspector, "insp")).retire(created.id)

    service.retire(created.id)
    exchange(office, inspector, tmp_path)
    assert created.id not in {e.id for e in inspector.store.enterprises.active()}
    assert created.id not in {e.id for e in office.store.enterprises.active()}


def test_an_enterprise_with_open_hazards_is_not_retired(world) -> None:
    office, _, _ = world
    hazard = hazard_of(office.store, "隐患1")
    with pytest.raises(ValueError, match="未销号"):
        EnterpriseService(as_person(office, "admin")).retire(hazard.enterprise_id)
    assert not office.store.enterprises.require(hazard.enterprise_id).deleted
