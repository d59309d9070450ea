"""Pages shaped by the signed-in role: the main button is that person's step, and what the role may not use is
not offered (the hazard page, the ledger, the dashboard, the Sync page, Settings)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QGraphicsTextItem, QPushButton

from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import ROLE_NAMES
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.models.ledger_model import LedgerModel
from safety_desk.ui.pages.sync import SyncPage


def _default_action(dialog: HazardDetailDialog) -> str | None:
    """The action shown as the main (blue) button, if any."""
    chosen = [name for name, button in dialog.action_buttons.items() if button.property("primary")]
    assert len(chosen) <= 1
    if chosen:
        button = dialog.action_buttons[chosen[0]]
        assert not button.isHidden() and "#1e88e5" in button.styleSheet()
    return chosen[0] if chosen else None


def _hazard_page(qtbot, context, hazard_id: str) -> HazardDetailDialog:
    dialog = HazardDetailDialog(context, hazard_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_main_button_of_the_hazard_page_is_the_step_of_the_role(qtbot, context_for, tmp_path: Path) -> None:
    inspector, enterprise, office, leader = (context_for(login) for login in
                                             ("inspector01a", "ent0001", "admin", "leader01"))
    enterprise_id = inspector.store.people.by_login("ent0001").enterprise_id
    inspections = InspectionService(inspector.session, inspector.settings)
    inspection = inspections.start(enterprise_id, "general@2", "routine")
    hazard_id = inspections.answer(inspection.id, "1.1", "fail").hazards["1.1"].id

    # Being rectified: the enterprise's step is to report it; nobody else's main step is that.
    assert _default_action(_hazard_page(qtbot, enterprise, hazard_id)) == "report_rectified"
    for context in (inspector, office, leader):
        assert _default_action(_hazard_page(qtbot, context, hazard_id)) is None

    # The enterprise reports it with an after-photo, on its hazard page, as it would.
    photo = tmp_path / "after.jpg"
    Image.new("RGB", (320, 240), (40, 160, 60)).save(photo, "JPEG")
    dialog = _hazard_page(qtbot, enterprise, hazard_id)
    dialog.action_buttons["report_rectified"].click()
    report = dialog.action_dialog
    report.note.setPlainText("已更换灭火器")
    with qtbot.waitSignal(report.strip.photos_added, timeout=5000):
        report.strip.add_files([str(photo)])
    with qtbot.waitSignal(dialog.changed):
        report.ok_button.click()
    assert dialog.status_badge.text() == "待复查" and _default_action(dialog) is None

    # Awaiting re-inspection: the step of those who may re-inspect it (the leader may, too).
    for context in (inspector, office, leader):
        assert _default_action(_hazard_page(qtbot, context, hazard_id)) == "verify"


def _axis_labels(view) -> list[str]:
    """The numbers printed along a chart's value axis, as drawn."""
    return [item.toPlainText() for item in view.scene().items()
            if isinstance(item, QGraphicsTextItem) and item.toPlainText().isdigit()]


def test_the_enterprise_officer_sees_its_own_work(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    dashboard = window.pages["dashboard"]
    with qtbot.waitSignal(dashboard.refreshed, timeout=10_000):
        window.show_page("dashboard")
        dashboard.on_shown()
    enterprise = context.store.enterprises.get(context.session.person.enterprise_id)
    # Its own name above its own figures, and the inspection it may start is its self-inspection.
    assert enterprise.name in dashboard.greeting.text()
    assert dashboard.findChild(QPushButton, "start_inspection").text() == "Start a self-inspection"
    assert not dashboard.tiles["drills_overdue"].isVisible()  # a count of enterprises, not its own
    # Its weekly counts are 0 and 1: the axis reads 0, 1 (no "0, 0, 0, 1, 1" from fractional ticks).
    chart_view = next(view for view in dashboard.findChildren(QChartView) if view.isVisible())
    qtbot.waitUntil(lambda: "0" in _axis_labels(chart_view))
    labels = _axis_labels(chart_view)
    assert len(labels) == len(set(labels)) and labels, labels

    # The ledger: one district, so no district filter; importing its own ledger is allowed, so offered.
    window.show_page("hazards")
    ledger = window.pages["hazards"]
    assert not ledger.district.isVisible()
    # Every row is its own: its name and district in each would crowd out what the hazard is.
    assert ledger.table.isColumnHidden(LedgerModel.ENTERPRISE) and ledger.table.isColumnHidden(LedgerModel.DISTRICT)
    assert ledger.import_button.isVisible() == context.desk.spreadsheets.may_import_ledger()
    office = MainWindow(context_for("admin"))
    qtbot.addWidget(office)
    office.show()
    office.show_page("hazards")
    assert office.pages["hazards"].district.isVisible()  # the office chooses among every district
    assert not office.pages["hazards"].table.isColumnHidden(LedgerModel.ENTERPRISE)

    window.show_page("inspections")
    assert window.pages["inspections"].new_button.text() == "New self-inspection"
    window.show_page("enterprises")
    assert window.pages["enterprises"].new_inspection.text() == "New self-inspection"


def test_the_sync_page_says_who_is_signed_in_on_the_offices_computer(qtbot, context_for) -> None:
    for login in ("ent0001", "inspector01a", "admin"):
        context = context_for(login)
        page = SyncPage(context)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.refreshed):
            page.on_shown()
        person = context.session.person
        assert page.snapshot.office  # the demo database is the office's one device
        if login == "admin":
            assert "safety office's device" in page.role_label.text()
        else:
            # Beside the status bar's person and role, the page says whose device this is and who is at it.
            assert person.name in page.role_label.text() and "safety office's computer" in page.role_label.text()
            assert ROLE_NAMES[person.role] in page.role_label.text()  # the role the status bar names
        assert "a 安全办 device" in page.device_label.text()
