"""Fixtures for sync tests: the office, an inspector laptop and an enterprise PC enrolled from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests here import sync_helpers

from sync_helpers import USCC, enrol_and_join, make_office  # noqa: E402


@pytest.fixture
def world(tmp_path: Path):
    office = make_office(tmp_path)
    inspector = enrol_and_join(office, tmp_path, "inspector", "inspector", district_codes=["D1"])
    enterprise = enrol_and_join(office, tmp_path, "enterprise", "enterprise", uscc=USCC[0])
    yield office, inspector, enterprise
    for replica in (office, inspector, enterprise):
        replica.close()


