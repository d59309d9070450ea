"""Hazard states as of the end of a past Beijing day: the fold of each hazard's events up to then, as a temp table."""

from __future__ import annotations

import itertools
import weakref
from datetime import date, datetime, timedelta

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.clock import end_of_day
from safety_desk.domain.hazard_status import HazardEventFact, HazardEventKind, fold_hazard_events
from safety_desk.store.database import Database

CURRENT = "hazard_state"

# Event times are ISO text with an offset (Beijing on every honest device). Text comparison is only safe
# away from the boundary, so events within a day either side of it are folded by their parsed time.
_MARGIN = timedelta(days=1)

# Per database: (as_of, event log mark) -> temp table already filled, so the dozen queries of one summary
# fold once. The event log is append-only: its largest rowid and the connection's data version move
# with every new event, here or from another connection.
_built: "weakref.WeakKeyDictionary[Database, dict[date, tuple[tuple[int, int], str]]]" = weakref.WeakKeyDictionary()


def state_table(db: Database, as_of: date) -> str:
    """The table to read hazard states from for figures as of the end of `as_of`.

    Today or later: hazard_state itself (the fast path; it already is the fold of every event). A past day: a
    temp table with hazard_state's columns and indexes holding, for each hazard registered by then, the fold
    of its events up to the end of that day — hazards registered later have no row, so an inner join leaves
    them out. Only hazards with events near or after the end are folded again; the others' rows are copied.
    """
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    if as_of >= db.wall.today():
        return CURRENT
    # The audit log's last entry moves with every write here, a district move (hazard.district_id) too.
    mark = tuple(db.conn.execute(
        "SELECT coalesce((SELECT max(rowid) FROM hazard_event), 0), (SELECT data_version FROM pragma_data_version),"
        " coalesce((SELECT max(seq) FROM audit), 0)"
    ).fetchone())
    tables = _built.setdefault(db, {})
    known = tables.get(as_of)
    if known is not None and known[0] == mark:
        return known[1]
    name = f"hazard_state_as_of_{as_of.strftime('%Y%m%d')}"
    # A worker's read-only connection (Database.reader) forbids even temp tables; they never touch the file.
    read_only = db.conn.execute("PRAGMA query_only").fetchone()[0]
    if read_only:
        db.conn.execute("PRAGMA query_only = OFF")
    try:
        # One savepoint: the temp writes in autocommit would each be a transaction of their own.
        db.conn.execute("SAVEPOINT hazard_state_as_of")
        try:
            _fill(db, name, as_of)
        except BaseException:
            db.conn.execute("ROLLBACK TO hazard_state_as_of")
            raise
        finally:
            db.conn.execute("RELEASE hazard_state_as_of")
    finally:
        if read_only:
            db.conn.execute("PRAGMA query_only = ON")
    tables[as_of] = (mark, f"temp.{name}")
    return f"temp.{name}"


def district_column(db: Database, as_of: date | None, alias: str = "h") -> str:
    """SQL for the district a hazard (`alias`) was in at the end of `as_of`: a hazard follows its enterprise when
    the enterprise moves (store/enterprises.py), and a past period's district figures are those of its end."""
    column = f"{alias}.district_id"
    if as_of is None:
        return column
    table = state_table(db, as_of)
    if table == CURRENT or not db.conn.execute(f"SELECT 1 FROM {table}_moved LIMIT 1").fetchone():
        return column
    return f"coalesce((SELECT m.district_id FROM {table}_moved m WHERE m.hazard_id = {alias}.id), {column})"


def registered(table: str, column: str = "h.id") -> str:
    """SQL true for a hazard (`column`) that has a state in `table`: registered by the end of its day."""
    return f"{column} IN (SELECT hazard_id FROM {table})"


def _fill(db: Database, name: str, as_of: date) -> None:
    end = end_of_day(as_of)
    low, high = (end - _MARGIN).isoformat(), (end + _MARGIN).isoformat()
    conn = db.conn
    # The copy (~30 MB on 200,000 hazards) must stay in memory: the temp schema's default 2 MB page cache
    # would spill it to a temp file and every query on it would read that back.
    conn.execute("PRAGMA temp.cache_size = -65536")
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute(f"CREATE TEMP TABLE {name} (hazard_id TEXT PRIMARY KEY, status TEXT NOT NULL, deadline TEXT,"
                 " rectified_at TEXT, closed_at TEXT) WITHOUT ROWID")
    # Hazards with an event near or after the end (one pass over the event log): folded again from their
    # events up to the end, read through the (hazard_id, clock) index.
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}_later")
    conn.execute(f"CREATE TEMP TABLE {name}_later (hazard_id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute(f"INSERT OR IGNORE INTO temp.{name}_later SELECT hazard_id FROM hazard_event WHERE at >= ?",
                 (low,))
    # Copied in key order (hazard_state's own), so the copy appends: hazards whose events all lie before the
    # end keep this row, their state now is their state then.
    conn.execute(f"INSERT INTO temp.{name} SELECT hazard_id, status, deadline, rectified_at, closed_at"
                 f" FROM main.hazard_state WHERE hazard_id NOT IN (SELECT hazard_id FROM temp.{name}_later)"
                 " ORDER BY hazard_id")
    rows = conn.execute(
        f"SELECT e.hazard_id, e.kind, e.at, e.deadline FROM temp.{name}_later l"
        " JOIN hazard_event e ON e.hazard_id = l.hazard_id WHERE e.at < ? ORDER BY e.hazard_id, e.clock, e.id",
        (high,))
    folded = []
    for hazard_id, group in itertools.groupby(rows, key=lambda row: row[0]):
        facts = []
        for _hazard, kind, at, deadline in group:
            moment = datetime.fromisoformat(at)
            if moment.tzinfo is None:  # an event written without an offset was written in Beijing time
                moment = moment.replace(tzinfo=BEIJING)
            if moment <= end:
                facts.append(HazardEventFact(kind=HazardEventKind(kind), at=moment,
                                             deadline=date.fromisoformat(deadline) if deadline else None))
        if any(fact.kind == HazardEventKind.CREATED for fact in facts):
            state = fold_hazard_events(facts)
            folded.append((state.status.value, state.deadline.isoformat() if state.deadline else None,
                           state.rectified_at.isoformat() if state.rectified_at else None,
                           state.closed_at.isoformat() if state.closed_at else None, hazard_id))
    # A hazard not registered by the end of the day (its created event came later) gets no row.
    conn.executemany(f"INSERT INTO temp.{name} (status, deadline, rectified_at, closed_at, hazard_id)"
                     " VALUES (?, ?, ?, ?, ?)", folded)
    conn.execute(f"DROP TABLE temp.{name}_later")
    # Hazards moved to another district after the end (their enterprise moved): the district they left, from the
    # first such move's audit entry (the audit log is append-only and keeps what each update replaced).
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}_moved")
    conn.execute(f"CREATE TEMP TABLE {name}_moved (hazard_id TEXT PRIMARY KEY, district_id TEXT) WITHOUT ROWID")
    conn.execute(f"INSERT OR IGNORE INTO temp.{name}_moved SELECT row_id, json_extract(before, '$.district_id')"
                 " FROM audit WHERE tbl = 'hazard' AND action = 'update' AND at > ? AND json_valid(before)"
                 " AND json_extract(before, '$.district_id') IS NOT NULL ORDER BY seq", (end.isoformat(),))
    # What the ledger and the statistics filter by, as on hazard_state (open and overdue, closed per week).
    conn.execute(f"CREATE INDEX temp.{name}_by_status ON {name} (status, deadline)")
    conn.execute(f"CREATE INDEX temp.{name}_by_closed ON {name} (closed_at) WHERE closed_at IS NOT NULL")
