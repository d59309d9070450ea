"""The task runners: the tests' inline runner is truly synchronous; the pool reports back on the UI thread."""

from __future__ import annotations

import threading

from safety_desk.ui.tasks import InlineTaskRunner, TaskRunner


def _listen(signals) -> list[tuple]:
    heard: list[tuple] = []
    signals.progressed.connect(lambda done, total: heard.append(("progressed", done, total)))
    signals.finished.connect(lambda result: heard.append(("finished", result)))
    signals.failed.connect(lambda message: heard.append(("failed", message)))
    return heard


def test_the_inline_runner_has_run_the_task_when_start_returns_and_delivers_on_connect() -> None:
    ran = []

    def task(report, a, b):
        ran.append(threading.current_thread())
        report(1, 2)
        report(2, 2)
        return a + b

    signals = InlineTaskRunner().start(task, 2, 3)
    assert ran == [threading.current_thread()]  # done before anyone connected
    assert _listen(signals) == [("progressed", 1, 2), ("progressed", 2, 2), ("finished", 5)]
    late = []
    signals.finished.connect(late.append)  # a second listener hears it too
    assert late == [5]


def test_the_inline_runner_delivers_a_failure_as_its_message() -> None:
    def task(_report):
        raise ValueError("文件不存在 (no such file)")

    assert _listen(InlineTaskRunner().start(task)) == [("failed", "文件不存在 (no such file)")]


def test_the_pool_runs_the_task_in_a_worker_and_reports_on_the_ui_thread(qtbot) -> None:
    threads = []

    def task(report):
        threads.append(threading.current_thread())
        report(1, 1)
        return "done"

    signals = TaskRunner().start(task)
    heard = _listen(signals)  # connected after start(): the job waits for the event loop, so nothing is lost
    heard_on = []
    signals.progressed.connect(lambda *_args: heard_on.append(threading.current_thread()))
    signals.finished.connect(lambda _result: heard_on.append(threading.current_thread()))
    qtbot.waitUntil(lambda: len(heard_on) == 2, timeout=10_000)
    assert heard == [("progressed", 1, 1), ("finished", "done")]
    assert threads[0] is not threading.main_thread() and heard_on == [threading.main_thread()] * 2
