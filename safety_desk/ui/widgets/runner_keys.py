"""The inspection runner's keyboard as tables: which key does what on a gate, an item, the value and hazard fields."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from safety_desk.domain.checklist import AnswerKind
from safety_desk.services.inspection_steps import Step


class Action(Enum):
    """What a key asks the runner (or the field that has the keyboard) to do."""

    SUBMIT = auto()
    PASTE_PHOTO = auto()
    TAKE_KEYBOARD = auto()  # the runner takes the keys back from a field
    NEXT = auto()
    PREVIOUS = auto()
    FIRST = auto()
    LAST = auto()
    GATE_YES = auto()
    GATE_NO = auto()
    PASS = auto()
    FAIL = auto()
    NOT_APPLICABLE = auto()
    NOTE = auto()
    PHOTO = auto()
    HAZARD = auto()
    CHOOSE = auto()  # args: the choice
    START_VALUE = auto()  # args: the first character typed
    COMMIT_VALUE = auto()
    NEXT_FIELD = auto()
    KEEP_FIELD = auto()  # swallowed: not a way out of a half-typed field


@dataclass(frozen=True)
class KeyCommand:
    action: Action
    args: tuple[str, ...] = ()


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Letters that pick a choice. N (note), P (photo) and H (hazard) keep their meaning on choice items.
CHOICE_KEYS = "ABCDEFGIJKLMOQRSTUVWXYZ"

MOVES = {Qt.Key.Key_Down: Action.NEXT, Qt.Key.Key_Right: Action.NEXT,
         Qt.Key.Key_Up: Action.PREVIOUS, Qt.Key.Key_Left: Action.PREVIOUS,
         Qt.Key.Key_Return: Action.NEXT, Qt.Key.Key_Enter: Action.NEXT,
         Qt.Key.Key_Home: Action.FIRST, Qt.Key.Key_End: Action.LAST}
GATE_KEYS = {Qt.Key.Key_Y: Action.GATE_YES, Qt.Key.Key_N: Action.GATE_NO}
ITEM_KEYS = {Qt.Key.Key_1: Action.PASS, Qt.Key.Key_2: Action.FAIL, Qt.Key.Key_3: Action.NOT_APPLICABLE,
             Qt.Key.Key_N: Action.NOTE, Qt.Key.Key_P: Action.PHOTO, Qt.Key.Key_H: Action.HAZARD}
VALUE_FIELD_KEYS = {Qt.Key.Key_Return: Action.COMMIT_VALUE, Qt.Key.Key_Enter: Action.COMMIT_VALUE,
                    Qt.Key.Key_Escape: Action.TAKE_KEYBOARD,
                    Qt.Key.Key_Up: Action.PREVIOUS, Qt.Key.Key_Down: Action.NEXT}
HAZARD_FIELD_KEYS = {Qt.Key.Key_Return: Action.NEXT_FIELD, Qt.Key.Key_Enter: Action.NEXT_FIELD,
                     Qt.Key.Key_Escape: Action.TAKE_KEYBOARD,
                     Qt.Key.Key_Up: Action.KEEP_FIELD, Qt.Key.Key_Down: Action.KEEP_FIELD}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


def _control_enter(event: QKeyEvent) -> bool:
    return event.key() in ENTER_KEYS and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


def runner_command(event: QKeyEvent, step: Step | None, read_only: bool) -> KeyCommand | None:
    """What a key does when the runner itself has the keyboard; None when the key is not the runner's."""
    key = event.key()
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers == Qt.KeyboardModifier.ControlModifier and key in ENTER_KEYS:
        return KeyCommand(Action.SUBMIT)
    if event.matches(QKeySequence.StandardKey.Paste):
        return KeyCommand(Action.PASTE_PHOTO)
    if key == Qt.Key.Key_Escape:
        return KeyCommand(Action.TAKE_KEYBOARD)  # back from the photo row or wherever a click left the focus
    if modifiers not in _PLAIN:
        return None
    if key in MOVES:
        return KeyCommand(MOVES[key])
    if step is None or read_only:
        return None
    if step.is_gate:
        return KeyCommand(GATE_KEYS[key]) if key in GATE_KEYS else None
    item = step.item
    if key in ITEM_KEYS:
        return KeyCommand(ITEM_KEYS[key])
    if item.kind is AnswerKind.CHOICE and Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        index = CHOICE_KEYS.find(chr(key))
        if 0 <= index < len(item.choices):
            return KeyCommand(Action.CHOOSE, (item.choices[index],))
    if item.kind in (AnswerKind.NUMBER, AnswerKind.TEXT) and event.text().strip():
        # Typing outside the field starts the value (after Esc, or a click elsewhere).
        return KeyCommand(Action.START_VALUE, (event.text(),))
    return None


def value_field_action(event: QKeyEvent) -> Action | None:
    """What a key does in the value field of a number or text item; None leaves it to the field."""
    return Action.SUBMIT if _control_enter(event) else VALUE_FIELD_KEYS.get(event.key())


def hazard_field_action(event: QKeyEvent) -> Action | None:
    """What a key does in a hazard field; None leaves it to the field."""
    return HAZARD_FIELD_KEYS.get(event.key())
