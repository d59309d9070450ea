"""The import windows offer .csv lists next to workbooks and read them like one."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from safety_desk.domain.uscc import make_uscc
from safety_desk.ui.pages.enterprises import EnterprisesPage
from safety_desk.ui.pages.hazards import HazardsPage

NEW = make_uscc("91370200MA3C0C5W1")


def test_both_import_buttons_offer_csv_files(qtbot, demo_context, monkeypatch) -> None:
    offered = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: offered.append(args[3]) or ("", ""))
    for page in (EnterprisesPage(demo_context), HazardsPage(demo_context)):
        qtbot.addWidget(page)
        page.on_import_clicked()
    assert len(offered) == 2 and all("*.csv" in offered_filter and "*.xlsx" in offered_filter
                                     for offered_filter in offered), offered


def test_a_gbk_csv_list_is_checked_and_imported_in_the_window(qtbot, demo_context, tmp_path: Path,
                                                              monkeypatch) -> None:
    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    district = demo_context.store.districts.active()[0]
    path = tmp_path / "企业名录.csv"
    path.write_bytes((f"2026年度监管企业名录,,,\n企业名称,统一社会信用代码,所属片区,行业代码\n"
                      f"青岛种苗培育有限公司,{NEW},{district.name},0511\n").encode("gbk"))
    dialog = page.open_import(str(path))
    qtbot.waitUntil(lambda: dialog.result is not None)
    assert dialog.result.ok and dialog.result.added == 1, [str(p) for p in dialog.result.problems]
    assert dialog.file_label.text() == "企业名录.csv"
    if os.environ.get("SAFETY_DESK_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["SAFETY_DESK_SHOTS"], "import_csv.png"))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert demo_context.store.enterprises.by_uscc(NEW).industry == "其他"  # 0511, 门类 A; not 批发 (商贸)
