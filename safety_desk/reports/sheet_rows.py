"""The rows of a big sheet as SpreadsheetML text, spliced into the workbook openpyxl saves around them.

openpyxl builds an object and an XML element for every cell: 200,000 ledger rows of 27 columns take it a minute
(DESIGN.md §8 allows 10 s). Here each row is one string, written to a temporary file; openpyxl still writes
everything else (styles, widths, print setup, the other sheets) and the rows go in before its `</sheetData>`.
Their text is kept once in a shared string table (`xl/sharedStrings.xml`, which openpyxl's write-only mode never
writes): a ledger repeats names, grades and sentences, and written inline they made 300 MB of XML to encode and
compress for 200,000 rows instead of a fifth of that.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from datetime import date, datetime
from typing import Any, BinaryIO

_EPOCH = date(1899, 12, 30).toordinal()  # Excel's day 0 (its 1900 leap-year bug is before every date here)
# Characters XML 1.0 cannot hold at all: dropped, as openpyxl drops them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def text_xml(value: str, s: str) -> str:
    """A text cell (`s` is its style attribute or ""): written inline, escaped, characters XML cannot hold dropped."""
    if not value.isprintable():  # line breaks, tabs and the rare control character
        value = _ILLEGAL.sub("", value)
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c{s} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


class SharedStrings:
    """The shared string table of the spliced rows: each distinct text once, in order; cells refer by index."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._index)

    def cell(self, value: str, s: str) -> str:
        """A text cell (`s` is its style attribute or "") referring to `value` in the table."""
        if not value.isprintable():  # line breaks, tabs and the rare control character
            value = _ILLEGAL.sub("", value)
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self._index)
        return f'<c{s} t="s"><v>{index}</v></c>'

    def xml(self) -> bytes:
        """`xl/sharedStrings.xml`: the texts in index order, escaped, their spaces kept."""
        def item(value: str) -> str:
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            return f'<si><t xml:space="preserve">{value}</t></si>'
        head = f'<sst xmlns="{_MAIN_NS}" uniqueCount="{len(self._index)}">'
        return (head + "".join(map(item, self._index)) + "</sst>").encode("utf-8")


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHARED_STRINGS_PART = "xl/sharedStrings.xml"
_SHARED_STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_SHARED_STRINGS_RELATION = ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                            'relationships/sharedStrings" Target="sharedStrings.xml" Id="rIdSharedStrings"/>')


def cell_xml(value: Any, style: int) -> str:
    """One cell, its place given by its order in the row: text inline, numbers and dates (as day numbers)."""
    s = f' s="{style}"' if style else ""
    if type(value) is str:
        return text_xml(value, s) if value else f"<c{s}/>"
    if value is None:
        return f"<c{s}/>"
    if isinstance(value, bool):
        return f'<c{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"<c{s}><v>{value.toordinal() - _EPOCH}</v></c>"
    if isinstance(value, (int, float)):
        return f"<c{s}><v>{value}</v></c>"
    return text_xml(str(value), s)


class RowStream:
    """Rows written as they come, numbered from `first_row`, into a temporary file (never all in memory)."""

    def __init__(self, first_row: int) -> None:
        self.next_row = first_row
        self._file = tempfile.TemporaryFile()
        self._pending: list[str] = []

    def append(self, cells: list[str]) -> None:
        self._pending.append(f'<row r="{self.next_row}">{"".join(cells)}</row>')
        self.next_row += 1
        if len(self._pending) >= 2_000:
            self._flush()

    def _flush(self) -> None:
        self._file.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    def splice(self, workbook: bytes, sheet_number: int, target: BinaryIO,
               strings: SharedStrings | None = None) -> None:
        """Write `workbook` (openpyxl's .xlsx) to `target` with these rows at the end of sheet `sheet_number`'s
        rows, and the shared string table their text cells refer to; each member is compressed at the fastest
        level (the ledger's text still shrinks tenfold)."""
        self._flush()
        member = f"xl/worksheets/sheet{sheet_number}.xml"
        with zipfile.ZipFile(_bytes_io(workbook)) as source, zipfile.ZipFile(
                target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for info in source.infolist():
                data = source.read(info.filename)
                if strings is not None and info.filename == "[Content_Types].xml":
                    data = data.replace(b"</Types>", _SHARED_STRINGS_TYPE.encode() + b"</Types>")
                elif strings is not None and info.filename == "xl/_rels/workbook.xml.rels":
                    data = data.replace(b"</Relationships>", _SHARED_STRINGS_RELATION.encode() + b"</Relationships>")
                if info.filename != member:
                    out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
                    continue
                head, tail = data.split(b"</sheetData>", 1) if b"</sheetData>" in data else _no_rows(data)
                entry = zipfile.ZipInfo(member, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry._compresslevel = 1  # Python 3.11's name for it (the pinned interpreter)
                with out.open(entry, "w", force_zip64=True) as sheet:
                    sheet.write(head)
                    self._file.seek(0)
                    shutil.copyfileobj(self._file, sheet, 1 << 20)
                    sheet.write(b"</sheetData>" + tail)
            if strings is not None:
                out.writestr(zipfile.ZipInfo(_SHARED_STRINGS_PART, date_time=info.date_time), strings.xml(),
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._file.close()


def _bytes_io(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def _no_rows(data: bytes) -> tuple[bytes, bytes]:
    """A sheet openpyxl wrote with no rows has `<sheetData/>`: open it for ours."""
    head, tail = data.split(b"<sheetData/>", 1)
    return head + b"<sheetData>", tail
