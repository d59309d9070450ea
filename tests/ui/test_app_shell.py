"""The application shell: first-run set-up, sign-in, main window navigation, remembered state, fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from safety_desk.services.auth import SignIn, needs_setup
from safety_desk.services.setup import initialise
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.first_run import FirstRunDialog
from safety_desk.ui.dialogs.sign_in import SignInDialog
from safety_desk.ui.i18n import register_font
from safety_desk.ui.main_window import PAGE_KEYS, MainWindow
from safety_desk.ui.tasks import InlineTaskRunner


@pytest.fixture
def context(store: Store) -> AppContext:
    session = SignIn(store).sign_in("admin", "pw")
    return AppContext(store=store, session=session, settings=Settings(), tasks=InlineTaskRunner(),
                      device_name="测试设备")


def test_first_start_names_the_office_and_creates_an_account(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    initialise(path)
    with Store.open(path) as store:
        assert needs_setup(store)
        dialog = FirstRunDialog(store, "")
        qtbot.addWidget(dialog)
        # keyClicks cannot type CJK under the offscreen platform (Qt aborts); setText is what an IME delivers.
        dialog.office.setText("市国资委安全办")
        dialog.name.setText("张伟")
        qtbot.keyClicks(dialog.login, "zhangwei")
        qtbot.keyClicks(dialog.password, "secret1")
        qtbot.keyClicks(dialog.repeat, "secret2")
        dialog.on_accept()
        assert "differ" in dialog.message.text()
        assert dialog.session is None and needs_setup(store)
        dialog.repeat.setText("secret1")
        dialog.on_accept()
        assert "8" in dialog.message.text()  # seven characters: refused like any account's
        assert dialog.session is None and needs_setup(store)
        dialog.password.setText("secret12")
        dialog.repeat.setText("secret12")
        dialog.on_accept()
        assert dialog.session is not None and dialog.session.person.login == "zhangwei"
        assert store.offices.current().name == "市国资委安全办"
        assert not needs_setup(store)
        assert SignIn(store).sign_in("zhangwei", "secret12").person.name == "张伟"


def test_sign_in_refuses_a_wrong_password_with_a_message_then_accepts(english, qtbot, store: Store) -> None:
    dialog = SignInDialog(SignIn(store), "测试安全办")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.login, "admin")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.on_accept()
    assert dialog.session is None and "wrong login or password" in dialog.message.text()
    dialog.password.setText("pw")
    dialog.on_accept()
    assert dialog.session is not None and dialog.result() == dialog.DialogCode.Accepted


def test_repeated_failures_make_the_next_try_wait(english, store: Store) -> None:
    from safety_desk.services.auth import SignInFailed

    now = [1000.0]
    sign_in = SignIn(store, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(SignInFailed):
            sign_in.sign_in("admin", "bad")
    with pytest.raises(SignInFailed, match="wait"):
        sign_in.sign_in("admin", "pw")  # right password, but too soon
    now[0] += sign_in.wait_seconds() + 0.1
    assert sign_in.sign_in("admin", "pw").person.login == "admin"


def test_pages_switch_with_ctrl_number_and_the_status_bar_says_who(qtbot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in enumerate(PAGE_KEYS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
    assert "管理员" in window.who.text()
    assert "测试设备" in window.device.text()
    assert any(ch.isdigit() for ch in window.unsynced.text())


def test_window_geometry_and_last_page_are_remembered(qtbot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(1200, 700)
    window.show_page("settings")
    geometry = window.saveGeometry()
    window.close()
    # The offscreen screen is smaller than the window, so Qt clamps a restored size: compare what was kept.
    from safety_desk.ui.main_window import window_settings

    assert window_settings().value("geometry") == geometry
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert again.current_page_key() == "settings"


def test_settings_page_stores_default_deadlines(qtbot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page("settings")
    page = window.pages["settings"]
    page.general_days.setValue(10)
    page.major_days.setValue(45)
    page.on_save()
    loaded = Settings.load()
    assert (loaded.deadline_days_general, loaded.deadline_days_major) == (10, 45)


def test_the_shipped_font_has_chinese_glyphs(qapp) -> None:
    family = register_font()
    assert family == "WenQuanYi Micro Hei"
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "安全检查工作台隐患整改销号")


def test_ctrl_n_starts_an_inspection_when_arriving_by_ctrl_3(qtbot, context: AppContext) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.navigation.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["inspections"]
    assert window.current_page_key() == "inspections" and window.navigation.hasFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "new_dialog", None) is not None and page.new_dialog.isVisible())
    page.new_dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # on another page Ctrl+N does nothing
    page.new_dialog = None
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.new_dialog is None
