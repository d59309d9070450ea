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
    inspection = inspections.start(enterprise_id, "general@3", "routine")
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


# -- the enterprise officer's own pages (issue 17: what the role sees) ------------------------------------------

def _shown_dashboard(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    dashboard = window.pages["dashboard"]
    with qtbot.waitSignal(dashboard.refreshed, timeout=10_000):
        window.show_page("dashboard")
        dashboard.on_shown()
    return window, dashboard


def test_the_enterprise_dashboard_lists_only_the_campaigns_that_include_it(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001")
    own = context.session.person.enterprise_id
    campaigns = context.store.campaigns
    running = campaigns.running_on(demo_as_of)
    including = [c.name for c in running if own in campaigns.target_ids(c, None, None)]
    assert len(including) < len(running)  # the demo runs a campaign of other enterprises: it must not be listed
    _window, dashboard = _shown_dashboard(qtbot, context.at(demo_as_of))
    table = dashboard.campaigns_table
    listed = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert sorted(listed) == sorted(including)
    # Each listed campaign counts this enterprise among its targets: never "0 / 0 (0%)".
    assert all(" / 1 " in table.item(row, 2).text() for row in range(table.rowCount()))
    assert table.isVisible() == bool(including) and dashboard.no_campaigns.isVisible() == (not including)

    # The office still sees every running campaign.
    _window, office = _shown_dashboard(qtbot, context_for("admin").at(demo_as_of))
    assert office.campaigns_table.rowCount() == len(running)


def test_the_enterprise_dashboard_says_when_no_campaign_includes_it(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001").at(demo_as_of)
    own = context.session.person.enterprise_id
    store = context.store
    other = next(e.id for e in store.enterprises.active() if e.id != own)
    for campaign in store.campaigns.running_on(demo_as_of):  # the office aims every campaign at another one
        if own in store.campaigns.target_ids(campaign, None, None):
            store.campaigns.update(campaign.id, targets={"enterprise_ids": [other]})
    assert not any(own in store.campaigns.target_ids(c, None, None) for c in store.campaigns.running_on(demo_as_of))
    _window, dashboard = _shown_dashboard(qtbot, context)
    assert not dashboard.campaigns_table.isVisible()
    assert dashboard.no_campaigns.isVisible() and "your enterprise" in dashboard.no_campaigns.text()


def test_the_enterprise_weekly_summary_is_its_own_under_its_own_name(qtbot, context_for, demo_as_of,
                                                                      tmp_path) -> None:
    import subprocess

    from safety_desk.ui.pages.reports import WEEKLY, ReportsPage

    context = context_for("ent0001").at(demo_as_of)
    enterprise = context.store.enterprises.get(context.session.person.enterprise_id)
    office = context.store.offices.current().name
    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    assert page.document() == WEEKLY and page.scope_box.currentText() == enterprise.name
    with qtbot.waitSignal(page.generated, timeout=0) as blocker:
        page.generate()
    text = subprocess.run(["pdftotext", "-raw", blocker.args[0], "-"], check=True, capture_output=True,
                          text=True).stdout.replace(" ", "")
    # It compiles its own figures under its own name and reports them to the office, which is not their author.
    assert f"编制单位：{enterprise.name}" in text and "编发单位" not in text
    assert f"报送：{office}" in text
    # One enterprise: no chart of districts, no table of enterprises.
    assert "各片区未销号隐患" not in text and "分企业情况" not in text
    # Only the campaigns that include it.
    campaigns = context.store.campaigns
    for campaign in campaigns.running_on(demo_as_of):
        included = bool(campaigns.target_ids(campaign, None, enterprise.id))
        assert (campaign.name.replace(" ", "") in text) == included, campaign.name


def test_the_enterprise_drills_and_incidents_show_no_enterprise_column(qtbot, context_for, demo_as_of) -> None:
    from safety_desk.ui.models.activity_models import DrillDueModel, DrillRecordsModel, IncidentModel

    def activities(login):
        window = MainWindow(context_for(login).at(demo_as_of))
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
        window.show_page("drills")
        return window.pages["drills"]

    own = activities("ent0001")
    drills = own.drills
    assert drills.records_model.rowCount() > 0  # its drills are listed, without its name on each
    assert drills.records_table.isColumnHidden(DrillRecordsModel.ENTERPRISE)
    assert drills.due_table.isColumnHidden(DrillDueModel.ENTERPRISE)
    assert drills.due_table.isColumnHidden(DrillDueModel.DISTRICT)
    assert own.incidents.table.isColumnHidden(IncidentModel.ENTERPRISE)
    assert own.incidents.table.isColumnHidden(IncidentModel.DISTRICT)
    office = activities("admin")
    assert not office.drills.records_table.isColumnHidden(DrillRecordsModel.ENTERPRISE)
    assert not office.drills.due_table.isColumnHidden(DrillDueModel.ENTERPRISE)
    assert not office.incidents.table.isColumnHidden(IncidentModel.ENTERPRISE)


def test_on_the_offices_computer_only_the_office_is_offered_bundle_work(qtbot, context_for, monkeypatch) -> None:
    from safety_desk.ui.dialogs.sync_export import ExportBundleDialog

    opened = []
    monkeypatch.setattr(ExportBundleDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    for login in ("ent0001", "inspector01a", "leader01"):
        page = SyncPage(context_for(login))
        qtbot.addWidget(page)
        page.resize(1366, 728)
        page.show()
        with qtbot.waitSignal(page.refreshed):
            page.on_shown()
        assert page.snapshot.office  # the demo database is the office's one device
        # No export, import or folder pass offered: bundles are the office's work on its computer, and it says so.
        for widget in (page.export_button, page.import_button, page.folder_box):
            assert not widget.isVisible(), (login, widget.objectName())
        assert "The safety office exchanges the bundles" in page.role_label.text()
        assert "stays on this computer" in page.peers_empty.text() and not page.peers_view.isVisible()
        page.on_export_clicked()  # nor reached another way (an empty list of devices to export for)
        assert opened == []
    office = SyncPage(context_for("admin"))
    qtbot.addWidget(office)
    office.show()
    with qtbot.waitSignal(office.refreshed):
        office.on_shown()
    assert office.export_button.isVisible() and office.import_button.isVisible() and office.folder_box.isVisible()
    # With no device enrolled there is nobody to write a bundle for: the button says so instead of an empty list.
    assert not office.live_peers() and not office.export_button.isEnabled()
    assert "enrol one first" in office.export_button.toolTip()


def test_backups_are_a_sentence_for_whoever_cannot_manage_them(qtbot, context_for) -> None:
    from safety_desk.ui.pages.settings import SettingsPage

    for login, manages in (("ent0001", False), ("leader01", False), ("admin", True)):
        page = SettingsPage(context_for(login))
        qtbot.addWidget(page)
        page.resize(1366, 728)
        page.show()
        page.on_shown()
        panel = page.backups
        assert panel.table.isVisible() == manages and panel.back_up.isVisible() == manages, login
        assert panel.managed_by_office.isVisible() == (not manages), login
