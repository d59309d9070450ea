"""Recording a major hazard's 挂牌督办 level and the day it was referred to the regulator."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from safety_desk.domain.language import say
from safety_desk.services.hazards import SUPERVISION_LEVELS_EN


class SupervisionDialog(QDialog):
    """Level (none / 省 / 市 / 县) and an optional referral date; OK emits `submitted` (stays open)."""

    submitted = Signal()

    def __init__(self, levels: tuple[str, ...], level: str | None, referred_on: date | None, found_on: date,
                 today: date, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Listed supervision"))
        self.setMinimumWidth(420)
        self.level = QComboBox()
        self.level.setObjectName("level")
        self.level.addItem(self.tr("Not listed"), None)
        for value in levels:
            self.level.addItem(say(value, SUPERVISION_LEVELS_EN.get(value, value).capitalize()), value)
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.referred_check = QCheckBox(self.tr("Referred to the regulator on"))
        self.referred_check.setObjectName("referred_check")
        self.referred = QDateEdit()
        self.referred.setObjectName("referred_on")
        self.referred.setCalendarPopup(True)
        self.referred.setDisplayFormat("yyyy-MM-dd")
        self.referred.setMinimumDate(QDate(found_on))
        self.referred.setDate(QDate(referred_on or max(found_on, today)))
        self.referred_check.toggled.connect(self.referred.setEnabled)
        self.referred_check.setChecked(referred_on is not None)
        self.referred.setEnabled(referred_on is not None)
        form = QFormLayout()
        form.addRow(self.tr("Supervision level"), self.level)
        form.addRow(self.referred_check, self.referred)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen_level(self) -> str | None:
        return self.level.currentData()

    def chosen_referred_on(self) -> date | None:
        return self.referred.date().toPython() if self.referred_check.isChecked() else None
