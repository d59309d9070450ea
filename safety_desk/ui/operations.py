"""Writes as operations: one writer thread with its own connection for the whole window (Anki's CollectionOp).

Every write the window makes names a service of the desk and its method, with arguments taken on the UI thread:
- `context.ops.run("hazards", "verify", hazard_id, note, done=on_verified, failed=on_refused)` queues it on the
  writer thread and calls back on the UI thread with the result or the exception (a refusal says what and why);
- `context.ops.call("inspections", "answer", inspection_id, code, "pass")` waits for it (a keystroke's write takes
  milliseconds, and the runner shows its result at once) and returns the result or raises the exception.
The writer's desk is a second writable connection to the same file: the window's own connection only reads. What
a write changed reaches every page through the window's ChangeBus, because the writer's commits are announced to
the same listeners. Writes run one at a time in the order they were asked for.

Tests use `InlineOperations`: the same calls, run at once on the calling thread.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from safety_desk.app import Desk

Work = Callable[[Desk], Any]


def named_work(service: str, method: str, args: tuple, kwargs: dict) -> Work:
    """`desk.<service>.<method>(*args, **kwargs)`, with the arguments already taken (never a widget read later)."""
    def work(desk: Desk) -> Any:
        return getattr(getattr(desk, service), method)(*args, **kwargs)
    return work
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

    def run(self, service: str, method: str, *args: Any, done: Callback | None = None,
            failed: Callback | None = None, **kwargs: Any) -> OperationSignals:
        """Queue `desk.<service>.<method>(*args, **kwargs)`; `done(result)` or `failed(exception)` on the UI thread."""
        return self.run_work(named_work(service, method, args, kwargs), done=done, failed=failed)

    def call(self, service: str, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run `desk.<service>.<method>(*args, **kwargs)` on the writer thread and wait for it: its result, or
        its exception raised here."""
        if not self._thread.isRunning():
            raise RuntimeError("the writer thread has stopped (the window is closing)")
        finished = threading.Event()
        outcome: dict[str, Any] = {}

        def work(desk: Desk) -> None:
            try:
                outcome["result"] = named_work(service, method, args, kwargs)(desk)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, who raises it on its own thread
                outcome["error"] = exc
            finally:
                finished.set()
        self._submitted.emit(work, OperationSignals())
        finished.wait()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def run_work(self, work: Work, *, done: Callback | None = None, failed: Callback | None = None
                 ) -> OperationSignals:
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

    def call(self, service: str, method: str, *args: Any, **kwargs: Any) -> Any:
        return named_work(service, method, args, kwargs)(self._desk)

    def run_work(self, work: Work, *, done: Callback | None = None, failed: Callback | None = None
                 ) -> OperationSignals:
        signals = OperationSignals()
        if done is not None:
            signals.finished.connect(done)
        if failed is not None:
            signals.failed.connect(failed)
        _execute(work, self._desk, signals)
        return signals

    def close(self) -> None:
        pass
