"""Changes as sync sees them: every cell with the clock that wrote it; export and last-writer-wins apply."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from safety_desk.store.database import PER_FIELD, SYNC_MODE, WHOLE_ROW, Database, field_clocks

# Parents before children, so foreign keys hold while a change set is applied in one pass.
TABLE_ORDER = ("office", "device", "person", "district", "enterprise", "district_member", "checklist",
               "campaign", "inspection", "answer", "notice", "drill", "hazard", "hazard_event",
               "training", "incident", "photo")


@dataclass(frozen=True)
class Change:
    """One cell (or, for records written whole, one row) and the clock and author that wrote it."""

    table: str
    row_id: str
    field: str
    clock: str
    author: str
    value: Any


def export_changes(db: Database, after_clock: str = "") -> Iterator[Change]:
    """Every cell written after `after_clock` (all, by default), with its current value."""
    rows = db.conn.execute("SELECT tbl, row_id, clocks FROM row_clock WHERE max_clock > ? ORDER BY max_clock",
                           (after_clock,))
    for table, row_id, clocks in rows.fetchall():
        current = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if current is None:
            continue
        for field, (clock, author) in sorted(field_clocks(clocks).items()):
            if clock <= after_clock:
                continue
            value = {k: current[k] for k in current.keys()} if field == WHOLE_ROW else current[field]
            yield Change(table, row_id, field, clock, author, value)


def apply_changes(db: Database, changes: Iterable[Change]) -> int:
    """Apply changes in one transaction; per cell the later (clock, device) wins. Returns cells applied.

    Applying the same changes twice, or in another order, gives the same rows.
    """
    from safety_desk.store.hazards import HazardRepository

    order = {table: i for i, table in enumerate(TABLE_ORDER)}
    pending = sorted(changes, key=lambda c: (order[c.table], c.row_id, c.field, c.clock))
    applied = 0
    touched_hazards: set[str] = set()
    with db.transaction():
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        for (table, row_id), group in itertools.groupby(pending, key=lambda c: (c.table, c.row_id)):
            count = _apply_row(db, table, row_id, list(group))
            applied += count
            if count and table == "hazard_event":
                touched_hazards.add(db.conn.execute("SELECT hazard_id FROM hazard_event WHERE id = ?",
                                                    (row_id,)).fetchone()[0])
        if applied:
            db.audit_event("apply_changes", "*", None, None, {"cells": applied})
        hazards = HazardRepository(db)
        for hazard_id in sorted(touched_hazards):
            hazards.refresh_state(hazard_id)
    return applied


def _apply_row(db: Database, table: str, row_id: str, changes: list[Change]) -> int:
    """Apply the winning changes to one row: the latest per field, and only if newer than ours."""
    stored = db.conn.execute("SELECT clocks FROM row_clock WHERE tbl = ? AND row_id = ?",
                             (table, row_id)).fetchone()
    clocks = json.loads(stored[0]) if stored else {}
    known = field_clocks(stored[0]) if stored else {}
    latest: dict[str, Change] = {}
    for change in changes:
        if change.field not in latest or change.clock > latest[change.field].clock:
            latest[change.field] = change
    winners = [c for c in latest.values()
               if c.clock > known.get(c.field, known.get(WHOLE_ROW, ("", "")))[0]]
    if not winners:
        return 0
    exists = db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
    if winners[0].field == WHOLE_ROW:
        row = dict(winners[0].value)
    else:
        row = {c.field: c.value for c in winners}
    if exists:
        assignments = ", ".join(f"{column} = :{column}" for column in row if column != "id")
        db.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = :id", {**row, "id": row_id})
    else:
        row = {"id": row_id, **row}
        placeholders = ", ".join(f":{c}" for c in row)
        db.conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({placeholders})", row)
    for change in winners:
        key = f"{change.clock} {change.author}"
        if SYNC_MODE[table] == PER_FIELD:
            for written_key in list(clocks):
                clocks[written_key] = [f for f in clocks[written_key] if f != change.field]
                if not clocks[written_key]:
                    del clocks[written_key]
            clocks[key] = sorted(set(clocks.get(key, [])) | {change.field})
        else:
            clocks = {key: [WHOLE_ROW]}
        db.clock.observe(change.clock)
    top = max(c.clock for c in winners)
    db.conn.execute(
        "INSERT INTO row_clock (tbl, row_id, clocks, max_clock) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = excluded.clocks,"
        " max_clock = max(row_clock.max_clock, excluded.max_clock)",
        (table, row_id, json.dumps(clocks, ensure_ascii=False), top))
    return len(winners)
