"""The office's organisation: districts (片区) with their leader and inspectors, people, their accounts and passwords."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterable, Iterator

from safety_desk.domain.language import say
from safety_desk.domain.uscc import validate_uscc
from safety_desk.services.encryption import remove_password_slot, set_password_slot
from safety_desk.services.passwords import hash_password, one_time_password, password_problem, verify_password
from safety_desk.services.session import Action, ROLE_NAMES, Session
from safety_desk.store.organisation import ROLES
from safety_desk.store.records import District, DistrictMember, Person


# The fields a refusal names: the Chinese name is the key (the people import maps it to its column), with its English.
FIELDS = {"片区代码": "district code", "片区名称": "district name", "片区": "district", "包片领导": "leader",
          "检查员": "inspector", "登录名": "login", "姓名": "name", "角色": "role", "企业": "enterprise",
          "密码": "password", "当前密码": "current password", "新密码": "new password"}


class OrganisationProblem(ValueError):
    """A district or person request refused; the message names the field and why, and nothing was changed."""

    def __init__(self, field: str, zh: str, en: str) -> None:
        # The message reads "field：why" in either language; `field` stays the Chinese key whatever the language.
        self.field = field
        self.reason = say(zh, en)
        super().__init__(say(f"{field}：{zh}", f"{FIELDS[field]}: {en}"))


@dataclass(frozen=True)
class DistrictRow:
    """A district with its leader, its inspectors and how many enterprises it holds."""

    district: District
    leader: Person | None
    inspectors: tuple[Person, ...]
    enterprises: int


@dataclass(frozen=True)
class PersonRow:
    """A person with the codes of their districts and the name of their enterprise (enterprise officers)."""

    person: Person
    district_codes: tuple[str, ...]
    enterprise_uscc: str
    enterprise_name: str


@dataclass(frozen=True)
class NewPassword:
    """A person whose password the office set; `one_time` is the password to show once (None: the office typed it)."""

    person: Person
    one_time: str | None


class OrganisationService:
    """Districts and people for the office (PermissionDenied for every other role); one's own password for anyone."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def may_manage(self) -> bool:
        return self.session.may(Action.MANAGE_PEOPLE)

    # -- districts ------------------------------------------------------------------------------
    def districts(self) -> list[DistrictRow]:
        """Every district in use, by code, with its leader, inspectors and number of enterprises."""
        self.session.require(Action.MANAGE_PEOPLE)
        return [self._district_row(d) for d in self.store.districts.active()]

    def _district_row(self, district: District) -> DistrictRow:
        members = self.store.members.of_district(district.id)
        leader = self.store.people.get(district.leader_id) if district.leader_id else None
        inspectors = [self.store.people.get(m.person_id) for m in members if m.role == "inspector"]
        return DistrictRow(district, leader if leader and not leader.deleted else None,
                           tuple(sorted((p for p in inspectors if p and not p.deleted), key=lambda p: p.login)),
                           len(self.store.enterprises.of_district(district.id)))

    def add_district(self, code: str, name: str, leader_login: str | None = None,
                     inspector_logins: Iterable[str] = ()) -> District:
        self.session.require(Action.MANAGE_PEOPLE)
        code, name = code.strip().upper(), name.strip()
        if not code:
            raise OrganisationProblem("片区代码", "不能为空", "must not be empty")
        if not name:
            raise OrganisationProblem("片区名称", "不能为空", "must not be empty")
        existing = self.store.districts.by_code(code)
        if existing is not None:
            retired = say("（已撤销的片区）", " (retired)") if existing.deleted else ""
            raise OrganisationProblem("片区代码", f"{code} 已被片区「{existing.name}」{retired}使用",
                                      f"{code} is taken by the district “{existing.name}”{retired}")
        if any(d.name == name for d in self.store.districts.active()):
            raise OrganisationProblem("片区名称", f"已有名为「{name}」的片区", f"there is a district named “{name}” already")
        leader = self._leader(leader_login) if leader_login else None
        with self.store.transaction():
            district = self.store.districts.add(District(id=self.store.db.new_id(), code=code, name=name))
            if leader is not None:
                district = self._make_leader(district, leader)
            if inspector_logins:
                self.set_inspectors(code, inspector_logins)
        return self.store.districts.require(district.id)

    def edit_district(self, code: str, name: str, leader_login: str | None,
                      inspector_logins: Iterable[str]) -> DistrictRow:
        """The district form's save: its name, leader and inspectors together, or nothing."""
        self.session.require(Action.MANAGE_PEOPLE)
        with self.store.transaction():
            self.rename_district(code, name)
            self.set_leader(code, leader_login)
            return self.set_inspectors(code, inspector_logins)

    def rename_district(self, code: str, name: str) -> District:
        self.session.require(Action.MANAGE_PEOPLE)
        district = self._district(code)
        name = name.strip()
        if not name:
            raise OrganisationProblem("片区名称", "不能为空", "must not be empty")
        if any(d.name == name and d.id != district.id for d in self.store.districts.active()):
            raise OrganisationProblem("片区名称", f"已有名为「{name}」的片区", f"there is a district named “{name}” already")
        return self.store.districts.update(district.id, name=name)

    def set_leader(self, code: str, login: str | None) -> District:
        """Make `login` (a leader) the district's leader; None leaves the district without one."""
        self.session.require(Action.MANAGE_PEOPLE)
        district = self._district(code)
        leader = self._leader(login) if login else None
        with self.store.transaction():
            if leader is None:
                self._end_membership(district, district.leader_id)
                return self.store.districts.update(district.id, leader_id=None)
            return self._make_leader(district, leader)

    def set_inspectors(self, code: str, logins: Iterable[str]) -> DistrictRow:
        """The district's inspectors become exactly `logins`: others leave it, new ones join."""
        self.session.require(Action.MANAGE_PEOPLE)
        district = self._district(code)
        wanted = []
        for login in logins:
            person = self._person(login, "检查员")
            if person.role != "inspector":
                raise OrganisationProblem("检查员", f"{login} 是{ROLE_NAMES.get(person.role, person.role)}，不是检查员",
                                          f"{login} is {person.role}, not an inspector")
            wanted.append(person)
        wanted_ids = {p.id for p in wanted}
        with self.store.transaction():
            for member in self.store.members.of_district(district.id):
                if member.role == "inspector" and member.person_id not in wanted_ids:
                    self.store.members.update(member.id, deleted=True)
            for person in wanted:
                self._join(district.id, person.id, "inspector")
        return self._district_row(self.store.districts.require(district.id))

    def retire_district(self, code: str) -> District:
        """Take a district out of use: only when no enterprise is left in it (move them first)."""
        self.session.require(Action.MANAGE_PEOPLE)
        district = self._district(code)
        left = self.store.enterprises.of_district(district.id)
        if left:
            raise OrganisationProblem("片区", f"片区 {district.code} 还有{len(left)}家企业（如「{left[0].name}」），"
                                      "请先将它们移到其他片区",
                                      f"district {district.code} still has {len(left)} enterprise(s) (such as "
                                      f"“{left[0].name}”): move them to another district first")
        with self.store.transaction():
            for member in self.store.members.of_district(district.id):
                self.store.members.update(member.id, deleted=True)
            return self.store.districts.update(district.id, deleted=True)

    def _district(self, code: str) -> District:
        district = self.store.districts.by_code(code.strip().upper())
        if district is None or district.deleted:
            raise OrganisationProblem("片区代码", f"片区 {code} 不存在", f"no district {code}")
        return district

    def _district_by_code_or_name(self, text: str, field: str = "片区") -> District:
        text = text.strip()
        district = self.store.districts.by_code(text.upper())
        if district is None or district.deleted:
            district = next((d for d in self.store.districts.active() if d.name == text), None)
        if district is None:
            raise OrganisationProblem(field, f"片区 {text} 不存在", f"no district {text}")
        return district

    def _leader(self, login: str) -> Person:
        person = self._person(login, "包片领导")
        if person.role != "leader":
            raise OrganisationProblem("包片领导", f"{login} 是{ROLE_NAMES.get(person.role, person.role)}，不是包片领导",
                                      f"{login} is {person.role}, not a leader")
        return person

    def _make_leader(self, district: District, leader: Person) -> District:
        if district.leader_id and district.leader_id != leader.id:
            self._end_membership(district, district.leader_id)
        self._join(district.id, leader.id, "leader")
        return self.store.districts.update(district.id, leader_id=leader.id)

    def _end_membership(self, district: District, person_id: str | None) -> None:
        member = self.store.members.find(district.id, person_id) if person_id else None
        if member is not None and not member.deleted:
            self.store.members.update(member.id, deleted=True)

    def _join(self, district_id: str, person_id: str, role: str) -> None:
        # (district, person) is UNIQUE: someone who left and comes back gets their old row again.
        member = self.store.members.find(district_id, person_id)
        if member is None:
            self.store.members.add(DistrictMember(id=self.store.db.new_id(), district_id=district_id,
                                                  person_id=person_id, role=role))
        elif member.deleted or member.role != role:
            self.store.members.update(member.id, deleted=False, role=role)

    # -- people ---------------------------------------------------------------------------------
    def people(self) -> list[PersonRow]:
        """Everyone, disabled people too: office, leaders, inspectors, enterprise officers, each by login."""
        self.session.require(Action.MANAGE_PEOPLE)
        codes = {d.id: d.code for d in self.store.districts.active()}
        rows = []
        for person in self.store.people.every():
            enterprise = self.store.enterprises.get(person.enterprise_id) if person.enterprise_id else None
            districts = tuple(sorted(codes[d] for d in self.store.members.districts_of(person.id) if d in codes))
            rows.append(PersonRow(person, districts, enterprise.uscc if enterprise else "",
                                  enterprise.name if enterprise else ""))
        rows.sort(key=lambda r: (ROLES.index(r.person.role), r.person.login))  # the office first, enterprises last
        return rows

    def check_person(self, login: str, name: str, role: str, districts: Iterable[str] = (),
                     uscc: str | None = None, password: str | None = None,
                     taken: Iterable[str] = ()) -> tuple[Person, list[District]]:
        """The person `add_person` would create and their districts, or OrganisationProblem naming the field;
        writes nothing (the people import checks every row with it). `taken`: logins used by earlier rows."""
        self.session.require(Action.MANAGE_PEOPLE)
        login, name, role = login.strip(), name.strip(), role.strip()
        if not login:
            raise OrganisationProblem("登录名", "不能为空", "must not be empty")
        if any(c.isspace() for c in login):
            raise OrganisationProblem("登录名", f"{login!r} 不能含空格", f"{login!r} must not contain spaces")
        if self.store.people.login_taken(login) or login.casefold() in {t.casefold() for t in taken}:
            raise OrganisationProblem("登录名", f"{login} 已被使用", f"{login} is taken")
        if not name:
            raise OrganisationProblem("姓名", "不能为空", "must not be empty")
        if role not in ROLES:
            raise OrganisationProblem("角色", f"{role!r} 未知，应为 office、leader、inspector 或 enterprise",
                                      f"unknown {role!r}; one of office, leader, inspector, enterprise")
        districts = [self._district_by_code_or_name(d) for d in districts if d.strip()]
        if role == "inspector" and not districts:
            raise OrganisationProblem("片区", "检查员至少要负责一个片区", "an inspector needs at least one district")
        if role in ("office", "enterprise") and districts:
            raise OrganisationProblem("片区", f"{ROLE_NAMES[role]}不属于片区", f"the role {role} belongs to no district")
        enterprise_id = None
        if role == "enterprise":
            if not uscc or not uscc.strip():
                raise OrganisationProblem("企业", "企业安全员必须填写所属企业的统一社会信用代码",
                                          "an enterprise officer needs their enterprise's USCC")
            try:
                code = validate_uscc(uscc)
            except ValueError as exc:
                raise OrganisationProblem("企业", str(exc), str(exc)) from None
            enterprise = self.store.enterprises.by_uscc(code)
            if enterprise is None or enterprise.deleted:
                raise OrganisationProblem("企业", f"统一社会信用代码 {code} 对应的企业不存在",
                                          f"no enterprise with the USCC {code}")
            enterprise_id = enterprise.id
        elif uscc and uscc.strip():
            raise OrganisationProblem("企业", f"只有企业安全员属于企业，{ROLE_NAMES[role]}不填企业",
                                      f"only an enterprise officer belongs to an enterprise, not the role {role}")
        if password is not None:
            problem = password_problem(password, login)
            if problem:
                raise OrganisationProblem("密码", problem, problem)
        person = Person(id="", name=name, login=login, role=role, enterprise_id=enterprise_id,
                        must_change_password=True)
        return person, districts

    def add_person(self, login: str, name: str, role: str, districts: Iterable[str] = (),
                   uscc: str | None = None, password: str | None = None) -> NewPassword:
        """Create a person with their districts or enterprise. Without `password` a one-time password is made and
        returned to be shown once; either way it must be changed at the first sign-in."""
        person, district_list = self.check_person(login, name, role, districts, uscc, password)
        one_time = one_time_password() if password is None else None
        with self.store.transaction():
            person = self._create(person, district_list, password or one_time, one_time=password is None)
        set_password_slot(self.store.path, person.login, password or one_time, one_time=one_time is not None)
        return NewPassword(person, one_time)

    def add_checked(self, people: list[tuple[Person, list[District], str]],
                    one_time_logins: frozenset[str] | set[str] = frozenset()) -> None:
        """Create people `check_person` passed, each with its password, in the caller's transaction;
        `one_time_logins`: those whose password one_time_password() made (hashed cheaper, services/passwords.py)."""
        self.session.require(Action.MANAGE_PEOPLE)
        for person, district_list, password in people:
            self._create(person, district_list, password, one_time=person.login in one_time_logins)

    def _create(self, person: Person, district_list: list[District], password: str, *,
                one_time: bool = False) -> Person:
        person = self.store.people.add(Person(
            id=self.store.db.new_id(), name=person.name, login=person.login, role=person.role,
            enterprise_id=person.enterprise_id, password_hash=hash_password(password, one_time=one_time),
            must_change_password=True))
        for district in district_list:
            self._join(district.id, person.id, "leader" if person.role == "leader" else "inspector")
            if person.role == "leader" and not district.leader_id:
                self.store.districts.update(district.id, leader_id=person.id)
        return person

    def reset_password(self, login: str, password: str | None = None) -> NewPassword:
        """Give a person a new password (a one-time one when none is typed), to be changed at their next sign-in."""
        self.session.require(Action.MANAGE_PEOPLE)
        person = self._person(login, "登录名")
        if password is not None:
            problem = password_problem(password, person.login)
            if problem:
                raise OrganisationProblem("密码", problem, problem)
        one_time = one_time_password() if password is None else None
        updated = self.store.people.update(person.id, password_hash=hash_password(password or one_time,
                                                                                  one_time=password is None),
                                           must_change_password=True)
        # An encrypted database: the slot is re-wrapped, so the old password opens nothing.
        set_password_slot(self.store.path, person.login, password or one_time, one_time=one_time is not None)
        return NewPassword(updated, one_time)

    def disable(self, login: str) -> Person:
        """The person can no longer sign in, here and on every device after its next sync; their records stay."""
        self.session.require(Action.MANAGE_PEOPLE)
        person = self._person(login, "登录名")
        if not person.active:
            return person
        if person.id == self.session.person.id:
            raise OrganisationProblem("登录名", "不能停用自己正在使用的账号", "you cannot disable the account you are signed in with")
        if person.role == "office" and self.store.people.active_office_count() <= 1:
            raise OrganisationProblem("登录名", f"{person.login} 是最后一个可用的安全办账号，不能停用",
                                      f"{person.login} is the last active office account: it cannot be disabled")
        disabled = self.store.people.update(person.id, active=False)
        remove_password_slot(self.store.path, person.login)  # an encrypted database: their password opens nothing
        return disabled

    def enable(self, login: str) -> Person:
        self.session.require(Action.MANAGE_PEOPLE)
        person = self._person(login, "登录名")
        return self.store.people.update(person.id, active=True)

    def rename_person(self, login: str, name: str) -> Person:
        """Correct a person's full name (a typo at import, a name changed): their login, role and records stay, and
        every device shows the new name after its next sync; a document already issued reprints as it was issued."""
        self.session.require(Action.MANAGE_PEOPLE)
        person = self._person(login, "登录名")
        name = name.strip()
        if not name:
            raise OrganisationProblem("姓名", "不能为空", "must not be empty")
        if any(not c.isprintable() for c in name):
            raise OrganisationProblem("姓名", "不能含换行或控制字符", "must not contain line breaks or control characters")
        if name == person.name:
            return person
        return self.store.people.update(person.id, name=name)

    def _person(self, login: str | None, field: str) -> Person:
        person = self.store.people.by_login((login or "").strip())
        if person is None:
            raise OrganisationProblem(field, f"没有登录名为 {login} 的人员", f"nobody has the login {login}")
        return person

    # -- one's own password -----------------------------------------------------------------------
    def change_password(self, login: str, current: str, new: str) -> Person:
        """Anyone, knowing their current password, sets a new one (the first sign-in asks for it). No role is
        needed: the password is the proof, and the write is the person's own (it syncs from any device)."""
        person = self.store.people.by_login(login.strip())
        if person is None or not person.active or not verify_password(current, person.password_hash):
            raise OrganisationProblem("当前密码", "登录名或当前密码不正确", "the login or the current password is wrong")
        problem = password_problem(new, person.login)
        if problem:
            raise OrganisationProblem("新密码", problem, problem)
        if new == current:
            raise OrganisationProblem("新密码", "不能与当前密码相同", "must differ from the current one")
        with self._as(person):
            changed = self.store.people.update(person.id, password_hash=hash_password(new),
                                               must_change_password=False)
        set_password_slot(self.store.path, person.login, new)  # an encrypted database: re-wrapped under the new one
        return changed

    @contextmanager
    def _as(self, person: Person) -> Iterator[None]:
        # The write's author is the person themself (the command line writes as its device otherwise): sync
        # takes a person's own password from any device (domain/ownership.py SELF_SERVICE_PERSON_FIELDS).
        db = self.store.db
        before, db.author_id = db.author_id, person.id
        try:
            yield
        finally:
            db.author_id = before
