"""The Reports page: generate the weekly summary off the UI thread, preview it (pages, zoom), save it, print it."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from safety_desk.ui.pages.reports import QUARTERLY, WEEKLY, ReportsPage
from safety_desk.ui.widgets.pdf_preview import PdfPreview

TIMEOUT = 30_000


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


def _page(qtbot, context, as_of) -> ReportsPage:
    page = ReportsPage(context.at(as_of))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _generate(qtbot, page: ReportsPage) -> str:
    """Generate the chosen document: made before generate() returns (the tests' task runner is inline; while the
    real pool works the button waits: test_the_document_is_made_off_the_ui_thread)."""
    with qtbot.waitSignal(page.generated, timeout=0) as blocker:
        page.generate()
    assert page.generate_button.isEnabled() and not page.busy.isVisibleTo(page)
    return blocker.args[0]


def test_the_weekly_summary_is_generated_and_previewed_page_by_page(qtbot, demo_context, demo_as_of,
                                                                     messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    assert page.document() == WEEKLY and page.scope_codes()[0] is None
    page.choose_week("2026-W48")
    assert "2026年第48周" in page.week_label.text()
    path = Path(_generate(qtbot, page))
    preview = page.preview
    assert page.right.currentWidget() is preview and not messages
    count = pdf_pages(path)
    assert count >= 2 and preview.page_count() == count
    assert preview.page_label.text().endswith(str(count)) and preview.page_spin.maximum() == count
    text = "".join(pdf_text(path).split())
    assert "安全生产周报" in text and "2026年第48周" in text and "全市" in text
    assert preview.current_page() == 0 and not preview.previous_button.isEnabled()

    preview.next_button.click()
    assert preview.current_page() == 1 and preview.page_spin.value() == 2
    preview.previous_button.click()
    assert preview.current_page() == 0 and preview.page_spin.value() == 1
    preview.page_spin.setValue(count)
    assert preview.current_page() == count - 1 and not preview.next_button.isEnabled()
    preview.go_to(0)

    preview.fit_width_button.click()
    width = preview.zoom()
    assert preview.fit_width_button.isChecked() and width > 0
    preview.zoom_in_button.click()
    assert preview.zoom() == pytest.approx(width * 1.25, rel=0.01)
    assert preview.zoom_label.text() == f"{round(width * 125)}%"
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.zoom() == pytest.approx(width / 1.25, rel=0.01)
    preview.fit_page_button.click()
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()
    assert preview.zoom() < width  # a whole A4 page in a landscape window is narrower than its width

    # Zooming keeps one's place: the page shown stays the page shown once the view has laid out again.
    preview.go_to(1)
    preview.zoom_in_button.click()
    QApplication.processEvents()
    assert preview.current_page() == 1 and preview.page_spin.value() == 2


def test_save_as_writes_the_same_file(qtbot, demo_context, demo_as_of, tmp_path, monkeypatch, messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_week("2026-W47")
    path = Path(_generate(qtbot, page))
    assert "2026-W47" in page.preview.suggested_name
    asked = []

    def choose(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "周报副本"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(page.preview.saved) as blocker:
        page.preview.save_button.click()
    written = Path(blocker.args[0])
    assert written == tmp_path / "周报副本.pdf" and asked == [page.preview.suggested_name]
    assert written.read_bytes() == path.read_bytes()


def _print_to_file(monkeypatch, output: Path, pages: tuple[int, int] | None = None) -> None:
    """The print dialog answers "print to file" at `output` (and a page range, 1-based)."""
    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        if pages:
            printer.setFromTo(*pages)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def test_printing_to_a_file_writes_the_document_itself_not_page_images(qtbot, demo_context, demo_as_of, tmp_path,
                                                                      monkeypatch, messages) -> None:
    """The printed weekly summary used to be page images (5.7 MB, no text): now it is the PDF, text and all."""
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_week("2026-W48")
    path = Path(_generate(qtbot, page))
    output = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, output)
    with qtbot.waitSignal(page.preview.printed, timeout=TIMEOUT) as blocker:
        page.preview.print_button.click()
    assert blocker.args[0] == pdf_pages(path)
    assert output.read_bytes() == path.read_bytes()
    assert "安全生产周报" in pdf_text(output) and messages == []


def test_printing_a_page_range_keeps_those_pages_as_text(qtbot, demo_context, demo_as_of, tmp_path, monkeypatch,
                                                          messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_week("2026-W48")
    path = Path(_generate(qtbot, page))
    assert pdf_pages(path) >= 3
    output = tmp_path / "pages-2-3.pdf"
    _print_to_file(monkeypatch, output, (2, 3))
    with qtbot.waitSignal(page.preview.printed, timeout=TIMEOUT) as blocker:
        page.preview.print_button.click()
    assert blocker.args[0] == 2 and pdf_pages(output) == 2
    assert "— 2 —" in pdf_text(output) and "— 1 —" not in pdf_text(output)


def test_printing_runs_in_a_worker_and_the_window_stays_responsive(qtbot, demo_context, demo_as_of, tmp_path,
                                                                   monkeypatch, messages) -> None:
    import threading

    from safety_desk.ui.tasks import TaskRunner
    from safety_desk.ui.widgets import pdf_preview

    demo_context.tasks = TaskRunner()  # the application's real pool, not the tests' inline runner
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_week("2026-W48")
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT):
        page.generate()
    output = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, output)
    threads: list[threading.Thread] = []
    release = threading.Event()
    real = pdf_preview.print_pdf

    def print_pdf(report, request):
        threads.append(threading.current_thread())
        release.wait(10)  # a slow printer: the window must not wait for it
        return real(report, request)

    monkeypatch.setattr(pdf_preview, "print_pdf", print_pdf)
    with qtbot.waitSignal(page.preview.printed, timeout=TIMEOUT):
        assert page.preview.print_document()
        assert not page.preview.print_button.isEnabled()  # one print at a time
        qtbot.waitUntil(lambda: bool(threads), timeout=TIMEOUT)
        release.set()
    assert threads[0] is not threading.main_thread()
    assert page.preview.print_button.isEnabled() and output.exists()


def test_a_print_that_fails_says_why(qtbot, demo_context, demo_as_of, tmp_path, monkeypatch, messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    _generate(qtbot, page)
    _print_to_file(monkeypatch, tmp_path / "missing-folder" / "printed.pdf")
    with qtbot.waitSignal(page.preview.print_failed, timeout=TIMEOUT):
        page.preview.print_document()
    assert len(messages) == 1 and "missing-folder" in messages[0]
    assert page.preview.print_button.isEnabled()


def test_a_cancelled_print_prints_nothing(qtbot, demo_context, demo_as_of, monkeypatch, messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    _generate(qtbot, page)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QPrintDialog.DialogCode.Rejected)
    assert page.preview.print_document() == 0


def test_a_period_that_ends_before_it_starts_shows_a_message_and_no_preview(qtbot, demo_context, demo_as_of,
                                                                            messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_range(demo_as_of, demo_as_of - timedelta(days=3))
    with qtbot.waitSignal(page.failed, timeout=0):
        page.generate()
    assert len(messages) == 1 and "早于" in messages[0]
    assert page.right.currentWidget() is page.empty and page.preview.page_count() == 0
    assert page.generate_button.isEnabled() and not page.busy.isVisibleTo(page)
    # A good choice afterwards previews; a bad one after that takes the old preview away again.
    page.choose_week("2026-W48")
    _generate(qtbot, page)
    page.choose_range(demo_as_of, demo_as_of - timedelta(days=1))
    with qtbot.waitSignal(page.failed, timeout=0):
        page.generate()
    assert page.right.currentWidget() is page.empty and page.preview.page_count() == 0


def test_the_quarterly_statistics_for_one_district(qtbot, demo_context, demo_as_of, demo_store, messages) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.document_box.setCurrentIndex(page.document_box.findData(QUARTERLY))
    assert page.period_stack.currentIndex() == 1 and page.quarter_box.currentData() == "2026Q4"
    district = demo_store.districts.active()[0]
    page.scope_box.setCurrentIndex(page.scope_box.findData(district.code))
    path = Path(_generate(qtbot, page))
    text = "".join(pdf_text(path).split())
    assert "2026年第4季度" in text and district.name in text
    assert page.preview.page_count() == pdf_pages(path)


def test_an_inspector_chooses_among_their_districts_only(qtbot, context_for, demo_as_of, demo_store) -> None:
    context = context_for("inspector01a")
    page = _page(qtbot, context, demo_as_of)
    own = {demo_store.districts.get(d).code for d in demo_store.members.districts_of(context.session.person.id)}
    codes = page.scope_codes()
    assert codes[0] is None and set(codes[1:]) == own
    assert len(codes) - 1 < len(demo_store.districts.active())
    assert page.scope_box.itemText(0) == "本人负责片区"


def test_an_enterprise_gets_only_its_own_documents(qtbot, context_for, demo_as_of, demo_store, messages) -> None:
    person = next(p for p in demo_store.people.with_role("enterprise"))
    context = context_for(person.login)
    page = _page(qtbot, context, demo_as_of)
    enterprise = demo_store.enterprises.require(person.enterprise_id)
    assert page.scope_codes() == [None] and page.scope_box.currentText() == enterprise.name
    assert not page.scope_box.isEnabled()
    page.choose_week("2026-W48")
    path = Path(_generate(qtbot, page))
    assert enterprise.name in "".join(pdf_text(path).split())


def test_the_main_window_has_the_reports_page(qtbot, demo_context) -> None:
    from safety_desk.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show_page("reports")
    assert isinstance(window.stack.currentWidget(), ReportsPage)


def test_the_preview_refuses_a_file_that_is_not_a_pdf(qtbot, tmp_path) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    with pytest.raises(ValueError):
        preview.load(broken)
    assert preview.page_count() == 0 and not preview.print_button.isEnabled()


def test_the_document_is_made_off_the_ui_thread(qtbot, demo_context, demo_as_of, messages, monkeypatch) -> None:
    import threading

    from safety_desk.services import weekly
    from safety_desk.ui.tasks import TaskRunner

    demo_context.tasks = TaskRunner()  # the application's real pool, not the tests' inline runner
    threads: list[threading.Thread] = []
    real = weekly.WeeklyService.write_pdf

    def write_pdf(self, summary, target):
        threads.append(threading.current_thread())
        return real(self, summary, target)

    monkeypatch.setattr(weekly.WeeklyService, "write_pdf", write_pdf)
    page = _page(qtbot, demo_context, demo_as_of)
    page.choose_week("2026-W48")
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.generate()
        # While the worker runs the button waits and the busy bar shows.
        assert not page.generate_button.isEnabled() and page.busy.isVisibleTo(page)
        assert page.generate() is None  # a second press while running starts nothing
    assert page.generate_button.isEnabled() and not page.busy.isVisibleTo(page)
    assert threads and threads[0] is not threading.main_thread()
    assert page.preview.page_count() == pdf_pages(Path(blocker.args[0]))
