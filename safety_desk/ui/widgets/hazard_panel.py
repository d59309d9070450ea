"""The hazard a failed checklist item opened: its fields, saved as each is left, a refusal marked on its field."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QCompleter, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from safety_desk.domain.vocabulary import word
from safety_desk.services.errors import ServiceError
from safety_desk.services.inspections import HazardFieldDenied, HazardFieldError, InspectionService
from safety_desk.store.records import Hazard
from safety_desk.ui.dialogs.form_footer import ERROR_STYLE
from safety_desk.ui.widgets.runner_keys import Action, hazard_field_action

_MUTED = "#546e7a"


class HazardPanel(QFrame):
    """Description, location, responsible, measures and deadline of one hazard; Enter moves field to field."""

    hazard_saved = Signal(object)  # the Hazard as stored
    editing_ended = Signal()  # Enter after the last field, or Esc: the keyboard goes back to the runner

    def __init__(self, service: InspectionService, parent: QWidget | None = None, *, ops) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops  # the window's writes (ui/operations.py)
        self.hazard: Hazard | None = None
        self._deadline: date | None = None  # as stored, to tell a changed deadline from an unchanged one
        self._populating = False
        self._read_only = True
        self.setObjectName("hazard")
        self.setStyleSheet("#hazard { background: #fff5f5; border: 1px solid #ef9a9a; border-radius: 4px; }")
        title = QLabel(self.tr("Hazard (H to edit; saved as you leave each field)"))
        title.setStyleSheet("font-weight: 600; color: #b71c1c;")
        self.grade_label = QLabel()
        self.grade_label.setObjectName("grade")
        self.basis = QLabel()
        self.basis.setStyleSheet(f"color: {_MUTED};")
        self.basis.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.grade_label)
        top.addWidget(self.basis, 1)

        self.description = QLineEdit()
        self.description.setObjectName("hazard_description")
        self.location = QLineEdit()
        self.location.setObjectName("hazard_location")
        self.location.setPlaceholderText(self.tr("Workshop, floor, equipment …"))
        self.measures = QLineEdit()
        self.measures.setObjectName("hazard_measures")
        self.measures.setPlaceholderText(self.tr("What the enterprise must do"))
        self.responsible = QLineEdit()
        self.responsible.setObjectName("hazard_responsible")
        self.deadline = QDateEdit()
        self.deadline.setObjectName("hazard_deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        # In the order Enter walks them; keyed by the service's field names, so a refusal marks its own field.
        self.field_by_name: dict[str, QLineEdit | QDateEdit] = {
            "description": self.description, "location": self.location, "measures": self.measures,
            "responsible": self.responsible, "deadline": self.deadline}
        self.fields: list[QWidget] = list(self.field_by_name.values())
        for field in self.fields:
            field.installEventFilter(self)
            field.editingFinished.connect(self.save)
        self.error = QLabel()
        self.error.setObjectName("hazard_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet(f"color: {_MUTED};")

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.addWidget(QLabel(self.tr("Description")), 0, 0)
        form.addWidget(self.description, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Location")), 1, 0)
        form.addWidget(self.location, 1, 1)
        form.addWidget(QLabel(self.tr("Responsible")), 1, 2)
        form.addWidget(self.responsible, 1, 3)
        form.addWidget(QLabel(self.tr("Measures")), 2, 0)
        form.addWidget(self.measures, 2, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Deadline")), 3, 0)
        form.addWidget(self.deadline, 3, 1)
        form.addWidget(self.saved_label, 3, 2, 1, 2)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for field in self.fields:
            field.setReadOnly(read_only)

    def has_keyboard(self) -> bool:
        return QApplication.focusWidget() in self.fields

    def offer_wording(self, findings: Iterable[str], measures: Iterable[str]) -> None:
        """The item's typical findings and measures, offered as the inspector types (any text is still accepted)."""
        for edit, texts in ((self.description, list(findings)), (self.measures, list(measures))):
            completer = QCompleter(texts, edit)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer if texts else None)
            edit.setToolTip("\n".join(texts))

    def show_hazard(self, hazard: Hazard | None) -> None:
        """Show the item's hazard (hidden when it has none) with its deadline, or the default one for its grade."""
        self.setVisible(hazard is not None)
        self.error.clear()
        self.saved_label.clear()
        self._mark(None)
        self.hazard = hazard
        if hazard is None:
            return
        self._populating = True
        try:
            major = hazard.grade == "重大"
            self.grade_label.setText(word(hazard.grade))
            self.grade_label.setStyleSheet(
                f"background: {'#8e24aa' if major else '#fb8c00'}; color: white; border-radius: 3px;"
                " padding: 1px 8px; font-weight: 600;")
            self.basis.setText(hazard.basis)
            self.description.setText(hazard.description)
            self.location.setText(hazard.location)
            self.measures.setText(hazard.measures)
            self.responsible.setText(hazard.responsible)
            self._deadline = self.service.hazard_deadline(hazard.id)
            found = date.fromisoformat(hazard.found_on)
            self.deadline.setMinimumDate(QDate(found.year, found.month, found.day))
            deadline = self._deadline or self.service.default_deadline(hazard.grade, found)
            self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        finally:
            self._populating = False

    def drop_if_withdrawn(self, hazards: Iterable[Hazard]) -> None:
        """Nothing typed is saved any more to a hazard the inspection no longer has (its item no longer fails)."""
        if self.hazard is not None and all(hazard.id != self.hazard.id for hazard in hazards):
            self.hazard = None

    def edit(self) -> None:
        """H: the keyboard goes to the description, all of it selected to be typed over."""
        if self.hazard is not None and not self._read_only:
            self.description.setFocus()
            self.description.selectAll()

    def save(self) -> bool:
        """Save the fields through the service when they changed; a refusal shows in red on the field it names."""
        hazard = self.hazard
        if self._populating or hazard is None or self._read_only:
            return True
        deadline = self.deadline.date().toPython()
        values = dict(description=self.description.text(), location=self.location.text(),
                      measures=self.measures.text(), responsible=self.responsible.text())
        unchanged = all(getattr(hazard, name) == value.strip() for name, value in values.items())
        if unchanged and deadline == self._deadline:
            return True
        try:
            updated = self.ops.call("inspections", "edit_hazard", hazard.id, deadline=deadline, **values)
        except ServiceError as exc:
            self.saved_label.clear()  # an earlier "Saved" next to this refusal would say the opposite of it
            self.error.setText(str(exc))
            named = exc.field if isinstance(exc, (HazardFieldError, HazardFieldDenied)) else None
            self._mark(self.field_by_name.get(named))
            return False
        self.hazard = updated
        self._deadline = deadline
        self.error.clear()
        self._mark(None)
        self.saved_label.setText(self.tr("Saved"))
        self.hazard_saved.emit(updated)
        return True

    def _mark(self, wrong: QWidget | None) -> None:
        for field in self.fields:
            field.setStyleSheet("border: 1px solid #c62828;" if field is wrong else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or watched not in self.fields:
            return super().eventFilter(watched, event)
        action = hazard_field_action(event)
        if action is Action.NEXT_FIELD:
            # Enter saves and goes to the next field; after the last one the keys return to the runner.
            if self.save():
                position = self.fields.index(watched)
                if position + 1 < len(self.fields):
                    # All of the next field selected: what is typed replaces the prefilled text, as after H,
                    # instead of being appended to it ("胡浩张伟").
                    self.fields[position + 1].setFocus()
                    self.fields[position + 1].selectAll()
                else:
                    self.editing_ended.emit()
            return True
        if action is Action.TAKE_KEYBOARD:
            if self.save():
                self.editing_ended.emit()
            return True
        if action is Action.KEEP_FIELD and isinstance(watched, QLineEdit):
            return True
        return super().eventFilter(watched, event)
