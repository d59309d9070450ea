"""The stored parents a change set's rows are judged by (domain/ownership.py), read once before the set applies.

A hazard event is judged by its hazard, an answer by its inspection, a photo's annotation by whether the photo
is evidence and a hazard by whether it is closed or was re-inspected, as they were BEFORE the change set:
read after the parents merged, a hazard's source or an inspection's status would vouch for the very change
set that altered it.
"""

from __future__ import annotations

from typing import Any, Iterable

from safety_desk.domain.ownership import REINSPECTION_EVENT_KINDS, RowFacts
from safety_desk.domain.sync_model import Change, folded_rows, of_tables

_CHUNK = 500
# child table -> (its reference column, the parent table, the parent's columns the rule reads)
_PARENT = {"hazard_event": ("hazard_id", "hazard", "id, source"),
           "answer": ("inspection_id", "inspection", "id, status, kind")}


def _rows(conn: Any, table: str, columns: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        for row in conn.execute(f"SELECT {columns} FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            found[row["id"]] = dict(row)
    return found


def incoming_rows(changes: Iterable[Change], tables: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> row id -> the values a change set brings (whole rows and single cells folded), for `tables`."""
    wanted = set(tables)
    changes = changes if isinstance(changes, list) else list(changes)
    return {table: {} for table in wanted} | folded_rows(of_tables(changes, wanted))


def evidence_photos(conn: Any, photo_ids: Iterable[str]) -> set[str]:
    """The photos among `photo_ids` attached, as stored, to a hazard event or to an answer of a submitted
    inspection (their annotations only grow: domain/ownership.py)."""
    found: set[str] = set()
    wanted = sorted(set(photo_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for sql in (f"SELECT j.value FROM hazard_event e, json_each(e.photos) j WHERE j.value IN ({marks})",
                    f"SELECT j.value FROM answer a JOIN inspection i ON i.id = a.inspection_id, json_each(a.photos) j"
                    f" WHERE i.status = 'submitted' AND j.value IN ({marks})"):
            found.update(r[0] for r in conn.execute(sql, chunk))
    return found


def _annotation_facts(conn: Any, changes: list[Change]) -> dict[tuple[str, str], RowFacts]:
    ids = {c.row_id for c in changes if c.table == "photo_annotation"}
    if not ids:
        return {}
    photo_of = {row_id: row["photo_id"] for row_id, row in _rows(conn, "photo_annotation", "id, photo_id", ids).items()}
    evidence = evidence_photos(conn, photo_of.values())
    return {("photo_annotation", row_id): RowFacts(evidence_photo=True)
            for row_id, photo_id in photo_of.items() if photo_id in evidence}


def hazard_facts(conn: Any, hazard_ids: Iterable[str]) -> dict[str, RowFacts]:
    """hazard id -> whether it is closed (已销号) and whether it was re-inspected (复查), for the hazards among
    `hazard_ids` that are either: what decides which of its fields an enterprise still changes."""
    closed: set[str] = set()
    reinspected: set[str] = set()
    kinds = sorted(REINSPECTION_EVENT_KINDS)
    wanted = sorted(set(hazard_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        closed.update(r[0] for r in conn.execute(
            f"SELECT hazard_id FROM hazard_state WHERE status = '已销号' AND hazard_id IN ({marks})", chunk))
        reinspected.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT hazard_id FROM hazard_event WHERE kind IN ({','.join('?' * len(kinds))})"
            f" AND hazard_id IN ({marks})", [*kinds, *chunk]))
    return {hazard_id: RowFacts(closed=hazard_id in closed, reinspected=hazard_id in reinspected)
            for hazard_id in closed | reinspected}


def _closed_hazards(conn: Any, changes: list[Change]) -> dict[tuple[str, str], RowFacts]:
    found = hazard_facts(conn, {c.row_id for c in changes if c.table == "hazard"})
    return {("hazard", hazard_id): facts for hazard_id, facts in found.items()}


def row_facts(conn: Any, changes: list[Change], children: Iterable[str] = tuple(_PARENT)
              ) -> dict[tuple[str, str], RowFacts]:
    """(child table, row id) -> the facts of its parent before `changes` apply, for the rows of `children`
    (hazard events, answers), of every photo annotation whose photo is evidence and, with "hazard" among
    `children`, of every closed or re-inspected hazard."""
    facts = _annotation_facts(conn, changes)
    if "hazard" in children:
        facts.update(_closed_hazards(conn, changes))
    children = [c for c in children if c in _PARENT]
    if not children:
        return facts
    arriving = incoming_rows(changes, [*children, *(_PARENT[c][1] for c in children)])
    for child in children:
        column, parent, parent_columns = _PARENT[child]
        incoming = arriving[child]
        if not incoming:
            continue
        stored = _rows(conn, child, f"id, {column}", (r for r, v in incoming.items() if not v.get(column)))
        parent_of = {row_id: (values.get(column) or (stored.get(row_id) or {}).get(column))
                     for row_id, values in incoming.items()}
        parents = _rows(conn, parent, parent_columns, (p for p in parent_of.values() if p))
        for row_id, parent_id in parent_of.items():
            row = parents.get(parent_id)
            new = row is None and parent_id in arriving[parent]
            if new:
                row = arriving[parent][parent_id]
            if child == "hazard_event":
                facts[(child, row_id)] = RowFacts(hazard=row, new_hazard=new)
            else:
                facts[(child, row_id)] = RowFacts(inspection=row, new_inspection=new)
    return facts
