"""移至片区: the office moves an enterprise to another district, saying what happens to the devices' copies."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from safety_desk.store.records import Enterprise
from safety_desk.ui.context import AppContext


class MoveEnterpriseDialog(QDialog):
    """Chooses the new district (by name) and moves the enterprise through `context.ops`."""

    enterprise_moved = Signal(str)  # enterprise id

    def __init__(self, context: AppContext, enterprise: Enterprise, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.enterprise = enterprise
        self.setWindowTitle(self.tr("Move to another district — %1").replace("%1", enterprise.name))
        self.setMinimumWidth(520)
        districts = context.desk.enterprises.districts()
        current = next((s.district.name for s in districts if s.district.id == enterprise.district_id), "")
        self.district = QComboBox()
        self.district.setObjectName("district")
        for summary in districts:
            if summary.district.id != enterprise.district_id:
                self.district.addItem(summary.district.name, summary.district.id)
        about = QLabel(self.tr("Now in %1. After the move, its open hazards are followed up in the new district's "
                               "ledger; the old district's laptops drop its records once their own edits have "
                               "reached the office, and the new district's laptops receive all of them at their "
                               "next sync.").replace("%1", current or "—"))
        about.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("New district"), self.district)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move"))
        self.ok_button.setEnabled(self.district.count() > 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def on_accept(self) -> None:
        if self.district.currentData() is None:
            return
        self.ok_button.setEnabled(False)
        self.context.ops.run("enterprises", "move", self.enterprise.id, self.district.currentData(),
                             done=self.on_moved, failed=self.on_failed)

    def on_moved(self, enterprise) -> None:
        self.enterprise_moved.emit(enterprise.id)
        self.accept()

    def on_failed(self, error: Exception) -> None:
        self.message.setText(str(error))
        self.message.show()
        self.ok_button.setEnabled(True)
