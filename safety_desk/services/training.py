"""Training sessions (宣教培训): for one or several enterprises, a district, or office-wide."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Callable

from safety_desk.domain.language import say
from safety_desk.services.activity_scope import (
    ActivityProblem, as_day, scope_of, visible_enterprise, whole_count,
)
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.records import Training

MAX_HOURS = 200.0  # a session longer than this is a typing mistake (a long course is several sessions)


@dataclass(frozen=True)
class TrainingRow:
    training: Training
    enterprise_names: list[str]  # those the signed-in person may see
    district_name: str  # of a district-wide session; "" otherwise
    others: int = 0  # enterprises of a joint session outside the person's scope (not named)

    @property
    def audience(self) -> str:
        """Who it was for, in words: the enterprises, the district, or 全市 (office-wide); Chinese, as the weekly
        report prints it."""
        return self._audience(lambda zh, en: zh)

    @property
    def audience_shown(self) -> str:
        """The same in the language of the window that shows it."""
        return self._audience(say)

    def _audience(self, pick: Callable[[str, str], str]) -> str:
        if self.enterprise_names or self.others:
            names = pick("、", ", ").join(self.enterprise_names)
            if self.others:
                names += pick(f"{'等' if names else ''}另{self.others}家企业",
                              f"{' and ' if names else ''}{self.others} other enterprises")
            return names
        return self.district_name or pick("全市", "city-wide")


class TrainingService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def may_record(self) -> bool:
        return self.session.may(Action.RECORD_TRAINING)

    def record(self, held_on: date | str, title: str, hours: float, attendees: int, *,
               enterprise_ids: list[str] | None = None, district_id: str | None = None, kind: str = "") -> Training:
        """Record a held session for some enterprises, or a whole district, or (office only) everyone."""
        session = self.session
        if not self.may_record():
            raise PermissionDenied(say("无权登记培训", "your role may not record training"))
        title = (title or "").strip()
        if not title:
            raise ActivityProblem(say("培训主题不能为空", "the training needs a topic"))
        day = as_day(held_on, "培训", "the day of the training")
        if day > self.session.clock.today():
            raise ActivityProblem(say(f"培训日期 {day} 在未来", f"the training date {day} is in the future"))
        if isinstance(hours, bool) or not isinstance(hours, (int, float)) or not 0 < hours <= MAX_HOURS:
            raise ActivityProblem(say(f"学时应在 0 到 {MAX_HOURS:g} 之间",
                                      f"hours must be more than 0 and at most {MAX_HOURS:g}, got {hours!r}"))
        count = whole_count(attendees, "参训人数", "attendees")
        ids = list(dict.fromkeys(enterprise_ids or []))
        if session.role == "enterprise":
            own = session.person.enterprise_id
            if ids and ids != [own] or district_id is not None:
                raise PermissionDenied(say("企业只能登记本企业的培训", "an enterprise records only its own training"))
            ids = [own]
        enterprises = [visible_enterprise(session, enterprise_id) for enterprise_id in ids]
        if ids and district_id is not None:
            raise ActivityProblem(say("请选择企业或片区之一", "choose enterprises or a district, not both"))
        if district_id is not None:
            district = self.store.districts.get(district_id)
            if district is None:
                raise ActivityProblem(say(f"片区不存在", f"district {district_id} does not exist"))
            scope = session.district_ids()
            if scope is not None and district_id not in scope:
                raise PermissionDenied(say(f"无权登记该片区的培训", f"district {district.name} is outside your scope"))
        if not ids and district_id is None and session.role != "office":
            raise PermissionDenied(say("全市培训只能由安全办登记；请选择企业或片区",
                                       "only the office records office-wide training; choose enterprises or a district"))
        if district_id is None and enterprises and len({e.district_id for e in enterprises}) == 1:
            district_id = enterprises[0].district_id  # so a district's list finds it by index
        return self.store.trainings.add(Training(
            id=self.store.db.new_id(), title=title, held_on=day.isoformat(), enterprise_ids=ids,
            enterprise_id=ids[0] if ids else None, district_id=district_id, kind=kind.strip(),
            hours=float(hours), attendees=count))

    def in_period(self, start: date, end: date) -> list[TrainingRow]:
        """Sessions the signed-in person sees, held from `start` to `end`, newest first."""
        if end < start:
            raise ActivityProblem(say("结束日期早于开始日期", "the period ends before it starts"))
        districts, own = scope_of(self.session)
        trainings = self.store.trainings.in_period(start, end, districts, own)
        names: dict[str, str] = {}
        district_names = {d.id: d.name for d in self.store.districts.active()}
        rows = []
        for training in trainings:
            # A joint session shows the person only the enterprises they may see; the rest are counted.
            shown = [e for e in training.enterprise_ids if self.session.may_see_enterprise(e)]
            for enterprise_id in shown:
                if enterprise_id not in names:
                    enterprise = self.store.enterprises.get(enterprise_id)
                    names[enterprise_id] = enterprise.name if enterprise else enterprise_id
            hidden = len(training.enterprise_ids) - len(shown)
            if hidden:
                training = dataclasses.replace(training, enterprise_ids=shown,
                                               enterprise_id=shown[0] if shown else None)
            rows.append(TrainingRow(training, [names[e] for e in shown],
                                    "" if training.enterprise_ids or hidden
                                    else district_names.get(training.district_id, ""), hidden))
        return rows
