"""The Reports page files (报出) a past week's summary once; a later Generate of that week shows the filed copy."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from safety_desk.services.document_seals import DocumentSeals
from safety_desk.ui.pages.reports import WEEKLY
from tests.ui.test_reports_filing import TIMEOUT, _page, answer, messages, pdf_text  # noqa: F401 (fixtures)


def test_the_office_files_last_week_and_a_later_print_is_the_filed_copy(qtbot, demo_context, demo_as_of, demo_store,
                                                                          messages, answer, tmp_path) -> None:
    last_week = demo_as_of - timedelta(days=7)
    key = f"{last_week.isocalendar().year}-W{last_week.isocalendar().week:02d}"
    page = _page(qtbot, demo_context, demo_as_of, WEEKLY)
    assert page.file_button.isVisible()
    page.choose_week(key)
    with qtbot.waitSignal(page.generated, timeout=TIMEOUT) as blocker:
        page.file_button.click()
    assert f"第{last_week.isocalendar().week}周" in answer[1]  # the person was asked first
    filing = demo_store.filings.find("weekly", key, "")
    assert filing is not None and filing.filed_on == demo_as_of.isoformat() and not messages
    filed = pdf_text(Path(blocker.args[0]))
    assert DocumentSeals(demo_context.session).check_pdf(Path(blocker.args[0])).valid
    page.grab().save(str(tmp_path / "weekly-filed.png"))  # looked at by hand
    shutil.copy(blocker.args[0], tmp_path / "weekly-filed.pdf")

    # A second 报出 is refused with the service's reason.
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT) as refused:
        page.file_button.click()
    assert "已于" in refused.args[0] and demo_store.filings.find("weekly", key, "") == filing

    # Ten days on, Generate prints that week as filed: the same issue date, figures and 生成于.
    later = _page(qtbot, demo_context, demo_as_of + timedelta(days=10), WEEKLY)
    later.choose_week(key)
    with qtbot.waitSignal(later.generated, timeout=TIMEOUT) as reprinted:
        later.generate()
    assert pdf_text(Path(reprinted.args[0])) == filed
    assert filing.number in later.status.text() and filing.filed_on in later.status.text()  # said beside it
    # The longer status is laid out in full (not cut to the one line it had) before it is looked at.
    qtbot.waitUntil(lambda: later.status.height() >= later.status.heightForWidth(later.status.width()))
    later.grab().save(str(tmp_path / "weekly-reprinted.png"))  # looked at by hand
    shutil.copy(reprinted.args[0], tmp_path / "weekly-reprinted.pdf")


def test_a_week_not_over_is_refused_and_nothing_is_filed(qtbot, demo_context, demo_as_of, demo_store, messages,
                                                         answer) -> None:
    key = f"{demo_as_of.isocalendar().year}-W{demo_as_of.isocalendar().week:02d}"
    page = _page(qtbot, demo_context, demo_as_of, WEEKLY)
    page.choose_week(key)
    with qtbot.waitSignal(page.failed, timeout=TIMEOUT) as refused:
        page.file_button.click()
    assert "尚未结束" in refused.args[0] and demo_store.filings.find("weekly", key, "") is None
