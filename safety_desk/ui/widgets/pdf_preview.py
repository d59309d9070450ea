"""A PDF shown inside the application (QtPdf): page navigation, zoom, print through the system dialog, save as."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QMessageBox, QSpinBox, QToolButton, QVBoxLayout,
    QWidget,
)

from safety_desk.ui.icons import icon
from safety_desk.ui.printing import print_pdf, request_from
from safety_desk.ui.tasks import TaskRunner

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
_MUTED = "#546e7a"


class PdfPreview(QWidget):
    """Shows one PDF file; the toolbar pages through it, zooms, prints it and saves a copy.

    `load(path)` shows a file (the caller keeps it until `clear()`); `suggested_name` is what Save as…
    proposes. Printing sends the PDF itself, in `tasks` (ui/printing.py).
    """

    loaded = Signal(int)  # page count
    page_changed = Signal(int)  # 0-based page shown
    printed = Signal(int)  # pages sent to the printer (or written, printing to a file)
    print_failed = Signal(str)
    saved = Signal(str)  # where the copy was written

    def __init__(self, parent=None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks or TaskRunner(self)  # printing runs here, never on the UI thread
        self.printing = False
        self._printer: QPrinter | None = None
        self.path: Path | None = None
        self.suggested_name = "document.pdf"
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("QPdfView { background: #cfd8dc; }")
        self.view.pageNavigator().currentPageChanged.connect(self.on_page_changed)
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.view.zoomModeChanged.connect(lambda _mode: self._show_zoom())
        self.view.viewport().installEventFilter(self)  # a fitting zoom changes with the viewport's size

        self.previous_button = self._tool("chevron-up", self.tr("Previous page (Page Up)"), self.previous_page)
        self.next_button = self._tool("chevron-down", self.tr("Next page (Page Down)"), self.next_page)
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setMinimum(1)
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setToolTip(self.tr("Go to page"))
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.fit_width_button = self._tool("arrow-expand-horizontal", self.tr("Fit width"), self.fit_width)
        self.fit_page_button = self._tool("fit-to-page-outline", self.tr("Fit page"), self.fit_page)
        self.zoom_out_button = self._tool("magnify-minus-outline", self.tr("Zoom out (Ctrl+-)"), self.zoom_out)
        self.zoom_in_button = self._tool("magnify-plus-outline", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(44)
        self.print_button = self._tool("printer-outline", self.tr("Print…"), self.print_document, text=True)
        self.print_button.setObjectName("print")
        self.save_button = self._tool("content-save-outline", self.tr("Save as…"), self.save_as, text=True)
        self.save_button.setObjectName("save_as")

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.setSpacing(4)
        for widget in (self.previous_button, self.next_button, self.page_spin, self.page_label):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.fit_width_button, self.fit_page_button, self.zoom_out_button, self.zoom_label,
                       self.zoom_in_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        toolbar = QFrame()
        toolbar.setObjectName("pdf_toolbar")
        toolbar.setStyleSheet("#pdf_toolbar { background: #eceff1; border-bottom: 1px solid #cfd8dc; }")
        toolbar.setLayout(bar)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view, 1)
        self._update_controls()

    def _tool(self, icon_name: str, tip: str, slot, text: bool = False) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(20, 20))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if text:
            button.setText(tip)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- the document ---------------------------------------------------------------------------
    def load(self, path: Path | str) -> int:
        """Show the PDF at `path` from its first page, fitted to the width; returns its page count."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.path = None
            self._update_controls()
            raise ValueError(self.tr("Cannot open the PDF %1 (%2)").replace("%1", str(path))
                             .replace("%2", error.name))
        self.path = Path(path)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF(), 0)
        self._update_controls()
        self.loaded.emit(self.page_count())
        return self.page_count()

    def clear(self) -> None:
        """Show nothing and let go of the file."""
        self.document.close()
        self.path = None
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount() if self.path is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # -- navigation -----------------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        if page != self.current_page():
            navigator = self.view.pageNavigator()
            navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_controls()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def on_page_changed(self, page: int) -> None:
        self._update_controls()
        self.page_changed.emit(page)

    # -- zoom -----------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self._keeping_page(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))

    def fit_page(self) -> None:
        self._keeping_page(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom() / ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))

        def change() -> None:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)
        self._keeping_page(change)

    def _keeping_page(self, change) -> None:
        """Zoom without losing one's place: the page shown before is shown from its top after."""
        page = self.current_page()
        change()
        count = self.page_count()
        if count:
            # The view scrolls only when the navigator's page changes, and the zoom left it on `page`:
            # step off it and back so the view scrolls to the page's top in the new layout.
            navigator = self.view.pageNavigator()
            if count > 1:
                navigator.jump(page + 1 if page + 1 < count else page - 1, QPointF(), navigator.currentZoom())
            navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_controls()

    def zoom(self) -> float:
        """The magnification shown now (1.0: a point is a point at the screen's resolution), in any zoom mode."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        # What QPdfView computes for the fitting modes: the page at zoom 1 against the viewport less margins.
        points = self.document.pagePointSize(max(0, self.current_page()))
        scale = self.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        width = (viewport.width() - margins.left() - margins.right()) / max(1.0, points.width() * scale)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (viewport.height() - margins.top() - margins.bottom()) / max(1.0, points.height() * scale)
        return min(width, height)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom() * 100)}%" if self.page_count() else "")
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)

    def _update_controls(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else -1
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, count))
        self.page_spin.setValue(page + 1 if count else 1)
        self.page_spin.blockSignals(False)
        self.page_label.setText(self.tr("/ %1").replace("%1", str(count)) if count else "")
        for widget in (self.page_spin, self.fit_width_button, self.fit_page_button, self.zoom_in_button,
                       self.zoom_out_button, self.print_button, self.save_button):
            widget.setEnabled(count > 0)
        self.print_button.setEnabled(count > 0 and not self.printing)
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        self._show_zoom()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._show_zoom()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif modifiers & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif modifiers & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Minus:
            self.zoom_out()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- print and save -------------------------------------------------------------------------
    def print_document(self) -> bool:
        """Ask the system print dialog where and what to print, then print in a worker; False if cancelled."""
        if self.page_count() == 0 or self.printing:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.suggested_name))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the pages the printer asks for (its from/to range, all if unset) in a worker, as the PDF itself
        (ui/printing.py); `printed(pages)` or a message follows. False if nothing was started."""
        if self.page_count() == 0 or self.path is None or self.printing:
            return False
        request = request_from(printer, self.path, self.page_count(), self.suggested_name)
        if request.pages <= 0:
            return False
        self.printing = True
        self._printer = printer  # kept alive while a worker may paint it
        self._update_controls()
        signals = self.tasks.start(print_pdf, request)
        signals.finished.connect(self._on_printed)
        signals.failed.connect(self._on_print_failed)
        return True

    def _on_printed(self, pages: int) -> None:
        self.printing, self._printer = False, None
        self._update_controls()
        self.printed.emit(pages)

    def _on_print_failed(self, message: str) -> None:
        self.printing, self._printer = False, None
        self._update_controls()
        self.print_failed.emit(message)
        QMessageBox.warning(self, self.tr("Print"), self.tr("Could not print: %1").replace("%1", message))

    def save_as(self) -> str | None:
        """Copy the PDF where the person chooses; returns the path written, None if cancelled."""
        if self.path is None:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF as"), self.suggested_name,
                                                      self.tr("PDF documents (*.pdf)"))
        if not chosen:
            return None
        if not chosen.lower().endswith(".pdf"):
            chosen += ".pdf"
        try:
            shutil.copyfile(self.path, chosen)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save as"), self.tr("Could not save %1: %2").replace("%1", chosen)
                                .replace("%2", exc.strerror or str(exc)))
            return None
        self.saved.emit(chosen)
        return chosen
