"""Who signs in on an enrolled device (the office's): tick the people, or go back to the default list of its scope."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from safety_desk.services.devices import SignInChoices


class SignInListDialog(QDialog):
    """Accepted with `chosen()`: the logins ticked, or None for the default list ("Back to the default list").
    The page writes it (DeviceService.set_people)."""

    def __init__(self, choices: SignInChoices, parent=None) -> None:
        super().__init__(parent)
        self.choices = choices
        self._default = False
        device = choices.now.device
        self.setWindowTitle(self.tr("Sign-in list of %1").replace("%1", device.name))
        self.setMinimumSize(480, 460)
        about = QLabel(self.tr("Only the people ticked may sign in on %1, and only their password hashes are "
                               "kept on it. The change reaches the device with its next sync.")
                       .replace("%1", device.name))
        about.setWordWrap(True)
        self.kind = QLabel(self.tr("Now: a list the office named.") if choices.now.listed else
                           self.tr("Now: the default list (the inspectors and leaders of its districts, or the "
                                   "enterprise's own people)."))
        self.kind.setObjectName("kind")
        self.kind.setStyleSheet("color: #546e7a")
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Filter by name or login"))
        self.filter.textChanged.connect(self.on_filter_changed)
        self.people = QListWidget()
        self.people.setObjectName("people")
        now = set(choices.now.logins)
        for login, name in choices.eligible:
            item = QListWidgetItem(f"{name}（{login}）")
            item.setData(Qt.ItemDataRole.UserRole, login)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if login in now else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.people.itemChanged.connect(self._update_ok)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save list"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.default_button = QPushButton(self.tr("Back to the default list"))
        self.default_button.setObjectName("default")
        self.default_button.setEnabled(choices.now.listed)
        self.default_button.clicked.connect(self.on_default_clicked)
        self.buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.kind)
        layout.addWidget(self.filter)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update_ok()

    def ticked(self) -> list[str]:
        return [self.people.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.people.count())
                if self.people.item(row).checkState() == Qt.CheckState.Checked]

    def chosen(self) -> list[str] | None:
        """The logins to list, or None: back to the default list of the device's scope."""
        return None if self._default else self.ticked()

    def on_filter_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.people.count()):
            item = self.people.item(row)
            self.people.setRowHidden(row, bool(wanted) and wanted not in item.text().casefold())

    def on_default_clicked(self) -> None:
        self._default = True
        self.accept()

    def _update_ok(self, *_args) -> None:
        # An empty named list would lock everyone out: the default list is the way back.
        empty = not self.ticked()
        self.ok_button.setEnabled(not empty)
        self.problem.setText(self.tr("Tick at least one person, or go back to the default list.") if empty else "")
