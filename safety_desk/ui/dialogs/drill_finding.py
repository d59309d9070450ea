"""Registering a problem a drill exposed as a hazard (source 演练) with its grade and deadline."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
)

from safety_desk.domain.grading import HazardGrade
from safety_desk.domain.vocabulary import word
from safety_desk.services.activities import DrillService
from safety_desk.services.errors import ServiceError
from safety_desk.store.records import Drill
from safety_desk.ui.dialogs.form_footer import add_form_footer

_DEFAULT_DAYS = 15


class DrillFindingDialog(QDialog):
    def __init__(self, service: DrillService, drill: Drill, parent=None, *, ops) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops  # the window's writes (ui/operations.py)
        self.drill = drill
        self.hazard_id: str | None = None
        self.setWindowTitle(self.tr("Add finding as hazard"))
        self.setMinimumWidth(520)
        about = QLabel(f"{drill.held_on} · {drill.name}")
        about.setStyleSheet("color: #546e7a;")
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        first_line = drill.findings.splitlines()[0] if drill.findings else ""
        self.description.setPlainText(first_line)
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        for grade in HazardGrade:
            self.grade.addItem(word(grade), grade.value)
        self.deadline = QDateEdit()
        self.deadline.setObjectName("deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        due = max(date.fromisoformat(drill.held_on), service.session.clock.today()) + timedelta(days=_DEFAULT_DAYS)
        self.deadline.setDate(QDate(due.year, due.month, due.day))
        self.location = QLineEdit(drill.place)
        self.location.setObjectName("location")
        self.measures = QLineEdit()
        self.measures.setObjectName("measures")
        form = QFormLayout()
        form.addRow(self.tr("Drill"), about)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Measures"), self.measures)
        self.message, _buttons = add_form_footer(self, QVBoxLayout(self), self.tr("Register hazard"), self.tr("Cancel"),
                                                  form)

    def on_accept(self) -> None:
        try:
            hazard = self.ops.call("drills", "add_finding_hazard", 
                self.drill.id, self.description.toPlainText(), self.grade.currentData(),
                self.deadline.date().toPython(), location=self.location.text(), measures=self.measures.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.hazard_id = hazard.id
        self.accept()
