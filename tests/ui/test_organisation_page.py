"""The 组织机构 page (office only): districts and people through the window's writes, refusals shown where typed;
the sign-in asks for a new password when the office set the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from safety_desk.services.auth import SignIn
from safety_desk.store.store import Store
from safety_desk.ui.dialogs.sign_in import SignInDialog
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.pages.organisation import OrganisationPage


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Every message box the page shows; confirmations answered Yes."""
    seen: dict[str, list] = {"question": [], "information": []}

    def question(parent, title, text, *args):
        seen["question"].append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: seen["information"].append(text)))
    return seen


@pytest.fixture
def page(qtbot, demo_context) -> OrganisationPage:
    page = OrganisationPage(demo_context)
    qtbot.addWidget(page)
    return page


def _rows(store: Store) -> tuple:
    conn = store.db.conn
    return tuple(tuple(map(tuple, conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()))
                 for t in ("district", "person", "district_member"))


def _texts(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _select(table, column: int, text: str) -> None:
    table.selectRow(_texts(table, column).index(text))


def test_only_the_office_gets_the_page(qtbot, context_for) -> None:
    for login, has_it in (("admin", True), ("inspector01a", False), ("leader01", False)):
        window = MainWindow(context_for(login))
        qtbot.addWidget(window)
        assert ("organisation" in window.page_keys) is has_it, login
        if has_it:
            window.show_page("organisation")
            assert isinstance(window.stack.currentWidget(), OrganisationPage)


def test_a_new_district_with_its_inspectors_and_a_refused_duplicate(page, demo_store, shown) -> None:
    editor = page._open_district_editor(None)
    editor.code.setText(_texts(page.districts, 0)[0])  # an existing code
    editor.name.setText("新片区")
    before = _rows(demo_store)
    editor.on_accept()
    assert editor.isVisible() and "片区代码" in editor.message.text()
    assert _rows(demo_store) == before
    editor.code.setText("N1")
    editor.inspectors.item(0).setCheckState(Qt.CheckState.Checked)
    inspector = editor.inspectors.item(0).data(Qt.ItemDataRole.UserRole)
    editor.on_accept()
    assert not editor.isVisible()
    assert "N1" in _texts(page.districts, 0)
    row = next(r for r in page.district_rows if r.district.code == "N1")
    assert [p.login for p in row.inspectors] == [inspector]
    # Renamed, then retired (it holds no enterprise).
    _select(page.districts, 0, "N1")
    editor = page._open_district_editor(page.selected_district())
    editor.name.setText("北片区")
    editor.on_accept()
    assert "北片区" in _texts(page.districts, 1)
    _select(page.districts, 0, "N1")
    page.on_retire_district()
    assert "N1" not in _texts(page.districts, 0)


def test_a_district_with_enterprises_is_not_retired(page, demo_store, shown) -> None:
    page.districts.selectRow(0)
    before = _rows(demo_store)
    page.on_retire_district()
    assert "家企业" in page.status.text() and _rows(demo_store) == before


def test_a_new_inspector_gets_a_one_time_password_shown_once(page, demo_store, shown) -> None:
    editor = page.on_add_person()
    editor.login.setText("newbie")
    editor.name.setText("新检查员")
    editor.role.setCurrentIndex(editor.role.findData("inspector"))
    before = _rows(demo_store)
    editor.on_accept()  # no district
    assert editor.isVisible() and editor.message.text().startswith("片区")
    assert _rows(demo_store) == before
    editor.districts.item(0).setCheckState(Qt.CheckState.Checked)
    editor.on_accept()
    assert not editor.isVisible() and "newbie" in _texts(page.people, 0)
    [text] = shown["information"]
    one_time = text.split("\n\n")[1]
    session = SignIn(demo_store).sign_in("newbie", one_time)
    assert session.person.must_change_password
    # Reset: another one-time password, shown once again; the first stops working.
    _select(page.people, 0, "newbie")
    page.on_reset_password()
    assert len(shown["information"]) == 2
    assert SignIn(demo_store).sign_in("newbie", shown["information"][1].split("\n\n")[1])


def test_an_enterprise_officer_needs_an_enterprise_and_a_weak_password_is_refused(page, demo_store, shown) -> None:
    editor = page.on_add_person()
    editor.login.setText("officer")
    editor.name.setText("企业安全员")
    editor.role.setCurrentIndex(editor.role.findData("enterprise"))
    before = _rows(demo_store)
    editor.on_accept()
    assert editor.message.text().startswith("企业")
    editor.enterprise.set_enterprise(demo_store.enterprises.active()[0])
    editor.typed.setChecked(True)
    editor.password.setText("officer")
    editor.on_accept()
    assert editor.message.text().startswith("密码")
    assert _rows(demo_store) == before
    editor.password.setText("a-long-password")
    editor.on_accept()
    assert not editor.isVisible() and shown["information"] == []  # the office typed it: nothing to show


def test_disable_and_enable_and_the_own_account_stays(page, demo_store, shown) -> None:
    _select(page.people, 0, "inspector01a")
    page.on_disable()
    row = _texts(page.people, 0).index("inspector01a")
    assert page.people.item(row, 5).text() == "Disabled"
    assert page.enable_person.isEnabled() and not page.disable_person.isEnabled()
    page.on_enable()
    assert page.people.item(row, 5).text() == "Active"
    _select(page.people, 0, "admin")
    before = _rows(demo_store)
    page.on_disable()
    assert "不能停用" in page.status.text() and _rows(demo_store) == before


def test_the_page_at_1366x768(qtbot, demo_context, tmp_path: Path) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show_page("organisation")
    window.show()
    qtbot.waitExposed(window)
    page = window.stack.currentWidget()
    page.districts.selectRow(0)
    assert page.districts.rowCount() >= 3 and page.people.rowCount() >= 10
    window.grab().save(str(tmp_path / "organisation-districts.png"))
    page.tabs.setCurrentIndex(1)
    window.grab().save(str(tmp_path / "organisation-people.png"))


def test_sign_in_asks_for_a_new_password_when_the_office_set_it(qtbot, demo_store, demo_context) -> None:
    made = demo_context.desk.organisation.reset_password("inspector01a")
    dialog = SignInDialog(SignIn(demo_store), "测试安全办")
    qtbot.addWidget(dialog)
    dialog.login.setText("inspector01a")
    dialog.password.setText(made.one_time)
    dialog.on_accept()
    assert dialog.session is None and dialog.change_dialog.isVisible()
    change = dialog.change_dialog
    change.new.setText("inspector01a")
    change.again.setText("inspector01a")
    change.on_accept()
    assert "登录名" in change.message.text() and dialog.session is None
    change.new.setText("my-own-password")
    change.again.setText("my-own-password!")
    change.on_accept()
    assert "differ" in change.message.text()
    change.again.setText("my-own-password")
    with qtbot.waitSignal(dialog.accepted):
        change.on_accept()
    assert dialog.session.person.login == "inspector01a" and not dialog.session.person.must_change_password
    assert not SignIn(demo_store).sign_in("inspector01a", "my-own-password").person.must_change_password


def test_anyone_changes_their_own_password_on_the_settings_page(qtbot, context_for, demo_store) -> None:
    from safety_desk.ui.pages.settings import SettingsPage

    settings = SettingsPage(context_for("inspector01a"))
    qtbot.addWidget(settings)
    dialog = settings.on_change_password()
    dialog.current.setText("wrong")
    dialog.new.setText("my-own-password")
    dialog.again.setText("my-own-password")
    dialog.on_accept()
    assert dialog.isVisible() and "当前密码" in dialog.message.text()
    dialog.current.setText("demo")
    dialog.on_accept()
    assert not dialog.isVisible() and "changed" in settings.note.text()
    assert SignIn(demo_store).sign_in("inspector01a", "my-own-password")


def test_the_page_writes_on_the_writer_thread_only(qtbot, context_for, demo_store, shown) -> None:
    """As in the application: the window's own connection may not write; the writer thread does."""
    from safety_desk.ui.operations import Operations

    context = context_for("admin")
    context.ops = Operations(context.desk)
    demo_store.db.conn.execute("PRAGMA query_only = ON")
    try:
        page = OrganisationPage(context)
        qtbot.addWidget(page)
        editor = page.on_add_person()
        editor.login.setText("threaded")
        editor.name.setText("新人")
        editor.role.setCurrentIndex(editor.role.findData("office"))
        editor.on_accept()
        qtbot.waitUntil(lambda: not editor.isVisible() and len(shown["information"]) == 1)
        qtbot.waitUntil(lambda: "threaded" in _texts(page.people, 0))
        _select(page.people, 0, "threaded")
        page.on_disable()
        row = _texts(page.people, 0).index("threaded")
        # The table is read again when the commit is announced, the status line set when the write reports back:
        # two queued deliveries, in either order.
        qtbot.waitUntil(lambda: page.people.item(row, 5).text() == "Disabled"
                        and "threaded disabled" in page.status.text())
        assert demo_store.people.by_login("threaded").active is False
    finally:
        context.ops.close()
        demo_store.db.conn.execute("PRAGMA query_only = OFF")


def test_a_person_is_renamed_and_an_empty_name_is_refused(page, demo_store, shown, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    typed = ["王  小明 ", ""]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (typed.pop(0), True)))
    _select(page.people, 0, "inspector01a")
    page.on_rename_person()
    row = _texts(page.people, 0).index("inspector01a")
    assert page.people.item(row, 1).text() == "王  小明"
    assert demo_store.people.by_login("inspector01a").name == "王  小明"
    assert "王  小明" in page.status.text()
    before = _rows(demo_store)
    _select(page.people, 0, "inspector01a")
    page.on_rename_person()
    assert "不能为空" in page.status.text() and _rows(demo_store) == before
