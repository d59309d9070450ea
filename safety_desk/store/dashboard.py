"""Grouped counts for the dashboard: hazards per week and district, coverage and worst colour per enterprise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safety_desk.store.codec import records_of
from safety_desk.store.database import Database
from safety_desk.store.state_as_of import CURRENT, district_column, registered, state_table

# The worst open hazard of an enterprise, as a colour of the four-colour overview (红橙黄蓝):
# an open 重大 hazard is red, an overdue 一般 one orange, any other open hazard yellow, none blue.
_COLOUR = ("CASE WHEN max(h.grade = '重大') THEN 'red'"
           " WHEN max(s.status IN ('待整改', '整改中') AND s.deadline < :as_of) THEN 'orange'"
           " ELSE 'yellow' END")


@dataclass(frozen=True)
class EnterpriseMark:
    """One enterprise of a dashboard list, with the figure it is listed for (a colour, a date)."""

    enterprise_id: str
    name: str
    district_id: str
    district_name: str
    mark: str


# EnterpriseMark's fields but the mark, read by name (e: enterprise, d: its district).
_MARK_COLUMNS = "e.id AS enterprise_id, e.name AS name, e.district_id AS district_id, d.name AS district_name"


def scope_where(district_ids: list[str] | None, enterprise_id: str | None, params: dict[str, Any],
           alias: str = "h", district: str | None = None) -> str:
    """The WHERE fragment limiting `alias` rows to some districts (None: all) and maybe one enterprise; `district`
    is the SQL of a row's district when not its district_id column (a hazard's as of a past day)."""
    clauses = []
    if district_ids is not None:
        names = []
        for index, district_id in enumerate(district_ids):
            params[f"scope{index}"] = district_id
            names.append(f":scope{index}")
        clauses.append(f"{district or alias + '.district_id'} IN ({', '.join(names)})" if names else "0")
    if enterprise_id is not None:
        params["enterprise_id"] = enterprise_id
        clauses.append(f"{alias}.{'id' if alias == 'e' else 'enterprise_id'} = :enterprise_id")
    return "".join(f" AND {clause}" for clause in clauses)


class DashboardQuery:
    """Counts grouped by week, district or enterprise, each equal to a ledger or list filter's count."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _states(self, as_of: date | None) -> str:
        """Where hazard states are read: hazard_state now, or the fold of the events up to a past day's end."""
        return CURRENT if as_of is None else state_table(self.db, as_of)

    def found_per_week(self, district_ids: list[str] | None, enterprise_id: str | None,
                       first_monday: date, weeks: int, as_of: date | None = None) -> list[int]:
        """Hazards found in each of `weeks` weeks starting on `first_monday` (not deleted), among those
        already registered at the end of `as_of` (None: now)."""
        states = self._states(as_of)
        known = "" if states == CURRENT else f" AND {registered(states)}"
        params: dict[str, Any] = {"start": first_monday.isoformat(),
                                  "end": (first_monday + timedelta(weeks=weeks)).isoformat()}
        rows = self.db.conn.execute(
            "SELECT CAST((julianday(h.found_on) - julianday(:start)) / 7 AS INTEGER), count(*) FROM hazard h"
            f" WHERE h.deleted = 0 AND h.found_on >= :start AND h.found_on < :end{known}"
            f"{scope_where(district_ids, enterprise_id, params, district=district_column(self.db, as_of))}"
            " GROUP BY 1", params)
        return _per_week(rows, weeks)

    def closed_per_week(self, district_ids: list[str] | None, enterprise_id: str | None,
                        first_monday: date, weeks: int, as_of: date | None = None) -> list[int]:
        """Hazards closed (销号) in each week, by the day part of their closing time, and still closed at the end
        of `as_of` (None: now)."""
        params: dict[str, Any] = {"start": first_monday.isoformat(),
                                  "end": (first_monday + timedelta(weeks=weeks)).isoformat()}
        rows = self.db.conn.execute(
            "SELECT CAST((julianday(substr(s.closed_at, 1, 10)) - julianday(:start)) / 7 AS INTEGER), count(*)"
            f" FROM {self._states(as_of)} s JOIN hazard h ON h.id = s.hazard_id"
            " WHERE h.deleted = 0 AND s.closed_at >= :start AND s.closed_at < :end"
            f"{scope_where(district_ids, enterprise_id, params, district=district_column(self.db, as_of))}"
            " GROUP BY 1", params)
        return _per_week(rows, weeks)

    def open_by_district(self, district_ids: list[str] | None, enterprise_id: str | None,
                         as_of: date | None = None) -> dict[str, int]:
        """Open (not 已销号) hazards per district id, at the end of `as_of` (None: now)."""
        params: dict[str, Any] = {}
        district = district_column(self.db, as_of)
        rows = self.db.conn.execute(
            f"SELECT {district}, count(*) FROM hazard h JOIN {self._states(as_of)} s ON s.hazard_id = h.id"
            f" WHERE h.deleted = 0 AND s.status IN ('待整改', '整改中', '待复查')"
            f"{scope_where(district_ids, enterprise_id, params, district=district)} GROUP BY 1", params)
        return {district_id: count for district_id, count in rows}

    def enterprise_colours(self, district_ids: list[str] | None, enterprise_id: str | None,
                           as_of: date) -> list[EnterpriseMark]:
        """Every enterprise in scope with the colour of its worst open hazard ('blue' when none is open)."""
        params: dict[str, Any] = {"as_of": as_of.isoformat()}
        scope = scope_where(district_ids, enterprise_id, params, alias="e")
        rows = self.db.conn.execute(
            f"SELECT {_MARK_COLUMNS}, coalesce(w.colour, 'blue') AS mark FROM enterprise e"
            " JOIN district d ON d.id = e.district_id"
            f" LEFT JOIN (SELECT h.enterprise_id, {_COLOUR} AS colour FROM hazard h"
            "   JOIN hazard_state s ON s.hazard_id = h.id WHERE h.deleted = 0 AND s.status IN ('待整改', '整改中', '待复查')"
            "   GROUP BY h.enterprise_id) w ON w.enterprise_id = e.id"
            f" WHERE e.deleted = 0{scope} ORDER BY d.code, e.name", params)
        return list(records_of(EnterpriseMark, rows))

    def enterprise_coverage(self, district_ids: list[str] | None, enterprise_id: str | None,
                            start: date, end: date) -> list[EnterpriseMark]:
        """Every enterprise in scope, marked with the day of its last submitted office-side inspection
        begun in [start, end] ('' when none): 自查 does not count as coverage by the office."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()}
        scope = scope_where(district_ids, enterprise_id, params, alias="e")
        rows = self.db.conn.execute(
            f"SELECT {_MARK_COLUMNS}, coalesce(substr(max(i.started_at), 1, 10), '') AS mark"
            " FROM enterprise e JOIN district d ON d.id = e.district_id"
            " LEFT JOIN inspection i ON i.enterprise_id = e.id AND i.status = 'submitted'"
            "   AND i.kind != 'self_inspection' AND i.started_at >= :start AND i.started_at < :end"
            f" WHERE e.deleted = 0{scope} GROUP BY e.id ORDER BY d.code, e.name", params)
        return list(records_of(EnterpriseMark, rows))

    def inspections_between(self, district_ids: list[str] | None, enterprise_id: str | None,
                            start: date, end: date) -> list[str]:
        """Ids of inspections (drafts too) begun in [start, end], newest first."""
        params: dict[str, Any] = {"start": start.isoformat(), "end": (end + timedelta(days=1)).isoformat()}
        rows = self.db.conn.execute(
            "SELECT i.id FROM inspection i WHERE i.started_at >= :start AND i.started_at < :end"
            f"{scope_where(district_ids, enterprise_id, params, alias='i')} ORDER BY i.started_at DESC", params)
        return [row[0] for row in rows]


def _per_week(rows, weeks: int) -> list[int]:
    counts = [0] * weeks
    for index, count in rows:
        if 0 <= index < weeks:
            counts[index] = count
    return counts
