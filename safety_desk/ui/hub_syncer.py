"""Sync with the network hub in the background: every few minutes and on demand, on a worker, never the UI thread.

The exchange runs in the task pool on a writable connection of its own (as the Sync page's folder pass does); its
commits reach every page through the change broadcast. An unreachable hub is news for the status bar, not an error:
the program works on offline and tries again at the next tick.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from safety_desk.services.hub_sync import HubResult, HubSyncService, HubUnreachable
from safety_desk.services.sync import SyncService
from safety_desk.ui.tasks import in_reader


FIRST_SYNC_MS = 15_000


@dataclass(frozen=True)
class HubOutcome:
    """How one exchange ended: `result` when it was done, else `problem` (and `unreachable` for no connection)."""

    result: HubResult | None = None
    problem: str = ""
    unreachable: bool = False


def run_hub_sync(report, session, settings) -> HubOutcome:
    """One exchange on a writable connection of the worker's own."""
    store = session.store
    own = store.writer()
    own.db.author_id = store.db.author_id
    try:
        hub = HubSyncService(SyncService(dataclasses.replace(session, store=own), settings))
        return HubOutcome(result=hub.exchange(report=report))
    except HubUnreachable as exc:
        return HubOutcome(problem=str(exc), unreachable=True)
    except ValueError as exc:  # refused by the hub, not an enrolled device, no address
        return HubOutcome(problem=str(exc))
    finally:
        own.close()


def _last_synced(session) -> Any:
    return session.store.local_state.hub_synced_at()


class HubSyncer(QObject):
    """Owns the timer and the one exchange at a time; says how the last one went (`status_changed`)."""

    synced = Signal(object)          # HubOutcome
    status_changed = Signal(str, bool)  # the status bar's text, and whether all is well

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        # The first exchange soon after the window opens, not a whole interval later.
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(FIRST_SYNC_MS)
        self.first.timeout.connect(self.sync_now)

    @property
    def configured(self) -> bool:
        return bool(self.context.settings.hub_url.strip())

    def start(self) -> None:
        """Begin the background syncs (when a hub address is set) and say when the last one succeeded."""
        self.on_settings_changed()
        if self.configured:
            self.first.start()
            signals = self.context.tasks.start(in_reader(self.context.session, _last_synced))
            signals.finished.connect(self.show_last_synced)

    def on_settings_changed(self) -> None:
        minutes = max(1, int(self.context.settings.hub_interval_minutes or 5))
        self.timer.setInterval(minutes * 60 * 1000)
        if self.configured:
            self.timer.start()
        else:
            self.timer.stop()
            self.status_changed.emit("", True)

    def show_last_synced(self, at: str | None) -> None:
        if at:
            self.status_changed.emit(self.tr("Hub: last synced %1").replace("%1", _short(at)), True)
        else:
            self.status_changed.emit(self.tr("Hub: not synced yet"), True)

    def sync_now(self) -> bool:
        """Start one exchange unless one is running or no hub is set; False when none was started."""
        if self.running or not self.configured:
            return False
        self.running = True
        signals = self.context.tasks.start(run_hub_sync, self.context.session, self.context.settings)
        signals.finished.connect(self.on_finished)
        signals.failed.connect(lambda message: self.on_finished(HubOutcome(problem=message)))
        return True

    def on_finished(self, outcome: HubOutcome) -> None:
        self.running = False
        refused = len(outcome.result.rejected) + len(outcome.result.refused_uploads) if outcome.result else 0
        if outcome.result is not None and refused:
            self.status_changed.emit(self.tr("Hub: last synced %1, %2 bundles refused (see the Sync page)")
                                     .replace("%1", _short(outcome.result.synced_at)).replace("%2", str(refused)),
                                     False)
        elif outcome.result is not None and outcome.result.feed_problem:
            said = self.tr("Hub: last synced %1, the hub did not take the office's rows (sent again next time)")
            self.status_changed.emit(said.replace("%1", _short(outcome.result.synced_at)), False)
        elif outcome.result is not None:
            self.show_last_synced(outcome.result.synced_at)
        elif outcome.unreachable:
            self.status_changed.emit(self.tr("Hub unreachable: working offline"), False)
        else:
            self.status_changed.emit(self.tr("Hub sync failed"), False)
        self.synced.emit(outcome)


def _short(at: str) -> str:
    """'2026-12-05T17:02:00.000+08:00' -> '12-05 17:02'."""
    return f"{at[5:10]} {at[11:16]}" if len(at) >= 16 else at
