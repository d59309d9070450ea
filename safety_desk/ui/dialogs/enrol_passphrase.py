"""Asking for the passphrase that opens a sealed enrolment file (the office read it out when it enrolled the device)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from safety_desk.services.enrolment_seal import WrongPassphrase, unseal_with


class EnrolPassphraseDialog(QDialog):
    """One field for the passphrase (6 groups of 4 letters or digits); `passphrase()` once accepted."""

    def __init__(self, file_name: str, parent=None, problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrolment passphrase"))
        self.setMinimumWidth(460)
        about = QLabel(self.tr("The enrolment file %1 is locked with a passphrase. The safety office was shown it "
                               "when it enrolled this device: ask them for it and type it here (6 groups of 4 "
                               "letters or digits; case and dashes do not matter).").replace("%1", file_name))
        about.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("passphrase")
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.field.textChanged.connect(self._update_ok)
        # Why it is asked again: the passphrase typed before did not open the file.
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.ok_button.setEnabled(bool(self.field.text().strip()))

    def passphrase(self) -> str:
        return self.field.text().strip()


def ask_passphrase(parent, file_name: str, problem: str = "") -> str | None:
    """The passphrase typed for `file_name`, None when the person cancelled; `problem` says why it is asked again."""
    dialog = EnrolPassphraseDialog(file_name, parent, problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()


def ask_until_it_opens(parent, path: Path, ask=ask_passphrase) -> str | None:
    """The passphrase that opens the sealed enrolment file at `path`, asked again (saying why) while a mistyped one
    does not; None when the person cancelled. The enterprise edition's first start: a typo must not end it."""
    problem = ""
    while True:
        passphrase = ask(parent, path.name, problem)
        if passphrase is None:
            return None
        try:
            unseal_with(path, passphrase)
        except WrongPassphrase as exc:
            problem = str(exc)
            continue
        return passphrase
