"""Long work off the UI thread: a pool of workers whose results come back by signal; tests run it inline."""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from safety_desk.services.errors import ServiceError

# A task function receives `report(done, total)` as its first argument to publish progress.
Report = Callable[[int, int], None]


class TaskSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, function: Callable[..., Any], args: tuple, signals: "TaskSignals | RanTask") -> None:
        super().__init__()
        self.function, self.args, self.signals = function, args, signals

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(self.signals.progressed.emit, *self.args)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the user as a message
            message = str(exc) or exc.__class__.__name__
            if not isinstance(exc, ServiceError):  # a full disk is news for the user, not a bug
                traceback.print_exc()
            self.signals.failed.emit(message)
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs `function(report, *args)` in the thread pool; connect to the returned signals."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._live: set[TaskSignals] = set()

    def start(self, function: Callable[..., Any], *args: Any) -> TaskSignals:
        signals = TaskSignals()
        self._live.add(signals)  # keep the QObject alive until the job reports back
        signals.finished.connect(lambda _=None, s=signals: self._live.discard(s))
        signals.failed.connect(lambda _=None, s=signals: self._live.discard(s))
        # Started on the next turn of the event loop, after the caller has connected to the signals:
        # a quick job started at once could report before anyone listens, and its result would be lost.
        job = _Job(function, args, signals)
        QTimer.singleShot(0, lambda: self._pool.start(job))
        return signals


class _Replayed:
    """A stand-in for a signal that keeps what was emitted and hands it to every slot connected later."""

    def __init__(self) -> None:
        self._emitted: list[tuple] = []
        self._slots: list[Callable[..., Any]] = []

    def emit(self, *args: Any) -> None:
        self._emitted.append(args)
        for slot in list(self._slots):
            slot(*args)

    def connect(self, slot: Callable[..., Any]) -> None:
        slot = getattr(slot, "emit", slot)  # a signal connected to a signal: emit it
        self._slots.append(slot)
        for args in self._emitted:
            slot(*args)


class RanTask:
    """What InlineTaskRunner.start returns: the task has already run; each connect delivers its outcome at once."""

    def __init__(self) -> None:
        self.progressed = _Replayed()
        self.finished = _Replayed()
        self.failed = _Replayed()


class InlineTaskRunner(TaskRunner):
    """Runs each task on the calling thread before start() returns (tests, the self-test).

    Callers connect after start() as they do with the pool: `finished` (or `failed`) reaches a slot the moment
    it is connected, and `progressed` replays every report in order. Nothing waits for the event loop.
    """

    def start(self, function: Callable[..., Any], *args: Any) -> RanTask:  # type: ignore[override]
        ran = RanTask()
        _Job(function, args, ran).run()
        return ran


def in_reader(session, work: Callable[[Any], Any]) -> Callable[..., Any]:
    """A task function running `work(session)` on a read-only connection of its own (Store.reader).

    Workers must not share the window's connection: a long query would freeze the interface (Database.reader).
    """
    def task(_report: Report) -> Any:
        with session.store.reader() as store:
            return work(session.with_store(store))
    return task
