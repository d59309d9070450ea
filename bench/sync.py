"""Time a 100,000-change bundle: export, import and re-import, against a plain SQLite bulk insert (§8: within 3x)."""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from safety_desk.domain.uscc import make_uscc  # noqa: E402
from safety_desk.services.devices import DeviceService, join  # noqa: E402
from safety_desk.services.session import Session  # noqa: E402
from safety_desk.services.setup import initialise  # noqa: E402
from safety_desk.services.sync import SyncService, decode_changes  # noqa: E402
from safety_desk.store.database import SYNC_MODE, WHOLE_ROW  # noqa: E402
from safety_desk.store.merge import MergeContext, merge_changes  # noqa: E402
from safety_desk.store.records import District, Enterprise, Hazard, HazardEvent  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402

GOAL = 3.0


def build(folder: Path, target: int) -> tuple[Store, Store]:
    """An office with 2 districts and 40 enterprises, an inspector laptop enrolled for both districts, then
    hazards with events added at the office until about `target` cells wait for the laptop."""
    office_path = folder / "office.db"
    initialise(office_path, office_name="基准安全办", admin_login="admin", admin_password="pw")
    office = Store.open(office_path)
    rng = random.Random(7)
    with office.transaction():
        districts = [office.districts.add(District(id=office.db.new_id(), code=f"D{n}", name=f"片区{n}"))
                     for n in range(2)]
        enterprises = [office.enterprises.add(Enterprise(
            id=office.db.new_id(), uscc=make_uscc(f"91370200{n:09d}"), name=f"基准企业{n}",
            district_id=districts[n % 2].id, industry="机械", risk_class=1 + n % 3, tracked_since="2026-01-01"))
            for n in range(40)]
    session = Session.of_device(office)
    DeviceService(session).enroll("inspector", "laptop", folder / "laptop.sdenroll", district_codes=["D0", "D1"])
    join(folder / "laptop.db", folder / "laptop.sdenroll")
    laptop = Store.open(folder / "laptop.db")
    hazard_cells = len([c for c in office.db.columns("hazard") if c != "id"])
    per_hazard = hazard_cells + 3  # each hazard also gets three events (whole rows)
    count = target // per_hazard
    start = date(2026, 1, 5)
    for batch in range(0, count, 100):
        hazards, events = [], []
        for n in range(batch, min(count, batch + 100)):
            enterprise = enterprises[n % len(enterprises)]
            found = start + timedelta(days=n % 300)
            hazard = Hazard(id=office.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                            source="inspection", description=f"隐患描述{n}：消防通道堵塞", grade=rng.choice(("一般", "重大")),
                            found_on=found.isoformat(), location="二号车间", measures="清理通道", responsible="张三")
            hazards.append(hazard)
            for step, kind in enumerate(("created", "progress", "reported_rectified")):
                at = f"{(found + timedelta(days=step)).isoformat()}T09:00:00+08:00"
                events.append(HazardEvent(id=office.db.new_id(), hazard_id=hazard.id, kind=kind, at=at,
                                          clock=office.db.clock.now(), reason="",
                                          deadline=(found + timedelta(days=15)).isoformat() if step == 0 else None))
        office.hazards.add_many_with_events(hazards, events, summary="bench")
    return office, laptop


def bulk_baseline(folder: Path, template: Path, changes) -> tuple[float, float]:
    """Seconds (wall clock, CPU) for a plain SQLite bulk insert of the same rows into an empty copy of the schema."""
    target = folder / "baseline.db"
    source = sqlite3.connect(template)
    dest = sqlite3.connect(target, isolation_level=None)
    source.backup(dest)
    source.close()
    dest.execute("PRAGMA journal_mode = WAL")
    dest.execute("PRAGMA synchronous = FULL")
    dest.execute("PRAGMA foreign_keys = OFF")
    dest.execute("DELETE FROM hazard_event")
    dest.execute("DELETE FROM hazard")
    rows: dict[str, dict[str, dict]] = {}
    for change in changes:
        if change.table not in ("hazard", "hazard_event"):
            continue
        row = rows.setdefault(change.table, {}).setdefault(change.row_id, {"id": change.row_id})
        if change.field == WHOLE_ROW:
            row.update(change.value)
        else:
            row[change.field] = change.value
    started, cpu = time.perf_counter(), time.process_time()
    dest.execute("BEGIN")
    for table in ("hazard", "hazard_event"):
        batch = list(rows.get(table, {}).values())
        columns = list(batch[0])
        dest.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         [tuple(r[c] for c in columns) for r in batch])
    dest.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    dest.close()
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=100_000, help="about how many cells the bundle holds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        office, laptop = build(folder, args.changes)
        print(f"generated in {time.perf_counter() - started:.1f} s")
        office_sync = SyncService(Session.of_device(office))
        laptop_sync = SyncService(Session.of_device(laptop))
        laptop_sync.backup = lambda: folder / "no-backup"  # timed separately below

        started = time.perf_counter()
        exported = office_sync.export(folder, for_device="laptop")
        export_s = time.perf_counter() - started
        size = exported.path.stat().st_size

        columns = {t: set(laptop.db.columns(t)) for t in SYNC_MODE}
        started = time.perf_counter()
        opened = laptop_sync.open(exported.path)
        changes = decode_changes(opened.change_lines(), columns, exported.path.name)
        read_s = time.perf_counter() - started

        baseline_s, baseline_cpu = bulk_baseline(folder, laptop.path, changes)

        started, cpu = time.perf_counter(), time.process_time()
        result = laptop_sync.import_bundle(exported.path)
        import_s, import_cpu = time.perf_counter() - started, time.process_time() - cpu

        started = time.perf_counter()
        again = laptop_sync.import_bundle(exported.path)
        replay_s = time.perf_counter() - started
        assert again.duplicate

        started = time.perf_counter()
        report = merge_changes(laptop.db, changes, MergeContext(source=office.db.device_id))
        remerge_s = time.perf_counter() - started
        assert report.cells_applied == 0

        started = time.perf_counter()
        laptop_sync.__class__.backup(laptop_sync)
        backup_s = time.perf_counter() - started

        ratio = import_s / baseline_s
        print(f"bundle: {exported.changes:,} changes, {size / 2**20:.1f} MiB; applied {result.applied:,}")
        print(f"plain SQLite bulk insert of the same rows: {baseline_s:.2f} s ({baseline_cpu:.2f} s CPU)")
        print(f"sync export (scope, encode, zip, sign): {export_s:.2f} s, ratio {export_s / baseline_s:.1f}x")
        print(f"sync import (check + merge, one transaction): {import_s:.2f} s, ratio {ratio:.1f}x (budget {GOAL:.0f}x)"
              f" {'ok' if ratio <= GOAL else 'OVER'}; reading and checking the bundle {read_s:.2f} s of it")
        # The machine may be shared: CPU time is steadier than the wall clock when another process competes.
        print(f"  in CPU time: {import_cpu:.2f} s against {baseline_cpu:.2f} s, ratio {import_cpu / baseline_cpu:.1f}x")
        print(f"sync re-import of the same file (seen before): {replay_s:.2f} s, ratio {replay_s / baseline_s:.2f}x")
        print(f"sync re-merge of the same changes (all no-ops): {remerge_s:.2f} s, ratio {remerge_s / baseline_s:.1f}x")
        print(f"backup before an import (not in the import figure): {backup_s:.2f} s")
        office.close()
        laptop.close()


if __name__ == "__main__":
    main()
