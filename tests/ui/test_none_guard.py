"""Many Qt calls in one session must not free None (PySide6 6.12.0 on Python 3.11 drops its references)."""

from __future__ import annotations

import subprocess
import sys


def test_a_long_session_of_void_qt_calls_does_not_abort() -> None:
    script = (
        "import safety_desk.ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for _ in range(20000):\n"
        "    label.setText('x')\n"
        "import gc; gc.collect()\n"
        "print('survived')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
