"""Who signs in on a device (domain/device_scope.py): the default lists and who may never be on one."""

from __future__ import annotations

from safety_desk.domain.device_scope import Scope, default_signers, signer_problem

PEOPLE = [
    {"id": "admin", "login": "admin", "role": "office", "enterprise_id": None, "deleted": 0},
    {"id": "lead", "login": "lead", "role": "leader", "enterprise_id": None, "deleted": 0},
    {"id": "i1", "login": "i1", "role": "inspector", "enterprise_id": None, "deleted": 0},
    {"id": "i2", "login": "i2", "role": "inspector", "enterprise_id": None, "deleted": 0},
    {"id": "gone", "login": "gone", "role": "inspector", "enterprise_id": None, "deleted": 1},
    {"id": "e1", "login": "e1", "role": "enterprise", "enterprise_id": "E1", "deleted": 0},
    {"id": "e2", "login": "e2", "role": "enterprise", "enterprise_id": "E2", "deleted": 0},
]
MEMBERS = [
    {"district_id": "D1", "person_id": "i1", "deleted": 0},
    {"district_id": "D2", "person_id": "i2", "deleted": 0},
    {"district_id": "D1", "person_id": "i2", "deleted": 1},       # left D1
    {"district_id": "D1", "person_id": "admin", "deleted": 0},    # never: an office account
    {"district_id": "D1", "person_id": "gone", "deleted": 0},     # a deleted person
]


def test_a_laptop_defaults_to_the_inspectors_and_leaders_serving_its_districts():
    laptop = Scope("dev", "inspector", frozenset({"D1"}))
    assert default_signers(laptop, PEOPLE, MEMBERS, {"D1": "lead", "D2": None}) == {"i1", "lead"}
    both = Scope("dev", "leader", frozenset({"D1", "D2"}))
    assert default_signers(both, PEOPLE, MEMBERS, {"D1": None}) == {"i1", "i2"}


def test_an_enterprise_pc_defaults_to_its_own_people_and_the_office_to_everyone():
    assert default_signers(Scope("pc", "enterprise", enterprise_id="E1"), PEOPLE, MEMBERS, {}) == {"e1"}
    assert default_signers(Scope("office", "office"), PEOPLE, MEMBERS, {}) == {p["id"] for p in PEOPLE}


def test_no_office_account_nor_anyone_of_another_kind_is_ever_on_a_list():
    admin, lead, e1, e2, gone = (next(p for p in PEOPLE if p["id"] == i) for i in ("admin", "lead", "e1", "e2", "gone"))
    assert "安全办" in signer_problem("inspector", None, admin)
    assert "安全办" in signer_problem("enterprise", "E1", admin)
    assert signer_problem("leader", None, lead) is None
    assert "不是检查员" in signer_problem("inspector", None, e1)
    assert signer_problem("enterprise", "E1", e1) is None
    assert "不是本企业" in signer_problem("enterprise", "E1", e2)
    assert "已删除" in signer_problem("inspector", None, gone)


def test_a_named_list_travels_in_the_scope_and_none_means_the_default():
    listed = Scope.of("dev", "inspector", {"district_ids": ["D1"], "people": ["i2", "i1"]})
    assert listed.people == frozenset({"i1", "i2"})
    assert listed.as_json() == {"district_ids": ["D1"], "people": ["i1", "i2"]}
    assert Scope.of("dev", "inspector", {"district_ids": ["D1"]}).people is None
    assert Scope.of("dev", "inspector", {"district_ids": ["D1"]}).as_json() == {"district_ids": ["D1"]}
