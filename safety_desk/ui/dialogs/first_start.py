"""The very first start on a computer without a database: set up a new safety office, or join one with the
enrolment file the office handed over (a USB stick, a shared folder) — no terminal needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton, QDialog, QDialogButtonBox, QFileDialog, QLabel, QProgressBar, QVBoxLayout,
)

from safety_desk.services.devices import JoinResult, join
from safety_desk.services.enrolment_seal import needs_passphrase
from safety_desk.services.session import ROLE_NAMES
from safety_desk.ui.dialogs.enrol_passphrase import ask_passphrase
from safety_desk.ui.icons import icon
from safety_desk.ui.tasks import TaskRunner


def _join(report, db_path: Path, enrol_file: Path, passphrase: str | None) -> JoinResult:
    """In a worker: the join opens and writes its own fresh database (nothing else has it open yet). It stays
    plain until the first sign-in, which encrypts it (ui/app.py encrypt_at_first_sign_in)."""
    return join(db_path, enrol_file, report, passphrase=passphrase)


class FirstStartDialog(QDialog):
    """Accepted with `choice` "new" (the set-up dialog follows) or "joined" (sign-in follows, `joined` says as
    whom this computer now works). `ask_passphrase(parent, file name)` asks for a sealed file's passphrase
    (None: cancelled)."""

    joined = Signal(object)  # JoinResult
    join_failed = Signal(str)

    def __init__(self, db_path: Path, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.tasks = tasks
        self.choice: str | None = None
        self.result_of_join: JoinResult | None = None
        self.ask_passphrase = ask_passphrase
        self.setWindowTitle(self.tr("Welcome to SafetyDesk"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("This computer has no SafetyDesk data yet. Is it the safety office's own computer, "
                               "or an inspector's laptop or an enterprise's computer the office has enrolled?"))
        intro.setWordWrap(True)
        self.new_button = QCommandLinkButton(
            self.tr("Set up a new safety office"),
            self.tr("The office's own computer: name the office and create the first account."))
        self.new_button.setObjectName("new_office")
        self.new_button.setIcon(icon("office-building-outline"))
        self.new_button.clicked.connect(self.on_new_clicked)
        self.join_button = QCommandLinkButton(
            self.tr("Join an office: choose the enrolment file"),
            self.tr("An inspector's laptop or an enterprise's computer: the office gave you a .sdenroll file on a "
                    "USB stick or in a shared folder."))
        self.join_button.setObjectName("join_office")
        self.join_button.setIcon(icon("cellphone-link"))
        self.join_button.clicked.connect(self.on_join_clicked)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.new_button)
        layout.addWidget(self.join_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def on_new_clicked(self) -> None:
        self.choice = "new"
        self.accept()

    def on_join_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Enrolment file"), str(Path.home()),
                                                self.tr("Enrolment files (*.sdenroll)"))
        if chosen:
            self.join_from(Path(chosen))

    def join_from(self, enrol_file: Path) -> None:
        """Make this computer the enrolled device of `enrol_file`, in the task pool; the dialog waits meanwhile.
        A sealed file's passphrase is asked for first (a wrong one is refused by the join, nothing written)."""
        passphrase = None
        if needs_passphrase(enrol_file):
            passphrase = self.ask_passphrase(self, enrol_file.name)
            if passphrase is None:
                return
        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Joining with %1…").replace("%1", enrol_file.name))
        signals = self.tasks.start(_join, self.db_path, enrol_file, passphrase)
        signals.progressed.connect(self.on_progressed)
        signals.finished.connect(self.on_joined)
        signals.failed.connect(self.on_join_failed)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.new_button.setEnabled(not busy)
        self.join_button.setEnabled(not busy)

    def on_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def on_joined(self, result: JoinResult) -> None:
        self._busy(False)
        self.choice, self.result_of_join = "joined", result
        self.joined.emit(result)
        self.accept()

    def on_join_failed(self, message: str) -> None:
        # The file was refused (used already, not an enrolment file, damaged): nothing was created here.
        self._busy(False)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(message)
        self.join_failed.emit(message)

    def role_name(self) -> str:
        result = self.result_of_join
        return ROLE_NAMES.get(result.role, result.role) if result else ""
