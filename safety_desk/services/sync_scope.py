"""Sync's scope steps (services/sync.py): rows refused one by one and told back, district moves handed over.

At the office: the rows of a non-office bundle outside its sender's scope are refused (sync/scope_checks.py),
refusals are owed to the sender until it acknowledges them, and what each device is told beside its changes
(its refused changes, the enterprises that left its districts) goes in the bundle's manifest. On a device:
the office's refusals are kept as conflicts, and an enterprise that left the device's districts is dropped
once every write made here to it has reached the office (its edits were made while it was ours).
"""

from __future__ import annotations

from typing import Any

from safety_desk.domain.device_scope import Scope, ScopeIndex
from safety_desk.domain.language import say
from safety_desk.domain.ownership import INSPECTOR_ROLES
from safety_desk.domain.sync_model import WHOLE_ROW, Change, of_tables
from safety_desk.store.database import Database
from safety_desk.store.hazard_history import created_events, stored_event_ids
from safety_desk.store.local_state import LocalState
from safety_desk.store.records import Device
from safety_desk.store.scope_moves import ScopeMoves
from safety_desk.store.sync_log import SyncLog
from safety_desk.sync.scope_checks import Moves

_LISTED = 20  # refusals told listed one by one in an import's warnings (all are in the conflicts)


class StoreRows:
    """At the office: its stored rows as the row checks read them (sync/row_checks.py), for a bundle of `sender`."""

    def __init__(self, db: Database, log: SyncLog, sender: Device) -> None:
        self.db, self.log, self.sender = db, log, sender
        self.moves = ScopeMoves(db)
        self.row = log.row_scope_values
        self.cell_clock = log.cell_clock
        self.own_people = log.own_people
        self.signs_in_on = log.signs_in_on
        self.scope_index = log.scope_index
        self.enterprise_district = self.moves.enterprise_district
        self.acked = log.peer(sender.id).acked_seq  # as received before this bundle: its own ack counts from the next

    def former(self, scope: Scope) -> tuple[ScopeIndex, Moves]:
        moved = self.moves.moves_out_of(scope.district_ids) if scope.district_ids else {}
        return self.log.enterprises_index(scope, set(moved)), moved

    def acknowledged(self, enterprise_id: str) -> bool:
        return 0 < self.log.cell_seq("enterprise", enterprise_id, "district_id") <= self.acked

    def created_events(self, hazard_ids: list[str]) -> dict[str, tuple[str, str]]:
        return created_events(self.db.conn, hazard_ids)

    def stored_event_ids(self, event_ids: list[str]) -> set[str]:
        return stored_event_ids(self.db.conn, event_ids)


def after_merge_at_office(db: Database, sender: Device, changes: list[Change]) -> None:
    """In the import's transaction, after the merge of a device's bundle at the office."""
    moves = ScopeMoves(db)
    # A hazard a device wrote before its enterprise moved goes to the enterprise's district.
    moves.relabel_hazards(sorted({c.row_id for c in changes if c.table == "hazard"}))
    # Whatever was refused of the bundle (out of scope, not the sender's to change, ...) is told back.
    moves.owe_refusals(sender.id)


def notices_for(db: Database, log: SyncLog, peer: Device, scope: Scope, acked_seq: int,
                in_scope: set[str]) -> dict[str, Any]:
    """What the office tells a device in a bundle's manifest until it acknowledges it: which of its changes were
    refused and why, and which enterprises left its districts (it drops their records)."""
    moves = ScopeMoves(db)
    told: dict[str, Any] = {}
    refused, more = moves.refusals_owed(peer.id, acked_seq)
    if refused:
        told["refused"] = refused
        told["refused_more"] = more
    # (A device that acknowledged nothing yet holds nothing to drop.)
    moved = set(log.moved_enterprises(acked_seq)) - in_scope if scope.district_ids and acked_seq else set()
    if moved:
        leaving = sorted(moved & set(moves.moves_out_of(scope.district_ids)))
        if leaving:
            told["out_of_scope"] = leaving
    return told


def kept_for(log: SyncLog, index: Any, notices: dict[str, Any]) -> list[Change]:
    """At the office: the cells we kept of the rows whose changes we refused from the peer and still tell it of,
    those its scope lets it hold (store/sync_log.py kept_cells). They travel with the refusals, so its copy ends with
    our value instead of keeping its refused one for ever."""
    refused = notices.get("refused") or []
    return log.kept_cells(index, [(n["table"], n["row_id"], n["field"]) for n in refused]) if refused else []


def _notices_of(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    refused = manifest.get("refused")
    if not isinstance(refused, list):
        return []
    return [n for n in refused if isinstance(n, dict) and all(isinstance(n.get(k), str)
                                                              for k in ("table", "row_id", "field"))]


def cells_taken_back(db: Database, manifest: dict[str, Any]) -> frozenset[tuple[str, str, str]]:
    """On a device, before merging the office's bundle: our cells the office refused and that still hold the
    refused write; the office's kept values in the bundle replace them (store/merge.py yield_cells)."""
    notices = _notices_of(manifest)
    return ScopeMoves(db).refused_cells_held(notices) if notices else frozenset()


def take_notices(db: Database, log: SyncLog, me: Device, office: Device, manifest: dict[str, Any],
                 changes: list[Change], now: str) -> tuple[list[str], list[str] | None]:
    """On a device, in the import's transaction: keep the office's refusals of our changes as conflicts, blank the
    password hashes of who does not sign in here, and drop the records of enterprises that left our scope (moved
    to another district, or of a district the office took off this device) once all we wrote to them reached the
    office. Returns the warnings for the import's result and, when records were dropped, the photos whose records
    went (their files go once the transaction is committed; None: nothing was dropped)."""
    moves = ScopeMoves(db)
    local_state = LocalState(db)
    warnings = []
    if isinstance(manifest.get("refused"), list):
        notices = _notices_of(manifest)
        moves.forget_refused_events(notices)  # the office's history of those hazards is the one that counts
        kept = moves.keep_refusals(office.id, notices, now)
        moves.forget_refused_rows(notices)  # a new row it refused whole and does not hold: kept in the conflicts only
        if kept:
            warnings.append(say(f"安全办拒收了本机的 {len(notices)} 项修改，详见同步冲突",
                                f"the office refused {len(notices)} of this device's changes: see the sync conflicts"))
            warnings += [f"{n['table']}.{n['field']} {n['row_id']}: {n.get('reason', '')}" for n in notices[:_LISTED]]
        more = manifest.get("refused_more")
        if isinstance(more, int) and more > 0:
            # A manifest stays small: the rest are listed only at the office.
            warnings.append(say(f"另有 {more} 项被拒收的修改，详见安全办的同步冲突",
                                f"and {more} more refused changes: see the sync conflicts at the office"))
    scope = Scope.of(me.id, me.role, me.scope)
    # Who signs in here may have changed (the office's `device people`, a district's members): the password
    # hashes of everyone else are blanked (domain/device_scope.py).
    acked = log.peer(office.id).acked_seq
    moves.forget_password_hashes(log.signers(scope), acked)
    if me.role == "enterprise" and any(c.table == "enterprise" and c.field in ("district_id", WHOLE_ROW)
                                       for c in changes):
        moves.drop_unnamed_districts()  # its enterprise moved: the district it left is out of its scope
    told = manifest.get("out_of_scope")
    leaving = set(local_state.leaving_enterprises())
    leaving |= {e for e in told if isinstance(e, str)} if isinstance(told, list) else set()
    # An enterprise that came back (its record arrives again) stays.
    leaving -= {c.row_id for c in of_tables(changes, {"enterprise"}) if c.field in ("district_id", WHOLE_ROW)}
    lost_districts = me.role in INSPECTOR_ROLES and bool(scope.district_ids)
    if lost_districts:
        # The office changed this laptop's districts (`device districts`): the enterprises of those it lost.
        leaving |= moves.enterprises_outside(scope.district_ids)
    kept, dropped = [], []
    for enterprise_id in sorted(leaving):
        rows = moves.rows_of(enterprise_id)
        if not rows["enterprise"]:
            continue
        if moves.unsent_writes(rows, acked):
            kept.append(enterprise_id)  # our edits of it go to the office first (made while it was ours)
            continue
        photos = log.scope_index(Scope(me.id, "enterprise", enterprise_id=enterprise_id)).photo_ids
        if not moves.drop(rows, photos):
            kept.append(enterprise_id)
            warnings.append(say(f"企业 {enterprise_id} 已调出本机片区，但其记录仍被引用，暂未移除",
                                f"enterprise {enterprise_id} left this device's districts, but its records are still referred to: kept for now"))
        else:
            dropped.append(enterprise_id)
    local_state.set_leaving_enterprises(kept)
    districts: list[str] = []
    if lost_districts and not kept and (dropped or moves.members_outside(scope.district_ids)):
        districts = moves.drop_lost_districts(set(scope.district_ids))
    if dropped:
        db.audit_event("scope_drop", "enterprise", None, None, dropped)
    if moves.dropped_photos:
        db.audit_event("scope_drop", "photo", None, None, sorted(moves.dropped_photos))
    if districts:
        db.audit_event("scope_drop", "district", None, None, districts)
    if dropped or districts:
        moves.scrub_text_indexes()
        return warnings, moves.dropped_photos
    return warnings, None
