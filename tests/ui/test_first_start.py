"""First start without a terminal: an enrolled laptop joins from its file and its inspector signs in; a new
office's set-up goes on to 导入企业名录 → 添加人员 → 登记设备."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from safety_desk.app import Entrance
from safety_desk.domain.uscc import make_uscc
from safety_desk.services import encryption
from safety_desk.services.devices import DeviceService
from safety_desk.services.passwords import hash_password
from safety_desk.services.session import Session
from safety_desk.services.setup import initialise
from safety_desk.store.records import District, DistrictMember, Enterprise, Person
from safety_desk.store.store import Store
from safety_desk.ui.dialogs.first_run import FirstRunDialog
from safety_desk.ui.dialogs.first_start import FirstStartDialog
from safety_desk.ui.dialogs.sign_in import SignInDialog
from safety_desk.ui.tasks import TaskRunner

PASSWORD = "Anquan-2026"
SHOTS = Path(os.environ.get("SAFETY_DESK_SHOTS", "")) if os.environ.get("SAFETY_DESK_SHOTS") else None


def shot(widget, name: str) -> None:
    """Screenshots for a person to look at, when SAFETY_DESK_SHOTS names a folder."""
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def enrolled(tmp_path: Path):
    """An office with 东片区, one enterprise and inspector 李强, and the enrolment of his laptop (its file sealed with
    its passphrase)."""
    office_db = tmp_path / "office" / "safety.db"
    office_db.parent.mkdir()
    initialise(office_db, office_name="市国资委安全办", admin_login="admin", admin_password=PASSWORD)
    output = tmp_path / "U盘" / "李强的笔记本.sdenroll"
    output.parent.mkdir()
    with Store.open(office_db) as store:
        with store.transaction():
            east = store.districts.add(District(id=store.db.new_id(), code="D01", name="东片区"))
            store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=make_uscc("91370200MA3D00001"),
                                             name="市建工集团有限公司", district_id=east.id, industry="建筑施工",
                                             risk_class=2, tracked_since="2026-01-01"))
            li = store.people.add(Person(id=store.db.new_id(), name="李强", login="liqiang", role="inspector",
                                         password_hash=hash_password(PASSWORD)))
            store.members.add(DistrictMember(id=store.db.new_id(), district_id=east.id, person_id=li.id,
                                             role="inspector"))
        return DeviceService(Session(store, store.people.by_login("admin"))).enroll(
            "inspector", "李强的笔记本", output, district_codes=["D01"])


@pytest.fixture
def enrolment(enrolled) -> Path:
    return enrolled.path


def test_a_laptop_joins_from_its_file_and_its_inspector_signs_in(qtbot, tmp_path, enrolled, monkeypatch) -> None:
    enrolment = enrolled.path
    laptop_db = tmp_path / "laptop" / "safety.db"
    laptop_db.parent.mkdir()
    dialog = FirstStartDialog(laptop_db, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(640, 360)
    dialog.show()
    shot(dialog, "first_start")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(enrolment), "")))
    # The file is sealed: a wrong passphrase is refused, naming the file, and nothing is made here.
    asked = []
    dialog.ask_passphrase = lambda _parent, name: (asked.append(name), "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")[1]
    with qtbot.waitSignal(dialog.join_failed, timeout=30_000) as failed:
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert asked == ["李强的笔记本.sdenroll"]
    assert "李强的笔记本.sdenroll" in failed.args[0] and "登记口令不对" in dialog.message.text()
    assert not laptop_db.exists() and dialog.result() != dialog.DialogCode.Accepted
    dialog.ask_passphrase = lambda _parent, _name: None  # cancelled: nothing happens
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert dialog.join_button.isEnabled() and not laptop_db.exists()
    dialog.ask_passphrase = lambda _parent, _name: enrolled.passphrase.lower()  # as read out and typed
    with qtbot.waitSignal(dialog.joined, timeout=30_000) as joined:  # the join runs in the pool
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert joined.args[0].name == "李强的笔记本" and dialog.choice == "joined"
    assert dialog.result() == dialog.DialogCode.Accepted

    entrance = Entrance.open(laptop_db)
    try:
        assert not entrance.is_office_device and not entrance.needs_setup()  # sign-in, not a second office
        assert entrance.office_name == "市国资委安全办"
        sign_in = SignInDialog(entrance.sign_in(), entrance.office_name)
        qtbot.addWidget(sign_in)
        qtbot.keyClicks(sign_in.login, "liqiang")
        qtbot.keyClicks(sign_in.password, PASSWORD)
        sign_in.on_accept()
        assert sign_in.session is not None and sign_in.session.role == "inspector"
        assert [e.name for e in entrance.store.enterprises.active()] == ["市建工集团有限公司"]
        # Joined plain; the first sign-in encrypts it (ui/app.py encrypt_at_first_sign_in), his key slot first.
        assert not encryption.is_encrypted(laptop_db)
        session, encrypted = entrance.encrypt_after_sign_in(sign_in.session, PASSWORD)
        assert encrypted is not None and encrypted.recovery_key and encryption.is_encrypted(laptop_db)
        assert session.person.login == "liqiang"
    finally:
        entrance.close()
        encryption.lock(laptop_db)

    # The file works once: a second computer is refused, told why, and left without a database.
    other_db = tmp_path / "other" / "safety.db"
    other_db.parent.mkdir()
    again = FirstStartDialog(other_db, TaskRunner())
    qtbot.addWidget(again)
    again.ask_passphrase = lambda _parent, _name: enrolled.passphrase
    with qtbot.waitSignal(again.join_failed, timeout=30_000) as failed:
        again.join_from(enrolment)
    assert "已被使用" in failed.args[0] and "已被使用" in again.message.text()
    assert again.join_button.isEnabled() and again.result() != again.DialogCode.Accepted
    assert not other_db.exists()


def test_choosing_a_new_office_leaves_the_set_up_to_the_next_dialog(qtbot, tmp_path) -> None:
    dialog = FirstStartDialog(tmp_path / "safety.db", TaskRunner())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "new" and dialog.result() == dialog.DialogCode.Accepted
    assert not (tmp_path / "safety.db").exists()  # Entrance.open creates it, as before


def test_the_set_up_goes_on_to_the_three_steps_of_going_live(qtbot, tmp_path) -> None:
    path = tmp_path / "safety.db"
    initialise(path)
    with Store.open(path) as store:
        dialog = FirstRunDialog(store, "")
        qtbot.addWidget(dialog)
        dialog.office.setText("市国资委安全办")
        dialog.name.setText("王主任")
        qtbot.keyClicks(dialog.login, "wang")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.repeat, PASSWORD)
        dialog.show()
        dialog.on_accept()
        assert dialog.session is not None and dialog.pages.currentIndex() == 1  # not closed: what next
        assert dialog.result() != dialog.DialogCode.Accepted
        assert "市国资委安全办" in dialog.done_label.text()
        assert list(dialog.step_buttons) == ["enterprises", "people", "devices"]  # in the order they are done
        dialog.resize(640, 420)
        shot(dialog, "first_run_next_steps")
        qtbot.mouseClick(dialog.step_buttons["devices"], Qt.MouseButton.LeftButton)
        assert dialog.next_step == "devices" and dialog.result() == dialog.DialogCode.Accepted


def test_each_next_step_opens_where_it_is_done(qtbot, demo_context, monkeypatch) -> None:
    from safety_desk.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.start_step("devices")
    sync = window.pages["sync"]
    assert window.current_page_key() == "sync" and sync.tabs.currentWidget() is sync.devices_tab
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda _parent, title, *a, **k: (asked.append(title), ("", ""))[1]))
    window.start_step("enterprises")
    assert window.current_page_key() == "enterprises" and asked == ["Import enterprises"]


def test_the_people_step_opens_the_organisation_page_where_the_window_has_one(qtbot, demo_context) -> None:
    from safety_desk.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    before = window.current_page_key()
    window.start_step("people")
    if "organisation" in getattr(window, "page_keys", ()):  # the 组织机构 page (h15org, issue 15)
        assert window.current_page_key() == "organisation"
    else:
        assert window.current_page_key() == before  # nowhere to go yet: the window stays where it was
