"""The office keeps its list on the Enterprises page: 新建企业, 移至片区 and 撤销, each through the writer's
operations; refusals shown in the dialog with nothing written; other roles see none of these buttons."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from safety_desk.domain.uscc import make_uscc
from safety_desk.ui.pages.enterprises import EnterprisesPage
from tests.services.test_imports import checksum

SHOTS = Path(os.environ["SAFETY_DESK_SHOTS"]) if os.environ.get("SAFETY_DESK_SHOTS") else None
NEW_USCC = make_uscc("91370200MA3Q00001")


def _page(qtbot, context) -> EnterprisesPage:
    page = EnterprisesPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.on_shown()
    return page


def _shot(widget, name: str) -> None:
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"{name}.png"))


def _districts_of(page: EnterprisesPage) -> dict[str, str]:
    """enterprise id -> the district node it is shown under."""
    found = {}
    for top in range(page.tree.topLevelItemCount()):
        node = page.tree.topLevelItem(top)
        for i in range(node.childCount()):
            found[node.child(i).data(0, Qt.ItemDataRole.UserRole)] = node.data(0, Qt.ItemDataRole.UserRole)
    return found


def test_the_office_creates_an_enterprise_with_a_national_industry_name(qtbot, demo_context) -> None:
    store = demo_context.store
    page = _page(qtbot, demo_context)
    _shot(page, "enterprises_page")
    dialog = page.on_new_clicked()
    dialog.name.setText("市水务集团有限公司")
    qtbot.keyClicks(dialog.uscc, NEW_USCC[:-1] + ("0" if NEW_USCC[-1] != "0" else "1"))
    assert "校验位" in dialog.uscc_hint.text() and not dialog.ok_button.isEnabled()
    dialog.uscc.setText(NEW_USCC)
    west = store.districts.active()[1]
    dialog.district.setCurrentIndex(dialog.district.findData(west.id))
    dialog.industry.setEditText("养殖业")
    assert not dialog.industry_hint.isHidden() and not dialog.ok_button.isEnabled()
    dialog.industry.setEditText("水的生产和供应业")
    assert "其他" in dialog.industry_hint.text() and dialog.ok_button.isEnabled()
    dialog.contact_phone.setText("0532-88")  # six digits
    assert not dialog.phone_hint.isHidden() and not dialog.ok_button.isEnabled()
    dialog.contact_phone.setText("0532-88886666")
    assert dialog.phone_hint.isHidden() and dialog.ok_button.isEnabled()
    dialog.address.setText("市南区香港中路 1 号")
    dialog.resize(600, dialog.sizeHint().height())
    _shot(dialog, "new_enterprise")
    with qtbot.waitSignal(dialog.enterprise_created) as created:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    enterprise = store.enterprises.require(created.args[0])
    assert (enterprise.name, enterprise.uscc, enterprise.industry, enterprise.district_id, enterprise.address) == (
        "市水务集团有限公司", NEW_USCC, "其他", west.id, "市南区香港中路 1 号")
    assert page.current_id == enterprise.id and _districts_of(page)[enterprise.id] == west.id


def test_a_duplicate_uscc_is_told_in_the_dialog_and_nothing_is_written(qtbot, demo_context) -> None:
    store = demo_context.store
    taken = store.enterprises.active()[0]
    page = _page(qtbot, demo_context)
    dialog = page.on_new_clicked()
    dialog.name.setText("另一家企业")
    dialog.uscc.setText(taken.uscc)
    dialog.industry.setEditText("E")
    before = checksum(store)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert f"已被「{taken.name}」使用" in dialog.message.text() and not dialog.message.isHidden()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert checksum(store) == before


def test_the_office_moves_then_retires_an_enterprise(qtbot, demo_context, monkeypatch) -> None:
    store = demo_context.store
    east, west = store.districts.active()[:2]
    created = demo_context.ops.call("enterprises", "create", name="市粮食储备有限公司", uscc=NEW_USCC,
                                    district_id=east.id, industry="5951")
    page = _page(qtbot, demo_context)
    page.show_enterprise(created.id)
    assert page.move_button.isVisible() and page.retire_button.isVisible()
    dialog = page.on_move_clicked()
    assert dialog.district.findData(east.id) < 0  # not the district it is in
    dialog.district.setCurrentIndex(dialog.district.findData(west.id))
    dialog.resize(560, dialog.sizeHint().height())
    _shot(dialog, "move_enterprise")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert store.enterprises.require(created.id).district_id == west.id
    assert _districts_of(page)[created.id] == west.id  # the page followed the broadcast

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.retire_button.click()
    assert store.enterprises.require(created.id).deleted
    assert created.id not in _districts_of(page) and page.current_id is None


def test_an_enterprise_with_open_hazards_is_not_retired_and_the_reason_shown(qtbot, demo_context,
                                                                           monkeypatch) -> None:
    store = demo_context.store
    busy = next(e for e in store.enterprises.active() if store.hazards.open_of_enterprise(e.id))
    page = _page(qtbot, demo_context)
    page.show_enterprise(busy.id)
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text: warnings.append(text)))
    page.retire_button.click()
    assert warnings and "未销号" in warnings[0]
    assert not store.enterprises.require(busy.id).deleted


def test_an_inspector_has_no_list_keeping_buttons(qtbot, context_for) -> None:
    page = _page(qtbot, context_for("inspector01a"))
    page.show_enterprise(_first_enterprise(page))
    assert not page.new_button.isVisible() and not page.move_button.isVisible()
    assert not page.retire_button.isVisible()


def _first_enterprise(page: EnterprisesPage) -> str:
    node = page.tree.topLevelItem(0)
    return node.child(0).data(0, Qt.ItemDataRole.UserRole)
