"""CPU time of one password hash at the production cost (the goal: about a quarter of a second, DESIGN.md §9)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from safety_desk.services import passwords  # noqa: E402


def main(runs: int = 5) -> None:
    passwords.COST = passwords.PRODUCTION_COST
    spent = []
    for _ in range(runs):
        started = time.process_time()  # CPU time: the machine's other work does not count
        stored = passwords.hash_password("correct horse battery")
        spent.append(time.process_time() - started)
        assert passwords.verify_password("correct horse battery", stored)
    n, r, p = passwords.PRODUCTION_COST
    median = statistics.median(spent)
    print(f"password hash  scrypt N={n} r={r} p={p}  {128 * n * r // 2**20} MiB  "
          f"median {median * 1000:.0f} ms CPU (min {min(spent) * 1000:.0f}, max {max(spent) * 1000:.0f}, {runs} runs)  "
          f"goal ≈250 ms {'ok' if median >= 0.2 else 'LOW'}")


if __name__ == "__main__":
    main()
