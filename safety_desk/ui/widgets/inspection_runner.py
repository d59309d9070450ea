"""The inspection runner: one checklist item at a time, answered from the keyboard, each answer committed at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QSplitter, QVBoxLayout, QWidget

from safety_desk.domain.checklist import AnswerKind, AnswerResult, Item
from safety_desk.services.inspection_steps import InspectionSteps, Step, grouped_by_reason
from safety_desk.services.errors import ServiceError
from safety_desk.services.inspections import RunnerState
from safety_desk.services.photos import PreparedPhoto
from safety_desk.services.reports import ReportService
from safety_desk.store.records import Photo
from safety_desk.store.records import Hazard
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.report_preview import preview_document
from safety_desk.ui.widgets.hazard_panel import HazardPanel
from safety_desk.ui.widgets.photo_strip import PhotoStrip
from safety_desk.ui.widgets.runner_header import RunnerHeader
from safety_desk.ui.widgets.runner_keys import Action, runner_command, value_field_action
from safety_desk.ui.widgets.runner_step_list import StepList
from safety_desk.ui.widgets.runner_step_view import StepView



class InspectionRunner(QWidget):
    """Header with live counts; the steps on the left; the current step, its photos and hazard on the right."""

    answer_recorded = Signal(str)  # item code
    gate_answered = Signal(str, bool)  # section code, applies
    inspection_submitted = Signal(str)  # inspection id
    step_shown = Signal(int)  # index into steps

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.inspections
        self.step_model = InspectionSteps()
        self.inspection_id: str | None = None
        self.note_dialog: QInputDialog | None = None
        self.sign_dialog = None
        self.print_dialog = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("runner")

        self.header = RunnerHeader()
        self.step_list = StepList(self.step_model)
        self.strip = PhotoStrip(context, keep=self.keep_photo)
        self.hazard_panel = HazardPanel(self.service, ops=context.ops)
        self.view = StepView(self.strip, self.hazard_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.step_list)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 680])
        layout.addWidget(splitter, 1)

        self.header.print_button.clicked.connect(self.print_record)
        self.header.submit_button.clicked.connect(self.on_submit)
        self.step_list.step_clicked.connect(self.show_step)
        self.view.gate_clicked.connect(self.answer_gate)
        self.view.result_clicked.connect(self.answer_current)
        self.view.choice_clicked.connect(self.answer_choice)
        self.view.note_button.clicked.connect(self.edit_note)
        self.view.photo_button.clicked.connect(self.add_photo)
        self.view.value_edit.installEventFilter(self)
        self.strip.photos_added.connect(self.on_photos_added)
        self.strip.photos_added_elsewhere.connect(self.on_photos_added_elsewhere)
        self.strip.failed.connect(self.view.show_message)
        self.strip.photo_removed.connect(self.on_photo_removed)
        self.hazard_panel.hazard_saved.connect(self.on_hazard_saved)
        self.hazard_panel.editing_ended.connect(self.setFocus)
        self._set_enabled_for_state()

    # -- where the run stands (kept by the step model) ------------------------------------------
    @property
    def state(self) -> RunnerState | None:
        return self.step_model.state

    @property
    def steps(self) -> list[Step]:
        return self.step_model.steps

    @property
    def current(self) -> int:
        return self.step_model.current

    @property
    def current_step(self) -> Step | None:
        return self.step_model.current_step

    def current_item(self) -> Item | None:
        return self.step_model.current_item

    def marker_of(self, item_code: str) -> str:
        """The marker the list shows for an item (✓ ✗ — ✎ or ○ when unanswered); for tests and screen readers."""
        return self.step_list.marker_of(item_code)

    def _take_state(self, state: RunnerState) -> None:
        """The inspection as the service returned it after a write."""
        self.step_model.set_state(state)
        self.hazard_panel.drop_if_withdrawn(state.hazards.values())

    # -- loading --------------------------------------------------------------------------------
    def load(self, inspection_id: str) -> None:
        """Show an inspection; a draft resumes at its first unanswered step."""
        self.inspection_id = inspection_id
        self._take_state(self.service.state(inspection_id))
        self.step_list.rebuild()
        self._set_enabled_for_state()
        self.view.message.hide()
        self.show_step(self.step_model.resume_index())

    def print_record(self):
        """Preview the 安全生产检查记录 of the open inspection (a draft prints too, marked as such)."""
        if self.state is None:
            return None
        inspection_id = self.inspection_id
        name = f"检查记录-{self.state.enterprise.name}-{self.state.inspection.started_at[:10]}.pdf"
        self.print_dialog = preview_document(
            self.context, self, self.tr("Inspection record"), name,
            lambda path, session: ReportService(session).inspection_record(inspection_id, path))
        return self.print_dialog

    def _set_enabled_for_state(self) -> None:
        self.header.show_state(self.state)
        self.view.set_writable(self.state is not None and not self.state.read_only)

    # -- showing and moving ---------------------------------------------------------------------
    def show_step(self, index: int) -> None:
        if not self.steps:
            self.step_model.move_to(index)
            return
        self._leave_fields()
        index = self.step_model.move_to(index)
        self.step_list.select(index)
        step = self.current_step
        if step.is_gate:
            self.view.show_gate(step.section, self.state.inspection.gate_answers.get(step.section.code))
        else:
            code = step.item.code
            self.view.show_item(step.section, step.item, self.state.answers.get(code), self.state.hazards.get(code),
                                self.state.is_major(step.item))
        if not self.view.take_keyboard_for_typing() and self.isVisible():
            self.setFocus()
        self.step_shown.emit(index)

    def next_step(self) -> None:
        index = self.step_model.next_index()
        if index is not None:
            self.show_step(index)

    def previous_step(self) -> None:
        index = self.step_model.previous_index()
        if index is not None:
            self.show_step(index)

    def next_pending(self) -> None:
        """To the next step still waiting for an answer (wrapping round); stays when everything is answered."""
        target = self.step_model.next_pending_index()
        if target is None:
            self.show_step(self.current)
            self.view.show_all_answered()
            return
        self.show_step(target)

    def _leave_fields(self) -> None:
        """Before another step shows: save what is typed, and take the keyboard back from the fields."""
        focused = QApplication.focusWidget()
        if self.hazard_panel.has_keyboard():
            self.hazard_panel.save()
        if focused is not None and focused is not self and self.isAncestorOf(focused):
            self.setFocus()

    # -- answering ------------------------------------------------------------------------------
    def answer_current(self, result: str | None, value: str | None = None) -> bool:
        """Record an answer for the current item now; moves on unless it failed. False when refused."""
        item = self.current_item()
        if item is None or self.state.read_only:
            return False
        if self.hazard_panel.has_keyboard():
            self.hazard_panel.save()  # a half-typed hazard field is saved before the answer may withdraw it
        code = item.code
        try:
            self._take_state(self.context.ops.call("inspections", "answer", self.inspection_id, code, result, value=value))
        except ServiceError as exc:
            self.view.show_message(str(exc))
            return False
        self.view.message.hide()
        self.step_list.refresh(self.current)
        self.header.show_state(self.state)
        self.answer_recorded.emit(code)
        if self.state.answers[code].result == AnswerResult.FAIL.value:
            # Stay: the inspector completes the hazard and adds photos before moving on.
            self.show_step(self.current)
        else:
            self.next_pending()
        return True

    def answer_choice(self, choice: str) -> None:
        self.answer_current(None, value=choice)

    def answer_pass_fail(self, result: AnswerResult) -> None:
        if self.current_item().kind is AnswerKind.PASS_FAIL:
            self.answer_current(result.value)
        else:
            self.view.show_message(self.tr("This item is answered with a value, not pass or fail."))

    def answer_gate(self, applies: bool) -> None:
        step = self.current_step
        if step is None or not step.is_gate or self.state.read_only:
            return
        try:
            self._take_state(self.context.ops.call("inspections", "set_gate", self.inspection_id, step.section.code, applies))
        except ServiceError as exc:
            self.view.show_message(str(exc))
            return
        self.view.message.hide()
        self.step_list.rebuild()
        self.header.show_state(self.state)
        self.gate_answered.emit(step.section.code, applies)
        # From the gate: "yes" continues with the part's first open item, "no" with the next open step.
        self.step_model.move_to(self.step_model.gate_index(step.section.code))
        self.next_pending()

    def start_value(self, typed: str) -> None:
        self.view.value_edit.setFocus()
        self.view.value_edit.setText(typed)

    def commit_value(self) -> None:
        """Enter in the value field: record a new or changed value, or just move on."""
        item = self.current_item()
        if item is None:
            return
        text = self.view.value_edit.text().strip()
        answer = self.state.answers.get(item.code)
        if not text or (answer is not None and answer.value == text):
            self.next_step()  # nothing new typed: Enter means "next item", as everywhere else
            return
        self.answer_current(None, value=text)

    # -- notes, photos and the hazard -----------------------------------------------------------
    def edit_note(self) -> None:
        item = self.current_item()
        if item is None or self.state.read_only:
            return
        answer = self.state.answers.get(item.code)
        if answer is None:
            self.view.show_message(self.tr("Answer the item before adding a note."))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Note"))
        dialog.setLabelText(self.tr("Note for %1").replace("%1", item.code))
        dialog.setTextValue(answer.note)
        dialog.setOkButtonText(self.tr("Save"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.resize(520, dialog.sizeHint().height())
        dialog.textValueSelected.connect(lambda text, code=item.code: self.save_note(code, text))
        self.note_dialog = dialog
        dialog.open()

    def save_note(self, item_code: str, note: str) -> None:
        try:
            self._take_state(self.context.ops.call("inspections", "set_note", self.inspection_id, item_code, note.strip()))
        except ServiceError as exc:
            self.view.show_message(str(exc))
            return
        item = self.current_item()
        if item is not None and item.code == item_code:
            self.view.show_note(note.strip())
        self.setFocus()

    def add_photo(self) -> None:
        if self._may_attach():
            self.strip.on_add_clicked()  # the strip's file dialog remembers the camera folder

    def paste_photo(self) -> None:
        if self._may_attach():
            self.strip.add_from_clipboard()

    def _may_attach(self) -> bool:
        item = self.current_item()
        if item is None or self.state.read_only:
            return False
        if item.code not in self.state.answers:
            self.view.show_message(self.tr("Answer the item before adding a photo."))
            return False
        return True

    def keep_photo(self, prepared: PreparedPhoto) -> Photo:
        """Where the strip keeps a new photo: the service, which checks this inspection may still change."""
        return self.context.ops.call("inspections", "keep_photo", self.inspection_id, prepared)

    def on_photos_added(self, photo_ids: list) -> None:
        item = self.current_item()
        if item is None or not photo_ids:
            return
        try:
            self._take_state(self.context.ops.call("inspections", "add_photos", self.inspection_id, item.code, list(photo_ids)))
        except ServiceError as exc:
            self.view.show_message(str(exc))
            return
        self.view.message.hide()
        self.strip.set_photos(list(self.state.answers[item.code].photos))

    def on_photos_added_elsewhere(self, item_code: object, photo_ids: list) -> None:
        """Photos finished processing after the inspector moved on: they belong to the item they were added to."""
        if not photo_ids or self.state is None or self.state.read_only:
            return
        try:
            self._take_state(self.context.ops.call("inspections", "add_photos", self.inspection_id, str(item_code), list(photo_ids)))
        except ServiceError as exc:
            self.view.show_message(str(exc))

    def on_photo_removed(self, photo_id: str) -> None:
        item = self.current_item()
        if item is None or self.state.read_only:
            return
        try:
            self._take_state(self.context.ops.call("inspections", "remove_photo", self.inspection_id, item.code, photo_id))
        except ServiceError as exc:
            self.view.show_message(str(exc))

    def on_hazard_saved(self, hazard: Hazard) -> None:
        self.state.hazards[hazard.item_code] = hazard

    # -- submitting -----------------------------------------------------------------------------
    def on_submit(self) -> None:
        if self.state is None or self.state.read_only:
            return
        self._leave_fields()
        problems = self.step_model.submission_problems()
        if problems:
            self.view.show_message(self.tr("Cannot submit yet (%1): %2").replace("%1", str(len(problems)))
                                   .replace("%2", grouped_by_reason(problems)))
            first = self.step_model.item_index(problems[0].item_code)
            if first is not None:
                self.show_step(first)
            return
        from safety_desk.ui.dialogs.sign_inspection import SignInspectionDialog  # only needed at the end

        dialog = SignInspectionDialog(self.context, self.inspection_id, self)
        dialog.accepted.connect(self.on_signed)
        self.sign_dialog = dialog
        dialog.open()

    def on_signed(self) -> None:
        current = self.current
        self.load(self.inspection_id)
        self.show_step(current)
        self.inspection_submitted.emit(self.inspection_id)

    # -- keyboard (the keys are in runner_keys) -------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.state is None or not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """The runner's keys when no text field has the focus; True when the key was used."""
        command = runner_command(event, self.current_step, self.state.read_only)
        if command is None:
            return False
        _KEY_ACTIONS[command.action](self, *command.args)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is not self.view.value_edit or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        action = value_field_action(event)
        if action is None:
            return super().eventFilter(watched, event)
        if action in (Action.PREVIOUS, Action.NEXT):
            self.setFocus()  # out of the field first, even where there is no step to move to
        _KEY_ACTIONS[action](self)
        return True


# What each action of runner_keys does in the runner. A table of the class rather than of each runner: bound
# methods kept on the instance would tie it in a reference cycle that outlives its deletion by Qt.
_KEY_ACTIONS: dict[Action, Callable[..., object]] = {
    Action.SUBMIT: InspectionRunner.on_submit, Action.PASTE_PHOTO: InspectionRunner.paste_photo,
    Action.TAKE_KEYBOARD: lambda runner: runner.setFocus(),
    Action.NEXT: InspectionRunner.next_step, Action.PREVIOUS: InspectionRunner.previous_step,
    Action.FIRST: lambda runner: runner.show_step(0),
    Action.LAST: lambda runner: runner.show_step(len(runner.steps) - 1),
    Action.GATE_YES: lambda runner: runner.answer_gate(True), Action.GATE_NO: lambda runner: runner.answer_gate(False),
    Action.PASS: lambda runner: runner.answer_pass_fail(AnswerResult.PASS),
    Action.FAIL: lambda runner: runner.answer_pass_fail(AnswerResult.FAIL),
    Action.NOT_APPLICABLE: lambda runner: runner.answer_current(AnswerResult.NOT_APPLICABLE.value),
    Action.NOTE: InspectionRunner.edit_note, Action.PHOTO: InspectionRunner.add_photo,
    Action.HAZARD: lambda runner: runner.hazard_panel.edit(),
    Action.CHOOSE: InspectionRunner.answer_choice, Action.START_VALUE: InspectionRunner.start_value,
    Action.COMMIT_VALUE: InspectionRunner.commit_value,
}
