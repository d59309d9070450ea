"""The hazard ledger export (台账导出) of the whole benchmark set: its time against §8's 10 s, and as a ratio to a
plain openpyxl write-only dump of the same rows' values (no styles, no title, no summary) measured in the same run."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.ledger import EXPORT_COLUMNS
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import Session
from safety_desk.store.store import Store

ROOT = Path(__file__).resolve().parent
AS_OF = date(2026, 11, 27)  # the data set's last day: "today" for the export
BUDGET_S = 10.0


def plain_dump(values: list[list], target: Path) -> float:
    """Seconds for openpyxl's write-only workbook to write `values` as they are: the floor for any export."""
    from openpyxl import Workbook

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("rows")
    for row in values:
        sheet.append(row)
    book.save(target)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench.db")
    args = parser.parse_args()
    out = ROOT / "data"
    clock = FixedClock(AS_OF)
    with Store.open(args.db, clock=clock) as store:
        session = Session.of_device(store, clock)
        started = time.perf_counter()
        rows = list(LedgerService(session).every_row(LedgerFilter()))
        query_s = time.perf_counter() - started
        values = [[column.value(row) for column in EXPORT_COLUMNS] for row in rows]
        del rows
        baseline_s = plain_dump(values, out / "ledger-plain.xlsx")
        del values
        started = time.perf_counter()
        count = SpreadsheetService(session).export_ledger(LedgerFilter(), out / "ledger-export.xlsx")
        export_s = time.perf_counter() - started
    size = (out / "ledger-export.xlsx").stat().st_size / 2**20
    print(f"ledger rows read (the query alone): {count:,} in {query_s:.1f} s")
    print(f"plain openpyxl write-only dump of the same values: {baseline_s:.1f} s")
    print(f"export (query, title, styles, print setup, summary): {export_s:.1f} s, {size:.1f} MiB"
          f"  ratio {export_s / baseline_s:.2f}x the plain dump"
          f"  (budget {BUDGET_S:.0f} s)  {'ok' if export_s <= BUDGET_S else 'OVER'}")


if __name__ == "__main__":
    main()
