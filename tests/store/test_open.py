"""Opening databases: pragmas, refusing foreign or newer files untouched, backup before migrating."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safety_desk.store import connection
from safety_desk.store.backups import list_backups
from safety_desk.store.connection import (
    MissingDatabase, NewerSchemaError, NotASafetyDeskDatabase, open_connection,
)
from safety_desk.store.migrations import Migration, all_migrations, latest_version
from safety_desk.store.store import Store


def test_open_sets_wal_foreign_keys_full_sync_and_busy_timeout(db_path: Path) -> None:
    conn = open_connection(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    conn.close()


def test_missing_file_is_not_created_without_create(tmp_path: Path) -> None:
    path = tmp_path / "nothing.db"
    with pytest.raises(MissingDatabase, match="nothing.db"):
        open_connection(path)
    assert not path.exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    content = b"these are my meeting notes, not a database\n" * 100
    path.write_bytes(content)
    with pytest.raises(NotASafetyDeskDatabase, match="notes.db"):
        Store.open(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists()


def test_someone_elses_sqlite_database_is_refused_untouched(english, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE songs (title TEXT)")
    other.execute("INSERT INTO songs VALUES ('茉莉花')")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(NotASafetyDeskDatabase, match="not a SafetyDesk database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused_with_a_message_and_not_changed(english, db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer than this program"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def _with_extra_migration(sql: str) -> list[Migration]:
    return [*all_migrations(), Migration(latest_version() + 1, f"{latest_version() + 1:04d}_extra.sql", sql)]


def test_migrating_copies_the_file_into_its_backups_folder_first(db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(connection, "all_migrations",
                        lambda: _with_extra_migration("CREATE TABLE extra (x TEXT);"))
    conn = open_connection(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version() + 1
    conn.close()
    backups = list_backups(db_path)
    assert [b.reason for b in backups] == ["migration"]
    copy = sqlite3.connect(backups[0].path)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert copy.execute("SELECT count(*) FROM person").fetchone()[0] == 1
    copy.close()


def test_a_failing_migration_leaves_the_database_at_its_old_version(db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(connection, "all_migrations", lambda: _with_extra_migration(
        "CREATE TABLE half_done (x TEXT);\nINSERT INTO no_such_table VALUES (1);"))
    with pytest.raises(sqlite3.OperationalError):
        open_connection(db_path)
    monkeypatch.undo()
    with Store.open(db_path) as store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        tables = {r[0] for r in store.db.conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        assert "half_done" not in tables


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in all_migrations()]
    assert versions == list(range(1, len(versions) + 1))
    for migration in all_migrations():
        assert migration.statements(), migration.name


def test_an_empty_file_is_not_turned_into_a_database_without_init(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(MissingDatabase, match="empty"):
        Store.open(path)
    assert path.read_bytes() == b""
