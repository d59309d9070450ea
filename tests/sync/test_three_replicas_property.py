"""Property (issue #6 part 7): office, inspector and enterprise edit at random and exchange bundles at random
(duplicated, reordered, dropped and resent); afterwards every replica holds the same values for what its scope
shares, nothing made anywhere is lost, the enterprise holds no other enterprise's rows, applying twice equals
once, and an exception injected midway through an import leaves the database as it was.

Issue 13, invariant 11 (HostileWorld, malicious_replica.py): the enterprise's owner also edits its own SQLite raw
(bundles signed with its own key), the inspector laptop and the enterprise PC restore backups and run a year ahead,
and the office moves enterprises out of the laptop's district and back;
the honest replicas still converge, nothing they wrote is lost, and no import from the enterprise changes anything
at the office that the enterprise role does not own.

The default run tries a few examples; `SAFETY_DESK_SLOW=1 pytest -m slow tests/sync` runs many more.
"""

from __future__ import annotations

import hashlib
import tempfile
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from safety_desk.domain.device_scope import Scope, row_in_scope, withheld_fields
from safety_desk.store import merge
from safety_desk.store.changes import TABLE_ORDER
from safety_desk.store.hazards import InvalidHazardEvent
from safety_desk.media.files import media_path
from safety_desk.store.records import Hazard, Training
from safety_desk.store.sync_log import SyncLog

from malicious_replica import (HOSTILE_KINDS, HOSTILE_OPERATION, LIFE_KINDS, LIFE_OPERATION, Hostile, Lifecycle,
                               overreach, snapshot)
from sync_helpers import USCC, add_photo, db_digest, open_world

EDGES = [("office", "inspector"), ("inspector", "office"), ("office", "enterprise"), ("enterprise", "office")]
TEXT = st.text(alphabet="整改措施防护栏杆灭火器ab1", min_size=1, max_size=6)
SIDE = st.sampled_from(["office", "inspector"])
PICK = st.integers(0, 50)

OPERATION = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(["office", "inspector", "office", "inspector"]), PICK,
              st.sampled_from(["measures", "location", "responsible"]), TEXT),
    st.tuples(st.just("grade"), SIDE, PICK, st.sampled_from(["一般", "重大"])),
    st.tuples(st.just("plan"), st.just("enterprise"), PICK, TEXT),
    st.tuples(st.just("event"), SIDE, PICK, st.sampled_from(["verified", "rejected", "comment", "reopened",
                                                           "reported_rectified", "progress"])),
    st.tuples(st.just("event"), st.just("enterprise"), PICK, st.sampled_from(["progress", "reported_rectified",
                                                                             "comment"])),
    st.tuples(st.just("photo"), st.sampled_from(["office", "inspector", "enterprise"]), PICK, TEXT),
    st.tuples(st.just("delete"), SIDE, PICK),
    st.tuples(st.just("hazard"), SIDE, st.integers(0, 2), TEXT),
    st.tuples(st.just("training"), st.just("office"), st.lists(st.integers(0, 2), min_size=1, max_size=3)),
    st.tuples(st.just("send"), st.integers(0, 3)),
    st.tuples(st.just("send"), st.integers(0, 3)),
    st.tuples(st.just("deliver"), st.integers(0, 3), PICK),
    st.tuples(st.just("deliver"), st.integers(0, 3), PICK),
    st.tuples(st.just("drop"), st.integers(0, 3)),
    st.tuples(st.just("fail"), st.integers(0, 3), st.integers(1, 4)),
)


@contextmanager
def failing_after(calls: int):
    """Make the merge raise on its `calls`-th row: an import interrupted midway."""
    original = merge._Merger.merge_row
    seen = {"n": 0}

    def merge_row(self, *args, **kwargs):
        seen["n"] += 1
        if seen["n"] == calls:
            raise RuntimeError("injected failure")
        return original(self, *args, **kwargs)

    merge._Merger.merge_row = merge_row
    try:
        yield
    finally:
        merge._Merger.merge_row = original


class World:
    def __init__(self, template: Path, folder: Path) -> None:
        self.folder = folder
        self.replicas = {replica.name: replica for replica in open_world(template, folder)}
        for replica in self.replicas.values():
            replica.sync.backup = lambda: None  # the backup before import has its own test; here it costs time
        self.queues: dict[int, list[Path]] = {i: [] for i in range(len(EDGES))}
        self.made_events: dict[str, set[str]] = {name: set() for name in self.replicas}
        self.made_photos: dict[str, set[str]] = {name: set() for name in self.replicas}
        self.counter = 0

    def close(self) -> None:
        for replica in self.replicas.values():
            replica.close()

    def hazards(self, name: str) -> list[Hazard]:
        return sorted(self.replicas[name].store.hazards._select(), key=lambda h: h.id)

    def pick(self, name: str, index: int) -> Hazard | None:
        hazards = self.hazards(name)
        return hazards[index % len(hazards)] if hazards else None

    def run(self, operation: tuple) -> None:
        kind = operation[0]
        if kind in ("send", "deliver", "drop", "fail"):
            return self.transport(operation)
        who = operation[1]
        store = self.replicas[who].store
        if kind == "hazard":
            enterprises = sorted((e for e in store.enterprises._select()), key=lambda e: e.uscc)
            enterprise = enterprises[operation[2] % len(enterprises)]
            store.hazards.open_hazard(Hazard(id=store.db.new_id(), enterprise_id=enterprise.id,
                                             district_id=enterprise.district_id, source="inspection",
                                             description=operation[3], grade="一般", found_on="2026-11-02"),
                                      deadline=date(2026, 12, 1))
            return
        if kind == "training":
            enterprises = sorted(store.enterprises._select(), key=lambda e: e.uscc)
            named = list(dict.fromkeys(enterprises[i].id for i in operation[2]))
            store.trainings.add(Training(id=store.db.new_id(), title="培训", held_on="2026-11-10",
                                         enterprise_id=named[0], enterprise_ids=named,
                                         district_id=enterprises[operation[2][0]].district_id))
            return
        hazard = self.pick(who, operation[2])
        if hazard is None:
            return
        if kind == "edit":
            store.hazards.update(hazard.id, **{operation[3]: operation[4]})
        elif kind == "grade":
            store.hazards.update(hazard.id, grade=operation[3])
        elif kind == "plan":
            store.hazards.update(hazard.id, treatment_plan={"objectives": operation[3]})
        elif kind == "delete":
            store.hazards.delete(hazard.id)
        elif kind in ("event", "photo"):
            photos = []
            if kind == "photo":
                self.counter += 1
                photos = [add_photo(store, f"{who}-{self.counter}-{operation[3]}")]
                self.made_photos[who].update(photos)
            event_kind = operation[3] if kind == "event" else ("progress" if who == "enterprise" else "comment")
            try:
                event = store.hazards.append_event(hazard.id, event_kind, reason="r", photos=photos,
                                                   deadline=date(2026, 12, 9) if event_kind == "reopened" else None)
            except (InvalidHazardEvent, ValueError):
                if kind != "photo":
                    return
                event = store.hazards.append_event(hazard.id, "comment", photos=photos)
            self.made_events[who].add(event.id)

    def transport(self, operation: tuple) -> None:
        kind, edge = operation[0], operation[1]
        sender, receiver = (self.replicas[n] for n in EDGES[edge])
        queue = self.queues[edge]
        if kind == "send":
            queue.append(sender.sync.export(self.folder, for_device=receiver.device_id).path)
        elif kind == "drop" and queue:
            queue.pop()
        elif kind == "deliver" and queue:
            path = queue[operation[2] % len(queue)]  # any of them: old, new, again
            receiver.sync.import_bundle(path)
        elif kind == "fail" and queue:
            before = db_digest(receiver.store)
            clock = receiver.store.db.clock.last
            with failing_after(operation[2]):
                try:
                    receiver.sync.import_bundle(queue[-1])
                except RuntimeError:
                    assert db_digest(receiver.store) == before
                    assert receiver.store.db.clock.last == clock

    def settle(self) -> None:
        for _ in range(2):
            for sender, receiver in EDGES[1::2] + EDGES[0::2]:
                bundle = self.replicas[sender].sync.export(self.folder, for_device=self.replicas[receiver].device_id)
                self.replicas[receiver].sync.import_bundle(bundle.path)


def rows(store, table: str) -> dict[str, dict]:
    return {r["id"]: dict(r) for r in store.db.conn.execute(f"SELECT * FROM {table}")}


def check(world: World) -> None:
    for name in ("inspector", "enterprise"):
        converged(world, name)
    # Nothing made anywhere is lost: every event and photo is at the office (and, above, wherever its scope goes).
    for name in world.replicas:
        assert world.made_events[name] <= set(rows(world.replicas["office"].store, "hazard_event")), \
            f"events of {name} lost"
    photos_kept(world)
    enterprise = world.replicas["enterprise"].store
    own = enterprise.enterprises._select()
    assert len(own) == 1 and own[0].uscc == USCC[0]
    assert all(h.enterprise_id == own[0].id for h in enterprise.hazards._select())


def photos_kept(world: World) -> None:
    """Every photo made anywhere is at the office, and every photo file anywhere is what its name says."""
    for name in world.replicas:
        assert world.made_photos[name] <= set(rows(world.replicas["office"].store, "photo")), f"photos of {name} lost"
    for replica in world.replicas.values():
        for photo_id in rows(replica.store, "photo"):
            data = media_path(replica.store.media_dir, photo_id).read_bytes()
            assert hashlib.sha256(data).hexdigest() == photo_id


def converged(world: World, name: str) -> None:
    """The replica holds what the office holds within its scope, field for field, and the same hazard states;
    a value of the replica's that the office refused included (the office sends back the value it kept)."""
    office = world.replicas["office"]
    log = SyncLog(office.store.db)
    replica = world.replicas[name]
    device = office.store.devices.require(replica.device_id)
    index = log.scope_index(Scope.of(device.id, device.role, device.scope))
    for table in TABLE_ORDER:
        theirs = rows(replica.store, table)
        ours = {i: r for i, r in rows(office.store, table).items() if row_in_scope(index, table, r)}
        assert set(theirs) == set(ours), f"{name}: {table} rows differ"
        for row_id, row in ours.items():
            hidden = withheld_fields(index, table, row)
            mine = {k: v for k, v in row.items() if k not in hidden}
            other = {k: v for k, v in theirs[row_id].items() if k not in hidden}
            assert mine == other, f"{name}: {table} {row_id} differs"
    states = rows_by(replica.store, "hazard_state")
    assert states == {h: s for h, s in rows_by(office.store, "hazard_state").items() if h in index.hazard_ids}


def rows_by(store, table: str) -> dict[str, tuple]:
    return {r[0]: tuple(r) for r in store.db.conn.execute(f"SELECT * FROM {table}")}


def run_example(template: Path, operations) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = World(template, Path(folder))
        try:
            for operation in operations:
                world.run(operation)
            world.settle()
            check(world)
            # Applying the last bundle again changes nothing.
            office = world.replicas["office"]
            inspector = world.replicas["inspector"]
            again = inspector.sync.export(world.folder, for_device=office.device_id)
            office.sync.import_bundle(again.path)
            before = db_digest(office.store)
            assert office.sync.import_bundle(again.path).duplicate
            assert db_digest(office.store) == before
        finally:
            world.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(OPERATION, min_size=5, max_size=30))
def test_three_replicas_converge_within_their_scopes(world_template, operations) -> None:
    run_example(world_template, operations)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATION, min_size=10, max_size=60))
def test_three_replicas_converge_within_their_scopes_long(world_template, operations) -> None:
    run_example(world_template, operations)


# --- Invariant 11 of issue 13: the enterprise replica is malicious -------------------------------------------------

HOSTILE_WORLD_OPERATION = st.one_of(OPERATION, HOSTILE_OPERATION, HOSTILE_OPERATION, LIFE_OPERATION)
ENTERPRISE_TO_OFFICE = EDGES.index(("enterprise", "office"))


class HostileWorld(World):
    """The same three replicas; the enterprise's owner edits its database raw, and the inspector laptop and the
    enterprise PC restore backups and run a year ahead. Every import from the enterprise at the office is judged:
    it may change only what the enterprise role owns (the diff of that one import, so honest changes never count)."""

    def __init__(self, template: Path, folder: Path) -> None:
        super().__init__(template, folder)
        self.hostile = Hostile(self)
        self.life = Lifecycle(self)
        enterprise = self.replicas["enterprise"].store
        self.enterprise_id = enterprise.enterprises._select()[0].id
        self.enterprise_people = {p.id for p in self.replicas["office"].store.people._select()
                                  if p.enterprise_id == self.enterprise_id}

    def run(self, operation: tuple) -> None:
        if operation[0] in HOSTILE_KINDS:
            return self.hostile.run(operation)
        if operation[0] in LIFE_KINDS:
            return self.life.run(operation)
        try:
            return super().run(operation)
        except InvalidHazardEvent:
            # The owner damaged a hazard's history in its own database: its app refuses to add to it.
            assert operation[1] == "enterprise" and self.hostile.touched

    def transport(self, operation: tuple) -> None:
        if operation[0] != "deliver" or operation[1] != ENTERPRISE_TO_OFFICE:
            return super().transport(operation)
        queue = self.queues[ENTERPRISE_TO_OFFICE]
        if queue:
            self.import_from_enterprise(queue[operation[2] % len(queue)])

    def import_from_enterprise(self, path: Path) -> None:
        office = self.replicas["office"]
        before = snapshot(office.store)
        office.sync.import_bundle(path)
        assert overreach(before, snapshot(office.store), self.enterprise_id, self.enterprise_people,
                         self.replicas["enterprise"].device_id) == []

    def restored(self, name: str) -> None:
        """Writes made after the backup and never sent are gone with the restore: the app's, not sync's, loss."""
        held = set(rows(self.replicas[name].store, "hazard_event")) | set(rows(self.replicas["office"].store,
                                                                                "hazard_event"))
        photos = set(rows(self.replicas[name].store, "photo")) | set(rows(self.replicas["office"].store, "photo"))
        self.made_events[name] &= held
        self.made_photos[name] &= photos

    def settle(self) -> None:
        for clock in self.life.clocks.values():
            clock.offset = timedelta(0)  # corrected: the devices come back to normal
        for _ in range(3):
            for sender, receiver in EDGES[1::2] + EDGES[0::2]:
                bundle = self.replicas[sender].sync.export(self.folder, for_device=self.replicas[receiver].device_id)
                if (sender, receiver) == ("enterprise", "office"):
                    self.import_from_enterprise(bundle.path)
                else:
                    self.replicas[receiver].sync.import_bundle(bundle.path)


def check_hostile(world: HostileWorld) -> None:
    office = world.replicas["office"]
    # The honest replicas converge, what the laptop wrote on an enterprise that had moved out of its district
    # included: refused, and the laptop told so, it takes the office's value back (the refusal stays in its
    # conflicts). Before issue 13's last part it kept its own value, and this check allowed those cells to differ.
    converged(world, "inspector")
    if not world.hostile.edits:
        converged(world, "enterprise")
    held = set(rows(office.store, "hazard_event"))
    # An event the laptop wrote on an enterprise after learning it had moved out of its district is refused, and
    # the laptop is told; nothing else it wrote is lost.
    refused = {c.row_id for c in office.sync.log.conflicts(include_resolved=True, kinds=("refused",))
               if c.source == world.replicas["inspector"].device_id and c.tbl == "hazard_event"}
    told = {c.row_id for c in world.replicas["inspector"].sync.log.conflicts(include_resolved=True, kinds=("refused",))}
    assert refused <= told, "the laptop was not told of its refused events"
    assert world.made_events["office"] <= held, "events of office lost"
    assert world.made_events["inspector"] - refused <= held, "events of inspector lost"
    # The enterprise's app-made events arrive, but for those its owner rewrote or added to a forged hazard.
    on_forged = {e for e, h in world.replicas["enterprise"].store.db.conn.execute("SELECT id, hazard_id FROM"
                                                                                  " hazard_event")
                 if h in world.hostile.hazards}
    # ... or that the office refused and told it of (it forgets a refused event: services/sync_scope.py).
    told_enterprise = {c.row_id for c in world.replicas["enterprise"].sync.log.conflicts(include_resolved=True,
                                                                                        kinds=("refused",))}
    assert world.made_events["enterprise"] - world.hostile.touched - on_forged - told_enterprise <= held, \
        "the enterprise's events lost"
    photos_kept(world)
    # A hazard the owner registered with a forged history (no created event) is its own to damage; no other is.
    assert set(office.store.hazards.mismatched_states()) <= world.hostile.hazards


def run_hostile_example(template: Path, operations) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = HostileWorld(template, Path(folder))
        try:
            for operation in operations:
                world.run(operation)
            world.settle()
            check_hostile(world)
        finally:
            world.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(HOSTILE_WORLD_OPERATION, min_size=5, max_size=25))
# Found by the long run: an event on a hazard the office refused failed the whole import (the device stuck).
@example(operations=[("foreign_hazard", "inspection"), ("event", "enterprise", 0, "comment")])
# Every kind of step once: evidence rewritten, a restore across a bundle sent, a year ahead and back.
@example(operations=[("inspect", "office", "pass"), ("send", 2), ("deliver", 2, 0), ("backup", "enterprise"),
                     ("jump", "enterprise", True), ("event", "enterprise", 0, "reported_rectified"),
                     ("rewrite_event", 0, "comment", True), ("answer", 0, True), ("send", 3), ("deliver", 3, 0),
                     ("restore", "enterprise"), ("jump", "enterprise", False), ("event", "enterprise", 1, "progress"),
                     ("forge_event", 1, "verified", "insp", "inspector"), ("hazard_field", 0, "grade"),
                     ("office_record", "enterprise"), ("backup", "inspector"), ("event", "inspector", 0, "comment"),
                     ("send", 1), ("deliver", 1, 0), ("restore", "inspector"), ("jump", "inspector", True),
                     ("edit", "inspector", 0, "measures", "杆")])
# District moves: the laptop's enterprises leave its district and come back, with edits before and after each move.
@example(operations=[("event", "inspector", 0, "comment"), ("move", 0), ("send", 0), ("event", "inspector", 0,
                     "progress"), ("edit", "inspector", 1, "measures", "杆"), ("deliver", 0, 0), ("send", 1),
                     ("event", "inspector", 1, "comment"), ("deliver", 1, 0), ("send", 1), ("deliver", 1, 1),
                     ("forge_event", 0, "verified", "own", "own"), ("move", 1), ("send", 3), ("deliver", 3, 0),
                     ("move", 0), ("send", 0), ("deliver", 0, 1), ("event", "inspector", 2, "reported_rectified")])
# An edit the laptop made after its enterprise left its district, refused, then the enterprise came back and the
# laptop heard from the office before sending again: its copy kept its refused values for ever (main before issue
# 13's last part).
@example(operations=[("move", 0), ("edit", "inspector", 0, "measures", "杆"), ("grade", "inspector", 0, "重大"),
                     ("send", 1), ("deliver", 1, 0), ("move", 0), ("send", 0), ("deliver", 0, 0)])
# ... and a hazard it registered there then (refused whole, and the office holds none): the laptop kept it.
@example(operations=[("move", 0), ("hazard", "inspector", 0, "新"), ("send", 1), ("deliver", 1, 0), ("move", 0),
                     ("send", 0), ("deliver", 0, 0)])
# Found by the long run (failing on main too): a photo event the laptop wrote after the move was refused and forgotten,
# but the laptop kept the photo (the office took it, and no longer counts it in the laptop's scope).
@example(operations=[("edit", "office", 0, "measures", "1"), ("plan", "enterprise", 0, "1"), ("move", 0),
                     ("edit", "office", 0, "measures", "1"), ("photo", "inspector", 0, "1")])
# Found by the long run: two enterprises moved into the laptop's district sent their district twice (the bundle
# refused whole); the enterprise PC kept the district its enterprise left and came back from.
@example(operations=[("edit", "office", 0, "measures", "1"), ("send", 0), ("drop", 0), ("move", 0), ("move", 0),
                     ("move", 1), ("move", 1), ("edit", "office", 0, "measures", "1")])
@example(operations=[("edit", "office", 0, "measures", "1"), ("send", 0), ("drop", 0), ("move", 0), ("move", 0),
                     ("move", 1), ("move", 0), ("edit", "office", 1, "measures", "1")])
def test_a_malicious_enterprise_changes_nothing_it_does_not_own(world_template, operations) -> None:
    run_hostile_example(world_template, operations)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE_WORLD_OPERATION, min_size=10, max_size=60))
def test_a_malicious_enterprise_changes_nothing_it_does_not_own_long(world_template, operations) -> None:
    run_hostile_example(world_template, operations)
