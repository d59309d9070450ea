"""The sign-in dialog: login and password, with the wait after repeated failures explained."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.session import Session


class SignInDialog(QDialog):
    def __init__(self, sign_in: SignIn, office_name: str, parent=None) -> None:
        super().__init__(parent)
        self._sign_in = sign_in
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Sign in — SafetyDesk"))
        self.setMinimumWidth(380)
        app_name = self.tr("SafetyDesk")
        title = QLabel(f"<h2>{app_name}</h2><p>{office_name}</p>")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        try:
            self.session = self._sign_in.sign_in(self.login.text(), self.password.text())
        except SignInFailed as exc:
            self.message.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()
