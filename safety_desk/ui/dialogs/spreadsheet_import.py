"""Import from Excel or CSV: a dry run in a worker, a summary (counts, or every problem with its row), then the import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QListWidget, QMessageBox, QProgressBar, QVBoxLayout,
)

from safety_desk.services.imports import ImportRefused, ImportResult, SpreadsheetService
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon


def _run(report, service: SpreadsheetService, kind: str, path: Path, dry_run: bool,
         options: dict | None = None) -> ImportResult:
    """In a worker: the import (or its dry run); a refused file comes back as its result, with its problems.

    On a connection of its own, opened and closed here (the window's belongs to the UI thread): the dry run reads
    on a reader, the import writes on a second writable connection; the dialog is modal meanwhile.
    """
    session = service.session
    with (session.store.reader() if dry_run else session.store.writer()) as store:
        own = SpreadsheetService(session.with_store(store), max_rows=service.max_rows)
        run = own.import_enterprises if kind == "enterprises" else own.import_ledger
        try:
            return run(path, dry_run=dry_run, progress=report, **(options or {}))
        except ImportRefused as refused:
            return refused.result


class SpreadsheetImportDialog(QDialog):
    """Checks the file first; "Import" appears only when no row has a problem. Emits `imported` when written."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, context: AppContext, kind: str, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.context, self.kind, self.path = context, kind, Path(path)
        self.service = context.desk.spreadsheets
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("Import enterprises") if kind == "enterprises" else self.tr("Import ledger"))
        self.setMinimumSize(640, 420)

        self.file_label = QLabel(self.path.name)
        self.file_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.status_label = QLabel(self.tr("Checking every row…"))
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the worker reports
        self.progress.setTextVisible(False)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        self.problems.hide()
        # Shown when the enterprise list names districts that do not exist: ticked, the import creates them.
        self.new_districts = QCheckBox()
        self.new_districts.setObjectName("new_districts")
        self.new_districts.hide()
        self.new_districts.toggled.connect(self.on_new_districts_toggled)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setIcon(icon("database-import-outline", "white"))
        self.import_button.setStyleSheet("QPushButton { background: #1e88e5; color: white; border: none;"
                                         " border-radius: 4px; padding: 6px 14px; font-weight: 600; }")
        self.import_button.hide()
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.new_districts)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """Run the dry run in the task runner; the summary replaces the busy bar when it reports."""
        self._start(dry_run=True)

    def _start(self, dry_run: bool) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.import_button.setEnabled(False)
        # A ledger workbook may carry its own enterprise sheet, read exactly as an enterprise list.
        options = {"new_districts": self.new_districts.isChecked()}
        signals = self.context.tasks.start(_run, self.service, self.kind, self.path, dry_run, options)
        signals.progressed.connect(self.on_progressed)
        signals.finished.connect(self.on_checked if dry_run else self.on_imported)
        signals.failed.connect(self.on_failed)

    def on_progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def on_checked(self, result: ImportResult) -> None:
        self.result = result
        self.progress.hide()
        self.problems.clear()
        self.problems.hide()
        self.status_label.setStyleSheet("")
        if result.new_districts:
            self.new_districts.setText(self.tr("Create the districts the file names that do not exist yet: %1")
                                       .replace("%1", "、".join(result.new_districts)))
            self.new_districts.show()
        if not result.ok:
            self.status_label.setText(
                self.tr("%1 problems in %2 of %3 rows: nothing will be imported. Correct the file and try again.")
                .replace("%1", str(len(result.problems))).replace("%2", str(result.rows_with_problems))
                .replace("%3", str(result.rows)))
            self.status_label.setStyleSheet("color: #c62828; font-weight: 600;")
            self.problems.addItems([str(problem) for problem in result.problems])
            self.problems.show()
            return
        self.status_label.setText(self._counts(result))
        changes = result.added + result.updated
        if result.enterprises is not None:
            changes += result.enterprises.added + result.enterprises.updated
        self.import_button.setVisible(changes > 0)
        self.import_button.setEnabled(changes > 0)

    def _counts(self, result: ImportResult) -> str:
        if result.kind == "enterprises":
            text = self.tr("%1 rows checked, no problems. %2 enterprises will be added and %3 updated; %4 are "
                           "unchanged.").replace("%1", str(result.rows)).replace("%2", str(result.added)) \
                .replace("%3", str(result.updated)).replace("%4", str(result.unchanged))
        else:
            text = self.tr("%1 rows checked, no problems. %2 hazards will be added; %3 are already in the "
                           "ledger.").replace("%1", str(result.rows)).replace("%2", str(result.added)) \
                .replace("%3", str(result.unchanged))
            if result.by_status:
                text += "\n" + "、".join(f"{status} {count}" for status, count in result.by_status.items())
            if result.enterprises is not None:
                text += "\n" + self.tr("Its enterprise sheet: %1 enterprises will be added and %2 updated.") \
                    .replace("%1", str(result.enterprises.added)).replace("%2", str(result.enterprises.updated))
        return text

    def on_new_districts_toggled(self, _checked: bool) -> None:
        """Check the file again: with the box ticked its missing districts are no longer problems."""
        self.import_button.hide()
        self.status_label.setText(self.tr("Checking every row…"))
        self._start(dry_run=True)

    def on_import_clicked(self) -> None:
        self.status_label.setText(self.tr("Importing…"))
        self.close_button.setEnabled(False)
        self._start(dry_run=False)

    def on_imported(self, result: ImportResult) -> None:
        self.progress.hide()
        self.close_button.setEnabled(True)
        if not result.ok:  # the database changed between the check and the import
            self.on_checked(result)
            return
        self.result = result
        self.imported.emit(result)
        QMessageBox.information(self, self.windowTitle(), self.tr("Imported: %1 added, %2 updated.")
                                .replace("%1", str(result.added)).replace("%2", str(result.updated)))
        self.accept()

    def on_failed(self, message: str) -> None:
        self.progress.hide()
        self.close_button.setEnabled(True)
        self.status_label.setText(message)
        self.status_label.setStyleSheet("color: #c62828; font-weight: 600;")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
