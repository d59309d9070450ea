"""Opening a SafetyDesk database: identity and version checks, pragmas, backup-then-migrate."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from safety_desk.store.migrations import Migration, all_migrations

# PRAGMA application_id marks a file as ours ("SDK1"), so we never migrate someone else's database.
APPLICATION_ID = 0x53444B31
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A database could not be opened or used; the message says why and names the file."""


class NotASafetyDeskDatabase(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class MissingDatabase(StoreError):
    pass


def _inspect_read_only(path: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) read without writing a single byte to the file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotASafetyDeskDatabase(
            f"{path}: 不是 SafetyDesk 数据库 (not a SafetyDesk database: {exc}); the file was not changed"
        ) from None
    return app_id, version, has_tables


def configure_connection(conn: sqlite3.Connection) -> None:
    # WAL + synchronous FULL: a kill or power cut at any moment loses nothing committed.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database to `target` with SQLite's backup API (consistent even under WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def remove_database_files(path: Path) -> None:
    """Delete a database we just created and failed to fill, with its WAL and shared-memory files."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in migration.statements():
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def open_connection(path: Path, *, create: bool = False) -> sqlite3.Connection:
    """Open (or with `create`, make) the database at `path`, migrated to this program's schema.

    A file that is not ours, or whose schema is newer than this program, is refused untouched.
    Before migrating an existing database it is copied beside itself.
    """
    path = Path(path)
    migrations = all_migrations()
    latest = len(migrations)
    if path.exists():
        app_id, version, has_tables = _inspect_read_only(path)
        if app_id != APPLICATION_ID and (has_tables or app_id != 0 or version != 0):
            raise NotASafetyDeskDatabase(
                f"{path}: 不是 SafetyDesk 数据库 (not a SafetyDesk database); the file was not changed"
            )
        if version == 0 and not create:
            raise MissingDatabase(f"{path}: 空文件，不是 SafetyDesk 数据库 (an empty file, not a SafetyDesk "
                                  "database); run `safety-desk init` to create one; the file was not changed")
        if version > latest:
            raise NewerSchemaError(
                f"{path}: 数据库版本 {version} 比本程序 (最高 {latest}) 新，请升级程序 "
                f"(database schema {version} is newer than this program supports, {latest}); "
                "the file was not changed"
            )
    elif not create:
        raise MissingDatabase(f"{path}: 数据库不存在 (no database here); run `safety-desk init` first")
    else:
        version = 0
        path.parent.mkdir(parents=True, exist_ok=True)

    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    configure_connection(conn)
    if 0 < version < latest:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        backup_copy(conn, path.with_name(f"{path.name}.before-v{latest}-{stamp}.bak"))
    for migration in migrations[version:]:
        _apply(conn, migration)
    return conn
