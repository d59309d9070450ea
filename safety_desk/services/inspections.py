"""Running an inspection: start, answer item by item (each committed at once), hazards from failures, submit."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safety_desk.domain.checklist import (
    AnswerKind, AnswerResult, Checklist, ChecklistSummary, Item, applicable_items, checklist_from_dict,
    judge_value, summarize,
)
from safety_desk.domain.grading import parse_hazard_grade
from safety_desk.domain.hazard_status import HazardEventKind, HazardStatus
from safety_desk.domain.industry import offer_rank
from safety_desk.domain.language import say
from safety_desk.domain.major_standards import grades_major
from safety_desk.domain.ownership import RowFacts, ownership_problem
from safety_desk.domain.sync_model import WHOLE_ROW
from safety_desk.domain.vocabulary import INSPECTION_KIND_WORDS
from safety_desk.services.inspection_steps import SubmissionProblem, submission_problems
from safety_desk.services.photos import PreparedPhoto, store_prepared
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.inspections import INSPECTION_KINDS
from safety_desk.store.records import (
    Answer, Campaign, ChecklistRecord, Enterprise, Hazard, Inspection, Person, Photo,
)

# The Chinese name of each inspection kind, as official documents write it (the domain vocabulary holds both).
KIND_NAMES = {code: names[0] for code, names in INSPECTION_KIND_WORDS.items()}


# Roles that may be named on an inspection team (enterprise staff self-inspect, they do not join).
_INSPECTING_ROLES = ("inspector", "leader", "office")


class InspectionProblem(ValueError):
    """An inspection cannot do what was asked (submit with gaps, answer an unknown item ...)."""


class HazardFieldError(InspectionProblem):
    """A hazard field holds a value that is refused; `field` is the edit_hazard parameter, for a form to mark."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class HazardFieldDenied(PermissionDenied):
    """The signed-in role may not change this hazard field (the inspector owns grade and deadline)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def hazard_description(item: Item) -> str:
    """The item's first typical finding; without one, the requirement said to be unmet (the inspector refines it)."""
    return item.findings[0] if item.findings else f"不符合要求：{item.text}"


def hazard_measures(item: Item) -> str:
    """The item's first typical measure, or nothing for the inspector to write."""
    return item.measures[0] if item.measures else ""


def _in_force(record: ChecklistRecord, day: date) -> bool:
    # A list not yet in force is still offered (an office prepares before the day); one superseded is not.
    # Templates stored before editions were dated have no superseded_on and stay offered as before.
    stopped = record.body.get("superseded_on")
    return stopped is None or day < date.fromisoformat(stopped)


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

    def is_major(self, item: Item) -> bool:
        """Whether the item's failure is a major hazard at this enterprise (its standard judges its industry)."""
        return grades_major(item, self.enterprise.industry)

    @property
    def visible_items(self) -> list[Item]:
        return applicable_items(self.checklist, self.inspection.gate_answers)

    def first_unanswered(self) -> int:
        """Index of the first visible item without an answer (where a resumed draft continues)."""
        for index, item in enumerate(self.visible_items):
            if item.code not in self.answers:
                return index
        return max(0, len(self.visible_items) - 1)


class InspectionService:
    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()
        self._checklists: dict[str, Checklist] = {}

    def _now(self) -> str:
        return self.session.clock.now().isoformat(timespec="seconds")

    # -- starting -----------------------------------------------------------------------------
    def checklists_for(self, enterprise_id: str) -> list[ChecklistRecord]:
        """Latest templates in force today, the enterprise's sector lists first, then those naming its industry,
        then the general ones. A list superseded on or before today is not offered to a new inspection (the
        inspections that used it keep it)."""
        self.session.require_enterprise(enterprise_id)
        enterprise = self.store.enterprises.require(enterprise_id)
        today = self.session.clock.today()
        records = [r for r in self.store.checklists.latest() if _in_force(r, today)]

        def rank(record: ChecklistRecord) -> tuple[int, int, str]:
            return (*offer_rank(enterprise.industry, record.code, record.body.get("industries", ["*"])), record.code)

        return sorted(records, key=rank)

    def start(self, enterprise_id: str, checklist_id: str, kind: str, *, campaign_id: str | None = None,
              inspector_ids: list[str] | None = None) -> Inspection:
        session = self.session
        enterprise_self_check = kind == "self_inspection" and session.may(Action.SELF_INSPECT)
        if not (enterprise_self_check or session.may(Action.RUN_INSPECTION)):
            raise PermissionDenied(say("只有检查员、包片领导和安全办可以开展检查",
                                       "only inspectors, leaders and the office run inspections; enterprises self-inspect"))
        session.require_enterprise(enterprise_id)
        if kind not in INSPECTION_KINDS:
            raise InspectionProblem(say(f"检查类型无效", f"unknown inspection kind {kind!r}"))
        enterprise = self.store.enterprises.require(enterprise_id)
        self.store.checklists.require(checklist_id)
        if campaign_id is not None:
            self.store.campaigns.require(campaign_id)
        team = list(dict.fromkeys([session.person.id, *(inspector_ids or [])]))
        for person_id in team[1:]:
            # The team signs the record: only people who may inspect belong on it.
            person = self.store.people.get(person_id)
            if person is None or person.deleted or person.role not in _INSPECTING_ROLES:
                raise InspectionProblem(say(f"检查人员无效",
                                            f"person {person_id} is not an inspector, leader or office member"))
        return self.store.inspections.add(Inspection(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            checklist_id=checklist_id, kind=kind, campaign_id=campaign_id, lead_id=session.person.id,
            inspector_ids=team, started_at=self._now()))

    def drafts(self) -> list[Inspection]:
        return [i for i in self.store.inspections.drafts() if self.session.may_see_enterprise(i.enterprise_id)]

    def listed(self, *, enterprise_id: str | None = None, district_id: str | None = None,
               day_from: date | None = None, day_to: date | None = None) -> list[Inspection]:
        """Every inspection the session sees (drafts too), newest first, narrowed by enterprise, district and the
        days it was started: what `safety-desk inspection list` prints, and the ids its reports take."""
        districts = self.session.district_ids()
        if self.session.role == "enterprise":
            if enterprise_id is not None and enterprise_id != self.session.person.enterprise_id:
                return []
            enterprise_id = self.session.person.enterprise_id
        if district_id is not None:
            if districts is not None and district_id not in districts:
                return []
            districts = [district_id]
        return self.store.inspections.listed(districts, enterprise_id, day_from.isoformat() if day_from else None,
                                             day_to.isoformat() if day_to else None)

    def recent(self, limit: int = 30) -> list[Inspection]:
        """Submitted inspections in the session's scope, newest first."""
        enterprise_id = self.session.person.enterprise_id if self.session.role == "enterprise" else None
        return self.store.inspections.recent_submitted(self.session.district_ids(), enterprise_id, limit)

    def campaigns(self, today: date | None = None) -> list[Campaign]:
        """Campaigns an inspection may belong to: those running today first, then the newest."""
        today_text = (today or self.session.clock.today()).isoformat()
        newest_first = self.store.campaigns.active()
        return sorted(newest_first, key=lambda c: not c.starts_on <= today_text <= c.ends_on)

    def colleagues(self, enterprise_id: str) -> list[Person]:
        """Inspectors and leaders of the enterprise's district who may join the team (not the signed-in person);
        none for an enterprise's officer, whose self-inspection is its own (the office's inspectors are not its
        team)."""
        self.session.require_enterprise(enterprise_id)
        if self.session.role == "enterprise":
            return []
        enterprise = self.store.enterprises.require(enterprise_id)
        people = []
        for member in self.store.members.of_district(enterprise.district_id):
            person = self.store.people.get(member.person_id)
            if (person is not None and not person.deleted and person.active and person.id != self.session.person.id
                    and person.role in ("inspector", "leader") and person not in people):
                people.append(person)
        return sorted(people, key=lambda p: (p.role != "leader", p.name))

    # -- reading ------------------------------------------------------------------------------
    def state(self, inspection_id: str) -> RunnerState:
        inspection = self.store.inspections.require(inspection_id)
        self.session.require_enterprise(inspection.enterprise_id)
        checklist = self._checklist(inspection.checklist_id)
        answers = {a.item_code: a for a in self.store.answers.of_inspection(inspection_id)}
        hazards = {h.item_code: h for h in self.store.hazards.of_inspection(inspection_id) if not h.deleted}
        results = {code: AnswerResult(a.result) for code, a in answers.items()}
        enterprise = self.store.enterprises.require(inspection.enterprise_id)
        summary = summarize(checklist, results, inspection.gate_answers,
                            lambda item: grades_major(item, enterprise.industry))
        return RunnerState(inspection, enterprise, checklist, answers, hazards, summary)

    def _checklist(self, checklist_id: str) -> Checklist:
        # A template never changes within its id@version (the store refuses), so it is parsed and
        # validated once per service rather than on every answer: that was half the time of a keypress.
        if checklist_id not in self._checklists:
            self._checklists[checklist_id] = checklist_from_dict(self.store.checklists.require(checklist_id).body)
        return self._checklists[checklist_id]

    # -- answering ----------------------------------------------------------------------------
    def _writable(self, inspection_id: str) -> RunnerState:
        state = self.state(inspection_id)
        if state.read_only:
            raise InspectionProblem(say("检查已提交，不能修改", "the inspection is submitted and read-only"))
        # The same rule as start(): seeing the enterprise is not enough to change its inspection (an
        # enterprise's safety officer sees their own enterprise but must not edit the inspector's record).
        own_self_check = state.inspection.kind == "self_inspection" and self.session.may(Action.SELF_INSPECT)
        if not (own_self_check or self.session.may(Action.RUN_INSPECTION)):
            raise PermissionDenied(say("无权修改该检查记录", "you may not change this inspection"))
        return state

    def set_gate(self, inspection_id: str, section_code: str, applies: bool) -> RunnerState:
        """Answer a section's gate question; 'no' hides its items (their answers are kept, not counted)."""
        state = self._writable(inspection_id)
        if all(s.code != section_code or s.gate is None for s in state.checklist.sections):
            raise InspectionProblem(f"section {section_code} has no gate question")
        gates = {**state.inspection.gate_answers, section_code: applies}
        section = next(s for s in state.checklist.sections if s.code == section_code)
        with self.store.transaction():
            self.store.inspections.update(inspection_id, gate_answers=gates)
            # A hidden item is not part of the inspection: its failure must not leave an open hazard
            # behind, and answering "yes" again brings the hazard back with the kept answer.
            for item in section.items:
                answer = state.answers.get(item.code)
                if answer is not None:
                    self._sync_hazard(state, item, applies and answer.result == AnswerResult.FAIL.value)
        return self.state(inspection_id)

    def answer(self, inspection_id: str, item_code: str, result: str | None = None, *,
               value: str | None = None) -> RunnerState:
        """Commit one answer now. A failure opens a prefilled hazard; revising it withdraws that hazard."""
        state = self._writable(inspection_id)
        try:
            item = state.checklist.item(item_code)
        except KeyError:
            raise InspectionProblem(say(f"检查表中没有此项", f"no item {item_code}")) from None
        if item not in state.visible_items:
            # A hidden item is not part of this inspection; answering it would open a hazard nobody sees.
            raise InspectionProblem(say(f"{item_code}: 该项所在部分已判定不适用",
                                        f"{item_code}: the item's section does not apply"))
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
                raise InspectionProblem(say(f"{item.code}: 请选择 合格/不合格/不适用", f"{item.code}: answer pass, fail or n/a"))
            return result
        if value is None or not str(value).strip():
            raise InspectionProblem(say(f"{item.code}: 请填写数值或选项", f"{item.code}: enter a value"))
        if item.kind is AnswerKind.NUMBER:
            try:
                number = float(str(value).strip())
            except ValueError:
                raise InspectionProblem(say(f"{item.code}: “{value}” 不是数字", f"{item.code}: “{value}” not a number")) from None
            return judge_value(item, number).value
        if item.kind is AnswerKind.CHOICE:
            if value not in item.choices:
                raise InspectionProblem(say(f"{item.code}: “{value}” 不是可选项",
                                            f"{item.code}: “{value}” not one of the choices"))
            return judge_value(item, value).value
        return AnswerResult.VALUE.value

    def set_note(self, inspection_id: str, item_code: str, note: str) -> RunnerState:
        state = self._writable(inspection_id)
        answer = state.answers.get(item_code)
        if answer is None:
            raise InspectionProblem(say("请先作答再添加备注", "answer the item before adding a note"))
        self.store.answers.record(inspection_id, item_code, answer.result, value=answer.value, note=note,
                                  photos=answer.photos)
        return self.state(inspection_id)

    def keep_photo(self, inspection_id: str, prepared: PreparedPhoto) -> Photo:
        """Keep a photo (file and record) taken for this inspection, if the person may change it; attach it to
        an item with add_photos."""
        self._writable(inspection_id)
        return store_prepared(self.store, prepared, self.session.person.id, self.session.clock)

    def add_photos(self, inspection_id: str, item_code: str, photo_ids: list[str]) -> RunnerState:
        """Attach stored photos to an answered item (and to the hazard its failure opened)."""
        state = self._writable(inspection_id)
        answer = state.answers.get(item_code)
        if answer is None:
            raise InspectionProblem(say("请先作答再添加照片", "answer the item before adding a photo"))
        for photo_id in photo_ids:
            self.store.photos.require(photo_id)
        photos = list(dict.fromkeys([*answer.photos, *photo_ids]))
        with self.store.transaction():
            self.store.answers.record(inspection_id, item_code, answer.result, value=answer.value,
                                      note=answer.note, photos=photos)
            hazard = state.hazards.get(item_code)
            if hazard is not None:
                self._change_hazard(hazard, photos=list(dict.fromkeys([*hazard.photos, *photo_ids])))
        return self.state(inspection_id)

    def remove_photo(self, inspection_id: str, item_code: str, photo_id: str) -> RunnerState:
        """Detach a photo from an answer (and its hazard); the photo itself stays on record."""
        state = self._writable(inspection_id)
        answer = state.answers.get(item_code)
        if answer is None or photo_id not in answer.photos:
            return state
        with self.store.transaction():
            self.store.answers.record(inspection_id, item_code, answer.result, value=answer.value,
                                      note=answer.note, photos=[p for p in answer.photos if p != photo_id])
            hazard = state.hazards.get(item_code)
            if hazard is not None and photo_id in hazard.photos:
                self._change_hazard(hazard, photos=[p for p in hazard.photos if p != photo_id])
        return self.state(inspection_id)

    def default_deadline(self, grade: str, found: date | None = None) -> date:
        days = self.settings.deadline_days_major if grade == "重大" else self.settings.deadline_days_general
        return (found or self.session.clock.today()) + timedelta(days=days)

    def _item_hazards(self, inspection: Inspection, item_code: str) -> list[Hazard]:
        """The item's hazards from this inspection or, for a correction, from the record it corrects (so a
        correction that keeps a failure keeps the hazard already open for it rather than opening a second)."""
        seen: set[str] = set()
        current: Inspection | None = inspection
        while current is not None and current.id not in seen:
            seen.add(current.id)
            found = self.store.hazards.of_inspection(current.id, item_code=item_code)
            if found:
                return found
            current = self.store.inspections.get(current.corrects_id) if current.corrects_id else None
        return []

    def _sync_hazard(self, state: RunnerState, item: Item, failed: bool) -> None:
        existing = self._item_hazards(state.inspection, item.code)
        if not failed:
            for hazard in existing:
                if not hazard.deleted:  # the failure was revised: withdraw its hazard, if it is not evidence yet
                    try:
                        self._change_hazard(hazard, deleted=True)
                    except InspectionProblem as exc:
                        raise InspectionProblem(say(f"{item.code}：此项发现的隐患不能撤销，不能改为合格或不适用。{exc}",
                                                    f"{item.code}: the hazard this item found cannot be withdrawn, so "
                                                    f"the item cannot be revised to pass or n/a: {exc}")) from None
            return
        if existing:
            hazard = existing[0]
            if hazard.deleted:
                # Photos added while the item was not failed belong to the restored hazard too.
                answer = next((a for a in self.store.answers.of_inspection(state.inspection.id)
                               if a.item_code == item.code), None)
                photos = list(dict.fromkeys([*hazard.photos, *(answer.photos if answer else [])]))
                self._change_hazard(hazard, deleted=False, photos=photos)
            return
        major = grades_major(item, state.enterprise.industry)
        grade = "重大" if major else "一般"
        basis = f"{item.major_if_failed.standard} {item.major_if_failed.clause}" if major else item.basis
        answer = self.store.answers.of_inspection(state.inspection.id)
        photos = next((a.photos for a in answer if a.item_code == item.code), [])
        self.store.hazards.open_hazard(Hazard(
            id=self.store.db.new_id(), enterprise_id=state.enterprise.id, district_id=state.enterprise.district_id,
            source="self_inspection" if state.inspection.kind == "self_inspection" else "inspection",
            description=hazard_description(item), measures=hazard_measures(item), grade=grade,
            found_on=self.session.clock.today().isoformat(),
            inspection_id=state.inspection.id, item_code=item.code, campaign_id=state.inspection.campaign_id,
            category=state.checklist.section_of(item.code).title, basis=basis, found_by=self.session.person.id,
            responsible=state.enterprise.safety_officer,
            photos=list(photos)), deadline=self.default_deadline(grade))

    def _change_hazard(self, hazard: Hazard, **changes: Any) -> Hazard:
        """Write the runner's change to a hazard its answers opened, if the one ownership rule sync applies too lets
        this person make it (domain/ownership.py): once the inspector side acted on a self-found hazard (a notice,
        a re-inspection, 挂牌督办) the enterprise no longer withdraws it or changes its photos."""
        before = dataclasses.asdict(hazard)
        after = {**before, **changes}
        facts = self.store.hazards.ownership_facts(hazard.id)
        for name in changes:
            reason = ownership_problem(self.session.role, "hazard", name, before, after, facts)
            if reason:
                raise InspectionProblem(reason)
        return self.store.hazards.update(hazard.id, **changes)

    def hazard_deadline(self, hazard_id: str) -> date | None:
        """The hazard's current deadline (the fold of its events)."""
        self.session.require_enterprise(self.store.hazards.require(hazard_id).enterprise_id)
        state = self.store.hazards.state(hazard_id)
        return state.deadline if state else None

    def edit_hazard(self, hazard_id: str, *, description: str, location: str, measures: str, responsible: str,
                    deadline: date, grade: str | None = None) -> Hazard:
        """The inspector completes a hazard opened from a failure; a new deadline is an event."""
        hazard = self.store.hazards.require(hazard_id)
        if not (self.session.may(Action.EDIT_HAZARD) or hazard.source == "self_inspection"):
            raise PermissionDenied(say("无权修改该隐患", "you may not edit this hazard"))
        self.session.require_enterprise(hazard.enterprise_id)
        # Which fields this role may change is the one ownership rule sync applies too (domain/ownership.py):
        # the enterprise describes its own findings; grade and deadline belong to the inspector (DESIGN §4).
        before = dataclasses.asdict(hazard)
        after = {**before, "description": description.strip(), "location": location.strip(),
                 "measures": measures.strip(), "responsible": responsible.strip(),
                 "grade": hazard.grade if grade is None else grade}
        facts = self.store.hazards.ownership_facts(hazard_id)
        for name in ("grade", "description", "location", "measures", "responsible"):
            reason = ownership_problem(self.session.role, "hazard", name, before, after, facts)
            if reason:
                raise HazardFieldDenied(name, reason)
        current = self.store.hazards.state(hazard_id)
        if current is not None and current.deadline != deadline:
            reason = ownership_problem(self.session.role, "hazard_event", WHOLE_ROW, None,
                                       {"hazard_id": hazard_id, "kind": HazardEventKind.DEADLINE_SET.value},
                                       RowFacts(hazard=before))
            if reason:
                raise HazardFieldDenied("deadline", reason)
        if not description.strip():
            raise HazardFieldError("description", say("隐患描述不能为空", "the description is required"))
        if deadline < date.fromisoformat(hazard.found_on):
            raise HazardFieldError("deadline", say("整改期限不能早于发现日期", "the deadline is before the day it was found"))
        if grade is not None:
            try:
                grade = parse_hazard_grade(grade).value
            except ValueError as exc:
                raise HazardFieldError("grade", str(exc)) from None
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
    def submission_problems(self, inspection_id: str) -> list[SubmissionProblem]:
        """What stops submission: unanswered items, failed items missing a required photo."""
        return submission_problems(self.state(inspection_id))

    def submit(self, inspection_id: str, *, inspector_signature: str, enterprise_signature: str) -> Inspection:
        """Sign and submit (signatures are stored photo ids); afterwards the inspection is read-only."""
        self._writable(inspection_id)
        problems = self.submission_problems(inspection_id)
        if problems:
            raise InspectionProblem(say("不能提交: ", "cannot submit: ") + "；".join(map(str, problems)))
        if not inspector_signature or not enterprise_signature:
            raise InspectionProblem(say("需要检查人员和企业代表签名", "both signatures are required"))
        for photo_id in (inspector_signature, enterprise_signature):
            self.store.photos.require(photo_id)
        return self.store.inspections.submit(inspection_id, signature_inspector=inspector_signature,
                                             signature_enterprise=enterprise_signature)

    def sign_and_submit(self, inspection_id: str, *, inspector_signature: PreparedPhoto,
                        enterprise_signature: PreparedPhoto) -> Inspection:
        """Keep the two drawn signatures and submit: checked first, so a refusal keeps no signature either."""
        self._writable(inspection_id)
        problems = self.submission_problems(inspection_id)
        if problems:
            raise InspectionProblem(say("不能提交: ", "cannot submit: ") + "；".join(map(str, problems)))
        with self.store.transaction():
            inspector = store_prepared(self.store, inspector_signature, self.session.person.id, self.session.clock)
            enterprise = store_prepared(self.store, enterprise_signature, self.session.person.id, self.session.clock)
            return self.submit(inspection_id, inspector_signature=inspector.id, enterprise_signature=enterprise.id)

    # -- correcting ---------------------------------------------------------------------------
    def correct(self, inspection_id: str) -> Inspection:
        """Start a correction of a submitted inspection: a new draft linked by corrects_id, with the original's
        gate answers and answers (result, value, note, photos) copied. The original is never changed and stays
        readable; the correction is edited and submitted like any draft. Hazards already opened stay linked to
        the original and are reused when the correction keeps the failure."""
        original = self.store.inspections.require(inspection_id)
        self.session.require_enterprise(original.enterprise_id)
        own_self_check = original.kind == "self_inspection" and self.session.may(Action.SELF_INSPECT)
        if not (own_self_check or self.session.may(Action.RUN_INSPECTION)):
            raise PermissionDenied(say("无权更正该检查记录", "you may not correct this inspection"))
        if original.status != "submitted":
            raise InspectionProblem(say("检查尚未提交，请直接修改草稿", "the inspection is still a draft: edit it instead"))
        pending = [i for i in self.store.inspections.drafts() if i.corrects_id == original.id]
        if pending:
            raise InspectionProblem(say("该检查已有未提交的更正，请继续该更正",
                                        "a correction of this inspection is already in progress: continue it"))
        answers = self.store.answers.of_inspection(original.id)
        team = list(dict.fromkeys([self.session.person.id, *original.inspector_ids]))
        with self.store.transaction():
            correction = self.store.inspections.add(Inspection(
                id=self.store.db.new_id(), enterprise_id=original.enterprise_id, district_id=original.district_id,
                checklist_id=original.checklist_id, kind=original.kind, campaign_id=original.campaign_id,
                lead_id=self.session.person.id, inspector_ids=team, started_at=self._now(),
                gate_answers=dict(original.gate_answers), corrects_id=original.id))
            for answer in answers:
                self.store.answers.record(correction.id, answer.item_code, answer.result, value=answer.value,
                                          note=answer.note, photos=list(answer.photos))
        return correction

    def corrections_of(self, inspection_id: str) -> list[Inspection]:
        """The records correcting this inspection (drafts and submitted), oldest first."""
        original = self.store.inspections.require(inspection_id)
        self.session.require_enterprise(original.enterprise_id)
        return self.store.inspections.corrections_of(inspection_id)
