"""Read-only health queries behind `safety-desk doctor`: integrity, references, photo links."""

from __future__ import annotations

import json
from typing import Iterator

from safety_desk.store.database import Database

# Columns that hold lists of photo ids (sha256), and single photo-id columns (signatures).
_PHOTO_LISTS = (("answer", "photos"), ("hazard", "photos"), ("hazard_event", "photos"), ("drill", "photos"))
_PHOTO_COLUMNS = (("inspection", "signature_inspector"), ("inspection", "signature_enterprise"))


def integrity_messages(db: Database) -> list[str]:
    """['ok'] for a sound file, otherwise what SQLite found."""
    return [row[0] for row in db.conn.execute("PRAGMA integrity_check")]


def foreign_key_problems(db: Database) -> list[str]:
    return [f"{row[0]} row {row[1]} -> {row[2]}" for row in db.conn.execute("PRAGMA foreign_key_check")]


def schema_version(db: Database) -> int:
    return db.conn.execute("PRAGMA user_version").fetchone()[0]


def audit_entry_count(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def photo_sizes(db: Database) -> dict[str, int]:
    return dict(db.conn.execute("SELECT id, size FROM photo"))


def photo_references(db: Database) -> Iterator[tuple[str, str, str, str]]:
    """(table, row id, column, photo id) for every photo a record points at."""
    for table, column in _PHOTO_LISTS:
        for row_id, photos in db.conn.execute(f"SELECT id, {column} FROM {table} WHERE {column} != '[]'"):
            for photo_id in json.loads(photos):
                yield table, row_id, column, photo_id
    for table, column in _PHOTO_COLUMNS:
        for row_id, photo_id in db.conn.execute(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"):
            yield table, row_id, column, photo_id
