"""The PDF frame every document shares: the embedded Chinese font, styles, header, and "page x / y" footer."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate, Paragraph, Table, TableStyle

from safety_desk.paths import resources_dir

FONT = "WQYMicroHei"
FONT_FILE = "fonts/wqy-microhei.ttc"
PAGE = A4
MARGIN = 18 * mm
INK = colors.HexColor("#212121")
MUTED = colors.HexColor("#607d8b")
RULE = colors.HexColor("#b0bec5")
FAIL_BACKGROUND = colors.HexColor("#ffebee")
FAIL_INK = colors.HexColor("#b71c1c")
HEADER_BACKGROUND = colors.HexColor("#eceff1")


def register_font() -> str:
    """Register WenQuanYi Micro Hei once; ReportLab embeds the glyphs used (a subset) in every PDF.

    ReportLab's built-in CID fonts are not embedded and show blank in many viewers, so they are never
    used. Bold maps to the same face: the font has no bold, and synthetic bold is worse than none.
    """
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / FONT_FILE), subfontIndex=0))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
        # Charts (reportlab.graphics) start each drawing in this font; left at Helvetica, every chart page
        # would name a font that is not embedded.
        STATE_DEFAULTS["fontName"] = FONT
    return FONT


def _style(name: str, size: float, **extra: Any) -> ParagraphStyle:
    options = {"textColor": INK, "bulletFontName": FONT, **extra}
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.45, wordWrap="CJK", **options)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle


def styles() -> Styles:
    register_font()
    return Styles(
        title=_style("title", 18, alignment=TA_CENTER, spaceAfter=4),
        subtitle=_style("subtitle", 10.5, alignment=TA_CENTER, textColor=MUTED, spaceAfter=8),
        heading=_style("heading", 12.5, spaceBefore=10, spaceAfter=4),
        body=_style("body", 10.5),
        cell=_style("cell", 9),
        cell_bold=_style("cell_bold", 9, textColor=FAIL_INK),
        small=_style("small", 8, textColor=MUTED),
        right=_style("right", 10.5, alignment=TA_RIGHT),
    )


def escape(text: Any) -> str:
    """Text for a Paragraph: its markup characters escaped, line breaks kept."""
    value = "" if text is None else str(text)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def grid_table(rows: list[list[Any]], widths: list[float], *, header: bool = True,
               extra: list[tuple] | None = None, repeat_header: bool = True) -> Table:
    """A ruled table; cells that are strings become wrapped paragraphs in the cell style."""
    cell = styles().cell
    wrapped = [[para(value, cell) if isinstance(value, (str, int, float)) else value for value in row]
               for row in rows]
    table = Table(wrapped, colWidths=widths, repeatRows=1 if header and repeat_header else 0)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND))
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def key_value_table(pairs: list[tuple[str, Any]], width: float, columns: int = 2) -> Table:
    """Label / value pairs laid out `columns` pairs to a row, labels shaded."""
    cell = styles().cell
    label_width = 24 * mm
    value_width = width / columns - label_width
    rows, row = [], []
    for label, value in pairs:
        row += [para(label, cell), para(value, cell)]
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    table = Table(rows, colWidths=[label_width, value_width] * columns)
    commands = [("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP")]
    commands += [("BACKGROUND", (2 * c, 0), (2 * c, -1), HEADER_BACKGROUND) for c in range(columns)]
    table.setStyle(TableStyle(commands))
    return table


class _NumberedCanvas(Canvas):
    """Holds every page until the end so the footer can say "第 x 页 / 共 y 页"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start in the embedded font: otherwise the page refers to Helvetica, which is not embedded.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawRightString(PAGE[0] - MARGIN, 10 * mm, f"第 {self._pageNumber} 页 / 共 {total} 页")


@dataclass(frozen=True)
class Letterhead:
    """What the header and footer of every page say."""

    office: str
    title: str
    generated_at: datetime  # from the service's clock: printed in the footer
    period: str = ""


def plain_table(rows: list[list[Any]], widths: list[float], commands: list[tuple] | None = None) -> Table:
    """A layout table (no rules unless asked); empty cells use the embedded font too."""
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *(commands or [])]))
    return table


@dataclass(frozen=True)
class CaptionedPhoto:
    """A photo for print, already watermarked (media/watermark.py), and the line printed under it."""

    jpeg: bytes
    caption: str


def scaled_image(jpeg: bytes, max_width: float, max_height: float) -> Image:
    """A JPEG as a flowable, as large as fits the box without distortion."""
    image = Image(io.BytesIO(jpeg))
    scale = min(max_width / image.imageWidth, max_height / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


def photo_grid(photos: list[CaptionedPhoto]) -> Table:
    """Photos two to a row across the page, each with its caption beneath."""
    caption = styles().small
    cell_width = (CONTENT_WIDTH - 6 * mm) / 2
    cells = [plain_table([[scaled_image(photo.jpeg, cell_width - 4 * mm, 70 * mm)], [para(photo.caption, caption)]],
                         [cell_width]) for photo in photos]
    rows = [cells[start:start + 2] + [""] * (2 - len(cells[start:start + 2])) for start in range(0, len(cells), 2)]
    return plain_table(rows, [cell_width + 3 * mm] * 2)


def build_pdf(target: Path | str | BinaryIO, story: list, letterhead: Letterhead) -> None:
    """Lay out `story` on A4 pages with the letterhead's header and footer, and write the PDF."""
    register_font()
    generated = letterhead.generated_at.strftime("%Y-%m-%d %H:%M")

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(MUTED)
        top = PAGE[1] - 11 * mm
        canvas.drawString(MARGIN, top, letterhead.office)
        canvas.drawRightString(PAGE[0] - MARGIN, top, " · ".join(p for p in (letterhead.title, letterhead.period) if p))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, PAGE[0] - MARGIN, top - 2.5 * mm)
        canvas.line(MARGIN, 14 * mm, PAGE[0] - MARGIN, 14 * mm)
        canvas.drawString(MARGIN, 10 * mm, f"生成时间 {generated} · 安全检查工作台 SafetyDesk")
        canvas.restoreState()

    output = target if hasattr(target, "write") else io.BytesIO()
    document = BaseDocTemplate(output, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                               topMargin=MARGIN + 2 * mm, bottomMargin=MARGIN,
                               title=letterhead.title, author=letterhead.office, subject=letterhead.period,
                               creator="SafetyDesk")
    frame = Frame(MARGIN, MARGIN, PAGE[0] - 2 * MARGIN, PAGE[1] - 2 * MARGIN - 2 * mm, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    document.build(story, canvasmaker=_NumberedCanvas)
    if output is not target:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(output.getvalue())
        temporary.replace(path)  # a reader never sees half a PDF


CONTENT_WIDTH = PAGE[0] - 2 * MARGIN
