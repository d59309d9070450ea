import os
from pathlib import Path
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QPushButton
from safety_desk.app import Entrance
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.devices import DeviceService
from safety_desk.services.passwords import hash_password
from safety_desk.services.session import Session
from safety_desk.services.setup import initialise
from safety_desk.store.records import District, Enterprise, Person
from safety_desk.store.store import Store
from safety_desk.ui.dialogs.first_start import FirstStartDialog
from safety_desk.ui.dialogs.enrol_passphrase import EnrolPassphraseDialog
from safety_desk.ui.dialogs.sign_in import SignInDialog
from safety_desk.ui.tasks import TaskRunner
from safety_desk.ui.i18n import install_translators

SHOTS = Path("/tmp/office/shots")
PASSWORD = "Anquan-2026"

def shot(w, name):
    w.grab().save(str(SHOTS / f"{name}.png"))

def test_walk(qtbot, qapp, tmp_path, monkeypatch):
    install_translators(qapp, "zh_CN")
    office_db = tmp_path / "office.db"
    initialise(office_db, office_name="市国资委安全办", admin_login="admin", admin_password=PASSWORD)
    out = tmp_path / "市水务集团.sdenroll"
    with Store.open(office_db) as store:
        with store.transaction():
            east = store.districts.add(District(id=store.db.new_id(), code="D01", name="东片区"))
            ent = store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=make_uscc("91370200MA3D00001"),
                                             name="市水务集团有限公司", district_id=east.id, industry="其他",
                                             risk_class=2, tracked_since="2026-01-01"))
            store.people.add(Person(id=store.db.new_id(), name="王芳", login="wangfang", role="enterprise",
                                    enterprise_id=ent.id, password_hash=hash_password("Temp-12345"), must_change_password=True))
        enrolled = DeviceService(Session(store, store.people.by_login("admin"))).enroll(
            "enterprise", "市水务集团", out, uscc=ent.uscc)
    db = tmp_path / "pc" / "safety.db"; db.parent.mkdir()
    first = FirstStartDialog(db, TaskRunner()); qtbot.addWidget(first); first.show(); first.resize(640, 360)
    shot(first, "e1_first_start")
    pp = EnrolPassphraseDialog(out.name); qtbot.addWidget(pp); pp.show(); shot(pp, "e2_passphrase")
    first.ask_passphrase = lambda _p, _n: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"
    with qtbot.waitSignal(first.join_failed, timeout=30000):
        first.join_from(out)
    shot(first, "e3_wrong_passphrase")
    first.ask_passphrase = lambda _p, _n: enrolled.passphrase
    with qtbot.waitSignal(first.joined, timeout=30000):
        first.join_from(out)
    entrance = Entrance.open(db)
    sign = SignInDialog(entrance.sign_in(), entrance.office_name); qtbot.addWidget(sign); sign.show()
    shot(sign, "e4_sign_in")
    qtbot.keyClicks(sign.login, "wangfang"); qtbot.keyClicks(sign.password, "wrong-pass")
    sign.on_accept(); shot(sign, "e5_sign_in_wrong")
    sign.password.clear(); qtbot.keyClicks(sign.password, "Temp-12345")
    def grab_change():
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w is not sign and isinstance(w, QDialog) and w.windowTitle():
                shot(w, "e6_change_password")
                print("DIALOG", type(w).__name__, w.windowTitle())
                w.reject()
    sign.on_accept()
    cd = sign.change_dialog; cd.resize(cd.sizeHint()); shot(cd, "e6_change_password")
    print([type(c).__name__ + ":" + c.objectName() for c in cd.findChildren(QWidget) if c.objectName()])
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.main_window import MainWindow
    from safety_desk.ui.operations import Operations
    sign.on_new_password(sign._sign_in.sign_in("wangfang", "Temp-12345"), "Temp-12345", "Shuiwu-2026x")
    print("session", sign.session)
    desk = entrance.desk(sign.session)
    ctx = AppContext(desk=desk, tasks=TaskRunner(), device_name=entrance.device_name, ops=Operations(desk))
    win = MainWindow(ctx); qtbot.addWidget(win); win.resize(1280, 800); win.show()
    qtbot.wait(300)
    shot(win, "e7_window_fresh")
    for key in ("inspections", "hazards", "sync"):
        win.show_page(key); qtbot.wait(300); shot(win, f"e8_{key}")
    win.show_page("inspections")
    dlg = win.pages["inspections"].new_inspection(None); qtbot.wait(300)
    dlg.resize(dlg.sizeHint().expandedTo(dlg.size())); shot(dlg, "e9_new_self_inspection")
    print("ok enabled", [b.text() + str(b.isEnabled()) for b in dlg.findChildren(QPushButton)])
    ok = [b for b in dlg.findChildren(QPushButton) if b.isEnabled() and b.text() in ("确定", "开始", "开始检查", "开始自查")]
    if ok:
        ok[0].click(); qtbot.wait(500); shot(win, "e10_inspection_started")
    ctx.ops.close()
    entrance.close()
