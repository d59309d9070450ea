"""Changes as sync sees them: every cell with the clock that wrote it; export and last-writer-wins apply."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from safety_desk.store.database import PER_FIELD, SYNC_MODE, WHOLE_ROW, Database

# Parents before children, so foreign keys hold while a change set is applied in one pass.
TABLE_ORDER = ("office", "device", "person", "district", "enterprise", "district_member", "checklist",
               "campaign", "inspection", "answer", "notice_block", "notice", "drill", "hazard", "hazard_event",
               "training", "incident", "photo", "photo_annotation")
_EXPORT_BATCH = 500


@dataclass(slots=True)
class Change:
    """One cell (or, for records written whole, one row) and the clock and author that wrote it.

    Treated as immutable (dataclasses.replace makes changed copies); not frozen, because a sync bundle makes
    100,000 of them and frozen dataclasses are several times slower to construct."""

    table: str
    row_id: str
    field: str
    clock: str
    author: str
    value: Any
    seq: int = 0                    # the sender's write_log seq of this cell (0: unknown)
    capped_from: str | None = None  # the clock it first had, when a receiver capped a clock far ahead


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

    Applying the same changes twice, or in another order, gives the same rows (store/merge.py).
    """
    from safety_desk.store.merge import merge_changes

    return merge_changes(db, changes).cells_applied
