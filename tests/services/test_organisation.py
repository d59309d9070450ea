"""The office's organisation service: districts, people, passwords; every refusal names its field and changes nothing."""

from __future__ import annotations

import re

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.organisation import FIELDS, OrganisationProblem, OrganisationService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.records import Enterprise

USCC = make_uscc("91370200MA3C00001")


@pytest.fixture
def org(store) -> OrganisationService:
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    return OrganisationService(Session(store, admin))


def _digest(store) -> tuple:
    conn = store.db.conn
    return tuple(tuple(map(tuple, conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()))
                 for t in ("district", "person", "district_member"))


def _enterprise(store, district_id: str) -> Enterprise:
    with store.transaction():
        return store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=USCC, name="一号企业",
                                                district_id=district_id, industry="机械", risk_class=2,
                                                tracked_since="2026-01-01"))


def test_districts_people_and_leaders(org, store):
    org.add_person("lead1", "王领导", "leader", password="leader-pass")
    district = org.add_district("d1", "东片区", leader_login="lead1")
    assert district.code == "D1"
    made = org.add_person("insp1", "李检查", "inspector", ["东片区"])  # by name
    assert made.one_time and len(made.one_time) >= 8 and made.person.must_change_password
    org.set_inspectors("D1", ["insp1"])
    org.rename_district("D1", "东城片区")
    [row] = org.districts()
    assert (row.district.name, row.leader.login, [p.login for p in row.inspectors]) == ("东城片区", "lead1", ["insp1"])
    people = {r.person.login: r for r in org.people()}
    assert people["insp1"].district_codes == ("D1",)
    # The inspector's scope follows the membership: their session sees district D1.
    assert Session(store, store.people.by_login("insp1")).district_ids() == [district.id]
    org.set_inspectors("D1", [])
    assert org.districts()[0].inspectors == ()
    # A typo in a name is corrected; the login, role and password stay.
    before = store.people.by_login("lead1")
    renamed = org.rename_person("lead1", " 王立平 ")
    assert (renamed.name, renamed.login, renamed.role, renamed.password_hash) == (
        "王立平", "lead1", "leader", before.password_hash)


REFUSALS = [
    (lambda o: o.add_district("D1", "又一个"), "片区代码"),
    (lambda o: o.add_person("admin", "重名", "office"), "登录名"),
    (lambda o: o.add_person("x1", "某人", "inspector", ["D9"]), "片区"),
    (lambda o: o.add_person("x2", "某人", "inspector"), "片区"),
    (lambda o: o.add_person("x3", "某人", "enterprise"), "企业"),
    (lambda o: o.add_person("x4", "某人", "enterprise", uscc=make_uscc("91370200MA3C00099")), "企业"),
    (lambda o: o.add_person("x5", "某人", "office", password="short"), "密码"),
    (lambda o: o.add_person("longlogin", "某人", "office", password="LongLogin"), "密码"),
    (lambda o: o.add_person("x6", "某人", "boss"), "角色"),
    (lambda o: o.disable("admin"), "登录名"),
    (lambda o: o.retire_district("D1"), "片区"),
    (lambda o: o.set_leader("D1", "admin"), "包片领导"),
    (lambda o: o.rename_person("admin", "  "), "姓名"),
    (lambda o: o.rename_person("admin", "管理\n员"), "姓名"),
    (lambda o: o.rename_person("nobody", "某人"), "登录名"),
]


@pytest.mark.parametrize("call, field", REFUSALS)
def test_bad_requests_are_refused_naming_the_field_and_change_nothing(org, store, call, field):
    org.add_district("D1", "东片区")
    _enterprise(store, store.districts.by_code("D1").id)
    before = _digest(store)
    with pytest.raises(OrganisationProblem) as refused:
        call(org)
    assert str(refused.value).startswith(field)
    assert _digest(store) == before


@pytest.mark.parametrize("call, field", REFUSALS)
def test_in_english_a_refusal_names_the_field_in_english_and_keeps_its_key(org, store, english, call, field):
    """The people import reads the field (its column) from the refusal whatever the language."""
    org.add_district("D1", "东片区")
    _enterprise(store, store.districts.by_code("D1").id)
    with pytest.raises(OrganisationProblem) as refused:
        call(org)
    message = str(refused.value)
    assert refused.value.field == field and message.startswith(FIELDS[field] + ": "), message
    assert refused.value.reason and message.endswith(refused.value.reason)
    for data in ("东片区", "一号企业"):  # names are data: they stay as written
        message = message.replace(data, "")
    assert not re.search(r"[\u4e00-\u9fff]", message), message


def test_last_office_account_is_kept_but_a_second_may_go(org, store):
    org.add_person("office2", "第二人", "office", password="second-pass")
    assert not org.disable("office2").active
    with pytest.raises(OrganisationProblem, match="最后一个"):
        OrganisationService(Session.of_device(store)).disable("admin")  # the command line: no self
    assert store.people.by_login("admin").active


def test_enterprise_officer_and_retiring_an_emptied_district(org, store):
    org.add_district("D1", "东片区")
    org.add_district("D2", "西片区")
    enterprise = _enterprise(store, store.districts.by_code("D2").id)
    officer = org.add_person("ent1", "安全员", "enterprise", uscc=USCC).person
    assert officer.enterprise_id == enterprise.id
    with pytest.raises(OrganisationProblem, match="1家企业"):
        org.retire_district("D2")
    assert org.retire_district("D1").deleted
    assert [r.district.code for r in org.districts()] == ["D2"]
    with pytest.raises(OrganisationProblem, match="已撤销"):
        org.add_district("D1", "新东片区")


def test_one_time_password_must_be_changed_then_the_new_one_signs_in(org, store):
    made = org.add_person("insp1", "李检查", "inspector", ["D1"] if org.add_district("D1", "东") else [])
    session = SignIn(store).sign_in("insp1", made.one_time)
    assert session.person.must_change_password
    with pytest.raises(OrganisationProblem, match="^新密码"):
        org.change_password("insp1", made.one_time, "insp1")
    with pytest.raises(OrganisationProblem, match="^当前密码"):
        org.change_password("insp1", "wrong", "a-good-password")
    changed = org.change_password("insp1", made.one_time, "a-good-password")
    assert not changed.must_change_password
    assert not SignIn(store).sign_in("insp1", "a-good-password").person.must_change_password
    reset = org.reset_password("insp1")
    assert SignIn(store).sign_in("insp1", reset.one_time).person.must_change_password


def test_a_disabled_person_cannot_sign_in_and_their_row_stays(org, store):
    org.add_district("D1", "东")
    org.add_person("insp1", "李检查", "inspector", ["D1"], password="good-password")
    org.disable("insp1")
    with pytest.raises(SignInFailed):
        SignIn(store).sign_in("insp1", "good-password")
    assert {r.person.login: r.person.active for r in org.people()}["insp1"] is False
    org.enable("insp1")
    assert SignIn(store).sign_in("insp1", "good-password")


def test_only_the_office_manages_people(org, store):
    org.add_district("D1", "东")
    org.add_person("insp1", "李检查", "inspector", ["D1"], password="good-password")
    inspector = OrganisationService(Session(store, store.people.by_login("insp1")))
    for call in (lambda: inspector.add_district("D2", "西"), lambda: inspector.people(),
                 lambda: inspector.disable("admin"), lambda: inspector.reset_password("admin")):
        with pytest.raises(PermissionDenied):
            call()
    # ... but anyone changes their own password.
    assert inspector.change_password("insp1", "good-password", "better-password")
