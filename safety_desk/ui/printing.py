"""Printing a PDF as the PDF it is (vector text, embedded fonts), in a worker: to a file, to CUPS, or rendered.

Painting page images into a QPrinter made a 5.7 MB raster PDF of the weekly summary and held the window
1.6 s. Here the print dialog's choices become a PrintRequest on the UI thread and the work runs in the
task pool: "print to file" writes the document's own pages (pypdf picks a range); a CUPS printer gets the
PDF itself through `lp`, which the printer's filters rasterise at its own resolution; only where neither
exists (a system without CUPS) are pages rendered, in the worker too.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from pypdf import PdfReader, PdfWriter

RENDER_DPI = 300  # the fallback renders pages at most this fine: enough for text, bounded in memory


@dataclass(frozen=True)
class PrintRequest:
    """What the print dialog chose, as plain values a worker can use."""

    source: Path
    first: int  # 0-based, inclusive
    last: int
    page_count: int
    title: str
    output_file: str = ""  # "print to file": write a PDF there
    printer_name: str = ""
    copies: int = 1
    printer: QPrinter | None = None  # only for the rendering fallback

    @property
    def pages(self) -> int:
        return self.last - self.first + 1


def request_from(printer: QPrinter, source: Path, page_count: int, title: str) -> PrintRequest:
    """The dialog's printer settings as a request (on the UI thread); the range clamped to the document."""
    first = printer.fromPage() - 1 if printer.fromPage() > 0 else 0
    last = printer.toPage() - 1 if printer.toPage() > 0 else page_count - 1
    first, last = max(0, first), min(page_count - 1, last)
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return PrintRequest(source=source, first=first, last=last, page_count=page_count, title=title,
                        output_file=printer.outputFileName() if to_file else "",
                        printer_name="" if to_file else printer.printerName(),
                        copies=max(1, printer.copyCount()), printer=printer)


def print_pdf(report, request: PrintRequest) -> int:
    """In a worker: print the request's pages; returns how many. OSError / RuntimeError say what failed."""
    if request.pages <= 0:
        return 0
    report(0, 1)
    if request.output_file:
        _write_pages(request.source, Path(request.output_file), request.first, request.last, request.page_count)
    elif shutil.which("lp") and request.printer_name:
        _send_to_cups(request)
    else:
        _render(request)
    report(1, 1)
    return request.pages


def _write_pages(source: Path, target: Path, first: int, last: int, count: int) -> None:
    """The document's own pages first..last as a PDF at `target`: the whole file copied when all are asked for."""
    temporary = target.with_name(target.name + ".part")
    if first == 0 and last == count - 1:
        shutil.copyfile(source, temporary)
    else:
        reader, writer = PdfReader(source), PdfWriter()
        for page in range(first, last + 1):
            writer.add_page(reader.pages[page])
        with temporary.open("wb") as stream:
            writer.write(stream)
    temporary.replace(target)  # a reader never sees half a PDF


def _send_to_cups(request: PrintRequest) -> None:
    command = ["lp", "-d", request.printer_name, "-n", str(request.copies), "-t", request.title]
    if request.pages != request.page_count:
        command += ["-o", f"page-ranges={request.first + 1}-{request.last + 1}"]
    done = subprocess.run([*command, "--", str(request.source)], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError((done.stderr or done.stdout).strip() or f"lp exited {done.returncode}")


def _render(request: PrintRequest) -> None:
    """No CUPS: paint each page into the printer (QPainter may paint a QPrinter off the UI thread)."""
    document = QPdfDocument()
    if document.load(str(request.source)) != QPdfDocument.Error.None_:
        raise RuntimeError(str(request.source))
    printer = request.printer
    painter = QPainter()
    if printer is None or not painter.begin(printer):
        raise RuntimeError(request.printer_name)
    try:
        paper = painter.viewport()
        dpi = min(printer.resolution(), RENDER_DPI)
        for number, page in enumerate(range(request.first, request.last + 1)):
            if number:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            target.moveCenter(QRectF(paper).center())
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            painter.drawImage(target, document.render(page, pixels))
    finally:
        painter.end()
        document.close()
