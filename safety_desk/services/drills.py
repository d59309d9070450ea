"""Emergency drills (应急演练): plan, record as held, findings as hazards, and who is due or overdue."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Iterable

from safety_desk.domain.drills import (
    DrillRule,
    DrillContent, DrillForm, DrillPlanType, DrillSchedule, DueInfo, drill_schedule,
)
from safety_desk.domain.grading import parse_hazard_grade
from safety_desk.domain.language import say
from safety_desk.services.activity_scope import (
    ActivityProblem, as_day, scope_of, visible_enterprise, whole_count,
)
from safety_desk.services.photos import PreparedPhoto, store_prepared
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.enterprises import districts_left_after
from safety_desk.store.records import Drill, Hazard, Photo

# The two art. 33 groups, as the list names them.
GROUP_MAIN = "综合/专项预案演练"
GROUP_ON_SITE = "现场处置方案演练"


@dataclass(frozen=True)
class DrillDue:
    """One enterprise's drill obligation as seen on a day: the most urgent of its two art. 33 groups."""

    enterprise_id: str
    enterprise_name: str
    district_id: str
    district_name: str
    high_risk: bool
    last_held: date | None  # the last drill of the most urgent group held up to the day (None: never)
    next_due: date  # the earliest due day of the two groups
    overdue_days: int  # 0 when nothing is overdue
    due_groups: tuple[str, ...]  # the groups due by the end of the window asked for (most urgent first)
    planned: Drill | None  # the earliest planned drill not yet recorded
    schedule: DrillSchedule

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def _check_choice(value: object, enum: type, what: str, english: str) -> str:
    choices = "、".join(member.value for member in enum)
    if value not in {member.value for member in enum}:
        raise ActivityProblem(say(f"未知{what}；应为 {choices}", f"unknown {english} {value!r}; choose one of: {choices}"))
    return str(value)


_CLOCK_TIME = re.compile(r"(\d{1,2})[:：](\d{2})")
MAX_DRILL_MINUTES = 24 * 60  # a drill of more than a day is several drills


def drill_start_time(value: object) -> str | None:
    """The start of a drill as "HH:MM", None when not recorded (None or ""), or ActivityProblem."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    match = _CLOCK_TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ActivityProblem(say(f"演练开始时间应为 时:分，如 09:30", f"the start time must be HH:MM, got {value!r}"))
    return f"{int(match[1]):02d}:{match[2]}"


def drill_duration(value: object) -> int | None:
    """A drill's length in whole minutes (1 to 1440), None when not recorded (None or ""), or ActivityProblem."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    minutes = whole_count(value, "演练时长", "duration")
    if not 1 <= minutes <= MAX_DRILL_MINUTES:
        raise ActivityProblem(say(f"演练时长应为 1 至 {MAX_DRILL_MINUTES} 分钟",
                                  f"the duration must be 1 to {MAX_DRILL_MINUTES} minutes, got {minutes}"))
    return minutes


def _due(enterprise, drills: Iterable[tuple[date, str]], planned: Drill | None, as_of: date,
         window_end: date, rule: DrillRule) -> DrillDue:
    drills = list(drills)
    schedule = drill_schedule(drills, enterprise.high_risk, date.fromisoformat(enterprise.tracked_since), as_of,
                              rule)
    groups: list[tuple[DueInfo, str]] = sorted(
        [(schedule.comprehensive_or_specific, GROUP_MAIN), (schedule.on_site, GROUP_ON_SITE)],
        key=lambda pair: pair[0].next_due)
    return DrillDue(
        enterprise_id=enterprise.id, enterprise_name=enterprise.name, district_id=enterprise.district_id,
        district_name=getattr(enterprise, "district_name", ""), high_risk=enterprise.high_risk,
        last_held=groups[0][0].last_held, next_due=groups[0][0].next_due,
        overdue_days=max(info.days_overdue for info, _ in groups),
        due_groups=tuple(name for info, name in groups if info.next_due <= window_end),
        planned=planned, schedule=schedule)


def drills_due(session: Session, as_of: date, within_days: int = 30,
               rule: DrillRule = DrillRule.NATIONAL) -> list[DrillDue]:
    """Enterprises the session sees whose next drill is overdue or due within `within_days` of `as_of`.

    Most overdue first, then by due day.
    """
    districts, own = scope_of(session)
    store = session.store
    window_end = as_of + timedelta(days=within_days)
    # Enterprises that moved district after `as_of` are counted where they were then (a past week's summary).
    left = districts_left_after(store.db, as_of) if districts is not None else {}
    looked_in = None if left else districts
    last = store.drills.last_held(looked_in, own, as_of)
    planned = store.drills.next_planned(looked_in, own)
    found = []
    for enterprise in store.drills.scope_enterprises(looked_in, own):
        if left and left.get(enterprise.id, enterprise.district_id) not in districts:
            continue
        due = _due(enterprise, last.get(enterprise.id, []), planned.get(enterprise.id), as_of, window_end, rule)
        if due.next_due <= window_end:
            found.append(due)
    found.sort(key=lambda d: (-d.overdue_days, d.next_due, d.enterprise_name))
    return found


def overdue_drill_count(session: Session, as_of: date) -> int:
    """How many enterprises the session sees are overdue for a drill of either art. 33 group."""
    return sum(1 for due in drills_due(session, as_of, 0) if due.overdue)


class DrillService:
    """Planning and recording drills; the signed-in person's role and scope decide what is allowed."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()  # read on each call: the settings page may change the rule

    # -- permissions ----------------------------------------------------------------------------
    def may_record(self) -> bool:
        return self.session.may(Action.RECORD_DRILLS)

    def _require(self, enterprise_id: str):
        if not self.may_record():
            raise PermissionDenied(say("无权登记演练", "your role may not plan or record drills"))
        return visible_enterprise(self.session, enterprise_id)

    def keep_photo(self, enterprise_id: str | None, prepared: PreparedPhoto) -> Photo:
        """Keep a photo (file and record) of a drill of this enterprise, if the person may record its drills;
        name it in record()."""
        if enterprise_id is None:
            raise ActivityProblem(say("请先选择企业再添加照片", "choose the enterprise before adding photos"))
        self._require(enterprise_id)
        return store_prepared(self.store, prepared, self.session.person.id, self.session.clock)

    # -- reading --------------------------------------------------------------------------------
    def due_for(self, enterprise_id: str, as_of: date) -> DrillDue:
        enterprise = visible_enterprise(self.session, enterprise_id)
        district = self.store.districts.get(enterprise.district_id)
        last = self.store.drills.last_held(None, enterprise.id, as_of).get(enterprise.id, [])
        planned = self.store.drills.next_planned(None, enterprise.id).get(enterprise.id)
        due = _due(enterprise, last, planned, as_of, as_of, DrillRule(self.settings.drill_rule))
        return dataclasses.replace(due, district_name=district.name if district else "")

    def drills_due(self, as_of: date, within_days: int = 30) -> list[DrillDue]:
        return drills_due(self.session, as_of, within_days, DrillRule(self.settings.drill_rule))

    def enterprise_names(self) -> dict[str, str]:
        """id -> name of every enterprise the session sees (to show drills by enterprise name)."""
        districts, own = scope_of(self.session)
        return {e.id: e.name for e in self.store.drills.scope_enterprises(districts, own)}

    def planned(self) -> list[Drill]:
        districts, own = scope_of(self.session)
        return self.store.drills.listed(districts, own, "planned")

    def listed(self, *, enterprise_id: str | None = None, district_id: str | None = None,
               day_from: date | None = None, day_to: date | None = None) -> list[Drill]:
        """Planned and held drills the session sees, by their day (newest first), narrowed by enterprise, district
        and days: what `safety-desk drill list` prints, and the ids `report drill` takes."""
        districts, own = scope_of(self.session)
        drills = [*self.store.drills.listed(districts, own, "held", limit=-1),
                  *self.store.drills.listed(districts, own, "planned", limit=-1)]
        chosen = [d for d in drills
                  if (enterprise_id is None or d.enterprise_id == enterprise_id)
                  and (district_id is None or d.district_id == district_id)
                  and (day_from is None or d.held_on >= day_from.isoformat())
                  and (day_to is None or d.held_on <= day_to.isoformat())]
        return sorted(chosen, key=lambda d: (d.held_on, d.id), reverse=True)

    def records(self, limit: int = 500) -> list[Drill]:
        """Held drills the session sees, newest first."""
        districts, own = scope_of(self.session)
        return self.store.drills.listed(districts, own, "held", limit)

    def get(self, drill_id: str) -> Drill:
        drill = self.store.drills.get(drill_id)
        if drill is None or drill.deleted:
            raise ActivityProblem(say(f"演练不存在", f"drill {drill_id} does not exist"))
        visible_enterprise(self.session, drill.enterprise_id)
        return drill

    # -- planning -------------------------------------------------------------------------------
    def plan(self, enterprise_id: str, name: str, plan_type: str, content: str, form: str, scenario: str,
             planned_on: date | str, *, place: str = "", organiser: str = "", objectives: str = "") -> Drill:
        """A drill to be held on `planned_on` (today or later)."""
        enterprise = self._require(enterprise_id)
        name = (name or "").strip()
        if not name:
            raise ActivityProblem(say("演练名称不能为空", "the drill needs a name"))
        plan_type = _check_choice(plan_type, DrillPlanType, "预案类型", "plan type")
        content = _check_choice(content, DrillContent, "演练内容类型", "drill content")
        form = _check_choice(form, DrillForm, "演练形式", "drill form")
        day = as_day(planned_on, "计划", "the planned day")
        if day < self.session.clock.today():
            raise ActivityProblem(say(f"计划日期 {day} 已过；请直接登记已举行的演练",
                                      f"the planned day {day} is in the past; record a held drill instead"))
        return self.store.drills.add(Drill(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            name=name, plan_type=plan_type, content=content, form=form, held_on=day.isoformat(),
            scenario=(scenario or "").strip(), place=place.strip(), organiser=organiser.strip(),
            objectives=objectives.strip(), status="planned", planned_on=day.isoformat()))

    def cancel_plan(self, drill_id: str) -> None:
        drill = self.get(drill_id)
        self._require(drill.enterprise_id)
        if drill.status != "planned":
            raise ActivityProblem(say("只能取消尚未举行的演练计划", "only a planned drill can be cancelled"))
        self.store.drills.delete(drill_id)

    # -- recording ------------------------------------------------------------------------------
    def record(self, drill_id: str | None, held_on: date | str, participants: int, *,
               enterprise_id: str | None = None, name: str | None = None, plan_type: str | None = None,
               content: str | None = None, form: str | None = None, scenario: str | None = None,
               place: str | None = None, organiser: str | None = None, units: str | None = None,
               objectives: str | None = None, evaluation: str | None = None, evaluators: str | None = None,
               findings: str | None = None, revisions: str | None = None, photos: list[str] | None = None,
               reported_on: date | str | None = None, start_time: str | time | None = None,
               duration_minutes: int | str | None = None) -> Drill:
        """Record a held drill (regulations.md §5.4): a planned one (`drill_id`) or a new one (None).

        For a new drill, enterprise_id, name, plan_type, content and form are required. For an existing
        one, arguments left None keep what was planned or recorded; start_time "HH:MM" and duration_minutes
        (1 to 1440) given as "" clear them (not recorded).
        """
        if drill_id is not None:
            current = self.get(drill_id)
            enterprise = self._require(current.enterprise_id)
        else:
            if enterprise_id is None:
                raise ActivityProblem(say("请选择企业", "choose the enterprise that held the drill"))
            enterprise = self._require(enterprise_id)
            current = Drill(id=self.store.db.new_id(), enterprise_id=enterprise.id,
                            district_id=enterprise.district_id, name="", plan_type="", content="", form="",
                            held_on="")
        day = as_day(held_on, "演练", "the day of the drill")
        if day > self.session.clock.today():
            raise ActivityProblem(say(f"演练日期 {day} 在未来；请先作为计划登记",
                                      f"the drill is recorded as held on a future day, {day}; plan it instead"))
        count = whole_count(participants, "参演人数", "participants")
        start = current.start_time if start_time is None else drill_start_time(start_time)
        minutes = current.duration_minutes if duration_minutes is None else drill_duration(duration_minutes)

        def pick(value, old):
            return old if value is None else value

        chosen_name = (pick(name, current.name) or "").strip()
        if not chosen_name:
            raise ActivityProblem(say("演练名称不能为空", "the drill needs a name"))
        reported = None
        if reported_on is not None and reported_on != "":
            reported_day = as_day(reported_on, "报送", "the day it was reported")
            if reported_day < day:
                raise ActivityProblem(say("报送日期不能早于演练日期", "reported to the authority before the drill was held"))
            reported = reported_day.isoformat()
        elif drill_id is not None:
            reported = current.reported_on
        photo_ids = list(pick(photos, current.photos))
        for photo_id in photo_ids:
            if self.store.photos.get(photo_id) is None:
                raise ActivityProblem(say(f"照片不存在", f"photo {photo_id[:12]}… was not imported"))
        record = dataclasses.replace(
            current, name=chosen_name,
            plan_type=_check_choice(pick(plan_type, current.plan_type), DrillPlanType, "预案类型", "plan type"),
            content=_check_choice(pick(content, current.content), DrillContent, "演练内容类型", "drill content"),
            form=_check_choice(pick(form, current.form), DrillForm, "演练形式", "drill form"),
            scenario=pick(scenario, current.scenario).strip(), place=pick(place, current.place).strip(),
            organiser=pick(organiser, current.organiser).strip(), units=pick(units, current.units).strip(),
            objectives=pick(objectives, current.objectives).strip(),
            evaluation=pick(evaluation, current.evaluation).strip(),
            evaluators=pick(evaluators, current.evaluators).strip(),
            findings=pick(findings, current.findings).strip(),
            revisions=pick(revisions, current.revisions).strip(), photos=photo_ids, reported_on=reported,
            participants=count, held_on=day.isoformat(), status="held", start_time=start,
            duration_minutes=minutes)
        if drill_id is None:
            return self.store.drills.add(record)
        changes = {f.name: getattr(record, f.name) for f in dataclasses.fields(Drill)
                   if f.name not in ("id", "enterprise_id", "district_id")}
        return self.store.drills.update(drill_id, **changes)

    def add_finding_hazard(self, drill_id: str, description: str, grade: str, deadline: date | str, *,
                           location: str = "", measures: str = "") -> Hazard:
        """A problem the drill exposed, registered as a hazard (source 演练) with its deadline."""
        drill = self.get(drill_id)
        enterprise = self._require(drill.enterprise_id)
        if drill.status != "held":
            raise ActivityProblem(say("演练尚未举行，不能登记发现的问题", "the drill has not been held yet"))
        description = (description or "").strip()
        if not description:
            raise ActivityProblem(say("隐患描述不能为空", "describe the problem found"))
        try:
            hazard_grade = parse_hazard_grade(grade)
        except ValueError as exc:
            raise ActivityProblem(str(exc)) from None
        due = as_day(deadline, "整改期限", "the deadline")
        found_on = date.fromisoformat(drill.held_on)
        if due < found_on:
            raise ActivityProblem(say("整改期限不能早于发现日期", "the deadline is before the day it was found"))
        hazard = Hazard(id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                        source="drill", description=description, grade=hazard_grade.value,
                        found_on=found_on.isoformat(), drill_id=drill.id, location=location.strip(),
                        measures=measures.strip(), found_by=self.session.person.id,
                        responsible=enterprise.safety_officer, basis=f"应急演练：{drill.name}")
        with self.store.transaction():
            hazard = self.store.hazards.open_hazard(hazard, deadline=due)
            if description not in drill.findings:
                findings = f"{drill.findings}\n{description}".strip()
                self.store.drills.update(drill.id, findings=findings)
        return hazard
