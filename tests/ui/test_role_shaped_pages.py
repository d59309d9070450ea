"""Pages shaped by the signed-in role: the main button is that person's step, and what the role may not use is
not offered (the hazard page, the ledger, the dashboard, the Sync page, Settings)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from safety_desk.services.inspections import InspectionService
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog


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
