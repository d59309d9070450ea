"""Recording the supervising authority's 核销 of a 挂牌督办 hazard: the day, the authority, the document number."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout


class WriteoffDialog(QDialog):
    """Day (between the finding and today), authority and document number; Save emits `submitted` (stays open)."""

    submitted = Signal()

    def __init__(self, found_on: date, today: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Authority's write-off"))
        self.setMinimumWidth(460)
        self.day = QDateEdit()
        self.day.setObjectName("writeoff_on")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(QDate(found_on))
        self.day.setMaximumDate(QDate(today))
        self.day.setDate(QDate(today))
        self.authority = QLineEdit()
        self.authority.setObjectName("writeoff_authority")
        self.authority.setPlaceholderText(self.tr("The department that supervises the hazard"))
        self.number = QLineEdit()
        self.number.setObjectName("writeoff_number")
        self.number.setPlaceholderText(self.tr("As printed on its document"))
        form = QFormLayout()
        form.addRow(self.tr("Written off on"), self.day)
        form.addRow(self.tr("Authority"), self.authority)
        form.addRow(self.tr("Document number"), self.number)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen_day(self) -> date:
        return self.day.date().toPython()
