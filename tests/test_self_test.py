"""`safety-desk --self-test` from source: a window, a photo, a PDF and a spreadsheet on a temporary database."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_self_test_passes_from_source(tmp_path) -> None:
    environment = {**os.environ, "SAFETY_DESK_CONFIG_DIR": str(tmp_path / "c"), "SAFETY_DESK_DATA_DIR": str(tmp_path)}
    environment.pop("QT_QPA_PLATFORM", None)  # it must choose offscreen by itself when there is no display
    environment.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "safety_desk", "--self-test"], capture_output=True, text=True,
                            env=environment, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ("window", "photo", "pdf", "spreadsheet"):
        assert f"正常  {step}" in result.stdout
    assert "工作台" in result.stdout  # the Chinese translation loaded
