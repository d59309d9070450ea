"""Enrol a device (the office's): its role, name, districts or enterprise, and where to write its enrolment file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout,
)

from safety_desk.services.devices import ENROLLED_ROLES
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon
from safety_desk.ui.models.sync_models import role_name
from safety_desk.ui.widgets.enterprise_picker import EnterprisePicker

ENROL_SUFFIX = ".sdenroll"


class EnrolDeviceDialog(QDialog):
    """Collects what DeviceService.enroll needs; OK stays disabled until it is all there. The page enrols."""

    def __init__(self, context: AppContext, folder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Enrol device"))
        self.setMinimumWidth(560)
        about = QLabel(self.tr("The enrolment file makes a fresh installation this device, with the data of its "
                               "scope. Hand it over on a USB stick or through a shared folder only its user can "
                               "open; on the new computer, start SafetyDesk and choose “Join an office: choose the "
                               "enrolment file”. It works once, like a one-time password: delete other copies "
                               "afterwards. It is locked with a passphrase shown once when it is written: tell it to "
                               "the user separately, never with the file."))
        about.setWordWrap(True)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role")
        for role in ENROLLED_ROLES:
            self.role_combo.addItem(role_name(role), role)
        self.role_combo.currentIndexChanged.connect(self.on_role_changed)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Dongcheng inspector laptop"))
        self.name_edit.textChanged.connect(self._update_ok)
        self.districts = QListWidget()
        self.districts.setObjectName("districts")
        self.districts.setMaximumHeight(130)
        for district in sorted(context.store.districts.active(), key=lambda d: d.code):
            item = QListWidgetItem(district.name)  # people know districts by name; the code is for commands
            item.setToolTip(district.code)
            item.setData(Qt.ItemDataRole.UserRole, district.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.districts.addItem(item)
        self.districts.itemChanged.connect(self._update_ok)
        self.enterprise = EnterprisePicker(context.session)
        self.enterprise.enterprise_chosen.connect(self._update_ok)
        self.enterprise.edit.textChanged.connect(self._update_ok)
        self.output_edit = QLineEdit()
        self.output_edit.setObjectName("output")
        self.output_edit.setPlaceholderText(self.tr("Where to write the enrolment file (.sdenroll)"))
        self.output_edit.textChanged.connect(self._update_ok)
        self._folder = folder or str(Path.home())
        browse = QPushButton(icon("folder-open-outline"), self.tr("Choose…"))
        browse.clicked.connect(self.on_browse_clicked)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Role"), self.role_combo)
        self.form.addRow(self.tr("Device name"), self.name_edit)
        self.form.addRow(self.tr("Districts"), self.districts)
        self.form.addRow(self.tr("Enterprise"), self.enterprise)
        self.form.addRow(self.tr("Enrolment file"), output_row)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Enrol"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.on_role_changed()

    # -- what was chosen -----------------------------------------------------------------------------
    def role(self) -> str:
        return self.role_combo.currentData()

    def device_name(self) -> str:
        return self.name_edit.text().strip()

    def district_codes(self) -> list[str]:
        return [self.districts.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.districts.count())
                if self.districts.item(row).checkState() == Qt.CheckState.Checked]

    def uscc(self) -> str | None:
        enterprise = self.enterprise.enterprise
        return enterprise.uscc if enterprise is not None and self.role() == "enterprise" else None

    def output(self) -> Path:
        text = self.output_edit.text().strip()
        return Path(text if text.lower().endswith(ENROL_SUFFIX) else text + ENROL_SUFFIX)

    def scope(self) -> dict:
        """The keyword arguments of DeviceService.enroll for the scope."""
        if self.role() == "enterprise":
            return {"uscc": self.uscc()}
        return {"district_codes": self.district_codes()}

    # -- reacting ------------------------------------------------------------------------------------
    def on_role_changed(self, *_args) -> None:
        enterprise = self.role() == "enterprise"
        self.form.setRowVisible(self.districts, not enterprise)
        self.form.setRowVisible(self.enterprise, enterprise)
        self._update_ok()

    def on_browse_clicked(self) -> None:
        default = str(Path(self._folder) / ((self.device_name() or "device") + ENROL_SUFFIX))
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Enrolment file"), default,
                                                self.tr("Enrolment files (*.sdenroll)"))
        if chosen:
            self.output_edit.setText(chosen)

    def _update_ok(self, *_args) -> None:
        if self.role() == "enterprise":
            scoped = self.enterprise.enterprise is not None or bool(self.enterprise.edit.text().strip())
        else:
            scoped = bool(self.district_codes())
        self.ok_button.setEnabled(bool(self.device_name()) and scoped and bool(self.output_edit.text().strip()))

    def on_ok(self) -> None:
        if self.role() == "enterprise" and self.enterprise.enterprise_id() is None:
            self.problem.setText(self.tr("Choose the enterprise from the list of matches."))
            self.problem.show()
            return
        if self.output().exists():
            self.problem.setText(self.tr("%1 exists already: an enrolment never overwrites a file. Choose another "
                                         "name.").replace("%1", str(self.output())))
            self.problem.show()
            return
        self.accept()
