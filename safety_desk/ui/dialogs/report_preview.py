"""Generate any PDF document in the task runner and preview it in a dialog, to print or save (any page may call)."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget,
)

from safety_desk.services.session import Session
from safety_desk.ui.context import AppContext
from safety_desk.ui.widgets.pdf_preview import PdfPreview
from safety_desk.ui.screen_fit import fit_to_screen

# Writes the document to the path it is given (a ReportService or WeeklyService call); runs off the UI thread.
# make(path, session): write the document to path, reading through `session` (a worker's own connection).
MakeDocument = Callable[[Path, Session], object]

_temporary: tempfile.TemporaryDirectory | None = None
_numbers = itertools.count(1)


def temporary_pdf(name: str) -> Path:
    """A fresh path for a generated PDF in this run's temporary folder (removed when the program ends).

    Each document gets its own file, so a preview still showing the previous one is never overwritten.
    """
    global _temporary
    if _temporary is None:
        _temporary = tempfile.TemporaryDirectory(prefix="safetydesk-reports-", ignore_cleanup_errors=True)
    stem = "".join(c for c in Path(name).stem if c not in '\\/:*?"<>|') or "document"
    return Path(_temporary.name) / f"{next(_numbers):03d}-{stem}.pdf"


def _make_document(report, session: Session, make: MakeDocument, target: Path) -> str:
    """In a worker: write the document, reading on a connection of its own (never the window's)."""
    report(0, 1)
    with session.store.reader() as store:
        make(target, session.with_store(store))
    report(1, 1)
    return str(target)


class DocumentJob(QObject):
    """One generation: connect to `generated(path)` and `failed(message)`, then `start()` makes it in the task
    runner (a job started before anyone listens could report to no one)."""

    generated = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, make: MakeDocument, name: str, parent=None) -> None:
        super().__init__(parent)
        self.context, self.make = context, make
        self.path = temporary_pdf(name)
        self.running = False

    def start(self) -> None:
        self.running = True
        signals = self.context.tasks.start(_make_document, self.context.session, self.make, self.path)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)

    def _on_finished(self, path: str) -> None:
        self.running = False
        self.generated.emit(path)

    def _on_failed(self, message: str) -> None:
        self.running = False
        self.path.unlink(missing_ok=True)
        self.failed.emit(message)


class ReportDialog(QDialog):
    """Shows "generating…" while the document is made (its `job`, started once the dialog is open), then the
    preview with print and save as."""

    generated = Signal(str)  # the temporary PDF now shown
    failed = Signal(str)

    def __init__(self, context: AppContext, title: str, file_name: str, make: MakeDocument, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 980, 860)
        self.title = title
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # how long a PDF takes is not known: a busy bar, not a percentage
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(6)
        self.status = QLabel(self.tr("Generating %1…").replace("%1", title))
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #546e7a;")
        self.preview = PdfPreview(tasks=context.tasks)
        self.preview.suggested_name = file_name
        self.preview.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self._discard())
        self.job = DocumentJob(context, make, file_name, self)
        self.job.generated.connect(self.on_generated)
        self.job.failed.connect(self.on_failed)

    def on_generated(self, path: str) -> None:
        self.busy.hide()
        try:
            pages = self.preview.load(path)
        except ValueError as exc:
            self.on_failed(str(exc))
            return
        self.status.setText(self.tr("%1 · pages: %2").replace("%1", self.title).replace("%2", str(pages)))
        self.preview.show()
        self.preview.view.setFocus()
        self.generated.emit(path)

    def on_failed(self, message: str) -> None:
        self.busy.hide()
        self.status.setText(message)
        self.failed.emit(message)
        QMessageBox.warning(self, self.title, message)
        self.reject()

    def _discard(self) -> None:
        self.preview.clear()
        if not self.job.running:
            self.job.path.unlink(missing_ok=True)


def preview_document(context: AppContext, parent: QWidget, title: str, file_name: str,
                     make: MakeDocument) -> ReportDialog:
    """Generate a document off the UI thread and show it in a window-modal preview; returns the dialog."""
    dialog = ReportDialog(context, title, file_name, make, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.job.start()  # once open: a refusal closes it again
    return dialog
