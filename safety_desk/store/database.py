"""The store's core: one connection, transactions, and writes that record clocks and audit entries."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from safety_desk.store.audit import AuditChain
from safety_desk.store.connection import StoreError, open_connection
from safety_desk.sync.hlc import HybridClock, Timestamp
from safety_desk.sync.ids import new_id

# How each synced table merges (DESIGN.md §4): per field, per row (single author), or append-only.
PER_FIELD = "field"
PER_ROW = "row"
APPEND_ONLY = "append"
SYNC_MODE = {
    "office": PER_FIELD, "device": PER_FIELD, "district": PER_FIELD, "enterprise": PER_FIELD,
    "person": PER_FIELD, "district_member": PER_FIELD, "campaign": PER_FIELD, "notice": PER_FIELD,
    "drill": PER_FIELD, "hazard": PER_FIELD, "training": PER_FIELD, "incident": PER_FIELD,
    "checklist": PER_ROW, "inspection": PER_ROW, "answer": PER_ROW,
    "hazard_event": APPEND_ONLY, "photo": APPEND_ONLY,
}
WHOLE_ROW = "*"
UNSET_DEVICE = "unset"


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def decode_clocks(text: str) -> dict[str, list[str]]:
    """row_clock.clocks: {"<clock> <author>": [fields written at that clock]}."""
    return json.loads(text)


def field_clocks(text: str) -> dict[str, tuple[str, str]]:
    """The (clock, author) that last wrote each field of a row ('*' = the whole row)."""
    result = {}
    for key, fields in decode_clocks(text).items():
        clock, _, author = key.partition(" ")
        for name in fields:
            result[name] = (clock, author)
    return result


class Database:
    """A SafetyDesk database file. Writes happen inside `transaction()`; each records its clock."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, ids: Callable[[], str] = new_id) -> None:
        self.path = Path(path)
        self.conn = conn
        self.new_id = ids
        self.author_id: str | None = None
        self.clock_source: Callable[[], str] | None = None
        self._depth = 0
        self._audit = AuditChain(conn)
        self.device_id = self.local("device_id") or UNSET_DEVICE
        last = self.local("hlc")
        self.clock = HybridClock(self.device_id, Timestamp.parse(last) if last else None)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> "Database":
        return cls(Path(path), open_connection(Path(path), create=create))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- device-local state -------------------------------------------------------------------
    def local(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM local_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_local(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO local_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def adopt_device(self, device_id: str) -> None:
        """Make this database the device `device_id` (done once, at init or join)."""
        self.set_local("device_id", device_id)
        self.device_id = device_id
        self.clock = HybridClock(device_id, None)

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
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            # Another process may have written meanwhile: continue its clock and audit chain.
            stored = self.local("hlc")
            if stored:
                self.clock.observe(stored)
            self._audit.refresh()
            yield self
            self.set_local("hlc", self.clock.last)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._audit.refresh()
            raise
        finally:
            self._depth = 0

    def _require_transaction(self) -> None:
        if not self._depth:
            raise StoreError("internal error: a write outside a transaction")

    # -- writes --------------------------------------------------------------------------------
    def _author_key(self, clock: str) -> str:
        return f"{clock} {self.author_id or ''}"

    def insert(self, table: str, row: dict[str, Any], *, audit_after: Any = None) -> str:
        """Insert one row (column -> stored value), record its clock and an audit entry; returns the clock."""
        self._require_transaction()
        clock = self.clock.now()
        self._insert_rows(table, [row])
        fields = [WHOLE_ROW] if SYNC_MODE[table] != PER_FIELD else sorted(k for k in row if k != "id")
        self._write_clock(table, row["id"], {self._author_key(clock): fields}, clock)
        self._audit.append(at=utc_now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action="insert", tbl=table, row_id=row["id"],
                           before=None, after=audit_after if audit_after is not None else row)
        return clock

    def insert_many(self, table: str, rows: list[dict[str, Any]], *, summary: str) -> str:
        """Bulk insert sharing one clock and one audit entry (whose `after` lists every row)."""
        self._require_transaction()
        if not rows:
            return self.clock.last
        clock = self.clock.now()
        self._insert_rows(table, rows)
        key = self._author_key(clock)
        clocks = []
        for row in rows:
            fields = [WHOLE_ROW] if SYNC_MODE[table] != PER_FIELD else sorted(k for k in row if k != "id")
            clocks.append((table, row["id"], json.dumps({key: fields}, ensure_ascii=False), clock))
        self.conn.executemany(
            "INSERT INTO row_clock (tbl, row_id, clocks, max_clock) VALUES (?, ?, ?, ?)", clocks)
        self._audit.append(at=utc_now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action=f"insert_many: {summary}", tbl=table,
                           row_id=None, before=None, after=rows)
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
        clock = self.clock.now()
        key = self._author_key(clock)
        if SYNC_MODE[table] == PER_FIELD:
            stored = self.conn.execute("SELECT clocks FROM row_clock WHERE tbl = ? AND row_id = ?",
                                       (table, row_id)).fetchone()
            clocks = decode_clocks(stored[0]) if stored else {}
            for written_key in list(clocks):
                remaining = [f for f in clocks[written_key] if f not in changed]
                if remaining:
                    clocks[written_key] = remaining
                else:
                    del clocks[written_key]
            clocks[key] = sorted(changed)
        else:
            clocks = {key: [WHOLE_ROW]}
        self._write_clock(table, row_id, clocks, clock)
        self._audit.append(at=utc_now_iso(), clock=clock, device_id=self.device_id,
                           author_id=self.author_id, action="update", tbl=table, row_id=row_id,
                           before=before, after=changed)
        return before

    def audit_event(self, action: str, table: str, row_id: str | None, before: Any, after: Any) -> None:
        """An audit entry for a write that is not a single insert or update (sync apply, restore)."""
        self._require_transaction()
        self._audit.append(at=utc_now_iso(), clock=self.clock.now(), device_id=self.device_id,
                           author_id=self.author_id, action=action, tbl=table, row_id=row_id,
                           before=before, after=after)

    def record_derived(self, sql: str, params: Any) -> None:
        """Write a derived, never-synced cache (e.g. hazard_state) inside the current transaction."""
        self._require_transaction()
        self.conn.execute(sql, params)

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        placeholders = ", ".join(f":{c}" for c in columns)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows)

    def _write_clock(self, table: str, row_id: str, clocks: dict[str, list[str]], clock: str) -> None:
        self.conn.execute(
            "INSERT INTO row_clock (tbl, row_id, clocks, max_clock) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = excluded.clocks,"
            " max_clock = max(row_clock.max_clock, excluded.max_clock)",
            (table, row_id, json.dumps(clocks, ensure_ascii=False), clock))
