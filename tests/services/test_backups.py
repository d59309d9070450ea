"""Backups: automatic at most daily and rotated, consistent under writes, before imports; restore checks the file,
keeps the database it replaces, and otherwise changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.china_time import BEIJING
from safety_desk.services import backups as backups_service
from safety_desk.services.backups import (
    BackupService, backup_at_start, export_backup, list_backups, restore_backup, take_backup,
)
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store import backups as backup_store
from safety_desk.store.connection import APPLICATION_ID
from safety_desk.store.errors import BackupFailed, NewerSchemaError, NotASafetyDeskDatabase, StoreError
from safety_desk.store.migrations import latest_version
from safety_desk.store.records import District, Enterprise, Person
from safety_desk.store.store import Store
from tests.services.test_imports import USCC_A, USCC_B, LEDGER_HEADER, ledger_row, workbook


def files_state(db_path: Path) -> dict[str, str]:
    """sha256 of the database and its WAL, and the names in its backups folder: what a refusal must not change."""
    state = {}
    for part in (db_path, db_path.with_name(db_path.name + "-wal")):
        if part.exists():
            state[part.name] = hashlib.sha256(part.read_bytes()).hexdigest()
    folder = backup_store.backups_dir_for(db_path)
    state["backups"] = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    return state


def add_district(store: Store, code: str) -> None:
    store.districts.add(District(id=store.db.new_id(), code=code, name=f"{code}片区"))


def district_codes(path: Path) -> set[str]:
    with Store.open(path) as store:
        return {row[0] for row in store.db.conn.execute("SELECT code FROM district")}


# -- automatic backups and rotation -------------------------------------------------------------------
def test_the_start_backup_is_made_at_most_daily_and_rotated_7_daily_4_weekly(db_path: Path) -> None:
    clock = FixedClock(datetime(2026, 9, 1, 8, 30, tzinfo=BEIJING))
    made = []
    for day in range(60):  # two starts a day for 60 days
        for hour in (8, 14):
            clock.set(datetime(2026, 9, 1, hour, 30, tzinfo=BEIJING) + timedelta(days=day))
            made.append(backup_at_start(db_path, clock=clock))
    assert sum(1 for m in made if m is not None) == 60  # the second start of each day made none
    assert all(m is None for m in made[1::2])
    kept = list_backups(db_path)
    last = date(2026, 9, 1) + timedelta(days=59)  # 30 Oct 2026, a Friday
    kept_days = sorted(b.made_at.date() for b in kept)
    last_7 = [last - timedelta(days=n) for n in range(6, -1, -1)]
    # The 4 ISO weeks: this one (newest: today) and the 3 before (newest: their Sundays).
    sundays = [date(2026, 10, 11), date(2026, 10, 18), date(2026, 10, 25)]
    assert kept_days == sorted(set(last_7) | set(sundays))
    assert all(b.reason == "daily" for b in kept)
    for backup in kept:  # every kept file is a whole, openable database
        with sqlite3.connect(backup.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    folder = backup_store.backups_dir_for(db_path)
    assert folder == db_path.parent / "office-backups"
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in kept)  # no -wal, no .partial


def test_a_backup_while_another_connection_writes_is_a_consistent_snapshot(db_path: Path) -> None:
    """A writer commits (row k<i>, count=i) pairs without pause; every backup holds exactly count rows."""
    stop = threading.Event()
    committed = []

    def writer() -> None:
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 10000")
        i = 0
        while not stop.is_set():
            i += 1
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?)", (f"k{i}", "x" * 2000))
            conn.execute("INSERT INTO local_state (key, value) VALUES ('count', ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(i),))
            conn.execute("COMMIT")
            committed.append(i)
        conn.close()

    with Store.open(db_path):  # the program has the database open meanwhile, as in the GUI
        thread = threading.Thread(target=writer)
        thread.start()
        try:
            clock = FixedClock(datetime(2026, 11, 27, 9, tzinfo=BEIJING))
            made = []
            for n in range(8):
                while len(committed) < 20 * (n + 1):
                    threading.Event().wait(0.001)
                clock.advance(timedelta(minutes=1))
                made.append(take_backup(db_path, "manual", clock=clock))
        finally:
            stop.set()
            thread.join()
    counts = []
    for backup in made:
        with sqlite3.connect(backup.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = int(conn.execute("SELECT value FROM local_state WHERE key = 'count'").fetchone()[0])
            rows = conn.execute("SELECT count(*) FROM local_state WHERE key GLOB 'k[0-9]*'").fetchone()[0]
            assert rows == count
            counts.append(count)
    assert counts == sorted(counts) and counts[-1] >= 160


def test_a_failed_backup_says_so_and_changes_nothing(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(conn, target):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_store, "backup_copy", full)
    before = files_state(db_path)
    with pytest.raises(BackupFailed, match="磁盘已满") as caught:
        take_backup(db_path, "manual")
    assert "数据库未改动" in str(caught.value)
    assert files_state(db_path) == before


def test_a_full_disk_while_copying_removes_the_partial_file(db_path: Path, tmp_path: Path) -> None:
    """The real backup_copy: a destination that cannot grow (max_page_count) fails like a full disk."""
    source = sqlite3.connect(db_path)
    target = tmp_path / "out" / "copy.db"

    original = backup_store.sqlite3.connect

    def tiny_connect(path, *args, **kwargs):
        conn = original(path, *args, **kwargs)
        if str(path).endswith(backup_store.PARTIAL_SUFFIX):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    backup_store.sqlite3.connect = tiny_connect
    try:
        with pytest.raises(sqlite3.Error):
            backup_store.backup_copy(source, target)
    finally:
        backup_store.sqlite3.connect = original
        source.close()
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


# -- before imports --------------------------------------------------------------------------------------
def _office(store: Store) -> Session:
    add_district(store, "GX")
    gx = store.districts.by_code("GX")
    for uscc, name in ((USCC_A, "青岛甲机械有限公司"), (USCC_B, "青岛乙化工有限公司")):
        store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=uscc, name=name, district_id=gx.id,
                                         industry="机械", risk_class=1, tracked_since="2026-01-01"))
    return Session(store, store.people.by_login("admin"))


def test_every_import_that_writes_is_preceded_by_a_backup(store: Store, tmp_path: Path) -> None:
    service = SpreadsheetService(_office(store).at(date(2026, 11, 27)))
    ledger = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, USCC_B)])
    service.import_ledger(ledger, dry_run=True)
    assert list_backups(store.path) == []  # a dry run writes nothing and backs up nothing
    service.import_ledger(ledger)
    [first] = list_backups(store.path)
    assert first.reason == "import"
    with sqlite3.connect(first.path) as conn:  # taken before the write: it holds none of the imported hazards
        assert conn.execute("SELECT count(*) FROM hazard").fetchone()[0] == 0
    enterprises = workbook(tmp_path / "e.xlsx", [["企业名称", "统一社会信用代码", "片区代码", "行业"],
                                                 ["青岛甲机械有限公司", USCC_A, "GX", "危险化学品"]])
    service.import_enterprises(enterprises)
    assert [b.reason for b in list_backups(store.path)] == ["import", "import"]


def test_an_import_whose_backup_fails_writes_nothing(store: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    service = SpreadsheetService(_office(store).at(date(2026, 11, 27)))

    def no_space(*args, **kwargs):
        raise BackupFailed("备份失败 (the backup failed: 磁盘已满 the disk is full; the database was not changed)")

    monkeypatch.setattr(backup_store, "copy_database", no_space)
    ledger = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])
    with pytest.raises(BackupFailed):
        service.import_ledger(ledger)
    assert store.hazards.count() == 0


# -- restore: refusals ------------------------------------------------------------------------------------
def _other_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
        conn.execute("INSERT INTO notes VALUES ('not ours')")
    return path


def _newer(db_path: Path, path: Path) -> Path:
    export_backup(db_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    return path


def _truncated(db_path: Path, path: Path) -> Path:
    with Store.open(db_path) as store:  # enough rows that the file has many pages
        for n in range(300):
            add_district(store, f"T{n:03d}")
    export_backup(db_path, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("make, error, words", [
    (lambda db, p: _other_sqlite(p), NotASafetyDeskDatabase, "不是 SafetyDesk 数据库"),
    (lambda db, p: (p.write_bytes(b""), p)[1], NotASafetyDeskDatabase, "空文件"),
    (lambda db, p: (p.write_bytes(b"PK\x03\x04 a spreadsheet, not a database" * 100), p)[1],
     NotASafetyDeskDatabase, "不是 SafetyDesk 数据库"),
    (_newer, NewerSchemaError, "比本程序"),
    (_truncated, NotASafetyDeskDatabase, "文件已损坏或不完整"),
], ids=["another-sqlite-database", "empty-file", "not-sqlite", "newer-schema", "truncated"])
def test_restore_refuses_a_bad_file_and_changes_nothing(db_path: Path, tmp_path: Path, make, error,
                                                        words: str) -> None:
    source = make(db_path, tmp_path / "candidate.db")
    before = files_state(db_path)
    with pytest.raises(error, match=words):
        restore_backup(db_path, source)
    assert files_state(db_path) == before
    with Store.open(db_path) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_the_database_itself(english, db_path: Path) -> None:
    before = files_state(db_path)
    with pytest.raises(StoreError, match="current database itself"):
        restore_backup(db_path, db_path)
    assert files_state(db_path) == before


# -- restore: success -------------------------------------------------------------------------------------
def test_restore_brings_back_the_backup_and_keeps_the_replaced_database(db_path: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 27, 9, tzinfo=BEIJING))
    with Store.open(db_path) as store:
        add_district(store, "OLD")
        backup = take_backup(store, "manual", clock=clock)
        add_district(store, "NEW")  # made after the backup: lost by the restore, kept in the replaced copy
        clock.advance(timedelta(hours=1))
        result = restore_backup(db_path, backup.path, clock=clock)
        # The open connection sees the restored contents at once (same file, one transaction).
        assert {r[0] for r in store.db.conn.execute("SELECT code FROM district")} == {"OLD"}
    assert result.schema_version == latest_version()
    assert result.kept is not None and result.kept.reason == "before-restore"
    assert district_codes(db_path) == {"OLD"}
    assert district_codes(result.kept.path) == {"OLD", "NEW"}
    with Store.open(db_path) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        add_district(store, "AFTER")  # writes work, and the audit chain continues
        from safety_desk.store.audit import verify_chain
        assert list(verify_chain(store.db.conn)) == []
    assert {b.reason for b in list_backups(db_path)} == {"manual", "before-restore"}


def test_restore_replaces_a_database_sqlite_cannot_read(db_path: Path, tmp_path: Path) -> None:
    good = export_backup(db_path, tmp_path / "good.db")
    garbage = b"this laptop's disk went bad" * 1000
    for part in db_path.parent.glob(db_path.name + "-*"):
        part.unlink()
    db_path.write_bytes(garbage)
    result = restore_backup(db_path, good)
    assert result.kept is not None and result.kept.path.read_bytes() == garbage
    with Store.open(db_path) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.people.by_login("admin") is not None


def test_an_older_schema_is_restored_and_upgraded_on_the_next_open(tmp_path: Path, db_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from safety_desk.services.setup import initialise
    from safety_desk.store import connection

    from safety_desk.store.repository import Repository

    every = connection.all_migrations()
    monkeypatch.setattr(connection, "all_migrations", lambda: every[:-1])
    stored = Repository._stored  # the older program wrote only the columns its schema had
    monkeypatch.setattr(Repository, "_stored", lambda self, record: {
        k: v for k, v in stored(self, record).items() if k in self.db.columns(self.table)})
    old = tmp_path / "old" / "office.db"
    # No account: the program's person record has columns the older schema lacks (must_change_password).
    initialise(old, office_name="旧版")
    monkeypatch.undo()
    result = restore_backup(db_path, old)
    assert result.schema_version == latest_version() - 1
    with Store.open(db_path) as store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert store.offices.current().name == "旧版"
    assert {b.reason for b in list_backups(db_path)} == {"before-restore", "migration"}


def test_only_the_office_backs_up_and_restores_from_the_settings_page(store: Store) -> None:
    inspector = Person(id=store.db.new_id(), name="检查员", login="insp", role="inspector")
    store.people.add(inspector)
    service = BackupService(Session(store, inspector))
    assert not service.may_manage()
    with pytest.raises(PermissionDenied):
        service.back_up_now()
    with pytest.raises(PermissionDenied):
        service.restore(store.path)
    assert service.backups() == []
    office = BackupService(Session(store, store.people.by_login("admin")))
    assert office.may_manage() and office.back_up_now().reason == "manual"
