"""The runner's current step: a gate question or an item with its answer buttons, note, photos and hazard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from safety_desk.domain.checklist import AnswerKind, AnswerResult, Item, Section
from safety_desk.store.records import Answer, Hazard
from safety_desk.ui.dialogs.form_footer import ERROR_STYLE
from safety_desk.ui.icons import icon
from safety_desk.ui.widgets.hazard_panel import HazardPanel
from safety_desk.ui.widgets.photo_strip import PhotoStrip
from safety_desk.ui.widgets.runner_keys import CHOICE_KEYS
from safety_desk.ui.widgets.runner_step_list import MARKERS

_MUTED = "#546e7a"
_NOTE_STYLE = "#note { background: #fffde7; border: 1px solid #fff59d; border-radius: 3px; padding: 3px 6px; }"


class StepView(QWidget):
    """What the inspector reads and answers for one step, with its photo strip and hazard panel laid out below;
    the runner records the answers and moves on."""

    result_clicked = Signal(str)  # pass, fail or na
    choice_clicked = Signal(str)  # the choice
    gate_clicked = Signal(bool)  # the section applies

    def __init__(self, strip: PhotoStrip, hazard_panel: HazardPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = strip  # the runner records what the strip adds and removes
        self.hazard_panel = hazard_panel  # the runner saves what is typed before it moves on
        self._writable = False
        self._types_value = False  # the shown item is answered by typing, now
        self._choice_buttons: list[QPushButton] = []
        self.section_label = QLabel()
        self.section_label.setStyleSheet(f"color: {_MUTED}; font-weight: 600;")
        self.section_label.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("code")
        self.code_label.setStyleSheet("#code { background: #263238; color: white; border-radius: 3px;"
                                      " padding: 2px 7px; font-weight: 600; }")
        self.major_label = QLabel(self.tr("Major hazard if failed"))
        self.major_label.setStyleSheet("color: #8e24aa; font-weight: 600;")
        heading = QHBoxLayout()
        heading.addWidget(self.code_label)
        heading.addWidget(self.section_label, 1)
        heading.addWidget(self.major_label)
        self.text_label = QLabel()
        self.text_label.setObjectName("text")
        self.text_label.setWordWrap(True)
        self.text_label.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance_label = QLabel()
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setStyleSheet("color: #37474f;")
        self.basis_label = QLabel()
        self.basis_label.setWordWrap(True)
        self.basis_label.setStyleSheet(f"color: {_MUTED}; font-size: 12px;")

        # Gate question (Y / N)
        self.yes_button = _answer_button(self.tr("Y  Yes"), "check-bold", "#2e7d32")
        self.no_button = _answer_button(self.tr("N  No, not applicable"), "minus-thick", "#78909c")
        self.yes_button.clicked.connect(lambda: self.gate_clicked.emit(True))
        self.no_button.clicked.connect(lambda: self.gate_clicked.emit(False))
        self.gate_row = QWidget()
        gate_layout = QHBoxLayout(self.gate_row)
        gate_layout.setContentsMargins(0, 0, 0, 0)
        gate_layout.addWidget(self.yes_button)
        gate_layout.addWidget(self.no_button)
        gate_layout.addStretch(1)

        # Pass / fail / not applicable
        self.pass_button = _answer_button(self.tr("1  Pass"), "check-bold", "#2e7d32")
        self.fail_button = _answer_button(self.tr("2  Fail"), "close-thick", "#c62828")
        self.na_button = _answer_button(self.tr("3  Not applicable"), "minus-thick", "#78909c")
        for button, result in ((self.pass_button, AnswerResult.PASS), (self.fail_button, AnswerResult.FAIL),
                               (self.na_button, AnswerResult.NOT_APPLICABLE)):
            button.clicked.connect(lambda _=False, r=result.value: self.result_clicked.emit(r))

        # Number and text items: a value field; choice items: one button per choice
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("value")
        self.value_edit.setMinimumWidth(160)
        self.unit_label = QLabel()
        self.value_row = QWidget()
        value_layout = QHBoxLayout(self.value_row)
        value_layout.setContentsMargins(0, 0, 0, 0)
        value_layout.addWidget(self.value_edit, 1)
        value_layout.addWidget(self.unit_label)
        self.choice_row = QWidget()
        self.choice_layout = QGridLayout(self.choice_row)
        self.choice_layout.setContentsMargins(0, 0, 0, 0)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")

        answers = QHBoxLayout()
        answers.setSpacing(8)
        answers.addWidget(self.value_row, 2)
        answers.addWidget(self.choice_row, 3)
        answers.addWidget(self.pass_button)
        answers.addWidget(self.fail_button)
        answers.addWidget(self.na_button)
        answers.addWidget(self.result_label)
        answers.addStretch(1)

        # Note and photos
        self.note_button = QPushButton(icon("note-edit-outline"), self.tr("Note (N)"))
        self.note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_label = QLabel()
        self.note_label.setObjectName("note")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(_NOTE_STYLE)
        self.photo_button = QPushButton(icon("camera-plus-outline"), self.tr("Photo (P)"))
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.evidence = QWidget()
        evidence = QGridLayout(self.evidence)
        evidence.setContentsMargins(0, 0, 0, 0)
        evidence.setVerticalSpacing(4)
        evidence.addWidget(self.note_button, 0, 0)
        evidence.addWidget(self.note_label, 0, 1)
        evidence.addWidget(self.photo_button, 1, 0, Qt.AlignmentFlag.AlignTop)
        evidence.addWidget(self.strip, 1, 1)
        evidence.setColumnStretch(1, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(8)
        column.addLayout(heading)
        column.addWidget(self.text_label)
        column.addWidget(self.guidance_label)
        column.addWidget(self.basis_label)
        column.addSpacing(2)
        column.addWidget(self.gate_row)
        column.addLayout(answers)
        column.addWidget(self.evidence)
        column.addWidget(self.hazard_panel)
        column.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows move between items, not the scroll bar
        self.scroll.setWidget(content)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("#hint { background: #eceff1; color: #37474f; border-radius: 3px; padding: 4px 8px; }")

        self.setObjectName("center")
        # A QWidget, not a QFrame: a frame would inset its contents by the border; styled, it paints it.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#center { background: white; border: 1px solid #dde3ea; border-radius: 4px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(1, 1, 1, 6)
        box.setSpacing(4)
        box.addWidget(self.scroll, 1)
        inner = QVBoxLayout()
        inner.setContentsMargins(10, 0, 10, 0)
        inner.addWidget(self.message)
        inner.addWidget(self.hint)
        box.addLayout(inner)

    def set_writable(self, writable: bool) -> None:
        """A draft is answered here; a submitted record is only read."""
        self._writable = writable
        for widget in (self.pass_button, self.fail_button, self.na_button, self.yes_button, self.no_button,
                       self.note_button, self.photo_button):
            widget.setEnabled(writable)
        self.value_edit.setReadOnly(not writable)
        self.hazard_panel.set_read_only(not writable)
        self.strip.set_read_only(not writable)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def show_all_answered(self) -> None:
        self.hint.setText(self.tr("Every item is answered · Ctrl+Enter to sign and submit"))

    def take_keyboard_for_typing(self) -> bool:
        """The value field takes the keys when the shown item is typed (Esc hands them back); True when it did."""
        if self._types_value:
            self.value_edit.setFocus()
            self.value_edit.selectAll()
        return self._types_value

    # -- a gate question ------------------------------------------------------------------------
    def show_gate(self, section: Section, applies: bool | None) -> None:
        self.code_label.setText(section.code)
        self.section_label.setText(section.title)
        self.major_label.hide()
        self.text_label.setText(section.gate.question)
        self.guidance_label.setText(self.tr("Answer No if this part does not apply to the enterprise: its %1 items "
                                            "are hidden and not counted.").replace("%1", str(len(section.items))))
        self.basis_label.setText("")
        self.basis_label.hide()
        self.gate_row.show()
        self.yes_button.setChecked(applies is True)
        self.no_button.setChecked(applies is False)
        for widget in (self.value_row, self.choice_row, self.pass_button, self.fail_button, self.na_button,
                       self.result_label, self.evidence):
            widget.hide()
        self.hazard_panel.show_hazard(None)
        self._types_value = False
        self.hint.setText(self.tr("Y yes · N no (hides the part) · Enter or ↓ next · ↑ previous"))
        self.scroll.verticalScrollBar().setValue(0)

    # -- an item --------------------------------------------------------------------------------
    def show_item(self, section: Section, item: Item, answer: Answer | None, hazard: Hazard | None,
                  major: bool) -> None:
        result = answer.result if answer else None
        self.code_label.setText(item.code)
        self.section_label.setText(section.title)
        self.major_label.setVisible(major)
        self.text_label.setText(item.text)
        self.guidance_label.setText(item.guidance)
        self.basis_label.setText(self.tr("Basis: %1").replace("%1", item.basis))
        self.basis_label.show()
        self.gate_row.hide()

        is_pass_fail = item.kind is AnswerKind.PASS_FAIL
        self.pass_button.setVisible(is_pass_fail)
        self.fail_button.setVisible(is_pass_fail)
        self.na_button.show()
        self.pass_button.setChecked(result == AnswerResult.PASS.value)
        self.fail_button.setChecked(result == AnswerResult.FAIL.value)
        self.na_button.setChecked(result == AnswerResult.NOT_APPLICABLE.value)

        typed = item.kind in (AnswerKind.NUMBER, AnswerKind.TEXT)
        self.value_row.setVisible(typed)
        if typed:
            self.value_edit.setText(answer.value or "" if answer else "")
            self.unit_label.setText(item.unit or "")
            if item.kind is AnswerKind.NUMBER:
                self.value_edit.setPlaceholderText(self._range_text(item))
            else:
                self.value_edit.setPlaceholderText(self.tr("Type the answer, then Enter"))
        # Not after a failure: then the keys are for the hazard (H) and photos (P).
        self._types_value = typed and self._writable and result != AnswerResult.FAIL.value
        self._show_choices(item, answer.value if answer else None)
        self._show_result(item, result)

        self.evidence.show()
        self.show_note(answer.note if answer else "")
        # The owner tells the strip whose photos still processing are, if the inspector moves on meanwhile.
        self.strip.upload_label = self.tr("Item %1: %2").replace("%1", item.code).replace("%2", item.text[:40])
        self.strip.set_photos(list(answer.photos) if answer else [], owner=item.code)
        self.hazard_panel.offer_wording(item.findings, item.measures)
        self.hazard_panel.show_hazard(hazard)
        self.hint.setText(self._hint_for(item, result))
        self.scroll.verticalScrollBar().setValue(0)

    def show_note(self, note: str) -> None:
        self.note_label.setText(note or self.tr("No note"))
        self.note_label.setStyleSheet(_NOTE_STYLE if note else f"#note {{ color: {_MUTED}; padding: 3px 6px; }}")

    def _range_text(self, item: Item) -> str:
        if item.min_value is not None and item.max_value is not None:
            return self.tr("Number, %1 to %2 passes").replace("%1", f"{item.min_value:g}").replace(
                "%2", f"{item.max_value:g}")
        if item.min_value is not None:
            return self.tr("Number, at least %1 passes").replace("%1", f"{item.min_value:g}")
        if item.max_value is not None:
            return self.tr("Number, at most %1 passes").replace("%1", f"{item.max_value:g}")
        return self.tr("Number")

    def _show_choices(self, item: Item, chosen: str | None) -> None:
        for button in self._choice_buttons:
            button.deleteLater()
        self._choice_buttons = []
        is_choice = item.kind is AnswerKind.CHOICE
        self.choice_row.setVisible(is_choice)
        if not is_choice:
            return
        for index, choice in enumerate(item.choices):
            key = CHOICE_KEYS[index] if index < len(CHOICE_KEYS) else ""
            failing = choice in item.fail_choices
            button = _answer_button(f"{key}  {choice}".strip(), "close-thick" if failing else "check-bold",
                                    "#c62828" if failing else "#2e7d32")
            button.setChecked(choice == chosen)
            button.setEnabled(self._writable)
            button.clicked.connect(lambda _=False, c=choice: self.choice_clicked.emit(c))
            self.choice_layout.addWidget(button, index // 2, index % 2)
            self._choice_buttons.append(button)

    def _show_result(self, item: Item, result: str | None) -> None:
        show = item.kind is not AnswerKind.PASS_FAIL and result in ("pass", "fail", "value")
        self.result_label.setVisible(show)
        if show:
            marker, colour, _ = MARKERS[result]
            words = {"pass": self.tr("passes"), "fail": self.tr("fails"), "value": self.tr("recorded")}[result]
            self.result_label.setText(f"{marker} {words}")
            self.result_label.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def _hint_for(self, item: Item, result: str | None) -> str:
        if not self._writable:
            return self.tr("Read-only · ↑↓ move between items")
        if result == AnswerResult.FAIL.value:
            return self.tr("Failed: complete the hazard below (H), add a photo (P, Ctrl+V) — then Enter for the "
                           "next item")
        if item.kind is AnswerKind.NUMBER:
            return self.tr("Type the number, Enter records it · Esc leaves the field (then 3 not applicable, "
                           "N note, P photo) · ↑↓ move")
        if item.kind is AnswerKind.TEXT:
            return self.tr("Type the answer, Enter records it · Esc leaves the field (then 3 not applicable, "
                           "N note) · ↑↓ move")
        if item.kind is AnswerKind.CHOICE:
            last = CHOICE_KEYS[min(len(item.choices), len(CHOICE_KEYS)) - 1]
            return self.tr("A–%1 choose · 3 not applicable · Enter next · ↑↓ move · N note · P photo · "
                           "Ctrl+V paste").replace("%1", last)
        return self.tr("1 pass · 2 fail · 3 not applicable · Enter next · ↑↓ move · N note · P photo · "
                       "Ctrl+V paste photo · Ctrl+Enter submit")


def _answer_button(text: str, icon_name: str, colour: str) -> QPushButton:
    """A big checkable answer button; checked, it is filled with its colour."""
    glyph = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
        glyph.addPixmap(icon(icon_name, colour if mode is QIcon.Mode.Normal else "#90a4ae").pixmap(32, 32),
                        mode, QIcon.State.Off)
        # Checked buttons are filled with the colour: their glyph turns white to stay visible.
        glyph.addPixmap(icon(icon_name, "white").pixmap(32, 32), mode, QIcon.State.On)
    button = QPushButton(glyph, text)
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(34)
    button.setStyleSheet(f"QPushButton {{ padding: 4px 12px; border: 1px solid #b0bec5; border-radius: 4px;"
                         f" background: white; }} QPushButton:checked {{ background: {colour}; color: white;"
                         f" border-color: {colour}; }} QPushButton:disabled {{ color: #90a4ae; }}"
                         # A submitted record still shows its answers plainly.
                         f" QPushButton:checked:disabled {{ background: {colour}; color: white; }}")
    return button
