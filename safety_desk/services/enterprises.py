"""Enterprises as the Enterprises page sees them: districts and their people, scoped search, detail, edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from safety_desk.domain.hazard_status import overdue_days
from safety_desk.domain.industry import Industry, default_risk_class
from safety_desk.domain.industry_codes import map_industry, nearest_names
from safety_desk.domain.language import say
from safety_desk.domain.uscc import validate_uscc
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.records import District, Drill, Enterprise, Hazard, Inspection

SEARCH_LIMIT = 50
# What the enterprise editor may change; district moves and tombstones are other use cases.
EDITABLE_FIELDS = ("name", "uscc", "industry", "risk_class", "high_risk", "address", "principal",
                   "safety_officer", "contact_phone")


@dataclass(frozen=True)
class DistrictSummary:
    """A district (片区) with the names of its leader and inspectors."""

    district: District
    leader_name: str
    inspector_names: tuple[str, ...]


@dataclass(frozen=True)
class InspectionRow:
    inspection: Inspection
    checklist_title: str


@dataclass(frozen=True)
class OpenHazardRow:
    """An open hazard with its folded status, deadline and days overdue on the day it was read."""

    hazard: Hazard
    status: str
    deadline: date | None
    overdue_days: int

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class EnterpriseDetail:
    enterprise: Enterprise
    district: District | None
    inspections: list[InspectionRow]  # newest first
    open_hazards: list[OpenHazardRow]  # newest first
    drills: list[Drill]  # newest first


class EnterpriseService:
    """Reads and edits enterprises within the signed-in person's scope; the checks live here, not in the UI."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    # -- reading --------------------------------------------------------------------------------
    def districts(self) -> list[DistrictSummary]:
        """The session's districts (all of them for the office), ordered by code."""
        scope = self.session.district_ids()
        if scope is None:
            districts = self.store.districts.active()
        else:
            found = (self.store.districts.get(district_id) for district_id in scope)
            districts = sorted((d for d in found if d is not None and not d.deleted), key=lambda d: d.code)
        return [self._summary(district) for district in districts]

    def _summary(self, district: District) -> DistrictSummary:
        members = self.store.members.of_district(district.id)
        leader_id = district.leader_id or next((m.person_id for m in members if m.role == "leader"), None)
        leader = self.store.people.get(leader_id) if leader_id else None
        inspectors = (self.store.people.get(m.person_id) for m in members if m.role == "inspector")
        return DistrictSummary(district=district, leader_name=leader.name if leader else "",
                               inspector_names=tuple(p.name for p in inspectors if p is not None and not p.deleted))

    def enterprises_of(self, district_id: str) -> list[Enterprise]:
        scope = self.session.district_ids()
        if scope is not None and district_id not in scope:
            raise PermissionDenied(say(f"无权访问该片区", f"district {district_id} is outside your scope"))
        return self._own_only(self.store.enterprises.of_district(district_id))

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Enterprise]:
        """Enterprises in scope whose name or USCC contains `text` or whose pinyin initials match it.

        The one scoped search: the Enterprises page, the new-inspection dialog and the enterprise pickers use it.
        """
        own = self.session.person.enterprise_id if self.session.role == "enterprise" else None
        return self.store.enterprises.search_within(text, self.session.district_ids(), limit, enterprise_id=own)

    def _own_only(self, enterprises: list[Enterprise]) -> list[Enterprise]:
        # An enterprise's safety officer is scoped to its district for sync, but sees only their own enterprise.
        if self.session.role != "enterprise":
            return enterprises
        return [e for e in enterprises if e.id == self.session.person.enterprise_id]

    def detail(self, enterprise_id: str) -> EnterpriseDetail:
        self.session.require_enterprise(enterprise_id)
        enterprise = self.store.enterprises.require(enterprise_id)
        titles: dict[str, str] = {}
        inspections = []
        for inspection in self.store.inspections.of_enterprise(enterprise_id):
            if inspection.checklist_id not in titles:
                checklist = self.store.checklists.get(inspection.checklist_id)
                titles[inspection.checklist_id] = checklist.title if checklist else inspection.checklist_id
            inspections.append(InspectionRow(inspection, titles[inspection.checklist_id]))
        today = self.session.clock.today()
        hazards = []
        for hazard in self.store.hazards.open_of_enterprise(enterprise_id):
            # A fresh fold rather than the cached row: overdue_days needs the domain's HazardState.
            state = self.store.hazards.state(hazard.id)
            if state is None:
                continue
            hazards.append(OpenHazardRow(hazard=hazard, status=state.status.value, deadline=state.deadline,
                                         overdue_days=overdue_days(state, today)))
        drills = sorted(self.store.drills.of_enterprise(enterprise_id), key=lambda d: d.held_on, reverse=True)
        return EnterpriseDetail(enterprise=enterprise, district=self.store.districts.get(enterprise.district_id),
                                inspections=inspections, open_hazards=hazards, drills=drills)

    # -- the office's list: create, move, retire ---------------------------------------------------
    def industry_of(self, text: str) -> Industry:
        """A supervision industry, or a GB/T 4754-2017 letter, code or name, or a short form (城投, 水务), as the
        supervision industry it maps to (domain/industry_codes.py); ValueError naming the nearest names."""
        found = map_industry(text or "")
        if found is None:
            near = "、".join(nearest_names(text or ""))
            shown = (text or "").strip()
            raise ValueError(say(f"行业：未知行业「{shown}」，国民经济行业分类及常用简称均无此名；"
                                 f"最接近的有 {near}，或从列表中选择监管行业",
                                 f"industry: unknown industry “{shown}” (neither GB/T 4754-2017 nor a common short "
                                 f"name); nearest: {near}; or choose a supervision industry from the list"))
        return found

    def create(self, *, name: str, uscc: str, district_id: str, industry: str, risk_class: int | None = None,
               high_risk: bool = False, address: str = "", principal: str = "", safety_officer: str = "",
               contact_phone: str = "") -> Enterprise:
        """A new enterprise of the office's list in an existing district; it reaches that district's devices at
        their next sync. PermissionDenied outside the office, ValueError naming the field."""
        self.session.require(Action.EDIT_ENTERPRISE)
        district = self._active_district(district_id)
        mapped = self.industry_of(industry)
        try:
            normalised = validate_uscc(uscc)
        except ValueError as exc:
            raise ValueError(say(f"统一社会信用代码：{exc}", f"USCC: {exc}")) from None
        holder = self.store.enterprises.by_uscc(normalised)
        if holder is not None:
            retired = "（已撤销）" if holder.deleted else ""
            raise ValueError(say(f"统一社会信用代码：已被「{holder.name}」{retired}使用",
                                 f"USCC: already used by “{holder.name}”{' (retired)' if holder.deleted else ''}"))
        return self.store.enterprises.add(Enterprise(
            id=self.store.db.new_id(), uscc=normalised, name=name, district_id=district.id, industry=mapped.value,
            risk_class=risk_class or default_risk_class(mapped), high_risk=high_risk, address=address.strip(),
            principal=principal.strip(), safety_officer=safety_officer.strip(),
            contact_phone=contact_phone.strip(), tracked_since=self.session.clock.today().isoformat()))

    def move(self, enterprise_id: str, district_id: str) -> Enterprise:
        """Move an enterprise to another district: the old district's devices drop it once their edits have
        reached the office, the new district's receive it whole (store/scope_moves.py); its open hazards follow
        it into the new district's ledger."""
        self.session.require(Action.EDIT_ENTERPRISE)
        enterprise = self._active_enterprise(enterprise_id)
        district = self._active_district(district_id)
        if district.id == enterprise.district_id:
            raise ValueError(say(f"片区：「{enterprise.name}」已在{district.name}",
                                 f"district: “{enterprise.name}” is in {district.name} already"))
        return self.store.enterprises.update(enterprise.id, district_id=district.id)

    def retire(self, enterprise_id: str) -> Enterprise:
        """Take an enterprise off the list (merged, closed, no longer supervised): it leaves every device's
        lists, its records stay. Refused while it has open hazards, which someone must still follow up."""
        self.session.require(Action.EDIT_ENTERPRISE)
        enterprise = self._active_enterprise(enterprise_id)
        open_count = len(self.store.hazards.open_of_enterprise(enterprise.id))
        if open_count:
            raise ValueError(say(f"「{enterprise.name}」还有 {open_count} 条未销号的隐患，销号或移交后才能撤销",
                                 f"“{enterprise.name}” still has {open_count} open hazards: close or hand them "
                                 "over before retiring it"))
        return self.store.enterprises.delete(enterprise.id)

    def _active_district(self, district_id: str) -> District:
        district = self.store.districts.get(district_id or "")
        if district is None or district.deleted:
            raise ValueError(say("片区：请选择一个现有的片区", "district: choose an existing district"))
        return district

    def _active_enterprise(self, enterprise_id: str) -> Enterprise:
        enterprise = self.store.enterprises.get(enterprise_id)
        if enterprise is None or enterprise.deleted:
            raise ValueError(say("该企业不存在或已撤销", "the enterprise does not exist or was retired"))
        return enterprise

    # -- editing --------------------------------------------------------------------------------
    def may_edit(self) -> bool:
        return self.session.may(Action.EDIT_ENTERPRISE)

    def update(self, enterprise_id: str, **changes: Any) -> Enterprise:
        """Change some fields; PermissionDenied outside role or scope, ValueError naming the field."""
        self.session.require(Action.EDIT_ENTERPRISE)
        self.session.require_enterprise(enterprise_id)
        unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
        if unknown:
            raise ValueError(say(f"企业的 {'、'.join(unknown)} 不能在此修改",
                                 f"enterprise {', '.join(unknown)}: cannot be changed here"))
        if "uscc" in changes:
            self._refuse_duplicate_uscc(enterprise_id, changes["uscc"])
        return self.store.enterprises.update(enterprise_id, **changes)

    def _refuse_duplicate_uscc(self, enterprise_id: str, uscc: Any) -> None:
        # The column is UNIQUE; say whose code it is instead of letting an IntegrityError through.
        try:
            normalised = validate_uscc(uscc)
        except ValueError:
            return  # the repository rejects it with the reason
        holder = self.store.enterprises.by_uscc(normalised)
        if holder is not None and holder.id != enterprise_id:
            raise ValueError(say(f"统一社会信用代码 {normalised} 已被「{holder.name}」使用",
                                 f"USCC {normalised} is already used by {holder.name}"))
