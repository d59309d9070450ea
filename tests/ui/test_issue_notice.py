"""Issuing a notice from the ledger: selection, the dialog's preview and refusals, the numbers in the ledger."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt

from safety_desk.services.notices import NoticeService
from safety_desk.settings import Settings, settings_path
from safety_desk.ui.dialogs.issue_notice import REINSPECT_AFTER_REPLY_DAYS, IssueNoticeDialog
from safety_desk.ui.models.ledger_model import LedgerModel
from safety_desk.ui.pages import hazards as hazards_page
from safety_desk.ui.pages.enterprises import EnterprisesPage
from safety_desk.ui.pages.hazards import HazardsPage
from safety_desk.ui.pages.settings import SettingsPage

DISPLAY = Qt.ItemDataRole.DisplayRole


def _page(qtbot, context, demo_as_of) -> HazardsPage:
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def _open_rows_by_enterprise(page: HazardsPage) -> dict[str, list[int]]:
    """Ledger rows of open hazards not yet on a notice, by enterprise name."""
    rows = defaultdict(list)
    for r in range(page.model.rowCount()):
        row = page.model.row_at(r)
        if row.status != "已销号" and row.notice_number is None:
            rows[row.enterprise_name].append(r)
    return rows


def _select(page: HazardsPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(page.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_two_ledger_rows_of_one_enterprise_get_one_notice_whose_number_the_ledger_shows(
        qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    assert page.issue_notice_button.isVisibleTo(page) and not page.issue_notice_button.isEnabled()
    name, rows = next((n, r) for n, r in _open_rows_by_enterprise(page).items() if len(r) >= 2)
    _select(page, rows[:2])
    ids = [page.model.row_at(r).hazard_id for r in rows[:2]]
    assert page.selected_hazard_ids() == ids and page.issue_notice_button.isEnabled()
    expected = NoticeService(demo_context.session.at(demo_as_of)).next_number()

    qtbot.mouseClick(page.issue_notice_button, Qt.MouseButton.LeftButton)
    dialog = page.notice_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.enterprise_label.text() == name
    assert dialog.table.rowCount() == 2 and dialog.number_label.text() == expected
    assert dialog.reply_due.date().toPython() >= demo_as_of
    dialog.copy_to.setText("市北区应急管理局")
    with qtbot.waitSignal(dialog.notice_issued, timeout=2000) as issued:
        dialog.ok_button.click()
    notice = demo_context.store.notices.require(issued.args[0])
    assert notice.number == expected and notice.copy_to == "市北区应急管理局"
    assert dialog.issued_label.isVisible() and expected in dialog.issued_label.text()
    assert dialog.ok_button.isHidden()

    # The ledger was refreshed: both rows now show the notice's number.
    shown = {page.model.row_at(r).hazard_id: page.model.data(page.model.index(r, LedgerModel.NOTICE), DISPLAY)
             for r in range(page.model.rowCount())}
    assert [shown[i] for i in ids] == [expected, expected]
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: page.notice_dialog is None, timeout=2000)


def test_a_selection_across_enterprises_is_refused_with_the_services_message(
        qtbot, demo_context, demo_as_of, monkeypatch) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    by_enterprise = _open_rows_by_enterprise(page)
    first, second = list(by_enterprise)[:2]
    _select(page, [by_enterprise[first][0], by_enterprise[second][0]])
    warnings = []
    monkeypatch.setattr(hazards_page.QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    before = demo_context.store.notices.count()
    page.on_issue_notice_clicked()
    assert page.notice_dialog is None and len(warnings) == 1
    assert first in warnings[0] and second in warnings[0] and "一个企业" in warnings[0]
    assert demo_context.store.notices.count() == before


def test_an_enterprise_safety_officer_has_no_issue_button(qtbot, context_for, demo_as_of) -> None:
    page = _page(qtbot, context_for("ent0001"), demo_as_of)
    assert not page.issue_notice_button.isVisibleTo(page)


def test_the_dialog_proposes_dates_and_shows_a_refusal_without_closing(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    rows = next(r for r in _open_rows_by_enterprise(page).values() if len(r) >= 2)
    ids = [page.model.row_at(r).hazard_id for r in rows[:2]]
    first = IssueNoticeDialog(demo_context, ids)
    second = IssueNoticeDialog(demo_context, ids)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    preview = NoticeService(demo_context.session, Settings()).preview(ids)
    assert first.reply_due.date().toPython() == preview.default_reply_due
    proposed = preview.default_reply_due + timedelta(days=REINSPECT_AFTER_REPLY_DAYS)
    assert first.reinspect_on.date().toPython() == proposed
    later = demo_as_of + timedelta(days=40)
    first.reply_due.setDate(later)
    assert first.reinspect_on.date().toPython() == later + timedelta(days=REINSPECT_AFTER_REPLY_DAYS)
    first.reinspect.setChecked(False)
    first.on_issue()
    notice = first.notice
    assert notice is not None and notice.reinspect_on is None and notice.reply_due == later.isoformat()

    # The second dialog was opened for the same hazards before the first issued: it says why it cannot.
    before = demo_context.store.notices.count()
    second.on_issue()
    assert second.notice is None and notice.number in second.message.text()
    assert demo_context.store.notices.count() == before


def test_the_settings_page_refuses_a_pattern_without_year_and_saves_a_good_one(qtbot, demo_context) -> None:
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    assert page.notice_pattern.text() == "国资安通〔{year}〕{seq}号"
    assert f"国资安通〔{demo_context.session.clock.today().year}〕12号" in page.pattern_preview.text()

    page.notice_pattern.setText("国资安通第{seq}号")
    assert "{year}" in page.pattern_preview.text()
    page.on_save()
    assert "必须包含 {year} 和 {seq}" in page.note.text()
    assert demo_context.settings.notice_pattern == "国资安通〔{year}〕{seq}号"
    assert Settings.load().notice_pattern == "国资安通〔{year}〕{seq}号"

    page.notice_pattern.setText("青国资安督〔{year}〕{seq}号")
    page.block_size.setValue(50)
    page.on_save()
    assert page.note.text() == "Saved."
    stored = Settings.load()
    assert (stored.notice_pattern, stored.notice_block_size) == ("青国资安督〔{year}〕{seq}号", 50)


def test_the_settings_page_chooses_the_drill_rule_of_high_risk_units(qtbot, demo_context) -> None:
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    assert page.drill_rule.currentData() == "national"  # the national text is the default
    page.drill_rule.setCurrentIndex(page.drill_rule.findData("local_half_yearly"))
    page.on_save()
    assert demo_context.settings.drill_rule == Settings.load().drill_rule == "local_half_yearly"
    settings_file = settings_path()
    settings_file.write_text(settings_file.read_text("utf-8").replace("local_half_yearly", "monthly"), "utf-8")
    assert Settings.load().drill_rule == "national"  # a hand-edited unknown rule falls back to the default


def test_the_enterprise_page_lists_the_enterprises_notices(qtbot, demo_context) -> None:
    store = demo_context.store
    enterprise_id = store.db.conn.execute(
        "SELECT enterprise_id FROM notice GROUP BY enterprise_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    page.show_enterprise(enterprise_id)
    expected = NoticeService(demo_context.session).of_enterprise(enterprise_id)
    assert expected and page.notices_model.rowCount() == len(expected)
    assert page.notices_model.data(page.notices_model.index(0, 0), DISPLAY) == expected[0].notice.number
    assert page.tabs.tabText(4) == f"Notices ({len(expected)})"


def test_on_a_device_without_numbers_the_dialog_says_so_and_cannot_issue(qtbot, demo_context, demo_as_of) -> None:
    store = demo_context.store
    store.devices.update(store.db.device_id, role="inspector")  # a laptop, not the office: no blocks of its own
    page = _page(qtbot, demo_context, demo_as_of)
    rows = next(iter(_open_rows_by_enterprise(page).values()))
    # The demo device's block is for 2026; in the new year this laptop has none until the office gives it one.
    dialog = IssueNoticeDialog(demo_context.at(date(2027, 1, 4)), [page.model.row_at(rows[0]).hazard_id])
    qtbot.addWidget(dialog)
    assert dialog.number_label.text() == "No number available"
    assert "请与安全办同步以获取新的编号段" in dialog.number_note.text()
    assert not dialog.ok_button.isEnabled()
