"""District moves and refused rows in SQL: where enterprises moved from, refusal notices owed, rows that left a scope.

At the office: an enterprise's district changes only there (the enterprise record is the office's), by an update
whose audit entry keeps the district it left and the clock of the move; refused rows of a bundle are noted as
owed to their sender (table sync_refusal) until the sender acknowledges the seq they were refused at. On a
device: the notices the office sent are kept as 'refused' conflicts, and the rows of an enterprise that left
the device's scope are deleted (locally: nothing of it travels) once every write made here to them has reached
the office.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Iterator

from safety_desk.domain.sync_model import TABLE_ORDER
from safety_desk.store.audit import redact_rows
from safety_desk.store.database import Database

_BATCH = 500
_SHORT_VALUE = 400  # characters of a refused value or reason told back to its sender
# The records of one enterprise, by the column that ties them to it (hazard events and answers through their
# parent; photos and their annotations are dropped when nothing kept still shows them).
_OWN_ROWS = (("enterprise", "id"), ("person", "enterprise_id"), ("inspection", "enterprise_id"),
             ("notice", "enterprise_id"), ("drill", "enterprise_id"), ("hazard", "enterprise_id"),
             ("incident", "enterprise_id"), ("training", "enterprise_id"))
_CHILD_ROWS = (("answer", "inspection_id", "inspection"), ("hazard_event", "hazard_id", "hazard"))


@contextmanager
def secure_delete(conn) -> Iterator[None]:
    """Deleted rows are overwritten with zeros (not left in free pages) while this lasts."""
    before = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(before)}")


class ScopeMoves:
    """Reads and writes of district moves and refusal notices inside the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn
        self.dropped_photos: list[str] = []  # photos whose records drop() deleted: their files go after the commit

    # -- at the office: where enterprises moved from -------------------------------------------------
    def moves_out_of(self, district_ids: frozenset[str] | set[str]) -> dict[str, tuple[str, str]]:
        """enterprise id -> (the district it left, the clock of the move) for each enterprise whose latest
        district change took it from one of `district_ids` to a district not among them."""
        return {e: (before, clock) for e, (before, after, clock) in self.latest_moves().items()
                if before in district_ids and after not in district_ids}

    def latest_moves(self) -> dict[str, tuple[Any, Any, str]]:
        """enterprise id -> (the district it left, the one it went to, the clock) of its latest district change
        (the network hub gets them with the office's rows: services/hub_rows.py)."""
        latest: dict[str, tuple[Any, Any, str]] = {}
        for row_id, clock, before, after in self.conn.execute(
                "SELECT row_id, clock, json_extract(before, '$.district_id'), json_extract(after, '$.district_id')"
                " FROM audit WHERE tbl = 'enterprise' AND action = 'update' AND json_valid(after)"
                " AND json_extract(after, '$.district_id') IS NOT NULL ORDER BY seq"):
            latest[row_id] = (before, after, clock)
        return latest

    def relabel_hazards(self, hazard_ids: list[str]) -> int:
        """Put these hazards in their enterprise's district where they name another (one a device wrote before
        its enterprise moved): a hazard is followed up in its enterprise's district's ledger. Office writes."""
        moved = 0
        for start in range(0, len(hazard_ids), _BATCH):
            chunk = hazard_ids[start:start + _BATCH]
            for hazard_id, district_id in self.conn.execute(
                    "SELECT h.id, e.district_id FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id"
                    f" WHERE h.id IN ({','.join('?' * len(chunk))}) AND h.district_id != e.district_id",
                    chunk).fetchall():
                self.db.update("hazard", hazard_id, {"district_id": district_id})
                moved += 1
        return moved

    def enterprise_district(self, enterprise_id: str) -> str | None:
        row = self.conn.execute("SELECT district_id FROM enterprise WHERE id = ?", (enterprise_id,)).fetchone()
        return row[0] if row else None

    # -- at the office: refusals owed to their sender ------------------------------------------------
    def owe_refusals(self, peer_id: str) -> int:
        """The 'refused' conflicts of `peer_id`'s changes not yet owed are told in our bundles to it until it
        acknowledges the one write logged for them here (so a bundle goes out with them); returns how many."""
        unowed = ("FROM conflict c WHERE c.kind = 'refused' AND c.source = ? AND NOT EXISTS"
                  " (SELECT 1 FROM sync_refusal r WHERE r.conflict_id = c.id)")
        count = self.conn.execute(f"SELECT count(*) {unowed}", (peer_id,)).fetchone()[0]
        if count:
            seq = self.db.new_write()[0]
            self.conn.execute(f"INSERT INTO sync_refusal (conflict_id, peer_id, seq) SELECT id, ?, ? {unowed}",
                              (peer_id, seq, peer_id))
        return count

    def refusals_owed(self, peer_id: str, acked_seq: int, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        """The refusals `peer_id` has not acknowledged yet (at most `limit`, oldest first) and how many more.
        Long values are left out (the device holds them): the manifest that carries these stays small."""
        rows = self.conn.execute(
            "SELECT c.tbl, c.row_id, c.field, c.lost_clock, c.lost_value, c.note FROM sync_refusal r"
            " JOIN conflict c ON c.id = r.conflict_id WHERE r.peer_id = ? AND r.seq > ? ORDER BY r.seq, c.id"
            " LIMIT ?", (peer_id, acked_seq, limit + 1)).fetchall()
        notices = [{"table": t, "row_id": r, "field": f, "clock": clock,
                    "value": json.loads(v) if v and len(v) <= _SHORT_VALUE else None, "reason": note[:_SHORT_VALUE]}
                   for t, r, f, clock, v, note in rows[:limit]]
        for notice in notices:
            # A row we do not hold at all (a new row refused whole): the sender forgets its copy (forget_refused_rows).
            table = notice["table"]
            if table in TABLE_ORDER and self.conn.execute(
                    f"SELECT NOT EXISTS (SELECT 1 FROM {table} WHERE id = ?)", (notice["row_id"],)).fetchone()[0]:
                notice["absent"] = True
        more = 0
        if len(rows) > limit:
            more = self.conn.execute("SELECT count(*) FROM sync_refusal WHERE peer_id = ? AND seq > ?",
                                     (peer_id, acked_seq)).fetchone()[0] - limit
        return notices, more

    # -- on a device: what the office refused of ours ----------------------------------------------
    def keep_refusals(self, office_id: str, notices: list[dict[str, Any]], at: str) -> int:
        """Record the office's notices as 'refused' conflicts (each once); returns how many were new."""
        new = 0
        for notice in notices:
            key = (notice["table"], notice["row_id"], notice["field"], notice.get("clock"))
            if self.conn.execute("SELECT 1 FROM conflict WHERE kind = 'refused' AND tbl = ? AND row_id = ?"
                                 " AND field = ? AND lost_clock IS ? AND source = ?", (*key, office_id)).fetchone():
                continue
            self.conn.execute(
                "INSERT INTO conflict (id, kind, tbl, row_id, field, lost_value, lost_clock, lost_author, source,"
                " detected_at, note) VALUES (?, 'refused', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.db.new_id(), *key[:3], json.dumps(notice.get("value"), ensure_ascii=False, default=str),
                 key[3], self.db.author_id or "", office_id, at, str(notice.get("reason") or "")))
            new += 1
        return new

    def refused_cells_held(self, notices: list[dict[str, Any]]) -> frozenset[tuple[str, str, str]]:
        """On a device: (table, row id, field) of the cells the office refused that still hold the refused write
        (same clock): the office's kept value, sent with the refusal, replaces those (store/merge.py); a cell
        written again here since is left to travel as a new change. A refused whole row of a per-field table
        names each of its cells written by that write."""
        from safety_desk.domain.sync_model import SYNC_MODE, WHOLE_ROW

        held: set[tuple[str, str, str]] = set()
        for notice in notices:
            table, row_id, field_name, clock = notice["table"], notice["row_id"], notice["field"], notice.get("clock")
            if table not in SYNC_MODE or not isinstance(clock, str):
                continue
            fields = self.db.fields_of(table, row_id)
            if not fields:
                continue
            seqs = sorted(set(fields.values()))
            clocks = dict(self.conn.execute(
                f"SELECT seq, clock FROM write_log WHERE seq IN ({','.join('?' * len(seqs))})", seqs).fetchall())
            if field_name == WHOLE_ROW:
                held.update((table, row_id, f) for f, seq in fields.items() if clocks.get(seq) == clock)
            elif clocks.get(fields.get(field_name, fields.get(WHOLE_ROW))) == clock:
                held.add((table, row_id, field_name))
        return frozenset(held)

    def forget_refused_events(self, notices: list[dict[str, Any]]) -> int:
        """On a device: delete the hazard events of its own the office refused (each still as written here: same
        clock), so its hazards fold as the office's do; each stays in the conflicts table (keep_refusals) with its
        values. Local, like drop(); returns how many were deleted."""
        wanted = {n["row_id"]: n.get("clock") for n in notices
                  if n.get("table") == "hazard_event" and n.get("field") == "*"}
        gone, hazards = [], set()
        for event_id, clock in sorted(wanted.items()):
            found = self.conn.execute(
                "SELECT e.hazard_id, w.clock FROM hazard_event e JOIN row_clock r ON r.tbl = 'hazard_event'"
                " AND r.row_id = e.id JOIN write_log w ON w.seq = r.last_seq WHERE e.id = ?", (event_id,)).fetchone()
            if found is not None and found[1] == clock:
                gone.append(event_id)
                hazards.add(found[0])
        if gone:
            from safety_desk.store.hazards import HazardRepository

            photos: set[str] = set()
            for start in range(0, len(gone), _BATCH):
                chunk = gone[start:start + _BATCH]
                photos.update(r[0] for r in self.conn.execute(
                    f"SELECT j.value FROM hazard_event e, json_each(e.photos) j WHERE e.id IN"
                    f" ({','.join('?' * len(chunk))})", chunk))
            self._delete("hazard_event", gone)
            HazardRepository(self.db).refresh_states(sorted(hazards))
            # Their photos the office took (no refusal of the photo itself) and nothing here shows any more: the
            # office's scope for us no longer holds them either (local, like drop(); the files stay).
            photos -= {n["row_id"] for n in notices if n.get("table") == "photo"}
            unshown = self._unreferenced(photos)
            self._delete("photo_annotation", self._annotations_of(unshown))
            self._delete("photo", unshown)
        return len(gone)

    def forget_refused_rows(self, notices: list[dict[str, Any]]) -> int:
        """On a device: delete the rows of its own the office refused whole and does not hold (`absent`), when every
        cell of the row still holds a refused write (nothing written to it here since), so its copy holds what the
        office holds. The row's values go into its refusal conflicts first (the notice carries short values only).
        Local, like drop(); a row something kept still refers to stays. Returns how many were deleted."""
        refused: dict[tuple[str, str], set[str]] = {}
        for notice in notices:
            if notice.get("absent") is True and notice["table"] in TABLE_ORDER and notice["table"] != "hazard_event" \
                    and isinstance(notice.get("clock"), str):
                refused.setdefault((notice["table"], notice["row_id"]), set()).add(notice["clock"])
        gone = 0
        for (table, row_id), clocks in sorted(refused.items()):
            row = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
            seqs = sorted(set(self.db.fields_of(table, row_id).values()))
            if row is None or not seqs:
                continue
            written = {r[0] for r in self.conn.execute(
                f"SELECT clock FROM write_log WHERE seq IN ({','.join('?' * len(seqs))})", seqs)}
            if not written <= clocks:
                continue  # written again here since: that write travels and is judged on its own
            values = dict(row)
            self.conn.execute("SAVEPOINT forget_refused")
            for field_name, value in [("*", values), *values.items()]:
                self.conn.execute("UPDATE conflict SET lost_value = ? WHERE kind = 'refused' AND tbl = ? AND row_id = ?"
                                  " AND field = ?", (json.dumps(value, ensure_ascii=False, default=str), table, row_id,
                                                     field_name))
            if self.drop({table: [row_id]}, set()):
                gone += 1
            else:
                self.conn.execute("ROLLBACK TO forget_refused")
            self.conn.execute("RELEASE forget_refused")
        return gone

    # -- on a device: password hashes of people who do not sign in here ---------------------------------
    def forget_password_hashes(self, keep: set[str], acked_seq: int) -> list[str]:
        """Blank the password hash of everyone not in `keep` (the device's sign-in list), with its cell clock, so
        the hash arrives again whole should the person join the list (a value equal in clock would not): a local
        forgetting, like drop(). A new password written here and not yet acknowledged by the office (seq over
        `acked_seq`) waits until it has gone. Returns the ids of the people whose hash was blanked."""
        columns = [c for c in self.db.columns("person") if c != "id"]
        forgotten = []
        for person_id, fields_text in self.conn.execute(
                "SELECT p.id, r.fields FROM person p LEFT JOIN row_clock r ON r.tbl = 'person' AND r.row_id = p.id"
                " WHERE p.password_hash IS NOT NULL").fetchall():
            if person_id in keep:
                continue
            fields = json.loads(fields_text) if fields_text else {}
            seq = fields.get("password_hash", fields.get("*"))
            if seq is not None and seq > acked_seq and self.conn.execute(
                    "SELECT 1 FROM write_log WHERE seq = ? AND received_from IS NULL", (seq,)).fetchone():
                continue
            if "*" in fields:
                whole = fields.pop("*")
                fields = {**{c: whole for c in columns}, **fields}
            fields.pop("password_hash", None)
            self.conn.execute("UPDATE person SET password_hash = NULL WHERE id = ?", (person_id,))
            if fields:
                self.db.set_row_fields("person", person_id, fields)
            forgotten.append(person_id)
        if forgotten:
            self.db.touched("person", forgotten)
            self.db.audit_event("forget_password_hashes", "person", None, None, sorted(forgotten))
        return forgotten

    # -- on a device: dropping an enterprise that left its scope ------------------------------------------
    def enterprises_outside(self, district_ids: frozenset[str] | set[str]) -> set[str]:
        """The enterprises here whose district is none of these (on a laptop: of a district it no longer serves)."""
        return {r[0] for r in self.conn.execute("SELECT id, district_id FROM enterprise").fetchall()
                if r[1] not in district_ids}

    def rows_of(self, enterprise_id: str) -> dict[str, list[str]]:
        """table -> ids of the enterprise's own records here (not photos)."""
        found: dict[str, list[str]] = {}
        for table, column in _OWN_ROWS:
            found[table] = [r[0] for r in self.conn.execute(f"SELECT id FROM {table} WHERE {column} = ?",
                                                            (enterprise_id,))]
        for table, column, parent in _CHILD_ROWS:
            ids = found[parent]
            found[table] = [r[0] for start in range(0, len(ids), _BATCH) for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE {column} IN ({','.join('?' * len(ids[start:start + _BATCH]))})",
                ids[start:start + _BATCH])]
        return found

    def unsent_writes(self, rows: dict[str, list[str]], acked_seq: int) -> int:
        """How many of these rows carry a write made here that the office has not acknowledged."""
        count = 0
        for table, ids in rows.items():
            for start in range(0, len(ids), _BATCH):
                chunk = ids[start:start + _BATCH]
                for (fields,) in self.conn.execute(
                        f"SELECT fields FROM row_clock WHERE tbl = ? AND last_seq > ? AND row_id IN"
                        f" ({','.join('?' * len(chunk))})", [table, acked_seq, *chunk]):
                    seqs = [s for s in json.loads(fields).values() if s > acked_seq]
                    marks = ",".join("?" * len(seqs))
                    if self.conn.execute(f"SELECT 1 FROM write_log WHERE seq IN ({marks}) AND received_from IS NULL",
                                         seqs).fetchone():
                        count += 1
        return count

    def drop(self, rows: dict[str, list[str]], photo_ids: set[str]) -> bool:
        """Delete these rows, then those of `photo_ids` (and their annotations) nothing kept shows any more, with
        their write clocks, the conflicts kept about them (but the office's refusals) and the values the audit
        trail holds of them (store/audit.py redact_rows): a local forgetting (no write is logged, nothing
        travels). All or nothing: when something kept still refers to one of them, nothing is deleted (False).
        The pages they leave are overwritten (secure_delete), so no copy of the file (a backup made later) holds
        them; the photos whose records went are added to `dropped_photos` (their files go after the commit)."""
        self.conn.execute("SAVEPOINT scope_drop")
        try:
            with self.secure_delete():
                self._delete("hazard_state", rows.get("hazard", []), column="hazard_id", clocks=False)
                for table in reversed(TABLE_ORDER):
                    self._delete(table, rows.get(table, []))
                photos = self._unreferenced(photo_ids)
                annotations = self._annotations_of(photos)
                self._delete("photo_annotation", annotations)
                self._delete("photo", photos)
                if self.conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    self.conn.execute("ROLLBACK TO scope_drop")
                    return False
                # The audit trail's copies of their values go too (the entries stay, marked redacted).
                redact_rows(self.conn, {**rows, "photo": photos, "photo_annotation": annotations})
                # Conflicts keep values of the rows (others' too); the office's refusals of this device's own
                # changes stay, so its people still see what was not taken.
                for table, ids in [*rows.items(), ("photo", photos)]:
                    self._delete("conflict", ids, column="row_id", clocks=False,
                                 where=f"kind != 'refused' AND tbl = '{table}' AND ")
            self.dropped_photos.extend(photos)
            return True
        finally:
            self.conn.execute("RELEASE scope_drop")

    def secure_delete(self):
        return secure_delete(self.conn)

    def scrub_text_indexes(self) -> None:
        """After a drop: rebuild the full-text indexes (migration 0009) so the words of the rows dropped are not
        left in their segments, overwriting the pages they free."""
        with self.secure_delete():
            for index in ("enterprise_text", "hazard_text"):
                self.conn.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")

    def truncate_wal(self) -> None:
        """Outside a transaction: copy the log into the database and empty it, so the dropped rows' old pages
        are not left in the -wal file (best effort: a reader holding an old snapshot keeps it for now)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def members_outside(self, district_ids: frozenset[str] | set[str]) -> bool:
        """Whether memberships of other districts than these are here (of a district this laptop lost)."""
        districts = sorted(district_ids)
        return self.conn.execute(f"SELECT 1 FROM district_member WHERE district_id NOT IN"
                                 f" ({','.join('?' * len(districts)) or 'NULL'}) LIMIT 1", districts).fetchone() is not None

    def drop_lost_districts(self, keep: set[str]) -> list[str]:
        """On an inspector's or leader's laptop whose districts the office changed: forget the memberships of the
        districts it lost and those districts when nothing kept names them. Local, like drop(); returns the ids
        of the districts dropped."""
        with self.secure_delete():
            lost = [member_id for member_id, district_id in self.conn.execute(
                "SELECT id, district_id FROM district_member").fetchall() if district_id not in keep]
            self._delete("district_member", lost)
            districts = self.drop_unnamed_districts(keep)
            redact_rows(self.conn, {"district_member": lost, "district": districts})
            return districts

    def drop_unnamed_districts(self, keep: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """On an enterprise's PC: forget the districts no record here names any more (the one its enterprise left
        when the office moved it, and moved it back), as the office's scope for the PC no longer holds them.
        Local, like drop(); returns the ids of those dropped."""
        named = set()
        for table in TABLE_ORDER:
            for row in self.conn.execute(f"PRAGMA foreign_key_list({table})"):
                if row[2] == "district":
                    named.update(r[0] for r in self.conn.execute(f"SELECT DISTINCT {row[3]} FROM {table}"))
        unnamed = [r[0] for r in self.conn.execute("SELECT id FROM district") if r[0] not in named | set(keep)]
        self._delete("district", unnamed)
        return unnamed

    def _delete(self, table: str, ids: list[str], column: str = "id", clocks: bool = True, where: str = "") -> None:
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start:start + _BATCH]
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM {table} WHERE {where}{column} IN ({marks})", chunk)
            if clocks:
                self.conn.execute(f"DELETE FROM row_clock WHERE tbl = ? AND row_id IN ({marks})", [table, *chunk])
                self.db.touched(table, chunk)

    def _unreferenced(self, photo_ids: set[str]) -> list[str]:
        """Of these photos, those no hazard, event, answer or drill here shows any more."""
        if not photo_ids:
            return []
        shown: set[str] = set()
        for table, alias in (("hazard", "h"), ("hazard_event", "e"), ("answer", "a"), ("drill", "d")):
            shown.update(r[0] for r in self.conn.execute(
                f"SELECT j.value FROM {table} {alias}, json_each({alias}.photos) j"))
        return sorted(photo_ids - shown)

    def _annotations_of(self, photo_ids: list[str]) -> list[str]:
        found = []
        for start in range(0, len(photo_ids), _BATCH):
            chunk = photo_ids[start:start + _BATCH]
            found += [r[0] for r in self.conn.execute(
                f"SELECT id FROM photo_annotation WHERE photo_id IN ({','.join('?' * len(chunk))})", chunk)]
        return found
