"""Incidents (生产安全事故): recorded by the office, graded by 493号令 on the fly, and the year's goal."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.grading import AccidentGrade, grade_accident
from safety_desk.domain.language import say
from safety_desk.services.activity_scope import ActivityProblem, scope_of, visible_enterprise, whole_count
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.records import Incident

# 事故性质: fixed by the investigation report; 待定 until then (stored as liable 1 / 0 / NULL).
LIABILITIES = {"责任": True, "非责任": False, "待定": None}


def liability_name(liable: bool | None) -> str:
    return "待定" if liable is None else "责任" if liable else "非责任"


@dataclass(frozen=True)
class IncidentRow:
    incident: Incident
    grade: AccidentGrade  # computed, never stored
    enterprise_name: str
    district_name: str

    @property
    def liability(self) -> str:
        return liability_name(self.incident.liable)

    @property
    def breaks_goal(self) -> bool:
        """A liable accident of grade 较大 or above: what the year's goal says must not happen."""
        return self.incident.liable is True and self.grade.is_larger_or_above


@dataclass(frozen=True)
class GoalStatus:
    """不发生较大及以上安全生产责任事故: this year's count (target 0) and the days without one."""

    year: int
    as_of: date
    incidents: list[IncidentRow]  # liable, grade 较大 or above, in the year up to as_of
    last_on: date | None  # the day of the last such incident ever (up to as_of)
    days_since_last: int | None  # None when there never was one
    days_this_year: int  # days from 1 January to as_of

    @property
    def count(self) -> int:
        return len(self.incidents)

    @property
    def holds(self) -> bool:
        return not self.incidents


def _day_of(incident: Incident) -> date:
    return date.fromisoformat(incident.occurred_at[:10])


def incident_rows(session: Session, incidents: list[Incident]) -> list[IncidentRow]:
    """The incidents with their computed grade and names; those outside the session's scope are left out."""
    store = session.store
    districts = {d.id: d.name for d in store.districts.active()}
    names: dict[str, str] = {}
    rows = []
    for incident in incidents:
        if not session.may_see_enterprise(incident.enterprise_id):
            continue
        if incident.enterprise_id not in names:
            enterprise = store.enterprises.get(incident.enterprise_id)
            names[incident.enterprise_id] = enterprise.name if enterprise else incident.enterprise_id
        rows.append(IncidentRow(incident, store.incidents.grade(incident), names[incident.enterprise_id],
                                districts.get(incident.district_id, "")))
    return rows


def goal_status(session: Session, year: int, as_of: date) -> GoalStatus:
    """The goal as the session sees it (its districts; the office: the whole city) on `as_of`."""
    districts, own = scope_of(session)
    start = date(year, 1, 1)
    end = min(as_of, date(year, 12, 31))
    liable = incident_rows(session, session.store.incidents.in_scope(date(1900, 1, 1), as_of, districts, own,
                                                             liable_only=True))
    breaking = [row for row in liable if row.breaks_goal]
    this_year = [row for row in breaking if start <= _day_of(row.incident) <= end]
    last_on = max((_day_of(row.incident) for row in breaking), default=None)
    return GoalStatus(year=year, as_of=as_of, incidents=this_year, last_on=last_on,
                      days_since_last=(as_of - last_on).days if last_on else None,
                      days_this_year=max(0, (end - start).days))


class IncidentService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def may_record(self) -> bool:
        return self.session.may(Action.RECORD_INCIDENTS)

    def _check(self, occurred_at: datetime, deaths: int, serious_injuries: int, direct_loss_yuan: float,
               liability: str) -> tuple[str, int, int, float, bool | None]:
        if not isinstance(occurred_at, datetime):
            raise ActivityProblem(say(f"事故时间无效", f"the time of the accident is not a date and time: {occurred_at!r}"))
        if occurred_at.tzinfo is None:
            occurred_at = occurred_at.replace(tzinfo=BEIJING)
        if occurred_at > self.session.clock.now():
            raise ActivityProblem(say("事故时间在未来", "the accident time is in the future"))
        deaths = whole_count(deaths, "死亡人数", "deaths")
        serious_injuries = whole_count(serious_injuries, "重伤人数", "serious injuries")
        if isinstance(direct_loss_yuan, bool) or not isinstance(direct_loss_yuan, (int, float)) \
                or not math.isfinite(direct_loss_yuan) or direct_loss_yuan < 0:
            raise ActivityProblem(say(f"直接经济损失应为非负金额",
                                      f"direct loss must be a non-negative amount of yuan, got {direct_loss_yuan!r}"))
        if liability not in LIABILITIES:
            raise ActivityProblem(say(f"事故性质应为 责任、非责任 或 待定，实为 {liability!r}",
                                      f"liability must be 责任, 非责任 or 待定, got {liability!r}"))
        return (occurred_at.isoformat(timespec="minutes"), deaths, serious_injuries, float(direct_loss_yuan),
                LIABILITIES[liability])

    def record(self, occurred_at: datetime, enterprise_id: str, deaths: int, serious_injuries: int,
               direct_loss_yuan: float, liability: str, description: str = "", *, title: str = "",
               accident_type: str = "") -> Incident:
        """Record an accident; its grade follows from deaths, injuries and loss (never stored)."""
        if not self.may_record():
            raise PermissionDenied(say("只有安全办可以登记事故", "only the office records incidents"))
        enterprise = visible_enterprise(self.session, enterprise_id)
        when, deaths, injuries, loss, liable = self._check(occurred_at, deaths, serious_injuries,
                                                           direct_loss_yuan, liability)
        grade = grade_accident(deaths, injuries, loss)
        title = title.strip() or f"{enterprise.name}{grade.value}生产安全事故"
        return self.store.incidents.add(Incident(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            occurred_at=when, title=title, description=description.strip(), accident_type=accident_type.strip(),
            deaths=deaths, serious_injuries=injuries, direct_loss_yuan=loss, liable=liable))

    def edit(self, incident_id: str, occurred_at: datetime, deaths: int, serious_injuries: int,
             direct_loss_yuan: float, liability: str, description: str, *, title: str | None = None,
             accident_type: str | None = None) -> Incident:
        """Correct an incident, e.g. its liability once the investigation report fixes it."""
        if not self.may_record():
            raise PermissionDenied(say("只有安全办可以修改事故", "only the office edits incidents"))
        current = self.store.incidents.get(incident_id)
        if current is None or current.deleted:
            raise ActivityProblem(say(f"事故不存在", f"incident {incident_id} does not exist"))
        when, deaths, injuries, loss, liable = self._check(occurred_at, deaths, serious_injuries,
                                                           direct_loss_yuan, liability)
        changes = dict(occurred_at=when, deaths=deaths, serious_injuries=injuries, direct_loss_yuan=loss,
                       liable=liable, description=description.strip())
        if title is not None and title.strip():
            changes["title"] = title.strip()
        if accident_type is not None:
            changes["accident_type"] = accident_type.strip()
        return self.store.incidents.update(incident_id, **changes)

    def in_year(self, year: int) -> list[IncidentRow]:
        """Incidents of the year the session sees, newest first, each with its computed grade."""
        districts, own = scope_of(self.session)
        found = self.store.incidents.in_scope(date(year, 1, 1), date(year, 12, 31), districts, own)
        return list(reversed(incident_rows(self.session, found)))

    def goal_status(self, year: int, as_of: date) -> GoalStatus:
        return goal_status(self.session, year, as_of)
