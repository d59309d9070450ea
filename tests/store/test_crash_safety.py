"""Crash safety: a child process records answers and hazard events through the services, reporting each commit;
the test kills it with SIGKILL at seeded random moments. After every kill the database opens, passes
PRAGMA integrity_check, its audit chain and head verify, hazard_state equals the fold of the events, and
every write the child reported as committed is there.

The child is forked from the test process (os.fork: no interpreter start-up per kill), opens its own
connection, and writes one line per commit straight to a pipe with os.write, so a line in the pipe always
means a committed transaction.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.hazards import HazardService
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import Session
from safety_desk.store import health
from safety_desk.store.audit import HEAD_KEY, head_problems, verify_chain
from safety_desk.store.records import District, Enterprise, Hazard
from safety_desk.store.store import Store

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")

CHECKLIST = "general@3"
LONGEST_LIFE = 0.12  # seconds a child may live before it is killed (uniformly random below this)


@dataclass
class Fixture:
    path: Path
    drafts: list[str]
    items: list[str]
    hazards: list[str]


def _prepare(db_path: Path) -> Fixture:
    with Store.open(db_path) as store:
        admin = store.people.by_login("admin")
        store.db.author_id = admin.id
        session = Session(store, admin)
        district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
        enterprise = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370202MA3C12345"), name="青岛海达商贸有限公司",
            district_id=district.id, industry="商贸", risk_class=2, tracked_since="2025-01-01"))
        inspections = InspectionService(session)
        drafts = [inspections.start(enterprise.id, CHECKLIST, "routine").id for _ in range(3)]
        state = inspections.state(drafts[0])
        items = [i.code for i in state.visible_items if i.kind.value == "pass_fail"][:12]
        hazards = [store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
            description=f"隐患 {n}", grade="一般", found_on="2026-11-01", found_by=admin.id), deadline=None).id
            for n in range(4)]
    return Fixture(db_path, drafts, items, hazards)


def _child(fixture: Fixture, life: int, write_fd: int) -> None:
    """Runs in the forked child: write forever (until killed), one line per commit."""
    rng = random.Random(life)
    store = Store.open(fixture.path)
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    session = Session(store, admin)
    inspections, hazards = InspectionService(session), HazardService(session)

    def report(record: dict) -> None:
        os.write(write_fd, (json.dumps(record) + "\n").encode())

    for n in range(1_000_000):
        marker = f"{life}-{n}"
        if rng.random() < 0.6:
            inspection, item = rng.choice(fixture.drafts), rng.choice(fixture.items)
            result = rng.choice(("pass", "fail"))  # a failure opens a hazard, a pass withdraws it
            inspections.answer(inspection, item, result)
            report({"kind": "answer", "inspection": inspection, "item": item, "result": result})
            inspections.set_note(inspection, item, marker)
            report({"kind": "note", "inspection": inspection, "item": item, "marker": marker})
        else:
            hazard = rng.choice(fixture.hazards)
            event = hazards.record_progress(hazard, marker)
            report({"kind": "event", "hazard": hazard, "id": event.id, "marker": marker})


STARTUP_PATIENCE_S = 60


def _run_and_kill(fixture: Fixture, life: int, rng: random.Random) -> list[dict]:
    """Fork a writer, kill it after a random moment, and return every line it had written."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        try:
            _child(fixture, life, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    life_span = rng.uniform(0.0, LONGEST_LIFE)
    received = b""
    # The life is counted from the child's first reported write: on a loaded machine the start-up alone can
    # take longer than a life, and a kill before any work proves nothing (the check below counts the writes).
    ready, _, _ = select.select([read_fd], [], [], STARTUP_PATIENCE_S)
    if ready:
        chunk = os.read(read_fd, 65536)
        received += chunk
    deadline = time.monotonic() + life_span
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_fd], [], [], left)
        if ready:
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            received += chunk
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):  # what it wrote before dying is still in the pipe
        received += chunk
    os.close(read_fd)
    return [json.loads(line) for line in received.decode().splitlines()]


@dataclass
class Ledger:
    """What the children reported as committed."""

    answered: set[tuple[str, str]] = field(default_factory=set)
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # in report order
    events: dict[str, str] = field(default_factory=dict)  # event id -> marker

    def add(self, records: list[dict]) -> None:
        for record in records:
            if record["kind"] == "answer":
                self.answered.add((record["inspection"], record["item"]))
            elif record["kind"] == "note":
                self.notes.setdefault((record["inspection"], record["item"]), []).append(record["marker"])
            else:
                self.events[record["id"]] = record["marker"]

    @property
    def writes(self) -> int:
        return len(self.answered) + sum(map(len, self.notes.values())) + len(self.events)


def _order(marker: str) -> tuple[int, int]:
    life, n = marker.split("-")
    return int(life), int(n)


def _check(fixture: Fixture, ledger: Ledger, kill: int) -> None:
    where = f"after kill {kill}"
    with Store.open(fixture.path) as store:
        db = store.db
        assert health.integrity_messages(db) == ["ok"], where
        assert health.foreign_key_problems(db) == [], where
        assert list(verify_chain(db.conn)) == [], where
        assert list(head_problems(db.conn, db.local(HEAD_KEY))) == [], where
        assert store.hazards.mismatched_states() == [], where
        answers = {(a.inspection_id, a.item_code): a for d in fixture.drafts for a in store.answers.of_inspection(d)}
        assert ledger.answered <= set(answers), f"{where}: reported answers are missing"
        audited_notes = set()
        for (after,) in db.conn.execute("SELECT after FROM audit WHERE tbl = 'answer'"):
            note = json.loads(after).get("note")
            if note:
                audited_notes.add(note)
        for key, markers in ledger.notes.items():
            assert set(markers) <= audited_notes, f"{where}: a reported note has no audit entry"
            # The row holds the last reported note or one written after it (committed, not yet reported).
            assert _order(answers[key].note) >= _order(markers[-1]), f"{where}: {key} lost its note"
        stored = {e.id: e.reason for h in fixture.hazards for e in store.hazards.events(h)}
        for event_id, marker in ledger.events.items():
            assert stored.get(event_id) == marker, f"{where}: reported event {marker} is missing"


def _torture(db_path: Path, kills: int, seed: int) -> Ledger:
    fixture = _prepare(db_path)
    rng = random.Random(seed)
    ledger = Ledger()
    for kill in range(1, kills + 1):
        sys.stdout.flush()
        sys.stderr.flush()  # nothing buffered in the parent is written twice by a child
        ledger.add(_run_and_kill(fixture, kill, rng))
        _check(fixture, ledger, kill)
    # The kills fell while work was being done, not only before the first write.
    assert ledger.writes >= kills, f"only {ledger.writes} writes in {kills} lives"
    return ledger


def test_fifty_kills_lose_nothing_committed(db_path: Path) -> None:
    ledger = _torture(db_path, kills=50, seed=20261127)
    print(f"50 kills, {ledger.writes} reported writes, all present")


@pytest.mark.slow
def test_a_hundred_more_kills_lose_nothing_committed(db_path: Path) -> None:
    ledger = _torture(db_path, kills=100, seed=7)
    print(f"100 kills (seed 7), {ledger.writes} reported writes, all present")
