"""Merging changes from a peer: last writer wins per cell by (clock, device), losers kept as conflicts.

DESIGN.md §4, in one pass inside the caller's transaction:
- a clock further ahead of this device's wall clock than the tolerance is capped to now (drift recorded), so
  a peer whose clock runs in the future never wins every later edit; a row's own clock (a hazard event's,
  which orders the status fold) is never later than the write that carried it (store/merge_clocks.py);
- changes the sender's role does not own are refused, each recorded (kind 'refused');
- a row new here that has the same unique key (USCC, district code, login, notice number...) as a row
  already here keeps the smaller id; the other row is kept in the conflicts table and its id becomes an
  alias, so later changes to it and references to it land on the kept row;
- per field (or per row for single-author records, union for append-only ones) the later (clock, device)
  wins; a value that loses to a concurrent edit is recorded (kind 'value'). A value we already saw from
  this sender (a resent bundle) or one the sender had seen from us is history, not a conflict;
- evidence is never rewritten, whoever sends it and whatever its clock: an existing row of an append-only
  record, an issued notice, a submitted inspection and its answers (domain/ownership.py); such changes are
  refused and recorded like those the sender does not own. A unique-key clash with evidence never goes by id
  order either: the evidence stays (or, arriving, replaces the row that is not) and the other is refused.
"""

from __future__ import annotations

import itertools
import json
import operator
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS
from safety_desk.domain.language import say
from safety_desk.domain.ownership import (APPEND_ONLY_TABLES, ISSUED_TABLES, RowFacts,
                                         evidence_refusals)
from safety_desk.domain.sync_model import PER_FIELD, SYNC_MODE, TABLE_ORDER, WHOLE_ROW, Change, Refuser
from safety_desk.store.database import Database
from safety_desk.store.merge_clocks import (
    ROW_CLOCK_COLUMN, cap_clocks, clock_notes, device_of, wall_of,
)
from safety_desk.store.row_facts import row_facts

CLOCK_TOLERANCE_MS = MAX_DRIFT_MS  # a peer clock up to the stated drift ahead is taken as it is
_CHUNK = 500
# row_clock.fields as json.dumps(fields, sort_keys=True) writes it, without building an encoder per row
_FIELDS_JSON = json.JSONEncoder(sort_keys=True).encode
_ROW_KEY = operator.attrgetter("table", "row_id")
_WRITE_KEY = operator.attrgetter("clock", "author", "capped_from")
_CELL = operator.attrgetter("field", "value")



@dataclass
class MergeContext:
    """Who sent the changes and what each side had seen, for conflict detection and the clock cap."""

    source: str = ""
    received_before: int = 0   # the sender's writes up to this seq were merged here before
    sender_ack: int = 0        # our writes up to this seq the sender had merged when it wrote the bundle
    now_ms: int | None = None  # our wall clock (None: no cap)
    tolerance_ms: int = CLOCK_TOLERANCE_MS
    refuse: Refuser | None = None
    record_conflicts: bool = True
    # At the office, from a device: a hazard event's time that ran ahead with its capped clock is capped with it
    # (store/merge_clocks.py). Not on a device: there the office's times stand, whatever our own clock says.
    cap_times: bool = False
    # Set when the sender found this device's clock running ahead: our own cells written later than this
    # (wall ms) carry clocks the sender capped or overrode, so its values win over them.
    distrust_own_after_ms: int | None = None
    on_row: Callable[[int, int], None] | None = None  # progress: rows done, rows in all
    # On a device, from the office: our own cells (table, row id, field) the office refused and whose kept value it
    # sends back. The office's cell wins over ours whatever the clocks (ours is later: that is why it was refused),
    # evidence included (it restores the office's row), so both copies hold the same value.
    yield_cells: frozenset[tuple[str, str, str]] = frozenset()


@dataclass
class MergeReport:
    cells_applied: int = 0
    cells_unchanged: int = 0
    refused: list[tuple[Change, str]] = field(default_factory=list)
    conflicts: int = 0
    unique_clashes: int = 0
    aliased: int = 0
    drift: dict[str, tuple[int, int]] = field(default_factory=dict)  # device -> (most ms ahead, cells capped)
    row_clocks: dict[str, int] = field(default_factory=dict)  # device -> rows whose own clock was set back
    relayed_by: dict[str, str] = field(default_factory=dict)  # writing device -> the sender that relayed
    submitted_refused: int = 0


def _unique_keys(conn: Any, table: str) -> tuple[tuple[str, ...], ...]:
    keys = []
    for row in conn.execute(f"PRAGMA index_list({table})"):
        name, unique, origin = row[1], row[2], row[3]
        if unique and origin != "pk":
            columns = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({name})"))
            keys.append(columns)
    return tuple(keys)


def _references(conn: Any) -> dict[str, list[tuple[str, str]]]:
    """referenced table -> [(referencing table, column)] from the schema's foreign keys."""
    found: dict[str, list[tuple[str, str]]] = {}
    for table in TABLE_ORDER:
        for row in conn.execute(f"PRAGMA foreign_key_list({table})"):
            found.setdefault(row[2], []).append((table, row[3]))
    return found


def _as_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class _Merger:
    def __init__(self, db: Database, ctx: MergeContext) -> None:
        self.db = db
        self.conn = db.conn
        self.ctx = ctx
        self.report = MergeReport()
        self.write_seqs: dict[tuple[str, str | None, str | None], int] = {}
        self.touched_hazards: set[str] = set()
        self.columns = {t: db.columns(t) for t in SYNC_MODE}
        self.clocked_tables = frozenset(t for t, names in self.columns.items() if ROW_CLOCK_COLUMN in names)
        self.aliases: dict[tuple[str, str], str] = {
            (t, lost): kept for t, lost, kept in self.conn.execute("SELECT tbl, lost_id, kept_id FROM sync_alias")}
        self.references = _references(db.conn)
        self.unique_keys = {t: _unique_keys(db.conn, t) for t in SYNC_MODE}
        # (table, column) -> referenced table, for alias rewriting of incoming values
        self.fk_target = {(t, c): target for target, refs in self.references.items() for t, c in refs}
        self.detected_at = self.db.now_iso()
        self.newest = ""  # the latest clock inserted by the batched path, observed once at the end
        self.facts: dict[tuple[str, str], RowFacts] = {}
        self.replaced: list[dict[str, Any]] = []  # the values this merge overwrote, kept in its audit entry
        self.whole_row_json: dict[int, str] = {}  # seq -> row_clock.fields of a row written whole by it
        self.empty = False  # whether the table being merged held no rows before its turn

    # -- bookkeeping ---------------------------------------------------------------------------
    def conflict(self, kind: str, table: str, row_id: str, field_name: str, *, kept: Any = None,
                 kept_clock: str | None = None, kept_author: str | None = None, lost: Any = None,
                 lost_clock: str | None = None, lost_author: str | None = None, note: str = "") -> None:
        self.conn.execute(
            "INSERT INTO conflict (id, kind, tbl, row_id, field, kept_value, kept_clock, kept_author, lost_value,"
            " lost_clock, lost_author, source, detected_at, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (self.db.new_id(), kind, table, row_id, field_name, _as_text(kept), kept_clock, kept_author,
             _as_text(lost), lost_clock, lost_author, self.ctx.source, self.detected_at, note))
        if kind in ("value", "unique"):
            self.report.conflicts += 1

    def write_seq(self, clock: str, author: str, capped_from: str | None) -> int:
        key = (clock, author, capped_from)
        seq = self.write_seqs.get(key)
        if seq is None:
            seq = self.conn.execute("INSERT INTO write_log (clock, author, capped_from, received_from) VALUES"
                                    " (?, ?, ?, ?)", (*key, self.ctx.source or None)).lastrowid
            self.write_seqs[key] = seq
        return seq

    # -- the passes ----------------------------------------------------------------------------
    def cap(self, changes: list[Change]) -> list[Change]:
        """Every ordering clock checked and capped (store/merge_clocks.py), each writing device's drift recorded
        once (kind 'clock')."""
        changes, found = cap_clocks(changes, now_ms=self.ctx.now_ms, tolerance_ms=self.ctx.tolerance_ms,
                                    source=self.ctx.source, clocked_tables=self.clocked_tables,
                                    cap_times=self.ctx.cap_times)
        self.report.drift = found.drift
        self.report.row_clocks = found.row_clocks
        self.report.relayed_by = found.relayed_by
        for device, ahead, note in clock_notes(found, self.ctx.tolerance_ms):
            self.conflict("clock", "device", device, "clock", lost=ahead, note=note)
        return changes

    def run(self, changes: Iterable[Change]) -> MergeReport:
        order = {table: i for i, table in enumerate(TABLE_ORDER)}
        pending = self.cap(list(changes))
        # Parents as stored before this change set: an answer's inspection (evidence, for every sender) and, for a
        # sender whose ownership is checked, an event's hazard and whether a hazard is closed.
        self.facts = row_facts(self.conn, pending,
                               ("answer", "hazard_event", "hazard") if self.ctx.refuse else ("answer",))
        by_row: dict[tuple[str, str], list[Change]] = {}
        # A row's cells arrive together (a bundle line each write): grouped a run at a time, in bundle order.
        for key, run in itertools.groupby(pending, _ROW_KEY):
            cells = by_row.get(key)
            if cells is None:
                by_row[key] = list(run)
            else:
                cells.extend(run)
        # Parents before children (foreign keys), rows in id order: the same order whatever the bundle's.
        groups = sorted(by_row.items(), key=lambda item: (order[item[0][0]], item[0][1]))
        done = 0
        for table, table_groups in itertools.groupby(groups, key=lambda g: g[0][0]):
            table_groups = list(table_groups)
            # A table with no rows and no row clocks before its turn (a first sync) has none of these rows: only
            # its own turn writes rows of it and their clocks, each row id once, so no lookups are needed.
            self.empty = self.conn.execute(
                f"SELECT NOT EXISTS (SELECT 1 FROM {table}) AND NOT EXISTS (SELECT 1 FROM row_clock WHERE tbl = ?)",
                (table,)).fetchone()[0] == 1
            for start in range(0, len(table_groups), _CHUNK):
                chunk = table_groups[start:start + _CHUNK]
                applied_before = self.report.cells_applied
                self.merge_chunk(table, chunk)
                if self.report.cells_applied != applied_before:  # the screens showing these rows refresh
                    self.db.touched(table, (row_id for (_, row_id), _ in chunk))
                done += len(chunk)
                if self.ctx.on_row:
                    self.ctx.on_row(done, len(groups))
        if self.newest:
            self.db.clock.observe(self.newest)
        if self.touched_hazards:
            from safety_desk.store.hazards import HazardRepository

            HazardRepository(self.db).refresh_states(sorted(self.touched_hazards))
        if self.report.cells_applied:
            # The before-values of every cell replaced, so what an import changed can be undone from the audit.
            self.db.audit_event("apply_changes", "*", None, self.replaced or None,
                                {"cells": self.report.cells_applied, "from": self.ctx.source or None})
        return self.report

    def _writes(self, seqs: set[int]) -> dict[int, tuple[str, str, str | None]]:
        """seq -> (clock, author, device it was received from) for the given write seqs."""
        wanted = sorted(seqs)
        found = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            for seq, clock, author, source in self.conn.execute(
                    f"SELECT seq, clock, author, received_from FROM write_log WHERE seq IN ({','.join('?' * len(chunk))})",
                    chunk):
                found[seq] = (clock, author, source)
        return found

    def _load(self, table: str, row_ids: list[str]) -> tuple[dict[str, dict], dict[str, dict[str, int]]]:
        marks = ",".join("?" * len(row_ids))
        rows = {r["id"]: dict(r) for r in self.conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", row_ids)}
        fields = {r[0]: json.loads(r[1]) for r in self.conn.execute(
            f"SELECT row_id, fields FROM row_clock WHERE tbl = ? AND row_id IN ({marks})", [table, *row_ids])}
        return rows, fields

    def merge_chunk(self, table: str, groups: list[tuple[tuple[str, str], list[Change]]]) -> None:
        resolved = []
        for (_, row_id), changes in groups:
            kept = self.aliases.get((table, row_id))
            if kept is not None:
                self.report.aliased += len(changes)
                continue  # a row that lost a unique-key clash here: its cells stay in the conflicts table
            # Without aliases nothing is rewritten: the changes go on as they are (no copy of 100,000 cells).
            resolved.append((row_id, [self.rewrite_references(c) for c in changes] if self.aliases else changes))
        if not resolved:
            return
        rows, fields = ({}, {}) if self.empty else self._load(table, [row_id for row_id, _ in resolved])
        seqs = {s for f in fields.values() for s in f.values()}
        writes = self._writes(seqs) if seqs else {}
        # Rows new here, in a table without unique keys, from a sender whose changes need no ownership check:
        # nothing to compare or settle, so they are inserted in batches (most of a first sync).
        simple = self.ctx.refuse is None and not self.unique_keys[table]
        inserts: dict[tuple[str, ...], list[tuple]] = {}
        clocks: list[tuple] = []
        if simple:
            self.new_rows(table, resolved, rows, fields, writes, inserts, clocks)
        else:
            for row_id, changes in resolved:
                self.merge_row(table, row_id, changes, rows.get(row_id), fields.get(row_id, {}), writes)
        for columns, values in inserts.items():
            self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                                  values)
        if clocks:
            self.conn.executemany("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?)", clocks)

    def new_rows(self, table: str, resolved: list[tuple[str, list[Change]]], rows: dict, fields: dict,
                 writes: dict, inserts: dict, clocks: list) -> None:
        """The rows of a chunk in order: those new here added to the batched inserts, the others merged.

        The two usual shapes of a new row take a short path, locals bound once for the thousands of rows of a
        first sync: a row written whole by one change carrying its own id, and a per-field row whose cells all
        come from one write, each field once. They make the same row, row clock and write log entry as new_row,
        which takes every other shape."""
        per_field = SYNC_MODE[table] == PER_FIELD
        all_fields = len(self.columns[table]) - 1
        write_seq = self.write_seq
        whole_row_json = self.whole_row_json
        events = table == "hazard_event"
        touched = self.touched_hazards
        newest = self.newest
        applied = 0
        for row_id, changes in resolved:
            if row_id in rows or row_id in fields:
                self.merge_row(table, row_id, changes, rows.get(row_id), fields.get(row_id, {}), writes)
                continue
            first = changes[0]
            if per_field:
                cells = None
                if first.field != WHOLE_ROW and len(set(map(_WRITE_KEY, changes))) == 1:
                    cells = dict(map(_CELL, changes))
                    if len(cells) != len(changes) or WHOLE_ROW in cells or "id" in cells:
                        cells = None
                if cells is None:
                    self.new_row(table, row_id, changes, inserts, clocks)
                    continue
                columns = ("id", *cells)
                values = (row_id, *cells.values())
                count = len(cells)
            else:
                value = first.value
                if len(changes) != 1 or first.field != WHOLE_ROW or type(value) is not dict \
                        or value.get("id") != row_id:
                    self.new_row(table, row_id, changes, inserts, clocks)
                    continue
                columns = tuple(value)
                values = tuple(value.values())
                count = 1
                cells = value
            seq = write_seq(first.clock, first.author, first.capped_from)
            values_of = inserts.get(columns)
            if values_of is None:
                values_of = inserts[columns] = []
            values_of.append(values)
            if not per_field or count == all_fields:  # every column by one write: as a local insert records it
                text = whole_row_json.get(seq)
                if text is None:
                    text = whole_row_json[seq] = _FIELDS_JSON({WHOLE_ROW: seq})
                clocks.append((table, row_id, text, seq))
            else:
                clocks.append((table, row_id, _FIELDS_JSON(dict.fromkeys(cells, seq)), seq))
            if first.clock > newest:
                newest = first.clock
            applied += count
            if events:
                hazard_id = cells.get("hazard_id")
                if hazard_id:
                    touched.add(hazard_id)
        if newest > self.newest:
            self.newest = newest
        self.report.cells_applied += applied

    def new_row(self, table: str, row_id: str, changes: list[Change], inserts: dict, clocks: list) -> None:
        first = changes[0]
        if first.field != WHOLE_ROW and len(set(map(_WRITE_KEY, changes))) == 1:
            # The usual per-field row: every cell from one write, each field once. The same row and write log
            # entry as the general path below, without comparing clocks cell by cell.
            cells = dict(map(_CELL, changes))
            if len(cells) == len(changes) and WHOLE_ROW not in cells:
                seq = self.write_seq(first.clock, first.author, first.capped_from)
                row = {"id": row_id, **cells}
                fields = ({WHOLE_ROW: seq} if len(cells) == len(self.columns[table]) - 1
                          else dict.fromkeys(cells, seq))
                self.add_new_row(table, row_id, row, fields, first.clock, len(cells), inserts, clocks)
                return
        latest: dict[str, Change] = {}
        for change in changes:
            before = latest.get(change.field)
            if before is None or change.clock > before.clock:
                latest[change.field] = change
        if WHOLE_ROW in latest:
            change = latest[WHOLE_ROW]
            row = dict(change.value)
            row["id"] = row_id
            fields = {WHOLE_ROW: self.write_seq(change.clock, change.author, change.capped_from)}
            newest = change.clock
        else:
            row = {"id": row_id}
            fields = {}
            newest = ""
            last_key = seq = None  # a row's cells usually come from one write: its seq looked up once
            for name, change in latest.items():
                row[name] = change.value
                key = (change.clock, change.author, change.capped_from)
                if key != last_key:
                    seq = self.write_seq(*key)
                    last_key = key
                fields[name] = seq
                if change.clock > newest:
                    newest = change.clock
            seqs = set(fields.values())
            if len(seqs) == 1 and len(fields) == len(self.columns[table]) - 1:
                fields = {WHOLE_ROW: seqs.pop()}  # every column by one write: as a local insert records it
        self.add_new_row(table, row_id, row, fields, newest, len(latest), inserts, clocks)

    def add_new_row(self, table: str, row_id: str, row: dict[str, Any], fields: dict[str, int], newest: str,
                    cells: int, inserts: dict, clocks: list) -> None:
        columns = tuple(row)
        inserts.setdefault(columns, []).append(tuple(row.values()))
        if len(fields) == 1 and WHOLE_ROW in fields:  # most rows: one write, its text encoded once per seq
            seq = fields[WHOLE_ROW]
            text = self.whole_row_json.get(seq)
            if text is None:
                text = self.whole_row_json[seq] = _FIELDS_JSON(fields)
            clocks.append((table, row_id, text, seq))
        else:
            clocks.append((table, row_id, _FIELDS_JSON(fields), max(fields.values())))
        if newest > self.newest:
            self.newest = newest
        self.report.cells_applied += cells
        if table == "hazard_event" and row.get("hazard_id"):
            self.touched_hazards.add(row["hazard_id"])

    def rewrite_references(self, change: Change) -> Change:
        if not self.aliases:
            return change
        if change.field == WHOLE_ROW:
            value = dict(change.value)
            altered = False
            for column, current in value.items():
                target = self.fk_target.get((change.table, column))
                if target and (target, current) in self.aliases:
                    value[column] = self.aliases[(target, current)]
                    altered = True
            return replace(change, value=value) if altered else change
        target = self.fk_target.get((change.table, change.field))
        if target and (target, change.value) in self.aliases:
            return replace(change, value=self.aliases[(target, change.value)])
        return change

    def orphan_refusals(self, table: str, changes: list[Change], facts: RowFacts) -> list[tuple[Change, str]]:
        """A new hazard event or answer whose hazard or inspection arrived in the same bundle but was refused: it
        is refused too (applied, it would point at nothing and fail the whole import at commit)."""
        parent_table, column = ("hazard", "hazard_id") if facts.new_hazard else ("inspection", "inspection_id")
        parent_id = next((c.value.get(column) for c in changes if c.field == WHOLE_ROW), None)
        if parent_id is None or self.conn.execute(f"SELECT 1 FROM {parent_table} WHERE id = ?",
                                                  (parent_id,)).fetchone():
            return []
        reason = (say(f"所属的{parent_table}记录 {parent_id} 已被拒收，这条{table}记录也不接收",
                      f"its {parent_table} {parent_id} was refused, so this {table} row is refused too"))
        return [(change, reason) for change in changes]

    def merge_row(self, table: str, row_id: str, changes: list[Change], current: dict | None,
                  fields: dict[str, int], writes: dict[int, tuple[str, str]]) -> None:
        ctx = self.ctx
        facts = self.facts.get((table, row_id), RowFacts())
        yielded = ctx.yield_cells
        if yielded and (table, row_id, WHOLE_ROW) in yielded:
            yielded = frozenset((table, row_id, c.field) for c in changes)  # every cell of a row written whole
        refused = self.evidence_refusals(table, [c for c in changes if (table, row_id, c.field) not in yielded]
                                         if yielded else changes, current, facts)
        if ctx.refuse is not None:
            gone = {id(c) for c, _ in refused}
            refused += ctx.refuse(table, row_id, [c for c in changes if id(c) not in gone], current, facts)
        if current is None and (facts.new_hazard or facts.new_inspection):
            gone = {id(c) for c, _ in refused}
            refused += self.orphan_refusals(table, [c for c in changes if id(c) not in gone], facts)
        if refused and current is None and len(refused) < len(changes):
            # A new row comes whole or not at all: without a refused cell it would lack a column it needs.
            gone = {id(c) for c, _ in refused}
            refused += [(c, say(f"{table} {row_id} 是新记录，其中有修改被拒收，整条记录未接收",
                                f"{table} {row_id} is a new record with a refused change: the whole record was "
                                "not taken")) for c in changes if id(c) not in gone]
        if refused:
            gone = {id(c) for c, _ in refused}
            for change, reason in refused:
                self.report.refused.append((change, reason))
                self.conflict("refused", table, row_id, change.field, kept=self._stored_value(current, change),
                              lost=change.value, lost_clock=change.clock, lost_author=change.author, note=reason)
            changes = [c for c in changes if id(c) not in gone]
            if not changes:
                return
        latest: dict[str, Change] = {}
        for change in changes:
            if change.field not in latest or change.clock > latest[change.field].clock:
                latest[change.field] = change
        per_field = SYNC_MODE[table] == PER_FIELD
        winners: list[Change] = []
        for change in latest.values():
            seq = fields.get(change.field, fields.get(WHOLE_ROW)) if per_field else fields.get(WHOLE_ROW)
            if current is None or seq is None:
                winners.append(change)
                continue
            local_clock, local_author, local_source = writes[seq]
            local_value = current if change.field == WHOLE_ROW else current.get(change.field)
            if (ctx.distrust_own_after_ms is not None and device_of(local_clock) == self.db.device_id
                    and wall_of(local_clock) > ctx.distrust_own_after_ms):
                local_clock = ""  # our own far-future clock: the sender's value wins (see MergeContext)
            taken_back = (table, row_id, change.field) in yielded
            if taken_back:
                local_clock = ""  # our refused write: the office's kept value replaces it (see MergeContext)
            incoming_value = change.value
            same = (local_value == incoming_value if change.field != WHOLE_ROW
                    else all(current.get(k) == v for k, v in incoming_value.items()))
            if change.clock > local_clock:
                winners.append(change)
                # Ours lost to a value the sender wrote without having seen ours (not when ours came from the
                # sender itself: then it is just the sender's older value).
                if (ctx.record_conflicts and not same and seq > ctx.sender_ack and local_source != ctx.source
                        and SYNC_MODE[table] != "append" and not taken_back):
                    self.conflict("value", table, row_id, change.field, kept=incoming_value, kept_clock=change.clock,
                                  kept_author=change.author, lost=local_value, lost_clock=local_clock,
                                  lost_author=local_author)
            elif change.clock == local_clock:
                self.report.cells_unchanged += 1
            elif change.capped_from and change.capped_from == local_clock and (
                    same or self._same_but_capped_row_clock(current, incoming_value, change.field)):
                # Our own far-future write, capped by the peer: take its clock (and a row's own clock, capped
                # with it, so our status fold orders it as everyone else's does).
                winners.append(change)
            else:
                self.report.cells_unchanged += 1
                if ctx.record_conflicts and not same and change.seq > ctx.received_before \
                        and SYNC_MODE[table] != "append":
                    self.conflict("value", table, row_id, change.field, kept=local_value, kept_clock=local_clock,
                                  kept_author=local_author, lost=incoming_value, lost_clock=change.clock,
                                  lost_author=change.author)
        if not winners:
            return
        if winners[0].field == WHOLE_ROW:
            row = dict(winners[0].value)
        else:
            row = {c.field: c.value for c in winners}
        row.pop("id", None)
        if current is None or any(column in row for key in self._keys(table) for column in key):
            row = self.settle_unique(table, row_id, row, current, winners)
            if row is None:
                return
        if current is not None:
            self.replaced.extend({"table": table, "id": row_id, "field": column, "value": current.get(column)}
                                 for column in row if current.get(column) != row[column])
            assignments = ", ".join(f"{column} = :{column}" for column in row)
            if assignments:
                self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = :id", {**row, "id": row_id})
        else:
            row = {"id": row_id, **row}
            self.conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})",
                              row)
        new_fields = dict(fields) if per_field else {}
        applied = 0
        for change in winners:
            if change.field != WHOLE_ROW and change.field not in row:
                continue
            new_fields[change.field] = self.write_seq(change.clock, change.author, change.capped_from)
            self.db.clock.observe(change.clock)
            applied += 1
        if not per_field:
            new_fields = {WHOLE_ROW: new_fields[WHOLE_ROW]}
        self.conn.execute(
            "INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (tbl, row_id) DO UPDATE SET fields = excluded.fields, last_seq = excluded.last_seq",
            (table, row_id, _FIELDS_JSON(new_fields), max(new_fields.values())))
        self.report.cells_applied += applied
        if table == "hazard_event":
            hazard_id = row.get("hazard_id") or (current or {}).get("hazard_id")
            if hazard_id:
                self.touched_hazards.add(hazard_id)

    @staticmethod
    def _same_but_capped_row_clock(current: dict, incoming: Any, field_name: str) -> bool:
        if field_name != WHOLE_ROW or ROW_CLOCK_COLUMN not in incoming:
            return False
        ours, theirs = current.get(ROW_CLOCK_COLUMN), incoming[ROW_CLOCK_COLUMN]
        return (isinstance(ours, str) and isinstance(theirs, str) and theirs < ours
                and all(current.get(k) == v for k, v in incoming.items() if k != ROW_CLOCK_COLUMN))

    def _keys(self, table: str) -> tuple[tuple[str, ...], ...]:
        return self.unique_keys[table]

    @staticmethod
    def _stored_value(current: dict | None, change: Change) -> Any:
        if current is None:
            return None
        return current if change.field == WHOLE_ROW else current.get(change.field)

    def evidence_refusals(self, table: str, changes: list[Change], current: dict | None,
                          facts: RowFacts) -> list[tuple[Change, str]]:
        """Changes that would rewrite evidence (domain/ownership.py), from any sender and whatever their clock."""
        # The office lowered a far-future clock it relays: only a cap, never a new value.
        refused = evidence_refusals(table, changes, current, facts, passes=lambda change: (
            self.ctx.refuse is None and bool(change.capped_from) and table in APPEND_ONLY_TABLES))
        if table in ("inspection", "answer"):
            self.report.submitted_refused += len(refused)
        return refused

    def settle_unique(self, table: str, row_id: str, row: dict[str, Any], current: dict | None,
                      winners: list[Change]) -> dict[str, Any] | None:
        """The row to write after resolving clashes on unique keys (None: the incoming row lost)."""
        merged = {**(current or {}), **row}
        for key in self._keys(table):
            if any(merged.get(column) is None for column in key):
                continue
            if current is not None and not any(column in row for column in key):
                continue
            where = " AND ".join(f"{column} = ?" for column in key)
            other = self.conn.execute(f"SELECT * FROM {table} WHERE {where} AND id != ?",
                                      [merged[column] for column in key] + [row_id]).fetchone()
            if other is None:
                continue
            other = dict(other)
            shown = "、".join(str(merged[c]) for c in key)
            self.report.unique_clashes += 1
            if current is not None:
                # An edit that would give an existing row another row's key: that edit loses.
                for column in key:
                    if column in row:
                        change = next(c for c in winners if c.field in (column, WHOLE_ROW))
                        self.conflict("unique", table, row_id, column, kept=other["id"], lost=row[column],
                                      lost_clock=change.clock, lost_author=change.author,
                                      note=say(f"{table} 的 {shown} 已被另一条记录使用", f"{table}: another {table} has the key {shown}"))
                        row.pop(column)
                continue
            incoming_evidence = self._is_evidence(table, merged)
            if self._is_evidence(table, other) and (self.ctx.refuse is not None or not incoming_evidence):
                # Evidence here is never replaced by a device's row: the incoming row is refused (its references
                # land on ours). Only the office's own record, relayed to a device, stands over a device's copy.
                reason = (say(f"{table} 的 {shown} 已属于已提交或已发出的记录，不能被替换",
                              f"{table} {shown}: this key belongs to a row of a submitted inspection or an issued document: the incoming row is refused"))
                self.report.refused.append((winners[0], reason))
                self.conflict("refused", table, row_id, WHOLE_ROW, kept=other, lost={"id": row_id, **row},
                              lost_clock=winners[0].clock, lost_author=winners[0].author, note=reason)
                self.alias(table, row_id, other["id"])
                return None
            if row_id > other["id"] and not incoming_evidence:
                self.conflict("unique", table, row_id, WHOLE_ROW, kept=other, lost={"id": row_id, **row},
                              lost_clock=winners[0].clock, lost_author=winners[0].author,
                              note=say(f"两台设备各自登记了 {table} {shown}；保留先登记的一条",
                                       f"two devices made the same {table} {shown}; the one with the smaller id is kept"))
                self.alias(table, row_id, other["id"])
                return None
            # The row here is the one that goes: its references move to the incoming row.
            note = (say(f"安全办已有 {table} {shown} 的正式记录，本机的一条被取代",
                        f"the office's record of {table} {shown} is evidence and stands over this device's row") if incoming_evidence else
                    say(f"两台设备各自登记了 {table} {shown}；保留先登记的一条",
                        f"two devices made the same {table} {shown}; the one with the smaller id is kept"))
            self.conflict("unique", table, other["id"], WHOLE_ROW, kept={"id": row_id, **row}, lost=other, note=note)
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (other["id"],))
            self.conn.execute("DELETE FROM row_clock WHERE tbl = ? AND row_id = ?", (table, other["id"]))
            self.alias(table, other["id"], row_id)
        return row

    def _is_evidence(self, table: str, row: dict[str, Any]) -> bool:
        """Whether the row is (part of) a submitted inspection or an issued document, as stored now."""
        if table in APPEND_ONLY_TABLES or table in ISSUED_TABLES:
            return True
        if table == "inspection":
            return row.get("status") == "submitted"
        if table == "answer":
            found = self.conn.execute("SELECT status FROM inspection WHERE id = ?", (row.get("inspection_id"),)).fetchone()
            return found is not None and found[0] == "submitted"
        return False

    def alias(self, table: str, lost: str, kept: str) -> None:
        self.db.audit_event("unique_clash", table, lost, None, {"kept": kept})
        self.conn.execute("INSERT OR REPLACE INTO sync_alias (tbl, lost_id, kept_id) VALUES (?, ?, ?)",
                          (table, lost, kept))
        # Anything that pointed at an alias of `lost` now points at `kept`.
        self.conn.execute("UPDATE sync_alias SET kept_id = ? WHERE tbl = ? AND kept_id = ?", (kept, table, lost))
        self.aliases[(table, lost)] = kept
        for referencing, column in self.references.get(table, []):
            self.conn.execute(f"UPDATE {referencing} SET {column} = ? WHERE {column} = ?", (kept, lost))


def merge_changes(db: Database, changes: Iterable[Change], ctx: MergeContext | None = None) -> MergeReport:
    """Merge changes in the caller's transaction (one is opened when none is); see the module docstring."""
    with db.transaction():
        db.conn.execute("PRAGMA defer_foreign_keys = ON")
        return _Merger(db, ctx or MergeContext()).run(changes)
