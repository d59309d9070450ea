"""Fixtures for sync tests: the office, an inspector laptop and an enterprise PC enrolled from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests here import sync_helpers

from sync_helpers import make_world, open_world  # noqa: E402


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three devices, enrolled once per run (each test opens a copy: the same three devices every time)."""
    folder = tmp_path_factory.mktemp("world-template")
    make_world(folder)
    return folder


@pytest.fixture
def world(world_template: Path, tmp_path: Path):
    replicas = open_world(world_template, tmp_path)
    yield tuple(replicas)
    for replica in replicas:
        replica.close()
