"""The dashboard page: figures fill after the window shows, and every click shows exactly the rows counted."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safety_desk.services.dashboard import COLOURS
from safety_desk.ui.dialogs.record_list import RecordListDialog
from safety_desk.ui.main_window import MainWindow


def _window(qtbot, context, as_of) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    dashboard = window.pages["dashboard"]
    assert context.session.clock.today() == as_of  # the demo context's clock stands where the demo data ends
    with qtbot.waitSignal(dashboard.refreshed, timeout=10_000):
        window.show_page("dashboard")
        dashboard.on_shown()
    return window


def _open_dialog() -> RecordListDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordListDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_each_figure_opens_the_ledger_with_exactly_its_rows(qtbot, demo_context, demo_as_of) -> None:
    window = _window(qtbot, demo_context, demo_as_of)
    dashboard, hazards = window.pages["dashboard"], window.pages["hazards"]
    figures = dashboard.dashboard.figures
    assert figures["overdue"].value > 0 and figures["open_general"].value > 0
    for key, tile in dashboard.tiles.items():
        if key == "closed_this_year" or figures[key].ledger is None:
            continue  # a rate, or records other than hazards (lists of their own, tested below)
        assert tile.value.text() == f"{figures[key].value:,}"
        tile.clicked.emit()
        assert window.current_page_key() == "hazards"
        assert hazards.model.total() == figures[key].value, key
        assert hazards.count_label.text() == f"{figures[key].value:,} hazards"
        window.show_page("dashboard")
    dashboard.tiles["closed_this_year"].clicked.emit()
    assert hazards.model.total() == figures["closed_this_year"].value
    assert hazards.status.currentText() == "已销号"
    hazards.on_clear_clicked()
    assert hazards.model.total() >= figures["found_this_year"].value


def test_a_due_soon_filter_shows_as_a_chip_that_can_be_removed(qtbot, demo_context, demo_as_of) -> None:
    window = _window(qtbot, demo_context, demo_as_of)
    dashboard, hazards = window.pages["dashboard"], window.pages["hazards"]
    dashboard.tiles["due_soon"].clicked.emit()
    assert not hazards.chip.isHidden() and hazards.chip.text() == dashboard.tiles["due_soon"].caption.text()
    assert hazards.model.total() == dashboard.dashboard.figures["due_soon"].value
    hazards.chip.click()
    assert hazards.chip.isHidden() and hazards.model.total() > dashboard.dashboard.figures["due_soon"].value


def test_chart_bars_and_district_cells_open_their_rows(qtbot, demo_context, demo_as_of) -> None:
    window = _window(qtbot, demo_context, demo_as_of)
    dashboard, hazards = window.pages["dashboard"], window.pages["hazards"]
    weeks = dashboard.dashboard.weeks
    busiest = max(range(len(weeks)), key=lambda i: weeks[i].found)
    dashboard.on_week_clicked(busiest, closed=False)
    assert hazards.model.total() == weeks[busiest].found > 0
    dashboard.on_week_clicked(busiest, closed=True)
    assert hazards.model.total() == weeks[busiest].closed
    rows = dashboard.dashboard.districts
    assert dashboard.districts_table.rowCount() == len(rows) == len(demo_context.store.districts.active())
    dashboard.on_district_bar_clicked(0)
    assert hazards.model.total() == rows[0].open_hazards
    window.show_page("dashboard")
    for offset, colour in enumerate(COLOURS):
        dashboard.on_district_cell_clicked(0, 5 + offset)
        dialog = _open_dialog()
        assert dialog.table.rowCount() == rows[0].colours[colour]
        dialog.close()
    dashboard.on_district_cell_clicked(0, 4)
    dialog = _open_dialog()
    inspected = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert dialog.table.rowCount() == rows[0].enterprises
    assert sum(text[:2] == "20" for text in inspected) == rows[0].covered_quarter
    enterprise_id = dialog.record_ids()[0]
    dialog.on_double_clicked(0, 0)
    assert window.current_page_key() == "enterprises"
    assert window.pages["enterprises"].current_id == enterprise_id


def test_inspections_this_week_and_my_work_open_their_records(qtbot, context_for, demo_as_of) -> None:
    window = _window(qtbot, context_for("inspector01a"), demo_as_of)
    dashboard = window.pages["dashboard"]
    dialog = dashboard.show_inspections_this_week()
    assert dialog.table.rowCount() == dashboard.dashboard.figures["inspections_this_week"].value
    dialog.close()
    work = dashboard.dashboard.work
    assert dashboard.work_table.rowCount() == len(work) > 0
    with qtbot.waitSignal(dashboard.hazard_requested) as blocker:
        dashboard.on_work_double_clicked(0, 0)
    assert blocker.args == [work[0].hazard_id]


def test_reminders_show_once_a_day_and_open_their_rows(qtbot, context_for, demo_as_of, monkeypatch) -> None:
    from safety_desk.services import reminders as reminder_module
    from safety_desk.ui import main_window

    monkeypatch.setattr(reminder_module.LedgerService, "as_of", lambda self: demo_as_of)
    window = main_window.MainWindow(context_for("inspector01a"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.reminders is not None and window.reminders.isVisible())
    dialog = window.reminders
    assert set(dialog.buttons) >= {"overdue", "awaiting_review"}
    expected = reminder_module.ReminderService(window.context.session.at(demo_as_of)).reminders()
    overdue = next(r for r in expected if r.key == "overdue")
    assert f"{overdue.count:,}" in dialog.buttons["overdue"].text()
    dialog.buttons["overdue"].click()
    assert window.reminders is None and window.current_page_key() == "hazards"
    assert window.pages["hazards"].model.total() == overdue.count
    window.remind_once_a_day()  # the same day again: nothing more
    assert window.reminders is None
    second = main_window.MainWindow(context_for("inspector01a"))
    qtbot.addWidget(second)
    second.remind_once_a_day()
    assert second.reminders is None


def test_goal_drills_notices_and_campaigns_lead_to_their_records(qtbot, demo_context, demo_as_of) -> None:
    window = _window(qtbot, demo_context, demo_as_of)
    dashboard, hazards = window.pages["dashboard"], window.pages["hazards"]
    data = dashboard.dashboard
    assert data.goal.holds and "0" in dashboard.goal.text()
    dashboard.goal.mouseReleaseEvent(None)
    assert window.current_page_key() == "drills"
    assert window.pages["drills"].tabs.currentWidget() is window.pages["drills"].incidents
    window.show_page("dashboard")

    assert dashboard.tiles["drills_overdue"].value.text() == str(len(data.drills))
    dashboard.tiles["drills_overdue"].clicked.emit()
    dialog = _open_dialog()
    assert dialog.table.rowCount() == len(data.drills)
    dialog.close()

    assert data.notices, "the demo has notices awaiting a reply"
    dashboard.tiles["notices_awaiting"].clicked.emit()
    dialog = _open_dialog()
    assert dialog.table.rowCount() == len(data.notices)
    summary = data.notices[0]
    dialog.on_double_clicked(0, 0)
    assert window.current_page_key() == "hazards" and hazards.model.total() == summary.hazards
    window.show_page("dashboard")

    assert dashboard.campaigns_table.rowCount() == len(data.campaigns) > 0
    progress = max(data.campaigns, key=lambda p: p.hazards)
    row = data.campaigns.index(progress)
    dashboard.on_campaign_cell_clicked(row, 3)
    assert hazards.model.total() == progress.hazards
    dashboard.on_campaign_cell_clicked(row, 4)
    assert hazards.model.total() == progress.closed
    window.show_page("dashboard")
    dashboard.on_campaign_cell_clicked(row, 2)
    dialog = _open_dialog()
    assert dialog.table.rowCount() == progress.targets - progress.inspected
    dialog.close()


def test_an_enterprise_sees_its_own_figures_and_no_district_overview(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001")
    window = _window(qtbot, context, demo_as_of)
    window.show()
    dashboard = window.pages["dashboard"]
    assert not dashboard.districts_view.isVisible() and not dashboard.districts_table.isVisible()
    assert not dashboard.districts_section.isVisible()
    assert dashboard.tiles["open_general"].isVisible()
    office = _window(qtbot, context_for("admin"), demo_as_of)
    office.show()
    assert office.pages["dashboard"].districts_table.isVisible()
