"""The hazard ledger query: filtered, sorted pages of hazards with their status, straight from SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, Iterator

from safety_desk.domain.ledger import LedgerRow, LedgerValues
from safety_desk.store.codec import named_rows, records_of
from safety_desk.store.database import Database
from safety_desk.store.state_as_of import CURRENT, district_column, registered, state_table

RECTIFYING = ("待整改", "整改中")

# Days past the deadline while still being rectified, as of :as_of; dates are stored as ISO text.
_OVERDUE_DAYS = ("(CASE WHEN s.status IN ('待整改', '整改中') AND s.deadline < :as_of"
                 " THEN CAST(julianday(:as_of) - julianday(s.deadline) AS INTEGER) ELSE 0 END)")

# Past the deadline and still being rectified: what gives a hazard overdue days.
_OVERDUE_CONDITION = "(s.status IN ('待整改', '整改中') AND s.deadline < :as_of)"

# The sort keys that are not simply a LedgerRow field (any field sorts by its name too: _sort_expression).
# Only these expressions reach the ORDER BY clause, never user text.
SORT_COLUMNS: dict[str, str] = {
    "found_on": "h.found_on",
    "district": "d.name",
    "enterprise": "e.name",
    "grade": "h.grade",
    "description": "h.description",
    "location": "h.location",
    "status": "s.status",  # then by deadline (below): within a status, the most pressing first
    "deadline": "s.deadline",
    "overdue_days": _OVERDUE_DAYS,
    "source": "h.source",
    "notice": "n.number",
    "photo": "(h.photos != '[]')",
}


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger shows. `district_ids` is the scope (None: everywhere); the rest narrow it."""

    district_ids: list[str] | None = None
    enterprise_id: str | None = None
    district_id: str | None = None
    grade: str | None = None
    status: str | None = None
    open_only: bool = False  # every status but 已销号
    overdue_only: bool = False
    found_from: date | None = None
    found_to: date | None = None
    # Hazards still being rectified (待整改/整改中) whose deadline falls in this range: "due soon".
    deadline_from: date | None = None
    deadline_to: date | None = None
    closed_from: date | None = None  # the day it was closed (销号), for "closed per week"
    closed_to: date | None = None
    notice_ids: tuple[str, ...] | None = None  # only hazards on these notices
    campaign_id: str | None = None
    source: str | None = None
    text: str = ""


# Every table a sort expression may name, joined only when it is needed: joining 200,000 rows to a
# table nobody sorts or filters by costs more than the whole rest of the query.
_JOINS = {
    "s": " LEFT JOIN hazard_state s ON s.hazard_id = h.id",
    "e": " JOIN enterprise e ON e.id = h.enterprise_id",
    "d": " JOIN district d ON d.id = h.district_id",
    "n": " LEFT JOIN notice n ON n.id = h.notice_id",
    # The last re-inspection (verified or rejected) by the end of the as-of day, and who made it. Event times
    # are ISO text in Beijing time, so "before the next day" compares as text. Joined by rowid, not id: a
    # direct seek instead of a second index lookup per hazard (a tenth of a 200,000-row export's query).
    "v": " LEFT JOIN hazard_event v ON v.rowid = (SELECT x.rowid FROM hazard_event x WHERE x.hazard_id = h.id"
         " AND x.kind IN ('verified', 'rejected') AND x.at < date(:as_of, '+1 day') ORDER BY x.clock DESC LIMIT 1)"
         " LEFT JOIN person vp ON vp.id = v.by_id",
}
# Every filter on hazard_state rejects a missing state row, so with one the join can be inner: SQLite may
# then start from hazard_state's status index (open hazards: 20,000 rows) instead of every hazard.
_STATE_INNER = " JOIN hazard_state s ON s.hazard_id = h.id"
# The same, looked up for each hazard in the order the hazards are read (a walk down a sort index).
_STATE_CROSS = " CROSS JOIN hazard_state s ON s.hazard_id = h.id"
# Where each LedgerRow field comes from when it is not the hazard column of the same name.
_FIELD_SOURCES = {
    "hazard_id": "h.id", "enterprise_name": "e.name", "enterprise_uscc": "e.uscc", "district_name": "d.name",
    "district_code": "d.code", "status": "s.status", "deadline": "s.deadline", "overdue_days": _OVERDUE_DAYS,
    "rectified_at": "s.rectified_at", "closed_at": "s.closed_at", "notice_number": "n.number",
    "photo": "json_extract(h.photos, '$[0]')", "funding": "json_extract(h.treatment_plan, '$.funding')",
    "reinspected_by": "vp.name", "reinspected_at": "v.at", "reinspection_kind": "v.kind",
    "reinspection_reason": "nullif(v.reason, '')",
}
# field name -> SQL expression, for every LedgerRow field.
_FIELD_EXPRESSIONS = {f.name: _FIELD_SOURCES.get(f.name, f"h.{f.name}") for f in fields(LedgerRow)}
# Each field selected under its own name, in the record's order: rows are read by name (codec.records_of).
_ROW_COLUMNS = ", ".join(f"{expression} AS {name}" for name, expression in _FIELD_EXPRESSIONS.items())


# Sorts that hazard_state's indexes can deliver in order: (status, deadline, hazard_id) and (deadline, hazard_id).
_STATE_INDEXED = ("status", "deadline")


def _order(sort_column: str, expression: str, direction: str, tiebreak: str) -> str:
    """ORDER BY for a sort: the status sort goes on by deadline; ties are broken by hazard id, same way."""
    keys = [expression, "s.deadline"] if sort_column == "status" else [expression]
    return "ORDER BY " + ", ".join(f"{key} {direction}" for key in [*keys, tiebreak])


# Every place a query reads hazard states (always under the alias s): a past as-of day reads them from its fold.
_STATE_TABLE = re.compile(r"\bhazard_state(?= s\b)")


def _as_of_states(sql: str, table: str) -> str:
    """`sql` reading hazard states from `table` (hazard_state itself, or a past day's fold of the events)."""
    return sql if table == CURRENT else _STATE_TABLE.sub(table, sql)


# The shortest text the trigram indexes can find; one or two characters are searched with LIKE.
TRIGRAM = 3

# Sorts by a joined table's name: (table, alias, the hazard column that points at it).
_NAMED_BY = {"enterprise": ("enterprise", "e", "enterprise_id"), "district": ("district", "d", "district_id")}


def _wide(flt: LedgerFilter, *, by_status: bool = False) -> bool:
    """True when the filter keeps most hazards of its scope: nothing narrows it but districts (and, with
    `by_status`, open only or overdue only: about one hazard in ten each, spread over every sort key).

    Then a sort reads hazards in the sort key's own order and stops after the page; a narrower filter is
    better served from its own index, with the few rows it keeps sorted afterwards. One status is never wide:
    待复查 holds a few hundred hazards, and walking 200,000 to find them took 50-180 ms against 2 to sort them.
    """
    statuses = not flt.open_only and not flt.overdue_only
    return (flt.enterprise_id is None and flt.grade is None and flt.status is None and (by_status or statuses)
            and flt.notice_ids is None
            and flt.campaign_id is None and flt.source is None and not flt.text.strip()
            and all(getattr(flt, name) is None for name in ("found_from", "found_to", "deadline_from",
                                                            "deadline_to", "closed_from", "closed_to")))


def _escape_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class LedgerQuery:
    """Counts and pages of the hazard ledger; one SQL query each, never every row in memory."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _where(self, flt: LedgerFilter, as_of: date) -> tuple[str, dict[str, Any], bool]:
        """The WHERE clause, its parameters, and whether it names hazard_state (alias s)."""
        clauses = ["h.deleted = 0"]
        table = state_table(self.db, as_of)
        if table != CURRENT:
            # As of a past day: only hazards already created then (their fold has a row), whatever is filtered.
            clauses.append(registered(table))
        params: dict[str, Any] = {"as_of": as_of.isoformat()}
        district = district_column(self.db, as_of)  # as of a past day: where a moved enterprise's hazards were then
        if flt.district_ids is not None:
            if not flt.district_ids:
                clauses.append("0")
            else:
                names = []
                for index, district_id in enumerate(flt.district_ids):
                    params[f"scope{index}"] = district_id
                    names.append(f":scope{index}")
                clauses.append(f"{district} IN ({', '.join(names)})")
        simple = (("enterprise_id", "h.enterprise_id"), ("district_id", district), ("grade", "h.grade"),
                  ("status", "s.status"), ("campaign_id", "h.campaign_id"), ("source", "h.source"))
        for field_name, column in simple:
            value = getattr(flt, field_name)
            if value is not None:
                clauses.append(f"{column} = :{field_name}")
                params[field_name] = value
        if flt.notice_ids is not None:
            names = []
            for index, notice_id in enumerate(flt.notice_ids):
                params[f"notice{index}"] = notice_id
                names.append(f":notice{index}")
            clauses.append(f"h.notice_id IN ({', '.join(names)})" if names else "0")
        if flt.open_only:
            # Named statuses, not "!= 已销号": the positive list lets SQLite start from the status index.
            clauses.append("s.status IN ('待整改', '整改中', '待复查')")
        if flt.overdue_only:
            clauses.append("s.status IN ('待整改', '整改中') AND s.deadline < :as_of")
        # closed_at is a timestamp: "closed on or before day X" is "closed before day X + 1".
        ranges = (("found_from", "h.found_on >= :found_from", 0), ("found_to", "h.found_on <= :found_to", 0),
                  ("deadline_from", "s.deadline >= :deadline_from", 0),
                  ("deadline_to", "s.deadline <= :deadline_to", 0),
                  ("closed_from", "s.closed_at >= :closed_from", 0),
                  ("closed_to", "s.closed_at < :closed_to", 1))
        if flt.deadline_from is not None or flt.deadline_to is not None:
            clauses.append("s.status IN ('待整改', '整改中')")
        for field_name, clause, days_after in ranges:
            value = getattr(flt, field_name)
            if value is not None:
                clauses.append(clause)
                params[field_name] = (value + timedelta(days=days_after)).isoformat()
        needle = flt.text.strip()
        if len(needle) >= TRIGRAM:
            # The trigram indexes find a substring without reading every hazard (migration 0009); a quoted
            # phrase, its quotes doubled, so nothing typed is read as query syntax.
            params["text"] = '"' + needle.replace('"', '""') + '"'
            clauses.append("(h.rowid IN (SELECT rowid FROM hazard_text WHERE hazard_text MATCH :text)"
                           " OR h.enterprise_id IN (SELECT e.id FROM enterprise e WHERE e.rowid IN"
                           " (SELECT rowid FROM enterprise_text WHERE enterprise_text MATCH :text)))")
        elif needle:
            params["text"] = _escape_like(needle)
            # Matching enterprises first (2,000 rows) beats joining every hazard to its enterprise.
            clauses.append("(h.description LIKE :text ESCAPE '\\' OR h.location LIKE :text ESCAPE '\\'"
                           " OR h.enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE :text ESCAPE '\\'))")
        needs_state = (flt.status is not None or flt.open_only or flt.overdue_only
                       or any(getattr(flt, name) is not None
                              for name in ("deadline_from", "deadline_to", "closed_from", "closed_to")))
        return " AND ".join(clauses), params, needs_state

    def count(self, flt: LedgerFilter, as_of: date) -> int:
        where, params, needs_state = self._where(flt, as_of)
        join = _STATE_INNER if needs_state else ""
        sql = f"SELECT count(*) FROM hazard h{join} WHERE {where}"
        return self._execute(as_of, sql, params).fetchone()[0]

    def page(self, flt: LedgerFilter, as_of: date, sort_column: str = "found_on", descending: bool = True,
             offset: int = 0, limit: int = 200, total: int | None = None) -> list[LedgerRow]:
        """Rows offset .. offset+limit in the chosen order, ties broken by hazard id the same way.

        Given `total` (the count the caller holds), a page in the second half is read from the other end, in the
        opposite order, and turned round: OFFSET walks every row it skips, so the last page cost as much as
        sorting everything (120-390 ms on 200,000) and now costs what the first does. Every sort key and the id
        tie-break flip together, so the reversed order is exactly the reverse; so do the runs of the overdue-days
        and notice sorts, whose other end is the start of their other run.
        """
        if total is not None and offset + limit / 2 > total / 2:
            reverse_limit = max(0, min(limit, total - offset))
            rows = self.page(flt, as_of, sort_column, not descending, max(0, total - offset - limit),
                             reverse_limit)
            return rows[::-1]
        if sort_column == "overdue_days":
            return self._overdue_page(flt, as_of, descending, int(offset), int(limit))
        if sort_column == "notice":
            return self._notice_page(flt, as_of, descending, int(offset), int(limit))
        expression = self._sort_expression(sort_column)
        where, params, needs_state = self._where(flt, as_of)
        direction = "DESC" if descending else "ASC"
        order = _order(sort_column, expression, direction, "h.id")
        params["limit"], params["offset"] = int(limit), int(offset)
        # Two steps: sort only the hazards' rowids and sort keys, then read whole rows for the page.
        # Carrying every column of 200,000 rows through the sorter costs several times the sort itself.
        if sort_column in _STATE_INDEXED and self._every_hazard_has_state():
            # Read hazard_state in the order of its (status, deadline) or (deadline) index and stop after
            # the page: no sort at all. Only when every hazard has its state row, which is the rule once a
            # hazard's created event is in (the LEFT JOIN below keeps the others in the list meanwhile).
            # Under a wide filter (districts, open or overdue) CROSS JOIN keeps that order: the planner would take
            # the districts' hazards from their index and sort them all.
            join = "CROSS JOIN" if _wide(flt, by_status=True) else "JOIN"
            picked = (f"SELECT h.rowid FROM hazard_state s {join} hazard h ON h.id = s.hazard_id WHERE {where}"
                      f" {_order(sort_column, expression, direction, 's.hazard_id')} LIMIT :limit OFFSET :offset")
        elif sort_column in _NAMED_BY and _wide(flt, by_status=True):
            # Sorting every hazard by its enterprise's or district's name: walk the names in their index's order
            # and each one's hazards from the hazard index (then its state, for a status filter), so SQLite sorts
            # only the ids within one name and stops after the page (200,000 rows sorted took 70-190 ms, the
            # 20,000 open ones 60). CROSS JOIN fixes that loop order; with a narrowing filter the planner's own
            # order (filter first, sort the few) is the better one.
            table, alias, column = _NAMED_BY[sort_column]
            picked = (f"SELECT h.rowid FROM {table} {alias} CROSS JOIN hazard h ON {alias}.id = h.{column}"
                      f"{_STATE_CROSS if needs_state else ''} WHERE {where} {order} LIMIT :limit OFFSET :offset")
        elif sort_column == "found_on" and _wide(flt) and (flt.district_ids or flt.district_id is not None):
            # An inspector's ledger as it opens: their districts, newest first. SQLite would take every hazard of
            # the districts from the district index and sort them (29,000 for three: 25 ms); the found-date index
            # holds the district and the tombstone too, so walking it newest first fills the page from the index
            # alone, and even a district with no hazard costs one pass over it.
            picked = (f"SELECT h.rowid FROM hazard h INDEXED BY hazard_sort_found WHERE {where} {order}"
                      " LIMIT :limit OFFSET :offset")
        elif needs_state and expression.startswith(("h.", "(h.")) and _wide(flt, by_status=True):
            # Open or overdue hazards sorted by a hazard column: walk that column's index and look each
            # hazard's state up until the page is full. Starting from the status index instead read every open
            # hazard (20,000) and sorted them: 40-70 ms for the first page, now 1-5 ms.
            picked = f"SELECT h.rowid FROM hazard h{_STATE_CROSS} WHERE {where} {order} LIMIT :limit OFFSET :offset"
        else:
            sort_alias = expression.split(".")[0] if sort_column != "overdue_days" else "s"
            inner_joins = "".join((_STATE_INNER if alias == "s" and needs_state else join)
                                  for alias, join in _JOINS.items()
                                  if alias == sort_alias or alias == "s" and needs_state)
            picked = (f"SELECT h.rowid FROM hazard h{inner_joins} WHERE {where} {order}"
                      " LIMIT :limit OFFSET :offset")
        sql = (f"SELECT {_ROW_COLUMNS} FROM hazard h{''.join(_JOINS.values())}"
               f" WHERE h.rowid IN ({picked}) {order}")
        return list(records_of(LedgerRow, self._execute(as_of, sql, params)))

    def _overdue_page(self, flt: LedgerFilter, as_of: date, descending: bool, offset: int,
                      limit: int) -> list[LedgerRow]:
        """The overdue-days sort as two runs, neither needing a sort of every hazard.

        Overdue hazards (days > 0) come from hazard_state's (status, deadline) index: most days overdue is the
        earliest deadline. Every other hazard has 0 days, so among them only the id orders, and the id index
        gives that in order. Descending: the overdue run, then the rest; ascending: the rest, then the overdue
        run reversed. Same rows, same order as sorting by the overdue-days expression.
        """
        where, params, needs_state = self._where(flt, as_of)
        direction = "DESC" if descending else "ASC"
        # Under a wide filter the runs are read in their order and stop after the page: the overdue hazards from
        # the state index, and (with no status filter) the rest down the id index, which hazard_state_keys orders
        # and which also holds the tombstone and district. With a status filter the rest are the hazards not yet
        # overdue, the newest ids: walking up from the oldest would read nearly every hazard to find them.
        by_state = _wide(flt, by_status=True)
        overdue_sql = (f"SELECT h.rowid FROM hazard_state s {'CROSS JOIN' if by_state else 'JOIN'} hazard h"
                       f" ON h.id = s.hazard_id WHERE {where} AND {_OVERDUE_CONDITION}"
                       f" ORDER BY s.deadline {'ASC' if descending else 'DESC'}, h.id {direction}")
        join = _STATE_INNER if needs_state else _JOINS["s"]
        rest_sql = (f"SELECT h.rowid FROM hazard h{' INDEXED BY hazard_state_keys' if _wide(flt) else ''}{join}"
                    f" WHERE {where} AND NOT coalesce({_OVERDUE_CONDITION}, 0) ORDER BY h.id {direction}")
        runs = [overdue_sql, rest_sql] if descending else [rest_sql, overdue_sql]
        return self._rows_in_order(as_of, self._runs_page(as_of, runs, params, offset, limit))

    def _notice_page(self, flt: LedgerFilter, as_of: date, descending: bool, offset: int,
                     limit: int) -> list[LedgerRow]:
        """The notice-number sort as two runs: hazards on no notice (a NULL number: first ascending, last
        descending) by id, and hazards on a notice by its number, read in the notice number index's order.

        Notice numbers are unique, so walking notices in number order and each one's hazards sorts only the
        few hazards of one notice; sorting 200,000 joined rows took 200 ms. Same rows and order as ORDER BY
        n.number, h.id over the LEFT JOIN.
        """
        where, params, needs_state = self._where(flt, as_of)
        direction = "DESC" if descending else "ASC"
        # The loop order is fixed only for a wide filter, as for the enterprise and district sorts (page()).
        wide = _wide(flt, by_status=True)
        state = (_STATE_CROSS if wide else _STATE_INNER) if needs_state else ""
        # Each notice's hazards from the notice index, named: with a district filter SQLite took the district's
        # index instead and read the district's 11,000 hazards once per notice (2.6 s).
        notice_join = ("notice n CROSS JOIN hazard h INDEXED BY hazard_by_notice" if wide
                       else "hazard h JOIN notice n")
        on_notice = (f"SELECT h.rowid FROM {notice_join} ON n.id = h.notice_id{state}"
                     f" WHERE {where} AND h.notice_id IS NOT NULL ORDER BY n.number {direction}, h.id {direction}")
        on_none = (f"SELECT h.rowid FROM hazard h{state} WHERE {where} AND h.notice_id IS NULL"
                   f" ORDER BY h.id {direction}")
        runs = [on_notice, on_none] if descending else [on_none, on_notice]
        return self._rows_in_order(as_of, self._runs_page(as_of, runs, params, offset, limit))

    def _runs_page(self, as_of: date, runs: list[str], params: dict[str, Any], offset: int,
                   limit: int) -> list[int]:
        """The rowids at offset .. offset+limit of the ordered runs one after another.

        A run is counted only when the page starts past its end (it gives no row at its offset): a run that
        ends inside the page says its own length, so the first page never counts anything.
        """
        picked: list[int] = []
        skip = offset
        for index, run in enumerate(runs):
            rows = [row[0] for row in self._execute(as_of, f"{run} LIMIT :limit OFFSET :offset",
                                                    {**params, "limit": limit - len(picked), "offset": skip})]
            picked += rows
            if len(picked) >= limit or index == len(runs) - 1:
                break
            skip = 0 if rows else skip - self._execute(as_of, f"SELECT count(*) FROM ({run})",
                                                       params).fetchone()[0]
        return picked

    def _rows_in_order(self, as_of: date, picked: list[int]) -> list[LedgerRow]:
        """Whole ledger rows for hazard rowids, in the order given."""
        if not picked:
            return []
        wanted = {f"r{index}": rowid for index, rowid in enumerate(picked)}
        rows = named_rows(self._execute(as_of,
            f"SELECT h.rowid AS picked_rowid, {_ROW_COLUMNS} FROM hazard h{''.join(_JOINS.values())}"
            f" WHERE h.rowid IN ({', '.join(':' + name for name in wanted)})",
            {**wanted, "as_of": as_of.isoformat()}))
        by_rowid = {row.pop("picked_rowid"): LedgerRow(**row) for row in rows}
        return [by_rowid[rowid] for rowid in picked if rowid in by_rowid]

    def _execute(self, as_of: date, sql: str, params: dict[str, Any]):
        """Run `sql` reading hazard states, and the district each hazard was in, as of the end of `as_of`."""
        district = district_column(self.db, as_of)
        if district != "h.district_id":  # a hazard moved with its enterprise since: named by the district it left
            sql = sql.replace(_JOINS["d"], f" JOIN district d ON d.id = {district}")
        return self.db.conn.execute(_as_of_states(sql, state_table(self.db, as_of)), params)

    def _every_hazard_has_state(self) -> bool:
        # A state row exists only for a hazard (foreign key), so equal counts mean none is missing.
        row = self.db.conn.execute("SELECT (SELECT count(*) FROM hazard) = (SELECT count(*) FROM hazard_state)")
        return bool(row.fetchone()[0])

    def every_row(self, flt: LedgerFilter, as_of: date, sort_column: str = "found_on",
                  descending: bool = True) -> Iterator[LedgerRow]:
        """Every matching row in order, streamed from one query (exports and the command line)."""
        where, params, _needs_state = self._where(flt, as_of)
        direction = "DESC" if descending else "ASC"
        sql = (f"SELECT {_ROW_COLUMNS} FROM hazard h{''.join(_JOINS.values())} WHERE {where}"
               f" {_order(sort_column, self._sort_expression(sort_column), direction, 'h.id')}")
        yield from records_of(LedgerRow, self._execute(as_of, sql, params))

    def every_value_row(self, flt: LedgerFilter, as_of: date, sort_column: str = "found_on",
                        descending: bool = True) -> Iterator[LedgerValues]:
        """every_row's rows as named tuples, straight from the cursor's tuples (the export: 200,000 rows)."""
        where, params, _needs_state = self._where(flt, as_of)
        direction = "DESC" if descending else "ASC"
        sql = (f"SELECT {_ROW_COLUMNS} FROM hazard h{''.join(_JOINS.values())} WHERE {where}"
               f" {_order(sort_column, self._sort_expression(sort_column), direction, 'h.id')}")
        cursor = self.db.conn.cursor()
        cursor.row_factory = None  # plain tuples: sqlite3.Row objects would be built only to be copied
        yield from map(LedgerValues._make, cursor.execute(_as_of_states(sql, state_table(self.db, as_of)), params))

    @staticmethod
    def _sort_expression(sort_column: str) -> str:
        """The ORDER BY expression of a sort key: one of SORT_COLUMNS, or any LedgerRow field by its name."""
        expression = SORT_COLUMNS.get(sort_column) or _FIELD_EXPRESSIONS.get(sort_column)
        if expression is None:
            raise ValueError(f"ledger sort: unknown column {sort_column!r}")
        return expression

    def first_page(self, flt: LedgerFilter, as_of: date, sort_column: str = "found_on", descending: bool = True,
                   limit: int = 200) -> tuple[list[LedgerRow], int]:
        """The first page and the count; a short first page is the whole result, so no count query runs.

        A rare search term makes both queries scan every hazard; this way it scans them once.
        """
        rows = self.page(flt, as_of, sort_column, descending, 0, limit)
        return rows, len(rows) if len(rows) < limit else self.count(flt, as_of)
