"""Writes as operations: on one writer thread and its own connection, in order, outcomes back on the UI thread."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from safety_desk.app import Desk
from safety_desk.services.ledger import LedgerFilter
from safety_desk.ui.context import AppContext
from safety_desk.ui.operations import InlineOperations, Operations


@pytest.fixture
def real_ops(qtbot, demo_context: AppContext):
    ops = Operations(demo_context.desk)
    yield ops
    ops.close()


def _open_hazards(context: AppContext, count: int) -> list[str]:
    rows, _ = context.desk.ledger.first_page(LedgerFilter(status="整改中"), limit=count)
    assert len(rows) == count
    return [row.hazard_id for row in rows]


def test_a_write_runs_on_the_writer_thread_on_a_connection_not_the_windows(qtbot, demo_context, real_ops,
                                                                          demo_as_of) -> None:
    window_connection = demo_context.store.db.conn
    seen: dict[str, object] = {}

    def work(desk: Desk) -> str:
        seen["thread"] = threading.current_thread()
        seen["connection"] = desk.store.db.conn
        return desk.hazards.extend_deadline(_ids, demo_as_of + timedelta(days=30), "等待备件") and "ok"

    _ids = _open_hazards(demo_context, 1)
    results: list[tuple[object, bool]] = []
    # Wait on what was connected before the work was queued: a signal object's `finished`, connected to only after
    # run_work returns, can be emitted by the writer before the wait is in place (a loaded CI machine did so).
    with qtbot.waitSignal(demo_context.changes.changed, timeout=5_000):
        real_ops.run_work(work, done=lambda r: results.append(
            (r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: results == [("ok", True)], timeout=5_000)
    assert seen["thread"] is not threading.main_thread()
    assert seen["connection"] is not window_connection
    assert demo_context.desk.hazards.detail(_ids[0]).deadline == demo_as_of + timedelta(days=30)


def test_writes_run_in_the_order_asked_and_a_refusal_comes_back_as_the_exception(qtbot, demo_context, real_ops,
                                                                                demo_as_of) -> None:
    hazard_id = _open_hazards(demo_context, 1)[0]
    order: list[str] = []
    failures: list[BaseException] = []
    for days in (10, 20, 30):
        real_ops.run_work(lambda desk, d=days: desk.hazards.extend_deadline([hazard_id], demo_as_of + timedelta(days=d),
                                                                       f"第{d}天"),
                     done=lambda _r, d=days: order.append(str(d)))
    last = real_ops.run_work(lambda desk: desk.hazards.extend_deadline([hazard_id], demo_as_of, ""),  # no reason
                        failed=failures.append)
    with qtbot.waitSignal(last.failed, timeout=5_000):
        pass
    qtbot.waitUntil(lambda: order == ["10", "20", "30"] and len(failures) == 1, timeout=5_000)
    assert isinstance(failures[0], ValueError) and str(failures[0])
    assert demo_context.desk.hazards.detail(hazard_id).deadline == demo_as_of + timedelta(days=30)


def test_closing_finishes_queued_writes_and_closes_the_writers_connection(qtbot, demo_context, demo_as_of) -> None:
    ops = Operations(demo_context.desk)
    hazard_id = _open_hazards(demo_context, 1)[0]
    ops.run("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=40), "冬季施工")
    ops.close()
    assert demo_context.desk.hazards.detail(hazard_id).deadline == demo_as_of + timedelta(days=40)
    assert not ops._thread.isRunning()


def test_inline_operations_are_done_when_run_returns(demo_context, demo_as_of) -> None:
    ops = InlineOperations(demo_context.desk)
    hazard_id = _open_hazards(demo_context, 1)[0]
    results: list[object] = []
    ops.run("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=9), "天气", done=results.append)
    assert results == [1]
    assert ops.call("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=10), "材料") == 1
    with pytest.raises(ValueError):
        ops.call("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=11), "")  # no reason


def test_a_waited_call_runs_on_the_writer_thread_and_raises_its_refusal_here(qtbot, demo_context, real_ops,
                                                                            demo_as_of) -> None:
    hazard_id = _open_hazards(demo_context, 1)[0]
    assert real_ops.call("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=12), "待料") == 1
    assert demo_context.desk.hazards.detail(hazard_id).deadline == demo_as_of + timedelta(days=12)
    with pytest.raises(ValueError):
        real_ops.call("hazards", "extend_deadline", [hazard_id], demo_as_of + timedelta(days=13), "")
    assert real_ops._writer.desk is not None and real_ops._writer.desk.store is not demo_context.store
