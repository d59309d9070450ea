"""Editing an enterprise's particulars, each field checked as it is typed; the store has the last word."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from safety_desk.domain.industry import Industry
from safety_desk.domain.uscc import validate_uscc
from safety_desk.domain.vocabulary import word
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.errors import ServiceError
from safety_desk.store.records import Enterprise

_ERROR_STYLE = "color: #c62828;"
# Landlines (0532-88886666), mobiles (13812345678), extensions: digits and separators, 7 to 20 digits.
_PHONE = re.compile(r"^[0-9+\-() ]*$")


def phone_acceptable(phone: str) -> bool:
    """Empty, or 7 to 20 digits with only + - ( ) and spaces between them (the new-enterprise dialog's rule too)."""
    phone = phone.strip()
    digits = sum(ch.isdigit() for ch in phone)
    return not phone or (bool(_PHONE.match(phone)) and 7 <= digits <= 20)


class EnterpriseEditor(QDialog):
    """Edits one enterprise through the service; stays open with the reason when the store refuses."""

    enterprise_saved = Signal(str)  # enterprise id

    def __init__(self, service: EnterpriseService, enterprise: Enterprise, parent=None, *, ops) -> None:
        super().__init__(parent)
        self._service = service
        self.ops = ops  # the window's writes (ui/operations.py)
        self.enterprise = enterprise
        self.setWindowTitle(self.tr("Edit enterprise — %1").replace("%1", enterprise.name))
        self.setMinimumWidth(520)

        self.name = QLineEdit(enterprise.name)
        self.name.setObjectName("name")
        self.uscc = QLineEdit(enterprise.uscc)
        self.uscc.setObjectName("uscc")
        self.uscc.setPlaceholderText(self.tr("18 characters, e.g. 91370200MA3C1234X5"))
        self.industry = QComboBox()
        self.industry.setObjectName("industry")
        for industry in Industry:
            self.industry.addItem(word(industry), industry.value)
        if self.industry.findData(enterprise.industry) < 0:
            # A value from before the list changed stays selectable, so opening the editor changes nothing.
            self.industry.addItem(word(enterprise.industry), enterprise.industry)
        self.industry.setCurrentIndex(self.industry.findData(enterprise.industry))
        self.risk_class = QComboBox()
        self.risk_class.setObjectName("risk_class")
        self.risk_class.addItem(self.tr("1 (highest risk)"), 1)
        self.risk_class.addItem("2", 2)
        self.risk_class.addItem(self.tr("3 (lowest risk)"), 3)
        self.risk_class.setCurrentIndex(max(0, self.risk_class.findData(enterprise.risk_class)))
        self.high_risk = QCheckBox(self.tr("High-risk: drills at least every 6 months"))
        self.high_risk.setObjectName("high_risk")
        self.high_risk.setChecked(enterprise.high_risk)
        self.address = QLineEdit(enterprise.address)
        self.principal = QLineEdit(enterprise.principal)
        self.safety_officer = QLineEdit(enterprise.safety_officer)
        self.contact_phone = QLineEdit(enterprise.contact_phone)
        self.contact_phone.setObjectName("contact_phone")

        self.name_error = self._error_label("name_error")
        self.uscc_error = self._error_label("uscc_error")
        self.phone_error = self._error_label("phone_error")
        self.message = self._error_label("message")

        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_error(self.name, self.name_error))
        form.addRow(self.tr("USCC"), self._with_error(self.uscc, self.uscc_error))
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Risk class"), self.risk_class)
        form.addRow("", self.high_risk)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Principal"), self.principal)
        form.addRow(self.tr("Safety officer"), self.safety_officer)
        form.addRow(self.tr("Contact phone"), self._with_error(self.contact_phone, self.phone_error))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for field in (self.name, self.uscc, self.contact_phone):
            field.textChanged.connect(self.on_input_changed)
        self.on_input_changed()

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return box

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        self._fit_height()

    def _fit_height(self) -> None:
        # Wrapped error lines come and go: a top-level window does not follow height-for-width by itself,
        # so without this the rows would be squeezed and the messages cut off.
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed != self.height():
            self.resize(self.width(), needed)

    # -- validation as typed ----------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        """What is wrong with the fields now, by field name (empty when all can be saved)."""
        found = {}
        if not self.name.text().strip():
            found["name"] = self.tr("The name is required.")
        try:
            validate_uscc(self.uscc.text())
        except ValueError as exc:
            found["uscc"] = str(exc)
        if not phone_acceptable(self.contact_phone.text()):
            found["contact_phone"] = self.tr("7 to 20 digits; only + - ( ) and spaces may go between them.")
        return found

    def on_input_changed(self, _text: str = "") -> None:
        found = self.problems()
        self._show(self.name_error, found.get("name", ""))
        self._show(self.uscc_error, found.get("uscc", ""))
        self._show(self.phone_error, found.get("contact_phone", ""))
        self._show(self.message, "")  # a refusal from the store is about the old values
        self.ok_button.setEnabled(not found)

    # -- saving ---------------------------------------------------------------------------------
    def changes(self) -> dict[str, object]:
        """The fields whose value differs from the stored enterprise."""
        proposed: dict[str, object] = {
            "name": self.name.text().strip(),
            "uscc": self.uscc.text(),
            "industry": self.industry.currentData(),
            "risk_class": self.risk_class.currentData(),
            "high_risk": self.high_risk.isChecked(),
            "address": self.address.text().strip(),
            "principal": self.principal.text().strip(),
            "safety_officer": self.safety_officer.text().strip(),
            "contact_phone": self.contact_phone.text().strip(),
        }
        try:
            proposed["uscc"] = validate_uscc(proposed["uscc"])
        except ValueError:
            pass  # left as typed: the store refuses it with the reason
        return {name: value for name, value in proposed.items() if getattr(self.enterprise, name) != value}

    def on_accept(self) -> None:
        if self.problems():
            return
        changes = self.changes()
        if changes:
            try:
                self.enterprise = self.ops.call("enterprises", "update", self.enterprise.id, **changes)
            except ServiceError as exc:
                self._show(self.message, str(exc))
                return
            self.enterprise_saved.emit(self.enterprise.id)
        self.accept()
