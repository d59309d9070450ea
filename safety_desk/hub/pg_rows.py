"""The office's rows at the hub, read in SQL as the office's row checks read its own (sync/row_checks.JudgedRows).

The same questions store/sync_log.py, store/scope_moves.py, store/hazard_history.py and store/row_facts.py answer
on the office's SQLite database, asked of the hub's copy (hub/pg_store.py migration 2: `office_row` holds each row
as JSONB with the clock and the office's write seq of each cell; `office_move` each enterprise's latest move).
The rules themselves are not here: services/hub_rows.py runs the office's own. Used inside one transaction.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

import psycopg

from safety_desk.domain.device_scope import Scope, ScopeIndex, default_signers, signer_problem

_PHOTO_LISTS = "CASE WHEN {col}->>'photos' LIKE '[%%' THEN ({col}->>'photos')::jsonb ELSE '[]'::jsonb END"
_LABELLED = ("inspection", "notice", "drill", "hazard", "incident")


def _ids(value: Any) -> list[str]:
    """The ids of a JSON list column (stored as its text, as the office stores it)."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class PgRows:
    """The hub's copy of the office's rows for judging one upload of `sender_id` (rows read once, then kept)."""

    def __init__(self, conn: psycopg.Connection, sender_id: str, office_id: str, feed_upto: int,
                 tables: Iterable[str] | None = None) -> None:
        """`tables`: those the upload writes (None: any). The photos of the sender's scope, the costliest part of
        its index (every photo list of its enterprises' hazard events and answers), are read only for an upload
        with photo annotations: the one row the scope check judges by them."""
        self.conn = conn
        self.photos_needed = tables is None or "photo_annotation" in set(tables)
        self._held: dict[tuple[str, str], tuple[dict, dict, dict] | None] = {}
        row = conn.execute("SELECT acked->%s FROM office_feed", (sender_id,)).fetchone()
        # How far the sender had confirmed having the office's writes before this bundle, as the office counted it
        # at its last exchange (services/hub_rows.acked_counts): not the acknowledgement of the last bundle the
        # office acknowledged here, which it does not count when it refused that bundle whole or was restored since.
        ack = row[0] if row else 0
        self.acked = min(ack, feed_upto) if isinstance(ack, int) and not isinstance(ack, bool) else 0

    # -- rows -------------------------------------------------------------------------------------
    def prefetch(self, keys: Iterable[tuple[str, str]]) -> None:
        wanted = sorted({k for k in keys if k not in self._held})
        for start in range(0, len(wanted), 1000):
            chunk = wanted[start:start + 1000]
            for key in chunk:
                self._held[key] = None
            for tbl, row_id, data, clocks, seqs in self.conn.execute(
                    "SELECT tbl, row_id, data, clocks, seqs FROM office_row WHERE (tbl, row_id) IN "
                    "(SELECT * FROM unnest(%s::text[], %s::text[]))", ([k[0] for k in chunk], [k[1] for k in chunk])):
                self._held[(tbl, row_id)] = (data, clocks, seqs)

    def _get(self, table: str, row_id: str) -> tuple[dict, dict, dict] | None:
        key = (table, row_id)
        if key not in self._held:
            self.prefetch([key])
        return self._held[key]

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        held = self._get(table, row_id)
        return dict(held[0]) if held else None

    def cell_clock(self, table: str, row_id: str, column: str) -> str | None:
        held = self._get(table, row_id)
        return held[1].get(column, held[1].get("*")) if held else None

    def cell_seq(self, table: str, row_id: str, column: str) -> int:
        held = self._get(table, row_id)
        return held[2].get(column, held[2].get("*", 0)) if held else 0

    def _select(self, table: str, where: str, params: tuple, what: str = "data") -> list[tuple[str, Any]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            f"SELECT row_id, {what} FROM office_row WHERE tbl = %s AND {where}", (table, *params))]

    # -- people -----------------------------------------------------------------------------------
    def own_people(self, scope: Scope) -> frozenset[str]:
        if scope.role == "enterprise":
            rows = self._select("person", "data->>'enterprise_id' = %s", (scope.enterprise_id,))
        else:
            rows = self._select("person", "data->>'enterprise_id' IS NULL AND data->>'role' IN ('inspector', 'leader')",
                                ())
        return frozenset(row_id for row_id, _ in rows)

    def _people(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        return [{"id": row_id, **data} for row_id, data in self._select("person", "row_id = ANY(%s)", (sorted(ids),))]

    def signers(self, scope: Scope) -> set[str]:
        if scope.everything:
            return {row_id for row_id, _ in self._select("person", "TRUE", ())}
        if scope.people is not None:
            return {p["id"] for p in self._people(scope.people)
                    if signer_problem(scope.role, scope.enterprise_id, p) is None}
        if scope.role == "enterprise":
            people = [{"id": r, **d} for r, d in self._select("person", "data->>'enterprise_id' = %s",
                                                                (scope.enterprise_id,))]
            return default_signers(scope, people, [], {})
        districts = sorted(scope.district_ids)
        members = [d for _, d in self._select("district_member", "data->>'district_id' = ANY(%s)", (districts,))]
        leaders = {r: d.get("leader_id") for r, d in self._select("district", "row_id = ANY(%s)", (districts,))
                   if not d.get("deleted")}
        candidates = {m.get("person_id") for m in members} | {v for v in leaders.values() if v}
        return default_signers(scope, self._people(c for c in candidates if c), members, leaders)

    def signs_in_on(self, scope: Scope) -> frozenset[str]:
        return frozenset(self.signers(scope)) & self.own_people(scope)

    # -- scope --------------------------------------------------------------------------------------
    def scope_index(self, scope: Scope) -> ScopeIndex:
        index = ScopeIndex(scope)
        if scope.everything:
            return index
        if scope.role == "enterprise":
            enterprise = self.row("enterprise", scope.enterprise_id or "")
            index.enterprise_ids = {scope.enterprise_id} if enterprise else set()
            index.district_ids = {enterprise.get("district_id")} if enterprise else set()
        else:
            index.district_ids = set(scope.district_ids)
            index.enterprise_ids = {r for r, _ in self._select("enterprise", "data->>'district_id' = ANY(%s)",
                                                                  (sorted(scope.district_ids),))}
        index.person_ids = self.signers(scope)
        self._fill(index)
        return index

    def enterprise_index(self, scope: Scope, enterprise_id: str) -> ScopeIndex:
        """The index of `scope` narrowed to one enterprise it covers (what a preview of that enterprise's upload
        is filtered by: services/hub_relay.py)."""
        index = ScopeIndex(scope, district_ids=set(scope.district_ids), enterprise_ids={enterprise_id})
        self._fill(index)
        return index

    def _fill(self, index: ScopeIndex) -> None:
        """The hazards, inspections, photos and named districts of the index's enterprises."""
        enterprises = sorted(index.enterprise_ids)
        of = "data->>'enterprise_id' = ANY(%s)"
        photo_list = "data->>'photos'"  # only the photo lists are read of the rows below
        hazards = self._select("hazard", of, (enterprises,), photo_list)
        inspections = self._select("inspection", of, (enterprises,), "NULL")
        index.hazard_ids = {r for r, _ in hazards}
        index.inspection_ids = {r for r, _ in inspections}
        index.label_district_ids = {r[0] for r in self.conn.execute(
            "SELECT DISTINCT data->>'district_id' FROM office_row WHERE tbl = ANY(%s) AND data->>'enterprise_id' = "
            "ANY(%s) AND data->>'district_id' IS NOT NULL", (list(_LABELLED), enterprises))} - index.district_ids
        if not self.photos_needed:
            return
        photos = {p for _, listed in hazards for p in _ids(listed)}
        for _, listed in (
                self._select("hazard_event", "data->>'hazard_id' = ANY(%s)", (sorted(index.hazard_ids),), photo_list)
                + self._select("answer", "data->>'inspection_id' = ANY(%s)", (sorted(index.inspection_ids),),
                               photo_list)
                + self._select("drill", of, (enterprises,), photo_list)):
            photos.update(_ids(listed))
        index.photo_ids = photos

    def former(self, scope: Scope) -> tuple[ScopeIndex, dict[str, tuple[str, str]]]:
        districts = sorted(scope.district_ids)
        moved = {e: (left, clock) for e, left, clock in self.conn.execute(
            "SELECT enterprise_id, left_district, clock FROM office_move WHERE left_district = ANY(%s) "
            "AND (to_district IS NULL OR to_district <> ALL(%s))", (districts, districts))} if districts else {}
        index = ScopeIndex(scope, enterprise_ids=set(moved))
        self._fill(index)
        return index, moved

    def enterprise_district(self, enterprise_id: str) -> str | None:
        return (self.row("enterprise", enterprise_id) or {}).get("district_id")

    def acknowledged(self, enterprise_id: str) -> bool:
        return 0 < self.cell_seq("enterprise", enterprise_id, "district_id") <= self.acked

    # -- hazard histories and evidence ------------------------------------------------------------
    def created_events(self, hazard_ids: list[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for row_id, data in self._select("hazard_event", "data->>'kind' = 'created' AND data->>'hazard_id' = ANY(%s)",
                                         (hazard_ids,)):
            hazard_id, event = data.get("hazard_id"), (str(data.get("clock")), row_id)
            if hazard_id not in found or event < found[hazard_id]:
                found[hazard_id] = event  # the first in the fold's order (store/hazard_history.py)
        return found

    def stored_event_ids(self, event_ids: list[str]) -> set[str]:
        return {r for r, _ in self._select("hazard_event", "row_id = ANY(%s)", (event_ids,))}

    def hazard_reviews(self, hazard_ids: list[str]) -> dict[str, str]:
        if not hazard_ids:
            return {}
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT DISTINCT ON (data->>'hazard_id') data->>'hazard_id', data->>'kind' FROM office_row "
            "WHERE tbl = 'hazard_event' AND data->>'kind' IN ('verified', 'rejected', 'reopened') "
            "AND data->>'hazard_id' = ANY(%s) "
            "ORDER BY data->>'hazard_id', (data->>'clock') COLLATE \"C\" DESC, row_id COLLATE \"C\" DESC",
            (hazard_ids,))}

    def evidence_photos(self, photo_ids: list[str]) -> set[str]:
        if not photo_ids:
            return set()
        found = {r[0] for r in self.conn.execute(
            f"SELECT p FROM office_row e, jsonb_array_elements_text({_PHOTO_LISTS.format(col='e.data')}) p "
            "WHERE e.tbl = 'hazard_event' AND p = ANY(%s)", (photo_ids,))}
        found |= {r[0] for r in self.conn.execute(
            f"SELECT p FROM office_row a JOIN office_row i ON i.tbl = 'inspection' AND i.row_id = a.data->>'inspection_id',"
            f" jsonb_array_elements_text({_PHOTO_LISTS.format(col='a.data')}) p "
            "WHERE a.tbl = 'answer' AND i.data->>'status' = 'submitted' AND p = ANY(%s)", (photo_ids,))}
        return found
