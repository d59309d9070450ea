"""The three-replica world with a malicious enterprise (issue 13, invariant 11): raw edits to its own SQLite signed
with its own key, restores from backups (a new sync incarnation), wall clocks a year ahead, then corrected, and the
office moving enterprises out of the laptop's district and back.

Used by test_three_replicas_property.py. What the enterprise role may change at the office is judged here on its
own, from DESIGN.md §4, not with domain/ownership.py: the test must not share the rule it checks.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from hypothesis import strategies as st

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.services.backups import restore_backup, take_backup
from safety_desk.store.changes import TABLE_ORDER
from safety_desk.store.records import Inspection
from safety_desk.store.store import Store

from hostile import HostileEdit
from sync_helpers import USCC, Replica

YEAR = timedelta(days=365)
EVENT_KINDS = ["created", "deadline_set", "deadline_extended", "progress", "reported_rectified", "verified",
               "rejected", "reopened", "comment"]
PICK = st.integers(0, 50)

HOSTILE_OPERATION = st.one_of(
    st.tuples(st.just("rewrite_event"), PICK, st.sampled_from(EVENT_KINDS), st.booleans()),
    st.tuples(st.just("forge_event"), PICK, st.sampled_from(EVENT_KINDS), st.sampled_from(["own", "insp", "admin"]),
              st.sampled_from(["own", "inspector", "office", "future"])),
    st.tuples(st.just("hazard_field"), PICK, st.sampled_from(["grade", "source", "description", "measures",
                                                              "district_id", "deleted", "found_by", "treatment_plan"])),
    st.tuples(st.just("answer"), PICK, st.booleans()),
    st.tuples(st.just("inspection_field"), PICK, st.sampled_from(["signature_enterprise", "status", "finished_at"])),
    st.tuples(st.just("office_record"), st.sampled_from(["enterprise", "person", "district"])),
    st.tuples(st.just("foreign_hazard"), st.sampled_from(["inspection", "self_inspection"])),
)
HOSTILE_KINDS = frozenset({"rewrite_event", "forge_event", "hazard_field", "answer", "inspection_field",
                           "office_record", "foreign_hazard"})
LIFE_KINDS = frozenset({"inspect", "backup", "restore", "jump", "move"})
LIFE_OPERATION = st.one_of(
    st.tuples(st.just("inspect"), st.just("office"), st.sampled_from(["pass", "fail"])),
    # The office moves enterprise 1 (the malicious one's) or 2 between the laptop's district D1 and D2, and back.
    st.tuples(st.just("move"), st.integers(0, 1)),
    st.tuples(st.just("backup"), st.sampled_from(["inspector", "enterprise"])),
    st.tuples(st.just("restore"), st.sampled_from(["inspector", "enterprise"])),
    st.tuples(st.just("jump"), st.sampled_from(["inspector", "enterprise"]), st.booleans()),
)


class ShiftedClock(Clock):
    """The system's clock moved by `offset`: the injected wall clock of a PC set a year ahead, then corrected."""

    def __init__(self) -> None:
        self.offset = timedelta(0)
        self._system = SystemClock()

    def epoch_ms(self) -> int:
        return self._system.epoch_ms() + int(self.offset.total_seconds() * 1000)


def reopen(replica: Replica, clock: Clock) -> Replica:
    """The replica's database opened again with its (shifted) clock; the backup before import costs time here."""
    path = replica.store.path
    replica.close()
    fresh = Replica(replica.name, Store.open(path, clock=clock))
    fresh.sync.backup = lambda: None
    return fresh


class Hostile:
    """The enterprise owner's raw edits, each a few rows written behind the app's back and logged so that its next
    bundle, signed with its own key, carries them. `touched` keeps the rows it rewrote (not the app's any more)."""

    def __init__(self, world) -> None:
        self.world = world
        self.touched: set[str] = set()
        self.n = 0
        self.hazards: set[str] = set()  # hazards it registered behind the app's back
        self.edits = 0  # raw edits made: its copy need not match the office's any more

    def _rows(self, conn, sql: str, params=()) -> list:
        return conn.execute(sql, params).fetchall()

    def run(self, operation: tuple) -> None:
        replica = self.world.replicas["enterprise"]
        raw = HostileEdit(replica)
        self.edits += 1
        try:
            getattr(self, operation[0])(raw, replica, *operation[1:])
        finally:
            raw.commit()
        replica.refresh()

    def _person(self, raw, who: str) -> str | None:
        login = {"own": "e1", "insp": "insp", "admin": "admin"}[who]
        found = self._rows(raw.conn, "SELECT id FROM person WHERE login = ?", (login,))
        return found[0][0] if found else None

    def _new_id(self) -> str:
        self.n += 1
        return f"00000000-0000-7000-8000-{self.n:012x}"  # sorts before every id the app makes

    def rewrite_event(self, raw, replica, pick, kind, far_deadline) -> None:
        events = self._rows(raw.conn, "SELECT id FROM hazard_event ORDER BY id")
        if not events:
            return
        event_id = events[pick % len(events)][0]
        raw.write("UPDATE hazard_event SET kind = ?, reason = '企业改写', deadline = ? WHERE id = ?",
                  (kind, "2099-12-31" if far_deadline else None, event_id), "hazard_event", event_id)
        self.touched.add(event_id)

    def forge_event(self, raw, replica, pick, kind, author, clock) -> None:
        hazards = self._rows(raw.conn, "SELECT id FROM hazard ORDER BY id")
        if not hazards:
            return
        devices = {"own": replica.device_id, "future": replica.device_id,
                   "inspector": self.world.replicas["inspector"].device_id,
                   "office": self.world.replicas["office"].device_id}
        wall = 9_000_000_000_000 if clock == "future" else raw.wall
        event_id = self._new_id()
        raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos) VALUES"
                  " (?, ?, ?, '2026-11-21T10:00:00+08:00', ?, ?, ?, '伪造', '[]')",
                  (event_id, hazards[pick % len(hazards)][0], kind, self._person(raw, author),
                   f"{wall:013d}-000000-{devices[clock]}",
                   "2099-12-31" if kind in ("deadline_set", "deadline_extended", "reopened") else None),
                  "hazard_event", event_id, device=devices[clock] if clock in ("inspector", "office") else None)
        self.touched.add(event_id)

    def hazard_field(self, raw, replica, pick, field) -> None:
        hazards = self._rows(raw.conn, "SELECT id, district_id FROM hazard ORDER BY id")
        if not hazards:
            return
        hazard_id, district = hazards[pick % len(hazards)]
        others = [d for (d,) in self._rows(raw.conn, "SELECT id FROM district ORDER BY id") if d != district]
        value = {"grade": "重大", "source": "self_inspection", "description": "企业改的描述", "measures": "企业改的措施",
                 "district_id": others[0] if others else district, "deleted": 1,
                 "found_by": self._person(raw, "own"), "treatment_plan": json.dumps({"objectives": "企业改的"})}[field]
        raw.write(f"UPDATE hazard SET {field} = ? WHERE id = ?", (value, hazard_id), "hazard", hazard_id, field)

    def answer(self, raw, replica, pick, replace) -> None:
        answers = self._rows(raw.conn, "SELECT id, inspection_id, item_code, answered_at FROM answer ORDER BY id")
        if not answers:
            return
        answer_id, inspection_id, item, at = answers[pick % len(answers)]
        if not replace:
            raw.write("UPDATE answer SET result = 'fail', note = '企业改的' WHERE id = ?", (answer_id,), "answer", answer_id)
            return
        forged = self._new_id()
        raw.conn.execute("DELETE FROM answer WHERE id = ?", (answer_id,))
        raw.write("INSERT INTO answer (id, inspection_id, item_code, result, note, photos, answered_at)"
                  " VALUES (?, ?, ?, 'fail', '企业换的', '[]', ?)", (forged, inspection_id, item, at), "answer", forged)

    def inspection_field(self, raw, replica, pick, field) -> None:
        inspections = self._rows(raw.conn, "SELECT id FROM inspection ORDER BY id")
        if not inspections:
            return
        inspection_id = inspections[pick % len(inspections)][0]
        value = {"signature_enterprise": "伪造签名", "status": "draft", "finished_at": "2026-01-01T00:00:00+08:00"}
        raw.write(f"UPDATE inspection SET {field} = ? WHERE id = ?", (value[field], inspection_id),
                  "inspection", inspection_id)

    def office_record(self, raw, replica, table) -> None:
        field, value = {"enterprise": ("name", "企业自己改名"), "person": ("name", "冒名"),
                        "district": ("name", "改过的片区")}[table]
        for (row_id,) in self._rows(raw.conn, f"SELECT id FROM {table} ORDER BY id"):
            raw.write(f"UPDATE {table} SET {field} = ? WHERE id = ?", (value, row_id), table, row_id, field)

    def foreign_hazard(self, raw, replica, source) -> None:
        """A hazard registered by the enterprise with its opening events; an 'inspection' one is not its to write."""
        enterprise_id, district_id = self._rows(raw.conn, "SELECT id, district_id FROM enterprise")[0]
        hazard_id = self._new_id()
        self.hazards.add(hazard_id)
        raw.write("INSERT INTO hazard (id, enterprise_id, district_id, source, description, grade, found_on)"
                  " VALUES (?, ?, ?, ?, '企业登记', '重大', '2026-11-05')", (hazard_id, enterprise_id, district_id, source),
                  "hazard", hazard_id)
        for kind, deadline in (("created", None), ("deadline_set", "2099-12-31")):
            event_id = self._new_id()
            raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos) VALUES"
                      " (?, ?, ?, '2026-11-05T10:00:00+08:00', NULL, ?, ?, '', '[]')",
                      (event_id, hazard_id, kind, f"{raw.wall:013d}-000000-{replica.device_id}", deadline),
                      "hazard_event", event_id)
            self.touched.add(event_id)


def submitted_inspection(office: Replica, enterprise_id: str, result: str) -> None:
    """A routine inspection of the enterprise, one answer, submitted at the office: evidence from then on."""
    store = office.store
    enterprise = store.enterprises.require(enterprise_id)
    insp = store.people.by_login("insp")
    inspection = store.inspections.add(Inspection(
        id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
        checklist_id=store.checklists.latest()[0].id, kind="routine", started_at="2026-11-20T09:00:00+08:00",
        lead_id=insp.id, inspector_ids=[insp.id]))
    store.answers.record(inspection.id, "X-1", result, note="检查员记录")
    store.inspections.submit(inspection.id)


class Lifecycle:
    """Backups, restores and clock jumps of the inspector laptop and the enterprise PC."""

    def __init__(self, world) -> None:
        self.world = world
        self.clocks = {name: ShiftedClock() for name in world.replicas}
        for name in world.replicas:
            world.replicas[name] = reopen(world.replicas[name], self.clocks[name])
        self.backups: dict[str, Path] = {}

    def run(self, operation: tuple) -> None:
        kind, who = operation[0], operation[1]
        world = self.world
        if kind == "inspect":
            enterprise = world.replicas["enterprise"].store.enterprises._select()[0]
            submitted_inspection(world.replicas["office"], enterprise.id, operation[2])
        elif kind == "backup":
            self.backups[who] = take_backup(world.replicas[who].store).path
        elif kind == "restore" and who in self.backups:
            replica = world.replicas[who]
            path = replica.store.path
            replica.close()
            restore_backup(path, self.backups[who])
            world.replicas[who] = reopen(Replica(who, Store.open(path, clock=self.clocks[who])), self.clocks[who])
            world.restored(who)
        elif kind == "jump":
            self.clocks[who].offset = YEAR if operation[2] else timedelta(0)
        elif kind == "move":
            store = world.replicas["office"].store
            enterprise = store.enterprises.by_uscc(USCC[who])
            d1, d2 = store.districts.by_code("D1").id, store.districts.by_code("D2").id
            with store.transaction():
                store.enterprises.update(enterprise.id, district_id=d2 if enterprise.district_id == d1 else d1)


def snapshot(store) -> dict[str, dict[str, dict]]:
    """The office's synced tables and its hazard states, row id -> row."""
    tables = {table: {r["id"]: dict(r) for r in store.db.conn.execute(f"SELECT * FROM {table}")}
              for table in TABLE_ORDER}
    tables["hazard_state"] = {r["hazard_id"]: dict(r) for r in store.db.conn.execute("SELECT * FROM hazard_state")}
    return tables


ENTERPRISE_SOURCES = {"self_inspection", "drill"}
ANY_HAZARD_FIELDS = {"treatment_plan"}
SELF_FOUND_FIELDS = {"description", "location", "measures", "responsible", "photos", "deleted", "treatment_plan"}
ENTERPRISE_EVENTS = {"progress", "reported_rectified", "comment"}
NOT_FUZZED = {"drill", "training", "photo_annotation"}


def overreach(before: dict, after: dict, enterprise_id: str, people: set[str], sender: str) -> list[str]:
    """What an import from the enterprise changed at the office that the enterprise role does not own."""
    found: list[str] = []
    # The office binds the sender's key on its first bundle (trust on first use): the office's own bookkeeping.
    device = before["device"].get(sender)
    if device is not None and device["public_key"] == "":
        before = {**before, "device": {**before["device"], sender: after["device"].get(sender, device)}}
    for table in TABLE_ORDER:
        if table in NOT_FUZZED:
            continue
        old, new = before[table], after[table]
        for row_id in old.keys() - new.keys():
            found.append(f"{table} {row_id} removed")
        for row_id, row in new.items():
            was = old.get(row_id)
            if was == row:
                continue
            if table == "hazard":
                if was is None:
                    if row["source"] not in ENTERPRISE_SOURCES or row["enterprise_id"] != enterprise_id:
                        found.append(f"hazard {row_id} of source {row['source']} added")
                    continue
                allowed = SELF_FOUND_FIELDS if was["source"] in ENTERPRISE_SOURCES else ANY_HAZARD_FIELDS
                bad = [k for k in row if row[k] != was[k] and k not in allowed]
                if bad:
                    found.append(f"hazard {row_id} fields {bad} changed")
            elif table == "hazard_event" and was is None:
                hazard = before["hazard"].get(row["hazard_id"])
                opening = (row["kind"] in ("created", "deadline_set") and hazard is None
                           and after["hazard"][row["hazard_id"]]["source"] in ENTERPRISE_SOURCES)
                if row["kind"] not in ENTERPRISE_EVENTS and not opening:
                    found.append(f"hazard_event {row_id} of kind {row['kind']} added")
                if row["by_id"] is not None and row["by_id"] not in people:
                    found.append(f"hazard_event {row_id} by {row['by_id']} added")
            elif table == "inspection" and (was is not None and (was["kind"] != "self_inspection"
                                                                  or was["status"] == "submitted")
                                            or was is None and row["kind"] != "self_inspection"):
                found.append(f"inspection {row_id} changed")
            elif table == "answer":
                inspection = before["inspection"].get(row["inspection_id"])
                if inspection is not None and (inspection["kind"] != "self_inspection"
                                               or inspection["status"] == "submitted"):
                    found.append(f"answer {row_id} of inspection {row['inspection_id']} changed")
            elif table not in ("hazard_event", "inspection", "answer", "photo") or was is not None:
                found.append(f"{table} {row_id} changed")
    for hazard_id, state in after["hazard_state"].items():
        was = before["hazard_state"].get(hazard_id)
        hazard = before["hazard"].get(hazard_id)
        if was is None or hazard is None or hazard["source"] in ENTERPRISE_SOURCES:
            continue
        if (state["deadline"], state["closed_at"]) != (was["deadline"], was["closed_at"]):
            found.append(f"hazard_state {hazard_id} deadline/closed {was} -> {state}")
        elif state["status"] != was["status"] and state["status"] not in ("整改中", "待复查"):
            found.append(f"hazard_state {hazard_id} status {was['status']} -> {state['status']}")
    return found
