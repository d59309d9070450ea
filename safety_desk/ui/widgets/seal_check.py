"""验证: paste or scan an issued document's code and see at once whether it is genuine (checked offline)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from safety_desk.services.document_seals import Verification

_GOOD, _BAD = "#2e7d32", "#c62828"


class SealCheck(QGroupBox):
    """A field for a scanned QR code's text (a scanner types it and presses Enter) and the verdict under it.

    Checking is a signature and a digest compared with this database's copy: milliseconds, so it runs here."""

    checked = Signal(bool, str)  # valid, the message shown

    def __init__(self, check: Callable[[str], Verification], parent=None) -> None:
        super().__init__(self.tr("Verify a document"), parent)
        self.check = check
        self.field = QLineEdit()
        self.field.setObjectName("seal_text")
        self.field.setPlaceholderText(self.tr("Scan or paste the code (SD1|…)"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.on_check)
        self.button = QPushButton(self.tr("Verify"))
        self.button.setObjectName("verify")
        self.button.clicked.connect(self.on_check)
        self.result = QLabel()
        self.result.setObjectName("verdict")
        self.result.setWordWrap(True)
        # Room for a verdict of four lines: a wrapped label in a group box is otherwise given one line's height.
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 4 + 4)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def on_check(self) -> None:
        text = self.field.text().strip()
        if not text:
            self.result.clear()
            return
        verdict = self.check(text)
        self.result.setStyleSheet(f"color: {_GOOD if verdict.valid else _BAD};")
        self.result.setText(verdict.message)
        self.checked.emit(verdict.valid, verdict.message)
