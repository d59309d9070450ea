"""Export the ledger's current filter to Excel: a save dialog, the export in a worker with progress, a message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter
from safety_desk.ui.context import AppContext


def _export(report, service: SpreadsheetService, flt: LedgerFilter, target: Path, sort: tuple[str, bool]) -> int:
    # On a connection of its own: 200,000 rows take a while and must not hold the window's (Database.reader).
    with service.session.store.reader() as store:
        reading = SpreadsheetService(service.session.with_store(store))  # the same clock: overdue as of its day
        return reading.export_ledger(flt, target, progress=report, sort_column=sort[0], descending=sort[1])


class LedgerExport(QObject):
    """One export: ask where, run it off the UI thread, and say how many hazards were written where."""

    exported = Signal(str, int)  # path, rows

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context, self.parent_widget = context, parent
        self.service = context.desk.spreadsheets
        self.progress: QProgressDialog | None = None
        self.target: Path | None = None

    def ask_path(self) -> Path | None:
        default = str(Path.home() / f"隐患台账_{self.context.session.clock.now():%Y%m%d}.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export to Excel"), default,
                                                self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")

    def start(self, flt: LedgerFilter, total: int, sort: tuple[str, bool] = ("found_on", True),
              target: Path | None = None) -> bool:
        """Ask for the file (unless given) and start; False when the user cancelled the file dialog."""
        self.target = target or self.ask_path()
        if self.target is None:
            return False
        self.progress = QProgressDialog(self.tr("Exporting %1 hazards…").replace("%1", f"{total:,}"), "",
                                        0, max(total, 1), self.parent_widget)
        self.progress.setObjectName("export_progress")
        self.progress.setWindowTitle(self.tr("Export to Excel"))
        self.progress.setCancelButton(None)  # a half-written workbook is never left behind, but nor is it stoppable
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setValue(0)
        signals = self.context.tasks.start(_export, self.service, flt, self.target, sort)
        signals.progressed.connect(self.on_progressed)
        signals.finished.connect(self.on_finished)
        signals.failed.connect(self.on_failed)
        return True

    def on_progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def on_finished(self, count: int) -> None:
        self._close_progress()
        self.exported.emit(str(self.target), count)
        QMessageBox.information(self.parent_widget, self.tr("Export to Excel"),
                                self.tr("%1 hazards written to %2").replace("%1", f"{count:,}")
                                .replace("%2", str(self.target)))

    def on_failed(self, message: str) -> None:
        self._close_progress()
        QMessageBox.warning(self.parent_widget, self.tr("Export to Excel"),
                            self.tr("The export failed: %1").replace("%1", message))
