"""The runner's list of steps: section headings, gate questions and items, each with the marker of its answer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from safety_desk.services.inspection_steps import InspectionSteps
from safety_desk.ui.icons import icon

_STEP_ROLE = Qt.ItemDataRole.UserRole
_MARKER_ROLE = Qt.ItemDataRole.UserRole + 1
# Marker, colour and icon per recorded result; "" is an unanswered item.
MARKERS = {"pass": ("✓", "#2e7d32", "check-bold"), "fail": ("✗", "#c62828", "close-thick"),
           "na": ("—", "#78909c", "minus-thick"), "value": ("✎", "#1565c0", "pencil-outline"),
           "": ("○", "#b0bec5", "circle-outline")}
# A gate question: not answered yet, applies, does not apply.
_GATE_MARKERS = {None: ("?", "#fb8c00", "help-circle-outline"), True: ("✓", "#2e7d32", "check-bold"),
                 False: ("—", "#78909c", "minus-thick")}

_marker_icons: dict[tuple[str, str], QIcon] = {}


def _marker_icon(name: str, colour: str) -> QIcon:
    """A list marker as a ready pixmap: a font icon would be drawn again for every row on every repaint."""
    key = (name, colour)
    if key not in _marker_icons:
        _marker_icons[key] = QIcon(icon(name, colour).pixmap(QSize(28, 28)))
    return _marker_icons[key]


class StepList(QListWidget):
    """Every step of the inspection under its section's heading; a click on one shows it."""

    step_clicked = Signal(int)  # index into the steps

    def __init__(self, step_model: InspectionSteps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_model = step_model
        self._row_of_step: list[int] = []
        self.setObjectName("items")
        # The runner keeps the keyboard: a focused list would eat digits and letters as type-ahead search.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(False)
        self.setIconSize(QSize(14, 14))
        self.setMinimumWidth(200)
        # Long item texts are cut with "…" (the tooltip has all of it), never scrolled sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("#items { border: 1px solid #dde3ea; border-radius: 4px; }"
                           "#items::item { padding: 3px 2px; }"
                           "#items::item:selected { background: #e3f2fd; color: #0d47a1; }")
        self.itemClicked.connect(self.on_row_clicked)

    def rebuild(self) -> None:
        """One row per step after a heading per section (the steps changed: an inspection opened, a gate answered)."""
        steps = self.step_model.steps
        self._row_of_step = []
        self.clear()
        header_font = QFont(self.font())
        header_font.setBold(True)
        step_index = 0
        for section in self.step_model.state.checklist.sections:
            header = QListWidgetItem(section.title)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(header_font)
            header.setForeground(QColor("#263238"))
            header.setBackground(QColor("#eceff1"))
            header.setToolTip(section.title)
            self.addItem(header)
            while step_index < len(steps) and steps[step_index].section is section:
                row = QListWidgetItem()
                row.setData(_STEP_ROLE, step_index)
                self.addItem(row)
                self._row_of_step.append(self.count() - 1)
                self.refresh(step_index)
                step_index += 1

    def refresh(self, step_index: int) -> None:
        """Redraw one step's row after its answer changed."""
        step = self.step_model.steps[step_index]
        state = self.step_model.state
        row = self.item(self._row_of_step[step_index])
        if step.is_gate:
            marker, colour, icon_name = _GATE_MARKERS[state.inspection.gate_answers.get(step.section.code)]
            row.setText(step.section.gate.question)
            row.setToolTip(step.section.gate.question)
            font = QFont(self.font())
            font.setItalic(True)
            row.setFont(font)
        else:
            answer = state.answers.get(step.item.code)
            marker, colour, icon_name = MARKERS[answer.result if answer else ""]
            row.setText(f"{step.item.code}  {step.item.text}")
            row.setToolTip(step.item.text)
        row.setIcon(_marker_icon(icon_name, colour))
        row.setData(_MARKER_ROLE, marker)

    def select(self, step_index: int) -> None:
        """Highlight the shown step and scroll it to the middle."""
        row = self._row_of_step[step_index]
        self.setCurrentRow(row)
        self.scrollToItem(self.item(row), QAbstractItemView.ScrollHint.PositionAtCenter)

    def marker_of(self, item_code: str) -> str:
        """The marker the list shows for an item (✓ ✗ — ✎ or ○ when unanswered); for tests and screen readers."""
        index = self.step_model.item_index(item_code)
        if index is None:
            raise KeyError(item_code)
        return self.item(self._row_of_step[index]).data(_MARKER_ROLE)

    def on_row_clicked(self, row: QListWidgetItem) -> None:
        index = row.data(_STEP_ROLE)
        if index is not None:
            self.step_clicked.emit(int(index))
