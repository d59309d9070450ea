"""UI test fixtures: an AppContext signed in on a fresh copy of the demo database (tests/conftest.py)."""

from __future__ import annotations

from typing import Callable

import pytest

from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.tasks import InlineTaskRunner


@pytest.fixture
def context_for(demo_store: Store) -> Callable[[str], AppContext]:
    """context_for("inspector01a"): an AppContext signed in as that demo login (password checks skipped)."""
    def make(login: str = "admin") -> AppContext:
        person = demo_store.people.by_login(login)
        assert person is not None, f"no demo login {login!r}"
        demo_store.db.author_id = person.id
        return AppContext(store=demo_store, session=Session(demo_store, person), settings=Settings(),
                          tasks=InlineTaskRunner(), device_name="测试设备")
    return make


@pytest.fixture
def demo_context(context_for: Callable[[str], AppContext]) -> AppContext:
    """Signed in as the office administrator, who sees and may edit everything."""
    return context_for("admin")
