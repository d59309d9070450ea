"""A connection belongs to the thread that opened it: workers read and write on connections of their own."""

from __future__ import annotations

import threading

import pytest

from safety_desk.services.doctor import run_doctor
from safety_desk.store.database import Database
from safety_desk.store.errors import WrongThread
from safety_desk.store.records import District
from safety_desk.store.store import Store


def _in_thread(work):
    """Run `work()` on another thread; its result or the exception it raised."""
    outcome = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="worker")
    thread.start()
    thread.join()
    return outcome


def test_a_worker_using_the_windows_connection_is_stopped_with_a_clear_error(store: Store) -> None:
    outcome = _in_thread(lambda: store.districts.active())
    error = outcome["error"]
    assert isinstance(error, WrongThread)
    assert "office.db" in str(error) and "'MainThread'" in str(error) and "'worker'" in str(error)
    assert "Store.reader()" in str(error)
    assert store.districts.active() == []  # the thread that opened it carries on


def test_a_worker_reads_on_a_reader_and_writes_on_a_writer_of_its_own(store: Store) -> None:
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id

    def work():
        with store.writer() as own:
            with own.transaction():
                own.districts.add(District(id=own.db.new_id(), code="W1", name="工作线程片区"))
        with store.reader() as own:
            return [d.code for d in own.districts.active()]

    assert _in_thread(work) == {"result": ["W1"]}
    district = store.districts.by_code("W1")
    assert district is not None
    # Written as the window's author; the window's next write continues the audit chain the worker left.
    assert store.db.conn.execute("SELECT author FROM write_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == admin.id
    store.districts.update(district.id, name="改名")
    assert run_doctor(store).ok


def test_the_check_is_off_outside_the_tests(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Database, "check_thread", False)
    assert _in_thread(lambda: store.districts.active()) == {"result": []}
