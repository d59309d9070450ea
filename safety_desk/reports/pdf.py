"""What every document shares: GB/T 9704-2012 page and faces, styles, tables, photo grids, "— 1 —" page numbers."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Callable, Generic, Iterable, TypeVar

from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Frame, Image, KeepTogether, PageBreak, PageTemplate, Paragraph, Table, TableStyle,
)

from safety_desk.reports import line_breaking
from safety_desk.reports.fonts import FANGSONG, HEITI, KAITI, XIAOBIAOSONG, register_faces

# GB/T 9704-2012: body 仿宋 3号, title 小标宋 2号, headings 黑体 (level 1) and 楷体 (level 2); see reports/fonts.py.
FONT = FANGSONG
PAGE = A4
# The type area of GB/T 9704-2012 §5.2.1: 156 mm x 225 mm, 37 mm from the top and 28 mm from the left edge.
TOP_MARGIN, LEFT_MARGIN = 37 * mm, 28 * mm
CONTENT_WIDTH, CONTENT_HEIGHT = 156 * mm, 225 * mm
RIGHT_MARGIN = PAGE[0] - LEFT_MARGIN - CONTENT_WIDTH
BOTTOM_MARGIN = PAGE[1] - TOP_MARGIN - CONTENT_HEIGHT
# Chinese type sizes (号) in points.
SIZE_2, SIZE_3, SIZE_4, SIZE_SMALL_4, SIZE_5 = 22, 16, 14, 12, 10.5
INK = colors.HexColor("#212121")
MUTED = colors.HexColor("#607d8b")
RULE = colors.HexColor("#b0bec5")
FAIL_BACKGROUND = colors.HexColor("#ffebee")
FAIL_INK = colors.HexColor("#b71c1c")
HEADER_BACKGROUND = colors.HexColor("#eceff1")


def register_font() -> str:
    """Register the document faces once; ReportLab embeds the glyphs used (a subset) in every PDF.

    ReportLab's built-in CID fonts are not embedded and show blank in many viewers, so they are never used.
    """
    register_faces()
    # Charts (reportlab.graphics) start each drawing in this font; left at Helvetica, every chart page
    # would name a font that is not embedded.
    STATE_DEFAULTS["fontName"] = FONT
    line_breaking.install()
    return FONT


def _style(name: str, size: float, font: str = FANGSONG, leading: float | None = None,
           **extra: Any) -> ParagraphStyle:
    options = {"textColor": INK, "bulletFontName": font, **extra}
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.45, wordWrap="CJK",
                          **options)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle  # 2号小标宋, centred
    subtitle: ParagraphStyle  # 3号仿宋, centred: the 文号 or the record's number and period
    heading: ParagraphStyle  # 3号黑体: 一、二、三、
    heading2: ParagraphStyle  # 3号楷体: （一）（二）
    body: ParagraphStyle  # 3号仿宋, 22 lines to the page
    cell: ParagraphStyle  # tables: 5号仿宋
    cell_bold: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle
    signature: ParagraphStyle  # 小4号仿宋: the label lines of a form (签字、填报人、日期)


def styles() -> Styles:
    register_font()
    # 22 lines of 28 characters fill the 225 mm type area (GB/T 9704-2012 §5.2.2): a line every 225/22 mm.
    line = CONTENT_HEIGHT / 22
    return Styles(
        title=_style("title", SIZE_2, XIAOBIAOSONG, leading=SIZE_2 * 1.4, alignment=TA_CENTER, spaceAfter=SIZE_3 / 2,
                     keepWithNext=1),
        subtitle=_style("subtitle", SIZE_3, leading=line, alignment=TA_CENTER, spaceAfter=SIZE_3 / 2, keepWithNext=1),
        heading=_style("heading", SIZE_3, HEITI, leading=line, keepWithNext=1, spaceBefore=4),
        heading2=_style("heading2", SIZE_3, KAITI, leading=line, keepWithNext=1),
        body=_style("body", SIZE_3, leading=line),
        cell=_style("cell", SIZE_5, leading=SIZE_5 * 1.35),
        cell_bold=_style("cell_bold", SIZE_5, leading=SIZE_5 * 1.35, textColor=FAIL_INK),
        small=_style("small", 9, leading=12.5, textColor=MUTED),
        right=_style("right", SIZE_3, leading=line, alignment=TA_RIGHT),
        signature=_style("signature", SIZE_SMALL_4, leading=SIZE_SMALL_4 * 1.6),
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
        # 1.5 pt either side: a date (2026-11-26) or a rate (100.0%) at 5号 fits the narrow columns on one line.
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND))
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


T = TypeVar("T")


@dataclass(frozen=True)
class TableColumn(Generic[T]):
    """One column of a table of records: its header, its share of the table's width, and its cell."""

    header: str
    share: float  # relative to the other columns' shares: a column added takes its room from all of them
    value: Callable[[T], Any]


def records_table(columns: Iterable[TableColumn[T]], records: Iterable[T], width: float | None = None) -> Table:
    """A ruled table with a header row and one row per record, its width (the page's) shared out by the columns."""
    columns = list(columns)
    scale = (CONTENT_WIDTH if width is None else width) / sum(column.share for column in columns)
    rows = [[column.header for column in columns]]
    rows += [[column.value(record) for column in columns] for record in records]
    return grid_table(rows, [column.share * scale for column in columns])


# ReportLab's default left and right padding of a table cell.
CELL_PADDING = 6


def _fitted(value: Any, style: ParagraphStyle, room: float) -> ParagraphStyle:
    """The cell style, made smaller for a code written without spaces (a USCC, a licence number) that would
    otherwise break over two lines: a reader copies such a code, and W, M, X are wide in 仿宋."""
    text = str(value)
    if not text or not text.isascii() or " " in text:
        return style
    needed = stringWidth(text, style.fontName, style.fontSize)
    if needed <= room:
        return style
    size = max(7.5, style.fontSize * room / needed)
    return ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=size, leading=style.leading)


def key_value_table(pairs: list[tuple[str, Any]], width: float, columns: int = 2) -> Table:
    """Label / value pairs laid out `columns` pairs to a row, labels shaded."""
    cell = styles().cell
    label_width = 30 * mm  # 统一社会信用代码 on one line at 5号
    value_width = width / columns - label_width
    rows, row = [], []
    for label, value in pairs:
        row += [para(label, cell), para(value, _fitted(value, cell, value_width - 2 * CELL_PADDING))]
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


class _DocumentCanvas(Canvas):
    """A canvas that starts in the embedded body face: otherwise each page names Helvetica, which is not embedded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        super().__init__(*args, **kwargs)


# A heading goes to the next page unless it and this much of what follows fit below it.
KEEP_WITH_HEADING = 30 * mm


class _KeepWithNext(KeepTogether):
    """A heading (keepWithNext) and the flowable after it: never a heading alone at the foot of a page.

    ReportLab's own KeepTogether moves the pair to a new page whenever the whole of what follows does not fit,
    which leaves most of a page empty before a long table; this asks only for the first lines of it.
    """

    def split(self, available_width: float, available_height: float) -> list:
        *headings, following = self._content
        needed = sum(f.wrapOn(self.canv, available_width, available_height)[1] + f.getSpaceBefore()
                     + f.getSpaceAfter() for f in headings)
        height = following.wrapOn(self.canv, available_width, available_height)[1]
        first = KEEP_WITH_HEADING
        if isinstance(following, Table):  # a table's first row (after the repeated header) cannot be split
            first = max(first, sum(following._rowHeights[:following.repeatRows + 1]))
        needed += min(height, first)
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        if needed > available_height and not at_top:
            return [self.FrameBreak(), *self._content]
        return list(self._content)


def page_number_label(number: int) -> str:
    """GB/T 9704-2012 §7.5: the page number between two dashes, "— 1 —"."""
    return f"— {number} —"


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
    """A photo for print, already watermarked (media/watermark.py), and the line printed under it.

    `jpeg` is None when the photo's file is not on this computer (not yet synced): a box says so in its place.
    """

    jpeg: bytes | None
    caption: str


def scaled_image(jpeg: bytes, max_width: float, max_height: float) -> Image:
    """A JPEG as a flowable, as large as fits the box without distortion."""
    image = Image(io.BytesIO(jpeg))
    scale = min(max_width / image.imageWidth, max_height / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
    return image


def photo_cell(photo: CaptionedPhoto, width: float, height: float) -> Table:
    """One photo as large as fits `width` x `height`, its caption beneath; a ruled box if its file is missing."""
    s = styles()
    if photo.jpeg is not None:
        picture: Any = scaled_image(photo.jpeg, width, height)
    else:
        picture = plain_table([[para("（照片文件不在本机，同步后可打印）", s.small)]], [width],
                              [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), height / 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), height / 3)])
    return plain_table([[picture], [para(photo.caption, s.small)]], [width],
                       [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("ALIGN", (0, 0), (-1, -1), "CENTER")])


def photo_grid(photos: list[CaptionedPhoto], columns: int = 2, height: float = 70 * mm,
               headers: list[str] | None = None) -> Table:
    """Photos `columns` to a row across the type area, each at most `height` tall with its caption beneath.

    `photos` fill the rows left to right; None leaves a cell empty (a "before" with no "after" beside it).
    `headers` label the columns (整改前 / 整改后). A row never splits across pages, so a photo stays with its
    caption.
    """
    s = styles()
    gap = 3 * mm
    cell_width = (CONTENT_WIDTH - gap * (columns - 1)) / columns
    cells = [photo_cell(photo, cell_width, height) if photo is not None else "" for photo in photos]
    rows = [cells[start:start + columns] + [""] * (columns - len(cells[start:start + columns]))
            for start in range(0, len(cells), columns)]
    commands = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm)]
    if headers:
        rows.insert(0, [Paragraph(escape(header), s.heading2) for header in headers])
    widths = [cell_width + gap] * (columns - 1) + [cell_width]
    table = plain_table(rows, widths, commands)
    if headers:
        table.repeatRows = 1
    return table


def photo_attachment(title: str, photos: list[CaptionedPhoto]) -> list:
    """An attachment (附件) of photos on pages of their own after the document; nothing when there are none."""
    if not photos:
        return []
    s = styles()
    return [PageBreak(), Paragraph(escape(title), s.heading), photo_grid(photos)]


def build_pdf(target: Path | str | BinaryIO, story: list, letterhead: Letterhead) -> None:
    """Lay out `story` in GB/T 9704-2012's type area on A4 with page numbers, and write the PDF."""
    register_font()
    moment = letterhead.generated_at
    generated = f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        # 4号 numbers 7 mm below the type area, one character in from its right edge on odd pages and from its
        # left edge on even ones (GB/T 9704-2012 §7.5), so they sit outside on a double-sided print.
        number = canvas.getPageNumber()
        canvas.setFont(XIAOBIAOSONG, SIZE_4)
        canvas.setFillColor(INK)
        baseline = BOTTOM_MARGIN - 7 * mm - SIZE_4 * 0.8
        label = page_number_label(number)
        if number % 2:
            canvas.drawRightString(LEFT_MARGIN + CONTENT_WIDTH - SIZE_4, baseline, label)
        else:
            canvas.drawString(LEFT_MARGIN + SIZE_4, baseline, label)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(PAGE[0] / 2, 9 * mm, f"安全检查工作台 生成于 {generated}")
        canvas.restoreState()

    output = target if hasattr(target, "write") else io.BytesIO()
    document = BaseDocTemplate(output, pagesize=PAGE, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
                               topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
                               title=letterhead.title, author=letterhead.office, subject=letterhead.period,
                               creator="安全检查工作台")
    frame = Frame(LEFT_MARGIN, BOTTOM_MARGIN, CONTENT_WIDTH, CONTENT_HEIGHT, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    document.keepTogetherClass = _KeepWithNext
    document.build(story, canvasmaker=_DocumentCanvas)
    if output is not target:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(output.getvalue())
        temporary.replace(path)  # a reader never sees half a PDF

