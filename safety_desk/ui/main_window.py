"""The main window: navigation on the left, one page at a time, who and what in the status bar."""

from __future__ import annotations


from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from safety_desk.paths import config_dir
from safety_desk.services.errors import ServiceError
from safety_desk.services.session import ROLE_NAMES, Action
from safety_desk.services.sync import SyncService
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.reminders import RemindersDialog
from safety_desk.ui.hub_syncer import HubSyncer
from safety_desk.ui.widgets.preview_status import PreviewStatus
from safety_desk.ui.icons import icon
from safety_desk.ui.tasks import in_reader
from safety_desk.ui.screen_fit import fit_to_screen

# How often an open window checks whether a new day has begun (and so reminds again).
REMINDER_CHECK_MS = 15 * 60 * 1000
PAGE_KEYS = ("dashboard", "enterprises", "inspections", "hazards", "drills", "reports", "sync", "settings")
# Pages only some roles get, after the others: the role's services refuse the rest anyway.
OFFICE_PAGE_KEYS = ("organisation",)


def _count_unsynced(session) -> int:
    """The Sync page's count, on a worker's own connection."""
    try:
        return SyncService(session).unsynced()
    except ServiceError:  # not an enrolled device (a database made before devices): nothing to sync with
        return 0


def window_settings() -> QSettings:
    """Window state lives in the config dir (never the registry), so tests and portable installs stay apart."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("SafetyDesk"))
        self.setMinimumSize(QSize(1024, 640))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setIconSize(QSize(22, 22))
        # A label longer than the bar (English "Drills & activities") is cut, not scrolled sideways.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigation.setStyleSheet(
            "#navigation { background: #263238; color: #eceff1; border: none; font-size: 15px; }"
            "#navigation::item { padding: 10px 12px; }"
            "#navigation::item:selected { background: #1e88e5; color: white; }")
        self.stack = QStackedWidget()
        # Pages are built the first time they are shown: the window appears without importing or
        # building the seven pages nobody has looked at yet (PDF preview, charts of activities...).
        self.pages = _Pages(self)
        office = context.session.may(Action.MANAGE_PEOPLE)
        self.page_keys = PAGE_KEYS + (OFFICE_PAGE_KEYS if office else ())
        entries = [
            ("dashboard", self.tr("Dashboard"), "view-dashboard-outline"),
            ("enterprises", self.tr("Enterprises"), "domain"),
            ("inspections", self.tr("Inspections"), "clipboard-check-outline"),
            ("hazards", self.tr("Hazards"), "alert-outline"),
            ("drills", self.tr("Drills & activities"), "calendar-check-outline"),
            ("reports", self.tr("Reports"), "file-chart-outline"),
            ("sync", self.tr("Sync"), "sync"),
            ("settings", self.tr("Settings"), "cog-outline"),
        ]
        if office:
            entries.append(("organisation", self.tr("Organisation"), "account-group-outline"))
        for number, (key, label, icon_name) in enumerate(entries, start=1):
            item = QListWidgetItem(icon(icon_name, "#eceff1"), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{label} (Ctrl+{number})")
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is built
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.navigation.setCurrentRow(row))
        self.navigation.currentRowChanged.connect(self.on_page_chosen)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        person = context.session.person
        self.who = QLabel(f"{person.name} · {ROLE_NAMES.get(person.role, person.role)}")
        self.device = QLabel(self.tr("Device: %1").replace("%1", context.device_name))
        self.unsynced = QLabel()
        # The network hub: background exchanges every few minutes; the bar says when the last one succeeded.
        self.hub_status = QLabel()
        self.hub_status.setObjectName("hub_status_bar")
        self.hub_status.hide()
        # Enterprises' uploads the hub showed this inspector's device and the office has not confirmed yet.
        self.preview_status = PreviewStatus(context)
        for label in (self.who, self.device, self.unsynced, self.hub_status, self.preview_status):
            self.statusBar().addPermanentWidget(label)
        self.hub_syncer = HubSyncer(context, self)
        self.hub_syncer.status_changed.connect(self.show_hub_status)
        self.hub_syncer.start()
        # Every committed write, from any page, dialog or worker: the status bar counts again.
        context.changes.changed.connect(self.on_changes)
        self._restore()
        # Reminders at start and then once a day, for a window left open overnight.
        self.reminders: RemindersDialog | None = None
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_CHECK_MS)
        self.reminder_timer.timeout.connect(self.remind_once_a_day)
        if context.settings.reminders:
            QTimer.singleShot(0, self.remind_once_a_day)
            self.reminder_timer.start()

    def build_page(self, key: str) -> QWidget:
        """Make one page, wire its requests to the window and put it in its place in the stack."""
        context = self.context
        if key == "dashboard":
            from safety_desk.ui.pages.dashboard import DashboardPage

            page = DashboardPage(context)
            page.inspection_requested.connect(lambda: self.on_inspection_requested(None))
            page.inspection_opened.connect(self.on_inspection_opened)
            page.ledger_requested.connect(self.on_ledger_requested)
            page.enterprise_requested.connect(self.on_enterprise_requested)
            page.hazard_requested.connect(self.on_hazard_requested)
            page.page_requested.connect(self.on_page_requested)
        elif key == "enterprises":
            from safety_desk.ui.pages.enterprises import EnterprisesPage

            page = EnterprisesPage(context)
            page.inspection_requested.connect(self.on_inspection_requested)
            page.inspection_opened.connect(self.on_inspection_opened)
        elif key == "inspections":
            from safety_desk.ui.pages.inspections import InspectionsPage

            page = InspectionsPage(context)
        elif key == "hazards":
            from safety_desk.ui.pages.hazards import HazardsPage

            page = HazardsPage(context)
        elif key == "drills":
            from safety_desk.ui.pages.activities import ActivitiesPage

            page = ActivitiesPage(context)
        elif key == "reports":
            from safety_desk.ui.pages.reports import ReportsPage

            page = ReportsPage(context)
        elif key == "sync":
            from safety_desk.ui.pages.sync import SyncPage

            page = SyncPage(context, hub=self.hub_syncer)
        elif key == "settings":
            from safety_desk.ui.pages.settings import SettingsPage

            page = SettingsPage(context)
        elif key == "organisation":
            from safety_desk.ui.pages.organisation import OrganisationPage

            page = OrganisationPage(context)
        else:
            raise KeyError(key)
        index = self.page_keys.index(key)
        standin = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(standin)
        standin.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _restore(self) -> None:
        stored = window_settings()
        geometry = stored.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1366, 768)
        last = stored.value("page", "dashboard")
        self.show_page(last if last in self.page_keys else "dashboard")

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self.page_keys.index(key))

    def current_page_key(self) -> str:
        return self.page_keys[self.navigation.currentRow()]

    def on_page_chosen(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[self.page_keys[row]]
        self.stack.setCurrentWidget(page)
        if hasattr(page, "on_shown"):
            page.on_shown()
        self.refresh_status()

    def on_changes(self, _changes) -> None:
        """A write was committed: count the unsynced changes again. (Each page follows the broadcast itself,
        ui/pages/broadcast.py.)"""
        self.refresh_status()

    def on_inspection_requested(self, enterprise_id: str | None) -> None:
        self.show_page("inspections")
        self.pages["inspections"].new_inspection(enterprise_id)

    def on_inspection_opened(self, inspection_id: str) -> None:
        self.show_page("inspections")
        self.pages["inspections"].open_inspection(inspection_id)

    def on_ledger_requested(self, flt, caption: str) -> None:
        """Show the ledger holding exactly the hazards a figure counted."""
        self.show_page("hazards")
        self.pages["hazards"].show_filter(flt, caption)

    def on_page_requested(self, target: str) -> None:
        """Show a page, or one tab of it ("drills:incidents")."""
        key, _, tab = target.partition(":")
        self.show_page(key)
        if tab and hasattr(self.pages[key], "show_tab"):
            self.pages[key].show_tab(tab)

    def start_step(self, step: str) -> None:
        """Open where a new office's next step is done (the set-up dialog's last page): "enterprises" the
        enterprise list import, "people" the organisation page, "devices" the devices tab."""
        if step == "enterprises":
            self.show_page("enterprises")
            self.pages["enterprises"].on_import_clicked()
        elif step == "people" and "organisation" in getattr(self, "page_keys", PAGE_KEYS):  # the office's page
            self.show_page("organisation")
        elif step == "devices":
            self.show_page("sync")
            self.pages["sync"].show_devices()

    def on_enterprise_requested(self, enterprise_id: str) -> None:
        self.show_page("enterprises")
        self.pages["enterprises"].show_enterprise(enterprise_id)

    def on_hazard_requested(self, hazard_id: str) -> None:
        self.show_page("hazards")
        self.pages["hazards"].open_hazard(hazard_id)

    def remind_once_a_day(self) -> None:
        """Show the reminders unless this person has already seen today's."""
        stored = window_settings()
        key = f"reminders/{self.context.session.person.login or self.context.session.person.id}"
        today = self.context.session.clock.today().isoformat()
        if stored.value(key) == today or self.reminders is not None:
            return
        stored.setValue(key, today)
        from safety_desk.services.reminders import ReminderService  # only needed once the window is up

        signals = self.context.tasks.start(in_reader(self.context.session,
                                                     lambda session: ReminderService(session).reminders()))
        signals.finished.connect(self.show_reminders)

    def show_reminders(self, reminders: list) -> RemindersDialog | None:
        if not reminders:
            return None
        dialog = RemindersDialog(reminders, self)
        dialog.ledger_requested.connect(self.on_ledger_requested)
        dialog.page_requested.connect(self.on_page_requested)
        dialog.finished.connect(lambda _result: setattr(self, "reminders", None))
        self.reminders = dialog
        dialog.open()
        return dialog

    def refresh_status(self) -> None:
        """Count unsynced changes in a worker: on a city-sized database the count takes ~100 ms."""
        signals = self.context.tasks.start(in_reader(self.context.session, _count_unsynced))
        signals.finished.connect(self.show_unsynced)

    def show_hub_status(self, text: str, ok: bool) -> None:
        self.hub_status.setText(text)
        self.hub_status.setStyleSheet("" if ok else "color: #c62828;")
        self.hub_status.setVisible(bool(text))

    def show_unsynced(self, count: int) -> None:
        self.unsynced.setText(self.tr("Not yet synced: %1 changes").replace("%1", f"{count:,}"))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        stored = window_settings()
        stored.setValue("geometry", self.saveGeometry())
        stored.setValue("page", self.current_page_key())
        stored.sync()
        super().closeEvent(event)


class _Pages(dict):
    """The window's pages by key, each built on first use (`window.pages["hazards"]` builds the ledger)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window

    def __missing__(self, key: str) -> QWidget:
        page = self.window.build_page(key)
        self[key] = page
        return page
