"""The hazard page and the ledger's hazard actions: the closed loop through the real dialogs, by role."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from safety_desk.services.hazards import TREATMENT_PLAN_LABELS, HazardService
from safety_desk.services.inspections import InspectionService
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.hazard_reason import ReasonDialog
from safety_desk.ui.dialogs.hazard_report import RectificationReportDialog
from safety_desk.ui.dialogs.treatment_plan import TreatmentPlanDialog
from safety_desk.ui.pages.enterprises import EnterprisesPage
from safety_desk.ui.pages.hazards import HazardsPage

GENERAL = "general@3"


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes shown, as (kind, text), instead of blocking the test."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(("warning", text)))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: shown.append(("information", text)))
    return shown


@pytest.fixture
def photo_file(tmp_path: Path):
    colours = iter([(200, 40, 40), (40, 160, 60), (30, 60, 220), (220, 180, 30)])

    def make() -> str:
        path = tmp_path / f"after-{len(list(tmp_path.glob('after-*')))}.jpg"
        Image.new("RGB", (320, 240), next(colours)).save(path, "JPEG")
        return str(path)
    return make


def _find(context, item: str = "1.1") -> str:
    """The signed-in inspector fails an item at the first enterprise (ent0001's): the hazard it opens."""
    enterprise_id = context.store.people.by_login("ent0001").enterprise_id
    service = InspectionService(context.session, context.settings)
    inspection = service.start(enterprise_id, GENERAL, "routine")
    return service.answer(inspection.id, item, "fail").hazards[item].id


def _ledger(qtbot, context, demo_as_of) -> HazardsPage:
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def _row_of(page: HazardsPage, hazard_id: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.row_at(r).hazard_id == hazard_id)


def _ledger_status(page: HazardsPage, hazard_id: str) -> str:
    return page.model.row_at(_row_of(page, hazard_id)).status


def _open_from_ledger(qtbot, page: HazardsPage, hazard_id: str) -> HazardDetailDialog:
    """Select the hazard's row and press Enter, as a user would."""
    page.table.setCurrentIndex(page.model.index(_row_of(page, hazard_id), 0))
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.detail_dialog
    assert dialog is not None and dialog.hazard_id == hazard_id
    qtbot.waitExposed(dialog)
    return dialog


def _shown(dialog: HazardDetailDialog) -> set[str]:
    return {name for name, button in dialog.action_buttons.items() if not button.isHidden()}


def _report(qtbot, dialog: HazardDetailDialog, photo: str, note: str) -> None:
    dialog.action_buttons["report_rectified"].click()
    report = dialog.action_dialog
    assert isinstance(report, RectificationReportDialog)
    report.note.setPlainText(note)
    assert not report.ok_button.isEnabled()  # no after-photo yet
    with qtbot.waitSignal(report.strip.photos_added, timeout=5000):
        report.strip.add_files([photo])
    assert report.ok_button.isEnabled()
    report.ok_button.click()


def _reason(dialog: HazardDetailDialog, action: str, reason: str) -> ReasonDialog:
    dialog.action_buttons[action].click()
    reason_dialog = dialog.action_dialog
    assert isinstance(reason_dialog, ReasonDialog)
    reason_dialog.reason_edit.setPlainText(reason)
    return reason_dialog


def test_the_closed_loop_through_both_roles(qtbot, context_for, demo_as_of, photo_file, messages) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector)
    office_page = _ledger(qtbot, inspector, demo_as_of)
    enterprise_page = _ledger(qtbot, enterprise, demo_as_of)
    assert _ledger_status(enterprise_page, hazard_id) == "待整改"

    # The enterprise reports it rectified with an after-photo.
    dialog = _open_from_ledger(qtbot, enterprise_page, hazard_id)
    assert _shown(dialog) == {"report_rectified", "record_progress"}
    with qtbot.waitSignal(dialog.changed):
        _report(qtbot, dialog, photo_file(), "已更换灭火器")
    assert dialog.action_dialog is None and dialog.status_badge.text() == "待复查"
    assert dialog.after_strip.photos() and _shown(dialog) == set()
    assert _ledger_status(enterprise_page, hazard_id) == "待复查"

    # The inspector rejects it with a reason: back to 整改中.
    office_page.on_shown()
    dialog = _open_from_ledger(qtbot, office_page, hazard_id)
    assert _shown(dialog) == {"verify", "reject", "extend_deadline"}
    rejection = _reason(dialog, "reject", "")
    assert not rejection.ok_button.isEnabled()  # no reason, no rejection
    rejection.reason_edit.setPlainText("压力表指针仍不在绿区")
    # It asks by when: a date after today (the old deadline while still ahead), never one already passed.
    assert rejection.chosen_date() > inspector.session.clock.today()
    rejection.ok_button.click()
    assert dialog.status_badge.text() == "整改中" and dialog.detail.overdue_days == 0
    assert _ledger_status(office_page, hazard_id) == "整改中"
    assert "压力表指针仍不在绿区" in [dialog.timeline.topLevelItem(i).text(3)
                                  for i in range(dialog.timeline.topLevelItemCount())]

    # The enterprise reports again; the inspector accepts; then reopens.
    enterprise_page.on_shown()
    dialog = _open_from_ledger(qtbot, enterprise_page, hazard_id)
    _report(qtbot, dialog, photo_file(), "再次整改")
    assert _ledger_status(enterprise_page, hazard_id) == "待复查"
    assert len(dialog.after_strip.photos()) == 2

    office_page.on_shown()
    dialog = _open_from_ledger(qtbot, office_page, hazard_id)
    _reason(dialog, "verify", "复查合格").ok_button.click()
    assert dialog.status_badge.text() == "已销号" and _shown(dialog) == {"reopen"}
    assert _ledger_status(office_page, hazard_id) == "已销号"
    _reason(dialog, "reopen", "复查发现再次损坏").ok_button.click()
    assert _ledger_status(office_page, hazard_id) == "整改中"
    assert inspector.store.hazards.state(hazard_id).status.value == "整改中"
    kinds = [dialog.timeline.topLevelItem(i).text(2) for i in range(dialog.timeline.topLevelItemCount())]
    assert kinds == ["登记隐患", "报告整改完成", "复查不合格，退回整改", "报告整改完成", "复查合格，销号", "重新打开"]
    assert messages == []


def test_a_major_hazard_waits_for_its_plan(qtbot, context_for, demo_as_of, photo_file, messages) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector, "1.6")
    dialog = HazardDetailDialog(enterprise.at(demo_as_of), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.grade_badge.text() == "重大" and not dialog.plan_box.isHidden()
    assert "report_rectified" not in _shown(dialog) and "treatment_plan" in _shown(dialog)
    assert "治理方案" in dialog.blocked_label.text() and not dialog.blocked_label.isHidden()
    events = len(enterprise.store.hazards.events(hazard_id))

    dialog.action_buttons["treatment_plan"].click()
    plan = dialog.action_dialog
    assert isinstance(plan, TreatmentPlanDialog) and len(plan.edits) == 6
    for key, edit in plan.edits.items():
        edit.setPlainText(f"{TREATMENT_PLAN_LABELS[key]}：已落实" if key != "funding" else "")
    plan.ok_button.click()
    assert "经费和物资的落实" in dialog.blocked_label.text()  # still one element short
    assert dialog.values["plan.funding"].text() == "Not filled in"

    dialog.action_buttons["treatment_plan"].click()
    dialog.action_dialog.edits["funding"].setPlainText("安排专项资金20万元")
    dialog.action_dialog.ok_button.click()
    assert "report_rectified" in _shown(dialog) and dialog.blocked_label.isHidden()
    _report(qtbot, dialog, photo_file(), "已整改")
    assert dialog.status_badge.text() == "待复查"
    assert len(enterprise.store.hazards.events(hazard_id)) == events + 3  # two plan saves, one report
    assert messages == []


def test_a_listed_hazard_is_accepted_only_after_the_authoritys_writeoff(qtbot, context_for, demo_as_of, photo_file,
                                                                        messages) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector, "1.6")
    service = HazardService(inspector.session)
    service.save_treatment_plan(hazard_id, {key: f"{label}：已落实" for key, label in TREATMENT_PLAN_LABELS.items()})
    service.set_supervision(hazard_id, "市", None)
    dialog = HazardDetailDialog(enterprise.at(demo_as_of), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    _report(qtbot, dialog, photo_file(), "已整改")
    dialog = HazardDetailDialog(inspector.at(demo_as_of), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "verify" not in _shown(dialog) and {"reject", "writeoff"} <= _shown(dialog)
    assert "核销" in dialog.blocked_label.text()
    dialog.action_buttons["writeoff"].click()
    writeoff = dialog.action_dialog
    writeoff.authority.setText("青岛市应急管理局")
    writeoff.number.setText("青应急核〔2026〕3号")
    writeoff.ok_button.click()
    assert "verify" in _shown(dialog)
    assert dialog.values["writeoff"].text() == f"{demo_as_of.isoformat()} 青岛市应急管理局 青应急核〔2026〕3号"
    _reason(dialog, "verify", "复查合格").ok_button.click()
    assert dialog.status_badge.text() == "已销号"
    assert messages == []


def test_a_refusal_is_shown_and_changes_nothing(qtbot, context_for, demo_as_of, messages) -> None:
    office = context_for("admin")
    page = _ledger(qtbot, office, demo_as_of)
    closed = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).status == "已销号")
    open_row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).status == "整改中")
    assert page.extend_button.isVisibleTo(page) and not page.extend_button.isEnabled()
    selection = page.table.selectionModel()
    for row in (closed, open_row):
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert page.extend_button.isEnabled() and len(page.selected_hazard_ids()) == 2
    count = office.store.db.conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0]

    page.extend_button.click()
    extend = page.extend_dialog
    extend.date_edit.setDate(QDate(demo_as_of + timedelta(days=30)))
    extend.reason_edit.setPlainText("设备采购周期长")
    extend.ok_button.click()
    assert messages and messages[0][0] == "warning" and "已销号" in messages[0][1]
    assert page.extend_dialog is extend and extend.isVisible()  # still open, to correct
    assert office.store.db.conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0] == count
    extend.reject()


def extend_two_rows(page: HazardsPage, new_deadline) -> list[str]:
    """Select the first two hazards in rectification and extend them from the ledger, as the office does."""
    page.status.setCurrentIndex(page.status.findData("整改中"))
    assert page.model.rowCount() >= 2
    page.table.selectRow(0)
    page.table.selectionModel().select(page.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    chosen = page.selected_hazard_ids()
    page.extend_button.click()
    extend = page.extend_dialog
    assert not extend.ok_button.isEnabled()  # a reason is required
    extend.date_edit.setDate(QDate(new_deadline))
    extend.reason_edit.setPlainText("设备采购周期长")
    extend.ok_button.click()
    return chosen


def test_extending_the_selected_rows(qtbot, context_for, demo_as_of, messages) -> None:
    office = context_for("admin")
    page = _ledger(qtbot, office, demo_as_of)
    new_deadline = demo_as_of + timedelta(days=45)
    chosen = extend_two_rows(page, new_deadline)
    assert messages == [("information", "2 of 2 hazards have the new deadline.")]
    for hazard_id in chosen:
        assert office.store.hazards.state(hazard_id).deadline == new_deadline
        assert page.model.row_at(_row_of(page, hazard_id)).deadline == new_deadline.isoformat()


def test_the_enterprise_sees_no_inspector_actions(qtbot, context_for, demo_as_of, photo_file) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector)
    page = _ledger(qtbot, enterprise, demo_as_of)
    assert page.extend_button.isHidden()
    dialog = _open_from_ledger(qtbot, page, hazard_id)
    assert not {"verify", "reject", "extend_deadline", "reopen", "supervision"} & _shown(dialog)


def test_overdue_shows_from_the_day_after_the_deadline(qtbot, context_for) -> None:
    inspector = context_for("inspector01a")
    hazard_id = _find(inspector)
    deadline = inspector.store.hazards.state(hazard_id).deadline
    on_the_day = HazardDetailDialog(inspector.at(deadline), hazard_id)
    day_after = HazardDetailDialog(inspector.at(deadline + timedelta(days=1)), hazard_id)
    for dialog in (on_the_day, day_after):
        qtbot.addWidget(dialog)
    assert "overdue" not in on_the_day.deadline_label.text()
    assert deadline.isoformat() in on_the_day.deadline_label.text()
    assert "overdue 1 days" in day_after.deadline_label.text()


def test_the_enterprise_page_opens_a_hazard_on_double_click(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001")
    _find(context_for("inspector01a"))  # an open hazard of ent0001's, whatever the demo's draw left open
    page = EnterprisesPage(context)
    qtbot.addWidget(page)
    page.on_shown()
    page.show_enterprise(context.session.person.enterprise_id)
    assert page.hazards_model.rowCount() > 0
    index = page.hazards_model.index(0, 0)
    page.hazards_table.activated.emit(index)
    assert page.hazard_dialog is not None
    assert page.hazard_dialog.hazard_id == page.hazards_model.row_at(0).hazard.id


def test_a_refusal_from_the_service_is_shown_and_the_page_stays(qtbot, context_for, demo_as_of, photo_file,
                                                                 messages) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector)
    dialog = HazardDetailDialog(enterprise.at(demo_as_of), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.action_buttons["report_rectified"].click()
    report = dialog.action_dialog
    with qtbot.waitSignal(report.strip.photos_added, timeout=5000):
        report.strip.add_files([photo_file()])
    # Meanwhile someone else reports it (another window, or a sync): this report no longer applies.
    HazardService(inspector.session).report_rectified(hazard_id, "代企业报告", [report.photos()[0]])
    events = len(enterprise.store.hazards.events(hazard_id))
    report.ok_button.click()
    assert len(messages) == 1 and "待复查" in messages[0][1]
    assert dialog.action_dialog is report and report.isVisible()  # left open, nothing recorded
    assert len(enterprise.store.hazards.events(hazard_id)) == events
    report.reject()


def test_supervision_and_timeline_photos(qtbot, context_for, demo_as_of, photo_file, messages) -> None:
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    hazard_id = _find(inspector, "1.6")
    found_on = date.fromisoformat(inspector.store.hazards.require(hazard_id).found_on)
    dialog = HazardDetailDialog(inspector.at(demo_as_of), hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.action_buttons["supervision"].click()
    supervision = dialog.action_dialog
    supervision.level.setCurrentIndex(supervision.level.findData("市"))
    supervision.referred_check.setChecked(True)
    supervision.referred.setDate(QDate(found_on + timedelta(days=2)))
    supervision.ok_button.click()
    hazard = inspector.store.hazards.require(hazard_id)
    assert (hazard.supervision_level, hazard.referred_on) == ("市", (found_on + timedelta(days=2)).isoformat())
    assert dialog.values["referred_on"].text() == hazard.referred_on

    dialog.action_buttons["record_progress"].click()
    progress = dialog.action_dialog
    assert not progress.ok_button.isEnabled()  # a note is required, photos are not
    progress.note.setPlainText("已停用相关设备，设置警戒区")
    assert progress.ok_button.isEnabled()
    with qtbot.waitSignal(progress.strip.photos_added, timeout=5000):
        progress.strip.add_files([photo_file()])
    progress.ok_button.click()
    assert dialog.status_badge.text() == "整改中"
    last = dialog.timeline.topLevelItem(dialog.timeline.topLevelItemCount() - 1)
    assert last.text(2) == "整改进展" and last.text(4) == "1"
    dialog.on_timeline_double_clicked(last)
    assert dialog.after_strip.viewer is not None and dialog.after_strip.viewer.photo_id == progress_photo(dialog)
    dialog.after_strip.viewer.close()
    assert messages == []


def progress_photo(dialog: HazardDetailDialog) -> str:
    return dialog.detail.events[-1].event.photos[0]


def test_a_full_disk_during_an_action_is_shown_and_the_hazard_is_unchanged(qtbot, context_for, demo_as_of,
                                                                           messages) -> None:
    from tests.store.test_write_failures import FailingConnection

    inspector = context_for("inspector01a")
    hazard_id = _find(inspector)
    page = _ledger(qtbot, inspector, demo_as_of)
    dialog = _open_from_ledger(qtbot, page, hazard_id)
    db = inspector.store.db
    events = db.conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0]
    real = db.conn
    db.conn = FailingConnection(real, "COMMIT")
    try:
        reason = _reason(dialog, "extend_deadline", "设备采购周期长")
        reason.ok_button.click()
    finally:
        db.conn = real
    assert messages and messages[-1][0] == "warning"
    assert "磁盘已满，刚才的修改未保存，之前的数据完好" in messages[-1][1]
    assert dialog.action_dialog is reason and reason.isVisible()  # still open: try again once there is space
    assert db.conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0] == events
    assert not real.in_transaction
    reason.reject()
