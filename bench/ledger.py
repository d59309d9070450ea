"""Time the ledger's filters, sorts and last pages on the benchmark set against the pre-#17 schema and queries."""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import statistics
import subprocess
import sys
import time
import types
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from safety_desk.domain.clock import FixedClock
from safety_desk.store import ledger
from safety_desk.store.database import Database
from safety_desk.store.ledger import SORT_COLUMNS, LedgerFilter, LedgerQuery

ROOT = Path(__file__).resolve().parent
FILTER_BUDGET_MS = 50.0  # every filter or sort (DESIGN.md §8, issue #17)
LAST_PAGE_BUDGET_MS = 150.0
PAGE = 200

# Indexes numbered migrations added for the ledger after the schema the budget is measured against (issue #17's
# "current schema"). The baseline connection drops them inside a transaction it never commits, so it runs the
# same queries without them while the app's connection, in WAL mode, still reads the committed schema.
# The ledger query as it was before issue #17 (the parent of the trigram index's commit): text by LIKE, deep pages
# by plain OFFSET, every sort of all hazards through SQLite's sorter. The baseline runs this code, read from git.
BASELINE_COMMIT = "43229550a14bbdd077c5e9f5acdb2e5adc416438"
ADDED_INDEXES: tuple[str, ...] = (  # migration 0016_ledger_sort_indexes
    "hazard_sort_found", "hazard_sort_description", "hazard_sort_location", "hazard_sort_source", "hazard_sort_grade",
    "hazard_sort_photo", "enterprise_by_name", "district_by_name", "hazard_state_keys", "hazard_sort_district")


@dataclass
class Figure:
    label: str
    rows: int | None
    ms: float  # median wall time of the app's query
    base_ms: float  # median wall time of the same query on the baseline
    first_ms: float  # the app's first run in this process: SQLite's own cache cold, the file in the OS's cache
    cpu_ms: float  # median CPU time of the app's query: steadier than the wall clock on a shared machine
    budget: float

    @property
    def ratio(self) -> float:
        return self.ms / self.base_ms if self.base_ms else float("nan")

    def line(self) -> str:
        rows = f"{self.rows:>8,} rows" if self.rows is not None else " " * 13
        verdict = "ok" if self.ms <= self.budget else "OVER"
        return (f"{self.label:<34} {rows} {self.ms:7.1f} ms  baseline {self.base_ms:7.1f} ms  {self.ratio:5.2f}x"
                f"  (first {self.first_ms:6.1f}, cpu {self.cpu_ms:6.1f})  ≤{self.budget:.0f} {verdict}")


def _timed(call: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def compare(label: str, app: Callable[[], tuple[list, int | None]], base: Callable[[], tuple[list, int | None]],
            runs: int, budget: float) -> Figure:
    """The app's query and the baseline's, run alternately `runs` times each after one first run; medians.

    Alternating puts both under the same load of a shared machine. The two must give the same rows in the same
    order (and the same count): the bench checks what the ledger tests check, on 200,000 hazards.
    """
    first_ms, _cpu, (rows, count) = _timed(app)
    _base_first, _cpu, (base_rows, base_count) = _timed(base)
    ids, base_ids = [row.hazard_id for row in rows], [row.hazard_id for row in base_rows]
    assert ids == base_ids and count == base_count, f"{label}: the app and the baseline disagree"
    walls, cpus, base_walls = [], [], []
    for _ in range(runs):
        wall, cpu, _result = _timed(app)
        walls.append(wall)
        cpus.append(cpu)
        base_walls.append(_timed(base)[0])
    return Figure(label, count, statistics.median(walls), statistics.median(base_walls), first_ms,
                  statistics.median(cpus), budget)


def baseline_ledger() -> types.ModuleType:
    """safety_desk/store/ledger.py as of BASELINE_COMMIT, loaded as a module of its own beside today's."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:safety_desk/store/ledger.py"],
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType("ledger_before_17")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, "ledger_before_17.py", "exec"), module.__dict__)
    # What a row holds is today's (LedgerRow gained columns since); how rows are filtered, sorted and paged is
    # the old code's.
    for name in ("_JOINS", "_FIELD_EXPRESSIONS", "_ROW_COLUMNS"):
        setattr(module, name, getattr(ledger, name))
    return module


def read_into_page_cache(path: Path) -> float:
    """Read the whole file once, so every figure is of a warm OS page cache; returns the seconds it took.

    A cold 1.3 GB file costs each first query hundreds of milliseconds of disk reads, whichever query happens to
    touch the pages first: figures then depend on what ran before in the session, not on the query.
    """
    started = time.perf_counter()
    with open(path, "rb", buffering=0) as file:
        while file.read(16 << 20):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", nargs="?", default=str(ROOT / "data" / "bench.db"),
                        help="the benchmark database (bench/build_dataset.py makes it); only read")
    parser.add_argument("--as-of", default=None,
                        help="the day overdue days are counted to (default: the data set's last day, which the"
                             " bench takes as today; an earlier day times the as-of fold of every hazard instead)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each query and its baseline (median)")
    parser.add_argument("--no-prewarm", action="store_true", help="do not read the file into the page cache first")
    parser.add_argument("--no-scroll", action="store_true", help="skip the memory check while paging through")
    args = parser.parse_args()
    path = Path(args.db)
    load_before = os.getloadavg()
    if not args.no_prewarm:
        seconds = read_into_page_cache(path)
        size = path.stat().st_size
        print(f"read {size / 2**30:.2f} GiB into the page cache in {seconds:.1f} s ({size / 2**20 / seconds:,.0f} MiB/s;"
              " several GiB/s means it was there already)")
    # The data set's last day, read without the app (bench code, not the app's SQL): "today" for the bench, so
    # the ledger reads hazard_state as on the day itself. With the system's date, days after the data set was
    # built, every query went through the as-of fold of a past day (a temp table of 192,000 states) and "no
    # filter" took 640 ms where the app on its day takes 20.
    probe = Database.open(path)
    last_day = date.fromisoformat(probe.conn.execute("SELECT max(found_on) FROM hazard").fetchone()[0])
    probe.close()
    as_of = date.fromisoformat(args.as_of) if args.as_of else last_day
    db = Database.open(path, wall=FixedClock(last_day))
    conn = db.conn
    # The baseline: a second connection to the same file, the same pragmas, with the ledger's later indexes
    # dropped in a transaction that is rolled back at the end, running the query code from before #17.
    base_db = db.reader()
    base_db.conn.execute("PRAGMA query_only = OFF")
    if ADDED_INDEXES:
        base_db.conn.execute("BEGIN IMMEDIATE")
        for name in ADDED_INDEXES:
            base_db.conn.execute(f"DROP INDEX {name}")
    old = baseline_ledger()
    query, base_query = LedgerQuery(db), old.LedgerQuery(base_db)

    def old_filter(flt: LedgerFilter):
        return old.LedgerFilter(**{f.name: getattr(flt, f.name) for f in dataclasses.fields(old.LedgerFilter)})

    def app_first(flt: LedgerFilter, column: str = "found_on", descending: bool = True):
        return lambda: query.first_page(flt, as_of, column, descending, PAGE)

    def base_first(flt: LedgerFilter, column: str = "found_on", descending: bool = True):
        def call():
            rows = base_query.page(old_filter(flt), as_of, column, descending, 0, PAGE)
            return rows, len(rows) if len(rows) < PAGE else base_query.count(old_filter(flt), as_of)
        return call

    # A sort keeps the count (LedgerTableModel.sort): the first page in the new order is all it reads.
    def app_sorted(flt: LedgerFilter, column: str, descending: bool):
        return lambda: (query.page(flt, as_of, column, descending, 0, PAGE), None)

    def base_sorted(flt: LedgerFilter, column: str, descending: bool):
        return lambda: (base_query.page(old_filter(flt), as_of, column, descending, 0, PAGE), None)

    # Filter values taken from the data set itself, one typical value each.
    district = conn.execute("SELECT district_id FROM hazard GROUP BY district_id ORDER BY count(*) DESC").fetchone()[0]
    enterprise = conn.execute("SELECT enterprise_id FROM hazard GROUP BY enterprise_id"
                              " ORDER BY count(*) DESC").fetchone()[0]
    campaign = conn.execute("SELECT campaign_id FROM hazard WHERE campaign_id IS NOT NULL GROUP BY campaign_id"
                            " ORDER BY count(*) DESC").fetchone()[0]
    scope = [row[0] for row in conn.execute("SELECT id FROM district ORDER BY code LIMIT 3")]
    total = query.count(LedgerFilter(), as_of)
    print(f"{path}: {total:,} hazards, as of {as_of} (today for the bench: {last_day}); load average"
          f" {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f} on {os.cpu_count()} cores")
    print(f"median of {args.runs} runs each, the app's query and the baseline's alternated; first = the app's first"
          " run in this process; cpu = its median CPU time")

    figures: list[Figure] = []

    def show(figure: Figure) -> None:
        figures.append(figure)
        print(figure.line(), flush=True)

    cases = {
        "no filter": LedgerFilter(),
        "scope: 3 districts (inspector)": LedgerFilter(district_ids=scope),
        "district": LedgerFilter(district_id=district),
        "enterprise": LedgerFilter(enterprise_id=enterprise),
        "grade 重大": LedgerFilter(grade="重大"),
        "status 整改中": LedgerFilter(status="整改中"),
        "open only": LedgerFilter(open_only=True),
        "overdue only": LedgerFilter(overdue_only=True),
        "found in one quarter": LedgerFilter(found_from=date(2025, 1, 1), found_to=date(2025, 3, 31)),
        "campaign": LedgerFilter(campaign_id=campaign),
        "source self_inspection": LedgerFilter(source="self_inspection"),
        "text 灭火器": LedgerFilter(text="灭火器"),
        "text 配电箱": LedgerFilter(text="配电箱"),
        "text 安全出口": LedgerFilter(text="安全出口"),
        "text (no match)": LedgerFilter(text="不存在的隐患描述"),
        "text 2 characters 消防": LedgerFilter(text="消防"),
        "overdue + text + scope": LedgerFilter(district_ids=scope, overdue_only=True, text="消防"),
    }
    print("\nfilters: count + first page (what the table model does on a filter), newest found first")
    for label, flt in cases.items():
        show(compare(label, app_first(flt), base_first(flt), args.runs, FILTER_BUDGET_MS))
    print("\nsorts, no filter: the first page in the new order (the table model keeps the count)")
    for column in SORT_COLUMNS:
        for descending in (False, True):
            label = f"sort {column} {'desc' if descending else 'asc'}"
            show(compare(label, app_sorted(LedgerFilter(), column, descending),
                         base_sorted(LedgerFilter(), column, descending), args.runs, FILTER_BUDGET_MS))
    print("\nsorts with a filter: first page")
    filtered = {"scope + text 消防安全": LedgerFilter(district_ids=scope, text="消防安全"),
                "enterprise": LedgerFilter(enterprise_id=enterprise), "district": LedgerFilter(district_id=district),
                "open only": LedgerFilter(open_only=True), "scope": LedgerFilter(district_ids=scope)}
    for name, flt in filtered.items():
        for column in ("description", "enterprise", "district", "status", "overdue_days", "notice", "photo"):
            show(compare(f"sort {column} desc, {name}", app_sorted(flt, column, True),
                         base_sorted(flt, column, True), args.runs, FILTER_BUDGET_MS))

    print("\nlast page (the count is held by the table model): the app's paging against a plain OFFSET")
    offset = max(0, total - PAGE)
    for column in ("found_on", "description", "enterprise", "district", "status", "deadline", "overdue_days",
                   "notice"):
        show(compare(f"last page by {column}",
                     lambda column=column: (query.page(LedgerFilter(), as_of, column, False, offset, PAGE, total),
                                            None),
                     lambda column=column: (base_query.page(old.LedgerFilter(), as_of, column, False, offset,
                                                            PAGE), None),
                     args.runs, LAST_PAGE_BUDGET_MS))

    if ADDED_INDEXES:
        base_db.conn.execute("ROLLBACK")
    base_db.close()

    over = [figure for figure in figures if figure.ms > figure.budget]
    worst = max((figure for figure in figures if figure.budget == FILTER_BUDGET_MS), key=lambda f: f.ms)
    print(f"\nworst filter or sort: {worst.label} {worst.ms:.1f} ms (baseline {worst.base_ms:.1f} ms);"
          f" last page at most {max(f.ms for f in figures if f.budget == LAST_PAGE_BUDGET_MS):.1f} ms")

    if not args.no_scroll:
        # Scrolling: read every tenth page top to bottom as the table model would, a few kept at a time.
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kept: list[list] = []
        start = time.perf_counter()
        for page_offset in range(0, total, PAGE * 10):
            kept.append(query.page(LedgerFilter(), as_of, "found_on", True, page_offset, PAGE, total))
            kept = kept[-8:]
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"scrolling: {len(range(0, total, PAGE * 10))} pages across all rows in {elapsed:.2f} s;"
              f" peak RSS {before / 1024:.0f} -> {after / 1024:.0f} MiB")
    load_after = os.getloadavg()
    print(f"load average at the end {load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f}")
    print("all within budget" if not over else f"OVER BUDGET: {', '.join(figure.label for figure in over)}")


if __name__ == "__main__":
    main()
