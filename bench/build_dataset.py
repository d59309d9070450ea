"""Build the benchmark data set (DESIGN.md §8) and print how long it took and how big it is."""

from __future__ import annotations

import argparse
import resource
import sqlite3
import time
from datetime import date
from pathlib import Path

from safety_desk.services.demo import DemoSpec, build_demo

ROOT = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--weeks", type=int, default=156)
    parser.add_argument("--as-of", default="2026-11-27")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "data" / "bench.db")
    args = parser.parse_args()
    for leftover in (args.output, Path(f"{args.output}-wal"), Path(f"{args.output}-shm")):
        leftover.unlink(missing_ok=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    summary = build_demo(args.output, DemoSpec(enterprises=args.enterprises, weeks=args.weeks,
                                               as_of=date.fromisoformat(args.as_of)))
    elapsed = time.perf_counter() - started
    size = args.output.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"data set   {summary.describe()}")
    print(f"build time {elapsed:8.1f} s")
    print(f"file size  {size / 2**20:8.1f} MiB ({args.output})")
    print(f"peak RSS   {peak_mb:8.1f} MiB")
    conn = sqlite3.connect(args.output)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8").fetchall()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        rows = []
    conn.close()
    for name, pages in rows:
        print(f"  {name:32s} {pages / 2**20:8.1f} MiB")


if __name__ == "__main__":
    main()
