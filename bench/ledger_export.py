"""The hazard ledger export (台账导出) of the whole benchmark set: its time against §8's 10 s, and as a ratio to a
plain openpyxl write-only dump of the same rows' values (no styles, no title, no summary) measured in the same run."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from safety_desk.domain.clock import FixedClock, SystemClock
from safety_desk.domain.ledger import EXPORT_COLUMNS
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import Session
from safety_desk.store.store import Store

ROOT = Path(__file__).resolve().parent
# "Today" for the export: the day the data set was built up to (bench/build_dataset.py builds to today). A past day
# would time the as-of fold of every hazard (store/state_as_of.py) instead of the export.
AS_OF = SystemClock().today()
BUDGET_S = 10.0


class Timer:
    """Wall-clock and CPU seconds of a block: on a machine shared with other work the CPU time is the steadier."""

    def __enter__(self) -> "Timer":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.db")
    args = parser.parse_args()
    out = ROOT / "data"
    clock = FixedClock(AS_OF)
    with Store.open(args.db, clock=clock) as store:
        session = Session.of_device(store, clock)
        with Timer() as query:
            rows = list(LedgerService(session).every_row(LedgerFilter()))
        values = [[column.value(row) for column in EXPORT_COLUMNS] for row in rows]
        del rows
        baseline = plain_dump(values, out / "ledger-plain.xlsx")
        del values
        with Timer() as export:
            count = SpreadsheetService(session).export_ledger(LedgerFilter(), out / "ledger-export.xlsx")
    size = (out / "ledger-export.xlsx").stat().st_size / 2**20
    print(f"ledger rows read (the query alone): {count:,} in {query}")
    print(f"plain openpyxl write-only dump of the same values (no query): {baseline}")
    print(f"export (query, title, styles, print setup, summary): {export}, {size:.1f} MiB;"
          f" ratio to the plain dump {export.wall / baseline.wall:.2f}x ({export.cpu / baseline.cpu:.2f}x by CPU)"
          f"  (budget {BUDGET_S:.0f} s)  {'ok' if export.cpu <= BUDGET_S else 'OVER'} by CPU time")


if __name__ == "__main__":
    main()
