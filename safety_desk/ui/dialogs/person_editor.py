"""A new person's form: login, name, role, their districts or enterprise, and how their first password is set."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QRadioButton,
    QVBoxLayout, QWidget,
)

from safety_desk.services.session import Session
from safety_desk.store.records import District
from safety_desk.ui.widgets.enterprise_picker import EnterprisePicker


class PersonEditor(QDialog):
    """Emits `person_submitted(dict)` with the arguments of OrganisationService.add_person; the page saves it through
    the window's writes and calls `accept()` or `show_refusal(reason)`."""

    person_submitted = Signal(dict)

    def __init__(self, session: Session, districts: list[District], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New person"))
        self.setMinimumWidth(500)
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role, label in (("inspector", self.tr("Inspector")), ("leader", self.tr("District leader")),
                            ("enterprise", self.tr("Enterprise safety officer")),
                            ("office", self.tr("Safety office"))):
            self.role.addItem(label, role)
        self.districts = QListWidget()
        self.districts.setObjectName("districts")
        for district in districts:
            item = QListWidgetItem(f"{district.code} {district.name}")
            item.setData(Qt.ItemDataRole.UserRole, district.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.districts.addItem(item)
        self.districts.setMaximumHeight(140)
        self.enterprise = EnterprisePicker(session)
        self.generate = QRadioButton(self.tr("Make a one-time password (shown once)"))
        self.generate.setObjectName("generate")
        self.generate.setChecked(True)
        self.typed = QRadioButton(self.tr("Set this password:"))
        self.typed.setObjectName("typed")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setEnabled(False)
        self.typed.toggled.connect(self.password.setEnabled)
        note = QLabel(self.tr("Either way the person chooses their own password at the first sign-in."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #546e7a")
        password_box = QWidget()
        column = QVBoxLayout(password_box)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.generate, self.typed, self.password, note):
            column.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Login"), self.login)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Districts"), self.districts)
        self.form.addRow(self.tr("Enterprise"), self.enterprise)
        self.form.addRow(self.tr("Password"), password_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.role.currentIndexChanged.connect(self.on_role_changed)
        self.on_role_changed()

    def on_role_changed(self, _index: int = 0) -> None:
        """Only the fields the role has: districts for leaders and inspectors, an enterprise for its officer."""
        role = self.role.currentData()
        self.form.setRowVisible(self.districts, role in ("inspector", "leader"))
        self.form.setRowVisible(self.enterprise, role == "enterprise")

    def values(self) -> dict:
        role = self.role.currentData()
        districts = [self.districts.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.districts.count())
                     if self.districts.item(i).checkState() == Qt.CheckState.Checked]
        chosen = self.enterprise.enterprise
        return {"login": self.login.text(), "name": self.name.text(), "role": role,
                "districts": districts if role in ("inspector", "leader") else [],
                "uscc": chosen.uscc if role == "enterprise" and chosen is not None else None,
                "password": self.password.text() if self.typed.isChecked() else None}

    def on_accept(self) -> None:
        self.message.clear()
        self.person_submitted.emit(self.values())

    def show_refusal(self, reason: str) -> None:
        self.message.setText(reason)
