"""What a 整改复查意见书 says, gathered and sealed when the verdict is recorded and kept on the verdict event.

As a notice keeps its content and seal on the notice row (services/notice_content.py), an opinion keeps them on
its verified or rejected event: the event syncs, append-only, so the laptop that recorded the verdict, the office
and the enterprise all print that one document, whatever happened to the hazard or the enterprise since.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from safety_desk.domain.china_time import beijing_day, beijing_minute
from safety_desk.domain.document_seal import canonical
from safety_desk.domain.record_numbers import printed_number
from safety_desk.services.document_seals import DocumentSeals, SealingProblem
from safety_desk.services.session import Session
from safety_desk.store.records import Hazard, HazardEvent

VERDICT_KINDS = ("verified", "rejected")


class OpinionContent:
    """Builds the content of the opinion of a hazard's last verdict, and seals it with this device's key."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def sealer(self, hazard: Hazard, next_deadline: date | None = None) -> Callable[[HazardEvent], tuple[str, str] | None]:
        """For HazardRepository.append_event: the (content, seal) of the opinion the verdict about to be written
        issues; None (nothing issued with it) where this database has no device key to seal with.

        `next_deadline` is the deadline a rejection sends the hazard back to when the same write sets a new one."""
        def issue(verdict: HazardEvent) -> tuple[str, str] | None:
            events = [*sorted(self.store.hazards.events(hazard.id), key=lambda event: event.clock), verdict]
            verdicts = [event for event in events if event.kind in VERDICT_KINDS]
            content = self.build(hazard, events, verdicts, next_deadline)
            number = "".join(content["number"].split())  # a seal's fields carry no blanks: a scanner drops them
            try:
                seal = DocumentSeals(self.session).seal("R", number, content["reinspected_on"], content)
            except SealingProblem:
                return None
            return canonical(content).decode("utf-8"), seal.text()
        return issue

    def build(self, hazard: Hazard, events: list[HazardEvent], verdicts: list[HazardEvent],
              next_deadline: date | None = None) -> dict[str, Any]:
        """Everything the opinion of the last verdict prints, as plain JSON: what is sealed and kept."""
        from safety_desk.reports.reinspection import verdict_sentence

        verdict = verdicts[-1]
        # What the enterprise reported before that verdict, and the deadline a rejection sends it back to.
        reports = [event for event in events if event.kind == "reported_rectified" and event.clock < verdict.clock]
        report = reports[-1] if reports else None
        enterprise = self.store.enterprises.require(hazard.enterprise_id)
        district = self.store.districts.get(hazard.district_id)
        notice = self.store.notices.get(hazard.notice_id) if hazard.notice_id else None
        deadlines = [event.deadline for event in events if event.deadline and event.clock < verdict.clock]
        reference = (f"{notice.number} {self._notice_item(notice.id, hazard.id)}复查" if notice
                     else f"隐患记录 {printed_number(hazard.id, hazard.found_on)}")
        if len(verdicts) > 1:  # each re-inspection's opinion has its own number
            reference += f"（第{len(verdicts)}次）"
        photos = []
        for number, photo_id in enumerate(report.photos if report else [], start=1):
            photos.append({"id": photo_id,
                           "lines": [f"{beijing_minute(report.at)} · {enterprise.name}",
                                     f"整改后照片 {number} · 报告人 {self._person_name(report.by_id) or '—'}"],
                           "caption": f"整改后照片 {number}（{beijing_minute(report.at)}）"})
        accepted = verdict.kind == "verified"
        if accepted:
            back_to = ""
        elif next_deadline is not None:
            back_to = next_deadline.isoformat()
        else:
            state = self.store.hazards.state(hazard.id)
            back_to = state.deadline.isoformat() if state and state.deadline else ""
        office = self.store.offices.current()
        return {
            "number": reference, "hazard_id": hazard.id, "notice": notice.number if notice else "",
            "office": office.name if office else "",
            "enterprise": {"name": enterprise.name, "uscc": enterprise.uscc, "address": enterprise.address,
                           "district": district.name if district else "", "principal": enterprise.principal,
                           "contact": f"{enterprise.safety_officer} {enterprise.contact_phone}"},
            "hazard": {"location": hazard.location or "—", "grade": hazard.grade, "basis": hazard.basis or "—",
                       "found_on": hazard.found_on},
            "items": [{"description": hazard.description, "measures": hazard.measures or "—",
                       "responsible": hazard.responsible or "—", "deadline": deadlines[-1] if deadlines else "—"}],
            "reported": (report.reason or "已报告整改完成").strip() if report else "",
            "reported_on": beijing_day(report.at).isoformat() if report else "",
            "reinspected_on": beijing_day(verdict.at).isoformat(), "reinspectors": self._person_name(verdict.by_id),
            "accepted": accepted, "reason": verdict.reason.strip(), "next_deadline": back_to,
            "verdict": verdict_sentence(accepted, back_to), "photos": photos}

    def _notice_item(self, notice_id: str, hazard_id: str) -> str:
        """"第N项" of the hazard on its notice, so that each hazard's opinion has its own number."""
        from safety_desk.services.notices import NoticeService

        items = NoticeService(self.session).issued_content(notice_id).get("items", [])
        place = next((index for index, item in enumerate(items, start=1) if item.get("hazard_id") == hazard_id), None)
        return f"第{place}项" if place is not None and len(items) > 1 else ""

    def _person_name(self, person_id: str | None) -> str:
        person = self.store.people.get(person_id) if person_id else None
        return person.name if person else ""
