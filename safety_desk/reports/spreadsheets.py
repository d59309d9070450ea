"""Excel workbooks (openpyxl, write-only so 200,000 rows stream): the hazard ledger export and import templates."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from safety_desk.domain.china_time import beijing_day
from safety_desk.domain.ledger import EXPORT_COLUMNS, WRAPPED_EXPORT_COLUMNS, LedgerColumn
from safety_desk.reports.sheet_rows import RowStream, SharedStrings, cell_xml

LEDGER_SHEET = "隐患台账"
SUMMARY_SHEET = "说明"
_HEADER_FILL = "FF1F4E79"
_OVERDUE_FILL = "FFFDE2E1"  # light red: open past its deadline
_MAJOR_FONT = "FFB71C1C"
_PROGRESS_EVERY = 2_000
# Distinct values a column's writer remembers the XML of before starting over (bounds the memory of an export).
_MEMO_LIMIT = 50_000
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()


@dataclass(frozen=True)
class LedgerExportInfo:
    """What the summary sheet says about an export: the filter in words and when it was made."""

    filter_lines: list[tuple[str, str]]
    generated_at: datetime  # Beijing time
    as_of: date
    office: str = ""


def _styles():
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "header_font": Font(bold=True, color="FFFFFFFF"),
        "header_fill": PatternFill("solid", fgColor=_HEADER_FILL),
        "wrap": Alignment(vertical="center", wrap_text=True),
        "center": Alignment(horizontal="center", vertical="center"),
        "overdue_fill": PatternFill("solid", fgColor=_OVERDUE_FILL),
        "major_font": Font(bold=True, color=_MAJOR_FONT),
        "bold": Font(bold=True),
    }


def _header_cells(sheet, headers: Iterable[str], styles: dict) -> list:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font, cell.fill, cell.alignment = styles["header_font"], styles["header_fill"], styles["center"]
        cells.append(cell)
    return cells


def _set_widths(sheet, widths: Iterable[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _print_setup(sheet, header_row: int, columns: int) -> None:
    """Printed as the office files it: A4 landscape, every column on the page's width, the header on each page."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(columns)}{header_row}"


def _cell_writer(column: LedgerColumn, s: str, late: bool, strings: SharedStrings) -> Callable[[Any], str]:
    """A function writing `column`'s cell of a row with style attribute `s` (or "") as SpreadsheetML.

    A column holds few distinct values (names, grades, statuses, days, the checklist's sentences), so each
    value's XML is made once and looked up after: escaping text and converting days per cell was most of the
    export's time. The memo is dropped when it grows large (a column of sentences all different).
    """
    blank = f"<c{s}/>" if late else "<c/>"  # an overdue row is filled across, blanks too
    memo: dict[Any, str] = {}
    if column.is_day:
        text_of = attrgetter(column.key)

        def day_cell(row: Any) -> str:
            text = text_of(row)
            if not text:
                return blank
            # A date, or a timestamp in Beijing time, is on its own first ten characters; any other is converted.
            key = text[:10] if len(text) == 10 or text.endswith("+08:00") else text
            xml = memo.get(key)
            if xml is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                xml = memo[key] = f"<c{s}><v>{beijing_day(key).toordinal() - _EXCEL_EPOCH}</v></c>"
            return xml
        return day_cell
    value_of = column.value

    def cell(row: Any) -> str:
        value = value_of(row)
        xml = memo.get(value)
        if xml is None:
            if value is None or value == "":
                xml = blank
            elif type(value) is str:
                xml = strings.cell(value, s)
            else:
                xml = cell_xml(value, 0) if not s else f"<c{s}><v>{value}</v></c>"
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[value] = xml
        return xml
    return cell


def write_ledger(target: Path, rows: Iterable[Any], info: LedgerExportInfo,
                 progress: Callable[[int, int], None] | None = None, total: int = 0) -> int:
    """Write the ledger rows (LedgerValues, or LedgerRows: anything with their fields) in EXPORT_COLUMNS under a
    title row, and a summary sheet; returns the number of rows.

    Sentences wrap in their columns; overdue rows are filled light red and major hazards' grade is bold red;
    dates are real Excel dates; printed landscape, fit to the page's width, the header repeated on each page.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    styles = _styles()
    book = Workbook(write_only=True)
    sheet = book.create_sheet(LEDGER_SHEET)
    summary = book.create_sheet(SUMMARY_SHEET)
    width = len(EXPORT_COLUMNS)
    sheet.freeze_panes = "C3"  # the title, the header and the enterprise stay in view
    _set_widths(sheet, (column.width for column in EXPORT_COLUMNS))
    _print_setup(sheet, 2, width)  # before the first row: a write-only sheet writes its properties then
    title = WriteOnlyCell(sheet, value=f"{info.office}隐患排查治理台账" if info.office else "隐患排查治理台账")
    title.font, title.alignment = Font(bold=True, size=16), styles["center"]
    sheet.merged_cells.add(f"A1:{get_column_letter(width)}1")
    sheet.row_dimensions[1].height = 30
    sheet.append([title])
    sheet.append(_header_cells(sheet, (column.title for column in EXPORT_COLUMNS), styles))

    # One style per kind of cell, registered once; each row is then one string (sheet_rows.py). A cell's style
    # is (wrapped or not, date or not, overdue fill or not, major grade or not).
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    models: dict[tuple[bool, bool, bool, bool], int] = {}

    def model(wrap: bool, is_date: bool, overdue_row: bool, major_grade: bool) -> int:
        key = (wrap, is_date, overdue_row, major_grade)
        if key not in models:
            cell = WriteOnlyCell(sheet)
            cell.alignment = wrapped if wrap else top
            if is_date:
                cell.number_format = "yyyy-mm-dd"
            if overdue_row:
                cell.fill = styles["overdue_fill"]
            if major_grade:
                cell.font = styles["major_font"]
            models[key] = book._cell_styles.add(cell._style)  # its index in the workbook's cell formats
        return models[key]

    keys = [column.key for column in EXPORT_COLUMNS]
    number_at, grade_at = keys.index("number"), keys.index("grade")
    # Each column's cell writer for each kind of row (overdue or not, major or not), its style chosen once here,
    # not per cell (the export writes five million of them).
    attributes = {}
    for index, column in enumerate(EXPORT_COLUMNS):
        for late in (False, True):
            for major in (False, True):
                wrap, major_here = column.key in WRAPPED_EXPORT_COLUMNS, major and index == grade_at
                plain = not (late or wrap or column.is_day or major_here)
                style = 0 if plain else model(wrap, column.is_day, late, major_here)
                attributes[index, late, major] = f' s="{style}"' if style else ""
    strings = SharedStrings()
    writers = {(late, major): [_cell_writer(column, attributes[index, late, major], late, strings)
                               for index, column in enumerate(EXPORT_COLUMNS)]
               for late in (False, True) for major in (False, True)}
    grades: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    overdue = count = 0
    stream = RowStream(first_row=3)
    for count, row in enumerate(rows, start=1):
        grades[row.grade] += 1
        statuses[row.status or ""] += 1
        late = row.overdue_days > 0
        overdue += late
        cells = [write(row) for write in writers[late, row.grade == "重大"]]
        # 序号: the row's place in the export.
        cells[number_at] = f"<c{attributes[number_at, late, False]}><v>{count}</v></c>"
        stream.append(cells)
        if progress is not None and count % _PROGRESS_EVERY == 0:
            progress(count, max(total, count))
    sheet.auto_filter.ref = f"A2:{get_column_letter(width)}{count + 2}"

    _set_widths(summary, (18, 60))
    summary.append([WriteOnlyCell(summary, value="隐患排查治理台账")])
    summary.append([])
    lines: list[tuple[str, Any]] = []
    if info.office:
        lines.append(("单位", info.office))
    lines += [("导出时间（北京时间）", info.generated_at.strftime("%Y-%m-%d %H:%M")),
              ("逾期计算日期", info.as_of), ("筛选条件", "")]
    lines += [(f"  {name}", value) for name, value in info.filter_lines] or [("  ", "全部隐患")]
    lines += [("", ""), ("隐患总数", count), ("  一般隐患", grades.get("一般", 0)),
              ("  重大隐患", grades.get("重大", 0)), ("逾期未整改", overdue)]
    lines += [(f"  {status}", statuses.get(status, 0)) for status in ("待整改", "整改中", "待复查", "已销号")]
    for name, value in lines:
        label = WriteOnlyCell(summary, value=name)
        label.font = styles["bold"]
        cell = WriteOnlyCell(summary, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        summary.append([label, cell])
    if progress is not None:
        progress(count, max(total, count))
    # openpyxl saves in memory (everything but the rows): a disk that fills up then fails our own plain writes,
    # not openpyxl half-way through its file (which leaves generators that print tracebacks when freed).
    packed = io.BytesIO()
    book.save(packed)
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    with open(partial, "wb") as out:
        stream.splice(packed.getvalue(), 1, out, strings)  # the ledger is the first sheet
    partial.replace(target)  # a failed export never leaves half a file under the chosen name
    return count


def write_template(target: Path, title: str, columns: list[tuple[str, bool, str]]) -> None:
    """An empty import template: the header row (required columns marked *) and a sheet explaining each."""
    from openpyxl import Workbook

    styles = _styles()
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    help_sheet = book.create_sheet("填写说明")
    sheet.freeze_panes = "A2"
    _set_widths(sheet, (max(12, len(header) * 2 + 6) for header, _, _ in columns))
    sheet.append(_header_cells(sheet, (header + ("*" if required else "") for header, required, _ in columns),
                               styles))
    _set_widths(help_sheet, (20, 8, 80))
    help_sheet.append(_header_cells(help_sheet, ("列名", "必填", "说明"), styles))
    for header, required, note in columns:
        help_sheet.append([header, "是" if required else "", note])
    help_sheet.append([])
    help_sheet.append(["", "", "表头可在第1-10行（上方可有标题行）；带*的列必须填写；日期可写成Excel日期、"
                               "2026-11-03、2026/11/3、2026.11.03或2026年11月3日；任一行有误则整个文件不导入。"])
    book.save(target)
