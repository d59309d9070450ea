"""Excel on the ledger and enterprises pages: export the current filter, check an import first, import only when clean."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from safety_desk.reports.spreadsheets import LEDGER_SHEET, SUMMARY_SHEET
from safety_desk.ui.pages.enterprises import EnterprisesPage
from safety_desk.ui.pages.hazards import HazardsPage

HEADER = ["企业名称", "统一社会信用代码", "发现日期", "隐患描述", "隐患等级", "整改期限", "整改状态"]


def _page(qtbot, context, demo_as_of) -> HazardsPage:
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def _ledger_file(path: Path, context, bad: bool) -> Path:
    enterprise = context.store.enterprises.active()[0]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某集团隐患排查治理台账"])
    sheet.append(HEADER)
    sheet.append([enterprise.name, enterprise.uscc, "2026/11/20", "消防通道堆放杂物", "一般", "2026-12-05", "未整改"])
    sheet.append([enterprise.name, enterprise.uscc, "2026/11/21", "配电室无绝缘垫", "一般", "2026-12-05", "已整改"])
    if bad:
        sheet.append(["不存在的公司", "", "2026/11/21", "叉车无证驾驶", "一般", "2026-12-05", "未整改"])
        sheet.append([enterprise.name, enterprise.uscc, "2026年13月1日", "灭火器过期", "特别重大", "", "研究中"])
    book.save(path)
    return path


def test_export_writes_the_current_filter_in_a_worker_and_says_so(qtbot, demo_context, demo_as_of, tmp_path,
                                                                    monkeypatch) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    assert not page.export_button.isHidden() and page.export_button.text() == "Export to Excel…"
    page.grade.setCurrentIndex(page.grade.findData("重大"))
    expected = page.model.total()
    target = tmp_path / "major.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    page.on_export_clicked()
    assert told
    assert str(target) in told[0] and str(expected) in told[0]
    book = openpyxl.load_workbook(target, read_only=True)
    grades = [row[10] for row in book[LEDGER_SHEET].iter_rows(min_row=3, values_only=True)]
    assert len(grades) == expected and set(grades) == {"重大"}
    summary = {row[0]: row[1] for row in book[SUMMARY_SHEET].iter_rows(values_only=True) if len(row) > 1 and row[0]}
    assert summary["逾期计算日期"].date() == demo_as_of  # overdue as of the ledger's day
    assert summary["  隐患等级"] == "重大"  # the filter used is written down


def test_a_cancelled_save_dialog_exports_nothing(qtbot, demo_context, demo_as_of, monkeypatch) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.on_export_clicked()
    assert page.ledger_export.progress is None


def test_an_import_with_problems_lists_them_by_row_and_offers_no_import(qtbot, demo_context, demo_as_of,
                                                                        tmp_path) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    before = page.model.total()
    dialog = page.open_import(str(_ledger_file(tmp_path / "bad.xlsx", demo_context, bad=True)))
    assert dialog.result is not None
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert dialog.problems.isVisible() and not dialog.import_button.isVisible()
    assert any("第5行" in text and "不存在的公司" in text for text in texts)
    assert any("第6行 发现日期" in text for text in texts)
    assert any("第6行 整改状态" in text for text in texts)
    page.on_hazards_changed()
    assert page.model.total() == before


def test_a_clean_import_shows_the_counts_then_imports_on_request(qtbot, demo_context, demo_as_of, tmp_path,
                                                                 monkeypatch) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    before = page.model.total()
    dialog = page.open_import(str(_ledger_file(tmp_path / "good.xlsx", demo_context, bad=False)))
    assert dialog.result is not None
    assert "2" in dialog.status_label.text() and dialog.import_button.isVisible()
    assert page.model.total() == before  # the check wrote nothing
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert page.model.total() == before + 2


def test_only_the_office_sees_the_enterprise_import(qtbot, context_for) -> None:
    office = EnterprisesPage(context_for("admin"))
    inspector = EnterprisesPage(context_for("inspector01a"))
    for page in (office, inspector):
        qtbot.addWidget(page)
    assert not office.import_button.isHidden()
    assert inspector.import_button.isHidden()


def test_the_enterprise_import_adds_to_the_tree(qtbot, demo_context, tmp_path, monkeypatch) -> None:
    from safety_desk.domain.uscc import make_uscc

    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    district = demo_context.store.districts.active()[0]
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "片区", "行业"])
    book.active.append(["青岛新导入机械有限公司", make_uscc("91370200MA3C0IMP1".replace("I", "1")), district.name,
                        "机械"])
    path = tmp_path / "e.xlsx"
    book.save(path)
    dialog = page.open_import(str(path))
    assert dialog.result is not None
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    names = [page.tree.topLevelItem(i).child(j).text(0) for i in range(page.tree.topLevelItemCount())
             for j in range(page.tree.topLevelItem(i).childCount())]
    assert any("青岛新导入机械有限公司" in name for name in names)


def test_an_office_list_naming_new_districts_imports_once_the_box_is_ticked(qtbot, demo_context, tmp_path,
                                                                             monkeypatch) -> None:
    from safety_desk.domain.uscc import make_uscc

    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    book = openpyxl.Workbook()
    book.active.title = "监管企业名录"
    book.active.append(["企业名称", "统一社会信用代码", "所属片区", "国民经济行业分类"])
    book.active.append(["市水务集团有限公司", make_uscc("91370200MA3D00091"), "新城片区", "水的生产和供应业"])
    book.active.append(["市建工集团有限公司", make_uscc("91370200MA3D00092"), "新城片区", "E47"])
    path = tmp_path / "名录.xlsx"
    book.save(path)
    dialog = page.open_import(str(path))
    assert dialog.result is not None and not dialog.result.ok
    assert dialog.new_districts.isVisible() and "新城片区" in dialog.new_districts.text()
    assert not dialog.import_button.isVisible()
    dialog.new_districts.setChecked(True)  # checks again, now creating the district
    assert dialog.result.ok and dialog.import_button.isVisible(), dialog.result.problems
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    district = next(d for d in demo_context.store.districts.active() if d.name == "新城片区")
    created = demo_context.store.enterprises.by_uscc(make_uscc("91370200MA3D00091"))
    assert (created.district_id, created.industry) == (district.id, "其他")


def test_a_ledger_workbook_with_its_enterprise_sheet_imports_both(qtbot, demo_context, demo_as_of, tmp_path,
                                                                  monkeypatch) -> None:
    from safety_desk.domain.uscc import make_uscc

    page = _page(qtbot, demo_context, demo_as_of)
    before = page.model.total()
    uscc = make_uscc("91370200MA3D00093")
    book = openpyxl.Workbook()
    book.active.title = "隐患台账"
    book.active.append(HEADER)
    book.active.append(["市燃气集团有限公司", uscc, demo_as_of.isoformat(), "调压站可燃气体报警器失效", "一般",
                        "", "未整改"])
    listed = book.create_sheet("监管企业名录")
    listed.append(["企业名称", "统一社会信用代码", "所属片区", "国民经济行业分类"])
    listed.append(["市燃气集团有限公司", uscc, "新城片区", "燃气生产和供应业"])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    dialog = page.open_import(str(path))
    assert not dialog.result.ok and dialog.new_districts.isVisible()  # 新城片区 does not exist yet
    dialog.new_districts.setChecked(True)
    assert dialog.result.ok and dialog.import_button.isVisible(), dialog.result.problems
    assert "1 enterprises will be added" in dialog.status_label.text()
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert page.model.total() == before + 1
    assert demo_context.store.enterprises.by_uscc(uscc).industry == "燃气"
