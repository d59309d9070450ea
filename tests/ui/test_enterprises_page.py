"""The Enterprises page: district tree, debounced search by pinyin initials, scope, detail tabs and signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.session import PermissionDenied
from safety_desk.store.enterprises import pinyin_initials
from safety_desk.ui.pages.enterprises import EnterprisesPage


def _page(qtbot, context) -> EnterprisesPage:
    page = EnterprisesPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def _tree_enterprise_ids(page: EnterprisesPage) -> list[str]:
    ids = []
    for top in range(page.tree.topLevelItemCount()):
        node = page.tree.topLevelItem(top)
        ids += [node.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(node.childCount())]
    return ids


def _tree_item(page: EnterprisesPage, enterprise_id: str):
    for top in range(page.tree.topLevelItemCount()):
        node = page.tree.topLevelItem(top)
        for i in range(node.childCount()):
            if node.child(i).data(0, Qt.ItemDataRole.UserRole) == enterprise_id:
                return node.child(i)
    raise AssertionError(f"{enterprise_id} is not in the tree")


def test_the_office_sees_every_district_with_its_leader_and_enterprises(qtbot, demo_context) -> None:
    store = demo_context.store
    page = _page(qtbot, demo_context)
    districts = store.districts.active()
    assert page.tree.topLevelItemCount() == len(districts)
    for top, district in enumerate(districts):
        node = page.tree.topLevelItem(top)
        leader = store.people.get(district.leader_id)
        assert district.name in node.text(0) and leader.name in node.text(0)
        assert node.childCount() == len(store.enterprises.of_district(district.id))
    assert sorted(_tree_enterprise_ids(page)) == sorted(e.id for e in store.enterprises.active())
    assert page.right_stack.currentIndex() == 0  # nothing chosen yet: the hint, not an empty form


def test_typing_pinyin_initials_shows_the_enterprise_after_a_pause(qtbot, demo_context) -> None:
    store = demo_context.store
    # The enterprise whose four leading initials match the fewest others: the search must find it among them.
    enterprises = store.enterprises.active()
    target = min(enterprises, key=lambda e: len(store.enterprises.search(pinyin_initials(e.name)[:4])))
    initials = pinyin_initials(target.name)[:4]
    page = _page(qtbot, demo_context)

    qtbot.keyClicks(page.search, initials)
    # Debounced: nothing is queried while typing goes on; the timer runs the search after the pause.
    assert page.search_timer.isActive() and page.results.count() == 0
    qtbot.waitUntil(lambda: target.id in page.result_ids())
    assert page.left_stack.currentIndex() == 1
    assert all(pinyin_initials(store.enterprises.get(i).name).startswith(initials[:1]) for i in page.result_ids())

    page.results.setCurrentRow(page.result_ids().index(target.id))
    assert page.current_id == target.id and page.name_label.text() == target.name

    page.search.clear()
    assert page.left_stack.currentIndex() == 0
    assert page.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == target.id


def test_a_search_finds_by_uscc_and_says_when_nothing_matches(qtbot, demo_context) -> None:
    target = demo_context.store.enterprises.active()[3]
    page = _page(qtbot, demo_context)
    page.search.setText(target.uscc[-8:].lower())
    page.on_search_due()  # Enter runs it at once
    assert target.id in page.result_ids()
    page.search.setText("不存在的企业名称")
    page.on_search_due()
    assert page.result_ids() == [] and "不存在的企业名称" in page.results_note.text()


def test_an_inspector_only_sees_their_districts(qtbot, demo_store, context_for) -> None:
    context = context_for("inspector01a")
    own = set(context.session.district_ids())
    assert own and len(own) < len(demo_store.districts.active())
    page = _page(qtbot, context)
    assert page.tree.topLevelItemCount() == len(own)
    visible = _tree_enterprise_ids(page)
    assert visible and all(demo_store.enterprises.get(i).district_id in own for i in visible)
    assert page.edit_button.isHidden()  # inspectors do not keep the enterprise register

    outside = next(e for e in demo_store.enterprises.active() if e.district_id not in own)
    page.search.setText(outside.name)
    page.on_search_due()
    assert outside.id not in page.result_ids()
    service = EnterpriseService(context.session)
    with pytest.raises(PermissionDenied):
        service.detail(outside.id)
    with pytest.raises(PermissionDenied):
        service.enterprises_of(outside.district_id)
    with pytest.raises(PermissionDenied):
        service.update(visible[0], address="新地址")
    page.show_enterprise(outside.id)
    assert page.current_id is None and page.right_stack.currentIndex() == 0


def test_search_scope_applies_before_the_limit(demo_store, context_for) -> None:
    context = context_for("inspector01a")
    own = set(context.session.district_ids())
    # Every demo name ends in 公司 (…gs): with a limit of 3, other districts' names must not crowd theirs out.
    found = EnterpriseService(context.session).search("公司", limit=3)
    assert len(found) == 3 and all(e.district_id in own for e in found)


def test_choosing_an_enterprise_fills_header_and_tabs_and_routes_inspections(qtbot, demo_context) -> None:
    store = demo_context.store
    target = max(store.enterprises.active(), key=lambda e: len(store.inspections.of_enterprise(e.id)))
    page = _page(qtbot, demo_context)
    page.show()
    qtbot.waitExposed(page)
    page.tree.setCurrentItem(_tree_item(page, target.id))

    assert page.current_id == target.id and page.right_stack.currentIndex() == 1
    assert page.name_label.text() == target.name and target.uscc in page.facts_label.text()
    assert page.detail_values["uscc"].text() == target.uscc
    assert page.inspections_model.rowCount() == len(store.inspections.of_enterprise(target.id))
    assert page.hazards_model.rowCount() == len(store.hazards.open_of_enterprise(target.id))
    assert page.drills_model.rowCount() == len(store.drills.of_enterprise(target.id))
    assert f"({page.inspections_model.rowCount()})" in page.tabs.tabText(1)

    with qtbot.waitSignal(page.inspection_requested) as requested:
        qtbot.mouseClick(page.new_inspection, Qt.MouseButton.LeftButton)
    assert requested.args == [target.id]

    page.tabs.setCurrentWidget(page.inspections_table)
    table = page.inspections_table
    rect = table.visualRect(page.inspections_model.index(0, 0))
    with qtbot.waitSignal(page.inspection_opened) as opened:
        # A real double-click is press, release, then the double-click event; QTest sends only the last.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [page.inspections_model.inspection_id(0)]


def test_the_office_edits_from_the_details_tab_and_the_tree_follows(qtbot, demo_context) -> None:
    store = demo_context.store
    target = store.enterprises.active()[0]
    page = _page(qtbot, demo_context)
    page.show_enterprise(target.id)
    assert not page.edit_button.isHidden()

    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.name.setText("青岛改名测试有限公司")
    with qtbot.waitSignal(editor.finished) as finished:
        editor.on_accept()
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert store.enterprises.get(target.id).name == "青岛改名测试有限公司"
    assert page.name_label.text() == "青岛改名测试有限公司"
    assert _tree_item(page, target.id).text(0) == "青岛改名测试有限公司"
    qtbot.waitUntil(lambda: page.editor is None)  # closed and deleted
