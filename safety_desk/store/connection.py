"""Opening a SafetyDesk database: identity and version checks, pragmas, backup-then-migrate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.language import say
from safety_desk.store import cipher
from safety_desk.store.backups import backup_copy, backup_name, prune
from safety_desk.store.errors import (
    DatabaseBusy, DiskFull, DiskWriteError, MissingDatabase, NewerSchemaError, NotASafetyDeskDatabase,
    ReadOnlyDatabase, StoreError, WriteFailed, write_error,
)
from safety_desk.store.migrations import Migration, all_migrations

__all__ = ["APPLICATION_ID", "DatabaseBusy", "DiskFull", "DiskWriteError", "MissingDatabase", "NewerSchemaError",
           "NotASafetyDeskDatabase", "ReadOnlyDatabase", "StoreError", "WriteFailed", "backup_copy",
           "check_database_file", "configure_connection", "open_connection", "write_error"]

# PRAGMA application_id marks a file as ours ("SDK1"), so we never migrate someone else's database.
APPLICATION_ID = 0x53444B31
BUSY_TIMEOUT_MS = 10_000


def _inspect_read_only(path: Path) -> tuple[int, int, bool]:
    """(application_id, user_version, has_tables) read without writing a single byte to the file."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = cipher.connect(uri, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] > 0
        finally:
            conn.close()
    except cipher.DatabaseError as exc:
        if cipher.is_encrypted(path) and cipher.key_file_for(path).exists():
            raise cipher.WrongKey(say(f"{path}: 密钥无法解开此数据库（密钥文件与数据库不匹配或已损坏），文件未改动",
                                      f"{path}: the key does not open this database (the key file does not belong to "
                                      "it, or is damaged); the file was not changed")) from None
        hint = "" if not cipher.is_encrypted(path) else say("；如果它是加密的数据库，则缺少其密钥文件 ", "; if it is an encrypted database, its key file is missing: ") + cipher.key_file_for(path).name
        raise NotASafetyDeskDatabase(
            say(f"{path}: 不是 SafetyDesk 数据库（{exc}）{hint}；文件未改动",
                f"{path}: not a SafetyDesk database: {exc}{hint}; the file was not changed")
        ) from None
    return app_id, version, has_tables


def configure_connection(conn: sqlite3.Connection) -> None:
    # WAL + synchronous FULL: a kill or power cut at any moment loses nothing committed.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def check_database_file(path: Path) -> int:
    """The schema version of a SafetyDesk database file this program can open; raises StoreError otherwise.

    Reads without writing a byte: refuses a missing or empty file, another program's database, an uninitialised
    one, a newer schema, and a damaged or truncated file (PRAGMA quick_check reads every page).
    """
    path = Path(path)
    if not path.is_file():
        raise MissingDatabase(say(f"{path}: 文件不存在", f"{path}: no such file"))
    if path.stat().st_size == 0:
        raise NotASafetyDeskDatabase(say(f"{path}: 空文件，不是 SafetyDesk 数据库",
                                         f"{path}: an empty file, not a SafetyDesk database"))
    try:
        app_id, version, _ = _inspect_read_only(path)
    except NotASafetyDeskDatabase as exc:
        if "malformed" in str(exc):  # a SQLite file, but its pages do not hold together
            raise NotASafetyDeskDatabase(say(f"{path}: 文件已损坏或不完整",
                                             f"{path}: the file is damaged or truncated: database disk image is malformed")) from None
        raise
    if app_id != APPLICATION_ID or version == 0:
        raise NotASafetyDeskDatabase(say(f"{path}: 不是 SafetyDesk 数据库", f"{path}: not a SafetyDesk database"))
    latest = len(all_migrations())
    if version > latest:
        raise NewerSchemaError(
            say(f"{path}: 数据库版本 {version} 比本程序 (最高 {latest}) 新，请升级程序",
                f"{path}: database schema {version} is newer than this program supports, {latest}"))
    try:
        conn = cipher.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except cipher.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        raise NotASafetyDeskDatabase(say(f"{path}: 文件已损坏或不完整（{'；'.join(problems[:3])}）",
                                         f"{path}: the file is damaged or truncated: {'; '.join(problems[:3])}"))
    return version


def remove_database_files(path: Path) -> None:
    """Delete a database we just created and failed to fill, with its WAL and shared-memory files."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     cipher.key_file_for(path)):
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
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def open_connection(path: Path, *, create: bool = False, clock: Clock | None = None) -> sqlite3.Connection:
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
                say(f"{path}: 不是 SafetyDesk 数据库；文件未改动",
                    f"{path}: not a SafetyDesk database; the file was not changed")
            )
        if version == 0 and not create:
            raise MissingDatabase(say(f"{path}: 空文件，不是 SafetyDesk 数据库；请用 `safety-desk init` 新建；文件未改动",
                                      f"{path}: an empty file, not a SafetyDesk database; run `safety-desk init` to create one; the file was not changed"))
        if version > latest:
            raise NewerSchemaError(
                say(f"{path}: 数据库版本 {version} 比本程序 (最高 {latest}) 新，请升级程序；文件未改动",
                    f"{path}: database schema {version} is newer than this program supports, {latest}; the file was not changed")
            )
    elif not create:
        raise MissingDatabase(say(f"{path}: 数据库不存在；请先运行 `safety-desk init`",
                                  f"{path}: no database here; run `safety-desk init` first"))
    else:
        version = 0
        path.parent.mkdir(parents=True, exist_ok=True)

    try:
        conn = cipher.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = cipher.row_type(conn)
        configure_connection(conn)
    except cipher.Error as exc:
        raise StoreError(say(f"{path}: 无法打开数据库（{exc}）；请检查文件和文件夹的权限",
                             f"{path}: cannot open the database: {exc}; check the permissions of the file and its folder")) from None
    try:
        if 0 < version < latest:
            # Into the backups folder, kept by the rotation rule (domain/backup_rotation.py: newest 3 migrations).
            backup_copy(conn, backup_name(path, (clock or SystemClock()).now(), "migration"))
            prune(path)
        for migration in migrations[version:]:
            _apply(conn, migration)
    except (*cipher.Error, OSError) as exc:
        conn.close()
        friendly = write_error(exc, path)
        if friendly is None and isinstance(exc, OSError):
            friendly = StoreError(say(f"{path}: 升级前无法备份（{exc.strerror or exc}），数据库未改动",
                                      f"{path}: could not back up before upgrading the schema: {exc.strerror or exc}; the database was not changed"))
        if friendly is None:
            raise
        raise friendly from exc
    return conn
