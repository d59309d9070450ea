"""First start on an empty database: name the office and create the first account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from safety_desk.services.auth import SignInFailed, create_first_account
from safety_desk.services.session import ROLE_NAMES, Session


class FirstRunDialog(QDialog):
    """`store` is the open, empty database, handed on unopened to services.auth.create_first_account (the UI
    imports nothing from store/ but record types)."""

    def __init__(self, store, office_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Set up SafetyDesk"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("Welcome. Name your office and create the first account; you will use it to "
                               "sign in from now on."))
        intro.setWordWrap(True)
        self.office = QLineEdit(office_name)
        self.office.setObjectName("office")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.role = QComboBox()
        for role in ("office", "leader", "inspector"):
            self.role.addItem(ROLE_NAMES[role], role)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.office)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create account"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.session = create_first_account(
                self._store, office_name=self.office.text(), name=self.name.text(), login=self.login.text(),
                password=self.password.text(), role=self.role.currentData())
        except (ValueError, SignInFailed) as exc:
            self.message.setText(str(exc))
            return
        self.accept()
