"""Conflicts a device recorded, read for its next bundle to the office, and taken in at the office."""

from __future__ import annotations

import json
from typing import Any

from safety_desk.store.database import Database

_COLUMNS = ("id", "tbl", "row_id", "field", "kept_value", "kept_clock", "kept_author", "lost_value", "lost_clock",
            "lost_author", "note")


def conflicts_to_forward(db: Database, after: int, limit: int) -> list[dict[str, Any]]:
    """This device's value conflicts recorded after number `after` (the conflict table's rowid), oldest first;
    values as their stored JSON text, `n` the number."""
    rows = db.conn.execute(f"SELECT rowid, {', '.join(_COLUMNS)} FROM conflict WHERE kind = 'value' AND rowid > ?"
                           " ORDER BY rowid LIMIT ?", (after, limit))
    return [{"n": r[0], **dict(zip(_COLUMNS, r[1:]))} for r in rows]


def last_conflict_number(db: Database) -> int:
    return db.conn.execute("SELECT coalesce(max(rowid), 0) FROM conflict").fetchone()[0]


def already_recorded(db: Database, item: dict[str, Any]) -> bool:
    """The same conflict is here already: forwarded before, or found here too (the same cell and both clocks)."""
    return db.conn.execute(
        "SELECT 1 FROM conflict WHERE id = ? OR (tbl = ? AND row_id = ? AND field = ? AND ((kept_clock IS ? AND"
        " lost_clock IS ?) OR (kept_clock IS ? AND lost_clock IS ?)))",
        (item["id"], item["tbl"], item["row_id"], item["field"], item["kept_clock"], item["lost_clock"],
         item["lost_clock"], item["kept_clock"])).fetchone() is not None


def record_forwarded(db: Database, item: dict[str, Any], *, source: str, note: str) -> None:
    """Keep a conflict a device recorded, under its own id, as an open value conflict from that device."""
    db.conn.execute(
        "INSERT INTO conflict (id, kind, tbl, row_id, field, kept_value, kept_clock, kept_author, lost_value,"
        " lost_clock, lost_author, source, detected_at, note) VALUES (?, 'value', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item["id"], item["tbl"], item["row_id"], item["field"], item["kept_value"], item["kept_clock"],
         item["kept_author"], item["lost_value"], item["lost_clock"], item["lost_author"], source, db.now_iso(),
         note))


def record_refused(db: Database, *, table: str, row_id: str, field: str, source: str, reason: str) -> None:
    """A conflict record the device sent that was not taken in, kept with the other refusals."""
    db.conn.execute(
        "INSERT INTO conflict (id, kind, tbl, row_id, field, source, detected_at, note) VALUES"
        " (?, 'refused', ?, ?, ?, ?, ?, ?)", (db.new_id(), table, row_id, field, source, db.now_iso(), reason))


def is_json_text(text: Any) -> bool:
    if text is None:
        return True
    if not isinstance(text, str):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
