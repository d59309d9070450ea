"""What every page and dialog is handed: the store, the signed-in session, settings and the task runner."""

from __future__ import annotations

from dataclasses import dataclass

from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.tasks import TaskRunner


@dataclass
class AppContext:
    store: Store
    session: Session
    settings: Settings
    tasks: TaskRunner
    device_name: str = ""
