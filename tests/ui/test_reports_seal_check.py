"""The Reports page's 验证 field: a scanned code is checked as it arrives (Enter), genuine or not, offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from safety_desk.services.reports import ReportService
from safety_desk.ui.pages.reports import ReportsPage


def test_a_scanned_code_is_checked_on_enter(qtbot, demo_context, tmp_path: Path) -> None:
    filed = ReportService(demo_context.session).quarterly("2026Q3", tmp_path / "q3.pdf", file=True).filing
    page = ReportsPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    check = page.seal_check

    with qtbot.waitSignal(check.checked) as genuine:
        check.field.insert(filed.seal)  # a scanner types the code (QTest types no Chinese) and presses Enter
        qtbot.keyClick(check.field, Qt.Key.Key_Return)
    assert genuine.args[0] is True and "验证通过" in check.result.text() and filed.number in check.result.text()
    page.grab().save(str(tmp_path / "seal_check_genuine.png"))

    check.field.setText(filed.seal.replace("|Q|", "|A|"))
    with qtbot.waitSignal(check.checked) as altered:
        check.button.click()
    assert altered.args[0] is False and "验证失败" in check.result.text()
    page.grab().save(str(tmp_path / "seal_check_altered.png"))
