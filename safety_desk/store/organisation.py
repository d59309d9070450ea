"""Repositories for the organisation: office, devices, districts, people and district membership."""

from __future__ import annotations

from safety_desk.domain.language import say
from safety_desk.store.records import Device, District, DistrictMember, Office, Person
from safety_desk.store.repository import Repository

ROLES = ("office", "leader", "inspector", "enterprise")


class OfficeRepository(Repository[Office]):
    table = "office"
    record_type = Office

    def validate(self, record: Office) -> Office:
        if not record.name.strip():
            raise ValueError(say("单位名称不能为空", "office name: must not be empty"))
        return record

    def current(self) -> Office | None:
        found = self._select("deleted = 0", order="id", limit=1)
        return found[0] if found else None


class DeviceRepository(Repository[Device]):
    table = "device"
    record_type = Device

    def validate(self, record: Device) -> Device:
        if record.role not in ROLES:
            raise ValueError(f"device role: {record.role!r} is not one of {', '.join(ROLES)}")
        if not record.name.strip():
            raise ValueError(say("设备名称不能为空", "device name: must not be empty"))
        return record

    def active(self) -> list[Device]:
        """Every device not deleted (revoked ones included), in the order they were enrolled."""
        return self._select("deleted = 0", order="enrolled_at, id")

    def named(self, name: str) -> list[Device]:
        return self._select("name = ? AND deleted = 0", (name,), order="enrolled_at, id")


class DistrictRepository(Repository[District]):
    table = "district"
    record_type = District

    def validate(self, record: District) -> District:
        if not record.code.strip() or not record.name.strip():
            raise ValueError(say("片区编号和名称不能为空", "district: code and name are required"))
        return record

    def by_code(self, code: str) -> District | None:
        found = self._select("code = ?", (code,))
        return found[0] if found else None

    def active(self) -> list[District]:
        return self._select("deleted = 0", order="code")


class PersonRepository(Repository[Person]):
    table = "person"
    record_type = Person

    def validate(self, record: Person) -> Person:
        if record.role not in ROLES:
            raise ValueError(f"person role: {record.role!r} is not one of {', '.join(ROLES)}")
        if not record.name.strip():
            raise ValueError(say("姓名不能为空", "person name: must not be empty"))
        if not record.login.strip():
            raise ValueError(say("登录名不能为空", "person login: must not be empty"))
        if (record.role == "enterprise") != (record.enterprise_id is not None):
            raise ValueError(say("企业用户必须且只能属于一个企业",
                                 "person enterprise: an enterprise user belongs to exactly one enterprise; others to none"))
        return record

    def by_login(self, login: str) -> Person | None:
        found = self._select("login = ? AND deleted = 0", (login,))
        return found[0] if found else None

    def anyone_can_sign_in(self) -> bool:
        row = self.db.conn.execute("SELECT 1 FROM person WHERE deleted = 0 AND active = 1"
                                   " AND password_hash IS NOT NULL LIMIT 1").fetchone()
        return row is not None

    def with_role(self, role: str) -> list[Person]:
        return self._select("role = ? AND deleted = 0", (role,), order="name")

    def every(self) -> list[Person]:
        """Everyone not deleted, disabled people too (their records stay and name them), by role and login."""
        return self._select("deleted = 0", order="role, login")

    def login_taken(self, login: str) -> bool:
        """Whether any row, a deleted one too, holds this login (the column is UNIQUE)."""
        return self.db.conn.execute("SELECT 1 FROM person WHERE login = ? COLLATE NOCASE",
                                    (login,)).fetchone() is not None

    def active_office_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM person WHERE role = 'office' AND active = 1"
                                    " AND deleted = 0").fetchone()[0]


class DistrictMemberRepository(Repository[DistrictMember]):
    table = "district_member"
    record_type = DistrictMember

    def validate(self, record: DistrictMember) -> DistrictMember:
        if record.role not in ("leader", "inspector"):
            raise ValueError(f"district member role: {record.role!r} is not leader or inspector")
        return record

    def of_district(self, district_id: str) -> list[DistrictMember]:
        return self._select("district_id = ? AND deleted = 0", (district_id,))

    def districts_of(self, person_id: str) -> list[str]:
        return [m.district_id for m in self._select("person_id = ? AND deleted = 0", (person_id,))]

    def find(self, district_id: str, person_id: str) -> DistrictMember | None:
        """The membership row of a person in a district, a removed (deleted) one too: the pair is UNIQUE."""
        found = self._select("district_id = ? AND person_id = ?", (district_id, person_id))
        return found[0] if found else None
