"""A full disk or a read-only database: a clear message, the transaction rolled back, nothing committed lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from safety_desk.store.audit import verify_chain
from safety_desk.store.database import Database
from safety_desk.store.errors import DiskFull, ReadOnlyDatabase, StoreError, WriteFailed
from safety_desk.store.records import District
from safety_desk.store.store import Store

FRIENDLY_FULL = "磁盘已满，刚才的修改未保存，之前的数据完好"


class FailingConnection:
    """The store's connection, except that a chosen statement fails as SQLite fails on a full disk."""

    def __init__(self, real: sqlite3.Connection, fails_on: str,
                 error: str = "database or disk is full") -> None:
        self.real, self.fails_on, self.error = real, fails_on, error

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(self.fails_on):
            raise sqlite3.OperationalError(self.error)
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.real, name)


def add_districts(store: Store, count: int, prefix: str = "D") -> list[str]:
    codes = [f"{prefix}{n:04d}" for n in range(count)]
    for code in codes:
        store.districts.add(District(id=store.db.new_id(), code=code, name=f"{code}片区"))
    return codes


def assert_intact(path: Path, codes: list[str], absent: list[str] = ()) -> None:
    """The database opens, integrity_check is ok, the audit chain holds, every committed row is there."""
    with Store.open(path) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert list(verify_chain(store.db.conn)) == []
        present = {row[0] for row in store.db.conn.execute("SELECT code FROM district")}
        assert set(codes) <= present
        assert not set(absent) & present


@pytest.mark.parametrize("fails_on", ["INSERT INTO WRITE_LOG", "INSERT INTO ROW_CLOCK", "COMMIT"])
def test_an_injected_full_disk_midway_rolls_back_and_loses_nothing_committed(db_path: Path, fails_on: str) -> None:
    store = Store.open(db_path)
    committed = add_districts(store, 20)
    real = store.db.conn
    store.db.conn = FailingConnection(real, fails_on)
    with pytest.raises(DiskFull) as caught:
        store.districts.add(District(id=store.db.new_id(), code="LOST", name="未保存片区"))
    assert FRIENDLY_FULL in str(caught.value)
    assert isinstance(caught.value, StoreError)
    assert not real.in_transaction
    store.db.conn = real  # space freed: the next write works and continues the audit chain
    add_districts(store, 1, prefix="AFTER")
    store.close()
    assert_intact(db_path, committed + ["AFTER0000"], absent=["LOST"])


def test_a_real_sqlite_full_error_rolls_back_cleanly(db_path: Path) -> None:
    """max_page_count stops the file growing: SQLite itself raises SQLITE_FULL and rolls back by itself."""
    store = Store.open(db_path)
    committed = add_districts(store, 5)
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = [District(id=store.db.new_id(), code=f"B{n:04d}", name="大" * 2000) for n in range(200)]
    with pytest.raises(DiskFull, match="磁盘已满"):
        store.districts.add_many(big, "many districts")
    assert not store.db.conn.in_transaction
    store.db.conn.execute("PRAGMA max_page_count = 4294967294")
    add_districts(store, 1, prefix="AFTER")
    store.close()
    assert_intact(db_path, committed + ["AFTER0000"], absent=["B0000"])


def test_a_read_only_database_says_so_and_changes_nothing(db_path: Path) -> None:
    store = Store.open(db_path)
    committed = add_districts(store, 3)
    store.db.conn.execute("PRAGMA query_only = ON")  # what a read-only file does, even for root
    with pytest.raises(ReadOnlyDatabase, match="数据库只读，刚才的修改未保存，之前的数据完好") as caught:
        store.districts.add(District(id=store.db.new_id(), code="LOST", name="未保存片区"))
    assert "请检查文件和文件夹的写入权限" in str(caught.value)
    store.close()
    assert_intact(db_path, committed, absent=["LOST"])


def test_a_database_opened_read_only_refuses_writes_clearly(db_path: Path) -> None:
    with Store.open(db_path) as store:
        committed = add_districts(store, 2)
    conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    store = Store(Database(db_path, conn))
    with pytest.raises(ReadOnlyDatabase):
        store.districts.add(District(id=store.db.new_id(), code="LOST", name="未保存片区"))
    store.close()
    assert_intact(db_path, committed, absent=["LOST"])


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="chmod does not stop root")
def test_a_read_only_file_opens_for_reading_and_refuses_writes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        committed = add_districts(store, 2)
    os.chmod(db_path, 0o444)
    try:
        with Store.open(db_path) as store:
            with pytest.raises(WriteFailed):
                add_districts(store, 1, prefix="LOST")
    finally:
        os.chmod(db_path, 0o644)
    assert_intact(db_path, committed, absent=["LOST0000"])


_CHILD = r"""
import resource, signal, sys
from pathlib import Path
from safety_desk.store.errors import WriteFailed
from safety_desk.store.records import District
from safety_desk.store.store import Store
path = Path(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails instead of killing us
store = Store.open(path)
wal = path.with_name(path.name + "-wal")
limit = max(path.stat().st_size, wal.stat().st_size if wal.exists() else 0) + 256 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
n = 0
try:
    while n < 100000:
        with store.transaction():
            batch = []
            for _ in range(20):
                n += 1
                batch.append(District(id=store.db.new_id(), code=f"F{n:05d}", name="x" * 3000))
            store.districts.add_many(batch, "batch")
        print("committed", n, flush=True)
except WriteFailed as exc:
    print("refused", exc, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE")
def test_a_file_size_limit_in_a_subprocess_fails_clearly_and_keeps_every_commit(db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(db_path)], capture_output=True, text=True,
                          timeout=120, env=env)
    lines = done.stdout.splitlines()
    assert lines and lines[-1].startswith("refused "), done.stdout + done.stderr
    assert "刚才的修改未保存，之前的数据完好" in lines[-1]
    committed = int(lines[-2].split()[1]) if len(lines) > 1 else 0
    assert_intact(db_path, [f"F{n:05d}" for n in range(1, committed + 1)],
                  absent=[f"F{committed + 1:05d}"])


@pytest.fixture
def tiny_filesystem(tmp_path: Path):
    """A 3 MB tmpfs, where writing really runs out of space (root on Linux only; skipped elsewhere)."""
    mount = shutil.which("mount")
    if sys.platform != "linux" or os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small filesystem needs root on Linux")
    where = tmp_path / "tiny"
    where.mkdir()
    made = subprocess.run([mount, "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(where)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"mount not permitted here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)


def test_a_really_full_disk_fails_clearly_and_keeps_every_commit(tiny_filesystem: Path, db_path: Path) -> None:
    path = tiny_filesystem / "office.db"
    shutil.copy(db_path, path)
    store = Store.open(path)
    committed: list[str] = []
    with pytest.raises(WriteFailed, match="刚才的修改未保存，之前的数据完好") as caught:
        for n in range(100000):
            codes = [f"F{n:05d}{k:02d}" for k in range(10)]
            store.districts.add_many([District(id=store.db.new_id(), code=c, name="满" * 3000) for c in codes],
                                     "batch")
            committed += codes
    assert isinstance(caught.value, DiskFull), caught.value  # SQLite reports ENOSPC as SQLITE_FULL
    assert committed
    store.close()
    assert_intact(path, committed)


def test_a_database_that_cannot_be_opened_for_writing_gets_a_clear_message(db_path: Path, monkeypatch) -> None:
    """E.g. a read-only folder where SQLite cannot make the WAL file: a StoreError naming the file, no traceback."""
    from safety_desk.store import connection

    def refuse(conn):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(connection, "configure_connection", refuse)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="无法打开数据库") as caught:
        Store.open(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before
