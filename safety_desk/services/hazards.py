"""One hazard and its closed loop: report rectified, re-inspect (accept / reject), extend, reopen, plan, supervision,
the authority's write-off."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable

from safety_desk.domain.hazard_status import (
    HazardEventKind, HazardState, HazardStatus, allowed_next, overdue_days,
)
from safety_desk.domain.language import say
from safety_desk.domain.ownership import event_problem, field_problem
from safety_desk.domain.vocabulary import inspection_kind
from safety_desk.services.inspections import KIND_NAMES
from safety_desk.services.photos import PreparedPhoto, store_prepared
from safety_desk.services.reinspection_opinion import OpinionContent
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.decision_conflicts import open_conflicts_of_hazard
from safety_desk.store.hazards import TREATMENT_PLAN_ELEMENTS
from safety_desk.store.records import Hazard, HazardEvent, Photo

# The six elements of a major hazard's treatment plan, as 16号令 art. 15 names them (regulations.md §2.1 [V]).
TREATMENT_PLAN_LABELS: dict[str, str] = {
    "objectives": "治理的目标和任务",
    "methods": "采取的方法和措施",
    "funding": "经费和物资的落实",
    "responsible": "负责治理的机构和人员",
    "deadline": "治理的时限和要求",
    "safety_measures": "安全措施和应急预案",
}
assert tuple(TREATMENT_PLAN_LABELS) == TREATMENT_PLAN_ELEMENTS
# The same in English, for a message to a person who chose English.
TREATMENT_PLAN_LABELS_EN: dict[str, str] = {
    "objectives": "objectives and tasks",
    "methods": "methods and measures",
    "funding": "funding and materials",
    "responsible": "organisation and people responsible",
    "deadline": "time limit and requirements",
    "safety_measures": "safety measures and emergency plan",
}
assert tuple(TREATMENT_PLAN_LABELS_EN) == TREATMENT_PLAN_ELEMENTS

# 挂牌督办 levels (province, city, county).
SUPERVISION_LEVELS = ("省", "市", "县")
SUPERVISION_LEVELS_EN = {"省": "provincial", "市": "city", "县": "county"}

EVENT_KIND_LABELS: dict[str, str] = {
    HazardEventKind.CREATED: "登记隐患",
    HazardEventKind.DEADLINE_SET: "设定整改期限",
    HazardEventKind.DEADLINE_EXTENDED: "延长整改期限",
    HazardEventKind.PROGRESS: "整改进展",
    HazardEventKind.REPORTED_RECTIFIED: "报告整改完成",
    HazardEventKind.VERIFIED: "复查合格，销号",
    HazardEventKind.REJECTED: "复查不合格，退回整改",
    HazardEventKind.REOPENED: "重新打开",
    HazardEventKind.COMMENT: "备注",
}
# The same in English, for the window of a person who chose English (printed records keep the Chinese).
EVENT_KIND_LABELS_EN: dict[str, str] = {
    HazardEventKind.CREATED: "Registered",
    HazardEventKind.DEADLINE_SET: "Deadline set",
    HazardEventKind.DEADLINE_EXTENDED: "Deadline extended",
    HazardEventKind.PROGRESS: "Progress",
    HazardEventKind.REPORTED_RECTIFIED: "Reported rectified",
    HazardEventKind.VERIFIED: "Accepted, closed",
    HazardEventKind.REJECTED: "Rejected, back in rectification",
    HazardEventKind.REOPENED: "Reopened",
    HazardEventKind.COMMENT: "Comment",
}
assert set(EVENT_KIND_LABELS_EN) == set(EVENT_KIND_LABELS)

# Names of the actions available_actions() returns; the UI shows a button for each.
REPORT_RECTIFIED = "report_rectified"
RECORD_PROGRESS = "record_progress"
VERIFY = "verify"
REJECT = "reject"
EXTEND_DEADLINE = "extend_deadline"
REOPEN = "reopen"
TREATMENT_PLAN = "treatment_plan"
SUPERVISION = "supervision"
WRITEOFF = "writeoff"

_RECTIFYING = (HazardStatus.OPEN, HazardStatus.IN_PROGRESS)


class HazardProblem(ValueError):
    """A hazard action that cannot be done as asked; the message says what and where."""


@dataclass(frozen=True)
class EventView:
    """One event of the timeline with who recorded it and what it means, in words."""

    event: HazardEvent
    author_name: str
    kind_label: str

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(self.event.at)


@dataclass(frozen=True)
class RectificationReport:
    """One 'reported rectified' event with its after-photos."""

    event_id: str
    at: datetime
    author_name: str
    note: str
    photos: list[str]


@dataclass(frozen=True)
class HazardDetail:
    """Everything the hazard page shows, read fresh from the store."""

    hazard: Hazard
    state: HazardState | None  # None until its created event has arrived (sync order)
    enterprise_name: str
    district_name: str
    found_by_name: str
    notice_number: str | None
    source_inspection: str | None  # e.g. "2026-11-03 日常检查 · 危险化学品检查表"
    events: list[EventView]  # oldest first
    reports: list[RectificationReport]  # latest first
    overdue_days: int
    actions: frozenset[str]
    plan_missing: list[str] = field(default_factory=list)  # labels of empty plan elements (重大 only)
    report_blocked: str | None = None  # why rectification cannot be reported yet, if only that stops it
    # Open sync conflicts on this hazard: values that lost, decisions taken at once on two devices (Sync page).
    conflicts: list[str] = field(default_factory=list)
    # source_inspection with the kind in the language of the window that shows it (the printed record keeps the
    # Chinese source_inspection).
    source_inspection_shown: str | None = None

    @property
    def status(self) -> str | None:
        return self.state.status.value if self.state else None

    @property
    def deadline(self) -> date | None:
        return self.state.deadline if self.state else None

    @property
    def major(self) -> bool:
        return self.hazard.grade == "重大"

    @property
    def before_photos(self) -> list[str]:
        return list(self.hazard.photos)

    @property
    def after_photos(self) -> list[str]:
        """Photos of every rectification report, the latest report's first."""
        return list(dict.fromkeys(p for report in self.reports for p in report.photos))


def plan_missing(hazard: Hazard) -> list[str]:
    """Labels of the treatment plan's elements that are still empty."""
    plan = hazard.treatment_plan or {}
    return [TREATMENT_PLAN_LABELS[k] for k in TREATMENT_PLAN_ELEMENTS if not str(plan.get(k, "")).strip()]


def _plan_missing_en(hazard: Hazard) -> list[str]:
    """plan_missing in English."""
    plan = hazard.treatment_plan or {}
    return [TREATMENT_PLAN_LABELS_EN[k] for k in TREATMENT_PLAN_ELEMENTS if not str(plan.get(k, "")).strip()]


def writeoff_missing(hazard: Hazard) -> bool:
    """Whether a hazard under 挂牌督办 still lacks the supervising authority's 核销, without which it cannot be
    closed: 16号令 arts. 18 and 23 give the write-off to the supervising department, not to the inspector
    (article numbers [M], audit-2026-12.md no. 20)."""
    return hazard.supervision_level is not None and not (
        hazard.writeoff_on and hazard.writeoff_authority and hazard.writeoff_number)


def _short(hazard: Hazard) -> str:
    text = hazard.description.strip()
    return text if len(text) <= 24 else text[:23] + "…"


class HazardService:
    """The hazard page's reads and the loop's writes; every write is one transaction of events (and fields)."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()

    def as_of(self) -> date:
        return self.session.clock.today()

    # -- who may do what ------------------------------------------------------------------------
    def _inspector_side(self) -> bool:
        return self.session.may(Action.EDIT_HAZARD)

    def _own_enterprise(self, hazard: Hazard) -> bool:
        return self.session.role == "enterprise" and hazard.enterprise_id == self.session.person.enterprise_id

    def _visible(self, hazard_id: str) -> Hazard:
        hazard = self.store.hazards.require(hazard_id)
        self.session.require_enterprise(hazard.enterprise_id)
        return hazard

    def _writable(self, hazard_id: str, *, events: tuple[HazardEventKind, ...] = (),
                  fields: tuple[str, ...] = ()) -> tuple[Hazard, HazardState]:
        """The hazard and its state, after checking the person may change it at all and may append these events
        and change these fields: the one ownership rule sync applies too (domain/ownership.py)."""
        hazard = self._visible(hazard_id)
        if not (self._inspector_side() or self._own_enterprise(hazard)):
            raise PermissionDenied(say(f"你不能修改此隐患", f"you may not change hazard “{_short(hazard)}”"))
        before = dataclasses.asdict(hazard)
        for reason in [event_problem(self.session.role, before, kind.value) for kind in events] + [
                field_problem(self.session.role, "hazard", name, before) for name in fields]:
            if reason:
                raise PermissionDenied(reason)
        if hazard.deleted:
            raise HazardProblem(say(f"隐患“{_short(hazard)}”已撤销", f"the hazard “{_short(hazard)}” was withdrawn"))
        state = self.store.hazards.state(hazard_id)
        if state is None:
            raise HazardProblem(say(f"隐患“{_short(hazard)}”的登记记录尚未同步", f"the created event of hazard “{_short(hazard)}” has not arrived"))
        return hazard, state

    def available_actions(self, hazard_id: str) -> set[str]:
        """What the signed-in person may do to this hazard now (the UI shows these and hides the rest)."""
        hazard = self._visible(hazard_id)
        state = self.store.hazards.state(hazard_id)
        return set(self._actions(hazard, state)[0])

    def _actions(self, hazard: Hazard, state: HazardState | None) -> tuple[frozenset[str], str | None]:
        if hazard.deleted or state is None:
            return frozenset(), None
        if not (self._inspector_side() or self._own_enterprise(hazard)):
            return frozenset(), None
        before, role = dataclasses.asdict(hazard), self.session.role

        def may(*kinds: HazardEventKind, fields: tuple[str, ...] = ()) -> bool:
            # The one ownership rule (domain/ownership.py), as _writable asks it.
            return not any(event_problem(role, before, k.value) for k in kinds) and not any(
                field_problem(role, "hazard", name, before) for name in fields)

        status, major = state.status, hazard.grade == "重大"
        actions: set[str] = set()
        blocked = None
        if status in _RECTIFYING and may(HazardEventKind.PROGRESS):
            actions.add(RECORD_PROGRESS)
            missing = plan_missing(hazard) if major else []
            if missing:
                blocked = say("重大隐患须先完成治理方案：" + "、".join(missing),
                              "complete the treatment plan first; missing: " + ", ".join(_plan_missing_en(hazard)))
            elif may(HazardEventKind.REPORTED_RECTIFIED):
                actions.add(REPORT_RECTIFIED)
        if major and status is not HazardStatus.CLOSED and may(HazardEventKind.COMMENT, fields=("treatment_plan",)):
            actions.add(TREATMENT_PLAN)
        if status is HazardStatus.AWAITING_REVIEW and may(HazardEventKind.VERIFIED, HazardEventKind.REJECTED):
            actions.add(REJECT)
            if writeoff_missing(hazard):
                blocked = blocked or (say("挂牌督办的重大隐患须先登记督办部门的核销（日期、机关、文号）才能销号",
                                          "record the supervising authority's write-off before closing"))
            else:
                actions.add(VERIFY)
        if status is HazardStatus.CLOSED:
            if may(HazardEventKind.REOPENED):
                actions.add(REOPEN)
        else:
            if may(HazardEventKind.DEADLINE_EXTENDED):
                actions.add(EXTEND_DEADLINE)
            if major and may(HazardEventKind.COMMENT, fields=("supervision_level", "referred_on")):
                actions.add(SUPERVISION)
            if hazard.supervision_level is not None and may(
                    HazardEventKind.COMMENT, fields=("writeoff_on", "writeoff_authority", "writeoff_number")):
                actions.add(WRITEOFF)
        return frozenset(actions), blocked

    # -- reading --------------------------------------------------------------------------------
    def detail(self, hazard_id: str) -> HazardDetail:
        hazard = self._visible(hazard_id)
        state = self.store.hazards.state(hazard_id)
        names: dict[str | None, str] = {}

        def name_of(person_id: str | None) -> str:
            if person_id not in names:
                person = self.store.people.get(person_id) if person_id else None
                names[person_id] = person.name if person else "—"
            return names[person_id]

        events = [EventView(e, name_of(e.by_id), EVENT_KIND_LABELS.get(e.kind, e.kind))
                  for e in self.store.hazards.events(hazard_id)]
        reports = [RectificationReport(v.event.id, v.at, v.author_name, v.event.reason, list(v.event.photos))
                   for v in reversed(events) if v.event.kind == HazardEventKind.REPORTED_RECTIFIED]
        enterprise = self.store.enterprises.get(hazard.enterprise_id)
        district = self.store.districts.get(hazard.district_id)
        notice = self.store.notices.get(hazard.notice_id) if hazard.notice_id else None
        actions, blocked = self._actions(hazard, state)
        found_in = self._inspection_texts(hazard)
        return HazardDetail(
            hazard=hazard, state=state, enterprise_name=enterprise.name if enterprise else "—",
            district_name=district.name if district else "—", found_by_name=name_of(hazard.found_by),
            notice_number=notice.number if notice else None, source_inspection=found_in[0],
            source_inspection_shown=found_in[1],
            events=events, reports=reports, overdue_days=overdue_days(state, self.as_of()) if state else 0,
            actions=actions, plan_missing=plan_missing(hazard) if hazard.grade == "重大" else [],
            report_blocked=blocked, conflicts=self._conflicts(hazard_id))

    def _conflicts(self, hazard_id: str) -> list[str]:
        """One line per open sync conflict on the hazard, Chinese first."""
        lines = []
        for conflict in open_conflicts_of_hazard(self.store.db, hazard_id):
            kept, lost = conflict["kept"], conflict["lost"]
            if conflict["table"] == "hazard_event":
                def said(event):
                    if not isinstance(event, dict):
                        return str(event)
                    label = EVENT_KIND_LABELS.get(event.get("kind"), str(event.get("kind")))
                    return f"{label} {event['deadline']}" if event.get("deadline") else label
                lines.append(say(f"两台设备同时作出不同决定：以“{said(kept)}”为准，另一决定“{said(lost)}”",
                                 f"concurrent decisions: “{said(kept)}” counts, “{said(lost)}” does not"))
            else:
                lines.append(say(f"{conflict['field']}：两台设备同时修改，保留“{_value_text(kept)}”，未采用“{_value_text(lost)}”",
                                 f"{conflict['field']}：{conflict['field']} was edited on two devices: “{_value_text(kept)}” was kept, “{_value_text(lost)}” was not"))
        return lines

    def _inspection_texts(self, hazard: Hazard) -> tuple[str | None, str | None]:
        """The inspection that found the hazard, read once: (its kind in Chinese, as the printed record says it;
        its kind in the window's language)."""
        if not hazard.inspection_id:
            return None, None
        inspection = self.store.inspections.get(hazard.inspection_id)
        if inspection is None:
            return None, None
        checklist = self.store.checklists.get(inspection.checklist_id)

        def text(kind: str) -> str:
            line = f"{inspection.started_at[:10]} {kind}" + (f" · {checklist.title}" if checklist is not None else "")
            return line + (f" · {hazard.item_code}" if hazard.item_code else "")
        return text(KIND_NAMES.get(inspection.kind, inspection.kind)), text(inspection_kind(inspection.kind))

    # -- the enterprise's side ------------------------------------------------------------------
    def _photos(self, photo_ids: Iterable[str]) -> list[str]:
        photos = list(dict.fromkeys(photo_ids))
        for photo_id in photos:
            if self.store.photos.get(photo_id) is None:
                raise HazardProblem(say(f"照片 {photo_id[:12]} 不存在", f"photo {photo_id[:12]} is not on record"))
        return photos

    def _require_status(self, hazard: Hazard, state: HazardState, kind: HazardEventKind, what: str) -> None:
        if kind not in allowed_next(state.status):
            raise HazardProblem(say(f"隐患“{_short(hazard)}”当前状态为{state.status.value}，不能{what}",
                                    f"not possible while hazard “{_short(hazard)}” is {state.status.value}"))

    def keep_photo(self, hazard_id: str, prepared: PreparedPhoto) -> Photo:
        """Keep a photo (file and record) of the hazard's rectification, if the person may report on it; name it
        in report_rectified or record_progress."""
        self._writable(hazard_id)
        return store_prepared(self.store, prepared, self.session.person.id, self.session.clock)

    def report_rectified(self, hazard_id: str, note: str, photo_ids: Iterable[str]) -> HazardEvent:
        """The enterprise (or an inspector on its behalf) reports the hazard rectified, with after-photos."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.REPORTED_RECTIFIED,))
        self._require_status(hazard, state, HazardEventKind.REPORTED_RECTIFIED, "报告整改完成")
        photos = self._photos(photo_ids)
        if not photos:
            raise HazardProblem(say("报告整改完成须附整改后照片", "add at least one photo taken after rectification"))
        reused = set(photos) & set(hazard.photos)
        if reused:
            raise HazardProblem(say("整改后照片不能使用整改前的照片", "an after-photo is one of the before-photos"))
        if hazard.grade == "重大":
            missing = plan_missing(hazard)
            if missing:
                raise HazardProblem(say("重大隐患须先完成治理方案，缺少：" + "、".join(missing),
                                        "a major hazard needs its complete treatment plan first; missing: "
                                        + ", ".join(_plan_missing_en(hazard))))
        return self.store.hazards.append_event(hazard_id, HazardEventKind.REPORTED_RECTIFIED,
                                               by_id=self.session.person.id, reason=note.strip(), photos=photos)

    def record_progress(self, hazard_id: str, note: str, photo_ids: Iterable[str] = ()) -> HazardEvent:
        """A step of the rectification (整改中), with optional photos."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.PROGRESS,))
        self._require_status(hazard, state, HazardEventKind.PROGRESS, "记录整改进展")
        photos = self._photos(photo_ids)
        if not note.strip():
            raise HazardProblem(say("请填写整改进展", "describe the progress"))
        return self.store.hazards.append_event(hazard_id, HazardEventKind.PROGRESS, by_id=self.session.person.id,
                                               reason=note.strip(), photos=photos)

    def save_treatment_plan(self, hazard_id: str, plan: dict[str, str]) -> Hazard:
        """Write a major hazard's treatment plan (the six elements; empty ones may be completed later)."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.COMMENT,), fields=("treatment_plan",))
        if hazard.grade != "重大":
            raise HazardProblem(say("只有重大隐患需要治理方案", "only a major hazard has a treatment plan"))
        if state.status is HazardStatus.CLOSED:
            raise HazardProblem(say("已销号的隐患不能修改治理方案", "the hazard is closed"))
        unknown = set(plan) - set(TREATMENT_PLAN_ELEMENTS)
        if unknown:
            raise HazardProblem(say(f"治理方案没有这些要素: {', '.join(sorted(unknown))}",
                                    f"unknown plan elements: {', '.join(sorted(unknown))}"))
        cleaned = {key: str(plan.get(key, "") or "").strip() for key in TREATMENT_PLAN_ELEMENTS}
        if cleaned == {key: str((hazard.treatment_plan or {}).get(key, "")).strip() for key in TREATMENT_PLAN_ELEMENTS}:
            return hazard
        filled = sum(1 for value in cleaned.values() if value)
        with self.store.transaction():
            updated = self.store.hazards.update(hazard_id, treatment_plan=cleaned)
            self.store.hazards.append_event(hazard_id, HazardEventKind.COMMENT, by_id=self.session.person.id,
                                            reason=f"治理方案已更新（{filled}/6 项）")
        return updated

    # -- the inspector's side -------------------------------------------------------------------
    def verify(self, hazard_id: str, note: str = "") -> HazardEvent:
        """Re-inspection accepted: the hazard is closed (销号); under 挂牌督办 only after the authority's 核销."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.VERIFIED,))
        self._require_status(hazard, state, HazardEventKind.VERIFIED, "复查销号")
        if writeoff_missing(hazard):
            level = SUPERVISION_LEVELS_EN.get(hazard.supervision_level, hazard.supervision_level)
            raise HazardProblem(say(f"隐患“{_short(hazard)}”为{hazard.supervision_level}级挂牌督办，须先登记督办部门的核销"
                                    "（日期、机关、文号）才能销号",
                                    f"hazard “{_short(hazard)}” is under {level}-level listed supervision: record the "
                                    "supervising authority's write-off (date, authority, document number) before "
                                    "closing it"))
        # The 整改复查意见书 is issued with the verdict and travels with it (services/reinspection_opinion.py).
        return self.store.hazards.append_event(hazard_id, HazardEventKind.VERIFIED, by_id=self.session.person.id,
                                               reason=note.strip(), document=OpinionContent(self.session).sealer(hazard))

    def reject(self, hazard_id: str, reason: str, new_deadline: date | None = None) -> HazardEvent:
        """Re-inspection not accepted: back to 整改中, with the reason the enterprise reads and, where the old
        deadline has passed, the new one (else the hazard would be overdue the moment it was sent back)."""
        hazard, state = self._writable(
            hazard_id, events=(HazardEventKind.REJECTED, HazardEventKind.DEADLINE_EXTENDED, HazardEventKind.DEADLINE_SET))
        self._require_status(hazard, state, HazardEventKind.REJECTED, "退回整改")
        if not reason.strip():
            raise HazardProblem(say("退回整改须填写原因", "give the reason the rectification is not accepted"))
        today = self.as_of()
        if new_deadline is None and (state.deadline is None or state.deadline <= today):
            raise HazardProblem(say(f"原整改期限 {state.deadline or '未定'} 已到，退回整改须给出新的整改期限",
                                    f"the deadline {state.deadline or '(none set)'} has come: sending the hazard "
                                    "back needs a new deadline"))
        if new_deadline is not None and new_deadline <= today:
            raise HazardProblem(say(f"新的整改期限 {new_deadline} 须晚于今天 {today}",
                                    f"the new deadline {new_deadline} must be after today, {today}"))
        with self.store.transaction():
            event = self.store.hazards.append_event(
                hazard_id, HazardEventKind.REJECTED, by_id=self.session.person.id, reason=reason.strip(),
                document=OpinionContent(self.session).sealer(hazard, new_deadline or state.deadline))
            if new_deadline is not None and new_deadline != state.deadline:
                later = state.deadline is None or new_deadline > state.deadline
                self.store.hazards.append_event(
                    hazard_id, HazardEventKind.DEADLINE_EXTENDED if later else HazardEventKind.DEADLINE_SET,
                    deadline=new_deadline, by_id=self.session.person.id, reason=reason.strip())
        return event

    def reopen(self, hazard_id: str, reason: str, new_deadline: date | None = None) -> HazardEvent:
        """A closed hazard is open again (整改中), optionally with a new deadline."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.REOPENED, HazardEventKind.DEADLINE_SET))
        self._require_status(hazard, state, HazardEventKind.REOPENED, "重新打开")
        if not reason.strip():
            raise HazardProblem(say("重新打开须填写原因", "give the reason for reopening"))
        if new_deadline is not None and new_deadline < date.fromisoformat(hazard.found_on):
            raise HazardProblem(say("整改期限不能早于发现日期", "the deadline is before the day it was found"))
        with self.store.transaction():
            event = self.store.hazards.append_event(hazard_id, HazardEventKind.REOPENED,
                                                    by_id=self.session.person.id, reason=reason.strip())
            if new_deadline is not None and new_deadline != state.deadline:
                self.store.hazards.append_event(hazard_id, HazardEventKind.DEADLINE_SET, deadline=new_deadline,
                                                by_id=self.session.person.id, reason=reason.strip())
        return event

    def extend_deadline(self, hazard_ids: list[str], new_deadline: date, reason: str) -> int:
        """Give hazards a new deadline, all or none; returns how many changed (the same date is no change)."""
        if not reason.strip():
            raise HazardProblem(say("延长整改期限须填写原因", "give the reason for the new deadline"))
        ids = list(dict.fromkeys(hazard_ids))
        if not ids:
            raise HazardProblem(say("请选择隐患", "choose at least one hazard"))
        changes: list[tuple[str, HazardEventKind]] = []
        for hazard_id in ids:
            hazard, state = self._writable(
                hazard_id, events=(HazardEventKind.DEADLINE_EXTENDED, HazardEventKind.DEADLINE_SET))
            if state.status is HazardStatus.CLOSED:
                raise HazardProblem(say(f"隐患“{_short(hazard)}”已销号，不能延期", f"hazard “{_short(hazard)}” is closed"))
            if new_deadline < date.fromisoformat(hazard.found_on):
                raise HazardProblem(say(f"整改期限不能早于发现日期 {hazard.found_on}（隐患“{_short(hazard)}”）",
                                        f"the deadline is before the day it was found, {hazard.found_on} (hazard “{_short(hazard)}”)"))
            if state.deadline != new_deadline:
                later = state.deadline is None or new_deadline > state.deadline
                changes.append((hazard_id, HazardEventKind.DEADLINE_EXTENDED if later
                                else HazardEventKind.DEADLINE_SET))
        with self.store.transaction():
            for hazard_id, kind in changes:
                self.store.hazards.append_event(hazard_id, kind, deadline=new_deadline,
                                                by_id=self.session.person.id, reason=reason.strip())
        return len(changes)

    def set_supervision(self, hazard_id: str, level: str | None, referred_on: date | None) -> Hazard:
        """A major hazard's 挂牌督办 level and the day it was referred to the regulator (None: neither)."""
        hazard, state = self._writable(
            hazard_id, events=(HazardEventKind.COMMENT,), fields=("supervision_level", "referred_on"))
        if hazard.grade != "重大":
            raise HazardProblem(say("只有重大隐患挂牌督办", "only a major hazard is put under listed supervision"))
        if state.status is HazardStatus.CLOSED:
            raise HazardProblem(say("已销号的隐患不能修改督办信息", "the hazard is closed"))
        if level is not None and level not in SUPERVISION_LEVELS:
            raise HazardProblem(say(f"督办级别须为 省/市/县，实为 {level!r}", f"level must be one of 省, 市, 县, not {level!r}"))
        if referred_on is not None and referred_on < date.fromisoformat(hazard.found_on):
            raise HazardProblem(say(f"报告监管部门日期不能早于发现日期 {hazard.found_on}",
                                    f"the referral date is before the day it was found, {hazard.found_on}"))
        referred = referred_on.isoformat() if referred_on else None
        if (level, referred) == (hazard.supervision_level, hazard.referred_on):
            return hazard
        parts = [f"{level}级挂牌督办" if level else "未挂牌督办"]
        if referred:
            parts.append(f"{referred} 报告监管部门")
        with self.store.transaction():
            updated = self.store.hazards.update(hazard_id, supervision_level=level, referred_on=referred)
            self.store.hazards.append_event(hazard_id, HazardEventKind.COMMENT, by_id=self.session.person.id,
                                            reason="督办信息：" + "，".join(parts))
        return updated


    def record_writeoff(self, hazard_id: str, on: date, authority: str, number: str) -> Hazard:
        """Record the supervising authority's 核销 of a 挂牌督办 hazard, as its document says: day, authority, number."""
        hazard, state = self._writable(hazard_id, events=(HazardEventKind.COMMENT,),
                                       fields=("writeoff_on", "writeoff_authority", "writeoff_number"))
        if hazard.supervision_level is None:
            raise HazardProblem(say("只有挂牌督办的隐患需要登记核销",
                                    "only a hazard under listed supervision needs a write-off"))
        if state.status is HazardStatus.CLOSED:
            raise HazardProblem(say("已销号的隐患不能修改核销信息",
                                    "the write-off of a closed hazard cannot be changed"))
        authority, number = authority.strip(), number.strip()
        if not authority:
            raise HazardProblem(say("请填写核销机关", "give the authority that wrote the hazard off"))
        if not number:
            raise HazardProblem(say("请填写核销文号", "give the number of the write-off document"))
        if on < date.fromisoformat(hazard.found_on):
            raise HazardProblem(say(f"核销日期不能早于发现日期 {hazard.found_on}",
                                    f"the write-off date cannot be before the day the hazard was found, {hazard.found_on}"))
        if on > self.as_of():
            raise HazardProblem(say("核销日期不能晚于今天", "the write-off date cannot be after today"))
        with self.store.transaction():
            updated = self.store.hazards.update(hazard_id, writeoff_on=on.isoformat(), writeoff_authority=authority,
                                                writeoff_number=number)
            self.store.hazards.append_event(hazard_id, HazardEventKind.COMMENT, by_id=self.session.person.id,
                                            reason=f"督办部门核销：{authority} {number}（{on.isoformat()}）")
        return updated


def _value_text(value) -> str:
    """A conflicting value in a line of text, cut short."""
    text = "" if value is None else (value if isinstance(value, str) else str(value))
    return text if len(text) <= 60 else text[:59] + "…"
