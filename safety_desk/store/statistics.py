"""Hazard statistics for a period (weekly summary, quarterly statistics): counts grouped by grade, status, key."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safety_desk.store.codec import named_rows
from safety_desk.store.dashboard import scope_where
from safety_desk.store.database import Database
from safety_desk.store.records import HazardTally
from safety_desk.store.state_as_of import district_column, state_table

# What a hazard row may be grouped by, and the name shown for the group.
_GROUPS = {
    "grade": ("h.grade", "h.grade"),
    "category": ("h.category", "h.category"),
    "enterprise": ("h.enterprise_id", "e.name"),
    "district": ("h.district_id", "d.name"),
}


def _tally(row: dict[str, Any]) -> HazardTally:
    """A tally from its named row: no key or name is '', a sum over no rows (NULL) is 0."""
    return HazardTally(**{name: value or ("" if name in ("key", "name") else 0) for name, value in row.items()})


class StatisticsQuery:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _found_between(self, district_ids: list[str] | None, enterprise_id: str | None, start: date, end: date,
                       as_of: date) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat(), "as_of": as_of.isoformat()}
        where = ("h.deleted = 0 AND h.found_on >= :start AND h.found_on <= :end"
                 + scope_where(district_ids, enterprise_id, params, district=district_column(self.db, as_of)))
        return where, params

    # Named as HazardTally's fields: the tally is read by name.
    _TALLY = ("count(*) AS found, sum(h.grade = '一般') AS general, sum(h.grade = '重大') AS major,"
              " sum(s.status = '已销号') AS closed, sum(s.status != '已销号') AS open,"
              " sum(s.status IN ('待整改', '整改中') AND s.deadline < :as_of) AS overdue")

    def tally(self, district_ids: list[str] | None, enterprise_id: str | None, start: date, end: date,
              as_of: date) -> HazardTally:
        """Hazards found in [start, end], with how many stand closed, open and overdue on `as_of`."""
        where, params = self._found_between(district_ids, enterprise_id, start, end, as_of)
        rows = named_rows(self.db.conn.execute(
            f"SELECT '' AS key, '' AS name, {self._TALLY} FROM hazard h JOIN {state_table(self.db, as_of)} s"
            " ON s.hazard_id = h.id"
            f" WHERE {where}", params))
        return _tally(next(rows))

    def tally_by(self, group: str, district_ids: list[str] | None, enterprise_id: str | None, start: date,
                 end: date, as_of: date) -> list[HazardTally]:
        """The same tally per category, enterprise or district, most hazards first."""
        key, name = _GROUPS[group]
        where, params = self._found_between(district_ids, enterprise_id, start, end, as_of)
        district = district_column(self.db, as_of)
        key = district if group == "district" else key
        rows = self.db.conn.execute(
            f"SELECT {key} AS key, {name} AS name, {self._TALLY}"
            f" FROM hazard h JOIN {state_table(self.db, as_of)} s ON s.hazard_id = h.id"
            f" JOIN enterprise e ON e.id = h.enterprise_id JOIN district d ON d.id = {district}"
            f" WHERE {where} GROUP BY {key} ORDER BY count(*) DESC, {name}", params)
        return [_tally(row) for row in named_rows(rows)]

    def status_counts(self, district_ids: list[str] | None, enterprise_id: str | None, start: date, end: date,
                      as_of: date) -> dict[str, int]:
        where, params = self._found_between(district_ids, enterprise_id, start, end, as_of)
        rows = self.db.conn.execute(f"SELECT s.status, count(*) FROM hazard h JOIN {state_table(self.db, as_of)} s"
                                    f" ON s.hazard_id = h.id WHERE {where} GROUP BY s.status", params)
        return dict(rows.fetchall())

    def closed_between(self, district_ids: list[str] | None, enterprise_id: str | None, start: date,
                       end: date, as_of: date | None = None) -> int:
        """Hazards closed (销号) in [start, end], whenever they were found, and still closed on `as_of` (the
        period's end unless given): a hazard closed in the period and reopened later counted as it stood then."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()}
        as_of = end if as_of is None else as_of
        where = "h.deleted = 0 AND s.closed_at >= :start AND s.closed_at < :end" + scope_where(
            district_ids, enterprise_id, params, district=district_column(self.db, as_of))
        table = state_table(self.db, as_of)
        return self.db.conn.execute(f"SELECT count(*) FROM hazard h JOIN {table} s ON s.hazard_id = h.id"
                                    f" WHERE {where}", params).fetchone()[0]

    def majors(self, district_ids: list[str] | None, enterprise_id: str | None, start: date, end: date,
               as_of: date) -> MajorHazardTally:
        """Major hazards new in [start, end], under treatment and listed on `as_of`, closed in the period."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat(),
                                  "end_next": (end + timedelta(days=1)).isoformat(), "as_of": as_of.isoformat()}
        where = "h.deleted = 0 AND h.grade = '重大' AND h.found_on <= :as_of" + scope_where(
            district_ids, enterprise_id, params, district=district_column(self.db, as_of))
        row = self.db.conn.execute(
            "SELECT count(CASE WHEN h.found_on >= :start AND h.found_on <= :end THEN 1 END),"
            " count(CASE WHEN s.status != '已销号' THEN 1 END),"
            " count(CASE WHEN s.closed_at >= :start AND s.closed_at < :end_next THEN 1 END),"
            " count(CASE WHEN s.status != '已销号' AND h.supervision_level IS NOT NULL THEN 1 END)"
            f" FROM hazard h JOIN {state_table(self.db, as_of)} s ON s.hazard_id = h.id WHERE {where}",
            params).fetchone()
        return MajorHazardTally(*row)


@dataclass(frozen=True)
class MajorHazardTally:
    """Major hazards (重大隐患) of a period, as they stood at its end (regulations.md §7.3)."""

    new: int  # found in the period
    under_treatment: int  # not closed at the end, whenever found
    closed: int  # closed (销号) in the period and still closed at its end
    supervised: int  # of those under treatment, listed for government supervision (挂牌督办)


@dataclass(frozen=True)
class InspectionWork:
    """The office's inspections in a period (self-inspections counted apart)."""

    inspections: int
    enterprises: int
    unannounced: int
    leader_visits: int  # inspections a district leader took part in (包片)
    inspector_days: int  # distinct (person, day) pairs in the field
    self_inspections: int


class WorkQuery:
    """Inspections and drills done in a period, for the weekly summary."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def inspection_work(self, district_ids: list[str] | None, enterprise_id: str | None, start: date,
                        end: date) -> InspectionWork:
        params: dict[str, Any] = {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()}
        where = ("i.status = 'submitted' AND i.started_at >= :start AND i.started_at < :end"
                 + scope_where(district_ids, enterprise_id, params, alias="i"))
        rows = self.db.conn.execute(
            f"SELECT i.kind, i.enterprise_id, i.lead_id, i.inspector_ids, substr(i.started_at, 1, 10)"
            f" FROM inspection i WHERE {where}", params).fetchall()
        leaders = {row[0] for row in self.db.conn.execute("SELECT id FROM person WHERE role = 'leader'")}
        office = [row for row in rows if row[0] != "self_inspection"]
        days = set()
        visits = 0
        for _kind, _enterprise, lead, inspector_ids, day in office:
            people = {lead, *json.loads(inspector_ids or "[]")} - {None}
            days.update((person, day) for person in people)
            visits += bool(people & leaders)
        return InspectionWork(inspections=len(office), enterprises=len({row[1] for row in office}),
                              unannounced=sum(row[0] == "unannounced" for row in office), leader_visits=visits,
                              inspector_days=len(days), self_inspections=len(rows) - len(office))

    def drills_held(self, district_ids: list[str] | None, enterprise_id: str | None, start: date,
                    end: date) -> list[tuple[str, str, str, int, str]]:
        """(day, enterprise name, drill name, participants, findings) of drills held in [start, end]."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
        where = ("r.deleted = 0 AND r.status = 'held' AND r.held_on >= :start AND r.held_on <= :end"
                 + scope_where(district_ids, enterprise_id, params, alias="r"))
        return self.db.conn.execute(
            "SELECT r.held_on, e.name, r.name, r.participants, r.findings FROM drill r"
            f" JOIN enterprise e ON e.id = r.enterprise_id WHERE {where} ORDER BY r.held_on, e.name",
            params).fetchall()
