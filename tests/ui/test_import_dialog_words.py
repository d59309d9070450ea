"""The import window's row problems say what is wrong without naming the command line's options."""

from __future__ import annotations

import openpyxl

from safety_desk.domain.uscc import make_uscc
from safety_desk.ui.pages.enterprises import EnterprisesPage


def test_the_rows_refused_in_the_window_name_no_command_line_option(qtbot, demo_context, tmp_path) -> None:
    page = EnterprisesPage(demo_context)
    qtbot.addWidget(page)
    page.on_shown()
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "社会信用代码", "所属片区", "行业类别"])
    book.active.append(["青岛新甲有限公司", make_uscc("91370200MA3D00091"), "南城区", "E4710"])
    book.active.append(["青岛新乙有限公司", make_uscc("91370200MA3D00092"), "东城片区", "畜牧"])
    path = tmp_path / "名录.xlsx"
    book.save(path)
    dialog = page.open_import(str(path))
    problems = [dialog.problems.item(row).text() for row in range(dialog.problems.count())]
    assert any("南城区" in text and "不存在" in text for text in problems)
    assert any("畜牧" in text and "最接近" in text for text in problems)
    assert not any("--" in text for text in problems), problems  # the window offers a box, not an option
    assert dialog.new_districts.isVisible() and "南城区" in dialog.new_districts.text()
