"""Every background call site of the UI on the real thread pool: each task finishes in a worker, and none uses the
window's connection (Database.check_thread is on in tests; the real_pool fixture notes any use that was caught).

The Sync page's call sites are tested in test_sync_page.py, on its pair of devices.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QMessageBox

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.photos import PhotoService, ingest_bytes, store_prepared
from safety_desk.services.doctor import run_doctor
from safety_desk.media.thumbnails import thumbnail_file
from safety_desk.store.backups import list_backups
from safety_desk.ui import app as app_module
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.models.thumbnail_source import ThumbnailSource
from safety_desk.ui.pages.dashboard import DashboardPage
from safety_desk.ui.pages.enterprises import EnterprisesPage
from safety_desk.ui.pages.hazards import HazardsPage
from safety_desk.ui.pages.reports import ReportsPage
from safety_desk.ui.pages.settings import SettingsPage
from safety_desk.ui.widgets.photo_strip import PhotoStrip

UI = Path(__file__).resolve().parents[2] / "safety_desk" / "ui"
# Where the UI starts background work, and how many times: each is exercised on the real pool below (or, for the
# Sync page, in test_sync_page.py; for the first start's join, in test_first_start.py; for the network hub's
# background exchange, in tests/hub/test_hub_gui.py, against a live hub; for the hub's previews, the status bar's
# count and their list, in test_hub_previews_shown.py). A new call site belongs in this list and in a test here.
CALL_SITES = {
    "app.py": 1, "dialogs/first_start.py": 1, "dialogs/ledger_export.py": 1, "dialogs/report_preview.py": 1,
    "dialogs/spreadsheet_import.py": 1, "main_window.py": 2, "models/thumbnail_source.py": 1, "pages/dashboard.py": 1, "pages/settings.py": 2,
    "pages/sync.py": 2, "widgets/pdf_preview.py": 1, "widgets/photo_strip.py": 2, "hub_syncer.py": 2,
    "dialogs/hub_previews.py": 1, "widgets/preview_status.py": 1,
}


def _jpeg(colour=(200, 60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_every_call_site_is_listed() -> None:
    found = {}
    for path in sorted(UI.rglob("*.py")):
        count = path.read_text("utf-8").count("tasks.start(")
        if count and path.name != "tasks.py":
            found[path.relative_to(UI).as_posix()] = count
    assert found == CALL_SITES


def test_the_main_window_reads_its_status_and_reminders_in_workers(qtbot, demo_context, real_pool) -> None:
    demo_context.tasks = real_pool
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.refresh_status()
    window.remind_once_a_day()
    real_pool.done()
    assert len(real_pool.started) >= 2
    qtbot.waitUntil(lambda: any(ch.isdigit() for ch in window.unsynced.text()))


def test_the_dashboard_computes_in_a_worker(qtbot, demo_context, real_pool) -> None:
    demo_context.tasks = real_pool
    page = DashboardPage(demo_context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=20_000):
        page.on_shown()
    real_pool.done()
    assert page.dashboard is not None and page.dashboard.figures


def test_the_ledger_export_writes_in_a_worker(qtbot, demo_context, tmp_path, real_pool, monkeypatch) -> None:
    demo_context.tasks = real_pool
    page = HazardsPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    target = tmp_path / "ledger.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    page.on_export_clicked()
    (_name, _how, rows), = real_pool.done()
    assert rows == page.model.total() > 0 and target.exists()
    qtbot.waitUntil(lambda: bool(told))


def test_the_spreadsheet_import_checks_and_writes_in_a_worker_on_a_connection_of_its_own(
        qtbot, demo_context, tmp_path, real_pool, monkeypatch) -> None:
    demo_context.tasks = real_pool
    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    district = demo_context.store.districts.active()[0]
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "片区", "行业"])
    book.active.append(["青岛后台导入机械有限公司", make_uscc("91370200MA3C0BG01"), district.name, "机械"])
    path = tmp_path / "e.xlsx"
    book.save(path)
    before = len(demo_context.store.enterprises.active())
    dialog = page.open_import(str(path))
    real_pool.done()
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.result.added == 1 and len(demo_context.store.enterprises.active()) == before  # only checked
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    real_pool.done()
    # Written by the worker's connection; the window's sees it, and its next write continues the audit chain.
    names = {e.name for e in demo_context.store.enterprises.active()}
    assert len(names) == before + 1 and "青岛后台导入机械有限公司" in names
    demo_context.store.districts.update(district.id, name=district.name + "（改）")
    assert run_doctor(demo_context.store).ok


def test_a_document_is_made_in_a_worker(qtbot, demo_context, demo_as_of, real_pool) -> None:
    demo_context.tasks = real_pool
    page = ReportsPage(demo_context.at(demo_as_of))
    qtbot.addWidget(page)
    page.choose_week("2026-W48")
    with qtbot.waitSignal(page.generated, timeout=20_000) as blocker:
        page.generate()
    real_pool.done()
    assert Path(blocker.args[0]).exists() and page.preview.page_count() > 0


def test_a_document_is_printed_in_a_worker(qtbot, demo_context, demo_as_of, real_pool, tmp_path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    demo_context.tasks = real_pool
    page = ReportsPage(demo_context.at(demo_as_of))
    qtbot.addWidget(page)
    page.choose_week("2026-W48")
    with qtbot.waitSignal(page.generated, timeout=20_000) as blocker:
        page.generate()
    real_pool.done()
    output = tmp_path / "printed.pdf"

    def to_file(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(output))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    with qtbot.waitSignal(page.preview.printed, timeout=20_000):
        assert page.preview.print_document()
    real_pool.done()
    assert output.read_bytes() == Path(blocker.args[0]).read_bytes()


def test_the_backup_at_start_runs_in_a_worker(qtbot, demo_context, real_pool) -> None:
    demo_context.tasks = real_pool
    app_module.start_backup(demo_context, None)
    (_name, _how, backup), = real_pool.done()
    assert backup.reason == "daily" and list_backups(demo_context.store.path) == [backup]


def test_back_up_now_and_restore_run_in_workers(qtbot, demo_context, real_pool, monkeypatch) -> None:
    demo_context.tasks = real_pool
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    panel = page.backups
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    closed = []
    monkeypatch.setattr(panel, "close_program", lambda: closed.append(True))
    panel.back_up.click()
    real_pool.done()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.table.selectRow(0)
    panel.restore.click()
    real_pool.done()
    qtbot.waitUntil(lambda: closed == [True])


def test_cell_thumbnails_are_made_in_a_worker(qtbot, demo_context, real_pool) -> None:
    store = demo_context.store
    photo = ingest_bytes(store, _jpeg(), "现场.jpg")
    thumbnail_file(store.media_dir, photo.id).unlink(missing_ok=True)  # made on demand then
    source = ThumbnailSource(PhotoService(demo_context.session), real_pool)
    ready = []
    assert source.pixmap(photo.id, lambda: ready.append(True)) is None
    real_pool.done()
    qtbot.waitUntil(lambda: ready == [True])
    assert source.pixmap(photo.id, lambda: None) is not None


def test_the_photo_strip_processes_files_and_makes_thumbnails_in_workers(qtbot, demo_context, tmp_path,
                                                                          real_pool) -> None:
    demo_context.tasks = real_pool
    store = demo_context.store
    session = demo_context.session  # what an owner's keep_photo does, minus the owner's record
    strip = PhotoStrip(demo_context, keep=lambda prepared: store_prepared(session.store, prepared, session.person.id,
                                                                          session.clock))
    qtbot.addWidget(strip)
    path = tmp_path / "a.jpg"
    path.write_bytes(_jpeg((10, 200, 10)))
    with qtbot.waitSignal(strip.photos_added, timeout=20_000):
        strip.add_files([str(path)])
    real_pool.done()
    older = ingest_bytes(store, _jpeg((10, 10, 200)), "旧.jpg")
    thumbnail_file(store.media_dir, older.id).unlink(missing_ok=True)
    strip.set_photos([older.id])
    real_pool.done()
    assert len(real_pool.started) == 2
    qtbot.waitUntil(lambda: thumbnail_file(store.media_dir, older.id).exists())
