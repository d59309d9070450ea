"""Every budget of DESIGN.md §8 in one command: runs each benchmark and prints one table of the figures.

    .venv/bin/python bench/run.py            (builds bench/data/bench.db first if it is missing: ~90 s)

Each benchmark measures its own baseline in the same run; this script only gathers their verdict lines.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BENCHES = [
    ("start", ["startup.py"]),
    ("ledger", ["ledger.py"]),
    ("weekly summary", ["weekly.py"]),
    ("photo ingest", ["photo_ingest.py"]),
    ("sync", ["sync.py"]),
    ("password hash", ["password_cost.py"]),
]
# bench/ledger.py's figure lines: label, rows, the app's ms, the baseline's ms and the ratio, ..., budget, verdict.
_MS = re.compile(r"^(?P<label>.+?)\s+(?:[\d,]+ rows\s+)?(?P<ms>[\d.]+) ms\s+baseline\s+(?P<base>[\d.]+) ms\s+"
                 r"(?P<ratio>[\d.]+)x.*≤(?P<budget>\d+) (?P<verdict>ok|OVER)$")


def run(script: list[str]) -> str:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / script[0]), *script[1:]], capture_output=True, text=True)
    output = result.stdout + (f"\n(exit {result.returncode}) {result.stderr[-2000:]}" if result.returncode else "")
    return output + f"\n[{script[0]} ran {time.perf_counter() - started:.0f} s]"


def summary_lines(name: str, output: str) -> list[str]:
    """The lines of a benchmark's output that state a figure against its budget."""
    if name == "ledger":
        timings = [m for m in (_MS.match(line.strip()) for line in output.splitlines()) if m]
        if not timings:
            return ["ledger: no figures (see above)"]
        lines = []
        for budget, what in (("50", "filter/sort"), ("150", "last page")):
            group = [m for m in timings if m["budget"] == budget]
            if not group:
                continue
            worst = max(group, key=lambda m: float(m["ms"]))
            over = [m["label"].strip() for m in group if m["verdict"] == "OVER"]
            lines.append(f"ledger {what}, worst of {len(group)}: {worst['label'].strip()} {worst['ms']} ms"
                         f" (baseline {worst['base']} ms, {worst['ratio']}x; budget {budget} ms)"
                         f" {'ok' if not over else 'OVER: ' + ', '.join(over)}")
        lines += [line.strip() for line in output.splitlines() if line.startswith(("scrolling:", "load average"))]
        return lines
    keep = ("budget", "stall", "peak", "ratio", "x  (", "goal")
    return [line.strip() for line in output.splitlines() if any(word in line for word in keep)]


def main() -> None:
    if not (ROOT / "data" / "bench.db").exists():
        print(run(["build_dataset.py"]))
    table = []
    for name, script in BENCHES:
        if not (ROOT / script[0]).exists():
            table.append((name, [f"{script[0]} not written yet"]))
            continue
        output = run(script)
        print(f"===== {name} =====\n{output}\n")
        table.append((name, summary_lines(name, output)))
    print("===== DESIGN.md §8 budgets =====")
    for name, lines in table:
        for index, line in enumerate(lines or ["(no verdict line)"]):
            print(f"{name if index == 0 else '':16s} {line}")


if __name__ == "__main__":
    main()
