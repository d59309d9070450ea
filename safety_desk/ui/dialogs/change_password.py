"""Choosing a new password: at the first sign-in (the office set the old one) or whenever a person wants to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from safety_desk.services.passwords import MIN_LENGTH, password_problem


class ChangePasswordDialog(QDialog):
    """Asks for the new password twice (and the current one unless the caller knows it). `password_chosen`
    carries (current, new); the caller saves it and calls `accept()`, or `show_refusal(reason)`."""

    password_chosen = Signal(str, str)

    def __init__(self, login: str, *, current: str | None = None, forced: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.login = login
        self._known_current = current
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Your password was set by the safety office. Choose your own password before "
                               "you continue.") if forced else self.tr("Choose a new password."))
        intro.setWordWrap(True)
        rule = QLabel(self.tr("At least %1 characters, and not your login.").replace("%1", str(MIN_LENGTH)))
        rule.setStyleSheet("color: #546e7a")
        self.current = QLineEdit()
        self.current.setObjectName("current_password")
        self.new = QLineEdit()
        self.new.setObjectName("new_password")
        self.again = QLineEdit()
        self.again.setObjectName("new_password_again")
        for field in (self.current, self.new, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if current is None:
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(rule)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.new if current is not None else self.current).setFocus()

    def on_accept(self) -> None:
        new = self.new.text()
        if new != self.again.text():
            self.show_refusal(self.tr("The two new passwords differ."))
            return
        problem = password_problem(new, self.login)
        if problem:  # the service says it again; said here, the person need not wait for a write
            self.show_refusal(problem)
            return
        current = self._known_current if self._known_current is not None else self.current.text()
        self.message.clear()
        self.password_chosen.emit(current, new)

    def show_refusal(self, reason: str) -> None:
        self.message.setText(reason)
        self.new.selectAll()
        self.new.setFocus()
