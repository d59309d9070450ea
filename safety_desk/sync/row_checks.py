"""The row checks a non-office device's changes get, in one sequence for the office's import and the network hub.

Rules only: whoever holds the office's rows hands them in through `StoredRows` (the office's SQLite store at its
import, services/sync_scope.py; the hub's PostgreSQL copy of the office's rows, services/hub_rows.py), so a rule
added to this sequence applies at both. The sequence: the ownership rule and who wrote what
(sync/sender_checks.py), then rows outside the sender's scope (sync/scope_checks.py), then hazard histories
(sync/history_checks.py) and, from an enterprise, the times its events claim (sync/event_times.py).
`device_refuser` gives the merge's `refuse` hook (store/merge.py calls it row by row);
`refusals` drives the same hook row by row without a merge, with the evidence rule the merge applies first
(append-only records, submitted inspections, issued documents: domain/ownership.py), for a caller that only
judges (the hub).
"""

from __future__ import annotations

from typing import Any, Protocol

from safety_desk.domain.device_scope import Scope, ScopeIndex
from safety_desk.domain.ownership import RowFacts, evidence_refusals
from safety_desk.domain.sync_model import TABLE_ORDER, Change, Refuser, folded_rows
from safety_desk.store.records import Device
from safety_desk.sync.event_times import event_time_refusals
from safety_desk.sync.history_checks import history_refusals, refusing_rest
from safety_desk.sync.scope_checks import Moves, refusing, scope_refusals
from safety_desk.sync.sender_checks import ownership_refuser


class StoredRows(Protocol):
    """The office's rows as they stand before a device's changes, as the row checks read them."""

    def scope_index(self, scope: Scope) -> ScopeIndex: ...
    def row(self, table: str, row_id: str) -> dict[str, Any] | None: ...
    def cell_clock(self, table: str, row_id: str, column: str) -> str | None: ...
    def own_people(self, scope: Scope) -> frozenset[str]: ...
    def signs_in_on(self, scope: Scope) -> frozenset[str]: ...
    def former(self, scope: Scope) -> tuple[ScopeIndex, Moves]: ...
    def enterprise_district(self, enterprise_id: str) -> str | None: ...
    def acknowledged(self, enterprise_id: str) -> bool: ...
    def created_events(self, hazard_ids: list[str]) -> dict[str, tuple[str, str]]: ...
    def stored_event_ids(self, event_ids: list[str]) -> set[str]: ...


def device_refuser(sender: Device, changes: list[Change], rows: StoredRows) -> Refuser | None:
    """The merge's `refuse` hook for a bundle of `sender` (not the office): every row check, in order."""
    scope = Scope.of(sender.id, sender.role, sender.scope)
    refuse: Refuser | None = ownership_refuser(sender, rows.own_people(scope), rows.cell_clock,
                                               rows.signs_in_on(scope))
    refuse = refusing(scope_refusals(sender.name, changes, rows.scope_index(scope), rows.row,
                                     lambda: rows.former(scope), rows.enterprise_district, rows.acknowledged), refuse)
    refused = history_refusals(changes, rows.created_events, rows.stored_event_ids)
    if sender.role == "enterprise":
        refused = {**event_time_refusals(changes, rows.stored_event_ids), **refused}
    return refusing_rest(refuse, refused)


def refusals(changes: list[Change], refuse: Refuser | None, rows: StoredRows,
             facts: dict[tuple[str, str], RowFacts]) -> list[tuple[Change, str]]:
    """What the office's import would refuse of a device's changes, judged without merging: row by row in the
    merge's order, the evidence rule, then `refuse` on the rest (`facts`: the parents of hazard events and
    answers as stored before the changes, as store/row_facts.py gives them)."""
    order = {t: i for i, t in enumerate(TABLE_ORDER)}
    by_row: dict[tuple[str, str], list[Change]] = {}
    for change in sorted(changes, key=lambda c: (order[c.table], c.row_id, c.seq)):
        by_row.setdefault((change.table, change.row_id), []).append(change)
    found: list[tuple[Change, str]] = []
    for (table, row_id), row_changes in by_row.items():
        current = rows.row(table, row_id)
        row_facts = facts.get((table, row_id), RowFacts())
        refused = evidence_refusals(table, row_changes, current, row_facts)
        if refuse is not None:
            gone = {id(c) for c, _ in refused}
            refused += refuse(table, row_id, [c for c in row_changes if id(c) not in gone], current, row_facts)
        found += refused
    return found


class JudgedRows(StoredRows, Protocol):
    """StoredRows, and which photos are evidence (what the merge reads with them, store/row_facts.py)."""

    def evidence_photos(self, photo_ids: list[str]) -> set[str]: ...
    def hazard_reviews(self, hazard_ids: list[str]) -> dict[str, str]:
        """hazard id -> the kind of its latest verified / rejected / reopened event in the fold's order (clock,
        then id), for the hazards among `hazard_ids` that have one."""
        ...


_PARENT = {"hazard_event": ("hazard_id", "hazard"), "answer": ("inspection_id", "inspection")}


def row_facts_of(changes: list[Change], rows: JudgedRows) -> dict[tuple[str, str], RowFacts]:
    """(table, row id) -> RowFacts, as store/row_facts.py gives them to the merge, read through `rows`: a hazard
    event's hazard and an answer's inspection as stored before the changes (or arriving with them: new_*), the
    photo annotations whose photo is evidence, and the hazards closed or re-inspected (复查)."""
    arriving = folded_rows(changes)
    facts: dict[tuple[str, str], RowFacts] = {}
    for child, (column, parent) in _PARENT.items():
        for row_id, values in arriving.get(child, {}).items():
            parent_id = values.get(column) or (rows.row(child, row_id) or {}).get(column)
            if not parent_id:
                continue
            stored = rows.row(parent, str(parent_id))
            new = stored is None and parent_id in arriving.get(parent, {})
            found = arriving[parent][parent_id] if new else stored
            facts[(child, row_id)] = (RowFacts(hazard=found, new_hazard=new) if child == "hazard_event"
                                      else RowFacts(inspection=found, new_inspection=new))
    photo_of = {row_id: (rows.row("photo_annotation", row_id) or {}).get("photo_id")
                for row_id in arriving.get("photo_annotation", {})}
    evidence = rows.evidence_photos(sorted({p for p in photo_of.values() if p}))
    for row_id, photo_id in photo_of.items():
        if photo_id in evidence:
            facts[("photo_annotation", row_id)] = RowFacts(evidence_photo=True)
    # A hazard is closed by a verification and reopened only once closed (domain/hazard_status.py): its latest
    # such event says whether it is closed, and having one at all that it was re-inspected.
    for hazard_id, kind in rows.hazard_reviews(sorted(arriving.get("hazard", {}))).items():
        facts[("hazard", hazard_id)] = RowFacts(closed=kind == "verified", reinspected=True)
    return facts
