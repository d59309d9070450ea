"""The training dialog: an enterprise officer records training for their own enterprise, which cannot be taken off."""

from __future__ import annotations

from safety_desk.ui.dialogs.training_editor import TrainingEditorDialog


def test_an_enterprise_officer_cannot_remove_their_own_enterprise(qtbot, context_for, demo_as_of) -> None:
    context = context_for("ent0001")
    dialog = TrainingEditorDialog(context, context.desk.training, demo_as_of)
    qtbot.addWidget(dialog)
    dialog.show()
    own = context.session.person.enterprise_id
    picker = dialog.enterprises
    assert picker.ids() == [own] and not picker.remove_button.isVisible()
    picker.list.setCurrentRow(0)
    picker.on_remove_clicked()
    assert picker.ids() == [own]


def test_the_office_adds_and_removes_enterprises(qtbot, context_for, demo_as_of) -> None:
    context = context_for("admin")
    dialog = TrainingEditorDialog(context, context.desk.training, demo_as_of)
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.enterprises
    enterprise_id = context.store.people.by_login("ent0001").enterprise_id
    picker.add(enterprise_id)
    assert picker.ids() == [enterprise_id] and picker.remove_button.isVisible()
    picker.list.setCurrentRow(0)
    picker.on_remove_clicked()
    assert picker.ids() == []
