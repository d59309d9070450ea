"""Test set-up: offscreen Qt, and a fresh data dir, config dir and database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from safety_desk.services.setup import initialise  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real per-user data or config dir."""
    monkeypatch.setenv("SAFETY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFETY_DESK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A freshly initialised office database (device, office, admin account, checklist library)."""
    path = tmp_path / "office.db"
    initialise(path, office_name="测试安全办", admin_login="admin", admin_name="管理员", admin_password="pw")
    return path


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened
