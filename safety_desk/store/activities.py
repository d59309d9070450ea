"""Repositories for drills, training sessions, incidents and campaigns, and the scoped queries over them."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safety_desk.domain.campaigns import CampaignTargets, parse_campaign_kind
from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.grading import AccidentGrade, grade_accident
from safety_desk.domain.language import say
from safety_desk.store.codec import record_from_row
from safety_desk.store.enterprises import districts_left_after
from safety_desk.store.records import Campaign, Drill, Incident, Training
from safety_desk.store.repository import Repository

DRILL_STATUSES = ("planned", "held")


def scope_clause(district_ids: list[str] | None, enterprise_id: str | None, alias: str,
                 params: dict[str, Any]) -> str:
    """SQL limiting rows of `alias` to some districts (None: all) or to one enterprise; adds its params."""
    if enterprise_id is not None:
        params["scope_enterprise"] = enterprise_id
        return f"{alias}.enterprise_id = :scope_enterprise"
    if district_ids is None:
        return "1"
    names = []
    for index, district_id in enumerate(district_ids):
        params[f"scope_d{index}"] = district_id
        names.append(f":scope_d{index}")
    return f"{alias}.district_id IN ({', '.join(names)})" if names else "0"


@dataclass(frozen=True)
class ScopedEnterprise:
    """What due dates and lists need of an enterprise."""

    id: str
    name: str
    district_id: str
    district_name: str
    high_risk: bool
    tracked_since: str


class DrillRepository(Repository[Drill]):
    table = "drill"
    record_type = Drill

    def validate(self, record: Drill) -> Drill:
        for name, enum in (("plan_type", DrillPlanType), ("content", DrillContent), ("form", DrillForm)):
            value = getattr(record, name)
            if value not in {member.value for member in enum}:
                choices = "、".join(member.value for member in enum)
                raise ValueError(say(f"演练 {name}：{value!r} 应为 {choices}",
                                     f"drill {name}: {value!r} must be one of {choices}"))
        date.fromisoformat(record.held_on)
        if record.planned_on is not None:
            date.fromisoformat(record.planned_on)
        if record.status not in DRILL_STATUSES:
            raise ValueError(say(f"{record.status!r} 应为 planned 或 held",
                                 f"drill status: {record.status!r} must be planned or held"))
        if record.participants < 0:
            raise ValueError(say("参演人数不能为负", "drill participants: must not be negative"))
        return record

    def of_enterprise(self, enterprise_id: str) -> list[Drill]:
        """The drills the enterprise has held (planned ones are not records yet)."""
        return self._select("enterprise_id = ? AND deleted = 0 AND status = 'held'", (enterprise_id,),
                            order="held_on")

    def listed(self, district_ids: list[str] | None, enterprise_id: str | None, status: str,
               limit: int = 500) -> list[Drill]:
        """Planned drills soonest first, or held drills newest first, in a scope."""
        params: dict[str, Any] = {"status": status}
        where = f"deleted = 0 AND status = :status AND {scope_clause(district_ids, enterprise_id, 'drill', params)}"
        order = "held_on, id" if status == "planned" else "held_on DESC, id"
        return self._select(where, params, order=order, limit=limit)

    def scope_enterprises(self, district_ids: list[str] | None,
                          enterprise_id: str | None) -> list[ScopedEnterprise]:
        params: dict[str, Any] = {}
        where = scope_clause(district_ids, None, "e", params)
        if enterprise_id is not None:
            where, params = "e.id = :enterprise", {"enterprise": enterprise_id}
        rows = self.db.conn.execute(
            "SELECT e.id, e.name, e.district_id, d.name AS district_name, e.high_risk, e.tracked_since"
            f" FROM enterprise e JOIN district d ON d.id = e.district_id WHERE e.deleted = 0 AND {where}"
            " ORDER BY e.name", params)
        return [ScopedEnterprise(r["id"], r["name"], r["district_id"], r["district_name"], bool(r["high_risk"]),
                                 r["tracked_since"]) for r in rows]

    def last_held(self, district_ids: list[str] | None, enterprise_id: str | None,
                  as_of: date) -> dict[str, list[tuple[date, str]]]:
        """Per enterprise, the last held drill of each art. 33 group up to `as_of`, as (day, plan type)."""
        params: dict[str, Any] = {"as_of": as_of.isoformat()}
        scope = scope_clause(district_ids, enterprise_id, "drill", params)
        rows = self.db.conn.execute(
            "SELECT enterprise_id, plan_type = '现场处置方案' AS on_site, max(held_on) AS last FROM drill"
            f" WHERE deleted = 0 AND status = 'held' AND held_on <= :as_of AND {scope}"
            " GROUP BY enterprise_id, on_site", params)
        found: dict[str, list[tuple[date, str]]] = {}
        for row in rows:
            plan_type = DrillPlanType.ON_SITE if row["on_site"] else DrillPlanType.COMPREHENSIVE
            found.setdefault(row["enterprise_id"], []).append((date.fromisoformat(row["last"]), plan_type.value))
        return found

    def next_planned(self, district_ids: list[str] | None, enterprise_id: str | None) -> dict[str, Drill]:
        """Per enterprise, its earliest planned (not yet recorded) drill."""
        found: dict[str, Drill] = {}
        for drill in self.listed(district_ids, enterprise_id, "planned", limit=100_000):
            found.setdefault(drill.enterprise_id, drill)
        return found


class TrainingRepository(Repository[Training]):
    table = "training"
    record_type = Training

    def validate(self, record: Training) -> Training:
        date.fromisoformat(record.held_on)
        if record.hours < 0 or record.attendees < 0:
            raise ValueError(say("学时和人数不能为负", "training: hours and attendees must not be negative"))
        ids = list(dict.fromkeys(record.enterprise_ids or ([record.enterprise_id] if record.enterprise_id else [])))
        return dataclasses.replace(record, enterprise_ids=ids, enterprise_id=ids[0] if ids else None)

    def in_period(self, start: date, end: date, district_ids: list[str] | None,
                  enterprise_id: str | None, as_of: date | None = None) -> list[Training]:
        """Sessions held from `start` to `end` (inclusive) that someone with this scope sees, newest first.

        Office-wide sessions (no district, no enterprise) are seen by everyone; a district-wide one by
        its district; one for enterprises by whoever sees any of them — in the district each was in at the end of
        `as_of` (a past period's figures do not follow an enterprise that moved since).
        """
        params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
        if enterprise_id is not None:
            params["own"] = enterprise_id
            params["own_district"] = self.db.conn.execute(
                "SELECT district_id FROM enterprise WHERE id = ?", (enterprise_id,)).fetchone()[0]
            scope = ("EXISTS (SELECT 1 FROM json_each(t.enterprise_ids) j WHERE j.value = :own)"
                     " OR (t.enterprise_ids = '[]' AND (t.district_id IS NULL OR t.district_id = :own_district))")
        elif district_ids is None:
            scope = "1"
        else:
            marks = []
            for index, district_id in enumerate(district_ids):
                params[f"d{index}"] = district_id
                marks.append(f":d{index}")
            inside = ", ".join(marks) or "NULL"
            params["moved"] = json.dumps(districts_left_after(self.db, as_of) if as_of is not None else {})
            scope = (f"(t.enterprise_ids = '[]' AND (t.district_id IS NULL OR t.district_id IN ({inside})))"
                     " OR EXISTS (SELECT 1 FROM json_each(t.enterprise_ids) j JOIN enterprise e ON e.id = j.value"
                     f" WHERE coalesce(json_extract(:moved, '$.\"' || e.id || '\"'), e.district_id) IN ({inside}))")
        rows = self.db.conn.execute(
            f"SELECT t.* FROM training t WHERE t.deleted = 0 AND t.held_on BETWEEN :start AND :end AND ({scope})"
            " ORDER BY t.held_on DESC, t.id", params)
        return [record_from_row(Training, row) for row in rows]


class IncidentRepository(Repository[Incident]):
    table = "incident"
    record_type = Incident

    def validate(self, record: Incident) -> Incident:
        grade_accident(record.deaths, record.serious_injuries, record.direct_loss_yuan)  # raises on bad input
        return record

    @staticmethod
    def grade(record: Incident) -> AccidentGrade:
        """Derived from deaths, serious injuries and loss (国务院令第493号 art. 3); never stored."""
        return grade_accident(record.deaths, record.serious_injuries, record.direct_loss_yuan)

    def between(self, start: str, end: str) -> list[Incident]:
        return self._select("deleted = 0 AND occurred_at >= ? AND occurred_at < ?", (start, end),
                            order="occurred_at")

    def in_scope(self, start: date, end: date, district_ids: list[str] | None, enterprise_id: str | None,
                 liable_only: bool = False) -> list[Incident]:
        """Incidents from `start` to `end` (inclusive days, local time as recorded) in a scope, oldest first."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()}
        where = ("deleted = 0 AND occurred_at >= :start AND occurred_at < :end AND "
                 + scope_clause(district_ids, enterprise_id, "incident", params))
        if liable_only:
            where += " AND liable = 1"
        return self._select(where, params, order="occurred_at, id")


class CampaignRepository(Repository[Campaign]):
    table = "campaign"
    record_type = Campaign

    def validate(self, record: Campaign) -> Campaign:
        if not record.name.strip():
            raise ValueError(say("活动名称不能为空", "campaign name: must not be empty"))
        kind = parse_campaign_kind(record.kind)
        if date.fromisoformat(record.ends_on) < date.fromisoformat(record.starts_on):
            raise ValueError(say("结束日期早于开始日期", "campaign ends_on: ends before it starts"))
        targets = CampaignTargets.from_dict(record.targets)
        return dataclasses.replace(record, name=record.name.strip(), kind=kind.value, targets=targets.to_dict())

    def active(self) -> list[Campaign]:
        """Every campaign not deleted, newest first (a handful a year)."""
        return self._select("deleted = 0", order="starts_on DESC")

    def running_on(self, day: date) -> list[Campaign]:
        return self._select("deleted = 0 AND starts_on <= :day AND ends_on >= :day", {"day": day.isoformat()},
                            order="starts_on, name")

    @staticmethod
    def _target_clause(targets: CampaignTargets, params: dict[str, Any]) -> str:
        """SQL over enterprise `e` for the target rule (domain/campaigns.py says what it means)."""
        def listed(column: str, key: str, values: tuple) -> str:
            names = []
            for index, value in enumerate(values):
                params[f"{key}{index}"] = value
                names.append(f":{key}{index}")
            return f"e.{column} IN ({', '.join(names)})"

        named = listed("id", "t_e", targets.enterprise_ids) if targets.enterprise_ids else "0"
        if not targets.has_filter:
            return "1" if not targets.enterprise_ids else named
        parts = [listed(column, key, values) for column, key, values in (
            ("district_id", "t_d", targets.district_ids), ("industry", "t_i", targets.industries),
            ("risk_class", "t_r", targets.risk_classes)) if values]
        return f"(({' AND '.join(parts)}) OR {named})"

    def target_ids(self, campaign: Campaign, district_ids: list[str] | None,
                   enterprise_id: str | None) -> list[str]:
        params: dict[str, Any] = {}
        rule = self._target_clause(CampaignTargets.from_dict(campaign.targets), params)
        scope = scope_clause(district_ids, None, "e", params)
        if enterprise_id is not None:
            params["own"] = enterprise_id
            scope = "e.id = :own"
        rows = self.db.conn.execute(
            f"SELECT e.id FROM enterprise e WHERE e.deleted = 0 AND {rule} AND {scope} ORDER BY e.name", params)
        return [row[0] for row in rows]

    def inspected_targets(self, campaign: Campaign, as_of: date, district_ids: list[str] | None,
                          enterprise_id: str | None) -> set[str]:
        """Targets with a submitted inspection started in the period up to `as_of` that counts for it.

        It counts when it was linked to the campaign, or when it is not a self-inspection and (if the
        campaign names checklists) used one of its checklists, in any version.
        """
        params: dict[str, Any] = {"campaign": campaign.id, "start": campaign.starts_on}
        last = min(date.fromisoformat(campaign.ends_on), as_of)
        params["end"] = (last + timedelta(days=1)).isoformat()
        rule = self._target_clause(CampaignTargets.from_dict(campaign.targets), params)
        scope = scope_clause(district_ids, enterprise_id, "i", params)
        codes = [checklist_id.split("@")[0] for checklist_id in campaign.checklist_ids]
        if codes:
            for index, code in enumerate(codes):
                params[f"c{index}"] = code
            used = ("substr(i.checklist_id, 1, instr(i.checklist_id, '@') - 1) IN ("
                    + ", ".join(f":c{index}" for index in range(len(codes))) + ")")
        else:
            used = "1"
        rows = self.db.conn.execute(
            "SELECT DISTINCT i.enterprise_id FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id"
            " WHERE i.status = 'submitted' AND i.started_at >= :start AND i.started_at < :end"
            f" AND e.deleted = 0 AND {rule} AND {scope}"
            f" AND (i.campaign_id = :campaign OR (i.kind != 'self_inspection' AND {used}))", params)
        return {row[0] for row in rows}

    def hazard_counts(self, campaign_id: str, as_of: date, district_ids: list[str] | None,
                      enterprise_id: str | None) -> dict[str, tuple[int, int]]:
        """Hazards found in the campaign up to `as_of`, per grade: (found, closed by `as_of`)."""
        params: dict[str, Any] = {"campaign": campaign_id, "as_of": as_of.isoformat(),
                                  "next": (as_of + timedelta(days=1)).isoformat()}
        scope = scope_clause(district_ids, enterprise_id, "h", params)
        rows = self.db.conn.execute(
            "SELECT h.grade, count(*), sum(s.status = '已销号' AND s.closed_at < :next)"
            " FROM hazard h LEFT JOIN hazard_state s ON s.hazard_id = h.id"
            f" WHERE h.deleted = 0 AND h.campaign_id = :campaign AND h.found_on <= :as_of AND {scope}"
            " GROUP BY h.grade", params)
        return {row[0]: (row[1], row[2] or 0) for row in rows}
