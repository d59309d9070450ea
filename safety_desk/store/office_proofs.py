"""On a device: the office's proofs of the cells it wrote (table office_proof; sync/office_proof.py says why)."""

from __future__ import annotations

import json
from typing import Any, Iterable

_BATCH = 300
_ENCODE = json.JSONEncoder(separators=(",", ":")).encode


def keep_proofs(conn: Any, lines: Iterable[tuple[str, str, str, dict[str, str]]]) -> None:
    """Keep (table, row id, clock the office wrote it with, {field: proof}) of each line of the office's bundle."""
    conn.executemany("INSERT OR IGNORE INTO office_proof (tbl, row_id, clock, proofs) VALUES (?, ?, ?, ?)",
                     [(table, row_id, clock, _ENCODE(proofs)) for table, row_id, clock, proofs in lines])


def proofs_of(conn: Any, writes: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict[str, str]]:
    """(table, row id, clock) -> {field: proof} kept for the office writes asked about."""
    wanted = sorted(set(writes))
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start:start + _BATCH]
        where = " OR ".join("(tbl = ? AND row_id = ? AND clock = ?)" for _ in chunk)
        for tbl, row_id, clock, proofs in conn.execute(
                f"SELECT tbl, row_id, clock, proofs FROM office_proof WHERE {where}",
                [value for write in chunk for value in write]):
            found[(tbl, row_id, clock)] = json.loads(proofs)
    return found
