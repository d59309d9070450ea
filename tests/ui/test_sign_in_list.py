"""The office names who signs in on a device from its Devices tab (issue 19): tick people, or back to the default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from safety_desk.services.devices import DeviceService
from safety_desk.services.organisation import OrganisationService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.sign_in_list import SignInListDialog
from safety_desk.ui.pages.sync import SyncPage
from safety_desk.ui.tasks import InlineTaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))  # the sync tests' helpers

from sync_helpers import as_person, enrol_and_join, make_office  # noqa: E402

SHOTS = Path(os.environ["SAFETY_DESK_SHOTS"]) if os.environ.get("SAFETY_DESK_SHOTS") else None


@pytest.fixture
def office_page(qtbot, tmp_path):
    """The office's Sync page (signed in as admin) with laptop D1 enrolled; 检查员乙 (insp9) serves D2."""
    office = make_office(tmp_path)
    OrganisationService(as_person(office, "admin")).add_person("insp9", "检查员乙", "inspector", ["D2"],
                                                              password="insp9-password")
    laptop = enrol_and_join(office, tmp_path, "laptop", "inspector", district_codes=["D1"])
    laptop.close()
    admin = office.store.people.by_login("admin")
    office.store.db.author_id = admin.id
    context = AppContext(store=office.store, session=Session(office.store, admin), settings=Settings(),
                         tasks=InlineTaskRunner(), device_name="office")
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.resize(1216, 740)
    with qtbot.waitSignal(page.refreshed):
        page.on_shown()
    yield office, page
    office.close()


def _select(page: SyncPage, name: str) -> None:
    model = page.devices_model
    page.devices_view.selectRow(next(r for r in range(model.rowCount()) if model.device(r).name == name))


def _items(dialog: SignInListDialog) -> dict[str, bool]:
    return {dialog.people.item(r).data(Qt.ItemDataRole.UserRole):
            dialog.people.item(r).checkState() == Qt.CheckState.Checked for r in range(dialog.people.count())}


def test_the_office_names_who_signs_in_on_a_laptop_and_goes_back_to_the_default(office_page, qtbot,
                                                                                  monkeypatch) -> None:
    office, page = office_page
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: pytest.fail(f"refused: {a[2]}")))
    _select(page, office.store.devices.get(office.store.db.device_id).name)
    assert not page.people_button.isEnabled()  # the office's own device: everyone signs in there
    _select(page, "laptop")
    assert page.people_button.isEnabled()

    seen = []

    def tick_insp9_only(dialog: SignInListDialog) -> int:
        # Every inspector and leader may be listed; the office's accounts and enterprise staff never.
        seen.append(_items(dialog))
        assert not dialog.default_button.isEnabled()  # it is on the default list already
        for row in range(dialog.people.count()):
            item = dialog.people.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) == "insp9"
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        dialog.resize(520, 460)
        if SHOTS is not None:
            dialog.grab().save(str(SHOTS / "sign_in_list.png"))
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(SignInListDialog, "exec", tick_insp9_only)
    with qtbot.waitSignal(page.sign_in_list_changed) as changed:
        qtbot.mouseClick(page.people_button, Qt.MouseButton.LeftButton)
    assert seen == [{"insp": True, "insp9": False}]
    assert changed.args[0].listed and changed.args[0].logins == ["insp9"]
    laptop = DeviceService(office.session).sign_in_list(office.store.devices.named("laptop")[0])
    assert laptop.listed and laptop.logins == ["insp9"]  # stored: it travels with the next sync
    assert "insp9" in page.note.text() and "laptop" in page.note.text()

    def back_to_default(dialog: SignInListDialog) -> int:
        seen.append(_items(dialog))
        assert dialog.default_button.isEnabled()
        dialog.default_button.click()
        return dialog.result()

    _select(page, "laptop")
    monkeypatch.setattr(SignInListDialog, "exec", back_to_default)
    with qtbot.waitSignal(page.sign_in_list_changed) as changed:
        qtbot.mouseClick(page.people_button, Qt.MouseButton.LeftButton)
    assert seen[-1] == {"insp": False, "insp9": True}
    assert not changed.args[0].listed and changed.args[0].logins == ["insp"]


def test_an_empty_list_cannot_be_saved(office_page, qtbot) -> None:
    office, _page = office_page
    choices = DeviceService(office.session).sign_in_choices("laptop")
    dialog = SignInListDialog(choices)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    dialog.people.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.people.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.ok_button.isEnabled() and dialog.problem.text()
    dialog.filter.setText("乙")
    shown = [dialog.people.item(r).text() for r in range(dialog.people.count()) if not dialog.people.isRowHidden(r)]
    assert shown == ["检查员乙（insp9）"]
    assert dialog.result() != QDialog.DialogCode.Accepted
