"""Writes as operations: one writer thread with its own connection for the whole window (Anki's CollectionOp).

`context.ops.run(lambda desk: desk.hazards.verify(hazard_id, note), done=on_verified, failed=on_refused)` runs
the write on the writer thread, on the writer's desk (a second writable connection to the same file), and calls
back on the UI thread: `done(result)`, or `failed(exception)` (a service refusal says what and why). What the
write changed reaches every page through the window's ChangeBus: the writer's commits are announced to the same
listeners. Writes run one at a time in the order they were asked for: an answer typed after another is written
after it.

Tests use `InlineOperations`: the work runs on the window's desk before `run()` returns, callbacks included.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from safety_desk.app import Desk

Work = Callable[[Desk], Any]
Callback = Callable[[Any], None]

# Refusals and store errors (a full disk, a locked file) are news for the person, not bugs: no traceback.
_EXPECTED = ("ValueError", "PermissionDenied", "StoreError")


def _expected(exc: BaseException) -> bool:
    return any(kind.__name__ in _EXPECTED for kind in type(exc).__mro__)


class OperationSignals(QObject):
    """The outcome of one operation, emitted on the writer thread and delivered on the UI thread."""

    finished = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised


def _execute(work: Work, desk: Desk, signals: OperationSignals) -> None:
    try:
        result = work(desk)
    except Exception as exc:  # noqa: BLE001 - every failure reaches the person as a message
        if not _expected(exc):
            traceback.print_exc()
        signals.failed.emit(exc)
    else:
        signals.finished.emit(result)


class _Writer(QObject):
    """Lives on the writer thread; opens its connection there on the first job and closes it there at the end."""

    stopped = Signal()

    def __init__(self, open_desk: Callable[[], Desk]) -> None:
        super().__init__()
        self._open_desk = open_desk
        self.desk: Desk | None = None

    @Slot(object, object)
    def execute(self, work: Work, signals: OperationSignals) -> None:
        if self.desk is None:
            self.desk = self._open_desk()
        _execute(work, self.desk, signals)

    @Slot()
    def stop(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None
        self.stopped.emit()


class Operations(QObject):
    """The window's writes, one at a time, on one writer thread and its own connection."""

    _submitted = Signal(object, object)
    _stop_requested = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._live: set[OperationSignals] = set()
        self._thread = QThread()
        self._thread.setObjectName("safety-desk-writer")
        self._writer = _Writer(desk.writer)
        self._writer.moveToThread(self._thread)
        self._submitted.connect(self._writer.execute)  # queued: runs on the writer's thread, in order
        self._stop_requested.connect(self._writer.stop)
        # Direct: the UI thread is blocked in close() waiting for the thread, so quit must not queue to it.
        self._writer.stopped.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    def run(self, work: Work, *, done: Callback | None = None, failed: Callback | None = None) -> OperationSignals:
        """Queue `work(desk)` on the writer thread; `done(result)` or `failed(exception)` on the UI thread."""
        signals = OperationSignals()
        self._live.add(signals)  # kept alive until it reports back
        signals.finished.connect(lambda _=None: self._live.discard(signals))
        signals.failed.connect(lambda _=None: self._live.discard(signals))
        if done is not None:
            signals.finished.connect(done)
        if failed is not None:
            signals.failed.connect(failed)
        self._submitted.emit(work, signals)  # connected before it can report: nothing is lost
        return signals

    def close(self) -> None:
        """Finish the queued writes, close the writer's connection on its own thread, stop the thread."""
        if self._thread.isRunning():
            self._stop_requested.emit()
            self._thread.wait()


class InlineOperations(Operations):
    """Operations for tests: the work runs on the calling thread and the window's desk before run() returns."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:  # no thread to start
        QObject.__init__(self, parent)
        self._desk = desk

    def run(self, work: Work, *, done: Callback | None = None, failed: Callback | None = None) -> OperationSignals:
        signals = OperationSignals()
        if done is not None:
            signals.finished.connect(done)
        if failed is not None:
            signals.failed.connect(failed)
        _execute(work, self._desk, signals)
        return signals

    def close(self) -> None:
        pass
