"""The Sync page's network hub box: the hub's address (a setting), how the last exchange went, and "sync now"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from safety_desk.ui.hub_syncer import HubOutcome, HubSyncer
from safety_desk.ui.icons import icon


class HubBox(QGroupBox):
    """Handed the window's HubSyncer: one exchange at a time, whichever asked for it."""

    def __init__(self, settings, syncer: HubSyncer, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Network hub"))
        self.settings = settings
        self.syncer = syncer
        self.url_edit = QLineEdit(settings.hub_url)
        self.url_edit.setObjectName("hub_url")
        self.url_edit.setPlaceholderText(self.tr("https://hub.example:8443"))
        # A real address (a city's domain and a port) must show whole, not cut at the box's edge.
        self.url_edit.setMinimumWidth(self.url_edit.fontMetrics().horizontalAdvance("https://hub.safety.city.gov.cn:8443")
                                      + 24)
        self.url_edit.setToolTip(self.tr("The address of the city's sync hub; the program syncs with it every few "
                                         "minutes when it is reachable"))
        self.url_edit.editingFinished.connect(lambda: self.set_hub_url(self.url_edit.text()))
        self.sync_button = QPushButton(icon("cloud-sync-outline"), self.tr("Sync with hub now"))
        self.sync_button.setObjectName("sync_hub_now")
        self.sync_button.clicked.connect(self.on_sync_clicked)
        self.status = QLabel()
        self.status.setObjectName("hub_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.url_edit)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sync_button)
        layout.addLayout(row)
        syncer.status_changed.connect(self.on_status_changed)
        syncer.synced.connect(self.on_synced)
        self.update_button()

    def set_hub_url(self, url: str) -> None:
        url = url.strip().rstrip("/")
        self.url_edit.setText(url)
        if url == self.settings.hub_url:
            return
        self.settings.hub_url = url
        self.settings.save()
        self.syncer.on_settings_changed()
        self.update_button()

    def update_button(self) -> None:
        self.sync_button.setEnabled(bool(self.settings.hub_url) and not self.syncer.running)

    def on_sync_clicked(self) -> None:
        if self.url_edit.text().strip().rstrip("/") != self.settings.hub_url:
            self.set_hub_url(self.url_edit.text())
        if self.syncer.sync_now():
            self.status.setText(self.tr("Syncing with the hub…"))
            self.status.setStyleSheet("")
        self.update_button()

    def on_status_changed(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def on_synced(self, outcome: HubOutcome) -> None:
        self.update_button()
        if outcome.result is None and outcome.problem:
            self.status.setToolTip(outcome.problem)
            if not outcome.unreachable:
                self.status.setText(self.status.text() + "\n" + outcome.problem)
        elif outcome.result is not None:
            r = outcome.result
            problems = r.rejected + r.refused_uploads + ([r.feed_problem] if r.feed_problem else []) \
                + ([r.preview_problem] if r.preview_problem else [])
            if problems:
                self.status.setText(self.status.text() + "\n" + "\n".join(problems[:5]))
            if r.previews:
                self.status.setText(self.status.text() + "\n" + self.tr(
                    "%1 enterprise uploads awaiting the office's confirmation (listed from the status bar)")
                    .replace("%1", str(r.previews)))
            self.status.setToolTip(self.tr("Downloaded %1, imported %2, uploaded %3")
                                   .replace("%1", str(r.downloaded)).replace("%2", str(len(r.imported)))
                                   .replace("%3", str(r.uploaded)))
