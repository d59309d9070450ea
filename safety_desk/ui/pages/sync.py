"""同步: this device and its peers, bundles by file and through the sync folder, conflicts, and the office's devices.

Threading: every read and write of this page that may take long runs in the task runner on a connection of its
own (the window's connection belongs to the UI thread). Imports, exports, folder passes and enrolments write on a
second writable connection opened and closed inside the task; the progress dialog is window-modal meanwhile, so
the window writes nothing at the same time, and the window's next transaction continues the clock and audit
chain the worker left (Database.transaction). Small single-row writes (keep the other value, dismiss, revoke)
run inline.
"""

from __future__ import annotations

import dataclasses
import html
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QProgressDialog, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from safety_desk.services.devices import DeviceInfo, DeviceService, EnrolResult
from safety_desk.services.record_labels import record_label
from safety_desk.services.session import ROLE_NAMES, Action, PermissionDenied, Session
from safety_desk.services.sync import SyncProblem, SyncService
from safety_desk.services.sync_results import ExportResult, FolderResult, FolderStatus, ImportResult, PeerInfo
from safety_desk.settings import Settings
from safety_desk.store.changed import Changes
from safety_desk.store.records import Device
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.enrol_device import EnrolDeviceDialog
from safety_desk.ui.dialogs.sign_in_list import SignInListDialog
from safety_desk.ui.dialogs.sync_export import ExportBundleDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.models.sync_models import (
    ConflictRow, ConflictsModel, DevicesModel, PeerRow, PeersModel, role_name, short_id,
)
from safety_desk.ui.hub_syncer import HubSyncer
from safety_desk.ui.pages.broadcast import follow_changes
from safety_desk.ui.widgets.hub_box import HubBox

_MUTED = "#546e7a"
_GOOD = "#2e7d32"
_BAD = "#c62828"
_LISTED = 12  # refused changes, warnings and rejected bundles listed in a message before "and N more"
_PRIMARY = ("QPushButton { background: #1e88e5; color: white; border: none; border-radius: 4px; padding: 6px 14px;"
            " font-weight: 600; } QPushButton:disabled { background: #b0bec5; }")


# -- work done in the task runner (module functions: they never touch a widget) -----------------------------

@contextmanager
def own_session(session: Session, *, write: bool) -> Iterator[Session]:
    """The session on a connection of the worker's own, closed when the work ends.

    Reads use the store's read-only reader where the store has one; writes a second writable connection.
    """
    store = session.store
    own = store.writer() if write else store.reader()  # a writer's commits are broadcast to the window
    own.db.author_id = store.db.author_id
    try:
        yield dataclasses.replace(session, store=own)
    finally:
        own.close()


@dataclass(frozen=True)
class Refused:
    """A bundle or request the service refused (a ValueError): the message says why; nothing was changed."""

    message: str


@dataclass
class SyncSnapshot:
    """Everything the page shows, read in one go."""

    device: Device | None = None
    problem: str = ""            # why this database cannot sync (not an enrolled device)
    office: bool = False
    peers: list[PeerInfo] = field(default_factory=list)
    folder: FolderStatus | None = None
    conflicts: list[ConflictRow] = field(default_factory=list)
    devices: list[DeviceInfo] = field(default_factory=list)
    clock_warning: str | None = None  # this device's own clock ran too far ahead and was capped


def read_snapshot(_report, session: Session, settings: Settings, include_resolved: bool) -> SyncSnapshot:
    with own_session(session, write=False) as own:
        sync = SyncService(own, settings)
        try:
            device = sync.this_device()
        except SyncProblem as exc:
            return SyncSnapshot(problem=str(exc))
        office = device.role == "office"
        snapshot = SyncSnapshot(device=device, office=office, peers=sync.peers(), folder=sync.folder_status(),
                                clock_warning=sync.clock_warning())
        snapshot.conflicts = [ConflictRow(view, record_label(own.store, view.table, view.row_id))
                              for view in sync.conflicts(include_resolved=include_resolved)]
        if office and own.may(Action.MANAGE_PEOPLE):
            snapshot.devices = DeviceService(own, settings).list()
        return snapshot


def run_export(report, session: Session, settings: Settings, folder: Path, peer_id: str | None) -> Any:
    with own_session(session, write=True) as own:
        try:
            return SyncService(own, settings).export(folder, for_device=peer_id, report=report)
        except ValueError as exc:
            return Refused(str(exc))


def run_import(report, session: Session, settings: Settings, path: Path) -> Any:
    with own_session(session, write=True) as own:
        try:
            return SyncService(own, settings).import_bundle(path, report=report)
        except ValueError as exc:  # BundleRejected, SyncProblem: checked before anything was written
            return Refused(str(exc))


def run_folder_sync(report, session: Session, settings: Settings) -> Any:
    with own_session(session, write=True) as own:
        try:
            return SyncService(own, settings).sync_folder(report=report)
        except ValueError as exc:
            return Refused(str(exc))


def run_enrol(report, session: Session, settings: Settings, role: str, name: str, output: Path,
              scope: dict[str, Any]) -> Any:
    with own_session(session, write=True) as own:
        try:
            return DeviceService(own, settings).enroll(role, name, output, report=report, **scope)
        except (ValueError, PermissionDenied) as exc:
            return Refused(str(exc))


def _listed(lines: list[str], more: Callable[[int], str]) -> str:
    shown = "\n".join(f"• {line}" for line in lines[:_LISTED])
    return shown + ("\n" + more(len(lines) - _LISTED) if len(lines) > _LISTED else "")


# -- the page --------------------------------------------------------------------------------------------

class SyncPage(QWidget):
    """Peers, export and import with progress, the sync folder, conflicts, and (the office) enrolled devices."""

    refreshed = Signal()          # the page shows what the database holds now
    exported = Signal(object)     # ExportResult
    imported = Signal(object)     # ImportResult, or Refused
    folder_synced = Signal(object)  # FolderResult, or Refused
    enrolled = Signal(object)     # EnrolResult
    sign_in_list_changed = Signal(object)  # SignInList

    def __init__(self, context: AppContext, parent=None, hub: HubSyncer | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # The window's hub syncer (one exchange at a time, with the background ones); a page of its own in tests.
        self.hub_syncer = hub or HubSyncer(context, self)
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        self.snapshot: SyncSnapshot | None = None
        self.progress: QProgressDialog | None = None
        self.last_import: ImportResult | Refused | None = None
        self._reads = 0  # the number of the latest refresh: an older one that reports late is dropped
        self._export_folder = ""

        heading = QLabel(self.tr("Sync"))
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.device_label = QLabel()
        self.device_label.setObjectName("device")
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_label.setStyleSheet("font-size: 14px;")
        self.role_label = QLabel()
        self.role_label.setObjectName("role_note")
        self.role_label.setWordWrap(True)
        self.role_label.setStyleSheet(f"color: {_MUTED};")
        self.export_button = QPushButton(icon("database-export-outline", "white"), self.tr("Export bundle…"))
        self.export_button.setObjectName("export")
        self.export_button.setStyleSheet(_PRIMARY)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.import_button = QPushButton(icon("database-import-outline"), self.tr("Import bundle…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.on_import_clicked)
        self.refresh_button = QPushButton(icon("refresh"), "")
        self.refresh_button.setToolTip(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        header = QGridLayout()
        header.addWidget(heading, 0, 0)
        header.addWidget(self.device_label, 0, 1)
        header.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        header.addLayout(actions, 0, 2)
        header.addWidget(self.role_label, 1, 0, 1, 3)

        # Peers
        self.peers_model = PeersModel(parent=self)
        self.peers_view = self._table(self.peers_model, "peers")
        self.peers_view.horizontalHeader().setSectionResizeMode(PeersModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.peers_empty = QLabel()
        self.peers_empty.setObjectName("peers_empty")
        self.peers_empty.setWordWrap(True)
        self.peers_empty.setStyleSheet(f"color: {_MUTED};")
        peers_box = QGroupBox(self.tr("Devices this one exchanges with"))
        peers_layout = QVBoxLayout(peers_box)
        peers_layout.addWidget(self.peers_view)
        peers_layout.addWidget(self.peers_empty)

        # Sync folder
        self.folder_edit = QLineEdit(context.settings.sync_folder)
        self.folder_edit.setObjectName("sync_folder")
        self.folder_edit.setPlaceholderText(self.tr("No sync folder chosen"))
        self.folder_edit.setToolTip(self.tr("A shared or removable folder every device can reach, used as a hub"))
        self.folder_edit.editingFinished.connect(lambda: self.set_sync_folder(self.folder_edit.text()))
        choose = QPushButton(icon("folder-open-outline"), self.tr("Choose…"))
        choose.setObjectName("choose_folder")
        choose.clicked.connect(self.on_choose_folder_clicked)
        self.folder_button = QPushButton(icon("folder-sync-outline", "white"), self.tr("Sync with folder now"))
        self.folder_button.setObjectName("sync_folder_now")
        self.folder_button.setStyleSheet(_PRIMARY)
        self.folder_button.clicked.connect(self.on_sync_folder_clicked)
        self.folder_status = QLabel()
        self.folder_status.setObjectName("folder_status")
        self.folder_status.setWordWrap(True)
        self.folder_status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        folder_box = QGroupBox(self.tr("Sync folder"))
        folder_layout = QVBoxLayout(folder_box)
        path_row = QHBoxLayout()
        path_row.addWidget(self.folder_edit, 1)
        path_row.addWidget(choose)
        folder_layout.addLayout(path_row)
        folder_layout.addWidget(self.folder_status)
        folder_layout.addStretch(1)
        folder_layout.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignRight)
        folder_box.setMinimumWidth(330)
        folder_box.setMaximumWidth(400)
        self.folder_box = folder_box

        self.hub_box = HubBox(context.settings, self.hub_syncer)
        self.hub_box.setMaximumWidth(400)
        transports = QVBoxLayout()
        transports.addWidget(folder_box, 1)
        transports.addWidget(self.hub_box)
        top = QHBoxLayout()
        top.addWidget(peers_box, 1)
        top.addLayout(transports)

        # Conflicts
        self.conflicts_model = ConflictsModel(parent=self)
        self.conflicts_view = self._table(self.conflicts_model, "conflicts")
        # Two lines a row: a value wraps once before it is cut, and who wrote it sits above when.
        self.conflicts_view.setWordWrap(True)
        self.conflicts_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        head = self.conflicts_view.horizontalHeader()
        for column in (ConflictsModel.KEPT, ConflictsModel.OTHER):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ConflictsModel.RECORD, 200), (ConflictsModel.NOTE, 190)):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            head.resizeSection(column, width)  # long texts are cut; the tooltip shows them whole
        self.conflicts_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.conflicts_view.selectionModel().selectionChanged.connect(self.update_conflict_buttons)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.setObjectName("show_resolved")
        self.show_resolved.toggled.connect(self.refresh)
        self.keep_other_button = QPushButton(icon("swap-horizontal"), self.tr("Keep the other value"))
        self.keep_other_button.setObjectName("keep_other")
        self.keep_other_button.setToolTip(self.tr("Write the other value as a new change; it syncs like any edit"))
        self.keep_other_button.clicked.connect(self.on_keep_other_clicked)
        self.dismiss_button = QPushButton(icon("check"), self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismiss")
        self.dismiss_button.setToolTip(self.tr("Keep the value as it is and take the conflict off the list"))
        self.dismiss_button.clicked.connect(self.on_dismiss_clicked)
        self.conflicts_empty = QLabel(self.tr("No conflicts: every merge kept a single value."))
        self.conflicts_empty.setObjectName("conflicts_empty")
        self.conflicts_empty.setStyleSheet(f"color: {_MUTED};")
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.conflicts_empty)
        conflict_buttons.addStretch(1)
        conflict_buttons.addWidget(self.show_resolved)
        conflict_buttons.addWidget(self.dismiss_button)
        conflict_buttons.addWidget(self.keep_other_button)
        conflicts_tab = QWidget()
        conflicts_layout = QVBoxLayout(conflicts_tab)
        conflicts_layout.addWidget(self.conflicts_view, 1)
        conflicts_layout.addLayout(conflict_buttons)

        # Devices (the office's device only)
        self.devices_model = DevicesModel(parent=self)
        self.devices_view = self._table(self.devices_model, "devices")
        self.devices_view.horizontalHeader().setSectionResizeMode(DevicesModel.SCOPE, QHeaderView.ResizeMode.Stretch)
        self.devices_view.selectionModel().selectionChanged.connect(self.update_device_buttons)
        self.enrol_button = QPushButton(icon("cellphone-link"), self.tr("Enrol device…"))
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.clicked.connect(self.on_enrol_clicked)
        self.revoke_button = QPushButton(icon("cancel"), self.tr("Revoke"))
        self.revoke_button.setObjectName("revoke")
        self.revoke_button.clicked.connect(self.on_revoke_clicked)
        self.people_button = QPushButton(icon("account-key-outline"), self.tr("Sign-in list…"))
        self.people_button.setObjectName("sign_in_list")
        self.people_button.setToolTip(self.tr("Who may sign in on the selected device (only their passwords go "
                                              "to it)"))
        self.people_button.clicked.connect(self.on_people_clicked)
        device_buttons = QHBoxLayout()
        device_buttons.addStretch(1)
        device_buttons.addWidget(self.people_button)
        device_buttons.addWidget(self.revoke_button)
        device_buttons.addWidget(self.enrol_button)
        self.devices_tab = QWidget()
        devices_layout = QVBoxLayout(self.devices_tab)
        devices_layout.addWidget(self.devices_view, 1)
        devices_layout.addLayout(device_buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(conflicts_tab, icon("call-split"), self.tr("Conflicts"))
        self.tabs.addTab(self.devices_tab, icon("devices"), self.tr("Devices"))
        self.tabs.setTabVisible(1, False)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #cfd8dc;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addLayout(top, 2)
        layout.addWidget(self.tabs, 3)
        self._page_layout = layout
        self.note.hide()
        for button in (self.export_button, self.import_button, self.folder_button):
            button.setEnabled(False)  # until the first read says this database is an enrolled device
        self.update_conflict_buttons()
        self.update_device_buttons()

    def _table(self, model, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setHighlightSections(False)
        return view

    # -- reading -------------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Every write is a change waiting for the peers, and may be a conflict resolved or a device enrolled."""
        self.refresh()

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read peers, folder status, conflicts and devices in a worker; `refreshed` when they are shown."""
        self._reads += 1
        number = self._reads
        signals = self.context.tasks.start(read_snapshot, self.context.session, self.context.settings,
                                           self.show_resolved.isChecked())
        signals.finished.connect(lambda snapshot: self.show_snapshot(snapshot, number))
        signals.failed.connect(lambda message: self.show_problem(message, number))

    def show_problem(self, message: str, number: int | None = None) -> None:
        if number is not None and number != self._reads:
            return
        self._say(self.tr("Could not read the sync state: %1").replace("%1", message), _BAD)
        self.refreshed.emit()

    def show_snapshot(self, snapshot: SyncSnapshot, number: int | None = None) -> None:
        if number is not None and number != self._reads:
            return
        self.snapshot = snapshot
        device = snapshot.device
        enrolled = device is not None and device.revoked_at is None
        # On the office's computer bundles are the office's work: someone else signed in there sees the office's
        # peers but is offered no export, import or folder (nor the folder setting, which is the office's).
        exchanges = self.exchanges_here()
        for widget in (self.export_button, self.import_button, self.folder_box):
            widget.setVisible(exchanges)
        for button in (self.export_button, self.import_button, self.folder_button):
            button.setEnabled(enrolled)
        # A bundle is written for a device: with none to write for, the dialog would offer an empty list.
        self.export_button.setEnabled(enrolled and bool(self.live_peers()))
        self.export_button.setToolTip("" if self.export_button.isEnabled() or not enrolled else
                                      self.tr("No device to write a bundle for: enrol one first."))
        if device is None:
            self.device_label.setText(self.tr("This database is not an enrolled device"))
            self.role_label.setText(snapshot.problem)
        else:
            self.device_label.setText(self.tr("This device: <b>%1</b> · a %2 device · id %3")
                                      .replace("%1", html.escape(device.name))
                                      .replace("%2", role_name(device.role)).replace("%3", short_id(device.id)))
            self.device_label.setToolTip(self.tr("Device id: %1").replace("%1", device.id))
            if device.revoked_at is not None:
                self.role_label.setText(self.tr("The safety office revoked this device: it no longer exports "
                                                "or imports bundles."))
            elif snapshot.office and self.context.session.role != "office":
                # Someone else signed in at the office's computer: say who, so the device's role (安全办) beside
                # the status bar's person and role does not read as theirs.
                person = self.context.session.person
                self.role_label.setText(self.tr("%1 (%2) is signed in on the safety office's computer: what is "
                                                "recorded here is the office's, and reaches the other devices "
                                                "from it. The safety office exchanges the bundles, signed in "
                                                "here.").replace("%1", person.name)
                                        .replace("%2", ROLE_NAMES.get(person.role, person.role)))  # as the status bar says
            elif snapshot.office:
                self.role_label.setText(self.tr("This is the safety office's device: every enrolled device "
                                                "exchanges bundles with it, and it passes on to each what its "
                                                "scope allows."))
            else:
                office = next((p.name for p in snapshot.peers if p.role == "office"), "")
                self.role_label.setText(self.tr("This device exchanges bundles with the safety office (%1) only.")
                                        .replace("%1", office or "?"))
            if snapshot.clock_warning:
                self.role_label.setText(self.role_label.text() + "\n⚠ " + snapshot.clock_warning)
        outgoing = snapshot.folder.outgoing if snapshot.folder and snapshot.folder.reachable else None
        self.peers_model.set_rows([PeerRow(p, outgoing.get(p.device_id, 0) if outgoing is not None else None)
                                   for p in snapshot.peers])
        self.peers_view.setColumnHidden(PeersModel.IN_FOLDER, outgoing is None)
        show_devices = snapshot.office and self.context.session.may(Action.MANAGE_PEOPLE)
        # Whoever does not exchange bundles here sees the office's peers when it has some, not an empty table.
        self.peers_view.setVisible(bool(snapshot.peers) or self.exchanges_here())
        self._page_layout.setStretch(2, 2 if self.peers_view.isVisibleTo(self) else 0)  # a sentence: its height
        if snapshot.peers:
            self.peers_empty.hide()
        else:
            # Point to the Devices tab only for whoever has it: others are told who enrols devices.
            self.peers_empty.setText(
                self.tr("No device enrolled yet: enrol one on the Devices tab below.") if show_devices else
                self.tr("No device enrolled yet: the safety office enrols devices, and until then what is "
                        "recorded here stays on this computer.") if snapshot.office else
                self.tr("No peer device known."))
            self.peers_empty.show()
        self.show_folder_status(snapshot.folder)
        selected = self.selected_conflict_id()
        self.conflicts_model.set_rows(snapshot.conflicts)
        open_count = sum(1 for row in snapshot.conflicts if not row.view.resolved)
        self.tabs.setTabText(0, self.tr("Conflicts (%1)").replace("%1", str(open_count)) if open_count
                             else self.tr("Conflicts"))
        self.conflicts_empty.setVisible(not snapshot.conflicts)
        self._select(self.conflicts_view, [row.view.id for row in snapshot.conflicts], selected)
        self.tabs.setTabVisible(1, show_devices)
        self.devices_model.set_rows(snapshot.devices if show_devices else [])
        self.tabs.setTabText(1, self.tr("Devices (%1)").replace("%1", str(len(snapshot.devices)))
                             if show_devices else self.tr("Devices"))
        self.update_conflict_buttons()
        self.update_device_buttons()
        self.refreshed.emit()

    def exchanges_here(self) -> bool:
        """Whether the person signed in exchanges bundles on this device: anyone on their own device; on the
        office's computer only the office."""
        return not (self.snapshot is not None and self.snapshot.office and self.context.session.role != "office")

    def devices_visible(self) -> bool:
        return self.tabs.isTabVisible(1)

    @staticmethod
    def _select(view: QTableView, ids: list[str], wanted: str | None) -> None:
        if wanted in ids:
            view.selectRow(ids.index(wanted))
        elif ids:
            view.selectRow(0)

    def show_folder_status(self, status: FolderStatus | None) -> None:
        if status is None or not status.configured:
            self.folder_status.setText(self.tr("Choose a shared or removable folder that the devices can all "
                                               "reach. Each device leaves its bundles there for the others and "
                                               "picks up those addressed to it."))
            self.folder_status.setStyleSheet(f"color: {_MUTED};")
            return
        if not status.reachable:
            self.folder_status.setText(self.tr("✗ The folder cannot be reached: %1").replace("%1", status.path))
            self.folder_status.setStyleSheet(f"color: {_BAD};")
            return
        names = {p.device_id: p.name for p in (self.snapshot.peers if self.snapshot else [])}
        lines = [self.tr("✓ Reachable"),
                 self.tr("Waiting there for this device: %1 bundles").replace("%1", str(status.incoming))]
        for peer_id, count in status.outgoing.items():
            lines.append(self.tr("Not yet picked up by %1: %2").replace("%1", names.get(peer_id, short_id(peer_id)))
                         .replace("%2", str(count)))
        self.folder_status.setText("\n".join(lines))
        self.folder_status.setStyleSheet(f"color: {_GOOD};" if status.incoming == 0 else "")

    def _say(self, text: str, colour: str = _MUTED) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {colour};")
        self.note.show()

    # -- long work with a progress dialog ----------------------------------------------------------------
    def _run(self, title: str, label: str, function, *args, done: Callable[[Any], None]) -> None:
        self.progress = QProgressDialog(label, "", 0, 0, self)
        self.progress.setObjectName("sync_progress")
        self.progress.setWindowTitle(title)
        self.progress.setCancelButton(None)  # all or nothing: an import or export is never left half done
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setValue(0)
        signals = self.context.tasks.start(function, *args)
        signals.progressed.connect(self.on_progressed)
        signals.finished.connect(lambda result: (self._close_progress(), done(result)))
        signals.failed.connect(lambda message: self.on_failed(title, message))

    def on_progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def on_failed(self, title: str, message: str) -> None:
        self._close_progress()
        self._say(self.tr("%1 failed: %2").replace("%1", title).replace("%2", message), _BAD)
        self.refresh()
        QMessageBox.warning(self, title, self.tr("%1 failed: %2").replace("%1", title).replace("%2", message))

    def _refused(self, title: str, refused: Refused) -> None:
        self._say(self.tr("Refused, nothing was changed: %1").replace("%1", refused.message), _BAD)
        QMessageBox.warning(self, title, self.tr("Refused. Nothing was changed.") + "\n\n" + refused.message)

    # -- export --------------------------------------------------------------------------------------
    def live_peers(self) -> list[PeerInfo]:
        return [p for p in (self.snapshot.peers if self.snapshot else []) if not p.revoked]

    def selected_peer_id(self) -> str | None:
        rows = self.peers_view.selectionModel().selectedRows()
        return self.peers_model.peer_id(rows[0].row()) if rows else None

    def on_export_clicked(self) -> None:
        if not (self.exchanges_here() and self.export_button.isEnabled()):
            return  # not offered (see show_snapshot): a keyboard shortcut or a script must not reach it either
        office = bool(self.snapshot and self.snapshot.office)
        dialog = ExportBundleDialog(self.live_peers(), self._export_folder or self.context.settings.sync_folder,
                                    office=office, chosen_peer=self.selected_peer_id(), parent=self)
        if dialog.exec() != ExportBundleDialog.DialogCode.Accepted:
            return
        self.export_bundle(dialog.folder(), dialog.peer_id() if office else None)

    def export_bundle(self, folder: Path, peer_id: str | None = None) -> None:
        """Write a bundle into `folder` (for `peer_id`; elsewhere than the office, for the office)."""
        self._export_folder = str(folder)
        self._run(self.tr("Export bundle"), self.tr("Writing the bundle…"), run_export, self.context.session,
                  self.context.settings, Path(folder), peer_id, done=self.on_exported)

    def on_exported(self, result: ExportResult | Refused) -> None:
        self.refresh()
        if isinstance(result, Refused):
            self._refused(self.tr("Export bundle"), result)
            return
        self.exported.emit(result)
        name = next((p.name for p in self.live_peers() if p.device_id == result.recipient), result.recipient)
        text = (self.tr("Bundle for %1 written: %2 (%3 changes, %4 photos)").replace("%1", name)
                .replace("%2", str(result.path)).replace("%3", f"{result.changes:,}")
                .replace("%4", f"{result.photos:,}"))
        self._say(text, _GOOD)
        QMessageBox.information(self, self.tr("Export bundle"), text)

    # -- import --------------------------------------------------------------------------------------
    def on_import_clicked(self) -> None:
        if not self.exchanges_here():
            return
        start = self._export_folder or self.context.settings.sync_folder or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import bundle"), start,
                                                self.tr("Sync bundles (*.sdsync)"))
        if chosen:
            self.import_bundle(Path(chosen))

    def import_bundle(self, path: Path) -> None:
        self._run(self.tr("Import bundle"), self.tr("Checking and applying %1…").replace("%1", Path(path).name),
                  run_import, self.context.session, self.context.settings, Path(path), done=self.on_imported)

    def on_imported(self, result: ImportResult | Refused) -> None:
        self.last_import = result
        self.refresh()
        if isinstance(result, Refused):
            self.imported.emit(result)
            self._refused(self.tr("Import bundle"), result)
            return
        self.imported.emit(result)
        text = self.import_text(result)
        self._say(result.describe(), _BAD if result.refused else _GOOD)
        if result.refused or result.warnings:
            QMessageBox.warning(self, self.tr("Import bundle"), text)
        else:
            QMessageBox.information(self, self.tr("Import bundle"), text)

    def import_text(self, result: ImportResult) -> str:
        parts = [result.describe()]
        if result.refused:
            parts.append(self.tr("Refused changes (the sender's role does not own these fields; they are on the "
                                 "conflicts list):") + "\n" + _listed(result.refused, self._more))
        if result.warnings:
            parts.append(self.tr("Warnings:") + "\n" + _listed(result.warnings, self._more))
        if result.conflicts and not result.duplicate:
            parts.append(self.tr("Conflicts to review: %1 (see the Conflicts list)").replace(
                "%1", str(result.conflicts)))
        return "\n\n".join(parts)

    def _more(self, count: int) -> str:
        return self.tr("… and %1 more").replace("%1", str(count))

    # -- the sync folder -----------------------------------------------------------------------------
    def on_choose_folder_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"),
                                                  self.context.settings.sync_folder or str(Path.home()))
        if chosen:
            self.set_sync_folder(chosen)

    def set_sync_folder(self, path: str) -> None:
        """Save the folder in the settings (an empty text forgets it) and show its status."""
        path = path.strip()
        self.folder_edit.setText(path)
        if path == self.context.settings.sync_folder:
            return
        self.context.settings.sync_folder = path
        self.context.settings.save()
        self.refresh()

    def on_sync_folder_clicked(self) -> None:
        if not self.exchanges_here():
            return
        if self.folder_edit.text().strip() != self.context.settings.sync_folder:
            self.set_sync_folder(self.folder_edit.text())
        self.sync_folder()

    def sync_folder(self) -> None:
        self._run(self.tr("Sync with folder"), self.tr("Picking up and leaving bundles in the sync folder…"),
                  run_folder_sync, self.context.session, self.context.settings, done=self.on_folder_synced)

    def on_folder_synced(self, result: FolderResult | Refused) -> None:
        self.refresh()
        if isinstance(result, Refused):
            self.folder_synced.emit(result)
            self._refused(self.tr("Sync with folder"), result)
            return
        self.folder_synced.emit(result)
        summary = (self.tr("Sync folder: %1 bundles imported, %2 written, %3 set aside")
                   .replace("%1", str(len(result.imported))).replace("%2", str(len(result.exported)))
                   .replace("%3", str(len(result.rejected))))
        parts = [summary] + [self.import_text(r) for r in result.imported]
        if result.rejected:
            parts.append(self.tr("Set aside (renamed .rejected; nothing of them was applied):") + "\n"
                         + _listed(result.rejected, self._more))
        self._say(summary, _BAD if result.rejected else _GOOD)
        problems = result.rejected or any(r.refused or r.warnings for r in result.imported)
        (QMessageBox.warning if problems else QMessageBox.information)(
            self, self.tr("Sync with folder"), "\n\n".join(parts))

    # -- conflicts -----------------------------------------------------------------------------------
    def selected_conflict_id(self) -> str | None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        return self.conflicts_model.view(rows[0].row()).id if rows else None

    def _selected_conflict(self):
        rows = self.conflicts_view.selectionModel().selectedRows()
        return self.conflicts_model.view(rows[0].row()) if rows else None

    def update_conflict_buttons(self, *_args) -> None:
        view = self._selected_conflict()
        self.keep_other_button.setEnabled(view is not None and view.can_keep_other)
        self.dismiss_button.setEnabled(view is not None and not view.resolved)

    def select_conflict(self, conflict_id: str) -> bool:
        for row in range(self.conflicts_model.rowCount()):
            if self.conflicts_model.view(row).id == conflict_id:
                self.conflicts_view.selectRow(row)
                return True
        return False

    def on_keep_other_clicked(self) -> None:
        view = self._selected_conflict()
        if view is None or not view.can_keep_other:
            return
        try:
            self.context.ops.call("sync", "keep_other", view.id)
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Keep the other value"), str(exc))
            return
        self._say(self.tr("%1 now holds the other value; the change goes out with the next bundle.")
                  .replace("%1", self.conflicts_model.where(view)), _GOOD)
        self.refresh()

    def on_dismiss_clicked(self) -> None:
        view = self._selected_conflict()
        if view is None or view.resolved:
            return
        try:
            self.context.ops.call("sync", "dismiss", view.id)
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Dismiss"), str(exc))
            return
        self.refresh()

    # -- devices (the office) ------------------------------------------------------------------------
    def _selected_device(self) -> DeviceInfo | None:
        rows = self.devices_view.selectionModel().selectedRows()
        return self.devices_model.device(rows[0].row()) if rows else None

    def update_device_buttons(self, *_args) -> None:
        device = self._selected_device()
        enrolled = (device is not None and not device.this_device and device.role != "office"
                    and device.revoked_at is None)
        self.revoke_button.setEnabled(enrolled)
        self.people_button.setEnabled(enrolled)

    def on_enrol_clicked(self) -> None:
        dialog = EnrolDeviceDialog(self.context, self._export_folder or self.context.settings.sync_folder, self)
        if dialog.exec() != EnrolDeviceDialog.DialogCode.Accepted:
            return
        self.enrol(dialog.role(), dialog.device_name(), dialog.output(), dialog.scope())

    def enrol(self, role: str, name: str, output: Path, scope: dict[str, Any]) -> None:
        """Enrol a device in a worker (its file carries the data of its scope, which may be large)."""
        self._run(self.tr("Enrol device"), self.tr("Writing the enrolment file for %1…").replace("%1", name),
                  run_enrol, self.context.session, self.context.settings, role, name, Path(output), scope,
                  done=self.on_enrolled)

    def on_enrolled(self, result: EnrolResult | Refused) -> None:
        self.refresh()
        if isinstance(result, Refused):
            self._refused(self.tr("Enrol device"), result)
            return
        self.enrolled.emit(result)
        text = (self.tr("%1 is enrolled. Its enrolment file: %2 (%3 records, %4 photos).")
                .replace("%1", result.device.name).replace("%2", str(result.path))
                .replace("%3", f"{result.changes:,}").replace("%4", f"{result.photos:,}"))
        if result.notice_blocks:
            text += "\n" + self.tr("Notice numbers for it: %1").replace("%1", "; ".join(result.notice_blocks))
        if result.signers:
            text += "\n" + self.tr("Who signs in on it (only their passwords go to it): %1").replace(
                "%1", "、".join(result.signers))
        else:
            text += "\n" + self.tr("Nobody signs in on it yet: give its districts inspectors, or name its people "
                                   "with the command `safety-desk device people`.")
        text += "\n\n" + self.tr("Hand the file over on a USB stick or through a shared folder. On the new "
                                 "computer, start SafetyDesk and choose “Join an office: choose the enrolment "
                                 "file”. The file works once; delete other copies once it has been used.")
        text += "\n\n" + self.tr("The file is locked with this passphrase, shown only now: %1\nTell it to whoever "
                                 "joins with the file, in person or by phone; never keep it with the file.").replace(
            "%1", result.passphrase)
        self._say(text.split("\n")[0], _GOOD)
        QMessageBox.information(self, self.tr("Enrol device"), text)

    def show_devices(self) -> None:
        """The devices tab in front (the office's: others have none)."""
        if self.tabs.isTabVisible(1):
            self.tabs.setCurrentWidget(self.devices_tab)

    def on_people_clicked(self) -> None:
        device = self._selected_device()
        if device is None:
            return
        try:
            choices = self.context.desk.devices.sign_in_choices(device.id)  # a quick read of people
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Sign-in list"), str(exc))
            return
        dialog = SignInListDialog(choices, self)
        if dialog.exec() != SignInListDialog.DialogCode.Accepted:
            return
        self.set_sign_in_list(device.id, dialog.chosen())

    def set_sign_in_list(self, device_id: str, logins: list[str] | None) -> None:
        """Name who signs in on the device (None: its default list), on the writer thread."""
        self.context.ops.run("devices", "set_people", device_id, logins, done=self.on_sign_in_list_set,
                             failed=self.on_sign_in_list_refused)

    def on_sign_in_list_set(self, listed) -> None:
        who = "、".join(listed.logins) or self.tr("nobody")
        self._say((self.tr("Who signs in on %1 from its next sync: %2") if listed.listed else
                   self.tr("%1 is back to its default sign-in list: %2"))
                  .replace("%1", listed.device.name).replace("%2", who), _GOOD)
        self.sign_in_list_changed.emit(listed)
        self.refresh()

    def on_sign_in_list_refused(self, exc: BaseException) -> None:
        self._say(str(exc), _BAD)
        QMessageBox.warning(self, self.tr("Sign-in list"), str(exc))

    def on_revoke_clicked(self) -> None:
        device = self._selected_device()
        if device is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Revoke %1? Its bundles will be refused from now on and its enrolment file no longer works. "
                    "This cannot be undone.").replace("%1", device.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.ops.call("devices", "revoke", device.id)
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("Revoke device"), str(exc))
            return
        self._say(self.tr("%1 is revoked; the other devices learn it with their next bundle.")
                  .replace("%1", device.name), _GOOD)
        self.refresh()
