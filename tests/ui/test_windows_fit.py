"""Every big window fits a 1366×768 laptop with a task bar: its size and its smallest layout, so 保存/关闭 stay reachable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QScrollArea

from safety_desk.ui import screen_fit
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.report_preview import ReportDialog
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.widgets.photo_viewer import PhotoViewer

# A 1366×768 screen less a 40-pixel task bar: what an inspector's laptop leaves for windows.
LAPTOP = QRect(0, 0, 1366, 728)


@pytest.fixture(autouse=True)
def laptop_screen(monkeypatch) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda window: LAPTOP)


def _fits(window) -> None:
    room = QSize(LAPTOP.width() - screen_fit.FRAME_WIDTH, LAPTOP.height() - screen_fit.FRAME_HEIGHT)
    assert window.width() <= room.width() and window.height() <= room.height(), (window, window.size())
    hint = window.minimumSizeHint()
    assert hint.width() <= room.width() and hint.height() <= room.height(), (window, hint)


def _hazard_with_photos(store) -> str:
    row = store.db.conn.execute("SELECT id FROM hazard WHERE photos != '[]' ORDER BY length(photos) DESC LIMIT 1"
                                ).fetchone()
    return row[0]


def test_the_main_window_opens_inside_the_screen(qtbot, demo_context) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    _fits(window)


def test_the_hazard_page_fits(qtbot, demo_context, demo_store) -> None:
    dialog = HazardDetailDialog(demo_context, _hazard_with_photos(demo_store))
    qtbot.addWidget(dialog)
    dialog.show()
    _fits(dialog)


def test_the_photo_viewer_fits(qtbot, demo_context, demo_store) -> None:
    photo_id = demo_store.db.conn.execute("SELECT id FROM photo LIMIT 1").fetchone()[0]
    viewer = PhotoViewer(demo_context, photo_id)
    qtbot.addWidget(viewer)
    viewer.show()
    _fits(viewer)


def test_the_report_preview_fits(qtbot, demo_context) -> None:
    dialog = ReportDialog(demo_context, "周报", "周报.pdf", lambda path: None)
    qtbot.addWidget(dialog)
    _fits(dialog)


def test_the_office_dashboard_needs_no_page_scroll_bar(qtbot, demo_context) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("dashboard")
    page = window.pages["dashboard"]
    qtbot.waitUntil(lambda: page.dashboard is not None)  # its figures, tables and charts filled
    scroll = page.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.widget().height() > 0)
    assert window.height() <= LAPTOP.height() - screen_fit.FRAME_HEIGHT
    # Every figure, chart and table in one view: no page to scroll to find the campaigns.
    assert scroll.widget().minimumSizeHint().height() <= scroll.viewport().height()
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible())


def test_the_ledger_headers_are_not_cut(qtbot, demo_context) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("hazards")
    header = window.pages["hazards"].table.horizontalHeader()
    model = header.model()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title) + 12, title
