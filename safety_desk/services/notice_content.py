"""What a rectification notice says, gathered once at issue and frozen: items, measures, persons, dates, 抄送.

The content is plain JSON (canonical in domain/document_seal.py) kept on the notice row, so every print of an
issued notice shows what the enterprise signed for, whatever happened to its hazards since. Notices issued
before contents were kept are rebuilt from their hazards with each deadline as it stood at the end of the
issue day (a later extension shows on the hazard page, never on the old notice).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, Iterable

from safety_desk.domain.china_time import BEIJING, beijing_minute
from safety_desk.domain.hazard_status import HazardEventKind, fold_hazard_events
from safety_desk.domain.language import say
from safety_desk.services.inspections import KIND_NAMES
from safety_desk.store.hazards import fact_of
from safety_desk.store.records import Hazard, Notice
from safety_desk.store.store import Store

MAJOR = "重大"


class NoticeContentProblem(ValueError):
    """What stops a notice being issued as asked (no measures, dates out of order); names the item."""


def short_text(text: str, length: int = 24) -> str:
    """A hazard's description on one line, cut to `length` characters: how messages name a hazard."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1] + "…"


def deadline_on(store: Store, hazard_id: str, day: date) -> date | None:
    """The hazard's deadline as it stood at the end of Beijing `day` (None: it had none)."""
    end = datetime.combine(day + timedelta(days=1), time(0), BEIJING)
    facts = [fact_of(event) for event in store.hazards.events(hazard_id)]
    facts = [fact for fact in facts if (fact.at if fact.at.tzinfo else fact.at.replace(tzinfo=BEIJING)) < end]
    if not any(fact.kind == HazardEventKind.CREATED for fact in facts):
        return None
    return fold_hazard_events(facts).deadline


def with_authority(copy_to: str, authority: str, has_major: bool) -> str:
    """抄送 as asked, with the authority major hazards are reported to added when the notice has one."""
    copy_to, authority = copy_to.strip(), authority.strip()
    if not has_major or not authority or authority in copy_to:
        return copy_to
    return f"{copy_to}、{authority}" if copy_to else authority


def check_dates(items: list[dict[str, Any]], reply_due: date, reinspect_on: date | None) -> None:
    """The reply falls on or after every item's deadline and the re-inspection (when set) after it; otherwise
    refuse, naming the item whose deadline is last."""
    dated = [item for item in items if item.get("deadline")]
    if not dated:
        return
    last = max(dated, key=lambda item: item["deadline"])
    deadline = date.fromisoformat(last["deadline"])
    shown = short_text(last["description"])
    if reply_due < deadline:
        raise NoticeContentProblem(say(f"回复期限 {reply_due.isoformat()} 早于隐患“{shown}”的整改期限 "
                                       f"{deadline.isoformat()}，回复期限应在最后一项整改期限之后",
                                       f"the reply date {reply_due.isoformat()} is before the deadline of hazard "
                                       f"“{shown}”, {deadline.isoformat()}: the reply comes after the last deadline"))
    if reinspect_on is None:
        return
    if reinspect_on <= deadline:
        raise NoticeContentProblem(say(f"复查日期 {reinspect_on.isoformat()} 不晚于隐患“{shown}”的整改期限 "
                                       f"{deadline.isoformat()}，复查应安排在最后一项整改期限之后",
                                       f"the re-inspection date {reinspect_on.isoformat()} is not after the deadline "
                                       f"of hazard “{shown}”, {deadline.isoformat()}: re-inspect after the last "
                                       "deadline"))
    if reinspect_on < reply_due:
        raise NoticeContentProblem(say(f"复查日期 {reinspect_on.isoformat()} 早于回复期限 {reply_due.isoformat()}",
                                       f"the re-inspection date {reinspect_on.isoformat()} is before the reply date "
                                       f"{reply_due.isoformat()}"))


class NoticeContent:
    """Gathers a notice's content from the records of one store (the caller checks scope)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _name(self, person_id: str | None) -> str:
        person = self.store.people.get(person_id) if person_id else None
        return person.name if person else ""

    def _inspectors(self, person_ids: Iterable[str]) -> list[dict[str, str]]:
        found = []
        for person_id in dict.fromkeys(p for p in person_ids if p):
            person = self.store.people.get(person_id)
            if person is not None:
                found.append({"name": person.name, "certificate": person.certificate})
        return found

    def items(self, hazards: list[tuple[Hazard, date | None]], *, principal: str) -> list[dict[str, Any]]:
        """The notice's rows: what each hazard is, the measures typed for it, who answers for it, by when."""
        rows = []
        for number, (hazard, deadline) in enumerate(hazards, start=1):
            rows.append({"no": number, "hazard_id": hazard.id, "photos": list(hazard.photos), "location": hazard.location, "description": hazard.description,
                         "category": hazard.category, "grade": hazard.grade, "basis": hazard.basis,
                         "measures": hazard.measures.strip(), "responsible": hazard.responsible.strip() or principal,
                         "deadline": deadline.isoformat() if deadline else ""})
        return rows

    def build(self, *, number: str, issued_on: date, office: str, enterprise_id: str, district_id: str | None,
              hazards: list[tuple[Hazard, date | None]], reply_due: date, reinspect_on: date | None, copy_to: str,
              issued_by: str | None) -> dict[str, Any]:
        """The content of a notice about to be issued (or, for an older notice, as it was issued)."""
        enterprise = self.store.enterprises.require(enterprise_id)
        district = self.store.districts.get(district_id) if district_id else None
        leader = self._name(district.leader_id) if district else ""
        inspection_id = next((h.inspection_id for h, _ in hazards if h.inspection_id), None)
        inspection = self.store.inspections.get(inspection_id) if inspection_id else None
        if inspection is not None:
            people = [inspection.lead_id, *inspection.inspector_ids]
            checked = [["检查时间", beijing_minute(inspection.started_at)],
                       ["检查类型", KIND_NAMES.get(inspection.kind, inspection.kind)]]
        else:
            people = [issued_by]
            checked = [["检查时间", issued_on.isoformat()], ["检查类型", "—"]]
        inspectors = self._inspectors(people)
        checked += [["包片领导", leader or "—"], ["检查人员", "、".join(p["name"] for p in inspectors) or "—"]]
        return {
            "kind": "notice", "number": number, "issued_on": issued_on.isoformat(), "office": office,
            "enterprise": {"name": enterprise.name, "uscc": enterprise.uscc, "address": enterprise.address,
                           "district": district.name if district else "", "principal": enterprise.principal,
                           "contact": f"{enterprise.safety_officer} {enterprise.contact_phone}".strip()},
            "inspection": checked,
            "items": self.items(hazards, principal=enterprise.principal),
            "has_major": any(h.grade == MAJOR for h, _ in hazards),
            "reply_due": reply_due.isoformat(), "reinspect_on": reinspect_on.isoformat() if reinspect_on else "",
            "copy_to": copy_to,
            "inspectors": inspectors,
        }

    def of_older_notice(self, notice: Notice, hazards: list[Hazard], office: str) -> dict[str, Any]:
        """The content of a notice issued before contents were kept: its hazards with their deadlines as at
        the end of the issue day."""
        issued = date.fromisoformat(notice.issued_on)
        rows = [(hazard, deadline_on(self.store, hazard.id, issued)) for hazard in hazards]
        reinspect = date.fromisoformat(notice.reinspect_on) if notice.reinspect_on else None
        return self.build(number=notice.number, issued_on=issued, office=office, enterprise_id=notice.enterprise_id,
                          district_id=notice.district_id, hazards=rows, reply_due=date.fromisoformat(notice.reply_due),
                          reinspect_on=reinspect, copy_to=notice.copy_to, issued_by=notice.issued_by)
