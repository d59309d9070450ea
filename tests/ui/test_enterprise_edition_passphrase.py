"""The enterprise edition's first start asks for its file's passphrase again, saying why, when one is mistyped."""

from __future__ import annotations

from safety_desk.ui.dialogs.enrol_passphrase import EnrolPassphraseDialog, ask_until_it_opens
from tests.ui.test_first_start import enrolled  # noqa: F401 - the office's sealed enrolment of a laptop


def test_a_mistyped_passphrase_is_asked_again_saying_why_and_the_right_one_opens(qtbot, enrolled) -> None:
    answers = ["AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", enrolled.passphrase.lower()]
    asked = []

    def ask(_parent, name, problem):
        asked.append((name, problem))
        return answers.pop(0)

    assert ask_until_it_opens(None, enrolled.path, ask) == enrolled.passphrase.lower()
    assert [name for name, _ in asked] == ["李强的笔记本.sdenroll"] * 2
    assert asked[0][1] == "" and "登记口令不对" in asked[1][1] and "重新输入" in asked[1][1]
    dialog = EnrolPassphraseDialog("李强的笔记本.sdenroll", problem=asked[1][1])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem.isVisible() and "登记口令不对" in dialog.problem.text()
    assert ask_until_it_opens(None, enrolled.path, lambda *_: None) is None  # cancelled: the start ends quietly
