"""Running an inspection: start, answer item by item (each committed at once), hazards from failures, submit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from safety_desk.domain.checklist import (
    AnswerKind, AnswerResult, Checklist, ChecklistSummary, Item, applicable_items, checklist_from_dict,
    judge_value, summarize,
)
from safety_desk.domain.hazard_status import HazardEventKind, HazardStatus
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.inspections import INSPECTION_KINDS
from safety_desk.store.records import Answer, ChecklistRecord, Enterprise, Hazard, Inspection

KIND_NAMES = {"routine": "日常检查", "campaign": "大排查/专项检查", "special": "专项检查", "seasonal": "季节性检查",
              "holiday": "节假日检查", "unannounced": "四不两直", "self_inspection": "企业自查",
              "re_inspection": "复查"}


class InspectionProblem(ValueError):
    """An inspection cannot do what was asked (submit with gaps, answer an unknown item ...)."""


@dataclass
class RunnerState:
    """Everything the runner shows for one inspection, read fresh from the store."""

    inspection: Inspection
    enterprise: Enterprise
    checklist: Checklist
    answers: dict[str, Answer]
    hazards: dict[str, Hazard]
    summary: ChecklistSummary

    @property
    def read_only(self) -> bool:
        return self.inspection.status == "submitted"

    @property
    def visible_items(self) -> list[Item]:
        return applicable_items(self.checklist, self.inspection.gate_answers)

    def first_unanswered(self) -> int:
        """Index of the first visible item without an answer (where a resumed draft continues)."""
        for index, item in enumerate(self.visible_items):
            if item.code not in self.answers:
                return index
        return max(0, len(self.visible_items) - 1)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class InspectionService:
    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()

    # -- starting -----------------------------------------------------------------------------
    def checklists_for(self, enterprise_id: str) -> list[ChecklistRecord]:
        """Latest templates, those written for the enterprise's industry first."""
        enterprise = self.store.enterprises.require(enterprise_id)
        records = self.store.checklists.latest()

        def rank(record: ChecklistRecord) -> tuple[int, str]:
            industries = record.body.get("industries", ["*"])
            return (0 if enterprise.industry in industries else 1 if "*" in industries else 2, record.code)

        return sorted(records, key=rank)

    def start(self, enterprise_id: str, checklist_id: str, kind: str, *, campaign_id: str | None = None,
              inspector_ids: list[str] | None = None) -> Inspection:
        session = self.session
        enterprise_self_check = kind == "self_inspection" and session.may(Action.SELF_INSPECT)
        if not (enterprise_self_check or session.may(Action.RUN_INSPECTION)):
            raise PermissionDenied("只有检查员、包片领导和安全办可以开展检查 (only inspectors, leaders and the "
                                   "office run inspections; enterprises self-inspect)")
        session.require_enterprise(enterprise_id)
        if kind not in INSPECTION_KINDS:
            raise InspectionProblem(f"检查类型无效 (unknown inspection kind {kind!r})")
        enterprise = self.store.enterprises.require(enterprise_id)
        self.store.checklists.require(checklist_id)
        team = list(dict.fromkeys([session.person.id, *(inspector_ids or [])]))
        return self.store.inspections.add(Inspection(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            checklist_id=checklist_id, kind=kind, campaign_id=campaign_id, lead_id=session.person.id,
            inspector_ids=team, started_at=_now()))

    def drafts(self) -> list[Inspection]:
        return [i for i in self.store.inspections.drafts() if self.session.may_see_enterprise(i.enterprise_id)]

    # -- reading ------------------------------------------------------------------------------
    def state(self, inspection_id: str) -> RunnerState:
        inspection = self.store.inspections.require(inspection_id)
        self.session.require_enterprise(inspection.enterprise_id)
        checklist = checklist_from_dict(self.store.checklists.require(inspection.checklist_id).body)
        answers = {a.item_code: a for a in self.store.answers.of_inspection(inspection_id)}
        hazards = {h.item_code: h for h in self.store.hazards.of_inspection(inspection_id) if not h.deleted}
        results = {code: AnswerResult(a.result) for code, a in answers.items()}
        summary = summarize(checklist, results, inspection.gate_answers)
        enterprise = self.store.enterprises.require(inspection.enterprise_id)
        return RunnerState(inspection, enterprise, checklist, answers, hazards, summary)

    # -- answering ----------------------------------------------------------------------------
    def _writable(self, inspection_id: str) -> RunnerState:
        state = self.state(inspection_id)
        if state.read_only:
            raise InspectionProblem("检查已提交，不能修改 (the inspection is submitted and read-only)")
        return state

    def set_gate(self, inspection_id: str, section_code: str, applies: bool) -> RunnerState:
        """Answer a section's gate question; 'no' hides its items (their answers are kept, not counted)."""
        state = self._writable(inspection_id)
        if all(s.code != section_code or s.gate is None for s in state.checklist.sections):
            raise InspectionProblem(f"section {section_code} has no gate question")
        gates = {**state.inspection.gate_answers, section_code: applies}
        self.store.inspections.update(inspection_id, gate_answers=gates)
        return self.state(inspection_id)

    def answer(self, inspection_id: str, item_code: str, result: str | None = None, *,
               value: str | None = None) -> RunnerState:
        """Commit one answer now. A failure opens a prefilled hazard; revising it withdraws that hazard."""
        state = self._writable(inspection_id)
        try:
            item = state.checklist.item(item_code)
        except KeyError:
            raise InspectionProblem(f"检查表中没有此项 (no item {item_code})") from None
        result = self._result(item, result, value)
        previous = state.answers.get(item_code)
        with self.store.transaction():
            self.store.answers.record(inspection_id, item_code, result, value=value,
                                      note=previous.note if previous else "",
                                      photos=previous.photos if previous else [])
            self._sync_hazard(state, item, result == AnswerResult.FAIL.value)
        return self.state(inspection_id)

    @staticmethod
    def _result(item: Item, result: str | None, value: str | None) -> str:
        if result == AnswerResult.NOT_APPLICABLE.value:
            return result
        if item.kind is AnswerKind.PASS_FAIL:
            if result not in (AnswerResult.PASS.value, AnswerResult.FAIL.value):
                raise InspectionProblem(f"{item.code}: 请选择 合格/不合格/不适用 (answer pass, fail or n/a)")
            return result
        if value is None or not str(value).strip():
            raise InspectionProblem(f"{item.code}: 请填写数值或选项 (enter a value)")
        if item.kind is AnswerKind.NUMBER:
            try:
                number = float(str(value).strip())
            except ValueError:
                raise InspectionProblem(f"{item.code}: “{value}” 不是数字 (not a number)") from None
            return judge_value(item, number).value
        if item.kind is AnswerKind.CHOICE:
            if value not in item.choices:
                raise InspectionProblem(f"{item.code}: “{value}” 不是可选项 (not one of the choices)")
            return judge_value(item, value).value
        return AnswerResult.VALUE.value

    def set_note(self, inspection_id: str, item_code: str, note: str) -> RunnerState:
        state = self._writable(inspection_id)
        answer = state.answers.get(item_code)
        if answer is None:
            raise InspectionProblem("请先作答再添加备注 (answer the item before adding a note)")
        self.store.answers.record(inspection_id, item_code, answer.result, value=answer.value, note=note,
                                  photos=answer.photos)
        return self.state(inspection_id)

    def add_photos(self, inspection_id: str, item_code: str, photo_ids: list[str]) -> RunnerState:
        """Attach stored photos to an answered item (and to the hazard its failure opened)."""
        state = self._writable(inspection_id)
        answer = state.answers.get(item_code)
        if answer is None:
            raise InspectionProblem("请先作答再添加照片 (answer the item before adding a photo)")
        for photo_id in photo_ids:
            self.store.photos.require(photo_id)
        photos = list(dict.fromkeys([*answer.photos, *photo_ids]))
        with self.store.transaction():
            self.store.answers.record(inspection_id, item_code, answer.result, value=answer.value,
                                      note=answer.note, photos=photos)
            hazard = state.hazards.get(item_code)
            if hazard is not None:
                self.store.hazards.update(hazard.id, photos=list(dict.fromkeys([*hazard.photos, *photo_ids])))
        return self.state(inspection_id)

    def default_deadline(self, grade: str, found: date | None = None) -> date:
        days = self.settings.deadline_days_major if grade == "重大" else self.settings.deadline_days_general
        return (found or date.today()) + timedelta(days=days)

    def _sync_hazard(self, state: RunnerState, item: Item, failed: bool) -> None:
        existing = self.store.hazards.of_inspection(state.inspection.id, item_code=item.code)
        if not failed:
            for hazard in existing:
                if not hazard.deleted:
                    self.store.hazards.delete(hazard.id)  # the failure was revised: withdraw its hazard
            return
        if existing:
            if existing[0].deleted:
                self.store.hazards.update(existing[0].id, deleted=False)
            return
        major = item.major_if_failed is not None
        grade = "重大" if major else "一般"
        basis = f"{item.major_if_failed.standard} {item.major_if_failed.clause}" if major else item.basis
        answer = self.store.answers.of_inspection(state.inspection.id)
        photos = next((a.photos for a in answer if a.item_code == item.code), [])
        self.store.hazards.open_hazard(Hazard(
            id=self.store.db.new_id(), enterprise_id=state.enterprise.id, district_id=state.enterprise.district_id,
            source="self_inspection" if state.inspection.kind == "self_inspection" else "inspection",
            description=item.text, grade=grade, found_on=date.today().isoformat(),
            inspection_id=state.inspection.id, item_code=item.code, campaign_id=state.inspection.campaign_id,
            basis=basis, found_by=self.session.person.id, responsible=state.enterprise.safety_officer,
            photos=list(photos)), deadline=self.default_deadline(grade))

    def edit_hazard(self, hazard_id: str, *, description: str, location: str, measures: str, responsible: str,
                    deadline: date, grade: str | None = None) -> Hazard:
        """The inspector completes a hazard opened from a failure; a new deadline is an event."""
        hazard = self.store.hazards.require(hazard_id)
        if not (self.session.may(Action.EDIT_HAZARD) or hazard.source == "self_inspection"):
            raise PermissionDenied("无权修改该隐患 (you may not edit this hazard)")
        self.session.require_enterprise(hazard.enterprise_id)
        if not description.strip():
            raise InspectionProblem("隐患描述不能为空 (the description is required)")
        if deadline < date.fromisoformat(hazard.found_on):
            raise InspectionProblem("整改期限不能早于发现日期 (the deadline is before the day it was found)")
        with self.store.transaction():
            changes = dict(description=description.strip(), location=location.strip(), measures=measures.strip(),
                           responsible=responsible.strip())
            if grade is not None:
                changes["grade"] = grade
            updated = self.store.hazards.update(hazard_id, **changes)
            state = self.store.hazards.state(hazard_id)
            if state and state.deadline != deadline and state.status is not HazardStatus.CLOSED:
                self.store.hazards.append_event(hazard_id, HazardEventKind.DEADLINE_SET, deadline=deadline,
                                                by_id=self.session.person.id, reason="检查员设定整改期限")
        return updated

    # -- submitting ---------------------------------------------------------------------------
    def submission_problems(self, inspection_id: str) -> list[str]:
        """What stops submission: unanswered items, failed items missing a required photo."""
        state = self.state(inspection_id)
        problems = []
        for item in state.visible_items:
            answer = state.answers.get(item.code)
            if answer is None:
                problems.append(f"{item.code} 未作答 (not answered)")
            elif answer.result == AnswerResult.FAIL.value and item.photo_on_fail and not answer.photos:
                problems.append(f"{item.code} 不合格项需要照片 (a failed item needs a photo)")
        return problems

    def submit(self, inspection_id: str, *, inspector_signature: str, enterprise_signature: str) -> Inspection:
        """Sign and submit (signatures are stored photo ids); afterwards the inspection is read-only."""
        self._writable(inspection_id)
        problems = self.submission_problems(inspection_id)
        if problems:
            raise InspectionProblem("不能提交 (cannot submit): " + "；".join(problems))
        if not inspector_signature or not enterprise_signature:
            raise InspectionProblem("需要检查人员和企业代表签名 (both signatures are required)")
        for photo_id in (inspector_signature, enterprise_signature):
            self.store.photos.require(photo_id)
        return self.store.inspections.submit(inspection_id, signature_inspector=inspector_signature,
                                             signature_enterprise=enterprise_signature)
