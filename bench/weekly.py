"""The Friday summary of a city: weekly summary figures and PDF on 1 and 3 years of history (§8: < 2 s, ≤ 1.2x).

Printed twice: on the Friday after the week (the store's clock on AS_OF, hazard_state read as is) and reprinted
later (the store's clock a week on: every figure is the fold of the events up to the week's Sunday)."""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from safety_desk.domain.clock import FixedClock
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.session import Session
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.store import Store

ROOT = Path(__file__).resolve().parent
AS_OF = date(2026, 11, 27)
WEEK = "2026-W47"  # the last whole week of both data sets
RUNS = 3


def open_hazards(path: Path) -> int:
    with Store.open(path) as store:
        return store.hazards.scope_counts(None, AS_OF)["open"]


def summary_time(path: Path, target: Path, printed_on: date = AS_OF, week: str = WEEK,
                 as_of: date = AS_OF) -> tuple[float, float]:
    """Median seconds for the figures and for figures + PDF, on a warm cache (the second of two opens)."""
    with Store.open(path, clock=FixedClock(printed_on)) as store:
        service = WeeklyService(Session.of_device(store, FixedClock(printed_on)).at(as_of))
        started, cpu = time.perf_counter(), time.process_time()
        service.summary(iso_week(week))  # warm up; a past week's first summary also folds the events to its end
        print(f"  first summary of {week} on {printed_on}: {(time.perf_counter() - started) * 1000:.0f} ms"
              f" ({(time.process_time() - cpu) * 1000:.0f} ms CPU)")
        service.write_pdf(service.summary(iso_week(week)), target)
        figures, whole, cpus = [], [], []
        for _ in range(RUNS):
            started, cpu = time.perf_counter(), time.process_time()
            summary = service.summary(iso_week(week))
            middle = time.perf_counter()
            service.write_pdf(summary, target)
            figures.append(middle - started)
            whole.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    print(f"  {week} printed on {printed_on}: figures + PDF CPU median {statistics.median(cpus) * 1000:.0f} ms")
    return statistics.median(figures), statistics.median(whole)


def past_week(path: Path, week: str) -> None:
    """A week near the start of the data set, reprinted at its end: every figure folded to that week's Sunday."""
    figures, whole = summary_time(path, ROOT / "data" / f"weekly-{week}.pdf", AS_OF, week, AS_OF)
    print(f"weekly summary, city, {week} printed on {AS_OF} (3 years later): figures {figures * 1000:.0f} ms"
          f"   figures + PDF {whole * 1000:.0f} ms  (budget 2 s)  {'ok' if whole < 2.0 else 'OVER'}"
          f"   load average {os.getloadavg()[0]:.1f}")


def one_year(path: Path) -> Path:
    if not path.exists():
        started = time.perf_counter()
        build_demo(path, DemoSpec(enterprises=2000, weeks=52, as_of=AS_OF))
        print(f"built the 1-year data set in {time.perf_counter() - started:.0f} s: {path}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--three-years", type=Path, default=ROOT / "data" / "bench.db")
    parser.add_argument("--one-year", type=Path, default=ROOT / "data" / "bench-1y.db")
    parser.add_argument("--past-week", help="time only this week's summary on the 3-year set, e.g. 2023-W49")
    args = parser.parse_args()
    if args.past_week:
        past_week(args.three_years, args.past_week)
        return
    results = {}
    for label, path in (("1 year", one_year(args.one_year)), ("3 years", args.three_years)):
        for when, printed_on in (("on the Friday", AS_OF), ("a week later", AS_OF + timedelta(days=7))):
            timed = summary_time(path, ROOT / "data" / f"weekly-{label.replace(' ', '')}.pdf", printed_on)
            results.setdefault(label, timed)
            figures, whole = timed
            verdict = "ok" if whole < 2.0 else "OVER"
            print(f"weekly summary, city, {label:8s} {when:13s} figures {figures * 1000:6.0f} ms"
                  f"   figures + PDF {whole * 1000:6.0f} ms  (budget 2 s)  {verdict}   ({open_hazards(path):,} open hazards)")
    ratio = results["3 years"][1] / results["1 year"][1]
    print(f"3 years / 1 year: {ratio:.2f}x  (budget 1.2x)  {'ok' if ratio <= 1.2 else 'OVER'}"
          "  — the summary reads the period's rows and every open hazard; the synthetic data leaves 8% of"
          " hazards open for ever, so 3 years hold far more open hazards than 1")


if __name__ == "__main__":
    main()
