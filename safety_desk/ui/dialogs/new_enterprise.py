"""新建企业: one enterprise added to the office's list by hand, checked as typed; the service has the last word."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from safety_desk.domain.industry import Industry
from safety_desk.domain.industry_codes import map_industry
from safety_desk.domain.uscc import validate_uscc
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.enterprise_editor import phone_acceptable

_ERROR = "color: #c62828;"
_HINT = "color: #546e7a;"


class NewEnterpriseDialog(QDialog):
    """Name, USCC (its check digit checked as typed), district, industry (a supervision industry from the list, or
    typed as GB/T 4754 names it: 建筑业, E, 5412 …), and the particulars. Saved through `context.ops`."""

    enterprise_created = Signal(str)  # enterprise id

    def __init__(self, context: AppContext, district_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("New enterprise"))
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.uscc = QLineEdit()
        self.uscc.setObjectName("uscc")
        self.uscc.setPlaceholderText(self.tr("18 characters, e.g. 91370200MA3C1234X5"))
        self.uscc_hint = self._label("uscc_hint")
        self.district = QComboBox()
        self.district.setObjectName("district")
        for summary in context.desk.enterprises.districts():
            self.district.addItem(summary.district.name, summary.district.id)
        if district_id is not None and self.district.findData(district_id) >= 0:
            self.district.setCurrentIndex(self.district.findData(district_id))
        self.industry = QComboBox()
        self.industry.setObjectName("industry")
        self.industry.setEditable(True)  # a supervision industry, or what the national classification calls it
        self.industry.addItems([industry.value for industry in Industry])
        self.industry.setCurrentIndex(-1)
        self.industry.lineEdit().setPlaceholderText(self.tr("Choose, or type a GB/T 4754 name or code (建筑业, E, 5412)"))
        self.industry_hint = self._label("industry_hint")
        self.risk_class = QComboBox()
        self.risk_class.setObjectName("risk_class")
        self.risk_class.addItem(self.tr("As its industry"), None)
        self.risk_class.addItem(self.tr("1 (highest risk)"), 1)
        self.risk_class.addItem("2", 2)
        self.risk_class.addItem(self.tr("3 (lowest risk)"), 3)
        self.high_risk = QCheckBox(self.tr("High-risk: drills at least every 6 months"))
        self.address = QLineEdit()
        self.principal = QLineEdit()
        self.safety_officer = QLineEdit()
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("contact_phone")
        self.phone_hint = self._label("phone_hint")
        self.message = self._label("message")
        self.message.setStyleSheet(_ERROR)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("USCC"), self.uscc)
        form.addRow("", self.uscc_hint)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow("", self.industry_hint)
        form.addRow(self.tr("Risk class"), self.risk_class)
        form.addRow("", self.high_risk)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Principal"), self.principal)
        form.addRow(self.tr("Safety officer"), self.safety_officer)
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow("", self.phone_hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self.on_input_changed)
        self.uscc.textChanged.connect(self.on_input_changed)
        self.industry.currentTextChanged.connect(self.on_input_changed)
        self.contact_phone.textChanged.connect(self.on_input_changed)
        self.on_input_changed()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # -- checking as typed ----------------------------------------------------------------------------
    def industry_choice(self) -> Industry | None:
        return map_industry(self.industry.currentText())

    def on_input_changed(self, _text: str = "") -> None:
        uscc_ok = False
        if self.uscc.text().strip():
            try:
                validate_uscc(self.uscc.text())
                uscc_ok = True
                self._hint(self.uscc_hint, "", _HINT)
            except ValueError as exc:
                self._hint(self.uscc_hint, str(exc), _ERROR)
        else:
            self._hint(self.uscc_hint, "", _HINT)
        typed = self.industry.currentText().strip()
        industry = self.industry_choice()
        if not typed:
            self._hint(self.industry_hint, "", _HINT)
        elif industry is None:
            self._hint(self.industry_hint, self.tr("Not in the national classification: choose an industry from "
                                                   "the list."), _ERROR)
        elif industry.value != typed:
            self._hint(self.industry_hint, self.tr("Supervised as: %1").replace("%1", industry.value), _HINT)
        else:
            self._hint(self.industry_hint, "", _HINT)
        phone_ok = phone_acceptable(self.contact_phone.text())
        self._hint(self.phone_hint, "" if phone_ok else self.tr("7 to 20 digits; only + - ( ) and spaces may go "
                                                                "between them."), _ERROR)
        self.message.hide()
        self.ok_button.setEnabled(bool(self.name.text().strip()) and uscc_ok and industry is not None
                                  and phone_ok and self.district.currentData() is not None)

    @staticmethod
    def _hint(label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)
        label.setVisible(bool(text))

    # -- saving ---------------------------------------------------------------------------------------
    def values(self) -> dict:
        """The keyword arguments of EnterpriseService.create."""
        return {"name": self.name.text().strip(), "uscc": self.uscc.text().strip(),
                "district_id": self.district.currentData(), "industry": self.industry.currentText().strip(),
                "risk_class": self.risk_class.currentData(), "high_risk": self.high_risk.isChecked(),
                "address": self.address.text(), "principal": self.principal.text(),
                "safety_officer": self.safety_officer.text(), "contact_phone": self.contact_phone.text()}

    def on_accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)  # one create, however often OK is pressed while it runs
        self.context.ops.run("enterprises", "create", done=self.on_created, failed=self.on_failed, **self.values())

    def on_created(self, enterprise) -> None:
        self.enterprise_created.emit(enterprise.id)
        self.accept()

    def on_failed(self, error: Exception) -> None:
        # A duplicate USCC, a district retired meanwhile …: the reason, and the form as typed.
        self.message.setText(str(error))
        self.message.show()
        self.ok_button.setEnabled(True)
