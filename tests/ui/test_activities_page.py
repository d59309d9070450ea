"""The Drills & activities page on the demo database: plan and record a drill, findings, and what each role sees."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from safety_desk.services.activities import DrillService, drills_due
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.ui.main_window import PAGE_KEYS, MainWindow
from safety_desk.ui.models.activity_models import CampaignModel, IncidentModel
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND
from safety_desk.ui.pages.activities import ActivitiesPage


def _page(qtbot, context, as_of: date) -> ActivitiesPage:
    page = ActivitiesPage(context.at(as_of))
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.on_shown()
    return page


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _row_of(model, predicate) -> int:
    return next(row for row in range(model.rowCount()) if predicate(model.row_at(row)))


def test_an_inspector_plans_a_drill_then_records_it_and_registers_a_finding(qtbot, context_for, demo_as_of) -> None:
    context = context_for("inspector01a")
    page = _page(qtbot, context, demo_as_of)
    tab = page.drills
    due = drills_due(context.session, demo_as_of, 30)
    assert tab.due_model.rowCount() == len(due) > 0
    first = tab.due_model.index(0, 0)
    assert (tab.due_model.data(first, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND) == due[0].overdue

    # Plan a drill for the most overdue enterprise (its row chosen in the list).
    tab.due_table.selectRow(0)
    dialog = tab.on_plan_clicked()
    assert dialog.isVisible() and dialog.enterprise.enterprise_id() == due[0].enterprise_id
    dialog.name.setText("车间火灾疏散演练")
    dialog.plan_type.setCurrentIndex(dialog.plan_type.findData("综合应急预案"))
    dialog.content.setCurrentIndex(dialog.content.findData("综合演练"))
    dialog.scenario.setText("二号车间起火")
    dialog.day.setDate(_qdate(demo_as_of + timedelta(days=7)))
    with qtbot.waitSignal(dialog.finished):
        dialog.on_accept()
    qtbot.waitUntil(lambda: tab.dialog is None)
    row = _row_of(tab.records_model, lambda d: d.name == "车间火灾疏散演练")
    planned = tab.records_model.row_at(row)
    assert planned.status == "planned" and planned.held_on == (demo_as_of + timedelta(days=7)).isoformat()
    assert tab.records_model.data(tab.records_model.index(row, 1)) == page.drills.records_model.tr("Planned")
    due_row = _row_of(tab.due_model, lambda d: d.enterprise_id == due[0].enterprise_id)
    assert tab.due_model.row_at(due_row).planned.id == planned.id

    # Record it as held: choose it below, the dialog opens with what was planned.
    tab.records_table.selectRow(row)
    assert not tab.finding_button.isEnabled()
    dialog = tab.on_record_clicked()
    assert dialog.name.text() == "车间火灾疏散演练" and dialog.enterprise.edit.isReadOnly()
    dialog.day.setDate(_qdate(demo_as_of))
    dialog.participants.setValue(42)
    dialog.evaluation.setPlainText("疏散有序，用时4分钟")
    dialog.findings.setPlainText("二号车间应急照明不亮")
    dialog.reported.setChecked(True)
    with qtbot.waitSignal(dialog.finished):
        dialog.on_accept()
    qtbot.waitUntil(lambda: tab.dialog is None)
    held = context.store.drills.get(planned.id)
    assert held.status == "held" and held.held_on == demo_as_of.isoformat() and held.participants == 42
    assert held.planned_on == (demo_as_of + timedelta(days=7)).isoformat()
    assert held.reported_on == demo_as_of.isoformat()
    schedule = DrillService(context.session).due_for(due[0].enterprise_id, demo_as_of).schedule
    assert schedule.comprehensive_or_specific.last_held == demo_as_of

    # The finding becomes a hazard with source 演练.
    tab.records_table.selectRow(_row_of(tab.records_model, lambda d: d.id == planned.id))
    assert tab.finding_button.isEnabled()
    finding = tab.on_finding_clicked()
    assert finding.description.toPlainText() == "二号车间应急照明不亮"
    with qtbot.waitSignal(finding.finished):
        finding.on_accept()
    hazard = context.store.hazards.get(finding.hazard_id)
    assert hazard.source == "drill" and hazard.drill_id == planned.id
    rows, total = LedgerService(context.session.at(demo_as_of)).first_page(
        LedgerFilter(source="drill", text="应急照明"))
    assert total == 1 and rows[0].hazard_id == hazard.id


def test_a_bad_drill_record_shows_the_message_and_saves_nothing(qtbot, context_for, demo_as_of) -> None:
    context = context_for("inspector01a")
    page = _page(qtbot, context, demo_as_of)
    before = context.store.drills.count()
    dialog = page.drills.on_record_clicked()
    dialog.enterprise.choose(page.drills.due_model.row_at(0).enterprise_id)
    dialog.name.setText("演练")
    dialog.day.setDate(_qdate(demo_as_of + timedelta(days=1)))
    dialog.on_accept()
    assert "未来" in dialog.message.text() and dialog.isVisible()
    assert context.store.drills.count() == before
    dialog.reject()


def test_each_role_sees_the_actions_it_may_take(qtbot, context_for, demo_as_of) -> None:
    office = _page(qtbot, context_for("admin"), demo_as_of)
    assert not office.incidents.record_button.isHidden() and not office.campaigns.new_button.isHidden()
    inspector = _page(qtbot, context_for("inspector01a"), demo_as_of)
    assert inspector.incidents.record_button.isHidden() and inspector.campaigns.new_button.isHidden()
    assert not inspector.drills.plan_button.isHidden() and not inspector.training.record_button.isHidden()
    enterprise_context = context_for("ent0001")
    enterprise = _page(qtbot, enterprise_context, demo_as_of)
    own = enterprise_context.session.person.enterprise_id
    assert all(d.enterprise_id == own for d in enterprise.drills.due_model._rows)
    assert all(d.enterprise_id == own for d in enterprise.drills.records_model._rows)
    dialog = enterprise.drills.on_plan_clicked()
    assert dialog.enterprise.enterprise_id() == own and dialog.enterprise.edit.isReadOnly()
    dialog.reject()


def test_the_incidents_tab_shows_the_goal_and_marks_liable_larger_incidents(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.tabs.setCurrentIndex(ActivitiesPage.INCIDENTS)
    tab = page.incidents
    assert tab.model.rowCount() == len(tab.service.in_year(demo_as_of.year))
    assert "Goal holds" in tab.goal.text()
    dialog = tab.on_record_clicked()
    dialog.enterprise.choose(demo_context.store.enterprises.active()[0].id)
    dialog.deaths.setValue(3)
    assert "较大" in dialog.grade.text()
    dialog.liability.setCurrentIndex(dialog.liability.findData("责任"))
    dialog.when.setDateTime(dialog.when.dateTime().addDays(-1))
    with qtbot.waitSignal(dialog.finished):
        dialog.on_accept()
    qtbot.waitUntil(lambda: tab.dialog is None)
    row = _row_of(tab.model, lambda r: r.incident.id == dialog.incident_id)
    assert tab.model.data(tab.model.index(row, IncidentModel.GRADE)) == "较大"
    assert tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "Goal broken: 1 liable" in tab.goal.text()


def test_the_campaigns_tab_shows_each_campaigns_share_for_its_bar(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.tabs.setCurrentIndex(ActivitiesPage.CAMPAIGNS)
    model = page.campaigns.model
    assert model.rowCount() == len(demo_context.store.campaigns.active())
    for row in range(model.rowCount()):
        progress = model.row_at(row)
        share = model.data(model.index(row, CampaignModel.PROGRESS), CampaignModel.SHARE_ROLE)
        assert share == round(100 * progress.inspected / progress.targets) if progress.targets else share == 0


def test_the_navigation_names_the_page_drills_and_activities(qtbot, demo_context) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    item = window.navigation.item(PAGE_KEYS.index("drills"))
    assert item.text() == window.tr("Drills & activities")
    assert isinstance(window.pages["drills"], ActivitiesPage)
    assert DrillService(demo_context.session).may_record()


def test_a_planned_drill_can_be_cancelled_after_confirming(qtbot, context_for, demo_as_of, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox
    context = context_for("admin")
    page = _page(qtbot, context, demo_as_of)
    tab = page.drills
    row = _row_of(tab.records_model, lambda d: d.status == "planned")
    planned = tab.records_model.row_at(row)
    tab.records_table.selectRow(row)
    assert tab.cancel_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    tab.on_cancel_clicked()
    assert not context.store.drills.get(planned.id).deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    tab.on_cancel_clicked()
    assert context.store.drills.get(planned.id).deleted
    assert planned.id not in {d.id for d in tab.records_model._rows}


def test_the_record_dialog_saves_the_start_time_and_duration_on_the_writer_thread(qtbot, context_for,
                                                                                 demo_as_of) -> None:
    from PySide6.QtCore import QTime

    from safety_desk.ui.operations import Operations

    context = context_for("inspector01a")
    # The application's set-up: writes go through context.ops on its writer thread; the window's connection reads.
    context.ops = Operations(context.desk)
    context.store.db.conn.execute("PRAGMA query_only = ON")
    try:
        tab = _page(qtbot, context, demo_as_of).drills
        dialog = tab.on_record_clicked()
        dialog.enterprise.choose(tab.due_model.row_at(0).enterprise_id)
        dialog.name.setText("夜间消防疏散演练")
        dialog.day.setDate(_qdate(demo_as_of))
        assert not dialog.start_time.isEnabled() and dialog.duration.text() == dialog.tr("not recorded")
        dialog.timed.setChecked(True)
        dialog.start_time.setTime(QTime(19, 45))
        dialog.duration.setValue(75)
        with qtbot.waitSignal(dialog.finished):
            dialog.on_accept()
        drill = context.store.drills.get(dialog.drill_id)
        assert (drill.start_time, drill.duration_minutes) == ("19:45", 75)

        # Reopened, it shows them; cleared, the drill has them as not recorded.
        qtbot.waitUntil(lambda: tab.dialog is None)
        tab.records_table.selectRow(_row_of(tab.records_model, lambda d: d.id == drill.id))
        again = tab.on_record_clicked()
        assert again.timed.isChecked() and again.start_time.time() == QTime(19, 45) and again.duration.value() == 75
        again.timed.setChecked(False)
        again.duration.setValue(0)
        with qtbot.waitSignal(again.finished):
            again.on_accept()
        cleared = context.store.drills.get(drill.id)
        assert (cleared.start_time, cleared.duration_minutes) == (None, None)
    finally:
        context.ops.close()
        context.store.db.conn.execute("PRAGMA query_only = OFF")
