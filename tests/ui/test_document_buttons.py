"""Documents from their own pages: inspection record, rectification notice and drill record open in the preview."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.inspections import InspectionService
from safety_desk.services.reports import ReportProblem
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.report_preview import ReportDialog, preview_document
from safety_desk.ui.pages.activities import ActivitiesPage
from safety_desk.ui.pages.inspections import InspectionsPage


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def squeezed_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(text.split())


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def _opened_dialog(parent, click) -> tuple[ReportDialog, Path]:
    """Click the button; the preview dialog it opens shows the generated PDF (made before click() returns: the
    tests' task runner is inline)."""
    before = set(parent.findChildren(ReportDialog))
    click()
    opened = [d for d in parent.findChildren(ReportDialog) if d not in before]
    assert len(opened) == 1
    dialog = opened[0]
    path = dialog.job.path
    assert not dialog.job.running and path.exists()
    assert dialog.preview.page_count() == pdf_pages(path) and dialog.preview.isVisibleTo(dialog)
    return dialog, path


def test_the_inspection_page_prints_a_submitted_record_and_a_draft(qtbot, context_for, messages) -> None:
    context = context_for("inspector01a")
    page = InspectionsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    service = InspectionService(context.session, context.settings)
    submitted = service.recent(1)[0]
    page.open_inspection(submitted.id)
    assert page.runner.header.print_button.isEnabled()
    dialog, path = _opened_dialog(page.runner, page.runner.header.print_button.click)
    assert dialog is page.runner.print_dialog
    text = squeezed_text(path)
    assert "安全生产检查记录" in text and "草稿" not in text
    assert context.store.enterprises.require(submitted.enterprise_id).name in text
    dialog.reject()

    enterprise = next(e for e in context.store.enterprises.active() if context.session.may_see_enterprise(e.id))
    draft = service.start(enterprise.id, "general@3", "routine")
    page.open_inspection(draft.id)
    _dialog, path = _opened_dialog(page.runner, page.runner.header.print_button.click)
    assert "草稿" in squeezed_text(path)
    assert not messages


def test_the_hazard_page_prints_the_notice_the_hazard_is_on(qtbot, demo_context, demo_store, messages) -> None:
    notice = demo_store.notices._select(order="issued_on DESC", limit=1)[0]
    hazard = demo_store.hazards._select("notice_id = ?", (notice.id,), limit=1)[0]
    dialog = HazardDetailDialog(demo_context, hazard.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notice_button.isVisibleTo(dialog)
    preview, path = _opened_dialog(dialog, dialog.notice_button.click)
    assert "".join(notice.number.split()) in squeezed_text(path)
    assert notice.number in preview.preview.suggested_name

    without = demo_store.hazards._select("notice_id IS NULL AND deleted = 0", limit=1)[0]
    other = HazardDetailDialog(demo_context, without.id)
    qtbot.addWidget(other)
    other.show()
    assert not other.notice_button.isVisibleTo(other)
    assert not messages


def test_the_hazard_page_prints_the_reinspection_opinion_once_re_inspected(qtbot, demo_context, demo_store,
                                                                           messages) -> None:
    checked = demo_store.db.conn.execute(
        "SELECT hazard_id FROM hazard_event WHERE kind = 'rejected' ORDER BY clock LIMIT 1").fetchone()[0]
    dialog = HazardDetailDialog(demo_context, checked)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reinspection_button.isVisibleTo(dialog)
    _preview, path = _opened_dialog(dialog, dialog.reinspection_button.click)
    text = squeezed_text(path)
    assert "整改复查意见书" in text and "复查意见" in text
    assert "".join(demo_store.hazards.get(checked).description.split())[:20] in text
    # Issued as it was first printed (on the writer thread), sealed, and kept for every reprint.
    kept = demo_store.filings.by_number(read_sealed_pdf(path).seal_text.split("|")[2])
    assert kept is not None and kept.scope == checked

    unchecked = demo_store.db.conn.execute(
        "SELECT hazard_id FROM hazard_state WHERE status = '待整改' LIMIT 1").fetchone()[0]
    other = HazardDetailDialog(demo_context, unchecked)
    qtbot.addWidget(other)
    other.show()
    assert not other.reinspection_button.isVisibleTo(other)
    assert not messages


def test_the_hazard_page_prints_the_hazard_record_with_its_photos(qtbot, demo_context, demo_store, messages) -> None:
    hazard = demo_store.hazards._select("photos != '[]' AND deleted = 0", limit=1)[0]
    dialog = HazardDetailDialog(demo_context, hazard.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.record_button.isVisibleTo(dialog)
    preview, path = _opened_dialog(dialog, dialog.record_button.click)
    text = squeezed_text(path)
    assert "安全隐患整改记录" in text and "整改前" in text and hazard.found_on in text
    images = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) - 2 == len(hazard.photos)
    assert "隐患整改记录" in preview.preview.suggested_name and not messages


def test_the_drills_tab_prints_a_held_drill_only(qtbot, context_for, demo_as_of, messages) -> None:
    page = ActivitiesPage(context_for("inspector01a").at(demo_as_of))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.on_shown()
    tab = page.drills
    model = tab.records_model
    rows = {model.row_at(row).status: row for row in range(model.rowCount())}
    if "planned" in rows:
        tab.records_table.selectRow(rows["planned"])
        assert not tab.print_button.isEnabled() and tab.on_print_clicked() is None
    tab.records_table.selectRow(rows["held"])
    drill = tab.selected_drill()
    assert drill.status == "held" and tab.print_button.isEnabled()
    _dialog, path = _opened_dialog(tab, tab.print_button.click)
    text = squeezed_text(path)
    assert "应急演练记录" in text and "".join(drill.name.split()) in text
    assert not messages


def test_a_document_that_cannot_be_made_is_a_message_not_a_preview(qtbot, demo_context, messages) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)

    def refuse(_path: Path, _session) -> None:
        raise ReportProblem("演练尚未举行 (the drill has not been held)")

    dialog = preview_document(demo_context, parent, "演练记录", "x.pdf", refuse)
    assert messages == ["演练尚未举行 (the drill has not been held)"]
    assert dialog.preview.page_count() == 0 and not dialog.job.path.exists() and not dialog.isVisible()
