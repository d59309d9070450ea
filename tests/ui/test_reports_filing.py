"""The Reports page files (报出) a quarter's or a year's statistics: confirmed, once, and previewed as filed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from safety_desk.services.document_seals import DocumentSeals
from safety_desk.ui.pages.reports import ANNUAL, QUARTERLY, ReportsPage

TIMEOUT = 30_000


def pdf_text(path: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def answer(monkeypatch) -> list:
    """What the confirmation is answered with (Yes unless a test says otherwise); each question asked is kept."""
    state = [QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *args, **kwargs):
        state.append(text)
        return state[0]
    monkeypatch.setattr(QMessageBox, "question", question)
    return state


def _page(qtbot, context, as_of, document: str) -> ReportsPage:
    page = ReportsPage(context.at(as_of))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.document_box.setCurrentIndex(page.document_box.findData(document))
    return page


def test_the_office_files_a_past_quarter_once_and_sees_what_was_filed(qtbot, demo_context, demo_as_of, demo_store,
                                                                       messages, answer) -> None:
    page = _page(qtbot, demo_context, demo_as_of, QUARTERLY)
    assert page.file_button.isVisible()
    page.quarter_box.setCurrentIndex(page.quarter_box.findData("2026Q3"))
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.file_button.click()
    assert "2026年第3季度" in answer[1]  # the person was asked first
    filing = demo_store.filings.find("quarterly", "2026Q3", "")
    assert filing is not None and filing.filed_on == demo_as_of.isoformat()
    path = Path(blocker.args[0])
    assert page.shown_path == path and page.right.currentWidget() is page.preview
    text = pdf_text(path)
    assert "2026年第3季度" in text and filing.number.replace(" ", "") in text
    verdict = DocumentSeals(demo_context.session).check_pdf(path)
    assert verdict.valid, verdict.message
    assert page.file_button.isEnabled() and page.generate_button.isEnabled() and not messages

    # Filing is final: a second 报出 is refused with the service's reason and leaves the filing as it was.
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT) as refused:
        page.file_button.click()
    assert "已于" in refused.args[0] and filing.number in refused.args[0] and messages == [refused.args[0]]
    assert demo_store.filings.find("quarterly", "2026Q3", "") == filing
    assert page.shown_path is None and page.right.currentWidget() is page.empty


def test_a_quarter_not_yet_over_is_refused_and_nothing_is_filed(qtbot, demo_context, demo_as_of, demo_store,
                                                                 messages, answer) -> None:
    page = _page(qtbot, demo_context, demo_as_of, QUARTERLY)
    assert page.quarter_box.currentData() == "2026Q4"
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT) as refused:
        page.file_button.click()
    assert "尚未结束" in refused.args[0]
    assert demo_store.filings.find("quarterly", "2026Q4", "") is None


def test_saying_no_files_nothing(qtbot, demo_context, demo_as_of, demo_store, messages, answer) -> None:
    answer[0] = QMessageBox.StandardButton.No
    page = _page(qtbot, demo_context, demo_as_of, QUARTERLY)
    page.quarter_box.setCurrentIndex(page.quarter_box.findData("2026Q3"))
    assert page.file_statistics() is False
    assert demo_store.filings.find("quarterly", "2026Q3", "") is None and page.shown_path is None


def test_the_office_files_last_year_and_not_this_one(qtbot, demo_context, demo_as_of, demo_store, messages,
                                                     answer) -> None:
    page = _page(qtbot, demo_context, demo_as_of, ANNUAL)
    assert page.period_stack.currentIndex() == 2 and page.year_box.currentData() == str(demo_as_of.year)
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT):
        page.file_button.click()
    last = str(demo_as_of.year - 1)
    page.year_box.setCurrentIndex(page.year_box.findData(last))
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.file_button.click()
    assert demo_store.filings.find("annual", last, "") is not None
    assert f"{last}年" in pdf_text(Path(blocker.args[0]))


def test_an_enterprise_files_its_own_quarter(qtbot, context_for, demo_as_of, demo_store, messages, answer) -> None:
    person = next(p for p in demo_store.people.with_role("enterprise"))
    page = _page(qtbot, context_for(person.login), demo_as_of, QUARTERLY)
    page.quarter_box.setCurrentIndex(page.quarter_box.findData("2026Q3"))
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.file_button.click()
    enterprise = demo_store.enterprises.require(person.enterprise_id)
    assert demo_store.filings.find("quarterly", "2026Q3", enterprise.id) is not None
    assert enterprise.name in pdf_text(Path(blocker.args[0]))


def test_an_inspector_may_print_but_not_file(qtbot, context_for, demo_as_of) -> None:
    page = _page(qtbot, context_for("inspector01a"), demo_as_of, QUARTERLY)
    assert page.generate_button.isVisible() and not page.file_button.isVisible()


def test_filing_is_written_by_the_writer_thread(qtbot, demo_context, demo_as_of, demo_store, messages,
                                                answer) -> None:
    from safety_desk.ui.operations import Operations

    demo_context.ops = Operations(demo_context.desk)
    demo_store.db.conn.execute("PRAGMA query_only = ON")  # the window's connection may not write
    try:
        page = _page(qtbot, demo_context, demo_as_of, QUARTERLY)
        page.quarter_box.setCurrentIndex(page.quarter_box.findData("2026Q3"))
        with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
            page.file_button.click()
            assert not page.file_button.isEnabled() and not page.generate_button.isEnabled()
        assert demo_store.filings.find("quarterly", "2026Q3", "") is not None
        assert "2026年第3季度" in pdf_text(Path(blocker.args[0])) and not messages
    finally:
        demo_context.ops.close()
        demo_store.db.conn.execute("PRAGMA query_only = OFF")
