"""On a device: the office's proofs of the cells it wrote (table office_proof; sync/office_proof.py says why)."""

from __future__ import annotations

from typing import Any, Iterable

_BATCH = 500


def keep_proofs(conn: Any, proofs: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Keep (table, row id, field, clock, proof) for each cell, replacing a proof of an older write only."""
    conn.executemany(
        "INSERT INTO office_proof (tbl, row_id, field, clock, proof) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (tbl, row_id, field) DO UPDATE SET clock = excluded.clock, proof = excluded.proof"
        " WHERE excluded.clock >= office_proof.clock", proofs)


def proofs_of(conn: Any, cells: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(table, row id, field) -> (clock, proof) kept for the cells asked about."""
    wanted = sorted(set(cells))
    found: dict[tuple[str, str, str], tuple[str, str]] = {}
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start:start + _BATCH]
        where = " OR ".join("(tbl = ? AND row_id = ? AND field = ?)" for _ in chunk)
        for tbl, row_id, field, clock, proof in conn.execute(
                f"SELECT tbl, row_id, field, clock, proof FROM office_proof WHERE {where}",
                [value for cell in chunk for value in cell]):
            found[(tbl, row_id, field)] = (clock, proof)
    return found
