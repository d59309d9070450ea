"""A new inspection of a gas company lists the 城镇燃气 determination list first, and the runner shows its items."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.records import District, Enterprise
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.new_inspection import NewInspectionDialog
from safety_desk.ui.tasks import InlineTaskRunner
from safety_desk.ui.widgets.inspection_runner import InspectionRunner


def _gas_company(store: Store) -> tuple[AppContext, Enterprise]:
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
    gas = store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370202MA3G12345"), name="青岛市燃气集团有限公司",
        district_id=district.id, industry="燃气", risk_class=1, tracked_since="2025-01-01", safety_officer="王强"))
    context = AppContext(store=store, session=Session(store, admin), settings=Settings(), tasks=InlineTaskRunner(),
                         device_name="测试设备")
    return context, gas


def test_a_gas_company_is_offered_the_gas_list_first_and_the_runner_shows_it(qtbot, store: Store,
                                                                            tmp_path: Path) -> None:
    context, gas = _gas_company(store)
    dialog = NewInspectionDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.enterprise_edit, "qdsrq")  # pinyin initials of 青岛市燃气…
    qtbot.waitUntil(lambda: dialog.match_model.rowCount() == 1)
    dialog.on_match_chosen(dialog.match_model.stringList()[0])
    codes = [dialog.checklist.itemData(i) for i in range(dialog.checklist.count())]
    assert codes[:2] == ["gas-major-2023@2", "general@3"]
    assert "建城规〔2023〕4号" in dialog.checklist.itemText(0)
    dialog.grab().save(str(tmp_path / "new-inspection-gas.png"))

    inspection = InspectionService(context.session, context.settings).start(gas.id, "gas-major-2023@2", "routine")
    runner = InspectionRunner(context)
    qtbot.addWidget(runner)
    runner.resize(1200, 720)
    runner.show()
    qtbot.waitExposed(runner)
    runner.load(inspection.id)
    qtbot.waitUntil(lambda: runner.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is runner)
    assert runner.current_item().code == "M-1" and "燃气经营许可证" in runner.current_item().text
    runner.grab().save(str(tmp_path / "runner-gas.png"))
