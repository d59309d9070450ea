"""Reading a .csv list (as WPS, Excel or another system saves it) as rows of text cells, like a sheet's rows."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import Iterator

from safety_desk.domain.language import say

# Both tried in this order: UTF-8 (its BOM dropped) is strict enough that GBK text never decodes as it by chance;
# GB18030 is what WPS and Chinese Excel write for "CSV (逗号分隔)" and it includes GBK.
ENCODINGS = ("utf-8-sig", "gb18030")
_SNIFF_CHARS = 16 * 1024


class CsvError(ValueError):
    """The .csv cannot be read: the message names the file and why."""


def decode_csv(path: Path, data: bytes) -> str:
    """The file's text, by the first encoding that decodes every byte; CsvError naming the file when none does.
    A UTF-16 file (Excel's "Unicode 文本", tab-separated) says so by its byte-order mark."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvError(say(f"{path.name}: 文件标明是UTF-16编码，但其中有无法解码的内容，请在Excel或WPS中另存为.xlsx",
                               f"{path.name}: the file says it is UTF-16 but holds bytes that are not; save it as .xlsx")
                           ) from None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvError(say(f"{path.name}: 无法识别文件的编码（既不是UTF-8也不是GBK/GB18030），请在Excel或WPS中另存为.xlsx或UTF-8编码的CSV",
                       f"{path.name}: the text is neither UTF-8 nor GBK/GB18030; save it as .xlsx or as a UTF-8 CSV"))


def _delimiter(text: str) -> str:
    """Comma or tab: csv.Sniffer on the file's start; when it cannot tell, whichever the first lines hold more of."""
    sample = text[:_SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t").delimiter
    except csv.Error:
        head = sample.splitlines()[:20]
        return "\t" if sum(line.count("\t") for line in head) > sum(line.count(",") for line in head) else ","


def csv_rows(path: Path, text: str, max_columns: int) -> Iterator[tuple[int, dict[int, tuple[str | None, str]]]]:
    """(row number, {column number: (text or None, "s")}) as sheet rows are read: every value stays text, so a
    code or a phone number keeps its leading zeros. Row numbers are the file's records, as Excel shows them."""
    for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)),
                                      start=1):
        yield number, {column: (value if value.strip() else None, "s")
                       for column, value in enumerate(record[:max_columns], start=1)}
