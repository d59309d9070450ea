"""Sync bookkeeping in SQL: peers and their acknowledgements, bundles seen, photos sent, conflicts, scoped export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from safety_desk.domain.device_scope import (Scope, ScopeIndex, default_signers, referenced_photos, row_in_scope,
                                             signer_problem, withheld_fields)
from safety_desk.domain.hybrid_clock import device_of
from safety_desk.store.changes import Change
from safety_desk.store.database import PER_FIELD, SYNC_MODE, WHOLE_ROW, Database
from safety_desk.store.local_state import LocalState

_BATCH = 500
# Records that belong to no enterprise: never part of "everything of an enterprise that entered a scope".
# (Districts do go along: the enterprise's and those its records name, which the device may lack.)
# The person fields a device needs for a sign-in (resent when someone joins its sign-in list).
SIGN_IN_FIELDS = frozenset({"password_hash", "must_change_password"})
_NOT_OF_AN_ENTERPRISE = frozenset({"office", "checklist", "campaign", "device", "district_member", "notice_block"})


@dataclass(frozen=True)
class PeerState:
    device_id: str
    acked_seq: int
    received_seq: int
    sent_ack: int
    sent_upto: int
    last_export_at: str | None
    last_import_at: str | None
    last_bundle: str | None
    last_manifest: str | None


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str
    tbl: str
    row_id: str
    field: str
    kept_value: Any
    kept_clock: str | None
    kept_author: str | None
    lost_value: Any
    lost_clock: str | None
    lost_author: str | None
    source: str
    detected_at: str
    note: str
    resolved_at: str | None
    resolution: str | None


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class SyncLog:
    """Reads and writes the device-local sync tables (migration NNNN_sync.sql) inside the caller's transactions."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn

    # -- peers ---------------------------------------------------------------------------------
    def peer(self, device_id: str) -> PeerState:
        row = self.conn.execute("SELECT * FROM sync_peer WHERE device_id = ?", (device_id,)).fetchone()
        if row is None:
            return PeerState(device_id, 0, 0, 0, 0, None, None, None, None)
        return PeerState(*tuple(row))

    def peers(self) -> list[PeerState]:
        return [PeerState(*tuple(r)) for r in self.conn.execute("SELECT * FROM sync_peer ORDER BY device_id")]

    def ensure_peer(self, device_id: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO sync_peer (device_id) VALUES (?)", (device_id,))

    def note_export(self, device_id: str, *, at: str, sent_ack: int, sent_upto: int, file_name: str,
                    manifest_sha256: str) -> None:
        self.ensure_peer(device_id)
        self.conn.execute("UPDATE sync_peer SET last_export_at = ?, sent_ack = ?, sent_upto = ?, last_bundle = ?,"
                          " last_manifest = ? WHERE device_id = ?",
                          (at, sent_ack, sent_upto, file_name, manifest_sha256, device_id))

    def note_import(self, device_id: str, *, at: str | None, acked_seq: int, received_seq: int) -> None:
        """Raise the peer's acknowledgement of our writes and ours of its writes (never lowers either)."""
        self.ensure_peer(device_id)
        self.conn.execute("UPDATE sync_peer SET last_import_at = coalesce(?, last_import_at),"
                          " acked_seq = max(acked_seq, ?), received_seq = max(received_seq, ?) WHERE device_id = ?",
                          (at, acked_seq, received_seq, device_id))
        self.refresh_acknowledged()

    def restart_peer(self, device_id: str, *, acked_seq: int, received_seq: int) -> None:
        """The peer is a new incarnation (restored from a backup): set both counters as they are now, lower or
        not, forget what we sent it and which photos it holds (it may have lost them), so the next bundle for
        it starts from what it really has."""
        self.ensure_peer(device_id)
        self.conn.execute("UPDATE sync_peer SET acked_seq = ?, received_seq = ?, sent_ack = 0, sent_upto = 0"
                          " WHERE device_id = ?", (acked_seq, received_seq, device_id))
        self.conn.execute("DELETE FROM sync_photo WHERE peer_id = ?", (device_id,))
        self.refresh_acknowledged()

    def refresh_acknowledged(self) -> None:
        """The last write every live peer has confirmed (revoked ones do not count: they never will), so
        unsynced_count() says what still has to reach someone."""
        lowest = self.conn.execute(
            "SELECT min(p.acked_seq) FROM sync_peer p JOIN device d ON d.id = p.device_id"
            " WHERE d.revoked_at IS NULL AND d.deleted = 0").fetchone()[0]
        LocalState(self.db).set_acknowledged_seq(lowest if lowest is not None else self.last_seq())

    def last_seq(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM write_log").fetchone()[0]

    def waiting_rows(self, after_seq: int, peer_id: str | None = None) -> int:
        """Rows changed here after `after_seq`, less those whose last change came from `peer_id` (about what the
        peer has still to receive; its scope may hold fewer)."""
        if peer_id is None:
            return self.conn.execute("SELECT count(*) FROM row_clock WHERE last_seq > ?", (after_seq,)).fetchone()[0]
        return self.conn.execute(
            "SELECT count(*) FROM row_clock r JOIN write_log w ON w.seq = r.last_seq WHERE r.last_seq > ?"
            " AND coalesce(w.received_from, '') != ?", (after_seq, peer_id)).fetchone()[0]

    # -- bundles -------------------------------------------------------------------------------
    def bundle_seen(self, bundle_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sync_bundle WHERE bundle_id = ?", (bundle_id,)).fetchone() is not None

    def record_bundle(self, *, bundle_id: str, sender: str, recipient: str, file_name: str, manifest_sha256: str,
                      at: str, changes: int, applied: int) -> None:
        self.conn.execute("INSERT INTO sync_bundle (bundle_id, sender, recipient, file_name, manifest_sha256,"
                          " imported_at, changes, applied) VALUES (?,?,?,?,?,?,?,?)",
                          (bundle_id, sender, recipient, file_name, manifest_sha256, at, changes, applied))

    def imported_file_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT file_name FROM sync_bundle")}

    # -- photos a peer holds -------------------------------------------------------------------
    def photos_held_by(self, peer_id: str, acked_seq: int) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT photo_id FROM sync_photo WHERE peer_id = ? AND (upto_seq IS NULL OR upto_seq <= ?)",
            (peer_id, acked_seq))}

    def note_photos_sent(self, peer_id: str, photo_ids: list[str], upto_seq: int) -> None:
        self.conn.executemany(
            "INSERT INTO sync_photo (peer_id, photo_id, upto_seq) VALUES (?, ?, ?) ON CONFLICT (peer_id, photo_id)"
            " DO UPDATE SET upto_seq = excluded.upto_seq WHERE sync_photo.upto_seq IS NOT NULL",
            [(peer_id, p, upto_seq) for p in photo_ids])

    def note_photos_received(self, peer_id: str, photo_ids: list[str]) -> None:
        self.conn.executemany(
            "INSERT INTO sync_photo (peer_id, photo_id, upto_seq) VALUES (?, ?, NULL) ON CONFLICT (peer_id, photo_id)"
            " DO UPDATE SET upto_seq = NULL", [(peer_id, p) for p in photo_ids])

    def photo_ids_present(self, photo_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(photo_ids), _BATCH):
            chunk = photo_ids[start:start + _BATCH]
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM photo WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    # -- conflicts -----------------------------------------------------------------------------
    def conflicts(self, *, include_resolved: bool = False, kinds: tuple[str, ...] | None = None,
                  limit: int = 1000) -> list[ConflictRow]:
        where, params = [], []
        if not include_resolved:
            where.append("resolved_at IS NULL")
        if kinds:
            where.append(f"kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
        sql = "SELECT * FROM conflict" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY detected_at DESC, id DESC LIMIT ?"
        return [self._conflict(r) for r in self.conn.execute(sql, [*params, limit])]

    def note_unreturned_writes(self, device_id: str, *, source: str, at: str, note: str) -> None:
        """On a restored office revoking a device that has not written to it since the restore: a refused-kind
        conflict on the device's record (shown on the Sync page and by `sync conflicts --all`), with the latest
        clock of that device's writes held here."""
        last = self.conn.execute("SELECT max(clock) FROM write_log WHERE substr(clock, 22) = ?",
                                 (device_id,)).fetchone()[0]
        self.conn.execute(
            "INSERT INTO conflict (id, kind, tbl, row_id, field, kept_clock, source, detected_at, note) VALUES"
            " (?, 'refused', 'device', ?, '*', ?, ?, ?, ?)", (self.db.new_id(), device_id, last, source, at, note))

    def conflict(self, conflict_id: str) -> ConflictRow | None:
        row = self.conn.execute("SELECT * FROM conflict WHERE id = ?", (conflict_id,)).fetchone()
        return self._conflict(row) if row else None

    @staticmethod
    def _conflict(row: Any) -> ConflictRow:
        values = dict(row)
        values["kept_value"] = _loads(values["kept_value"])
        values["lost_value"] = _loads(values["lost_value"])
        return ConflictRow(**values)

    def resolve_conflict(self, conflict_id: str, *, at: str, resolution: str) -> None:
        self.conn.execute("UPDATE conflict SET resolved_at = ?, resolution = ? WHERE id = ?",
                          (at, resolution, conflict_id))

    def open_conflict_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM conflict WHERE resolved_at IS NULL AND kind IN"
                                 " ('value', 'unique', 'refused')").fetchone()[0]

    # -- scope ---------------------------------------------------------------------------------
    def scope_index(self, scope: Scope) -> ScopeIndex:
        """The ids the scope covers in this database (every id for the office: it is never filtered)."""
        index = ScopeIndex(scope)
        if scope.everything:
            return index
        conn = self.conn
        if scope.role == "enterprise":
            index.enterprise_ids = {r[0] for r in conn.execute("SELECT id FROM enterprise WHERE id = ?",
                                                               (scope.enterprise_id,))}
            index.district_ids = {r[0] for r in conn.execute("SELECT district_id FROM enterprise WHERE id = ?",
                                                             (scope.enterprise_id,))}
        else:
            index.district_ids = set(scope.district_ids)
            districts = sorted(scope.district_ids)
            marks = ",".join("?" * len(districts)) or "NULL"
            index.enterprise_ids = {r[0] for r in conn.execute(
                f"SELECT id FROM enterprise WHERE district_id IN ({marks})", districts)}
        index.person_ids = self.signers(scope)
        self._fill_index(index)
        return index

    def signers(self, scope: Scope) -> set[str]:
        """The people who sign in on a device of this scope: its sign-in list, or the default
        (domain/device_scope.py); only they have their password hash on it. (Asked per export: the office syncs
        with every enterprise's PC, so only the candidates are read.)"""
        columns = "SELECT id, login, role, enterprise_id, deleted FROM person"
        if scope.everything:
            return {r[0] for r in self.conn.execute("SELECT id FROM person")}
        if scope.people is not None:
            wanted = sorted(scope.people)
            people = [dict(r) for start in range(0, len(wanted), _BATCH) for r in self.conn.execute(
                f"{columns} WHERE id IN ({','.join('?' * len(wanted[start:start + _BATCH]))})",
                wanted[start:start + _BATCH])]
            return {p["id"] for p in people if signer_problem(scope.role, scope.enterprise_id, p) is None}
        if scope.role == "enterprise":
            people = [dict(r) for r in self.conn.execute(f"{columns} WHERE enterprise_id = ?", (scope.enterprise_id,))]
            return default_signers(scope, people, [], {})
        districts = sorted(scope.district_ids)
        marks = ",".join("?" * len(districts)) or "NULL"
        members = [dict(r) for r in self.conn.execute(
            f"SELECT district_id, person_id, deleted FROM district_member WHERE district_id IN ({marks})", districts)]
        leaders = {r[0]: r[1] for r in self.conn.execute(
            f"SELECT id, leader_id FROM district WHERE deleted = 0 AND id IN ({marks})", districts)}
        candidates = sorted({m["person_id"] for m in members} | {v for v in leaders.values() if v})
        people = [dict(r) for start in range(0, len(candidates), _BATCH) for r in self.conn.execute(
            f"{columns} WHERE id IN ({','.join('?' * len(candidates[start:start + _BATCH]))})",
            candidates[start:start + _BATCH])]
        return default_signers(scope, people, members, leaders)

    def signers_changed(self, after_seq: int) -> bool:
        """Whether who serves which district changed after `after_seq` (a default sign-in list may have grown)."""
        return self.conn.execute("SELECT 1 FROM row_clock WHERE tbl IN ('district_member', 'district')"
                                 " AND last_seq > ? LIMIT 1", (after_seq,)).fetchone() is not None

    def enterprises_index(self, scope: Scope, enterprise_ids: set[str]) -> ScopeIndex:
        """An index of these enterprises and everything of theirs, for `scope`'s role (enterprises that left it)."""
        index = ScopeIndex(scope, enterprise_ids=set(enterprise_ids))
        self._fill_index(index)
        return index

    def _fill_index(self, index: ScopeIndex) -> None:
        """The hazards, inspections and photos of the index's enterprises."""
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS scope_enterprise (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.scope_enterprise")
        conn.executemany("INSERT INTO temp.scope_enterprise (id) VALUES (?)", [(e,) for e in index.enterprise_ids])
        inside = "IN (SELECT id FROM temp.scope_enterprise)"
        index.hazard_ids = {r[0] for r in conn.execute(f"SELECT id FROM hazard WHERE enterprise_id {inside}")}
        index.inspection_ids = {r[0] for r in conn.execute(f"SELECT id FROM inspection WHERE enterprise_id {inside}")}
        photos = set()
        for sql in (f"SELECT j.value FROM hazard h, json_each(h.photos) j WHERE h.enterprise_id {inside}",
                    f"SELECT j.value FROM hazard h JOIN hazard_event e ON e.hazard_id = h.id, json_each(e.photos) j"
                    f" WHERE h.enterprise_id {inside}",
                    f"SELECT j.value FROM inspection i JOIN answer a ON a.inspection_id = i.id, json_each(a.photos) j"
                    f" WHERE i.enterprise_id {inside}",
                    f"SELECT j.value FROM drill d, json_each(d.photos) j WHERE d.enterprise_id {inside}"):
            photos.update(r[0] for r in conn.execute(sql))
        index.photo_ids = photos
        index.label_district_ids = {r[0] for table in ("inspection", "notice", "drill", "hazard", "incident")
                                    for r in conn.execute(f"SELECT DISTINCT district_id FROM {table}"
                                                          f" WHERE enterprise_id {inside}")} - index.district_ids
        conn.execute("DELETE FROM temp.scope_enterprise")

    def row_scope_values(self, table: str, row_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return dict(row) if row else None

    def own_people(self, scope: Scope) -> frozenset[str]:
        """The people a device writes as (domain/ownership.py authorship): an enterprise's staff for its PC;
        the inspectors and leaders (people of no enterprise) for an inspector's or leader's laptop."""
        if scope.role == "enterprise":
            rows = self.conn.execute("SELECT id FROM person WHERE enterprise_id = ?", (scope.enterprise_id,))
        else:
            rows = self.conn.execute("SELECT id FROM person WHERE enterprise_id IS NULL AND role IN ('inspector',"
                                     " 'leader')")
        return frozenset(r[0] for r in rows)

    def signs_in_on(self, scope: Scope) -> frozenset[str]:
        """The people who sign in on a device of `scope` and may change their own password there: its sign-in list
        (`signers`: named at enrolment, else the district's inspectors and leaders or the enterprise's staff), as
        the office holds it when the change arrives. One rule for which hashes a device holds and whose passwords
        it may change."""
        return frozenset(self.signers(scope)) & self.own_people(scope)

    def cell_clock(self, table: str, row_id: str, column: str) -> str | None:
        """The clock of the write that set this cell here (None: the cell is not here)."""
        seq = self.cell_seq(table, row_id, column)
        row = self.conn.execute("SELECT clock FROM write_log WHERE seq = ?", (seq,)).fetchone() if seq else None
        return row[0] if row else None

    def cell_first_clock(self, table: str, row_id: str, column: str) -> str | None:
        """The clock the write that set this cell here was made with: the one it had before a receiver capped it
        (a device's clock far ahead), else its clock (None: the cell is not here)."""
        seq = self.cell_seq(table, row_id, column)
        row = self.conn.execute("SELECT coalesce(capped_from, clock) FROM write_log WHERE seq = ?",
                                (seq,)).fetchone() if seq else None
        return row[0] if row else None

    # -- export ---------------------------------------------------------------------------------
    def moved_enterprises(self, after_seq: int) -> list[str]:
        """Enterprises whose district was changed after `after_seq` (they may have entered a device's scope)."""
        moved = []
        for row_id, fields in self.conn.execute("SELECT row_id, fields FROM row_clock WHERE tbl = 'enterprise'"
                                                " AND last_seq > ?", (after_seq,)):
            if json.loads(fields).get("district_id", 0) > after_seq:
                moved.append(row_id)
        return moved

    def cell_seq(self, table: str, row_id: str, column: str) -> int:
        fields = self.db.fields_of(table, row_id)
        return fields.get(column, fields.get(WHOLE_ROW, 0))

    def export_for(self, index: ScopeIndex | None, recipient: str | None, after_seq: int,
                   upto_seq: int | None = None, only: ScopeIndex | None = None,
                   echo_upto: int = 0) -> Iterator[Change]:
        """Every cell written here after `after_seq` (up to `upto_seq`) that the scope lets the recipient have.

        Cells the recipient wrote or sent us are not sent back (unless this device capped their clock: then
        the recipient needs the capped clock; or they are written up to `echo_upto`: the recipient was restored
        from a backup and lost them). Rows of append-only and single-author records go whole.
        """
        columns = {table: [c for c in self.db.columns(table) if c != "id"] for table in SYNC_MODE}
        upto = upto_seq if upto_seq is not None else self.last_seq()
        cursor = self.conn.execute("SELECT tbl, row_id, fields FROM row_clock WHERE last_seq > ? AND last_seq <= ?"
                                   " ORDER BY last_seq", (after_seq, upto))
        while batch := cursor.fetchmany(_BATCH):
            decoded = [(table, row_id, json.loads(fields)) for table, row_id, fields in batch]
            seqs = sorted({seq for _, _, fields in decoded for seq in fields.values()})
            writes = {}
            for start in range(0, len(seqs), _BATCH):
                chunk = seqs[start:start + _BATCH]
                for seq, clock, author, capped, source in self.conn.execute(
                        "SELECT seq, clock, author, capped_from, received_from FROM write_log"
                        f" WHERE seq IN ({','.join('?' * len(chunk))})", chunk):
                    # Never send a peer back what it sent or wrote (unless we capped its clock: it needs that).
                    echo = capped is None and seq > echo_upto and (source == recipient or device_of(clock) == recipient)
                    writes[seq] = (clock, author, capped, echo)
            by_table: dict[str, list[str]] = {}
            for table, row_id, _ in decoded:
                by_table.setdefault(table, []).append(row_id)
            current: dict[tuple[str, str], dict] = {}
            for table, ids in by_table.items():
                for row in self.conn.execute(f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(ids))})", ids):
                    current[(table, row["id"])] = dict(row)
            for table, row_id, fields in decoded:
                row = current.get((table, row_id))
                if row is None:
                    continue
                if index is not None and not row_in_scope(index, table, row):
                    continue
                if only is not None and (table in _NOT_OF_AN_ENTERPRISE or not row_in_scope(only, table, row)):
                    continue
                withheld = withheld_fields(index, table, row) if index is not None else frozenset()
                if SYNC_MODE[table] != PER_FIELD:
                    seq = fields[WHOLE_ROW]
                    clock, author, capped, echo = writes[seq]
                    if recipient and echo:
                        continue
                    yield Change(table, row_id, WHOLE_ROW, clock, author, row, seq, capped)
                    continue
                for column in columns[table]:
                    seq = fields.get(column, fields.get(WHOLE_ROW))
                    if seq is None or seq <= after_seq or seq > upto or column in withheld:
                        continue
                    clock, author, capped, echo = writes[seq]
                    if recipient and echo:
                        continue
                    yield Change(table, row_id, column, clock, author, row[column], seq, capped)

    def changes_for(self, index: ScopeIndex, peer_id: str, after_seq: int, upto_seq: int,
                    echo_upto: int = 0) -> list[Change]:
        """export_for a peer's scope; an enterprise moved into the peer's districts since `after_seq` goes with all
        its records, not only what changed lately."""
        changes = list(self.export_for(index, peer_id, after_seq, upto_seq, echo_upto=echo_upto))
        if after_seq and not index.scope.everything and self.signers_changed(after_seq):
            # Someone may have joined the device's sign-in list (a district's new member): their password hash
            # goes now, whenever it was written (it was withheld until now). The peer keeps what it has.
            sent = {(c.table, c.row_id, c.field) for c in changes}
            for person_id in sorted(index.person_ids):
                changes.extend(c for c in self.row_cells("person", person_id, upto_seq)
                               if c.field in SIGN_IN_FIELDS and (c.table, c.row_id, c.field) not in sent)
        if after_seq and not index.scope.everything:
            sent = {(c.table, c.row_id, c.field) for c in changes}
            for enterprise_id in self.moved_enterprises(after_seq):
                if enterprise_id not in index.enterprise_ids:
                    continue
                only = self.scope_index(Scope(peer_id, "enterprise", enterprise_id=enterprise_id))
                for change in self.export_for(index, peer_id, 0, upto_seq, only=only):
                    # Two enterprises moved in share rows (their district): each cell goes once.
                    if (change.table, change.row_id, change.field) not in sent:
                        sent.add((change.table, change.row_id, change.field))
                        changes.append(change)
        if index.label_district_ids:
            # A record naming a district the peer may not hold (one its enterprise left) brings that district.
            named = {c.value if c.field == "district_id" else c.value.get("district_id")
                     for c in changes if c.field == "district_id" or (c.field == WHOLE_ROW and isinstance(c.value, dict))}
            named &= index.label_district_ids
            named -= {c.row_id for c in changes if c.table == "district"}
            for district_id in sorted(named):
                changes.extend(self.row_cells("district", district_id, upto_seq))
        return changes

    def row_cells(self, table: str, row_id: str, upto_seq: int) -> list[Change]:
        """Every cell of one row of a per-field table as changes with their recorded clocks."""
        row = self.row_scope_values(table, row_id)
        fields = self.db.fields_of(table, row_id)
        if row is None or not fields:
            return []
        seqs = sorted(set(fields.values()))
        writes = {seq: (clock, author, capped) for seq, clock, author, capped in self.conn.execute(
            f"SELECT seq, clock, author, capped_from FROM write_log WHERE seq IN ({','.join('?' * len(seqs))})",
            seqs)}
        cells = []
        for column in self.db.columns(table):
            seq = fields.get(column, fields.get(WHOLE_ROW))
            if column == "id" or seq is None or seq > upto_seq or seq not in writes:
                continue
            clock, author, capped = writes[seq]
            cells.append(Change(table, row_id, column, clock, author, row[column], seq, capped))
        return cells

    def kept_cells(self, index: ScopeIndex, refused: list[tuple[str, str, str]]) -> list[Change]:
        """At the office: our current cells, with their clocks, of the rows of which the peer's changes were refused
        ((table, row id, field); field '*' is the whole row), those of rows its scope lets it hold and fields not
        withheld from it. They go back with the refusals, so the peer's copy ends with the value kept here."""
        cells: dict[tuple[str, str, str], Change] = {}
        for table, row_id, field_name in refused:
            if table not in SYNC_MODE:
                continue
            row = self.row_scope_values(table, row_id)
            if row is None or not row_in_scope(index, table, row):
                continue
            if SYNC_MODE[table] != PER_FIELD:
                whole = self.whole_row_change(table, row_id)
                found = [whole] if whole is not None else []
            else:
                withheld = withheld_fields(index, table, row)
                found = [c for c in self.row_cells(table, row_id, self.last_seq())
                         if c.field not in withheld and field_name in (WHOLE_ROW, c.field)]
            for change in found:
                cells[(change.table, change.row_id, change.field)] = change
        return list(cells.values())

    def with_photos(self, peer_id: str, acked_seq: int, changes: list[Change]) -> tuple[list[Change], list[str]]:
        """The changes plus the photo records they reference that the peer does not hold yet (less photo records
        this database lacks), and the ids of those photos: their files go along."""
        held = self.photos_held_by(peer_id, acked_seq)
        photo_rows = {c.row_id for c in changes if c.table == "photo"}
        wanted = (photo_rows | self.referenced_photo_ids(changes)) - held
        present = self.photo_ids_present(sorted(wanted))
        changes = [c for c in changes if c.table != "photo" or c.row_id in present]
        for photo_id in sorted(present - photo_rows):
            extra_row = self.whole_row_change("photo", photo_id)
            if extra_row is not None:
                changes.append(extra_row)
        return changes, sorted(present)

    def whole_row_change(self, table: str, row_id: str) -> Change | None:
        """A row of an append-only or single-author table as a change with its recorded clock."""
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
        fields = self.db.fields_of(table, row_id)
        if row is None or WHOLE_ROW not in fields:
            return None
        seq = fields[WHOLE_ROW]
        clock, author, capped = self.conn.execute("SELECT clock, author, capped_from FROM write_log WHERE seq = ?",
                                                  (seq,)).fetchone()
        return Change(table, row_id, WHOLE_ROW, clock, author, dict(row), seq, capped)

    def referenced_photo_ids(self, changes: list[Change]) -> set[str]:
        found: set[str] = set()
        for change in changes:
            if change.field == WHOLE_ROW:
                found.update(referenced_photos(change.table, change.value))
            elif change.field == "photos":
                found.update(referenced_photos(change.table, {"photos": change.value}))
        return found
