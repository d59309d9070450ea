"""The sign-in dialog: login and password, with the wait after repeated failures explained; a password the office
set is replaced before the window opens."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.errors import ServiceError
from safety_desk.services.organisation import OrganisationService
from safety_desk.services.session import Session
from safety_desk.ui.dialogs.change_password import ChangePasswordDialog


class SignInDialog(QDialog):
    def __init__(self, sign_in: SignIn, office_name: str, parent=None) -> None:
        super().__init__(parent)
        self._sign_in = sign_in
        self.session: Session | None = None
        self.password_used = ""  # what unlocks this person's key slot from now on (the new one after a change)
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
        # An encrypted database not yet open: the recovery key opens it when no password here can.
        self.recovery = QPushButton(self.tr("Recovery key…"))
        self.recovery.setObjectName("recovery_key")
        self.recovery.setVisible(hasattr(sign_in, "unlock_with_recovery") and not sign_in.unlocked)
        self.recovery.clicked.connect(self.on_recovery_key)
        buttons.addButton(self.recovery, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def on_accept(self) -> None:
        password = self.password.text()
        try:
            session = self._sign_in.sign_in(self.login.text(), password)
        except SignInFailed as exc:
            self.message.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        if session.person.must_change_password:
            self.change_dialog = ChangePasswordDialog(session.person.login, current=password, forced=True,
                                                      parent=self)
            self.change_dialog.password_chosen.connect(lambda current, new: self.on_new_password(session, current,
                                                                                                 new))
            self.change_dialog.open()
            return
        self.session = session
        self.password_used = password
        self.accept()

    def on_recovery_key(self) -> None:
        text, given = QInputDialog.getText(self, self.tr("Recovery key"), self.tr(
            "The recovery key the safety office keeps (printed or shown when the database was encrypted):"))
        if not given or not text.strip():
            return
        try:
            self._sign_in.unlock_with_recovery(text)
        except SignInFailed as exc:
            self.message.setText(str(exc))
            return
        self.recovery.setVisible(False)
        self.message.setText(self.tr("The database is open. Sign in with your login and password: from now on your "
                                     "password opens it on this computer."))
        self.login.setFocus()

    def on_new_password(self, session: Session, current: str, new: str) -> None:
        # Before the window there is no writer thread: this one-row write runs here, as the first-run
        # dialog's account does (ui/dialogs/first_run.py).
        try:
            person = OrganisationService(session).change_password(session.person.login, current, new)
        except ServiceError as exc:
            self.change_dialog.show_refusal(str(exc))
            return
        self.change_dialog.accept()
        session.person = person
        self.session = session
        self.password_used = new
        self.accept()
