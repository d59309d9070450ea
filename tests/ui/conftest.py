"""UI test fixtures: an AppContext signed in on a fresh copy of the demo database (tests/conftest.py), and the
real thread pool watched for tasks that fail or use another thread's connection."""

from __future__ import annotations

import os
import threading
from typing import Any, Callable

import pytest

from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store import database
from safety_desk.store.errors import WrongThread
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.i18n import apply_font, install_translators, register_font
from safety_desk.ui.tasks import InlineTaskRunner, TaskRunner, TaskSignals


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
def chinese_window(qapp):
    """The window in Chinese, as it starts by default (the tests' own language is English); with
    SAFETY_DESK_SHOTS set, in the window's own font too, so screenshots show Chinese as Chinese."""
    translators = install_translators(qapp, "zh_CN")
    before = qapp.font()
    if os.environ.get("SAFETY_DESK_SHOTS"):
        apply_font(qapp, register_font())
    yield
    qapp.setFont(before)
    for translator in translators:
        qapp.removeTranslator(translator)


class WatchedPool(TaskRunner):
    """The application's thread pool, noting where each task ran and how it ended."""

    def __init__(self) -> None:
        super().__init__()
        self.started: list[str] = []
        self.outcomes: list[tuple[str, str, object]] = []  # (task, "finished" or "failed", result or message)
        self.threads: list[threading.Thread] = []

    def start(self, function: Callable[..., Any], *args: Any) -> TaskSignals:
        name = getattr(function, "__qualname__", repr(function))

        def watched(report, *inner):
            self.threads.append(threading.current_thread())
            return function(report, *inner)

        self.started.append(name)
        signals = super().start(watched, *args)
        signals.finished.connect(lambda result: self.outcomes.append((name, "finished", result)))
        signals.failed.connect(lambda message: self.outcomes.append((name, "failed", message)))
        return signals


@pytest.fixture
def real_pool(qtbot, monkeypatch):
    """A real thread pool to put in a context, and `done()`: waits until every task it started has reported, then
    asserts each ran in a worker, none failed, and no thread used a connection another thread opened (a task that
    catches every error would hide that, so each WrongThread made is noted as well)."""
    made: list[str] = []

    class NotedWrongThread(WrongThread):
        def __init__(self, message: str) -> None:
            made.append(message)
            super().__init__(message)

    monkeypatch.setattr(database, "WrongThread", NotedWrongThread)
    pool = WatchedPool()

    def done(timeout: int = 20_000) -> list[tuple[str, str, object]]:
        qtbot.waitUntil(lambda: len(pool.outcomes) == len(pool.started) > 0, timeout=timeout)
        assert made == []
        assert [o for o in pool.outcomes if o[1] == "failed"] == []
        assert threading.main_thread() not in pool.threads
        return pool.outcomes

    pool.done = done
    return pool
