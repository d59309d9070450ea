"""Health queries behind `safety-desk doctor` (integrity, references, photo links, text indexes) and its repair."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Iterator

from safety_desk.domain.language import say
from safety_desk.store.database import Database
from safety_desk.store.migrations import all_migrations

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


_STATEMENT_PATTERNS = (
    ("create", re.compile(r"^CREATE\s+(?:UNIQUE\s+)?(?:TEMP\s+|TEMPORARY\s+)?(TABLE|INDEX|VIEW|TRIGGER)\s+"
                          r"(?:IF\s+NOT\s+EXISTS\s+)?[\"`\[]?(\w+)", re.I)),
    ("drop", re.compile(r"^DROP\s+(TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+EXISTS\s+)?[\"`\[]?(\w+)", re.I)),
    ("add_column", re.compile(r"^ALTER\s+TABLE\s+[\"`\[]?(\w+)[\"`\]]?\s+ADD\s+(?:COLUMN\s+)?[\"`\[]?(\w+)", re.I)),
    ("drop_column", re.compile(r"^ALTER\s+TABLE\s+[\"`\[]?(\w+)[\"`\]]?\s+DROP\s+(?:COLUMN\s+)?[\"`\[]?(\w+)",
                               re.I)),
    ("rename_column", re.compile(r"^ALTER\s+TABLE\s+[\"`\[]?(\w+)[\"`\]]?\s+RENAME\s+(?:COLUMN\s+)?"
                                 r"[\"`\[]?(\w+)[\"`\]]?\s+TO\s+[\"`\[]?(\w+)", re.I)),
    ("rename_table", re.compile(r"^ALTER\s+TABLE\s+[\"`\[]?(\w+)[\"`\]]?\s+RENAME\s+TO\s+[\"`\[]?(\w+)", re.I)),
)


def _without_comments(statement: str) -> str:
    return "\n".join(line for line in statement.splitlines() if not line.strip().startswith("--")).strip()


def expected_schema(version: int) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], str]]:
    """What migrations 1..version leave behind: name -> (type, migration) and (table, column) -> migration."""
    objects: dict[str, tuple[str, str]] = {}
    columns: dict[tuple[str, str], str] = {}
    for migration in all_migrations()[:version]:
        for statement in migration.statements():
            text = _without_comments(statement)
            for kind, pattern in _STATEMENT_PATTERNS:
                match = pattern.match(text)
                if match is None:
                    continue
                if kind == "create":
                    objects[match.group(2).lower()] = (match.group(1).lower(), migration.name)
                elif kind == "drop":
                    objects.pop(match.group(2).lower(), None)
                elif kind == "add_column":
                    columns[(match.group(1).lower(), match.group(2).lower())] = migration.name
                elif kind == "drop_column":
                    columns.pop((match.group(1).lower(), match.group(2).lower()), None)
                elif kind == "rename_column":
                    table = match.group(1).lower()
                    columns.pop((table, match.group(2).lower()), None)
                    columns[(table, match.group(3).lower())] = migration.name
                elif kind == "rename_table":
                    old, new = match.group(1).lower(), match.group(2).lower()
                    if old in objects:
                        objects[new] = (objects.pop(old)[0], migration.name)
                    for (table, column), name in list(columns.items()):
                        if table == old:
                            columns[(new, column)] = columns.pop((table, column))
                break
    return objects, columns


def migration_problems(db: Database) -> list[str]:
    """Tables, indexes and columns the migrations up to the file's user_version create but the file lacks:
    a migration left half done (applied outside its transaction, or interrupted and marked done by hand)."""
    version = schema_version(db)
    objects, columns = expected_schema(version)
    present = {row[0].lower(): row[1] for row in db.conn.execute("SELECT name, type FROM sqlite_schema")}
    problems = []
    for name, (kind, migration) in objects.items():
        if present.get(name) != kind:
            problems.append(say(f"迁移 {migration} 未完成：缺少 {kind} {name}",
                                f"migration {migration} half done: {kind} {name} is missing"))
    for (table, column), migration in columns.items():
        if present.get(table) != "table":
            continue  # reported above when the migrations create it
        names = {row[1].lower() for row in db.conn.execute(f'PRAGMA table_info("{table}")')}
        if column not in names:
            problems.append(say(f"迁移 {migration} 未完成：缺少字段 {table}.{column}",
                                f"migration {migration} half done: column {table}.{column} is missing"))
    return problems


def write_count(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM write_log").fetchone()[0]


_HLC_GLOB = "[0-9]" * 13 + "-" + "[0-9]" * 6 + "-?*"


def far_future_event_clocks(db: Database, limit_ms: int) -> list[str]:
    """Hazard events whose own clock (the order of the status fold) is later than `limit_ms` or not a clock:
    written while a clock ran far ahead, before receipt capped such clocks (store/merge_clocks.py)."""
    rows = db.conn.execute(
        "SELECT id, hazard_id, clock FROM hazard_event WHERE substr(clock, 1, 13) > ? OR clock NOT GLOB ?"
        " ORDER BY hazard_id, clock", (f"{limit_ms:013d}", _HLC_GLOB))
    return [say(f"隐患 {hazard_id} 事件 {event_id}：事件时钟 {clock!r} 超前于本机时间或无效，会排在之后的事件之后",
                f"hazard {hazard_id} event {event_id}: the event's clock {clock!r} is far ahead of this device's time or not a clock: it orders after later events")
            for event_id, hazard_id, clock in rows]


# The full-text indexes of the ledger's search (migration 0009) and the table each one indexes by rowid.
TEXT_INDEXES = (("hazard_text", "hazard"), ("enterprise_text", "enterprise"))


def text_index_problems(db: Database) -> list[str]:
    """The text indexes that disagree with their tables.

    They are external-content FTS5 indexes keyed by rowid: a VACUUM (which may renumber the rowids of a table
    without an INTEGER PRIMARY KEY), a restore from another copy, or a write made with the triggers dropped
    leaves them pointing at the wrong rows, and the ledger's search then finds the wrong hazards or none. FTS5's
    'integrity-check' with rank 1 compares each index with its table's rows (rank 0 checks only the index).
    """
    problems = []
    for index, table in TEXT_INDEXES:
        try:
            db.conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(say(f"全文索引 {index} 与表 {table} 不一致（{exc}），台账搜索会找错或漏掉记录；"
                                "运行 `safety-desk doctor --repair` 重建",
                                f"the text index {index} disagrees with the table {table} ({exc}): the ledger's"
                                " search finds wrong rows or misses some; run `safety-desk doctor --repair` to"
                                " rebuild it"))
    return problems


def rebuild_text_indexes(db: Database) -> None:
    """Rebuild both text indexes from their tables' rows: derived data, never synced, so no write log."""
    with db.transaction():
        for index, _table in TEXT_INDEXES:
            db.record_derived(f"INSERT INTO {index} ({index}) VALUES ('rebuild')", ())
