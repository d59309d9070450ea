"""The window's first sign-in on a plain database encrypts it and shows the recovery key once; the sign-in dialog
opens an encrypted database with the person's password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from safety_desk.app import Entrance
from safety_desk.services import encryption
from safety_desk.ui.app import encrypt_at_first_sign_in
from safety_desk.ui.dialogs.sign_in import SignInDialog


def test_the_first_sign_in_encrypts_and_shows_the_recovery_key_once(qtbot, db_path: Path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _parent, _title, text: shown.append(text)))
    entrance = Entrance.open(db_path)
    try:
        dialog = SignInDialog(entrance.sign_in(), entrance.office_name)
        qtbot.addWidget(dialog)
        dialog.login.setText("admin")
        dialog.password.setText("pw")
        dialog.on_accept()
        assert dialog.session is not None and dialog.password_used == "pw"
        session = encrypt_at_first_sign_in(entrance, dialog.session, dialog.password_used)
        assert encryption.is_encrypted(db_path) and session.store.people.by_login("admin") is not None
        assert len(shown) == 1 and "-" in shown[0].rsplit(" ", 1)[-1]
        encrypt_at_first_sign_in(entrance, session, "pw")
        assert len(shown) == 1
    finally:
        entrance.close()
        encryption.lock(db_path)

    entrance = Entrance.open(db_path)
    try:
        assert entrance.locked
        dialog = SignInDialog(entrance.sign_in(), entrance.office_name)
        qtbot.addWidget(dialog)
        dialog.login.setText("admin")
        dialog.password.setText("wrong-one")
        dialog.on_accept()
        assert dialog.session is None and "密码错误" in dialog.message.text() and entrance.locked
        dialog.password.setText("pw")
        dialog.on_accept()
        assert dialog.session is not None and not entrance.locked
    finally:
        entrance.close()
        encryption.lock(db_path)


def test_the_recovery_key_button_opens_a_locked_database(qtbot, db_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    result = encryption.encrypt_database(db_path, login="admin", password="pw")
    encryption.lock(db_path)
    entrance = Entrance.open(db_path)
    try:
        dialog = SignInDialog(entrance.sign_in(), entrance.office_name)
        qtbot.addWidget(dialog)
        assert not dialog.recovery.isHidden()
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("AAAA" * 8, True)))
        dialog.on_recovery_key()
        assert "恢复密钥不对" in dialog.message.text() and entrance.locked
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (result.recovery_key, True)))
        dialog.on_recovery_key()
        assert not entrance.locked and dialog.recovery.isHidden()
        dialog.login.setText("admin")
        dialog.password.setText("pw")
        dialog.on_accept()
        assert dialog.session is not None
    finally:
        entrance.close()
        encryption.lock(db_path)
