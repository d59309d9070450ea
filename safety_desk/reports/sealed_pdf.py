"""The seal on an issued document's page (QR code, its text, 补打 mark) and reading a seal back out of a PDF.

The seal's text and the frozen content travel also in the PDF's document information (keys /SafetyDeskSeal
and /SafetyDeskContent), so `safety-desk verify FILE.pdf` needs no image decoding: it reads them with pypdf
and the printed text of the pages, and the service checks signature, digest and text against each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFInfo, PDFString
from reportlab.platypus import Flowable, KeepTogether, Spacer

from safety_desk.reports.pdf import CONTENT_WIDTH, FAIL_INK, para, plain_table, styles

SEAL_KEY = "SafetyDeskSeal"
CONTENT_KEY = "SafetyDeskContent"
QR_SIZE = 30 * mm


class PdfUnreadable(ValueError):
    """A file that is not a PDF this program can read; the message says which file."""


class _SealedInfo(PDFInfo):
    """The document information with the seal and the frozen content added under keys of our own."""

    extra: dict[str, str] = {}

    def format(self, document):  # ReportLab's name
        from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFName

        entries = {"Title": PDFString(self.title), "Author": PDFString(self.author),
                   "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
                   "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
                   "Trapped": PDFName(self.trapped)}
        entries["ModDate"] = entries["CreationDate"] = PDFDate(ts=document._timeStamp,
                                                               dateFormatter=self._dateFormatter)
        entries.update({key: PDFString(value) for key, value in self.extra.items()})
        return PDFDictionary(entries).format(document)


class _Metadata(Flowable):
    """Takes no room; when laid out it puts the seal and the content into the PDF's document information."""

    def __init__(self, seal_text: str, content_json: str) -> None:
        super().__init__()
        self.seal_text, self.content_json = seal_text, content_json

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 0.01  # a flowable of no size is never drawn

    def draw(self) -> None:
        # The document already refers to its information object, so that object itself learns the extra keys.
        info = self.canv._doc.info
        info.__class__ = _SealedInfo
        info.extra = {SEAL_KEY: self.seal_text, CONTENT_KEY: self.content_json}


def qr_drawing(text: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of `text` (error correction M: a stamp or a fold over a corner still scans)."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def seal_block(seal_text: str, content_json: str, *, number: str, reprinted_on: str | None = None) -> list[Flowable]:
    """The flowables that end an issued document: its QR code with the number and the seal's text beside it
    (the text is what `verify --text` checks), and, on a reprint, the 补打 mark with the reprint's date."""
    s = styles()
    lines = [para(f"文件编号：{number}", s.body),
             para("扫描二维码或将下方验证码输入“安全检查工作台”的报表页“验证”栏，可离线核验本文件的真实性和完整性。", s.small),
             para(seal_text, s.small)]
    if reprinted_on:
        lines.insert(0, para(f"补打（{reprinted_on}）：本件按原发文件内容重新打印，内容与原件一致。", _mark_style()))
    table = plain_table([[qr_drawing(seal_text), lines]], [QR_SIZE + 4 * mm, CONTENT_WIDTH - QR_SIZE - 4 * mm],
                        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    return [_Metadata(seal_text, content_json), KeepTogether([Spacer(1, 4 * mm), table])]


def _mark_style():
    from reportlab.lib.styles import ParagraphStyle

    body = styles().body
    return ParagraphStyle("reprint", parent=body, textColor=FAIL_INK)


@dataclass(frozen=True)
class SealedPdf:
    """What a PDF says about itself: the seal and content in its metadata, and the text printed on its pages."""

    seal_text: str | None
    content_json: str | None
    page_text: str


def read_sealed_pdf(source: Path | str | BinaryIO) -> SealedPdf:
    """The seal, content and page text of a PDF; PdfUnreadable when it is not a readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    name = getattr(source, "name", str(source))
    try:
        reader = PdfReader(source)
        info = reader.metadata or {}
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        raise PdfUnreadable(f"无法读取 PDF 文件 {name}：{exc}") from None

    def value(key: str) -> str | None:
        found = info.get("/" + key)
        return None if found is None else str(found)

    return SealedPdf(value(SEAL_KEY), value(CONTENT_KEY), text)
