"""Start to first window: SafetyDesk on a database against a bare PySide6 window, in fresh processes (§8: ≤ 1.5x)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# Each child prints the seconds from its own start (the parent's stamp) to the first painted window.
BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
window = QMainWindow(); window.setCentralWidget(QLabel("bare")); window.resize(1366, 768); window.show()
app.processEvents()
window.grab()
print(time.time() - float(sys.argv[1]))
"""

SIGN_IN = """
import sys, time
from pathlib import Path
from safety_desk.ui.app import make_application
app = make_application("zh_CN")
from safety_desk.services.auth import SignIn
from safety_desk.store.store import Store
from safety_desk.ui.dialogs.sign_in import SignInDialog
store = Store.open(Path(sys.argv[2]))
office = store.offices.current()
dialog = SignInDialog(SignIn(store), office.name if office else ""); dialog.show()
app.processEvents()
dialog.grab()
print(time.time() - float(sys.argv[1]))
"""

APP = """
import sys, time
from pathlib import Path
from safety_desk.ui.app import make_application
app = make_application("zh_CN")
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.services.auth import SignIn
from safety_desk.ui.context import AppContext
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.tasks import TaskRunner
store = Store.open(Path(sys.argv[2]))
session = SignIn(store).sign_in("admin", "demo")
context = AppContext(store=store, session=session, settings=Settings(reminders=False), tasks=TaskRunner())
window = MainWindow(context); window.show()
app.processEvents()
window.grab()
print(time.time() - float(sys.argv[1]))
"""


def run(code: str, *args: str) -> float:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True,
                         env=environment, check=True).stdout
    return float(out.strip().splitlines()[-1])


def measure(database: Path, rounds: int) -> tuple[float, float, float]:
    run(BARE)  # warm the file cache for all three
    run(SIGN_IN, str(database))
    run(APP, str(database))
    bare = statistics.median(run(BARE) for _ in range(rounds))
    sign_in = statistics.median(run(SIGN_IN, str(database)) for _ in range(rounds))
    app = statistics.median(run(APP, str(database)) for _ in range(rounds))
    return bare, sign_in, app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", nargs="?", default=str(ROOT / "data" / "bench.db"),
                        help="a database with an admin/demo account (default: the benchmark data set)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SAFETY_DESK_CONFIG_DIR"] = folder  # no remembered window state or page
        bare, sign_in, app = measure(Path(args.db), args.rounds)
    print(f"bare PySide6 window                 {bare * 1000:6.0f} ms")
    for name, seconds in (("sign-in window (what a user sees)", sign_in),
                          ("main window, signed in (+scrypt)", app)):
        verdict = "ok" if seconds <= 1.5 * bare else "OVER"
        print(f"{name:35s} {seconds * 1000:6.0f} ms   {seconds / bare:.2f}x  (budget 1.5x)  {verdict}")


if __name__ == "__main__":
    main()
