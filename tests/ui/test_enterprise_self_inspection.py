"""An enterprise officer's 新建自查 from the inspections page: its own enterprise is chosen, its lists offered."""

from __future__ import annotations

from safety_desk.ui.dialogs.new_inspection import NewInspectionDialog


def test_the_officer_starts_a_self_inspection_of_its_own_enterprise_without_searching(qtbot, context_for) -> None:
    context = context_for("ent0001")
    own = context.session.person.enterprise_id
    dialog = NewInspectionDialog(context)  # the inspections page's 新建自查 names no enterprise
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.enterprise is not None and dialog.enterprise.id == own
    assert dialog.enterprise_edit.isReadOnly()  # there is no other enterprise to choose
    assert dialog.checklist.count() > 0 and dialog.kind.currentData() == "self_inspection"
    # Alone: the district's inspectors are the office's, not a team for the enterprise's own inspection.
    assert dialog.team.count() == 0 and not dialog.team.isVisible() and not dialog.team_hint.isVisible()
    with qtbot.waitSignal(dialog.inspection_started):
        dialog.on_accept()
    inspection = context.store.inspections.require(dialog.inspection_id)
    assert (inspection.enterprise_id, inspection.kind) == (own, "self_inspection")
    assert inspection.inspector_ids == [context.session.person.id]
