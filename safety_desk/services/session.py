"""Who is signed in, and what each role may do: the services check it, the UI only hides."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from safety_desk.domain.clock import Clock, FixedClock, SystemClock, end_of_day
from safety_desk.domain.language import say
from safety_desk.store.records import Person
from safety_desk.store.store import Store


class Action(StrEnum):
    VIEW_ALL_DISTRICTS = "view_all_districts"
    EDIT_ENTERPRISE = "edit_enterprise"
    RUN_INSPECTION = "run_inspection"
    SELF_INSPECT = "self_inspect"
    EDIT_HAZARD = "edit_hazard"
    MANAGE_PEOPLE = "manage_people"
    # Drills and training: inspectors and leaders for their districts, an enterprise for itself.
    RECORD_DRILLS = "record_drills"
    RECORD_TRAINING = "record_training"
    RECORD_INCIDENTS = "record_incidents"  # the office only
    MANAGE_CAMPAIGNS = "manage_campaigns"  # the office only
    MANAGE_BACKUPS = "manage_backups"  # the office only: back up by hand and restore
    CONFIGURE_OFFICE = "configure_office"  # the office only: default deadlines and how notices are numbered


_ALLOWED = {
    "office": set(Action),
    "leader": {Action.RUN_INSPECTION, Action.EDIT_HAZARD, Action.RECORD_DRILLS, Action.RECORD_TRAINING},
    "inspector": {Action.RUN_INSPECTION, Action.EDIT_HAZARD, Action.RECORD_DRILLS, Action.RECORD_TRAINING},
    "enterprise": {Action.SELF_INSPECT, Action.RECORD_DRILLS, Action.RECORD_TRAINING},
}

ROLE_NAMES = {"office": "安全办", "leader": "包片领导", "inspector": "检查员", "enterprise": "企业安全员"}


class PermissionDenied(Exception):
    """The signed-in person's role does not allow this; the message says what and why."""


@dataclass
class Session:
    """The signed-in person on an open store."""

    store: Store
    person: Person
    # The command line acting as an inspector's or leader's device: the districts of its enrolment.
    device_districts: tuple[str, ...] | None = None
    # "Now" and "today" for everything this session does: services never ask the system for the date.
    clock: Clock = field(default_factory=SystemClock)

    @property
    def role(self) -> str:
        return self.person.role

    def may(self, action: Action) -> bool:
        return action in _ALLOWED.get(self.role, set())

    def require(self, action: Action) -> None:
        if not self.may(action):
            raise PermissionDenied(say(f"{ROLE_NAMES.get(self.role, self.role)}无权执行此操作",
                                       f"the role {self.role} may not {action.value}"))

    def at(self, day: date) -> "Session":
        """The same person looking at the records as of the end of `day` (an "as of" ledger or export)."""
        return dataclasses.replace(self, clock=FixedClock(end_of_day(day)))

    @classmethod
    def of_device(cls, store: Store, clock: Clock | None = None) -> "Session":
        """The command line's session: it acts with the role and scope of this device's enrolment (an
        enterprise device its enterprise, an inspector's or leader's device its districts; the office all)."""
        device = store.devices.get(store.db.device_id)
        role = device.role if device else "office"
        scope = (device.scope or {}) if device else {}
        enterprise_id = scope.get("enterprise_id") if role == "enterprise" else None
        districts = tuple(scope.get("district_ids") or ()) if role in ("inspector", "leader") else None
        return cls(store, Person(id=store.db.device_id, name=device.name if device else "", login="",
                                 role=role, enterprise_id=enterprise_id), districts, clock or SystemClock())

    def with_store(self, store: Store) -> "Session":
        """The same person and view on another connection (a worker's reader)."""
        return dataclasses.replace(self, store=store)

    def within(self, district_ids: list[str]) -> "Session":
        """The same person looking at only some of their districts (a district's report)."""
        return NarrowedSession(self.store, self.person, self.device_districts, self.clock, tuple(district_ids))

    def district_ids(self) -> list[str] | None:
        """The districts this person sees; None means all (the office)."""
        if self.role == "office":
            return None
        if self.role == "enterprise":
            enterprise = self.store.enterprises.require(self.person.enterprise_id)
            return [enterprise.district_id]
        if self.device_districts is not None:
            return list(self.device_districts)
        return self.store.members.districts_of(self.person.id)

    def may_see_enterprise(self, enterprise_id: str) -> bool:
        if self.role == "enterprise":
            return enterprise_id == self.person.enterprise_id
        districts = self.district_ids()
        if districts is None:
            return True
        enterprise = self.store.enterprises.get(enterprise_id)
        return enterprise is not None and enterprise.district_id in districts

    def require_enterprise(self, enterprise_id: str) -> None:
        if not self.may_see_enterprise(enterprise_id):
            raise PermissionDenied(say(f"无权访问该企业", f"enterprise {enterprise_id} is outside your scope"))


@dataclass
class NarrowedSession(Session):
    """A session whose view is cut down to some districts; it can never see more than the person may."""

    only: tuple[str, ...] = ()

    def district_ids(self) -> list[str] | None:
        visible = super().district_ids()
        return [d for d in self.only if visible is None or d in visible]
