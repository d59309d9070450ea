"""Planning a drill, or recording one as held (a planned one or a new one) with the fields of §5.4."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit, QVBoxLayout, QWidget,
)

from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.vocabulary import word
from safety_desk.services.activities import DrillService
from safety_desk.services.errors import ServiceError
from safety_desk.services.photos import PreparedPhoto
from safety_desk.store.records import Drill, Photo
from safety_desk.ui.context import AppContext
from safety_desk.ui.widgets.enterprise_picker import EnterprisePicker
from safety_desk.ui.widgets.photo_strip import PhotoStrip

_ERROR_STYLE = "color: #c62828;"


def _text_box(name: str, height: int = 54) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setFixedHeight(height)
    return box


def _combo(name: str, enum: type) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for member in enum:
        combo.addItem(word(member), member.value)
    return combo


class DrillEditorDialog(QDialog):
    """mode "plan": a drill to be held; mode "record": a drill held (the planned `drill`, or a new one)."""

    drill_saved = Signal(str)  # drill id

    def __init__(self, context: AppContext, service: DrillService, mode: str, drill: Drill | None = None,
                 enterprise_id: str | None = None, today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = service
        self.mode = mode
        self.drill = drill
        self.drill_id: str | None = None
        today = today or context.session.clock.today()
        self.setWindowTitle(self.tr("Plan a drill") if mode == "plan" else self.tr("Record a drill"))
        self.setMinimumWidth(760)

        self.enterprise = EnterprisePicker(context.session)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.plan_type = _combo("plan_type", DrillPlanType)
        self.content = _combo("content", DrillContent)
        self.form = _combo("form", DrillForm)
        self.scenario = QLineEdit()
        self.scenario.setObjectName("scenario")
        self.day = QDateEdit()
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.organiser = QLineEdit()
        self.organiser.setObjectName("organiser")
        self.objectives = QLineEdit()
        self.objectives.setObjectName("objectives")

        form = QFormLayout()
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Name"), self.name)
        kinds = QHBoxLayout()
        kinds.addWidget(self.plan_type)
        kinds.addWidget(self.content)
        kinds.addWidget(self.form)
        form.addRow(self.tr("Plan type · content · form"), kinds)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.tr("Planned for") if mode == "plan" else self.tr("Held on"), self.day)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Objectives"), self.objectives)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if mode == "record":
            layout.addWidget(self._record_fields(today))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Plan drill") if mode == "plan" else self.tr("Save record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if drill is not None:
            self._fill(drill)
        elif enterprise_id is not None:
            self.enterprise.choose(enterprise_id)

    def _record_fields(self, today: date) -> QWidget:
        self.participants = QSpinBox()
        self.participants.setObjectName("participants")
        self.participants.setRange(0, 100_000)
        # Older drills have neither: a box left unticked and a duration of 0 save them as not recorded.
        self.timed = QCheckBox(self.tr("Started at"))
        self.timed.setObjectName("timed")
        self.start_time = QTimeEdit(QTime(9, 0))
        self.start_time.setObjectName("start_time")
        self.start_time.setDisplayFormat("HH:mm")
        self.start_time.setEnabled(False)
        self.timed.toggled.connect(self.start_time.setEnabled)
        self.duration = QSpinBox()
        self.duration.setObjectName("duration")
        self.duration.setRange(0, 1440)
        self.duration.setSpecialValueText(self.tr("not recorded"))
        self.duration.setSuffix(self.tr(" min"))
        self.units = QLineEdit()
        self.units.setObjectName("units")
        self.evaluators = QLineEdit()
        self.evaluators.setObjectName("evaluators")
        self.evaluation = _text_box("evaluation")
        self.findings = _text_box("findings")
        self.revisions = _text_box("revisions", 40)
        self.reported = QCheckBox(self.tr("Reported to the authority on"))
        self.reported.setObjectName("reported")
        self.reported_on = QDateEdit()
        self.reported_on.setObjectName("reported_on")
        self.reported_on.setCalendarPopup(True)
        self.reported_on.setDisplayFormat("yyyy-MM-dd")
        self.reported_on.setDate(QDate(today.year, today.month, today.day))
        self.reported_on.setEnabled(False)
        self.reported.toggled.connect(self.reported_on.setEnabled)
        self.photos = PhotoStrip(self.context, keep=self.keep_photo)
        self.photos.setFixedHeight(96)

        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Participants")), 0, 0)
        grid.addWidget(self.participants, 0, 1)
        grid.addWidget(QLabel(self.tr("Participating units")), 0, 2)
        grid.addWidget(self.units, 0, 3)
        grid.addWidget(QLabel(self.tr("Evaluation")), 1, 0)
        grid.addWidget(self.evaluation, 1, 1)
        grid.addWidget(QLabel(self.tr("Problems found")), 1, 2)
        grid.addWidget(self.findings, 1, 3)
        grid.addWidget(QLabel(self.tr("Evaluators")), 2, 0)
        grid.addWidget(self.evaluators, 2, 1)
        grid.addWidget(QLabel(self.tr("Plan revisions")), 2, 2)
        grid.addWidget(self.revisions, 2, 3)
        reported = QHBoxLayout()
        reported.addWidget(self.reported)
        reported.addWidget(self.reported_on)
        reported.addStretch(1)
        grid.addLayout(reported, 3, 0, 1, 4)
        timing = QHBoxLayout()
        timing.addWidget(self.timed)
        timing.addWidget(self.start_time)
        timing.addWidget(QLabel(self.tr("Duration")))
        timing.addWidget(self.duration)
        timing.addStretch(1)
        grid.addLayout(timing, 4, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Photos")), 5, 0)
        grid.addWidget(self.photos, 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _fill(self, drill: Drill) -> None:
        self.enterprise.choose(drill.enterprise_id)
        self.enterprise.edit.setReadOnly(True)  # a planned drill stays with its enterprise
        self.name.setText(drill.name)
        for combo, value in ((self.plan_type, drill.plan_type), (self.content, drill.content),
                             (self.form, drill.form)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.scenario.setText(drill.scenario)
        self.place.setText(drill.place)
        self.organiser.setText(drill.organiser)
        self.objectives.setText(drill.objectives)
        if self.mode == "record" and drill.status == "held":
            day = date.fromisoformat(drill.held_on)
            self.day.setDate(QDate(day.year, day.month, day.day))
            self.participants.setValue(drill.participants)
            self.units.setText(drill.units)
            self.evaluators.setText(drill.evaluators)
            self.evaluation.setPlainText(drill.evaluation)
            self.findings.setPlainText(drill.findings)
            self.revisions.setPlainText(drill.revisions)
            self.photos.set_photos(drill.photos)
            if drill.start_time:
                self.timed.setChecked(True)
                self.start_time.setTime(QTime.fromString(drill.start_time, "HH:mm"))
            self.duration.setValue(drill.duration_minutes or 0)
            if drill.reported_on:
                reported = date.fromisoformat(drill.reported_on)
                self.reported.setChecked(True)
                self.reported_on.setDate(QDate(reported.year, reported.month, reported.day))

    def keep_photo(self, prepared: PreparedPhoto) -> Photo:
        """Where the strip keeps a new photo: the service, for the drill's enterprise (chosen first)."""
        enterprise_id = self.drill.enterprise_id if self.drill is not None else self.enterprise.enterprise_id()
        return self.context.ops.call("drills", "keep_photo", enterprise_id, prepared)

    def on_accept(self) -> None:
        day = self.day.date().toPython()
        try:
            if self.mode == "plan":
                enterprise_id = self.enterprise.enterprise_id()
                if enterprise_id is None:
                    self.message.setText(self.tr("Choose the enterprise from the list."))
                    return
                drill = self.context.ops.call("drills", "plan", enterprise_id, self.name.text(), self.plan_type.currentData(),
                                          self.content.currentData(), self.form.currentData(),
                                          self.scenario.text(), day, place=self.place.text(),
                                          organiser=self.organiser.text(), objectives=self.objectives.text())
            else:
                enterprise_id = self.enterprise.enterprise_id() if self.drill is None else None
                if self.drill is None and enterprise_id is None:
                    self.message.setText(self.tr("Choose the enterprise from the list."))
                    return
                drill = self.context.ops.call("drills", "record", 
                    self.drill.id if self.drill else None, day, self.participants.value(),
                    enterprise_id=enterprise_id, name=self.name.text(), plan_type=self.plan_type.currentData(),
                    content=self.content.currentData(), form=self.form.currentData(),
                    scenario=self.scenario.text(), place=self.place.text(), organiser=self.organiser.text(),
                    units=self.units.text(), objectives=self.objectives.text(),
                    evaluation=self.evaluation.toPlainText(), evaluators=self.evaluators.text(),
                    findings=self.findings.toPlainText(), revisions=self.revisions.toPlainText(),
                    photos=self.photos.photos(),
                    reported_on=self.reported_on.date().toPython() if self.reported.isChecked() else None,
                    start_time=self.start_time.time().toString("HH:mm") if self.timed.isChecked() else "",
                    duration_minutes=self.duration.value() or "")
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.drill_id = drill.id
        self.drill_saved.emit(drill.id)
        self.accept()
