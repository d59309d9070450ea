"""What every page and dialog is handed: the desk (services, session, settings), the task runner and the broadcast."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from safety_desk.app import Desk
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.changed import Changes
from safety_desk.ui.operations import InlineOperations, Operations
from safety_desk.ui.tasks import TaskRunner


class ChangeBus(QObject):
    """Every committed write on the desk's connections, announced on the UI thread; pages and the status bar
    refresh from it instead of from one-off signals of the dialogs that wrote."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        # Called on whichever thread committed; a queued signal delivers it on the UI thread.
        self.changed.emit(changes)


class AppContext:
    """The desk a window works on (built from a session and settings when not given), its tasks and broadcast."""

    def __init__(self, store=None, session: Session | None = None, settings: Settings | None = None,
                 tasks: TaskRunner | None = None, device_name: str = "", *, desk: Desk | None = None,
                 changes: ChangeBus | None = None, ops: Operations | None = None) -> None:
        if desk is None:
            if session is None or (store is not None and session.store is not store):
                raise ValueError("an AppContext needs a desk, or a session on its store")
            desk = Desk(session, settings)
        self.desk = desk
        self.tasks = tasks or TaskRunner()
        self.device_name = device_name
        self.changes = changes or ChangeBus()
        # Every write of the window: on the writer thread in the application (ui/app.py), at once in tests.
        self.ops = ops or InlineOperations(desk)
        if self.changes.announce not in desk.store.db.commit_listeners:
            desk.on_changes(self.changes.announce)

    @property
    def store(self):
        """The window's connection (the desk's store); pages reach data through the desk's services."""
        return self.desk.store

    @property
    def session(self) -> Session:
        return self.desk.session

    @property
    def settings(self) -> Settings:
        return self.desk.settings

    def at(self, day: date) -> "AppContext":
        """The same context seeing the records as of the end of `day` (its clock stands there)."""
        return AppContext(tasks=self.tasks, device_name=self.device_name, desk=self.desk.at(day), changes=self.changes,
                          ops=self.ops)
