"""The runner's key table: choice letters leave N, P and H their meaning; a submitted record only moves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from safety_desk.domain.checklist import AnswerKind, checklist_from_dict
from safety_desk.services.inspection_steps import Step
from safety_desk.ui.widgets.runner_keys import Action, KeyCommand, runner_command


def _key(key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)


def _step(kind: AnswerKind, choices: list[str] | None = None) -> Step:
    item = {"code": "1.1", "text": "t", "guidance": "g", "basis": "b", "kind": kind.value, "weight": 1,
            "photo_on_fail": False, "tag": "V"}
    if choices:
        item |= {"choices": choices, "fail_choices": choices[:1]}
    checklist = checklist_from_dict({
        "id": "keys", "version": 1, "title": "t", "effective": "2026-01-01", "standard": "S",
        "standard_superseded": False, "industries": ["*"], "description": "d",
        "sections": [{"code": "A", "title": "甲", "items": [item]}]})
    section = checklist.sections[0]
    return Step(section, section.items[0])


def test_on_a_choice_item_letters_choose_but_n_p_h_keep_their_meaning(qapp) -> None:
    step = _step(AnswerKind.CHOICE, [f"选项{n}" for n in range(9)])
    assert runner_command(_key(Qt.Key.Key_A, "a"), step, False) == KeyCommand(Action.CHOOSE, ("选项0",))
    assert runner_command(_key(Qt.Key.Key_I, "i"), step, False) == KeyCommand(Action.CHOOSE, ("选项7",))
    for key, action in ((Qt.Key.Key_N, Action.NOTE), (Qt.Key.Key_P, Action.PHOTO), (Qt.Key.Key_H, Action.HAZARD)):
        assert runner_command(_key(key, chr(key).lower()), step, False) == KeyCommand(action)
    assert runner_command(_key(Qt.Key.Key_Z, "z"), step, False) is None  # no 23rd choice


def test_typing_on_a_number_item_starts_its_value(qapp) -> None:
    step = _step(AnswerKind.NUMBER)
    assert runner_command(_key(Qt.Key.Key_7, "7"), step, False) == KeyCommand(Action.START_VALUE, ("7",))
    assert runner_command(_key(Qt.Key.Key_3, "3"), step, False) == KeyCommand(Action.NOT_APPLICABLE)


def test_a_submitted_record_only_moves(qapp) -> None:
    step = _step(AnswerKind.PASS_FAIL)
    assert runner_command(_key(Qt.Key.Key_1, "1"), step, True) is None
    assert runner_command(_key(Qt.Key.Key_Down), step, True) == KeyCommand(Action.NEXT)
    assert runner_command(_key(Qt.Key.Key_1, "1"), step, False) == KeyCommand(Action.PASS)
    assert runner_command(_key(Qt.Key.Key_1, "1", Qt.KeyboardModifier.AltModifier), step, False) is None
    control_enter = _key(Qt.Key.Key_Return, "", Qt.KeyboardModifier.ControlModifier)
    assert runner_command(control_enter, step, False) == KeyCommand(Action.SUBMIT)
