"""The hazard ledger export (台账导出) of the whole benchmark set: its time against §8's 10 s, and as a ratio to the
bare query of the same rows measured in the same run (optionally also to the export of another source tree).

Every figure is the best of `--runs` (the machine is shared: the lowest is the one least disturbed). `--before DIR`
times the same export with the code of another checkout (e.g. `git worktree add /tmp/before <commit>`) in a
child process alternated with this one's, so the two are compared under the same load. `--plain-dump` adds the old
yardstick, a plain openpyxl write-only dump of the same values (over a minute of CPU)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from safety_desk.domain.clock import FixedClock, SystemClock

ROOT = Path(__file__).resolve().parent
# "Today" for the export: the day the data set was built up to (bench/build_dataset.py builds to today). A past day
# would time the as-of fold of every hazard (store/state_as_of.py) instead of the export.
AS_OF = SystemClock().today()
BUDGET_S = 10.0

# One export, run in a child process with another tree's code first on its path: prints wall and CPU seconds.
_CHILD = """
import json, sys, time

from pathlib import Path
from safety_desk.domain.clock import FixedClock
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter
from safety_desk.services.session import Session
from safety_desk.store.store import Store
clock = FixedClock(date.fromisoformat(sys.argv[2]))
with Store.open(Path(sys.argv[1]), clock=clock) as store:
    session = Session.of_device(store, clock)
    wall, cpu = time.perf_counter(), time.process_time()
    count = SpreadsheetService(session).export_ledger(LedgerFilter(), Path(sys.argv[3]))
    print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu, count]))
"""


class Timer:
    """Wall-clock and CPU seconds of a block: on a machine shared with other work the CPU time is the steadier."""

    def __enter__(self) -> "Timer":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"


def best(timers: list[Timer]) -> Timer:
    return min(timers, key=lambda timer: timer.cpu)


def plain_dump(values: list[list], target: Path) -> Timer:
    """openpyxl's write-only workbook writing `values` as they are: the usual way to stream a big sheet."""
    from openpyxl import Workbook

    with Timer() as timer:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("rows")
        for row in values:
            sheet.append(row)
        book.save(target)
    return timer


def bare_query(store, session) -> Timer:
    """The export's query alone, its rows read as plain tuples and dropped: what no export can go below."""
    from safety_desk.services.ledger import LedgerFilter, LedgerService

    service = LedgerService(session)
    with Timer() as timer:
        for _row in service.query.every_value_row(service.scoped(LedgerFilter()), service.as_of()):
            pass
    return timer


def export_in(tree: Path, db: Path, target: Path) -> Timer:
    """The export timed in a child process running the code of `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # Run from inside the tree: `python -c` puts the working folder first on the path, before PYTHONPATH.
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db.resolve()), AS_OF.isoformat(), str(target.resolve())],
                         env=env, cwd=tree, check=True, capture_output=True, text=True).stdout
    timer = Timer()
    timer.wall, timer.cpu, _count = json.loads(out.strip().splitlines()[-1])
    return timer


def main() -> None:
    from safety_desk.domain.ledger import EXPORT_COLUMNS
    from safety_desk.services.imports import SpreadsheetService
    from safety_desk.services.ledger import LedgerFilter, LedgerService
    from safety_desk.services.session import Session
    from safety_desk.store.store import Store

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.db")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="folder for the exported files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a source tree whose export to time alongside (same runs)")
    parser.add_argument("--plain-dump", action="store_true", help="also time a plain openpyxl dump (slow)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    clock = FixedClock(AS_OF)
    queries, exports, befores = [], [], []
    with Store.open(args.db, clock=clock) as store:
        session = Session.of_device(store, clock)
        for _ in range(args.runs):
            queries.append(bare_query(store, session))
            with Timer() as export:
                count = SpreadsheetService(session).export_ledger(LedgerFilter(), args.out / "ledger-export.xlsx")
            exports.append(export)
            if args.before is not None:
                befores.append(export_in(args.before, args.db, args.out / "ledger-export-before.xlsx"))
        if args.plain_dump:
            values = [[column.value(row) for column in EXPORT_COLUMNS]
                      for row in LedgerService(session).every_row(LedgerFilter())]
            baseline = plain_dump(values, args.out / "ledger-plain.xlsx")
    query, export = best(queries), best(exports)
    size = (args.out / "ledger-export.xlsx").stat().st_size / 2**20
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; best of {args.runs} by CPU")
    print(f"the export's query alone (rows read as tuples): {count:,} rows in {query}")
    print(f"export (query, title, styles, print setup, summary): {export}, {size:.1f} MiB;"
          f" {export.cpu / query.cpu:.2f}x the query alone by CPU  (budget {BUDGET_S:.0f} s)"
          f"  {'ok' if export.cpu <= BUDGET_S else 'OVER'} by CPU time")
    if befores:
        before = best(befores)
        print(f"export with {args.before}: {before}; this tree takes {export.cpu / before.cpu:.2f}x its CPU time"
              f" ({export.wall / before.wall:.2f}x its wall time)")
    if args.plain_dump:
        print(f"plain openpyxl write-only dump of the same values (no query): {baseline};"
              f" the export is {export.cpu / baseline.cpu:.2f}x of it by CPU")


if __name__ == "__main__":
    main()
