"""A small dialog asking for a reason (reject, reopen) and optionally a date (extend the deadline)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout,
)


class ReasonDialog(QDialog):
    """Reason text (required unless told otherwise) and, when asked for, a date.

    OK emits `submitted` and leaves the dialog open: whoever opened it calls the service and closes
    it on success, or shows the service's message and lets the user correct the input.
    """

    submitted = Signal()

    def __init__(self, title: str, prompt: str, parent=None, *, reason_label: str = "",
                 reason_required: bool = True, date_label: str | None = None, initial_date: date | None = None,
                 minimum_date: date | None = None, date_optional: bool = False, ok_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._reason_required = reason_required
        about = QLabel(prompt)
        about.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(90)
        self.reason_edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        self.date_edit: QDateEdit | None = None
        self.date_check: QCheckBox | None = None
        if date_label is not None:
            self.date_edit = QDateEdit()
            self.date_edit.setObjectName("date")
            self.date_edit.setCalendarPopup(True)
            self.date_edit.setDisplayFormat("yyyy-MM-dd")
            if minimum_date is not None:
                self.date_edit.setMinimumDate(QDate(minimum_date))
            if initial_date is not None:
                self.date_edit.setDate(QDate(initial_date))
            if date_optional:
                self.date_check = QCheckBox(date_label)
                self.date_check.setObjectName("date_check")
                self.date_check.toggled.connect(self.date_edit.setEnabled)
                self.date_edit.setEnabled(False)
                form.addRow(self.date_check, self.date_edit)
            else:
                form.addRow(date_label, self.date_edit)
        form.addRow(reason_label or self.tr("Reason"), self.reason_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def chosen_date(self) -> date | None:
        if self.date_edit is None or (self.date_check is not None and not self.date_check.isChecked()):
            return None
        return self.date_edit.date().toPython()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) or not self._reason_required)

    def on_ok(self) -> None:
        if self.ok_button.isEnabled():
            self.submitted.emit()
