"""Settings lists the backups and restores one; a full disk or read-only database reaches the user as a message."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.clock import FixedClock
from safety_desk.services.backups import list_backups, take_backup
from safety_desk.store.errors import DiskFull
from safety_desk.store.records import District
from safety_desk.ui import app as app_module
from safety_desk.ui.pages.settings import SettingsPage
from tests.store.test_write_failures import FailingConnection
from tests.ui.test_inspection_runner import GENERAL, _shown_runner, _start, press, runner_context  # noqa: F401


@pytest.fixture
def settings_page(qtbot, demo_context):
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.on_shown()
    return page


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Every message box the panel shows, and the confirmation answered Yes."""
    shown: dict[str, list] = {"question": [], "information": [], "warning": [], "closed": []}

    def question(parent, title, text, *args):
        shown["question"].append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: shown["information"].append(text)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown["warning"].append(text)))
    return shown


def _codes(store) -> set[str]:
    return {row[0] for row in store.db.conn.execute("SELECT code FROM district")}


def test_the_settings_page_lists_backups_newest_first_with_reason_and_size(settings_page, demo_store) -> None:
    panel = settings_page.backups
    assert panel.table.rowCount() == 0 and "No backups yet" in panel.status.text()
    start = datetime(2026, 11, 20, 9, tzinfo=BEIJING)
    take_backup(demo_store, "daily", clock=FixedClock(start))
    take_backup(demo_store, "import", clock=FixedClock(start + timedelta(days=2)))
    settings_page.on_shown()
    assert panel.table.rowCount() == 2
    first = [panel.table.item(0, c).text() for c in range(3)]
    assert first[0] == "2026-11-22 09:00:00" and first[1] == "Before an import"
    assert first[2].endswith(("KB", "MB"))
    assert panel.table.item(1, 1).text() == "Daily (automatic at start)"
    assert str(demo_store.path.parent / "demo-backups") in panel.where.text()


def test_back_up_now_adds_a_manual_backup(qtbot, settings_page, demo_store) -> None:
    panel = settings_page.backups
    assert panel.back_up.isVisible()
    qtbot.mouseClick(panel.back_up, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "By hand"
    assert [b.reason for b in list_backups(demo_store.path)] == ["manual"]


def test_restoring_the_selected_backup_asks_first_then_restores_and_closes(qtbot, settings_page, demo_store,
                                                                           answers, monkeypatch) -> None:
    panel = settings_page.backups
    monkeypatch.setattr(panel, "close_program", lambda: answers["closed"].append(True))
    take_backup(demo_store, "daily", clock=FixedClock(datetime(2026, 11, 27, 8, tzinfo=BEIJING)))
    demo_store.districts.add(District(id=demo_store.db.new_id(), code="LATER", name="备份之后的片区"))
    settings_page.on_shown()
    assert not panel.restore.isEnabled()
    panel.table.selectRow(0)
    assert panel.restore.isEnabled()
    qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    assert answers["closed"] == [True]
    assert "2026-11-27 08:00:00" in answers["question"][0]
    assert "close" in answers["information"][0] and answers["warning"] == []
    assert "LATER" not in _codes(demo_store)  # the restored contents (the window then closes)
    kept = [b for b in list_backups(demo_store.path) if b.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].path.name in answers["information"][0]


def test_a_cancelled_confirmation_changes_nothing(qtbot, settings_page, demo_store, monkeypatch) -> None:
    panel = settings_page.backups
    take_backup(demo_store, "daily")
    settings_page.on_shown()
    panel.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(panel, "close_program", lambda: pytest.fail("closed after a cancelled restore"))
    before = demo_store.path.read_bytes()
    qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    assert demo_store.path.read_bytes() == before
    assert [b.reason for b in list_backups(demo_store.path)] == ["daily"]


def test_restoring_a_bad_file_shows_why_and_keeps_the_program_open(qtbot, settings_page, demo_store, answers,
                                                                   monkeypatch, tmp_path: Path) -> None:
    panel = settings_page.backups
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(empty), "")))
    monkeypatch.setattr(panel, "close_program", lambda: answers["closed"].append(True))
    before = demo_store.path.read_bytes()
    qtbot.mouseClick(panel.restore_file, Qt.MouseButton.LeftButton)
    assert answers["warning"] != []
    assert "空文件" in answers["warning"][0] and "空文件" in panel.status.text()
    assert answers["closed"] == [] and panel.restore_file.isEnabled()
    assert demo_store.path.read_bytes() == before
    assert list_backups(demo_store.path) == []


def test_only_the_office_sees_the_backup_buttons(qtbot, context_for) -> None:
    page = SettingsPage(context_for(_an_inspector(context_for)))
    qtbot.addWidget(page)
    page.on_shown()
    panel = page.backups
    assert not panel.back_up.isVisibleTo(page) and not panel.restore.isVisibleTo(page)
    assert not panel.restore_file.isVisibleTo(page)
    # No list either (it used to show an empty table): an inspector can neither take nor restore a backup, so the
    # panel says in a sentence that the office manages them.
    assert not panel.table.isVisibleTo(page) and not panel.where.isVisibleTo(page)
    assert panel.managed_by_office.isVisibleTo(page) and "safety office" in panel.managed_by_office.text()


def _an_inspector(context_for) -> str:
    store = context_for("admin").store
    return store.db.conn.execute("SELECT login FROM person WHERE role = 'inspector' LIMIT 1").fetchone()[0]


# -- write failures reach the user -------------------------------------------------------------------------
def test_a_full_disk_while_answering_shows_the_message_and_keeps_the_answers(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    press(qtbot, runner, Qt.Key.Key_1)  # 1.1 passes, saved
    db = runner_context.store.db
    real = db.conn
    db.conn = FailingConnection(real, "INSERT INTO WRITE_LOG")
    press(qtbot, runner, Qt.Key.Key_1)  # 1.2: the disk is full
    db.conn = real
    assert runner.view.message.isVisibleTo(runner)
    assert "磁盘已满，刚才的修改未保存，之前的数据完好" in runner.view.message.text()
    assert runner.current_item().code == "1.2"  # stays on the item that was not saved
    answers = runner.service.state(inspection_id).answers
    assert list(answers) == ["1.1"]
    press(qtbot, runner, Qt.Key.Key_1)  # space again: answering carries on
    assert list(runner.service.state(inspection_id).answers) == ["1.1", "1.2"]
    runner.close()


def test_an_uncaught_store_error_becomes_a_message_box(monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", lambda *a: shown.append("default hook"))
    app_module.install_store_error_hook(parent_of=lambda: None)
    error = DiskFull("磁盘已满，刚才的修改未保存，之前的数据完好 (the disk is full)")
    sys.excepthook(DiskFull, error, None)
    sys.excepthook(RuntimeError, RuntimeError("a bug"), None)
    assert shown == [str(error), "default hook"]


def test_the_start_backup_runs_in_the_task_runner_at_most_daily(qtbot, demo_context, monkeypatch) -> None:
    path = demo_context.store.path
    made = []
    app_module.start_backup(demo_context, None).finished.connect(made.append)
    assert made[0].reason == "daily" and len(list_backups(path)) == 1
    app_module.start_backup(demo_context, None).finished.connect(made.append)  # again the same day
    assert made[1] is None and len(list_backups(path)) == 1


def test_a_failed_start_backup_is_shown_and_the_program_carries_on(qtbot, demo_context, monkeypatch) -> None:
    from safety_desk.store import backups as backup_store

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))

    def full(conn, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_store, "backup_copy", full)
    app_module.start_backup(demo_context, None)
    assert "磁盘已满" in shown[0] and "数据库未改动" in shown[0]
