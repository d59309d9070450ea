"""Encryption at rest (§8: every figure at most 1.3x plain): ledger filters, the weekly summary and a sync import,
each on a plain database and on the same database encrypted with SQLCipher, alternated in one run.

Plain opens with Python's sqlite3 (SQLite 3.40 here), encrypted with sqlcipher3 (SQLCipher 4.19 on SQLite 3.53):
the ratio is what a person gets from encryption as shipped, engine version included."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from safety_desk.domain.clock import FixedClock  # noqa: E402
from safety_desk.services import encryption  # noqa: E402
from safety_desk.services.demo import DemoSpec, build_demo  # noqa: E402
from safety_desk.services.session import Session  # noqa: E402
from safety_desk.services.sync import SyncService  # noqa: E402
from safety_desk.services.weekly import WeeklyService, iso_week  # noqa: E402
from safety_desk.store import cipher  # noqa: E402
from safety_desk.store.ledger import LedgerFilter, LedgerQuery  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402

AS_OF = date(2026, 11, 27)
WEEK = "2026-W47"
GOAL = 1.3
PASSWORD = "bench-password"


def encrypted_copy(plain: Path, target: Path) -> Path:
    """`target`: a copy of the closed plain database `plain`, encrypted in place (as the first sign-in does)."""
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    shutil.copyfile(plain, target)
    encryption.encrypt_database(target, login="bench", password=PASSWORD)
    return target


def alternate(label: str, plain, encrypted, runs: int) -> float:
    """Median seconds of `plain()` and `encrypted()` over `runs` alternated runs after a warm-up; prints a line."""
    plain()
    encrypted()
    times: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for run in range(runs):
        for side in (("plain", "encrypted") if run % 2 == 0 else ("encrypted", "plain")):
            started = time.perf_counter()
            (plain if side == "plain" else encrypted)()
            times[side].append(time.perf_counter() - started)
    p, e = statistics.median(times["plain"]), statistics.median(times["encrypted"])
    ratio = e / p if p else float("inf")
    print(f"{label:<40} plain {p * 1000:8.1f} ms   encrypted {e * 1000:8.1f} ms   {ratio:5.2f}x  "
          f"{'ok' if ratio <= GOAL else 'OVER'}")
    return ratio


def reads(args, folder: Path) -> list[float]:
    plain = args.data
    if not plain.exists():
        started = time.perf_counter()
        build_demo(plain, DemoSpec(enterprises=args.enterprises, weeks=args.weeks, as_of=AS_OF))
        print(f"built {plain.name} ({args.enterprises} enterprises, {args.weeks} weeks) in "
              f"{time.perf_counter() - started:.0f} s")
    secret = encrypted_copy(plain, folder / "encrypted.db")
    print(f"encrypted a copy of {plain.stat().st_size / 1e6:.0f} MB in place (backup, export, rename)")
    stores = {name: Store.open(path, clock=FixedClock(AS_OF)) for name, path in (("plain", plain), ("enc", secret))}
    ratios = []
    try:
        queries = {name: LedgerQuery(store.db) for name, store in stores.items()}
        count = queries["plain"].count(LedgerFilter(), AS_OF)
        print(f"hazard ledger: {count:,} hazards")
        for label, flt, column in (("ledger: no filter", LedgerFilter(), "found_on"),
                                   ("ledger: grade 重大", LedgerFilter(grade="重大"), "found_on"),
                                   ("ledger: status 整改中", LedgerFilter(status="整改中"), "found_on"),
                                   ("ledger: overdue", LedgerFilter(overdue_only=True), "found_on"),
                                   ("ledger: text 配电", LedgerFilter(text="配电"), "found_on"),
                                   ("ledger: sort by enterprise", LedgerFilter(), "enterprise"),
                                   ("ledger: sort by deadline", LedgerFilter(), "deadline")):
            ratios.append(alternate(label, lambda q=queries["plain"], f=flt, c=column: q.first_page(f, AS_OF, c, True, 200),
                                    lambda q=queries["enc"], f=flt, c=column: q.first_page(f, AS_OF, c, True, 200),
                                    args.runs))
        weekly = {name: WeeklyService(Session.of_device(store, FixedClock(AS_OF)).at(AS_OF))
                  for name, store in stores.items()}
        ratios.append(alternate("weekly summary figures (city)", lambda: weekly["plain"].summary(iso_week(WEEK)),
                                lambda: weekly["enc"].summary(iso_week(WEEK)), max(3, args.runs // 2)))
    finally:
        for store in stores.values():
            store.close()
    return ratios


def sync_import(args, folder: Path) -> float:
    from sync import build  # bench/sync.py: an office, an enrolled laptop and ~N cells waiting for it

    started = time.perf_counter()
    office, laptop = build(folder, args.changes)
    exported = SyncService(Session.of_device(office)).export(folder, for_device="laptop")
    laptop.close()
    office.close()
    plain_template = folder / "laptop.db"
    secret_template = encrypted_copy(plain_template, folder / "laptop-encrypted.db")
    key = cipher.key_for(secret_template)
    print(f"sync: generated ~{args.changes:,} cells in {time.perf_counter() - started:.1f} s")
    counter = iter(range(10_000))

    def one(template: Path, key: bytes | None):
        target = folder / f"import-{next(counter)}.db"
        shutil.copyfile(template, target)
        if key is not None:
            cipher.remember_key(target, key)
        store = Store.open(target)
        service = SyncService(Session.of_device(store))
        service.backup = lambda: target.with_suffix(".no-backup")  # the backup before an import: timed elsewhere
        started = time.perf_counter()
        service.import_bundle(exported.path)
        elapsed = time.perf_counter() - started
        store.close()
        for part in folder.glob(target.name + "*"):
            part.unlink()
        return elapsed

    times: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for run in range(args.runs):
        for side in (("plain", "encrypted") if run % 2 == 0 else ("encrypted", "plain")):
            times[side].append(one(plain_template, None) if side == "plain" else one(secret_template, key))
    p, e = statistics.median(times["plain"]), statistics.median(times["encrypted"])
    ratio = e / p
    print(f"{'sync import of the bundle':<40} plain {p * 1000:8.1f} ms   encrypted {e * 1000:8.1f} ms   "
          f"{ratio:5.2f}x  {'ok' if ratio <= GOAL else 'OVER'}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "bench-enc-plain.db",
                        help="the plain data set (built on first use)")
    parser.add_argument("--enterprises", type=int, default=1000)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--changes", type=int, default=30_000, help="about how many cells the sync bundle holds")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-sync", action="store_true")
    args = parser.parse_args()
    args.data.parent.mkdir(parents=True, exist_ok=True)
    print(f"SQLite {__import__('sqlite3').sqlite_version} (plain), {cipher.cipher_version()} (encrypted)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ratios = reads(args, folder)
        if not args.skip_sync:
            (folder / "sync").mkdir()
            ratios.append(sync_import(args, folder / "sync"))
    print(f"worst ratio {max(ratios):.2f}x (goal {GOAL}x)")


if __name__ == "__main__":
    main()
