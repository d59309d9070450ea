"""The audit chain: every write appends an entry whose hash covers the previous entry's hash."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterator

from safety_desk.domain.language import say

GENESIS_HASH = "0" * 64
# What stands for the values of an entry about a record that left this device's scope (store/scope_moves.py):
# the entry keeps its place, time, author, action and links; its content no longer matches its hash, which the
# chain's check accepts for a redacted entry (and counts them).
REDACTED_PREFIX = '{"redacted":'


def canonical_json(value: Any) -> str:
    """One text per value: sorted keys, no spaces, real UTF-8 — the form that is hashed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


REDACTED = canonical_json({"redacted": "scope_drop"})


def is_redacted(text: str | None) -> bool:
    return bool(text) and text.startswith(REDACTED_PREFIX)


def redact_rows(conn: sqlite3.Connection, rows: dict[str, list[str]]) -> int:
    """In the caller's transaction: blank the values the entries hold of these rows (table -> ids), those of a
    local write of the row and those an import replaced (apply_changes keeps the others it replaced). Returns
    how many entries were redacted."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS redacted_row (tbl TEXT, id TEXT, PRIMARY KEY (tbl, id))"
                 " WITHOUT ROWID")
    conn.execute("DELETE FROM temp.redacted_row")
    conn.executemany("INSERT OR IGNORE INTO temp.redacted_row (tbl, id) VALUES (?, ?)",
                     [(table, row_id) for table, ids in rows.items() for row_id in ids])
    count = conn.execute(
        "UPDATE audit SET before = CASE WHEN before IS NULL THEN NULL ELSE ? END,"
        " after = CASE WHEN after IS NULL THEN NULL ELSE ? END"
        " WHERE (tbl, row_id) IN (SELECT tbl, id FROM temp.redacted_row)"
        " AND NOT (coalesce(before, '') LIKE '{\"redacted\":%' OR coalesce(after, '') LIKE '{\"redacted\":%')",
        (REDACTED, REDACTED)).rowcount
    for seq, before in conn.execute(
            "SELECT DISTINCT a.seq, a.before FROM audit a, json_each(a.before) j WHERE a.action = 'apply_changes'"
            " AND json_valid(a.before) AND json_type(a.before) = 'array' AND EXISTS (SELECT 1 FROM"
            " temp.redacted_row r WHERE r.tbl = json_extract(j.value, '$.table')"
            " AND r.id = json_extract(j.value, '$.id'))").fetchall():
        kept = [item for item in json.loads(before) if not (isinstance(item, dict) and conn.execute(
            "SELECT 1 FROM temp.redacted_row WHERE tbl = ? AND id = ?", (item.get("table"), item.get("id"))
        ).fetchone())]
        # "redacted" first (REDACTED_PREFIX), the values of the other rows after it.
        conn.execute("UPDATE audit SET before = ? WHERE seq = ?",
                     (f'{REDACTED[:-1]},"kept":{canonical_json(kept)}}}', seq))
        count += 1
    conn.execute("DELETE FROM temp.redacted_row")
    return count


def redacted_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM audit WHERE before LIKE '{\"redacted\":%'"
                        " OR after LIKE '{\"redacted\":%'").fetchone()[0]


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    clock: str
    device_id: str
    author_id: str | None
    action: str
    tbl: str
    row_id: str | None
    before: str | None
    after: str | None
    prev_hash: str
    hash: str


def entry_hash(prev_hash: str, seq: int, at: str, clock: str, device_id: str, author_id: str | None,
               action: str, tbl: str, row_id: str | None, before: str | None, after: str | None) -> str:
    material = canonical_json([prev_hash, seq, at, clock, device_id, author_id, action, tbl, row_id,
                               before, after])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class AuditChain:
    """Appends entries inside the caller's transaction; reads the chain head at each transaction start."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._seq = 0
        self._head = GENESIS_HASH
        self.refresh()

    @property
    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last entry this chain knows of; (0, GENESIS_HASH) when empty."""
        return self._seq, self._head

    def refresh(self) -> None:
        # Another process may have written since we last looked: continue from the real head.
        row = self._conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        self._seq, self._head = (row[0], row[1]) if row else (0, GENESIS_HASH)

    def append(self, *, at: str, clock: str, device_id: str, author_id: str | None, action: str,
               tbl: str, row_id: str | None, before: Any, after: Any) -> None:
        self.append_many([(at, clock, device_id, author_id, action, tbl, row_id, before, after)])

    def append_many(self, entries: list[tuple]) -> None:
        """Append (at, clock, device, author, action, tbl, row_id, before, after) tuples in order."""
        rows = []
        for at, clock, device_id, author_id, action, tbl, row_id, before, after in entries:
            before_text = None if before is None else canonical_json(before)
            after_text = None if after is None else canonical_json(after)
            seq = self._seq + 1
            digest = entry_hash(self._head, seq, at, clock, device_id, author_id, action, tbl, row_id,
                                before_text, after_text)
            rows.append((seq, at, clock, device_id, author_id, action, tbl, row_id, before_text,
                         after_text, self._head, digest))
            self._seq, self._head = seq, digest
        self._conn.executemany(
            "INSERT INTO audit (seq, at, clock, device_id, author_id, action, tbl, row_id, before,"
            " after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(conn: sqlite3.Connection) -> Iterator[ChainProblem]:
    """Every break in the chain: an edited entry (hash mismatch), a deleted one (gap or link broken)."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    cursor = conn.execute(
        "SELECT seq, at, clock, device_id, author_id, action, tbl, row_id, before, after, prev_hash,"
        " hash FROM audit ORDER BY seq")
    for row in cursor:
        entry = AuditEntry(*row)
        if entry.seq != expected_seq:
            yield ChainProblem(entry.seq, f"entries {expected_seq}..{entry.seq - 1} are missing (deleted)")
        if entry.prev_hash != expected_prev:
            yield ChainProblem(entry.seq, "does not link to the entry before it (an entry was removed or"
                                          " replaced)")
        recomputed = entry_hash(entry.prev_hash, entry.seq, entry.at, entry.clock, entry.device_id,
                                entry.author_id, entry.action, entry.tbl, entry.row_id, entry.before,
                                entry.after)
        if recomputed != entry.hash and not (is_redacted(entry.before) or is_redacted(entry.after)):
            yield ChainProblem(entry.seq, "content does not match its hash (edited outside the program)")
        expected_prev, expected_seq = entry.hash, entry.seq + 1


# The chain's head (last seq and hash) is also kept in local_state, written in the same transaction as the
# entries: cutting entries off the end of the chain leaves every remaining link intact, so only a head
# stored elsewhere shows it. (Someone editing the file would have to change both consistently.)
HEAD_KEY = "audit_head"


def format_head(seq: int, digest: str) -> str:
    return f"{seq}:{digest}"


def parse_head(text: str | None) -> tuple[int, str] | None:
    if not text or ":" not in text:
        return None
    seq, _, digest = text.partition(":")
    try:
        return int(seq), digest
    except ValueError:
        return None


def head_problems(conn: sqlite3.Connection, recorded: str | None) -> Iterator[ChainProblem]:
    """Whether the chain ends where the program last left it (the head kept in local_state)."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    actual = (row[0], row[1]) if row else (0, GENESIS_HASH)
    head = parse_head(recorded)
    if head is None:
        if actual[0]:
            yield ChainProblem(actual[0], say("审计链末端记录缺失（被删除或并非本程序写入）",
                                              "the recorded chain head is missing (deleted or never written by this program)"))
        return
    seq, digest = head
    if actual[0] < seq:
        yield ChainProblem(seq, say(f"审计记录被截断：链末端的第 {actual[0] + 1}..{seq} 条记录缺失（被删除）",
                                    f"entries {actual[0] + 1}..{seq} at the end of the chain are missing (deleted)"))
    elif actual[0] > seq:
        yield ChainProblem(actual[0], f"entries {seq + 1}..{actual[0]} were added outside the program "
                                      "(after the recorded chain head)")
    elif actual[1] != digest:
        yield ChainProblem(seq, "the last entry is not the one the program wrote (replaced)")
