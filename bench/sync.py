"""Time a 100,000-change bundle: export, import and re-import, against a plain SQLite bulk insert (§8: within 3x)."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sqlite3
import statistics
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
from safety_desk.domain.sync_model import TABLE_ORDER  # noqa: E402
from safety_desk.store.connection import configure_connection  # noqa: E402
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
    enrolled = DeviceService(session).enroll("inspector", "laptop", folder / "laptop.sdenroll",
                                             district_codes=["D0", "D1"])
    join(folder / "laptop.db", folder / "laptop.sdenroll", passphrase=enrolled.passphrase)
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


def copy_database(template: Path, target: Path) -> None:
    """A consistent copy of a closed database file (SQLite's backup API), so every repetition starts alike."""
    source = sqlite3.connect(template)
    dest = sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()


def baseline_rows(changes) -> dict[str, list[dict]]:
    """The rows the changes make, table by table in the merge's parent-first order (built before any timing)."""
    rows: dict[str, dict[str, dict]] = {}
    for change in changes:
        row = rows.setdefault(change.table, {}).setdefault(change.row_id, {"id": change.row_id})
        if change.field == WHOLE_ROW:
            row.update(change.value)
        else:
            row[change.field] = change.value
    return {table: list(rows[table].values()) for table in TABLE_ORDER if table in rows}


def bulk_baseline(template: Path, target: Path, rows: dict[str, list[dict]]) -> tuple[float, float]:
    """Seconds (wall clock, CPU) for a plain bulk insert of the same rows into a copy of the receiving laptop's
    database as the app made it (same schema, indexes and triggers), on a connection set up as the app sets up
    its own (store/connection.py: WAL, synchronous FULL, foreign keys ON), one executemany per table in one
    transaction. No write log, row clocks, checks or hazard status refresh: what any import must at least do."""
    copy_database(template, target)
    dest = sqlite3.connect(target, isolation_level=None)
    configure_connection(dest)
    statements = []
    for table, batch in rows.items():
        columns = list(batch[0])
        assert all(list(r) == columns for r in batch), f"{table}: rows with other columns"
        statements.append((f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           [tuple(r.values()) for r in batch]))
    started, cpu = time.perf_counter(), time.process_time()
    dest.execute("BEGIN IMMEDIATE")
    for sql, values in statements:
        dest.executemany(sql, values)
    dest.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    dest.close()
    return elapsed, cpu


def timed_import(template: Path, target: Path, bundle: Path, profile: bool = False):
    """(wall s, CPU s, result, store) of importing `bundle` into a fresh copy of the laptop's database (the
    backup an import takes first is left out: timed separately)."""
    copy_database(template, target)
    laptop = Store.open(target)
    laptop_sync = SyncService(Session.of_device(laptop))
    laptop_sync.backup = lambda: target.with_suffix(".no-backup")
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    result = laptop_sync.import_bundle(bundle)
    if profiler:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(r"safety_desk|json|sqlite", 40)
        stats.sort_stats("tottime").print_stats(25)
    return elapsed, cpu, result, laptop, laptop_sync


def _spread(values: list[float]) -> str:
    return f"min {min(values):.3f}, median {statistics.median(values):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=100_000, help="about how many cells the bundle holds")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions of the import and of the baseline")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one more import at the end")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        office, laptop = build(folder, args.changes)
        print(f"generated in {time.perf_counter() - started:.1f} s")
        office_sync = SyncService(Session.of_device(office))

        started = time.perf_counter()
        exported = office_sync.export(folder, for_device="laptop")
        export_s = time.perf_counter() - started
        size = exported.path.stat().st_size

        columns = {t: set(laptop.db.columns(t)) for t in SYNC_MODE}
        started, cpu = time.perf_counter(), time.process_time()
        opened = SyncService(Session.of_device(laptop)).open(exported.path)
        changes = decode_changes(opened.change_lines(), columns, exported.path.name)
        read_s, read_cpu = time.perf_counter() - started, time.process_time() - cpu
        rows = baseline_rows(changes)
        template = folder / "laptop-template.db"
        laptop.close()
        copy_database(folder / "laptop.db", template)

        # Alternated, so load from other processes falls on both sides alike; every figure is of its own run.
        base_wall, base_cpu, imp_wall, imp_cpu = [], [], [], []
        result = None
        for rep in range(args.repeat):
            for side in ((0, 1) if rep % 2 == 0 else (1, 0)):
                if side == 0:
                    wall, cpu = bulk_baseline(template, folder / f"baseline-{rep}.db", rows)
                    base_wall.append(wall)
                    base_cpu.append(cpu)
                else:
                    wall, cpu, result, store, _ = timed_import(template, folder / f"laptop-{rep}.db", exported.path)
                    store.close()
                    imp_wall.append(wall)
                    imp_cpu.append(cpu)
            print(f"  run {rep + 1}: import {imp_wall[-1]:.3f} s ({imp_cpu[-1]:.3f} s CPU), bulk insert "
                  f"{base_wall[-1]:.3f} s ({base_cpu[-1]:.3f} s CPU): {imp_cpu[-1] / base_cpu[-1]:.2f}x by CPU")

        _, _, _, laptop, laptop_sync = timed_import(template, folder / "laptop-last.db", exported.path,
                                                    profile=args.profile)
        started = time.perf_counter()
        again = laptop_sync.import_bundle(exported.path)
        replay_s = time.perf_counter() - started
        assert again.duplicate
        started = time.perf_counter()
        report = merge_changes(laptop.db, changes, MergeContext(source=office.db.device_id))
        remerge_s = time.perf_counter() - started
        assert report.cells_applied == 0
        started = time.perf_counter()
        SyncService.backup(laptop_sync)
        backup_s = time.perf_counter() - started

        base_s = statistics.median(base_wall)
        cpu_ratios = [i / b for i, b in zip(imp_cpu, base_cpu)]
        wall_ratios = [i / b for i, b in zip(imp_wall, base_wall)]
        ratio = statistics.median(cpu_ratios)
        print(f"bundle: {exported.changes:,} changes, {size / 2**20:.1f} MiB; applied {result.applied:,}")
        print(f"baseline, a plain bulk insert of the same rows (app's schema, pragmas and foreign keys), "
              f"{args.repeat} runs: wall {_spread(base_wall)} s; CPU {_spread(base_cpu)} s")
        print(f"sync import (check + merge, one transaction), {args.repeat} runs: wall {_spread(imp_wall)} s; "
              f"CPU {_spread(imp_cpu)} s; reading and checking the bundle alone {read_s:.2f} s ({read_cpu:.2f} s CPU)")
        print(f"  ratio by wall clock: {_spread(wall_ratios)}x; min/min {min(imp_wall) / min(base_wall):.2f}x")
        print(f"sync import ratio by CPU time: median {ratio:.2f}x (budget {GOAL:.0f}x) {'ok' if ratio <= GOAL else 'OVER'};"
              f" min {min(cpu_ratios):.2f}x; min/min {min(imp_cpu) / min(base_cpu):.2f}x")
        print(f"sync export (scope, encode, zip, sign): {export_s:.2f} s, ratio {export_s / base_s:.1f}x")
        print(f"sync re-import of the same file (seen before): {replay_s:.2f} s, ratio {replay_s / base_s:.2f}x")
        print(f"sync re-merge of the same changes (all no-ops): {remerge_s:.2f} s, ratio {remerge_s / base_s:.1f}x")
        print(f"backup before an import (not in the import figure): {backup_s:.2f} s")
        office.close()
        laptop.close()


if __name__ == "__main__":
    main()
