"""UI test fixtures: a small demo database, copied fresh for each test, and an AppContext signed in on it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.tasks import InlineTaskRunner

DEMO_AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per run (about half a second); tests get copies, so none sees another's writes."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    build_demo(path, DemoSpec(enterprises=30, weeks=8, as_of=DEMO_AS_OF), clock=FixedClock(DEMO_AS_OF))
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database (30 enterprises in 3 districts, 8 weeks up to DEMO_AS_OF)."""
    for part in demo_template.parent.glob(demo_template.name + "*"):  # the -wal/-shm files if any remain
        shutil.copy(part, tmp_path / part.name)
    return tmp_path / demo_template.name


@pytest.fixture
def demo_store(demo_db_path: Path):
    with Store.open(demo_db_path, clock=FixedClock(DEMO_AS_OF)) as opened:
        yield opened


@pytest.fixture
def context_for(demo_store: Store) -> Callable[[str], AppContext]:
    """context_for("inspector01a"): an AppContext signed in as that demo login (password checks skipped)."""
    def make(login: str = "admin") -> AppContext:
        person = demo_store.people.by_login(login)
        assert person is not None, f"no demo login {login!r}"
        demo_store.db.author_id = person.id
        # The store's clock stands on the day the demo data ends: "today" for every page, dialog and service.
        return AppContext(store=demo_store, session=Session(demo_store, person, clock=demo_store.db.wall),
                          settings=Settings(),
                          tasks=InlineTaskRunner(), device_name="测试设备")
    return make


@pytest.fixture
def demo_context(context_for: Callable[[str], AppContext]) -> AppContext:
    """Signed in as the office administrator, who sees and may edit everything."""
    return context_for("admin")


@pytest.fixture
def demo_as_of() -> date:
    """The day the demo data ends; overdue days in tests are counted as of it, not the real today."""
    return DEMO_AS_OF
