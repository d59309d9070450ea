"""What a device may receive and send: rows of its scope (districts or one enterprise), and fields its role owns.

Pure rules over row values; the store builds a ScopeIndex (the ids a scope covers) with SQL.

Scopes (DESIGN.md §4): the office sees everything. An inspector's or leader's device sees its districts:
their enterprises and everything of those enterprises, district-wide and office-wide training, every
campaign and checklist, the staff (people of no enterprise), every device, its own notice-number blocks.
An enterprise device sees its own enterprise and district, the enterprise's records (trainings that name
it too), the photos they reference, its own people, the staff, the office's devices and itself, campaigns and
checklists.

Secrets only where needed (issue 19): a person's password hash goes only to the devices that person signs in
on. A device's sign-in list is `people` in its scope (person ids, set at enrolment with `device enroll --person`
and changed by the office with `device people`; the device record syncs, so the device learns it). Without one
the list is the default, judged on the data as it is: for an inspector's or leader's laptop, the inspectors and
leaders serving its districts (包片: district members and the districts' leaders); for an enterprise's PC, that
enterprise's own people. The office's accounts are never on a list (`signer_problem`), so no office password hash
ever leaves the office, and nobody else can sign in on a device: its copy of everyone else's hash is blank.
Incidents stay on the office side (office and inspectors). There is no inspector-internal note field in
the schema today; one would be listed in OFFICE_SIDE_FIELDS and never reach an enterprise device.

Ownership (what a role may write) is one rule for services and sync alike: domain/ownership.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from safety_desk.domain.language import say
from safety_desk.domain.ownership import INSPECTOR_ROLES, OFFICE_ROLES

# Fields that never leave the office side (none exist yet; see the module docstring).
OFFICE_SIDE_FIELDS: dict[str, frozenset[str]] = {}
# Photo references in rows: table -> JSON list columns of photo ids.
PHOTO_COLUMNS = {"hazard": ("photos",), "hazard_event": ("photos",), "answer": ("photos",), "drill": ("photos",)}


@dataclass(frozen=True)
class Scope:
    """A device's role and reach: all (office), some districts, or one enterprise."""

    device_id: str
    role: str
    district_ids: frozenset[str] = frozenset()
    enterprise_id: str | None = None
    people: frozenset[str] | None = None  # who signs in on the device (None: the default, module docstring)

    @property
    def everything(self) -> bool:
        return self.role in OFFICE_ROLES

    @classmethod
    def of(cls, device_id: str, role: str, scope: dict[str, Any] | None) -> "Scope":
        scope = scope or {}
        people = scope.get("people")
        listed = (frozenset(p for p in people if isinstance(p, str)) if isinstance(people, list) else None)
        return cls(device_id, role, frozenset(scope.get("district_ids") or ()), scope.get("enterprise_id"), listed)

    def as_json(self) -> dict[str, Any]:
        listed = {"people": sorted(self.people)} if self.people is not None else {}
        if self.role == "enterprise":
            return {"enterprise_id": self.enterprise_id, **listed}
        if self.role in INSPECTOR_ROLES:
            return {"district_ids": sorted(self.district_ids), **listed}
        return {}


def default_signers(scope: Scope, people: list[dict[str, Any]], members: list[dict[str, Any]],
                    leaders: dict[str, str | None]) -> set[str]:
    """The people who sign in on a device without a sign-in list of its own (module docstring). `people`: person
    rows (id, role, enterprise_id, deleted); `members`: district_member rows; `leaders`: district id -> leader."""
    if scope.everything:
        return {p["id"] for p in people}
    if scope.role == "enterprise":
        return {p["id"] for p in people if p.get("enterprise_id") == scope.enterprise_id and not p.get("deleted")}
    serving = {m["person_id"] for m in members if m.get("district_id") in scope.district_ids and not m.get("deleted")}
    serving |= {leader for district, leader in leaders.items() if district in scope.district_ids and leader}
    return {p["id"] for p in people if p["id"] in serving and p.get("role") in INSPECTOR_ROLES
            and p.get("enterprise_id") is None and not p.get("deleted")}


def signer_problem(role: str, enterprise_id: str | None, person: dict[str, Any]) -> str | None:
    """Why `person` (a person row) may not be on the sign-in list of a device of this role (None: they may)."""
    login = person.get("login") or person.get("id")
    if person.get("deleted"):
        return say(f"人员 {login} 已删除", f"{login} was deleted")
    if person.get("role") in OFFICE_ROLES:
        return say(f"{login} 是安全办的账号，安全办账号只在安全办的电脑上登录，不能列入其他设备的登录人员",
                   f"{login} is an office account: office accounts sign in only on the office's computers and "
                   "cannot be on another device's sign-in list")
    if role == "enterprise":
        if person.get("enterprise_id") != enterprise_id:
            return say(f"{login} 不是本企业的人员，不能在本企业的电脑上登录",
                       f"{login} is not one of this enterprise's people and cannot sign in on its computer")
        return None
    if person.get("role") not in INSPECTOR_ROLES:
        return say(f"{login} 不是检查员或包片领导，不能在检查员或包片领导的电脑上登录",
                   f"{login} is neither an inspector nor a district leader and cannot sign in on their computers")
    return None


@dataclass
class ScopeIndex:
    """The ids a scope covers in one database (built by the store); grows as a bundle brings new rows."""

    scope: Scope
    district_ids: set[str] = field(default_factory=set)
    enterprise_ids: set[str] = field(default_factory=set)
    hazard_ids: set[str] = field(default_factory=set)
    inspection_ids: set[str] = field(default_factory=set)
    photo_ids: set[str] = field(default_factory=set)
    person_ids: set[str] = field(default_factory=set)  # people who sign in on the device (password hashes go)
    staff_ids: set[str] = field(default_factory=set)    # people of no enterprise
    # Other districts the scope's records name (those of a moved enterprise's earlier inspections, notices...):
    # their district record travels too, as every record a row refers to must.
    label_district_ids: set[str] = field(default_factory=set)


def _json_list(value: Any) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            return []
        return parsed if isinstance(parsed, list) else []
    return []


def row_in_scope(index: ScopeIndex, table: str, row: dict[str, Any]) -> bool:
    """Whether the row (its stored values; only the scoping columns matter) is within the index's scope."""
    scope = index.scope
    if scope.everything:
        return True
    enterprise = scope.role == "enterprise"
    if table in ("office", "checklist", "campaign"):
        return True
    if table == "device":
        return not enterprise or row.get("role") == "office" or row.get("id") == scope.device_id
    if table == "district":
        return row.get("id") in index.district_ids or row.get("id") in index.label_district_ids
    if table == "district_member":
        return not enterprise and row.get("district_id") in index.district_ids
    if table == "enterprise":
        return row.get("id") in index.enterprise_ids
    if table == "person":
        owner = row.get("enterprise_id")
        return owner is None or owner in index.enterprise_ids
    if table == "notice_block":
        return not enterprise and row.get("device_id") == scope.device_id
    if table in ("inspection", "notice", "drill", "hazard"):
        return row.get("enterprise_id") in index.enterprise_ids
    if table == "incident":
        return not enterprise and row.get("enterprise_id") in index.enterprise_ids
    if table == "answer":
        return row.get("inspection_id") in index.inspection_ids
    if table == "hazard_event":
        return row.get("hazard_id") in index.hazard_ids
    if table == "training":
        named = [e for e in _json_list(row.get("enterprise_ids")) if isinstance(e, str)]
        if row.get("enterprise_id"):
            named.append(row["enterprise_id"])
        if any(e in index.enterprise_ids for e in named):
            return True
        if enterprise:
            return False
        return not named and (row.get("district_id") is None or row.get("district_id") in index.district_ids)
    if table == "photo":
        return row.get("id") in index.photo_ids
    if table == "photo_annotation":
        return row.get("photo_id") in index.photo_ids
    return False


def note_row(index: ScopeIndex, table: str, row: dict[str, Any]) -> None:
    """Grow the index by a row accepted into the scope, so the rows that hang from it pass as well."""
    if table == "enterprise":
        index.enterprise_ids.add(row["id"])
    elif table == "hazard":
        index.hazard_ids.add(row["id"])
    elif table == "inspection":
        index.inspection_ids.add(row["id"])
    elif table == "photo":
        index.photo_ids.add(row["id"])
    for column in PHOTO_COLUMNS.get(table, ()):
        index.photo_ids.update(p for p in _json_list(row.get(column)) if isinstance(p, str))


def withheld_fields(index: ScopeIndex, table: str, row: dict[str, Any]) -> frozenset[str]:
    """Columns of a row in scope that still do not travel to this device."""
    if index.scope.everything:
        return frozenset()
    if table == "person" and row.get("id") not in index.person_ids:
        return frozenset({"password_hash"})
    if table == "training":
        # A training for several enterprises names the first in enterprise_id: when that one (or the session's
        # district) is not the device's, the reference stays behind (it would point at a row the device lacks).
        hidden = set()
        if row.get("enterprise_id") and row["enterprise_id"] not in index.enterprise_ids:
            hidden.add("enterprise_id")
        if row.get("district_id") and row["district_id"] not in index.district_ids:
            hidden.add("district_id")
        return frozenset(hidden)
    if index.scope.role == "enterprise":
        return OFFICE_SIDE_FIELDS.get(table, frozenset())
    return frozenset()


def referenced_photos(table: str, row: dict[str, Any]) -> list[str]:
    return [p for column in PHOTO_COLUMNS.get(table, ()) for p in _json_list(row.get(column)) if isinstance(p, str)]
