"""Time the hazard ledger (count + first page) for each filter and sort on the benchmark data set (§8: 150 ms)."""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from safety_desk.store.database import Database
from safety_desk.store import ledger
from safety_desk.store.ledger import SORT_COLUMNS, LedgerFilter, LedgerQuery

ROOT = Path(__file__).resolve().parent
BUDGET_MS = 150.0
PAGE = 200
RUNS = 5


def timed(query: LedgerQuery, flt: LedgerFilter, as_of: date, column: str = "found_on", descending: bool = True,
          offset: int = 0, total: int | None = None) -> tuple[float, int]:
    """Median milliseconds over RUNS runs after one warm-up, and the count: at offset 0 what the table model
    does on a filter or sort (LedgerQuery.first_page: the page, then the count unless the page is short),
    deeper a count and that page."""
    def once() -> int:
        if offset == 0:
            return query.first_page(flt, as_of, column, descending, PAGE)[1]
        query.page(flt, as_of, column, descending, offset, PAGE, total)
        return query.count(flt, as_of)

    once()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        count = once()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), count


def report(label: str, ms: float, count: int | None = None) -> bool:
    verdict = "ok" if ms < BUDGET_MS else "OVER"
    rows = f"{count:>8,} rows" if count is not None else " " * 13
    print(f"{label:<34} {rows}  {ms:7.1f} ms  {verdict}")
    return ms < BUDGET_MS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", nargs="?", default=str(ROOT / "data" / "bench.db"),
                        help="the benchmark database (bench/build_dataset.py makes it)")
    parser.add_argument("--as-of", default="2026-11-27", help="the day overdue days are counted to")
    args = parser.parse_args()
    db = Database.open(args.db)
    trigram = ledger.TRIGRAM
    query = LedgerQuery(db)
    as_of = date.fromisoformat(args.as_of)
    conn = db.conn
    # Filter values taken from the data set itself, one typical value each (bench code: not the app's SQL).
    district = conn.execute("SELECT district_id FROM hazard GROUP BY district_id ORDER BY count(*) DESC").fetchone()[0]
    enterprise = conn.execute("SELECT enterprise_id FROM hazard GROUP BY enterprise_id"
                              " ORDER BY count(*) DESC").fetchone()[0]
    campaign = conn.execute("SELECT campaign_id FROM hazard WHERE campaign_id IS NOT NULL GROUP BY campaign_id"
                            " ORDER BY count(*) DESC").fetchone()[0]
    scope = [row[0] for row in conn.execute("SELECT id FROM district ORDER BY code LIMIT 3")]
    total = conn.execute("SELECT count(*) FROM hazard").fetchone()[0]
    print(f"{args.db}: {total:,} hazards; count + first page of {PAGE}, median of {RUNS}, budget {BUDGET_MS:.0f} ms")

    cases = {
        "no filter": LedgerFilter(),
        "scope: 3 districts (inspector)": LedgerFilter(district_ids=scope),
        "district": LedgerFilter(district_id=district),
        "enterprise": LedgerFilter(enterprise_id=enterprise),
        "grade 重大": LedgerFilter(grade="重大"),
        "status 整改中": LedgerFilter(status="整改中"),
        "overdue only": LedgerFilter(overdue_only=True),
        "found in one quarter": LedgerFilter(found_from=date(2025, 1, 1), found_to=date(2025, 3, 31)),
        "campaign": LedgerFilter(campaign_id=campaign),
        "source self_inspection": LedgerFilter(source="self_inspection"),
        "text 灭火器": LedgerFilter(text="灭火器"),
        "text (no match)": LedgerFilter(text="不存在的隐患描述"),
        "overdue + text + scope": LedgerFilter(district_ids=scope, overdue_only=True, text="消防"),
    }
    passed = True
    print("\nfilters (sorted by found date, newest first)")
    for label, flt in cases.items():
        passed &= report(label, *timed(query, flt, as_of))
    print("\nsorts (no filter)")
    for column in SORT_COLUMNS:
        for descending in (False, True):
            label = f"{column} {'desc' if descending else 'asc'}"
            passed &= report(label, timed(query, LedgerFilter(), as_of, column, descending)[0])
    print("\nsorts with a filter (scope of 3 districts + text)")
    for column in ("status", "deadline", "overdue_days", "enterprise"):
        ms, count = timed(query, LedgerFilter(district_ids=scope, text="消防"), as_of, column, True)
        passed &= report(f"{column} desc", ms, count)

    print("\ntext search: the trigram index against the LIKE scan it replaced (same queries, this run)")
    for text in ("灭火器", "不存在的隐患描述", "消防通道", "配电箱", "安全出口"):
        flt = LedgerFilter(text=text)
        indexed, count = timed(query, flt, as_of)
        ledger.TRIGRAM = 10**9  # every query through LIKE, as before the index
        try:
            scanned, scanned_count = timed(query, flt, as_of)
        finally:
            ledger.TRIGRAM = trigram
        assert count == scanned_count, (text, count, scanned_count)
        passed &= report(f"text {text} (scan {scanned:.1f} ms, ratio {indexed / scanned:.2f})", indexed, count)

    print("\nlast page: read from the far end (what the table model does) against a plain OFFSET, this run")
    for column in ("found_on", "description", "enterprise", "status", "deadline", "overdue_days"):
        offset = max(0, total - PAGE)
        plain, _ = timed(query, LedgerFilter(), as_of, column, False, offset=offset)
        far, _ = timed(query, LedgerFilter(), as_of, column, False, offset=offset, total=total)
        print(f"last page sorted by {column:<16} {far:7.1f} ms  (OFFSET {plain:7.1f} ms, ratio {far / plain:.2f})")

    # Scrolling: read every tenth page top to bottom as the table model would, a few kept at a time.
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kept: list[list] = []
    start = time.perf_counter()
    for offset in range(0, total, PAGE * 10):
        kept.append(query.page(LedgerFilter(), as_of, "found_on", True, offset, PAGE))
        kept = kept[-8:]
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\nscrolling: {len(range(0, total, PAGE * 10))} pages across all rows in {elapsed:.2f} s;"
          f" peak RSS {before / 1024:.0f} -> {after / 1024:.0f} MiB")
    print("\nall within budget" if passed else "\nSOME OVER BUDGET")


if __name__ == "__main__":
    main()
