"""The enterprise editor: checks as you type, refuses what the store refuses, and saves a valid edit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from safety_desk.app import Desk
from safety_desk.domain.uscc import make_uscc, validate_uscc
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.store.enterprises import pinyin_initials
from safety_desk.ui.dialogs.enterprise_editor import EnterpriseEditor
from safety_desk.ui.operations import InlineOperations


@pytest.fixture
def office_service(demo_context) -> EnterpriseService:
    return EnterpriseService(demo_context.session)


def _editor(qtbot, service: EnterpriseService, enterprise) -> EnterpriseEditor:
    # Writes go through operations on a desk of the service's session, as the window's do.
    editor = EnterpriseEditor(service, enterprise, ops=InlineOperations(Desk(service.session)))
    qtbot.addWidget(editor)
    return editor


def _wrong_check_digit(uscc: str) -> str:
    return uscc[:-1] + ("1" if uscc[-1] != "1" else "2")


def test_an_invalid_uscc_is_refused_with_the_reason_and_nothing_changes(qtbot, demo_store, office_service) -> None:
    enterprise = demo_store.enterprises.active()[0]
    editor = _editor(qtbot, office_service, enterprise)
    assert editor.ok_button.isEnabled() and editor.uscc_error.isHidden()

    editor.uscc.clear()
    qtbot.keyClicks(editor.uscc, "9137")
    with pytest.raises(ValueError) as short:
        validate_uscc("9137")
    assert not editor.uscc_error.isHidden() and editor.uscc_error.text() == str(short.value)
    assert not editor.ok_button.isEnabled()

    editor.uscc.clear()
    wrong = _wrong_check_digit(enterprise.uscc)
    qtbot.keyClicks(editor.uscc, wrong)
    with pytest.raises(ValueError) as check:
        validate_uscc(wrong)
    assert "校验位" in str(check.value)  # the check-digit rule, not length or charset
    assert editor.uscc_error.text() == str(check.value) and not editor.uscc_error.isHidden()
    assert not editor.ok_button.isEnabled()

    editor.on_accept()  # as if OK were pressed anyway (Enter in a field)
    assert editor.result() != QDialog.DialogCode.Accepted
    assert demo_store.enterprises.get(enterprise.id) == enterprise

    editor.uscc.setText(enterprise.uscc.lower())  # lower case is accepted and normalised
    assert editor.uscc_error.isHidden() and editor.ok_button.isEnabled()


def test_a_refusal_from_the_service_is_shown_in_the_dialog_and_nothing_is_saved(qtbot, demo_store,
                                                                               office_service) -> None:
    first, second = demo_store.enterprises.active()[:2]
    editor = _editor(qtbot, office_service, first)
    editor.uscc.setText(second.uscc)  # valid, but another enterprise's: only the database knows
    editor.name.setText("新名称有限公司")
    assert editor.ok_button.isEnabled()
    editor.on_accept()
    assert second.name in editor.message.text() and not editor.message.isHidden()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert demo_store.enterprises.get(first.id) == first


def test_someone_who_may_not_edit_is_told_so_and_nothing_is_saved(english, qtbot, demo_store, context_for) -> None:
    inspector = context_for("inspector01a")
    enterprise = demo_store.enterprises.of_district(inspector.session.district_ids()[0])[0]
    editor = _editor(qtbot, EnterpriseService(inspector.session), enterprise)
    editor.address.setText("新地址1号")
    editor.on_accept()
    assert "edit_enterprise" in editor.message.text()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert demo_store.enterprises.get(enterprise.id) == enterprise


def test_a_valid_edit_is_stored(qtbot, demo_store, office_service) -> None:
    enterprise = next(e for e in demo_store.enterprises.active() if e.industry != "机械" and e.risk_class != 2)
    new_uscc = make_uscc("91370202MA3C1234X")
    editor = _editor(qtbot, office_service, enterprise)
    editor.name.clear()
    assert not editor.name_error.isHidden() and not editor.ok_button.isEnabled()
    editor.name.setText("青岛中港机械有限公司")  # keyClicks types ASCII only
    editor.uscc.setText(" " + new_uscc.lower() + " ")
    editor.industry.setCurrentIndex(editor.industry.findData("机械"))
    editor.risk_class.setCurrentIndex(editor.risk_class.findData(2))
    editor.high_risk.setChecked(not enterprise.high_risk)
    editor.contact_phone.setText("abc")
    assert not editor.phone_error.isHidden() and not editor.ok_button.isEnabled()
    editor.contact_phone.setText("0532-88886666")
    assert editor.ok_button.isEnabled()
    assert set(editor.changes()) == {"name", "uscc", "industry", "risk_class", "high_risk", "contact_phone"}

    with qtbot.waitSignal(editor.enterprise_saved) as saved:
        editor.on_accept()
    assert saved.args == [enterprise.id]
    assert editor.result() == QDialog.DialogCode.Accepted
    stored = demo_store.enterprises.get(enterprise.id)
    assert (stored.name, stored.uscc, stored.industry, stored.risk_class, stored.high_risk, stored.contact_phone) == (
        "青岛中港机械有限公司", new_uscc, "机械", 2, not enterprise.high_risk, "0532-88886666")
    assert stored.name_initials == pinyin_initials("青岛中港机械有限公司")
    assert (stored.address, stored.principal) == (enterprise.address, enterprise.principal)
    assert demo_store.enterprises.search("qdzgjx")[0].id == enterprise.id
