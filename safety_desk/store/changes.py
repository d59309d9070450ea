"""Changes as sync sees them: every cell with the clock that wrote it; export and last-writer-wins apply."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from safety_desk.domain.sync_model import PER_FIELD, SYNC_MODE, TABLE_ORDER, WHOLE_ROW, Change  # noqa: F401 - TABLE_ORDER and Change are re-exported
from safety_desk.store.database import Database

_EXPORT_BATCH = 500


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
