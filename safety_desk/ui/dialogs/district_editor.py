"""A district's form: code and name, its leader and its inspectors (new, or an existing one's)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
)

from safety_desk.services.organisation import DistrictRow
from safety_desk.store.records import Person


class DistrictEditor(QDialog):
    """Emits `district_submitted(code, name, leader login or "", [inspector logins])`; the page saves it through
    the window's writes and calls `accept()` or `show_refusal(reason)`."""

    district_submitted = Signal(str, str, str, list)

    def __init__(self, leaders: list[Person], inspectors: list[Person], row: DistrictRow | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("New district") if row is None else
                            self.tr("District %1").replace("%1", row.district.code))
        self.setMinimumWidth(460)
        self.code = QLineEdit(row.district.code if row else "")
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("e.g. D01"))
        self.code.setReadOnly(row is not None)  # other records and devices name the district by its code
        self.name = QLineEdit(row.district.name if row else "")
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. 东片区"))
        self.leader = QComboBox()
        self.leader.setObjectName("leader")
        self.leader.addItem(self.tr("(none)"), "")
        for person in leaders:
            self.leader.addItem(f"{person.name} · {person.login}", person.login)
        if row is not None and row.leader is not None:
            self.leader.setCurrentIndex(max(0, self.leader.findData(row.leader.login)))
        self.inspectors = QListWidget()
        self.inspectors.setObjectName("inspectors")
        chosen = {p.login for p in row.inspectors} if row else set()
        for person in inspectors:
            item = QListWidgetItem(f"{person.name} · {person.login}")
            item.setData(Qt.ItemDataRole.UserRole, person.login)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.login in chosen else Qt.CheckState.Unchecked)
            self.inspectors.addItem(item)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Leader"), self.leader)
        form.addRow(self.tr("Inspectors"), self.inspectors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def chosen_inspectors(self) -> list[str]:
        return [self.inspectors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.inspectors.count())
                if self.inspectors.item(i).checkState() == Qt.CheckState.Checked]

    def on_accept(self) -> None:
        self.message.clear()
        self.district_submitted.emit(self.code.text(), self.name.text(), self.leader.currentData(),
                                     self.chosen_inspectors())

    def show_refusal(self, reason: str) -> None:
        self.message.setText(reason)
