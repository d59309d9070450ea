"""Reading Excel sheets (and .csv lists) people bring (ledgers, enterprise lists): safe opening, header finding, cell values."""

from __future__ import annotations

import csv
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterator

from safety_desk.domain.language import say
from safety_desk.reports.csv_rows import CsvError, csv_rows, decode_csv

# Hostile files: checked before openpyxl sees them. A real ledger of 50,000 rows is a few MB zipped and
# some tens of MB of XML; these limits leave room for that and refuse what only an attack would need.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # declared uncompressed size of one worksheet or picture
MAX_STRINGS_BYTES = 64 * 1024 * 1024  # the shared strings, read into memory whole by openpyxl
MAX_PART_BYTES = 32 * 1024 * 1024  # any other XML part (styles, workbook, …), also parsed whole
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # declared uncompressed size of all members
MAX_MEMBERS = 5_000
# Data rows read from one sheet before the import stops with a message (the file is never read whole).
MAX_DATA_ROWS = 50_000
HEADER_SEARCH_ROWS = 10  # the header row may sit below a title and merged cells
MAX_COLUMNS = 200
EXCEL_MAX_ROWS = 1_048_576  # a sheet claiming more rows than Excel has is not a real sheet
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected workbooks


class SheetError(ValueError):
    """The file cannot be read as a spreadsheet at all; the message names the file and why."""


class _NoCachedValue:
    """A formula cell saved without its computed value: never evaluated, reported as a problem."""

    def __repr__(self) -> str:
        return "<formula without a cached value>"


NO_CACHED_VALUE = _NoCachedValue()


@dataclass(frozen=True)
class Column:
    """A column an importer understands: its key, the header shown in templates, and accepted variants."""

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {normalise_header(name) for name in (self.header, *self.synonyms)}


@dataclass(frozen=True)
class Problem:
    """Something wrong with one cell or row: where (sheet, row, column) and what, in words."""

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        # The sheet's and column's names are the workbook's own headers, shown as written in either language.
        where = say(f"第{self.row}行 ", f" row {self.row}") if self.row is not None else ""
        column = say(f"{self.column}: ", f" {self.column}: ") if self.column else say("", ": ")
        return say(f"工作表「{self.sheet}」{where}{column}{self.message}", f"sheet “{self.sheet}”{where}{column}{self.message}")


@dataclass
class SheetRow:
    """One data row: its row number in the sheet and the values by column key (None when blank)."""

    number: int
    values: dict[str, Any]
    flagged: frozenset[str] = frozenset()  # columns whose cell already has a problem (a formula, an error)


@dataclass
class Table:
    """A sheet's data rows under the header row that was found, and the problems met reading it."""

    sheet: str
    header_row: int
    columns: dict[str, str]  # key -> the header text as written in the file
    positions: dict[int, str] = field(default_factory=dict)  # column number -> key
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def normalise_header(text: Any) -> str:
    """'所属片区 （名称）*' -> '所属片区': full-width folded, spaces, marks and bracketed notes removed."""
    name = unicodedata.normalize("NFKC", str(text or ""))
    name = re.sub(r"[(\[【<].*?[)\]】>]", "", name)
    return re.sub(r"[\s*:：※]", "", name)


def check_xlsx(path: Path) -> None:
    """Refuse what is not a sane .xlsx before any XML is parsed: not a zip, too big, a zip bomb."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SheetError(say(f"{name}: 无法读取文件: {exc.strerror or exc}",
                             f"{name}: cannot read the file: {exc.strerror or exc}")) from None
    if size > MAX_FILE_BYTES:
        raise SheetError(say(f"{name}: 文件过大", f"{name}: the file is larger than {MAX_FILE_BYTES // 2**20} MB"))
    try:
        with path.open("rb") as stream:
            magic = stream.read(len(_OLE_MAGIC))
    except OSError as exc:
        raise SheetError(say(f"{name}: 无法读取文件: {exc.strerror or exc}",
                             f"{name}: cannot read the file: {exc.strerror or exc}")) from None
    if magic == _OLE_MAGIC:
        raise SheetError(say(f"{name}: 这是旧版.xls或设置了密码的工作簿，请在Excel中取消密码并另存为.xlsx",
                             f"{name}: an old .xls or a password-protected workbook: remove the password and save as .xlsx"))
    if not zipfile.is_zipfile(path):
        raise SheetError(say(f"{name}: 不是Excel工作簿(.xlsx)，请在Excel或WPS中打开并另存为.xlsx（改了扩展名的旧版.xls不能直接导入；CSV文件的扩展名须为.csv）",
                             f"{name}: not an .xlsx workbook; save it as .xlsx — an old .xls renamed does not work, "
                             "and a CSV must be named .csv"))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SheetError(say(f"{name}: 文件已损坏（{exc}）", f"{name}: the file is damaged: {exc}")) from None
    if len(members) > MAX_MEMBERS:
        raise SheetError(say(f"{name}: 文件结构异常", f"{name}: too many parts: {len(members)}"))
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise SheetError(say(f"{name}: 不是Excel工作簿(.xlsx)", f"{name}: not an .xlsx workbook: no workbook part"))
    total = 0
    for member in members:
        # Declared sizes are checked here; zipfile itself stops a member that inflates past its declared
        # size (a CRC error), so a member that lies about its size cannot expand either.
        part = member.filename
        if part == "xl/sharedStrings.xml":
            limit = MAX_STRINGS_BYTES
        elif part.startswith(("xl/worksheets/", "xl/media/")) or not part.endswith((".xml", ".rels")):
            limit = MAX_MEMBER_BYTES
        else:
            limit = MAX_PART_BYTES
        if member.file_size > limit:
            raise SheetError(say(f"{name}: 文件解压后过大，可能是压缩炸弹",
                                 f"{name}: part {member.filename} would expand to {member.file_size:,} bytes; refused as a possible zip bomb"))
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise SheetError(say(f"{name}: 文件解压后过大，可能是压缩炸弹",
                             f"{name}: it would expand to {total:,} bytes; refused as a possible zip bomb"))


@dataclass
class _Book:
    """An opened workbook: its zip, shared strings, date styles, and the (name, part) of each visible sheet."""

    reader: Any
    sheets: list[tuple[str, str]]

    def close(self) -> None:
        self.reader.archive.close()


def _open_workbook(path: Path) -> _Book:
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    check_xlsx(path)
    try:
        # data_only: formulas come back as the values Excel saved with them; nothing is ever evaluated. The
        # sheets are not opened the way load_workbook opens them: a read-only sheet without a <dimension>
        # would be parsed whole just to size it, and a hostile one holds a million rows.
        reader = ExcelReader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()
                  if rel.target in reader.valid_files and "chartsheet" not in rel.Type
                  and (sheet.state or "visible") == "visible"]
    except Exception as exc:  # noqa: BLE001 - whatever a damaged file raises inside openpyxl
        raise SheetError(say(f"{path.name}: 无法作为Excel工作簿打开（{type(exc).__name__}: {exc}）",
                             f"{path.name}: cannot be opened as an .xlsx workbook: {type(exc).__name__}: {exc}")) from None
    return _Book(reader, sheets)


def _row_cells(book: _Book, part: str, merged: list[str] | None = None) -> Iterator[tuple[int, dict[int, Any]]]:
    """(row number, {column number: (value, type)}) streamed from the sheet's XML, formulas without values marked;
    once every row is read, the sheet's merged ranges ("B3:B5", listed after the rows) are added to `merged`."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    workbook = book.reader.wb

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = NO_CACHED_VALUE
            elif cell["data_type"] == "n" and (digits := _zero_padded(cell["value"], workbook, cell["style_id"])):
                cell["value"], cell["data_type"] = digits, "s"
            return cell

    # openpyxl's own iterator cannot tell a formula without a saved value from a blank cell, so its parser
    # runs here with that one change, and numbers shown with leading zeros read as shown (openpyxl is pinned;
    # tests cover this).
    with book.reader.archive.open(part) as source:
        parser = Parser(source, book.reader.shared_strings, data_only=True, epoch=workbook.epoch,
                        date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats)
        for number, cells in parser.parse():
            yield number, {cell["column"]: (cell["value"], cell["data_type"]) for cell in cells
                           if cell["column"] <= MAX_COLUMNS}
        if merged is not None and parser.merged_cells is not None:
            merged.extend(str(cell.ref) for cell in parser.merged_cells.mergeCell)


_ZEROS = re.compile(r"^0{2,}$")


def _zero_padded(value: Any, workbook: Any, style_id: int) -> str | None:
    """A whole number shown by its number format ("0000", "000") with leading zeros, as the text the person sees:
    a GB/T 4754 code 0511 typed as a number is stored as 511; None for any other cell."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or not float(value).is_integer():
        return None
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    styles = workbook._cell_styles
    if not style_id or style_id >= len(styles):
        return None
    number = styles[style_id].numFmtId
    if number < BUILTIN_FORMATS_MAX_SIZE:
        shown = BUILTIN_FORMATS.get(number, "General")
    else:
        custom = workbook._number_formats
        shown = custom[number - BUILTIN_FORMATS_MAX_SIZE] if number - BUILTIN_FORMATS_MAX_SIZE < len(custom) else ""
    text = str(int(value))
    return text.zfill(len(shown)) if _ZEROS.match(shown) and len(shown) > len(text) else None


def _fill_merged_down(table: Table, merged: list[str]) -> None:
    """A cell merged down over rows (one enterprise over its hazards, as ledgers are laid out) holds its value in
    its top row only: the rows under it take that value, as the person reading the sheet sees it."""
    from openpyxl.worksheet.cell_range import CellRange

    rows = {row.number: row for row in table.rows}
    for ref in merged:
        try:
            span = CellRange(ref)
        except ValueError:
            continue  # a damaged range: its cells read as they are
        key = table.positions.get(span.min_col)
        top = rows.get(span.min_row)
        if span.max_row == span.min_row or key is None or top is None or _is_blank(top.values.get(key)):
            continue
        for number in range(span.min_row + 1, span.max_row + 1):
            row = rows.get(number)
            if row is not None and _is_blank(row.values.get(key)):
                row.values[key] = top.values[key]


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_TOTAL_WORDS = {"合计", "总计", "小计", "共计", "总数", "汇总"}


def _is_total_row(cells: dict[int, Any]) -> bool:
    """A row whose first filled cell says 合计 (总计, 小计 …), as "合 计" or "合计：" too."""
    for number in sorted(cells):
        value = cells[number][0]
        if _is_blank(value):
            continue
        word = re.sub(r"[\s:：]", "", unicodedata.normalize("NFKC", str(value)))
        return word in _TOTAL_WORDS
    return False


def read_table(path: Path, columns: list[Column], *, max_rows: int = MAX_DATA_ROWS) -> Table:
    """The data rows of the first sheet whose header (rows 1-10) names the required columns.

    Raises SheetError when the file is not a workbook, no sheet has such a header, or a sheet holds more
    than `max_rows` data rows (reading stops there: the file is never loaded whole).
    """
    table = find_table(path, columns, max_rows=max_rows)
    if table is None:
        wanted = "、".join(c.header for c in columns if c.required)
        raise SheetError(say(f"{path.name}: 没有一个工作表的前{HEADER_SEARCH_ROWS}行有含 {wanted} 列的表头"
                             "（隐藏的工作表不读：数据在隐藏工作表中时请先取消隐藏）",
                             f"{path.name}: no header row with the columns {wanted} in rows 1-{HEADER_SEARCH_ROWS} of "
                             "any sheet (hidden sheets are not read: unhide the sheet that holds the data)"))
    return table


def find_table(path: Path, columns: list[Column], *, max_rows: int = MAX_DATA_ROWS,
               not_like: list[Column] | None = None) -> Table | None:
    """As read_table, but None when no sheet has such a header. A sheet whose header also names every required
    column of `not_like` is passed over: a workbook's hazard ledger also names enterprises, yet is not their list.
    A .csv is read as one sheet named after the file, every cell as text."""
    required = [c for c in columns if c.required]
    unlike = [c for c in not_like or () if c.required]
    if path.suffix.lower() == ".csv":
        return _find_csv_table(path, columns, required, max_rows, unlike)
    book = _open_workbook(path)
    try:
        for title, part in book.sheets:
            try:
                merged: list[str] = []
                table = _read_sheet(path, title, _row_cells(book, part, merged), columns, required, max_rows,
                                    unlike)
                if table is not None:
                    _fill_merged_down(table, merged)
            except SheetError:
                raise
            except Exception as exc:  # noqa: BLE001 - broken XML, a member that inflates past its size …
                raise SheetError(say(f"{path.name}: 工作表「{title}」无法读取",
                                     f"{path.name}: sheet “{title}” cannot be read: {type(exc).__name__}: {exc}")) from None
            if table is not None:
                return table
        return None
    finally:
        book.close()


def _find_csv_table(path: Path, columns: list[Column], required: list[Column], max_rows: int,
                    unlike: list[Column]) -> Table | None:
    """A .csv as the one sheet of a workbook: the same header finding, rows and problems as an .xlsx sheet."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SheetError(say(f"{name}: 文件过大", f"{name}: the file is larger than {MAX_FILE_BYTES // 2**20} MB"))
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(say(f"{name}: 无法读取文件: {exc.strerror or exc}",
                             f"{name}: cannot read the file: {exc.strerror or exc}")) from None
    try:
        return _read_sheet(path, name, csv_rows(path, decode_csv(path, data), MAX_COLUMNS), columns, required,
                           max_rows, unlike)
    except CsvError as exc:
        raise SheetError(str(exc)) from None
    except csv.Error as exc:  # a NUL byte, a field past the csv module's limit: not a list saved as CSV
        raise SheetError(say(f"{name}: 无法作为CSV文件读取（{exc}）", f"{name}: cannot be read as a CSV file: {exc}")) from None


def _match_header(cells: dict[int, Any], columns: list[Column]) -> dict[int, Column]:
    found: dict[int, Column] = {}
    for number, (value, _kind) in cells.items():
        if not isinstance(value, str):
            continue
        name = normalise_header(value)
        for column in columns:
            if column not in found.values() and name in column.names():
                found[number] = column
                break
    return found


def _add_header_half(table: Table, positions: dict[int, Column], cells: dict[int, Any],
                     columns: list[Column], header: dict[int, Any] | None = None) -> bool:
    """Columns named in the other row of a two-row header (merged cells). Above the header row only where its cell
    is blank (merged down from above), not under a title or a note whose words happen to name a column."""
    extra = _match_header({n: cell for n, cell in cells.items() if n not in positions
                           and (header is None or _is_blank(header.get(n, (None,))[0]))},
                          [c for c in columns if c not in positions.values()])
    for number, column in extra.items():
        positions[number] = column
        table.columns[column.key] = str(cells[number][0]).strip()
    return bool(extra)


def _read_sheet(path: Path, title: str, rows: Iterator[tuple[int, dict[int, Any]]], columns: list[Column],
                required: list[Column], max_rows: int, unlike: list[Column] | None = None) -> Table | None:
    positions: dict[int, Column] | None = None
    table: Table | None = None
    examined = 0
    previous: dict[int, Any] = {}  # the row above the header: the top half of a two-row header
    for number, cells in rows:
        examined += 1
        if number > EXCEL_MAX_ROWS or examined > EXCEL_MAX_ROWS:
            raise SheetError(say(f"{path.name}: 工作表「{title}」的行数超过Excel的上限",
                                 f"{path.name}: sheet “{title}” has more rows than Excel allows: not a real worksheet"))
        if positions is None:
            if number > HEADER_SEARCH_ROWS or examined > HEADER_SEARCH_ROWS:
                return None
            matched = _match_header(cells, columns)
            if all(c in matched.values() for c in required) and len(matched) >= 2:
                if unlike and all(c in _match_header(cells, unlike).values() for c in unlike):
                    return None  # another importer's sheet
                positions = matched
                table = Table(sheet=title, header_row=number,
                              columns={c.key: str(cells[n][0]).strip() for n, c in matched.items()})
                _add_header_half(table, positions, previous, columns, header=cells)
            previous = cells
            continue
        if number == table.header_row + 1 and not any(
                not _is_blank(cells.get(n, (None,))[0]) for n, c in positions.items() if c.required):
            # A merged two-row header: "联系方式" over "负责人 | 联系电话"; the row below names more columns.
            if _add_header_half(table, positions, cells, columns):
                continue
        values: dict[str, Any] = {}
        flagged: set[str] = set()
        for position, column in positions.items():
            value, kind = cells.get(position, (None, "n"))
            if value is NO_CACHED_VALUE:
                table.problems.append(Problem(title, number, table.columns[column.key],
                                              say("公式没有已保存的计算结果",
                                                  "a formula without a saved value; open and save the file in Excel, or type the value")))
                value = None
                flagged.add(column.key)
            elif kind == "e":
                table.problems.append(Problem(title, number, table.columns[column.key],
                                              say(f"单元格为错误值 {value}", f"the cell holds an error value {value}")))
                value = None
                flagged.add(column.key)
            values[column.key] = value
        if all(_is_blank(v) for v in values.values()) and not flagged:
            continue  # blank rows (often trailing) are skipped
        if _is_total_row(cells):
            continue  # the 合计 row an office's list ends with counts the rows above; it is not one of them
        if len(table.rows) >= max_rows:
            raise SheetError(say(f"{path.name}: 工作表「{title}」超过{max_rows:,}行数据，请分批导入",
                                 f"{path.name}: sheet “{title}” has more than {max_rows:,} data rows; split the file"))
        table.rows.append(SheetRow(number, values, frozenset(flagged)))
    if table is not None:
        table.positions = {number: column.key for number, column in positions.items()}
    return table


# -- cell values ------------------------------------------------------------------------------------
# A time after the day ("2026-03-05 10:30", as a system's export writes it) says nothing the import keeps.
_DATE_TEXT = re.compile(r"^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}[:时]\d{1,2}"
                        r"(?:[:分]\d{1,2}(?:\.\d+)?秒?)?分?)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0' (phone numbers), full-width spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\u3000", " ").strip()


def cell_date(value: Any) -> date:
    """A date from an Excel date, a serial number, or text like 2026年11月3日, 2026/11/3, 2026.11.03, 20261103.

    ValueError saying what was found when it is not a real date.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000:  # an Excel serial in a cell not formatted as a date (1954-2119)
            return _EXCEL_EPOCH + timedelta(days=int(value))
        if float(value).is_integer():
            value = str(int(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        raise ValueError(say(f"不是日期: {text!r}", f"not a date: {text!r}"))
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(say(f"日期不存在: {text!r}", f"no such date: {text!r}")) from None
