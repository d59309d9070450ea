"""Editing a major hazard's treatment plan (治理方案): the six elements of 16号令 art. 15."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout


class TreatmentPlanDialog(QDialog):
    """One text box per element, labelled with the regulation's words; OK emits `submitted` (stays open)."""

    submitted = Signal()

    def __init__(self, labels: dict[str, str], plan: dict[str, str] | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Treatment plan"))
        self.setMinimumWidth(680)
        about = QLabel(self.tr("A major hazard's treatment plan names these six elements (Order No. 16, art. 15). "
                               "Rectification can be reported once all six are filled in."))
        about.setWordWrap(True)
        about.setStyleSheet("color: #546e7a;")
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.edits: dict[str, QPlainTextEdit] = {}
        for key, label in labels.items():
            edit = QPlainTextEdit((plan or {}).get(key, ""))
            edit.setObjectName(key)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(58)
            form.addRow(label, edit)
            self.edits[key] = edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def plan(self) -> dict[str, str]:
        return {key: edit.toPlainText().strip() for key, edit in self.edits.items()}
