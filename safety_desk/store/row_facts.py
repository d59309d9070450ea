"""The stored parents a change set's rows are judged by (domain/ownership.py), read once before the set applies.

A hazard event is judged by its hazard and an answer by its inspection as they were BEFORE the change set:
read after the parents merged, a hazard's source or an inspection's status would vouch for the very change
set that altered it.
"""

from __future__ import annotations

from typing import Any, Iterable

from safety_desk.domain.ownership import RowFacts
from safety_desk.domain.sync_model import WHOLE_ROW, Change

_CHUNK = 500
# child table -> (its reference column, the parent table)
_PARENT = {"hazard_event": ("hazard_id", "hazard"), "answer": ("inspection_id", "inspection")}


def _rows(conn: Any, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        for row in conn.execute(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            found[row["id"]] = dict(row)
    return found


def incoming_rows(changes: Iterable[Change], table: str) -> dict[str, dict[str, Any]]:
    """The values a change set brings for each row of `table` (whole rows and single cells folded)."""
    rows: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change.table != table:
            continue
        row = rows.setdefault(change.row_id, {})
        if change.field == WHOLE_ROW:
            row.update(change.value)
        else:
            row[change.field] = change.value
    return rows


def row_facts(conn: Any, changes: list[Change]) -> dict[tuple[str, str], RowFacts]:
    """(child table, row id) -> the facts of its parent before `changes` apply, for every event and answer."""
    facts: dict[tuple[str, str], RowFacts] = {}
    for child, (column, parent) in _PARENT.items():
        incoming = incoming_rows(changes, child)
        if not incoming:
            continue
        stored = _rows(conn, child, incoming)
        parent_of = {row_id: (values.get(column) or (stored.get(row_id) or {}).get(column))
                     for row_id, values in incoming.items()}
        parents = _rows(conn, parent, (p for p in parent_of.values() if p))
        arriving = incoming_rows(changes, parent)
        for row_id, parent_id in parent_of.items():
            row = parents.get(parent_id)
            new = row is None and parent_id in arriving
            if new:
                row = arriving[parent_id]
            if child == "hazard_event":
                facts[(child, row_id)] = RowFacts(hazard=row, new_hazard=new)
            else:
                facts[(child, row_id)] = RowFacts(inspection=row, new_inspection=new)
    return facts
