"""Recording or correcting an incident; the grade it reaches is shown as it is typed, never stored."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDialog, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QVBoxLayout,
)

from safety_desk.domain.grading import grade_accident
from safety_desk.domain.vocabulary import ACCIDENT_TYPES, word
from safety_desk.services.activities import LIABILITIES, IncidentService, liability_name
from safety_desk.domain.china_time import BEIJING
from safety_desk.services.errors import ServiceError
from safety_desk.store.records import Incident
from safety_desk.ui.dialogs.form_footer import add_form_footer
from safety_desk.ui.context import AppContext
from safety_desk.ui.widgets.enterprise_picker import EnterprisePicker


class IncidentEditorDialog(QDialog):
    def __init__(self, context: AppContext, service: IncidentService, now: datetime,
                 incident: Incident | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context  # its writes go through context.ops
        self.service = service
        self.incident = incident
        self.incident_id: str | None = None
        self.setWindowTitle(self.tr("Record incident") if incident is None else self.tr("Edit incident"))
        self.setMinimumWidth(560)
        self.when = QDateTimeEdit()
        self.when.setObjectName("when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setDateTime(QDateTime(now.replace(tzinfo=None, second=0, microsecond=0)))
        self.enterprise = EnterprisePicker(context.session)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("Left empty: enterprise name and grade"))
        self.accident_type = QComboBox()
        self.accident_type.setObjectName("accident_type")
        for accident_type in ACCIDENT_TYPES:  # shown in the window's language, stored as the GB 6441 name
            self.accident_type.addItem(word(accident_type), accident_type)
        self.deaths = QSpinBox()
        self.deaths.setObjectName("deaths")
        self.injuries = QSpinBox()
        self.injuries.setObjectName("serious_injuries")
        for box in (self.deaths, self.injuries):
            box.setRange(0, 10_000)
            box.valueChanged.connect(self.on_figures_changed)
        self.loss = QDoubleSpinBox()
        self.loss.setObjectName("loss")
        self.loss.setRange(0, 1_000_000)
        self.loss.setDecimals(2)
        self.loss.setSuffix(self.tr(" ×10k yuan"))
        self.loss.valueChanged.connect(self.on_figures_changed)
        self.liability = QComboBox()
        self.liability.setObjectName("liability")
        for name in LIABILITIES:
            self.liability.addItem(name, name)
        self.liability.setCurrentIndex(self.liability.findData("待定"))
        self.grade = QLabel()
        self.grade.setObjectName("grade")
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Time"), self.when)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Accident type"), self.accident_type)
        form.addRow(self.tr("Deaths"), self.deaths)
        form.addRow(self.tr("Serious injuries"), self.injuries)
        form.addRow(self.tr("Direct loss"), self.loss)
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Liability"), self.liability)
        form.addRow(self.tr("Description"), self.description)
        self.message, _buttons = add_form_footer(self, QVBoxLayout(self), self.tr("Save"), self.tr("Cancel"),
                                                  form)
        if incident is not None:
            self._fill(incident)
        self.on_figures_changed()

    def _fill(self, incident: Incident) -> None:
        self.enterprise.choose(incident.enterprise_id)
        self.enterprise.edit.setReadOnly(True)
        self.when.setDateTime(QDateTime(datetime.fromisoformat(incident.occurred_at).replace(tzinfo=None)))
        self.title.setText(incident.title)
        if incident.accident_type:
            if self.accident_type.findData(incident.accident_type) < 0:  # a type typed elsewhere stays as it is
                self.accident_type.addItem(word(incident.accident_type), incident.accident_type)
            self.accident_type.setCurrentIndex(self.accident_type.findData(incident.accident_type))
        self.deaths.setValue(incident.deaths)
        self.injuries.setValue(incident.serious_injuries)
        self.loss.setValue(incident.direct_loss_yuan / 10_000)
        self.liability.setCurrentIndex(self.liability.findData(liability_name(incident.liable)))
        self.description.setPlainText(incident.description)

    def on_figures_changed(self, *_args) -> None:
        grade = grade_accident(self.deaths.value(), self.injuries.value(), round(self.loss.value() * 10_000, 2))
        colour = "#b71c1c" if grade.is_larger_or_above else "#37474f"
        self.grade.setText(f"<b style='color:{colour}'>{word(grade)}</b>")

    def on_accept(self) -> None:
        when = self.when.dateTime().toPython().replace(tzinfo=BEIJING)
        loss = round(self.loss.value() * 10_000, 2)
        try:
            if self.incident is None:
                enterprise_id = self.enterprise.enterprise_id()
                if enterprise_id is None:
                    self.message.setText(self.tr("Choose the enterprise from the list."))
                    return
                incident = self.context.ops.call("incidents", "record", when, enterprise_id, self.deaths.value(), self.injuries.value(), loss,
                                               self.liability.currentData(), self.description.toPlainText(),
                                               title=self.title.text(), accident_type=self.accident_type.currentData())
            else:
                incident = self.context.ops.call("incidents", "edit", self.incident.id, when, self.deaths.value(), self.injuries.value(), loss,
                                             self.liability.currentData(), self.description.toPlainText(),
                                             title=self.title.text(), accident_type=self.accident_type.currentData())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.incident_id = incident.id
        self.accept()
