"""Previews in the window: the hazard's banner 企业已上报整改，待安全办确认 with the note, the status bar's count
and the list with its photos, each gone once the hub's listing no longer holds the upload."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QLabel

from safety_desk.domain.sync_model import WHOLE_ROW, Change
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.sync.change_codec import encode_changes
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.widgets.preview_status import PreviewStatus

SHOTS = Path(os.environ["SAFETY_DESK_SHOTS"]) if os.environ.get("SAFETY_DESK_SHOTS") else None
NOTE = "配电箱已加锁，警示标识已张贴"


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _report(context, hazard) -> tuple[dict, dict[str, bytes]]:
    """A hub listing entry: the hazard's enterprise reports it rectified with a note and an after-photo."""
    data = _jpeg((40, 160, 60))
    sha = hashlib.sha256(data).hexdigest()
    columns = context.store.db.columns("hazard_event")
    event = {column: None for column in columns} | {
        "id": "0190a000-0000-7000-8000-000000000001", "hazard_id": hazard.id, "kind": "reported_rectified",
        "at": "2026-12-05T09:30:00+08:00", "clock": "1796441400000-000000-ent-device", "reason": NOTE,
        "photos": f'["{sha}"]'}
    change = Change("hazard_event", event["id"], WHOLE_ROW, event["clock"], "", event)
    entry = {"bundle_id": "ent-device-7", "sender": "ent-device", "sender_name": "企业电脑",
             "enterprise_id": hazard.enterprise_id, "taken_ms": 1796441400000,
             "changes": encode_changes([change]).decode(), "photos": [sha]}
    return entry, {sha: data}


def _hazards(context, count: int = 2):
    return context.store.hazards._select()[:count]


def test_the_hazard_detail_shows_the_enterprises_report_awaiting_the_office(qtbot, demo_context,
                                                                           chinese_window) -> None:
    reported, other = _hazards(demo_context)
    entry, photos = _report(demo_context, reported)
    HubPreviewService(demo_context.store).take([entry], photos.__getitem__)

    dialog = HazardDetailDialog(demo_context, reported.id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preview_banner.isVisible()
    assert "企业已上报整改，待安全办确认" in dialog.preview_banner.text()
    assert NOTE in dialog.preview_banner.text() and "照片 1 张" in dialog.preview_banner.text()
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "hazard-preview-banner.png"))

    plain = HazardDetailDialog(demo_context, other.id)
    qtbot.addWidget(plain)
    assert plain.preview_banner.isHidden()

    # The office judged it: the next listing no longer holds it, and the banner goes at the next refresh.
    HubPreviewService(demo_context.store).take([], photos.__getitem__)
    dialog.refresh()
    assert dialog.preview_banner.isHidden()


def test_the_status_bar_counts_them_and_opens_the_list_with_photos(qtbot, context_for, real_pool,
                                                                   chinese_window) -> None:
    context = context_for("admin")
    context.tasks = real_pool
    [hazard] = _hazards(context, 1)
    status = PreviewStatus(context)
    qtbot.addWidget(status)
    real_pool.done()
    assert status.isHidden()

    entry, photos = _report(context, hazard)
    with qtbot.waitSignal(context.changes.changed):
        HubPreviewService(context.store).take([entry], photos.__getitem__)
    qtbot.waitUntil(lambda: status.count == 1)
    assert not status.isHidden() and status.text() == "1 条企业上报待安全办确认"

    dialog = status.open_list()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.shown) == 1)
    real_pool.done()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    thumbs = [label for label in dialog.items.findChildren(QLabel) if label.objectName() == "preview_photo"]
    assert len(thumbs) == 1 and not thumbs[0].pixmap().isNull()
    texts = " ".join(label.text() for label in dialog.items.findChildren(QLabel))
    assert "待安全办确认" in texts and NOTE in texts and "报告整改完成" in texts
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "previews-dialog.png"))

    with qtbot.waitSignal(context.changes.changed):
        HubPreviewService(context.store).take([], photos.__getitem__)
    qtbot.waitUntil(lambda: status.count == 0 and dialog.shown == [])
    real_pool.done()
    assert status.isHidden()


def test_the_window_shows_the_count_in_its_status_bar_at_1366x768(qtbot, demo_context, chinese_window) -> None:
    from safety_desk.ui.main_window import MainWindow

    [hazard] = _hazards(demo_context, 1)
    entry, photos = _report(demo_context, hazard)
    HubPreviewService(demo_context.store).take([entry], photos.__getitem__)
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.preview_status.isVisible)
    shown = window.preview_status.geometry()
    assert window.statusBar().rect().contains(shown) and shown.width() >= window.preview_status.sizeHint().width()
    if SHOTS is not None:
        window.grab().save(str(SHOTS / "window-preview-count.png"))


def test_an_open_hazard_loses_its_banner_when_an_exchange_drops_the_preview(qtbot, demo_context,
                                                                            chinese_window) -> None:
    """The hazard's page stays open while the background exchange runs: the office judged the report, the hub no
    longer lists it, and the banner goes without the page being opened again."""
    [hazard] = _hazards(demo_context, 1)
    entry, photos = _report(demo_context, hazard)
    HubPreviewService(demo_context.store).take([entry], photos.__getitem__)
    dialog = HazardDetailDialog(demo_context, hazard.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preview_banner.isVisible()

    with qtbot.waitSignal(demo_context.changes.changed):
        HubPreviewService(demo_context.store).take([], photos.__getitem__)
    qtbot.waitUntil(dialog.preview_banner.isHidden)


def test_the_ledger_marks_a_hazard_with_a_report_awaiting_the_office(qtbot, demo_context, chinese_window) -> None:
    from PySide6.QtCore import Qt

    from safety_desk.store.changed import Changes
    from safety_desk.ui.models.ledger_model import LedgerModel
    from safety_desk.ui.pages.hazards import HazardsPage

    reported, other = _hazards(demo_context)
    page = HazardsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    model = page.model

    def status_cell(hazard_id: str):
        row = next(r for r in range(model.rowCount()) if model.row_at(r).hazard_id == hazard_id)
        return model.index(row, LedgerModel.STATUS)

    status_before = model.data(status_cell(reported.id))
    assert "已上报" not in status_before
    entry, photos = _report(demo_context, reported)
    HubPreviewService(demo_context.store).take([entry], photos.__getitem__)
    # What the window broadcasts after a background exchange's commit (ui/hub_syncer.py): the page reads again.
    demo_context.changes.changed.emit(Changes.of({"hub_preview": [entry["bundle_id"]]}))
    qtbot.waitUntil(lambda: "已上报" in model.data(status_cell(reported.id)))
    cell = status_cell(reported.id)
    # The record's status stays (a preview changes nothing of it); the second line says a report awaits the office.
    assert model.data(cell) == f"{status_before}\n已上报"
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "待安全办确认" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "已上报" not in model.data(status_cell(other.id))
    assert model.text(model.row_at(cell.row()), LedgerModel.STATUS) == status_before  # what is copied or exported
    if SHOTS is not None:
        page.grab().save(str(SHOTS / "ledger-reported-mark.png"))
