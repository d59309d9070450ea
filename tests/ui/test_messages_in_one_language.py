"""A service's refusal shown in a window reads in the window's language only: Chinese in zh_CN, English in en."""

from __future__ import annotations

import os
import re

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from safety_desk.domain.language import set_language
from safety_desk.services.auth import SignIn
from safety_desk.store.store import Store
from safety_desk.ui.dialogs.sign_in import SignInDialog
from safety_desk.ui.i18n import install_translators

_ENGLISH = re.compile(r"\b[A-Za-z]{2,}\b")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _texts(dialog: QWidget) -> list[str]:
    shown = [dialog.windowTitle()]
    shown += [w.text() for w in dialog.findChildren(QWidget)
              if isinstance(w, (QLabel, QPushButton)) and w.isVisible() and w.text()]
    return shown


def _wrong_password(qtbot, store: Store) -> SignInDialog:
    dialog = SignInDialog(SignIn(store, clock=lambda: 0.0), "测试安全办")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "admin")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.on_accept()
    assert dialog.session is None
    return dialog


def test_a_wrong_password_reads_in_chinese_only_in_the_chinese_window(qtbot, qapp, store: Store, tmp_path) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = _wrong_password(qtbot, store)
        assert dialog.message.text() == "登录名或密码错误"
        english = [t for t in _texts(dialog) if _ENGLISH.search(t.replace("SafetyDesk", ""))]
        assert english == []
        if os.environ.get("SAFETY_DESK_SCREENSHOTS"):  # for a person to look at
            dialog.grab().save(str(tmp_path / "sign-in-wrong-password-zh.png"))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_wrong_password_reads_in_english_only_in_the_english_window(qtbot, store: Store) -> None:
    set_language("en")  # what run_gui does for the en setting; Qt's English is its source text
    dialog = _wrong_password(qtbot, store)
    assert dialog.message.text() == "wrong login or password"
    assert [t for t in _texts(dialog) if _CHINESE.search(t.replace("测试安全办", ""))] == []
