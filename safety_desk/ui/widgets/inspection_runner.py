"""The inspection runner: one checklist item at a time, answered from the keyboard, each answer committed at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QScrollArea,
    QSplitter, QVBoxLayout, QWidget,
)

from safety_desk.domain.checklist import AnswerKind, AnswerResult, Item, Section
from safety_desk.services.errors import ServiceError
from safety_desk.services.inspections import KIND_NAMES, InspectionService, RunnerState
from safety_desk.services.photos import PreparedPhoto
from safety_desk.services.reports import ReportService
from safety_desk.store.records import Photo
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.report_preview import preview_document
from safety_desk.ui.icons import icon
from safety_desk.ui.widgets.photo_strip import PhotoStrip

_ERROR_STYLE = "color: #c62828;"
_MUTED = "#546e7a"
_STEP_ROLE = Qt.ItemDataRole.UserRole
_MARKER_ROLE = Qt.ItemDataRole.UserRole + 1
# Marker and colour per recorded result; "" is an unanswered item.
MARKERS = {"pass": ("✓", "#2e7d32", "check-bold"), "fail": ("✗", "#c62828", "close-thick"),
           "na": ("—", "#78909c", "minus-thick"), "value": ("✎", "#1565c0", "pencil-outline"),
           "": ("○", "#b0bec5", "circle-outline")}
# Letters that pick a choice. N (note), P (photo) and H (hazard) keep their meaning on choice items.
CHOICE_KEYS = "ABCDEFGIJKLMOQRSTUVWXYZ"


@dataclass(frozen=True)
class Step:
    """One stop of the runner: a section's gate question (item None) or an item."""

    section: Section
    item: Item | None = None

    @property
    def is_gate(self) -> bool:
        return self.item is None


def runner_steps(state: RunnerState) -> list[Step]:
    """Gate questions before their sections' items; a section answered "no" keeps only its gate."""
    steps: list[Step] = []
    for section in state.checklist.sections:
        if section.gate is not None:
            steps.append(Step(section))
            if state.inspection.gate_answers.get(section.code) is False:
                continue
        steps.extend(Step(section, item) for item in section.items)
    return steps


_marker_icons: dict[tuple[str, str], QIcon] = {}


def _marker_icon(name: str, colour: str) -> QIcon:
    """A list marker as a ready pixmap: a font icon would be drawn again for every row on every repaint."""
    key = (name, colour)
    if key not in _marker_icons:
        _marker_icons[key] = QIcon(icon(name, colour).pixmap(QSize(28, 28)))
    return _marker_icons[key]


def _grouped(problems: list[str], most: int = 40) -> str:
    """The service's "CODE reason" lines as "reason: code, code, …" so a long list stays readable."""
    by_reason: dict[str, list[str]] = {}
    for problem in problems:
        code, _, reason = problem.partition(" ")
        by_reason.setdefault(reason, []).append(code)
    parts = []
    for reason, codes in by_reason.items():
        shown = "、".join(codes[:most]) + (f" … (+{len(codes) - most})" if len(codes) > most else "")
        parts.append(f"{reason}: {shown}")
    return "；".join(parts)


class InspectionRunner(QWidget):
    """Header with live counts; the visible items on the left; the current item, its photos and hazard."""

    answer_recorded = Signal(str)  # item code
    gate_answered = Signal(str, bool)  # section code, applies
    inspection_submitted = Signal(str)  # inspection id
    step_shown = Signal(int)  # index into steps

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = InspectionService(context.session, context.settings)
        self.inspection_id: str | None = None
        self.state: RunnerState | None = None
        self.steps: list[Step] = []
        self.current = -1
        self._row_of_step: list[int] = []
        self._hazard_id: str | None = None
        self._hazard_deadline: date | None = None
        self._populating = False
        self._choice_buttons: list[QPushButton] = []
        self.note_dialog: QInputDialog | None = None
        self.sign_dialog = None
        self.print_dialog = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("runner")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._build_banner())
        layout.addWidget(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_item_list())
        splitter.addWidget(self._build_center())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 680])
        layout.addWidget(splitter, 1)
        self._set_enabled_for_state()

    # -- building -------------------------------------------------------------------------------
    def _build_banner(self) -> QWidget:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("#banner { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
                                  " border-radius: 4px; padding: 6px 10px; font-weight: 600; }")
        self.banner.hide()
        return self.banner

    def _build_header(self) -> QWidget:
        self.enterprise_label = QLabel()
        self.enterprise_label.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.enterprise_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checklist_label = QLabel()
        self.checklist_label.setStyleSheet(f"color: {_MUTED};")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.setStyleSheet("QProgressBar { background: #e3e8ec; border: none; border-radius: 3px; }"
                                    "QProgressBar::chunk { background: #1e88e5; border-radius: 3px; }")
        self.submit_button = QPushButton(icon("send-check-outline", "white"), self.tr("Submit…"))
        self.submit_button.setObjectName("submit")
        self.submit_button.setToolTip(self.tr("Check, sign and submit (Ctrl+Enter)"))
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.setStyleSheet(
            "#submit { background: #1e88e5; color: white; border: none; border-radius: 4px; padding: 7px 16px;"
            " font-weight: 600; } #submit:disabled { background: #b0bec5; }")
        self.submit_button.clicked.connect(self.on_submit)

        self.print_button = QPushButton(icon("printer-outline"), self.tr("Print record…"))
        self.print_button.setObjectName("print_record")
        self.print_button.setToolTip(self.tr("The inspection record as PDF, to check, print or save "
                                             "(a draft is marked as not yet submitted)"))
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.print_button.clicked.connect(self.print_record)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.enterprise_label)
        text.addWidget(self.checklist_label)
        text.addWidget(self.counts_label)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignTop)
        header = QWidget()
        box = QVBoxLayout(header)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addLayout(row)
        box.addWidget(self.progress)
        return header

    def _build_item_list(self) -> QWidget:
        self.item_list = QListWidget()
        self.item_list.setObjectName("items")
        # The runner keeps the keyboard: a focused list would eat digits and letters as type-ahead search.
        self.item_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.item_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.item_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.item_list.setUniformItemSizes(False)
        self.item_list.setIconSize(QSize(14, 14))
        self.item_list.setMinimumWidth(200)
        # Long item texts are cut with "…" (the tooltip has all of it), never scrolled sideways.
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_list.setStyleSheet("#items { border: 1px solid #dde3ea; border-radius: 4px; }"
                                     "#items::item { padding: 3px 2px; }"
                                     "#items::item:selected { background: #e3f2fd; color: #0d47a1; }")
        self.item_list.itemClicked.connect(self.on_item_clicked)
        return self.item_list

    def _build_center(self) -> QWidget:
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
        self.yes_button = self._answer_button(self.tr("Y  Yes"), "check-bold", "#2e7d32")
        self.no_button = self._answer_button(self.tr("N  No, not applicable"), "minus-thick", "#78909c")
        self.yes_button.clicked.connect(lambda: self.answer_gate(True))
        self.no_button.clicked.connect(lambda: self.answer_gate(False))
        self.gate_row = QWidget()
        gate_layout = QHBoxLayout(self.gate_row)
        gate_layout.setContentsMargins(0, 0, 0, 0)
        gate_layout.addWidget(self.yes_button)
        gate_layout.addWidget(self.no_button)
        gate_layout.addStretch(1)

        # Pass / fail / not applicable
        self.pass_button = self._answer_button(self.tr("1  Pass"), "check-bold", "#2e7d32")
        self.fail_button = self._answer_button(self.tr("2  Fail"), "close-thick", "#c62828")
        self.na_button = self._answer_button(self.tr("3  Not applicable"), "minus-thick", "#78909c")
        self.pass_button.clicked.connect(lambda: self.answer_current(AnswerResult.PASS.value))
        self.fail_button.clicked.connect(lambda: self.answer_current(AnswerResult.FAIL.value))
        self.na_button.clicked.connect(lambda: self.answer_current(AnswerResult.NOT_APPLICABLE.value))

        # Number and text items: a value field; choice items: one button per choice
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("value")
        self.value_edit.setMinimumWidth(160)
        self.value_edit.installEventFilter(self)
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

        # Note
        self.note_button = QPushButton(icon("note-edit-outline"), self.tr("Note (N)"))
        self.note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_button.clicked.connect(self.edit_note)
        self.note_label = QLabel()
        self.note_label.setObjectName("note")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("#note { background: #fffde7; border: 1px solid #fff59d; border-radius: 3px;"
                                      " padding: 3px 6px; }")
        # Photos
        self.photo_button = QPushButton(icon("camera-plus-outline"), self.tr("Photo (P)"))
        self.photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_button.clicked.connect(self.add_photo)
        self.strip = PhotoStrip(self.context, keep=self.keep_photo)
        self.strip.photos_added.connect(self.on_photos_added)
        self.strip.photos_added_elsewhere.connect(self.on_photos_added_elsewhere)
        self.strip.failed.connect(self.on_photos_failed)
        self.strip.photo_removed.connect(self.on_photo_removed)
        self.evidence = QWidget()
        evidence = QGridLayout(self.evidence)
        evidence.setContentsMargins(0, 0, 0, 0)
        evidence.setVerticalSpacing(4)
        evidence.addWidget(self.note_button, 0, 0)
        evidence.addWidget(self.note_label, 0, 1)
        evidence.addWidget(self.photo_button, 1, 0, Qt.AlignmentFlag.AlignTop)
        evidence.addWidget(self.strip, 1, 1)
        evidence.setColumnStretch(1, 1)

        layout_widget = QWidget()
        column = QVBoxLayout(layout_widget)
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
        column.addWidget(self._build_hazard_panel())
        column.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows move between items, not the scroll bar
        self.scroll.setWidget(layout_widget)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("#hint { background: #eceff1; color: #37474f; border-radius: 3px; padding: 4px 8px; }")

        center = QWidget()
        center.setObjectName("center")
        center.setStyleSheet("#center { background: white; border: 1px solid #dde3ea; border-radius: 4px; }")
        box = QVBoxLayout(center)
        box.setContentsMargins(1, 1, 1, 6)
        box.setSpacing(4)
        box.addWidget(self.scroll, 1)
        inner = QVBoxLayout()
        inner.setContentsMargins(10, 0, 10, 0)
        inner.addWidget(self.message)
        inner.addWidget(self.hint)
        box.addLayout(inner)
        return center

    def _build_hazard_panel(self) -> QWidget:
        self.hazard_panel = QFrame()
        self.hazard_panel.setObjectName("hazard")
        self.hazard_panel.setStyleSheet("#hazard { background: #fff5f5; border: 1px solid #ef9a9a;"
                                        " border-radius: 4px; }")
        title = QLabel(self.tr("Hazard (H to edit; saved as you leave each field)"))
        title.setStyleSheet("font-weight: 600; color: #b71c1c;")
        self.grade_label = QLabel()
        self.grade_label.setObjectName("grade")
        self.hazard_basis = QLabel()
        self.hazard_basis.setStyleSheet(f"color: {_MUTED};")
        self.hazard_basis.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.grade_label)
        top.addWidget(self.hazard_basis, 1)

        self.hazard_description = QLineEdit()
        self.hazard_description.setObjectName("hazard_description")
        self.hazard_location = QLineEdit()
        self.hazard_location.setObjectName("hazard_location")
        self.hazard_location.setPlaceholderText(self.tr("Workshop, floor, equipment …"))
        self.hazard_measures = QLineEdit()
        self.hazard_measures.setObjectName("hazard_measures")
        self.hazard_measures.setPlaceholderText(self.tr("What the enterprise must do"))
        self.hazard_responsible = QLineEdit()
        self.hazard_responsible.setObjectName("hazard_responsible")
        self.hazard_deadline = QDateEdit()
        self.hazard_deadline.setObjectName("hazard_deadline")
        self.hazard_deadline.setCalendarPopup(True)
        self.hazard_deadline.setDisplayFormat("yyyy-MM-dd")
        self.hazard_fields: list[QWidget] = [self.hazard_description, self.hazard_location, self.hazard_measures,
                                             self.hazard_responsible, self.hazard_deadline]
        for field in self.hazard_fields:
            field.installEventFilter(self)
            field.editingFinished.connect(self.on_hazard_field_finished)
        self.hazard_error = QLabel()
        self.hazard_error.setObjectName("hazard_error")
        self.hazard_error.setStyleSheet(_ERROR_STYLE)
        self.hazard_error.setWordWrap(True)
        self.hazard_saved = QLabel()
        self.hazard_saved.setStyleSheet(f"color: {_MUTED};")

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.addWidget(QLabel(self.tr("Description")), 0, 0)
        form.addWidget(self.hazard_description, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Location")), 1, 0)
        form.addWidget(self.hazard_location, 1, 1)
        form.addWidget(QLabel(self.tr("Responsible")), 1, 2)
        form.addWidget(self.hazard_responsible, 1, 3)
        form.addWidget(QLabel(self.tr("Measures")), 2, 0)
        form.addWidget(self.hazard_measures, 2, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Deadline")), 3, 0)
        form.addWidget(self.hazard_deadline, 3, 1)
        form.addWidget(self.hazard_saved, 3, 2, 1, 2)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 2)

        layout = QVBoxLayout(self.hazard_panel)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.hazard_error)
        return self.hazard_panel

    def _answer_button(self, text: str, icon_name: str, colour: str) -> QPushButton:
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

    # -- loading --------------------------------------------------------------------------------
    def load(self, inspection_id: str) -> None:
        """Show an inspection; a draft resumes at its first unanswered step."""
        self.inspection_id = inspection_id
        self.state = self.service.state(inspection_id)
        self._rebuild_list()
        self._refresh_header()
        self._set_enabled_for_state()
        self.message.hide()
        self.show_step(self.resume_step())

    def resume_step(self) -> int:
        """The first step still waiting for an answer (where state.first_unanswered() points), else the last item."""
        if self.state.read_only:
            return 0  # a submitted record is read from the top
        pending = next((i for i, step in enumerate(self.steps) if self._pending(step)), None)
        if pending is not None:
            return pending
        visible = self.state.visible_items
        if visible:
            target = visible[self.state.first_unanswered()]
            return next(i for i, step in enumerate(self.steps)
                        if step.item is not None and step.item.code == target.code)
        return 0

    def _pending(self, step: Step) -> bool:
        answers = self.state.answers
        if step.is_gate:
            # A gate nobody answered while its items are being answered anyway is not worth going back to.
            return (step.section.code not in self.state.inspection.gate_answers
                    and not any(item.code in answers for item in step.section.items))
        return step.item.code not in answers

    def _rebuild_list(self) -> None:
        self.steps = runner_steps(self.state)
        self._row_of_step = []
        self.item_list.clear()
        header_font = QFont(self.font())
        header_font.setBold(True)
        step_index = 0
        for section in self.state.checklist.sections:
            header = QListWidgetItem(section.title)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(header_font)
            header.setForeground(QColor("#263238"))
            header.setBackground(QColor("#eceff1"))
            header.setToolTip(section.title)
            self.item_list.addItem(header)
            while step_index < len(self.steps) and self.steps[step_index].section is section:
                row = QListWidgetItem()
                row.setData(_STEP_ROLE, step_index)
                self.item_list.addItem(row)
                self._row_of_step.append(self.item_list.count() - 1)
                self._refresh_row(step_index)
                step_index += 1

    def _refresh_row(self, step_index: int) -> None:
        step = self.steps[step_index]
        row = self.item_list.item(self._row_of_step[step_index])
        if step.is_gate:
            applies = self.state.inspection.gate_answers.get(step.section.code)
            marker, colour, icon_name = {None: ("?", "#fb8c00", "help-circle-outline"),
                                         True: ("✓", "#2e7d32", "check-bold"),
                                         False: ("—", "#78909c", "minus-thick")}[applies]
            row.setText(step.section.gate.question)
            row.setToolTip(step.section.gate.question)
            font = QFont(self.font())
            font.setItalic(True)
            row.setFont(font)
        else:
            answer = self.state.answers.get(step.item.code)
            marker, colour, icon_name = MARKERS[answer.result if answer else ""]
            row.setText(f"{step.item.code}  {step.item.text}")
            row.setToolTip(step.item.text)
        row.setIcon(_marker_icon(icon_name, colour))
        row.setData(_MARKER_ROLE, marker)

    def marker_of(self, item_code: str) -> str:
        """The marker the list shows for an item (✓ ✗ — ✎ or ○ when unanswered); for tests and screen readers."""
        for index, step in enumerate(self.steps):
            if step.item is not None and step.item.code == item_code:
                return self.item_list.item(self._row_of_step[index]).data(_MARKER_ROLE)
        raise KeyError(item_code)

    def _refresh_header(self) -> None:
        state = self.state
        self.enterprise_label.setText(state.enterprise.name)
        kind = KIND_NAMES.get(state.inspection.kind, state.inspection.kind)
        self.checklist_label.setText(f"{state.checklist.title} · {kind}")
        summary = state.summary
        score = "—" if summary.score is None else f"{summary.score:.1f}"
        self.counts_label.setText(
            self.tr("Answered %1 / %2 · failures %3 · major hazards %4 · score %5")
            .replace("%1", str(summary.answered)).replace("%2", str(summary.applicable))
            .replace("%3", str(summary.failed)).replace("%4", str(summary.major_failed)).replace("%5", score))
        self.progress.setMaximum(max(1, summary.applicable))
        self.progress.setValue(summary.answered)
        if state.read_only:
            finished = (state.inspection.finished_at or "")[:16].replace("T", " ")
            self.banner.setText(self.tr("Submitted %1 — this record is read-only").replace("%1", finished))
        self.banner.setVisible(state.read_only)

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
        self.print_button.setEnabled(self.state is not None)
        writable = self.state is not None and not self.state.read_only
        for widget in (self.pass_button, self.fail_button, self.na_button, self.yes_button, self.no_button,
                       self.note_button, self.photo_button, self.submit_button):
            widget.setEnabled(writable)
        self.value_edit.setReadOnly(not writable)
        for field in self.hazard_fields:
            field.setReadOnly(not writable)
        self.strip.set_read_only(not writable)

    # -- showing one step -------------------------------------------------------------------------
    @property
    def current_step(self) -> Step | None:
        return self.steps[self.current] if 0 <= self.current < len(self.steps) else None

    def current_item(self) -> Item | None:
        step = self.current_step
        return step.item if step else None

    def show_step(self, index: int) -> None:
        if not self.steps:
            self.current = -1
            return
        self._leave_fields()
        self.current = max(0, min(index, len(self.steps) - 1))
        row = self._row_of_step[self.current]
        self.item_list.setCurrentRow(row)
        self.item_list.scrollToItem(self.item_list.item(row), QAbstractItemView.ScrollHint.PositionAtCenter)
        self._render()
        self.scroll.verticalScrollBar().setValue(0)
        self.step_shown.emit(self.current)

    def _render(self) -> None:
        step = self.current_step
        writable = not self.state.read_only
        self._populating = True
        try:
            if step.is_gate:
                self._render_gate(step)
            else:
                self._render_item(step.item)
        finally:
            self._populating = False
        answer = self.state.answers.get(step.item.code) if step.item is not None else None
        failed = answer is not None and answer.result == AnswerResult.FAIL.value
        if (writable and not failed and step.item is not None
                and step.item.kind in (AnswerKind.NUMBER, AnswerKind.TEXT)):
            # The value is typed: the field takes the keys (Esc hands them back to the runner). Not after
            # a failure: then the keys are for the hazard (H) and photos (P).
            self.value_edit.setFocus()
            self.value_edit.selectAll()
        elif self.isVisible():
            self.setFocus()

    def _render_gate(self, step: Step) -> None:
        section = step.section
        applies = self.state.inspection.gate_answers.get(section.code)
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
                       self.result_label, self.evidence, self.hazard_panel):
            widget.hide()
        self._hazard_id = None
        self.hint.setText(self.tr("Y yes · N no (hides the part) · Enter or ↓ next · ↑ previous"))

    def _render_item(self, item: Item) -> None:
        answer = self.state.answers.get(item.code)
        result = answer.result if answer else None
        self.code_label.setText(item.code)
        self.section_label.setText(self.current_step.section.title)
        self.major_label.setVisible(item.major_if_failed is not None)
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
        self._build_choices(item, answer.value if answer else None)
        self._render_result(item, result)

        self.evidence.show()
        self._show_note(answer.note if answer else "")
        # The owner tells the strip whose photos still processing are, if the inspector moves on meanwhile.
        self.strip.set_photos(list(answer.photos) if answer else [], owner=item.code)
        self._render_hazard(item)
        self.hint.setText(self._hint_for(item, result))

    def _range_text(self, item: Item) -> str:
        if item.min_value is not None and item.max_value is not None:
            return self.tr("Number, %1 to %2 passes").replace("%1", f"{item.min_value:g}").replace(
                "%2", f"{item.max_value:g}")
        if item.min_value is not None:
            return self.tr("Number, at least %1 passes").replace("%1", f"{item.min_value:g}")
        if item.max_value is not None:
            return self.tr("Number, at most %1 passes").replace("%1", f"{item.max_value:g}")
        return self.tr("Number")

    def _build_choices(self, item: Item, chosen: str | None) -> None:
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
            button = self._answer_button(f"{key}  {choice}".strip(), "close-thick" if failing else "check-bold",
                                         "#c62828" if failing else "#2e7d32")
            button.setChecked(choice == chosen)
            button.setEnabled(not self.state.read_only)
            button.clicked.connect(lambda _=False, c=choice: self.answer_current(None, value=c))
            self.choice_layout.addWidget(button, index // 2, index % 2)
            self._choice_buttons.append(button)

    def _render_result(self, item: Item, result: str | None) -> None:
        show = item.kind is not AnswerKind.PASS_FAIL and result in ("pass", "fail", "value")
        self.result_label.setVisible(show)
        if show:
            marker, colour, _ = MARKERS[result]
            words = {"pass": self.tr("passes"), "fail": self.tr("fails"), "value": self.tr("recorded")}[result]
            self.result_label.setText(f"{marker} {words}")
            self.result_label.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def _render_hazard(self, item: Item) -> None:
        hazard = self.state.hazards.get(item.code)
        self.hazard_panel.setVisible(hazard is not None)
        self.hazard_error.clear()
        self.hazard_saved.clear()
        self._mark_hazard_fields(None)
        self._hazard_id = hazard.id if hazard else None
        if hazard is None:
            return
        major = hazard.grade == "重大"
        self.grade_label.setText(hazard.grade)
        self.grade_label.setStyleSheet(
            f"background: {'#8e24aa' if major else '#fb8c00'}; color: white; border-radius: 3px; padding: 1px 8px;"
            " font-weight: 600;")
        self.hazard_basis.setText(hazard.basis)
        self.hazard_description.setText(hazard.description)
        self.hazard_location.setText(hazard.location)
        self.hazard_measures.setText(hazard.measures)
        self.hazard_responsible.setText(hazard.responsible)
        self._hazard_deadline = self.service.hazard_deadline(hazard.id)
        found = date.fromisoformat(hazard.found_on)
        self.hazard_deadline.setMinimumDate(QDate(found.year, found.month, found.day))
        deadline = self._hazard_deadline or self.service.default_deadline(hazard.grade, found)
        self.hazard_deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))

    def _hint_for(self, item: Item, result: str | None) -> str:
        if self.state.read_only:
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

    # -- moving -----------------------------------------------------------------------------------
    def next_step(self) -> None:
        if self.current < len(self.steps) - 1:
            self.show_step(self.current + 1)

    def previous_step(self) -> None:
        if self.current > 0:
            self.show_step(self.current - 1)

    def next_pending(self) -> None:
        """To the next step still waiting for an answer (wrapping round); stays when everything is answered."""
        order = list(range(self.current + 1, len(self.steps))) + list(range(0, self.current + 1))
        target = next((i for i in order if self._pending(self.steps[i])), None)
        if target is None:
            self.show_step(self.current)
            self.hint.setText(self.tr("Every item is answered · Ctrl+Enter to sign and submit"))
            return
        self.show_step(target)

    def on_item_clicked(self, row_item: QListWidgetItem) -> None:
        index = row_item.data(_STEP_ROLE)
        if index is not None:
            self.show_step(int(index))

    # -- answering --------------------------------------------------------------------------------
    def answer_current(self, result: str | None, value: str | None = None) -> bool:
        """Record an answer for the current item now; moves on unless it failed. False when refused."""
        item = self.current_item()
        if item is None or self.state.read_only:
            return False
        if QApplication.focusWidget() in self.hazard_fields:
            self.save_hazard()  # a half-typed hazard field is saved before the answer may withdraw it
        code = item.code
        try:
            self.state = self.service.answer(self.inspection_id, code, result, value=value)
        except ServiceError as exc:
            self._show_message(str(exc))
            return False
        self.message.hide()
        self._refresh_row(self.current)
        self._refresh_header()
        self.answer_recorded.emit(code)
        if self.state.answers[code].result == AnswerResult.FAIL.value:
            # Stay: the inspector completes the hazard and adds photos before moving on.
            self.show_step(self.current)
        else:
            self.next_pending()
        return True

    def answer_gate(self, applies: bool) -> None:
        step = self.current_step
        if step is None or not step.is_gate or self.state.read_only:
            return
        try:
            self.state = self.service.set_gate(self.inspection_id, step.section.code, applies)
        except ServiceError as exc:
            self._show_message(str(exc))
            return
        self.message.hide()
        section = step.section
        self._rebuild_list()
        self._refresh_header()
        self.gate_answered.emit(section.code, applies)
        # From the gate: "yes" continues with the part's first open item, "no" with the next open step.
        self.current = next(i for i, s in enumerate(self.steps) if s.is_gate and s.section.code == section.code)
        self.next_pending()

    def commit_value(self) -> None:
        """Enter in the value field: record a new or changed value, or just move on."""
        item = self.current_item()
        if item is None:
            return
        text = self.value_edit.text().strip()
        answer = self.state.answers.get(item.code)
        if not text or (answer is not None and answer.value == text):
            self.next_step()  # nothing new typed: Enter means "next item", as everywhere else
            return
        self.answer_current(None, value=text)

    # -- notes and photos ---------------------------------------------------------------------------
    def edit_note(self) -> None:
        item = self.current_item()
        if item is None or self.state.read_only:
            return
        answer = self.state.answers.get(item.code)
        if answer is None:
            self._show_message(self.tr("Answer the item before adding a note."))
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
            self.state = self.service.set_note(self.inspection_id, item_code, note.strip())
        except ServiceError as exc:
            self._show_message(str(exc))
            return
        item = self.current_item()
        if item is not None and item.code == item_code:
            self._show_note(note.strip())
        self.setFocus()

    def _show_note(self, note: str) -> None:
        self.note_label.setText(note or self.tr("No note"))
        self.note_label.setStyleSheet(
            "#note { background: #fffde7; border: 1px solid #fff59d; border-radius: 3px; padding: 3px 6px; }"
            if note else f"#note {{ color: {_MUTED}; padding: 3px 6px; }}")

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
            self._show_message(self.tr("Answer the item before adding a photo."))
            return False
        return True

    def keep_photo(self, prepared: PreparedPhoto) -> Photo:
        """Where the strip keeps a new photo: the service, which checks this inspection may still change."""
        return self.service.keep_photo(self.inspection_id, prepared)

    def on_photos_added(self, photo_ids: list) -> None:
        item = self.current_item()
        if item is None or not photo_ids:
            return
        try:
            self.state = self.service.add_photos(self.inspection_id, item.code, list(photo_ids))
        except ServiceError as exc:
            self._show_message(str(exc))
            return
        self.message.hide()
        self.strip.set_photos(list(self.state.answers[item.code].photos))

    def on_photos_added_elsewhere(self, item_code: object, photo_ids: list) -> None:
        """Photos finished processing after the inspector moved on: they belong to the item they were added to."""
        if not photo_ids or self.state is None or self.state.read_only:
            return
        try:
            self.state = self.service.add_photos(self.inspection_id, str(item_code), list(photo_ids))
        except ServiceError as exc:
            self._show_message(str(exc))

    def on_photo_removed(self, photo_id: str) -> None:
        item = self.current_item()
        if item is None or self.state.read_only:
            return
        try:
            self.state = self.service.remove_photo(self.inspection_id, item.code, photo_id)
        except ServiceError as exc:
            self._show_message(str(exc))

    def on_photos_failed(self, message: str) -> None:
        self._show_message(message)

    # -- hazard -----------------------------------------------------------------------------------
    def edit_hazard(self) -> None:
        if self._hazard_id is not None and not self.state.read_only:
            self.hazard_description.setFocus()
            self.hazard_description.selectAll()

    def on_hazard_field_finished(self) -> None:
        self.save_hazard()

    def save_hazard(self) -> bool:
        """Save the hazard fields through the service when they changed; a refusal shows in red."""
        if self._populating or self._hazard_id is None or self.state is None or self.state.read_only:
            return True
        item = self.current_item()
        hazard = self.state.hazards.get(item.code) if item else None
        if hazard is None or hazard.id != self._hazard_id:
            return True
        deadline = self.hazard_deadline.date().toPython()
        values = dict(description=self.hazard_description.text(), location=self.hazard_location.text(),
                      measures=self.hazard_measures.text(), responsible=self.hazard_responsible.text())
        unchanged = all(getattr(hazard, name) == value.strip() for name, value in values.items())
        if unchanged and deadline == self._hazard_deadline:
            return True
        try:
            updated = self.service.edit_hazard(hazard.id, deadline=deadline, **values)
        except ServiceError as exc:
            self.hazard_error.setText(str(exc))
            self._mark_hazard_fields(self.hazard_description if not values["description"].strip()
                                     else self.hazard_deadline if "期限" in str(exc) else None)
            return False
        self.state.hazards[item.code] = updated
        self._hazard_deadline = deadline
        self.hazard_error.clear()
        self._mark_hazard_fields(None)
        self.hazard_saved.setText(self.tr("Saved"))
        return True

    def _mark_hazard_fields(self, wrong: QWidget | None) -> None:
        for field in self.hazard_fields:
            field.setStyleSheet("border: 1px solid #c62828;" if field is wrong else "")

    def _leave_fields(self) -> None:
        """Before another step shows: save what is typed, and take the keyboard back from the fields."""
        focused = QApplication.focusWidget()
        if focused in self.hazard_fields:
            self.save_hazard()
        if focused is not None and focused is not self and self.isAncestorOf(focused):
            self.setFocus()

    # -- submitting -------------------------------------------------------------------------------
    def submission_problems(self) -> list[str]:
        return self.service.submission_problems(self.inspection_id)

    def on_submit(self) -> None:
        if self.state is None or self.state.read_only:
            return
        self._leave_fields()
        problems = self.submission_problems()
        if problems:
            self._show_message(self.tr("Cannot submit yet (%1): %2").replace("%1", str(len(problems)))
                               .replace("%2", _grouped(problems)))
            codes = {step.item.code: index for index, step in enumerate(self.steps) if step.item is not None}
            first = problems[0].split(" ", 1)[0]
            if first in codes:
                self.show_step(codes[first])
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

    # -- keyboard ---------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.state is None or not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """The runner's keys when no text field has the focus; True when the key was used."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = modifiers == Qt.KeyboardModifier.ControlModifier
        if control and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_submit()
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_photo()
            return True
        if key == Qt.Key.Key_Escape:
            self.setFocus()  # back from the photo row or wherever a click left the focus
            return True
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        moves = {Qt.Key.Key_Down: self.next_step, Qt.Key.Key_Right: self.next_step,
                 Qt.Key.Key_Up: self.previous_step, Qt.Key.Key_Left: self.previous_step,
                 Qt.Key.Key_Return: self.next_step, Qt.Key.Key_Enter: self.next_step,
                 Qt.Key.Key_Home: lambda: self.show_step(0),
                 Qt.Key.Key_End: lambda: self.show_step(len(self.steps) - 1)}
        if key in moves:
            moves[key]()
            return True
        step = self.current_step
        if step is None or self.state.read_only:
            return False
        if step.is_gate:
            if key == Qt.Key.Key_Y:
                self.answer_gate(True)
                return True
            if key == Qt.Key.Key_N:
                self.answer_gate(False)
                return True
            return False
        item = step.item
        if key == Qt.Key.Key_3:
            self.answer_current(AnswerResult.NOT_APPLICABLE.value)
            return True
        if key in (Qt.Key.Key_1, Qt.Key.Key_2):
            if item.kind is AnswerKind.PASS_FAIL:
                self.answer_current(AnswerResult.PASS.value if key == Qt.Key.Key_1 else AnswerResult.FAIL.value)
            else:
                self._show_message(self.tr("This item is answered with a value, not pass or fail."))
            return True
        if key == Qt.Key.Key_N:
            self.edit_note()
            return True
        if key == Qt.Key.Key_P:
            self.add_photo()
            return True
        if key == Qt.Key.Key_H:
            self.edit_hazard()
            return True
        if item.kind is AnswerKind.CHOICE and Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
            index = CHOICE_KEYS.find(chr(key))
            if 0 <= index < len(item.choices):
                self.answer_current(None, value=item.choices[index])
                return True
        if item.kind in (AnswerKind.NUMBER, AnswerKind.TEXT) and event.text().strip():
            # Typing outside the field starts the value (after Esc, or a click elsewhere).
            self.value_edit.setFocus()
            self.value_edit.setText(event.text())
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.value_edit:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.on_submit()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit_value()
                return True
            if key == Qt.Key.Key_Escape:
                self.setFocus()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.setFocus()
                self.previous_step() if key == Qt.Key.Key_Up else self.next_step()
                return True
        elif watched in self.hazard_fields:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Enter saves and goes to the next field; after the last one the keys return to the runner.
                if self.save_hazard():
                    position = self.hazard_fields.index(watched)
                    if position + 1 < len(self.hazard_fields):
                        self.hazard_fields[position + 1].setFocus()
                    else:
                        self.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                if self.save_hazard():
                    self.setFocus()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and isinstance(watched, QLineEdit):
                return True  # not a way out of a half-typed field
        return super().eventFilter(watched, event)
