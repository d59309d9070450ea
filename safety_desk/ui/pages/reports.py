"""报表: choose a document, its period and scope; generate it off the UI thread; preview, print and save it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateEdit, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QMessageBox,
    QProgressBar, QPushButton, QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
)

from safety_desk.services.filings import FILING_ROLES
from safety_desk.services.reports import ReportProblem, ReportService, parse_quarter
from safety_desk.services.weekly import WeeklyService, date_range, iso_week
from safety_desk.services.session import Session
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.report_preview import DocumentJob, temporary_pdf
from safety_desk.ui.icons import icon
from safety_desk.ui.pages.activity_common import primary_button
from safety_desk.ui.widgets.pdf_preview import PdfPreview
from safety_desk.ui.widgets.seal_check import SealCheck

WEEKLY, QUARTERLY, ANNUAL = "weekly", "quarterly", "annual"
QUARTERS_OFFERED = 8
YEARS_OFFERED = 5
_MUTED = "#546e7a"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_key(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


class ReportsPage(QWidget):
    """Left: what to print (document, period, scope) and Generate; right: the preview of the last document."""

    generated = Signal(str)  # the temporary PDF now previewed
    failed = Signal(str)

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = context.session.clock.today
        self.reports = context.desk.reports
        self.job: DocumentJob | None = None
        self.shown_path: Path | None = None

        self.preview = PdfPreview(tasks=context.tasks)
        self.preview.setObjectName("preview")
        self.empty = QLabel(self.tr("Choose a document on the left and press Generate.\n"
                                    "It is shown here to check, print or save."))
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {_MUTED}; font-size: 15px; background: #eceff1;")
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.preview)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._build_choices())
        layout.addWidget(self.right, 1)
        self.fill_scopes()
        self.on_document_changed()
        self._sync_period_mode()

    # -- building -------------------------------------------------------------------------------
    def _build_choices(self) -> QWidget:
        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")

        self.document_box = QComboBox()
        self.document_box.setObjectName("document")
        self.document_box.addItem(icon("file-chart-outline"), self.tr("Weekly safety summary (周报)"), WEEKLY)
        self.document_box.addItem(icon("chart-box-outline"), self.tr("Quarterly hazard statistics"), QUARTERLY)
        self.document_box.addItem(icon("chart-box-outline"), self.tr("Annual hazard statistics"), ANNUAL)
        self.document_box.currentIndexChanged.connect(lambda _index: self.on_document_changed())

        # Weekly: one ISO week (any day of it picked on a calendar) or a period from / to.
        today = self.today()
        self.week_radio = QRadioButton(self.tr("Week"))
        self.week_radio.setObjectName("by_week")
        self.range_radio = QRadioButton(self.tr("Period"))
        self.range_radio.setObjectName("by_range")
        self.week_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.week_radio)
        group.addButton(self.range_radio)
        self.week_day = self._date_edit("week_day", today)
        self.week_label = QLabel()
        self.week_label.setObjectName("week_label")
        self.week_label.setWordWrap(True)
        self.week_label.setStyleSheet(f"color: {_MUTED};")
        self.week_day.dateChanged.connect(lambda _day: self.on_week_changed())
        monday = today - timedelta(days=today.weekday())
        self.range_from = self._date_edit("range_from", monday)
        self.range_to = self._date_edit("range_to", today)
        for widget in (self.range_from, self.range_to, self.week_day):
            widget.dateChanged.connect(lambda _day: self._sync_period_mode())
        self.week_radio.toggled.connect(lambda _on: self._sync_period_mode())
        weekly = QWidget()
        weekly_form = QFormLayout(weekly)
        weekly_form.setContentsMargins(0, 0, 0, 0)
        weekly_form.addRow(self.week_radio, self.week_day)
        weekly_form.addRow(self.week_label)  # the whole width: the week's days on one line
        weekly_form.addRow(self.range_radio, self.range_from)
        weekly_form.addRow(self.tr("to"), self.range_to)

        # Quarterly: the current quarter and the ones before it.
        self.quarter_box = QComboBox()
        self.quarter_box.setObjectName("quarter")
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _ in range(QUARTERS_OFFERED):
            key = f"{year}Q{quarter}"
            self.quarter_box.addItem(f"{year}年第{quarter}季度", key)
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        quarterly = QWidget()
        quarterly_form = QFormLayout(quarterly)
        quarterly_form.setContentsMargins(0, 0, 0, 0)
        quarterly_form.addRow(self.tr("Quarter"), self.quarter_box)

        # Annual: the current year and the ones before it (the annual form is due 31 January).
        self.year_box = QComboBox()
        self.year_box.setObjectName("year")
        for year in range(today.year, today.year - YEARS_OFFERED, -1):
            self.year_box.addItem(f"{year}年", str(year))
        annual = QWidget()
        annual_form = QFormLayout(annual)
        annual_form.setContentsMargins(0, 0, 0, 0)
        annual_form.addRow(self.tr("Year"), self.year_box)

        self.period_stack = QStackedWidget()
        self.period_stack.addWidget(weekly)
        self.period_stack.addWidget(quarterly)
        self.period_stack.addWidget(annual)
        period_box = QGroupBox(self.tr("Period"))
        period_layout = QVBoxLayout(period_box)
        period_layout.addWidget(self.period_stack)

        self.scope_box = QComboBox()
        self.scope_box.setObjectName("scope")
        scope_group = QGroupBox(self.tr("Scope"))
        scope_layout = QVBoxLayout(scope_group)
        scope_layout.addWidget(self.scope_box)

        self.generate_button = primary_button(icon("file-pdf-box", "white"), self.tr("Generate"), "generate")
        self.generate_button.setToolTip(self.tr("Make the PDF and show it here (Ctrl+G)"))
        self.generate_button.setShortcut("Ctrl+G")
        self.generate_button.clicked.connect(self.generate)
        # 报出 is for the office and an enterprise (its own art. 14 filing); an inspector only prints.
        self.file_button = QPushButton(icon("send-outline"), self.tr("File (报出)…"))
        self.file_button.setObjectName("file")
        self.file_button.setToolTip(self.tr("File the chosen period's statistics: once, and final"))
        self.file_button.clicked.connect(self.file_statistics)
        self.busy = QProgressBar()
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(6)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {_MUTED};")

        panel = QFrame()
        panel.setFixedWidth(290)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 8)
        column.setSpacing(10)
        column.addWidget(title)
        column.addWidget(QLabel(self.tr("Document")))
        column.addWidget(self.document_box)
        column.addWidget(period_box)
        column.addWidget(scope_group)
        column.addWidget(self.generate_button)
        column.addWidget(self.file_button)
        column.addWidget(self.busy)
        column.addWidget(self.status)
        column.addStretch(1)
        self.seal_check = SealCheck(self.context.desk.seals.check_text)
        column.addWidget(self.seal_check)
        return panel

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- choices --------------------------------------------------------------------------------
    def fill_scopes(self) -> None:
        """Only what the person may see: the city and each district (office), their districts, or their unit."""
        self.scope_box.clear()
        for code, name in self.reports.scope_choices():
            self.scope_box.addItem(name if code is None else f"{name}（{code}）", code)
        self.scope_box.setEnabled(self.scope_box.count() > 1)

    def scope_codes(self) -> list[str | None]:
        return [self.scope_box.itemData(row) for row in range(self.scope_box.count())]

    def document(self) -> str:
        return self.document_box.currentData()

    def on_document_changed(self) -> None:
        self.period_stack.setCurrentIndex({WEEKLY: 0, QUARTERLY: 1, ANNUAL: 2}[self.document()])
        self.file_button.setVisible(self.context.session.role in FILING_ROLES)
        self.on_week_changed()

    def on_week_changed(self) -> None:
        try:
            self.week_label.setText(iso_week(week_key(_pydate(self.week_day.date()))).label)
        except ReportProblem as exc:
            self.week_label.setText(str(exc))

    def _sync_period_mode(self) -> None:
        by_week = self.week_radio.isChecked()
        self.week_day.setEnabled(by_week)
        self.range_from.setEnabled(not by_week)
        self.range_to.setEnabled(not by_week)

    def choose_week(self, key: str) -> None:
        """Show the ISO week "2026-W48" (its Monday on the calendar)."""
        self.week_radio.setChecked(True)
        self.week_day.setDate(_qdate(iso_week(key).start))

    def choose_range(self, start: date, end: date) -> None:
        self.range_radio.setChecked(True)
        self.range_from.setDate(_qdate(start))
        self.range_to.setDate(_qdate(end))

    def request(self) -> tuple[str, str, Callable[[Path], object]]:
        """(title, file name, make) for what is chosen now; make(path) runs in the task runner."""
        code = self.scope_box.currentData()
        scope = self.scope_box.currentText()
        if self.document() == QUARTERLY:
            quarter = self.quarter_box.currentData()
            title = self.tr("Quarterly hazard statistics %1").replace("%1", quarter)

            def make_quarterly(path: Path, session: Session) -> None:
                parse_quarter(quarter)
                ReportService(session).quarterly(quarter, path, code)
            return title, f"季度隐患统计-{quarter}-{scope}.pdf", make_quarterly
        if self.document() == ANNUAL:
            year = self.year_box.currentData()
            title = self.tr("Annual hazard statistics %1").replace("%1", year)

            def make_annual(path: Path, session: Session) -> None:
                ReportService(session).annual(year, path, code)
            return title, f"年度隐患统计-{year}-{scope}.pdf", make_annual

        if self.week_radio.isChecked():
            key = week_key(_pydate(self.week_day.date()))
            start = end = None
        else:
            key = ""
            start, end = _pydate(self.range_from.date()), _pydate(self.range_to.date())
        label = key or f"{start}—{end}"

        printed: list = []  # what was printed (FiledFigures), read on the UI thread once `generated` arrives

        def make_weekly(path: Path, session: Session) -> None:
            period = iso_week(key) if key else date_range(start, end)
            printed.append(WeeklyService(session).document(period, path, code))  # a filed week prints as filed
        make_weekly.printed = printed
        return (self.tr("Weekly safety summary %1").replace("%1", label), f"安全生产周报-{label}-{scope}.pdf",
                make_weekly)

    # -- generating -----------------------------------------------------------------------------
    def generate(self) -> DocumentJob | None:
        """Make the chosen document in the task runner; the button waits until it is done."""
        if self.job is not None and self.job.running:
            return None
        title, file_name, make = self.request()
        self.generate_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("Generating %1…").replace("%1", title))
        self.job = DocumentJob(self.context, make, file_name, self)
        printed = getattr(make, "printed", [])
        self.job.generated.connect(lambda path, t=title, n=file_name: (self.on_generated(path, t, n),
                                                                        self._say_filed(printed)))
        self.job.failed.connect(self.on_failed)
        self.job.start()
        return self.job

    def _say_filed(self, printed: list) -> None:
        """A filed week prints as filed: say so, and how many of its figures a recomputation today differs in."""
        figures = printed[-1] if printed else None
        if figures is None or figures.filing is None or figures.differences is None:
            return
        self.status.setText(self.status.text() + "\n" + self.tr(
            "Printed as filed on %1 (number %2); figures that differ when recounted today: %3").replace(
            "%1", figures.filing.filed_on).replace("%2", figures.filing.number).replace(
            "%3", "; ".join(f"{d.shown} {d.filed}→{d.now}" for d in figures.differences) or "0"))

    def file_statistics(self) -> bool:
        """报出 the chosen quarter or year after a confirmation, on the writer thread; then preview what was filed.
        The service refuses a period not over or filed before, and its message is shown."""
        if self.job is not None and self.job.running:
            return False
        code = self.scope_box.currentData()
        scope = self.scope_box.currentText()
        kind = self.document()
        span = None
        if kind == WEEKLY:  # a week is filed; a free period is refused by the service, which says why
            try:
                span = (iso_week(week_key(_pydate(self.week_day.date()))) if self.week_radio.isChecked()
                        else date_range(_pydate(self.range_from.date()), _pydate(self.range_to.date())))
            except ReportProblem as exc:
                self.on_failed(str(exc))
                return False
            period, title = span.key, span.label
        elif kind == QUARTERLY:
            period, title = self.quarter_box.currentData(), self.quarter_box.currentText()
        else:
            period, title = self.year_box.currentData(), self.year_box.currentText()
        answer = QMessageBox.question(
            self, self.tr("File statistics"),
            self.tr("File the statistics of %1 for %2?\n\nA period is filed once: the filed figures are final "
                    "and every later print shows them.").replace("%1", title).replace("%2", scope),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        label = self.tr("Filed statistics %1").replace("%1", period)
        name = (f"安全生产周报-{period}-{scope}-报出.pdf" if kind == WEEKLY
                else f"{'季度' if kind == QUARTERLY else '年度'}隐患统计-{period}-{scope}-报出.pdf")
        path = temporary_pdf(name)
        self.generate_button.setEnabled(False)
        self.file_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("Filing %1…").replace("%1", title))
        # The filing and its first print are one write; the PDF is made there too, never on the UI thread.
        done, failed = (lambda _figures: self.on_generated(str(path), label, name)), (lambda exc: self.on_failed(str(exc)))
        if span is not None:
            self.context.ops.run("weekly", "document", span, path, code, file=True, done=done, failed=failed)
        else:
            self.context.ops.run("reports", kind, period, path, code, file=True, done=done, failed=failed)
        return True

    def on_generated(self, path: str, title: str, file_name: str) -> None:
        self._done()
        previous = self.shown_path
        try:
            pages = self.preview.load(path)
        except ValueError as exc:
            self.on_failed(str(exc))
            return
        if previous is not None and previous != Path(path):
            previous.unlink(missing_ok=True)  # the preview has let go of it
        self.shown_path = Path(path)
        self.preview.suggested_name = file_name
        self.right.setCurrentWidget(self.preview)
        self.status.setText(self.tr("%1 · pages: %2").replace("%1", title).replace("%2", str(pages)))
        self.generated.emit(path)

    def on_failed(self, message: str) -> None:
        """Say why, and show no document: an older preview left in place would look like the answer."""
        self._done()
        self.preview.clear()
        if self.shown_path is not None:
            self.shown_path.unlink(missing_ok=True)
            self.shown_path = None
        self.right.setCurrentWidget(self.empty)
        self.status.setText(message)
        self.failed.emit(message)
        QMessageBox.warning(self, self.tr("Reports"), message)

    def _done(self) -> None:
        self.busy.hide()
        self.generate_button.setEnabled(True)
        self.file_button.setEnabled(True)
