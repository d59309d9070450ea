"""Recording a training session: date, topic, hours, attendees, and for whom (enterprises, a district, all)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateEdit, QDialog, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QLineEdit, QRadioButton, QSpinBox, QVBoxLayout,
)

from safety_desk.domain.vocabulary import TRAINING_KINDS, word
from safety_desk.services.activities import TrainingService
from safety_desk.services.errors import ServiceError
from safety_desk.ui.dialogs.form_footer import add_form_footer
from safety_desk.ui.context import AppContext
from safety_desk.ui.widgets.enterprise_picker import EnterpriseListPicker



class TrainingEditorDialog(QDialog):
    def __init__(self, context: AppContext, service: TrainingService, today: date, parent=None) -> None:
        super().__init__(parent)
        self.context = context  # its writes go through context.ops
        self.service = service
        self.training_id: str | None = None
        session = context.session
        self.setWindowTitle(self.tr("Record training"))
        self.setMinimumWidth(560)
        self.day = QDateEdit()
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.setEditable(True)
        for kind in TRAINING_KINDS:  # shown in the window's language, stored as the Chinese kind
            self.kind.addItem(word(kind), kind)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("hours")
        self.hours.setRange(0, 200)
        self.hours.setDecimals(1)
        self.hours.setValue(2)
        self.attendees = QSpinBox()
        self.attendees.setObjectName("attendees")
        self.attendees.setRange(0, 100_000)

        self.for_enterprises = QRadioButton(self.tr("Enterprises"))
        self.for_district = QRadioButton(self.tr("A whole district"))
        self.for_everyone = QRadioButton(self.tr("Office-wide"))
        self.audience = QButtonGroup(self)
        for button in (self.for_enterprises, self.for_district, self.for_everyone):
            self.audience.addButton(button)
        self.for_enterprises.setChecked(True)
        self.district = QComboBox()
        self.district.setObjectName("district")
        scope = session.district_ids()
        for district in context.store.districts.active():
            if scope is None or district.id in scope:
                self.district.addItem(district.name, district.id)
        self.enterprises = EnterpriseListPicker(session)
        enterprise_user = session.role == "enterprise"
        self.for_district.setVisible(not enterprise_user)
        self.district.setVisible(not enterprise_user)
        self.for_everyone.setVisible(session.role == "office")
        self.audience.buttonToggled.connect(self.on_audience_changed)

        choice = QHBoxLayout()
        for button in (self.for_enterprises, self.for_district, self.for_everyone):
            choice.addWidget(button)
        choice.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Topic"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Hours"), self.hours)
        form.addRow(self.tr("Attendees"), self.attendees)
        form.addRow(self.tr("For"), choice)
        form.addRow("", self.enterprises)
        form.addRow("", self.district)
        self.message, _buttons = add_form_footer(self, QVBoxLayout(self), self.tr("Save"), self.tr("Cancel"),
                                                  form)
        self.on_audience_changed()

    def on_audience_changed(self, *_args) -> None:
        self.enterprises.setEnabled(self.for_enterprises.isChecked())
        self.district.setEnabled(self.for_district.isChecked())

    def _kind(self) -> str:
        """The kind to store: a listed kind by its Chinese name (whatever language shows it), else the text typed."""
        typed = self.kind.currentText().strip()
        return next((kind for kind in TRAINING_KINDS if typed in (kind, word(kind))), typed)

    def on_accept(self) -> None:
        ids = self.enterprises.ids() if self.for_enterprises.isChecked() else []
        if self.for_enterprises.isChecked() and not ids:
            self.message.setText(self.tr("Add at least one enterprise, or choose a district."))
            return
        district_id = self.district.currentData() if self.for_district.isChecked() else None
        try:
            training = self.context.ops.call("training", "record", self.day.date().toPython(), self.title.text(), self.hours.value(),
                                           self.attendees.value(), enterprise_ids=ids, district_id=district_id,
                                           kind=self._kind())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.training_id = training.id
        self.accept()
