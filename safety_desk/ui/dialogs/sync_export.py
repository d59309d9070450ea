"""Where to write a sync bundle and, on the office's device, for which enrolled device."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout,
)

from safety_desk.services.sync_results import PeerInfo
from safety_desk.ui.icons import icon
from safety_desk.ui.models.sync_models import role_name


class ExportBundleDialog(QDialog):
    """A folder (a USB stick, a mail attachment folder) and the recipient; OK only when both are given."""

    def __init__(self, peers: Sequence[PeerInfo], folder: str, *, office: bool, chosen_peer: str | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export bundle"))
        self.setMinimumWidth(520)
        about = QLabel(self.tr("The bundle holds everything the recipient may see that it has not acknowledged "
                               "yet. Carry the file to it and import it there."))
        about.setWordWrap(True)
        self.peer_combo = QComboBox()
        self.peer_combo.setObjectName("peer")
        for peer in peers:
            self.peer_combo.addItem(f"{peer.name} · {role_name(peer.role)}", peer.device_id)
        if chosen_peer is not None and self.peer_combo.findData(chosen_peer) >= 0:
            self.peer_combo.setCurrentIndex(self.peer_combo.findData(chosen_peer))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setObjectName("folder")
        self.folder_edit.setPlaceholderText(self.tr("A folder, e.g. on a USB stick"))
        self.folder_edit.textChanged.connect(self._update_ok)
        browse = QPushButton(icon("folder-open-outline"), self.tr("Choose…"))
        browse.clicked.connect(self.on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        if office:
            form.addRow(self.tr("For device"), self.peer_combo)
        else:
            # Every other device exchanges with the office only: nothing to choose.
            self.peer_combo.hide()
            recipient = QLabel(self.peer_combo.currentText() or self.tr("(no office device known)"))
            recipient.setObjectName("recipient")
            form.addRow(self.tr("For"), recipient)
        form.addRow(self.tr("Folder"), folder_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def peer_id(self) -> str | None:
        return self.peer_combo.currentData()

    def on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export bundle to folder"),
                                                  self.folder_edit.text() or str(Path.home()))
        if chosen:
            self.folder_edit.setText(chosen)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.folder_edit.text().strip()) and self.peer_combo.count() > 0)
