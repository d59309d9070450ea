"""Changes as sync sees them: every cell with the clock that wrote it; export and last-writer-wins apply."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from safety_desk.store.database import PER_FIELD, SYNC_MODE, WHOLE_ROW, Database

# Parents before children, so foreign keys hold while a change set is applied in one pass.
TABLE_ORDER = ("office", "device", "person", "district", "enterprise", "district_member", "checklist",
               "campaign", "inspection", "answer", "notice_block", "notice", "drill", "hazard", "hazard_event",
               "training", "incident", "photo", "photo_annotation")
_EXPORT_BATCH = 500


@dataclass(frozen=True)
class Change:
    """One cell (or, for records written whole, one row) and the clock and author that wrote it."""

    table: str
    row_id: str
    field: str
    clock: str
    author: str
    value: Any


def export_changes(db: Database, after_seq: int = 0) -> Iterator[Change]:
    """Every cell last written after write `after_seq` on this device (all, by default), with its value."""
    columns = {table: [c for c in db.columns(table) if c != "id"] for table in SYNC_MODE}
    cursor = db.conn.execute("SELECT tbl, row_id, fields FROM row_clock WHERE last_seq > ? ORDER BY last_seq",
                             (after_seq,))
    while batch := cursor.fetchmany(_EXPORT_BATCH):
        decoded = [(table, row_id, json.loads(fields)) for table, row_id, fields in batch]
        writes = db.writes(seq for _, _, fields in decoded for seq in fields.values())
        for table, row_id, fields in decoded:
            current = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if current is None:
                continue
            if SYNC_MODE[table] != PER_FIELD:
                clock, author = writes[fields[WHOLE_ROW]]
                yield Change(table, row_id, WHOLE_ROW, clock, author, {k: current[k] for k in current.keys()})
                continue
            for column in columns[table]:
                seq = fields.get(column, fields.get(WHOLE_ROW))
                if seq is not None and seq > after_seq:
                    clock, author = writes[seq]
                    yield Change(table, row_id, column, clock, author, current[column])


def apply_changes(db: Database, changes: Iterable[Change]) -> int:
    """Apply changes in one transaction; per cell the later (clock, device) wins. Returns cells applied.

    Applying the same changes twice, or in another order, gives the same rows.
    """
    from safety_desk.store.hazards import HazardRepository

    order = {table: i for i, table in enumerate(TABLE_ORDER)}
    pending = sorted(changes, key=lambda c: (order[c.table], c.row_id, c.field, c.clock))
    applied = 0
    touched_hazards: set[str] = set()
    write_seqs: dict[tuple[str, str], int] = {}
    with db.transaction():
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        for (table, row_id), group in itertools.groupby(pending, key=lambda c: (c.table, c.row_id)):
            count = _apply_row(db, table, row_id, list(group), write_seqs)
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


def _apply_row(db: Database, table: str, row_id: str, changes: list[Change],
               write_seqs: dict[tuple[str, str], int]) -> int:
    """Apply the winning changes to one row: the latest per field, and only if newer than ours."""
    if _touches_submitted_inspection(db, table, row_id, changes):
        # A submitted inspection is evidence: no merge rewrites it (a stale backup, a replayed draft).
        db.audit_event("refused_change", table, row_id, None, {"reason": "inspection already submitted"})
        return 0
    known = db.cell_clocks(table, row_id)
    latest: dict[str, Change] = {}
    for change in changes:
        if change.field not in latest or change.clock > latest[change.field].clock:
            latest[change.field] = change
    winners = [c for c in latest.values()
               if c.clock > known.get(c.field, known.get(WHOLE_ROW, ("", "")))[0]]
    if not winners:
        return 0
    exists = db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
    row = dict(winners[0].value) if winners[0].field == WHOLE_ROW else {c.field: c.value for c in winners}
    if exists:
        assignments = ", ".join(f"{column} = :{column}" for column in row if column != "id")
        db.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = :id", {**row, "id": row_id})
    else:
        row = {"id": row_id, **row}
        placeholders = ", ".join(f":{c}" for c in row)
        db.conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({placeholders})", row)
    fields = db.fields_of(table, row_id) if SYNC_MODE[table] == PER_FIELD else {}
    for change in winners:
        key = (change.clock, change.author)
        if key not in write_seqs:
            write_seqs[key] = db.new_write(change.clock, change.author)[0]
        fields[change.field] = write_seqs[key]
        db.clock.observe(change.clock)
    db.set_row_fields(table, row_id, fields)
    return len(winners)


def _touches_submitted_inspection(db: Database, table: str, row_id: str, changes: list[Change]) -> bool:
    """True for a change to a row that is already here and belongs to a submitted inspection.

    Rows new to this database pass: a submitted inspection and its answers arrive together.
    """
    if table == "inspection":
        inspection_id = row_id
    elif table == "answer":
        local = db.conn.execute("SELECT inspection_id FROM answer WHERE id = ?", (row_id,)).fetchone()
        if local is None:
            return False
        inspection_id = local[0]
    else:
        return False
    status = db.conn.execute("SELECT status FROM inspection WHERE id = ?", (inspection_id,)).fetchone()
    return status is not None and status[0] == "submitted"
