"""The store's core: one connection, transactions, and writes that record clocks and audit entries."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS, HybridClock, Timestamp
from safety_desk.domain.ids import new_id
from safety_desk.domain.sync_model import APPEND_ONLY, PER_FIELD, PER_ROW, SYNC_MODE, WHOLE_ROW  # noqa: F401 - re-exported
from safety_desk.paths import PRIVATE_DIR_MODE, data_dir, media_dir_for, private_file, private_folder, restrict
from safety_desk.store.audit import GENESIS_HASH, AuditChain, canonical_json, format_head
from safety_desk.store import cipher
from safety_desk.store.changed import Changes
from safety_desk.store.connection import StoreError, configure_connection, open_connection, write_error
from safety_desk.store.errors import DatabaseBusy, WrongThread
from safety_desk.store.local_state import LocalState
from safety_desk.store.open_lock import acquire_shared, release_shared

UNSET_DEVICE = "unset"


def canonical_digest(rows: list[dict[str, Any]]) -> str:
    """sha256 of rows in canonical JSON: what a bulk insert's audit entry vouches for."""
    return hashlib.sha256(canonical_json(rows).encode("utf-8")).hexdigest()


def keep_private(path: Path, *, create: bool) -> None:
    """The database, its -wal and -shm (SQLite gives them the database file's mode) and its photo folder are for
    their owner only: made so when `create` makes them, and an older installation's tightened at each open."""
    if create:
        private_folder(path.parent)
        if not path.exists():
            private_file(path)  # empty: open_connection makes the schema in it
        private_folder(media_dir_for(path))
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if part.exists():
            restrict(part)
    for folder in (media_dir_for(path), path.parent if path.parent == data_dir() else None):
        if folder is not None and folder.is_dir():
            restrict(folder, PRIVATE_DIR_MODE)  # the photos; the per-user data dir (not a folder --db names)


class Database:
    """A SafetyDesk database file. Writes happen inside `transaction()`; each records its clock."""

    # On (the tests turn it on), a connection used on any thread but the one that opened it raises WrongThread: a
    # worker on the window's connection would otherwise only queue behind it, freezing the window (reader()).
    check_thread = False

    def __init__(self, path: Path, conn: sqlite3.Connection, *, ids: Callable[[], str] = new_id,
                 wall: Clock | None = None) -> None:
        self.path = Path(path)
        self._conn = conn
        self._thread_id, self._thread_name = threading.get_ident(), threading.current_thread().name
        self.new_id = ids
        self.wall = wall or SystemClock()
        self._holds_open_lock = False  # set by open(); readers share their opener's
        # How long to keep waiting for another process's write, beyond SQLite's busy timeout, and whom to tell.
        self.lock_patience_s = 0.0
        self.on_lock_wait: Callable[[], None] | None = None  # the injected clock: audit times and the hybrid clocks' wall time
        # Called with what each committed transaction changed (the GUI broadcasts it to every page).
        self.commit_listeners: list[Callable[[Changes], None]] = []
        self.last_changes = Changes()
        self._changed: dict[str, set[str]] = {}
        self.author_id: str | None = None
        self.clock_source: Callable[[], str] | None = None
        self._depth = 0
        self._audit = AuditChain(conn)
        self._state = LocalState(self)
        self.device_id = self._state.device_id() or UNSET_DEVICE
        self._clock_capped: tuple[int, int] | None = None  # (from, to) wall ms, kept at the next commit
        self.reload_clock()

    @property
    def conn(self) -> sqlite3.Connection:
        if Database.check_thread and threading.get_ident() != self._thread_id:
            raise WrongThread(
                f"internal error: the connection to {self.path.name} opened on thread {self._thread_name!r} was "
                f"used on thread {threading.current_thread().name!r}; work on another thread opens its own "
                "(Store.reader(), Store.writer())")
        return self._conn

    @conn.setter
    def conn(self, conn: sqlite3.Connection) -> None:  # tests put a failing connection in its place
        self._conn = conn

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, wall: Clock | None = None) -> "Database":
        keep_private(Path(path), create=create)
        acquire_shared(Path(path))  # while it is open here, no other program restores or recreates it
        try:
            db = cls(Path(path), open_connection(Path(path), create=create, clock=wall), wall=wall)
        except BaseException:
            release_shared(Path(path))
            raise
        db._holds_open_lock = True
        if db._state.audit_head() is None and not db.audit_count():
            # A new database: its (empty) chain head is recorded before the first entry. (One statement:
            # atomic on its own.) A database with entries but no head gets it at its next write.
            try:
                db._state.set_audit_head(format_head(0, GENESIS_HASH))
            except cipher.OperationalError:
                pass  # a read-only file: nothing will be written to it either
        return db

    def audit_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM audit").fetchone()[0]

    def reader(self) -> "Database":
        """A second, read-only connection to the same file, for one worker thread.

        Sharing one connection between threads makes them queue on SQLite's connection mutex while holding
        Python's GIL: a long query in a worker then freezes the user interface until it ends. In WAL mode a
        reader on its own connection runs beside the writer instead.
        """
        conn = cipher.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = cipher.row_type(conn)
        configure_connection(conn)
        conn.execute("PRAGMA query_only = ON")
        return Database(self.path, conn, ids=self.new_id, wall=self.wall)

    def close(self) -> None:
        self.conn.close()
        if self._holds_open_lock:
            self._holds_open_lock = False
            release_shared(self.path)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- device-local state (typed keys: store/local_state.py) ------------------------------------
    def local(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_local(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO local_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def adopt_device(self, device_id: str) -> None:
        """Make this database the device `device_id` (done once, at init or join)."""
        self._state.set_device_id(device_id)
        self.device_id = device_id
        self.clock = self._hybrid_clock(None)

    def now_iso(self) -> str:
        """Now as ISO text in Beijing time (+08:00): every stored moment has one offset, so the date part of
        the text is the office's calendar day and text order is time order."""
        return self.wall.now().isoformat(timespec="milliseconds")

    def reload_clock(self) -> None:
        """Continue the clock from its last committed value, forgetting values issued in a rolled-back
        transaction."""
        last = self._state.last_clock()
        self.clock = self._hybrid_clock(Timestamp.parse(last) if last else None)

    def _hybrid_clock(self, last: Timestamp | None) -> HybridClock:
        # Never more than MAX_DRIFT_MS ahead of the wall clock: a stored or observed clock further ahead (the
        # device's clock ran a year ahead and was set right) is capped and the capping kept for doctor and
        # `sync status` (LocalState.clock_capped).
        return HybridClock(self.device_id, last, wall=self.wall.epoch_ms, max_ahead_ms=MAX_DRIFT_MS,
                           on_capped=self._note_clock_capped)

    def clock_capping(self) -> dict | None:
        """When this device's own clock was last capped for running too far ahead ({"from_ms", "to_ms", "at"}),
        including a capping at this open not yet committed; None: never."""
        if self._clock_capped is not None:
            return {"from_ms": self._clock_capped[0], "to_ms": self._clock_capped[1], "at": self.now_iso()}
        return self._state.clock_capped()

    def _note_clock_capped(self, seen_ms: int, capped_ms: int) -> None:
        earlier = self._clock_capped
        self._clock_capped = (max(seen_ms, earlier[0]) if earlier else seen_ms, capped_ms)

    def unsynced_count(self) -> int:
        """Rows changed here since the last write every peer acknowledged (0 until sync lands: all)."""
        acknowledged = self._state.acknowledged_seq()
        return self.conn.execute("SELECT count(*) FROM row_clock WHERE last_seq > ?", (acknowledged,)).fetchone()[0]

    # -- transactions --------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """One atomic unit; nested calls join the outer one. Rolls back on any exception."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin_write()
        self._depth = 1
        self._changed = {}
        try:
            # Another process may have written meanwhile: continue its clock and audit chain.
            stored = self._state.last_clock()
            if stored:
                self.clock.observe(stored)
            self._audit.refresh()
            start_head = self._audit.head
            yield self
            self._state.set_last_clock(self.clock.last)
            if self._clock_capped is not None:
                seen_ms, capped_ms = self._clock_capped
                self._state.set_clock_capped(seen_ms=seen_ms, capped_ms=capped_ms, at=self.now_iso())
                self._clock_capped = None
            if self._audit.head != start_head or self._state.audit_head() is None:
                self._state.set_audit_head(format_head(*self._audit.head))
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._changed = {}
            self._roll_back()
            # A full disk, a read-only file, an I/O error: say so plainly. Nothing of this transaction was kept
            # and everything committed before it is intact (WAL: a failed commit never touches committed pages).
            friendly = write_error(exc, self.path)
            if friendly is not None:
                raise friendly from exc
            raise
        finally:
            self._depth = 0
        self._announce()

    def _announce(self) -> None:
        """Tell the listeners what the transaction just committed (nothing, when it wrote nothing)."""
        changes, self._changed = Changes.of(self._changed), {}
        self.last_changes = changes
        if changes:
            for listener in list(self.commit_listeners):
                listener(changes)

    def touched(self, table: str, row_ids: Iterable[str] = ()) -> None:
        """Note rows this transaction wrote by a path other than insert/update (sync apply, derived caches)."""
        self._changed.setdefault(table, set()).update(row_ids)

    def _begin_write(self) -> None:
        """Take the write lock. SQLite waits BUSY_TIMEOUT for another writer; a process given `lock_patience_s`
        (the command line: an import of 20,000 rows holds the lock for seconds) says it is waiting, then waits on."""
        deadline = None
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except cipher.Error as exc:
                error = write_error(exc, self.path) or exc
                if not isinstance(error, DatabaseBusy) or not self.lock_patience_s:
                    raise error from exc
                if deadline is None:
                    deadline = time.monotonic() + self.lock_patience_s
                    if self.on_lock_wait is not None:
                        self.on_lock_wait()
                elif time.monotonic() > deadline:
                    raise error from exc

    def _roll_back(self) -> None:
        # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL): then there is nothing to undo.
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except cipher.Error:
                pass
        try:
            self._audit.refresh()
        except cipher.Error:
            pass

    def _require_transaction(self) -> None:
        if not self._depth:
            raise StoreError("internal error: a write outside a transaction")

    # -- writes --------------------------------------------------------------------------------
    def new_write(self, clock: str | None = None, author: str | None = None) -> tuple[int, str]:
        """Log one write (its clock and author) and return (seq, clock); a fresh clock unless given."""
        self._require_transaction()
        clock = clock or self.clock.now()
        author = (self.author_id or "") if author is None else author
        cursor = self.conn.execute("INSERT INTO write_log (clock, author) VALUES (?, ?)", (clock, author))
        return cursor.lastrowid, clock

    def insert(self, table: str, row: dict[str, Any], *, audit_after: Any = None) -> str:
        """Insert one row (column -> stored value), record its write and an audit entry; returns the clock."""
        self._require_transaction()
        self._insert_rows(table, [row])
        seq, clock = self.new_write()
        self.touched(table, (row["id"],))
        self.conn.execute("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?)",
                          (table, row["id"], json.dumps({WHOLE_ROW: seq}), seq))
        self._audit.append(at=self.now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action="insert", tbl=table, row_id=row["id"],
                           before=None, after=audit_after if audit_after is not None else row)
        return clock

    def insert_many(self, table: str, rows: list[dict[str, Any]], *, summary: str) -> str:
        """Bulk insert as one write: one clock, one audit entry holding the rows' count and digest."""
        self._require_transaction()
        if not rows:
            return self.clock.last
        self._insert_rows(table, rows)
        seq, clock = self.new_write()
        self.touched(table, (row["id"] for row in rows))
        fields = json.dumps({WHOLE_ROW: seq})
        self.conn.executemany("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?)",
                              [(table, row["id"], fields, seq) for row in rows])
        self._audit.append(at=self.now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action=f"insert_many: {summary}", tbl=table,
                           row_id=None, before=None,
                           after={"rows": len(rows), "sha256": canonical_digest(rows)})
        return clock

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some columns of one row; returns their previous values. Unchanged values are skipped."""
        self._require_transaction()
        if SYNC_MODE[table] == APPEND_ONLY:
            raise StoreError(f"{table} is append-only: its rows are never changed")
        current = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if current is None:
            raise StoreError(f"{table} {row_id} does not exist")
        changed = {k: v for k, v in changes.items() if current[k] != v}
        if not changed:
            return {}
        before = {k: current[k] for k in changed}
        assignments = ", ".join(f"{column} = :{column}" for column in changed)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = :id", {**changed, "id": row_id})
        seq, clock = self.new_write()
        self.touched(table, (row_id,))
        if SYNC_MODE[table] == PER_FIELD:
            fields = self.fields_of(table, row_id)
            fields.update({column: seq for column in changed})
        else:
            fields = {WHOLE_ROW: seq}
        self.set_row_fields(table, row_id, fields)
        self._audit.append(at=self.now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action="update", tbl=table, row_id=row_id,
                           before=before, after=changed)
        return before

    def audit_event(self, action: str, table: str, row_id: str | None, before: Any, after: Any) -> None:
        """An audit entry for a write that is not a single insert or update (sync apply, restore)."""
        self._require_transaction()
        self._audit.append(at=self.now_iso(), clock=self.clock.now(), device_id=self.device_id,
                           author_id=self.author_id, action=action, tbl=table, row_id=row_id,
                           before=before, after=after)

    def record_derived(self, sql: str, params: Any) -> None:
        """Write a derived, never-synced cache (e.g. hazard_state) inside the current transaction."""
        self._require_transaction()
        self.conn.execute(sql, params)

    def record_derived_many(self, sql: str, rows: list[Any]) -> None:
        """record_derived for many rows at once."""
        self._require_transaction()
        self.conn.executemany(sql, rows)

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        placeholders = ", ".join(f":{c}" for c in columns)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)

    # -- write clocks of cells -----------------------------------------------------------------
    def fields_of(self, table: str, row_id: str) -> dict[str, int]:
        row = self.conn.execute("SELECT fields FROM row_clock WHERE tbl = ? AND row_id = ?",
                                (table, row_id)).fetchone()
        return json.loads(row[0]) if row else {}

    def set_row_fields(self, table: str, row_id: str, fields: dict[str, int]) -> None:
        self.conn.execute(
            "INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (tbl, row_id) DO UPDATE SET fields = excluded.fields, last_seq = excluded.last_seq",
            (table, row_id, json.dumps(fields, sort_keys=True), max(fields.values())))

    def writes(self, seqs: Iterable[int]) -> dict[int, tuple[str, str]]:
        """seq -> (clock, author) for the given write seqs."""
        wanted = sorted(set(seqs))
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for seq, clock, author in self.conn.execute(
                    f"SELECT seq, clock, author FROM write_log WHERE seq IN ({marks})", chunk):
                found[seq] = (clock, author)
        return found

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")]

    def cell_clocks(self, table: str, row_id: str) -> dict[str, tuple[str, str]]:
        """(clock, author) of the last write of each cell; '*' expanded to the columns for per-field tables."""
        fields = self.fields_of(table, row_id)
        writes = self.writes(fields.values())
        if SYNC_MODE[table] != PER_FIELD:
            return {name: writes[seq] for name, seq in fields.items()}
        result = {}
        for column in self.columns(table):
            if column != "id":
                seq = fields.get(column, fields.get(WHOLE_ROW))
                if seq is not None:
                    result[column] = writes[seq]
        return result
