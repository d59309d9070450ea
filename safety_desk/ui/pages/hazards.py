"""隐患台账: every hazard the signed-in person may see, filtered and sorted, overdue and major ones marked."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from safety_desk.domain.grading import HazardGrade
from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.domain.vocabulary import word
from safety_desk.services.errors import ServiceError
from safety_desk.services.ledger import HAZARD_SOURCES, LedgerFilter
from safety_desk.services.session import Action
from safety_desk.store.changed import HAZARD_TABLES, Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.hazard_reason import ReasonDialog
from safety_desk.ui.dialogs.issue_notice import IssueNoticeDialog
from safety_desk.ui.dialogs.ledger_export import LedgerExport
from safety_desk.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.models.ledger_model import LedgerModel
from safety_desk.ui.models.thumbnail_source import CELL_SIZE, ThumbnailSource
from safety_desk.ui.pages.broadcast import follow_changes

# Typing pauses shorter than this are one search: a query per keystroke would only be thrown away.
SEARCH_DELAY_MS = 250
# A date edit at this date means "no limit" (QDateEdit has no empty value; it shows the special text).
_NO_DATE = QDate(2000, 1, 1)
_HEADER_PADDING = 12  # the header's margins either side of the title
_MUTED = "#546e7a"
# The status filter's choice for every status but 已销号.
OPEN_STATUSES = "open"
# Filter fields the bar has no widget for; a figure clicked elsewhere may set them (shown as a chip).
_HIDDEN_FIELDS = ("enterprise_id", "deadline_from", "deadline_to", "closed_from", "closed_to", "notice_ids")


class HazardsPage(QWidget):
    """A filter bar, the number of matching hazards, and the ledger table paging through them."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        self.service = context.desk.ledger
        self.hazard_service = context.desk.hazards
        self.model = LedgerModel(self.service, ThumbnailSource(context.desk.photos, context.tasks), parent=self,
                                 reported=context.desk.hub_previews.hazards_reported)
        self.detail_dialog: HazardDetailDialog | None = None
        self.extend_dialog: ReasonDialog | None = None
        self._extend_ids: list[str] = []

        title = QLabel(self.tr("Hazard ledger"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setStyleSheet(f"color: {_MUTED};")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        # Shown while the ledger holds a filter chosen elsewhere (a dashboard figure, a reminder).
        self.hidden_filter: dict = {}
        self.drill_down: LedgerFilter | None = None  # the filter a clicked figure set, while its chip shows
        self.chip = QPushButton()
        self.chip.setObjectName("filter_chip")
        self.chip.setIcon(icon("close-circle-outline", "#1565c0"))
        self.chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.chip.setStyleSheet("QPushButton { background: #e3f2fd; color: #1565c0; border: 1px solid #90caf9;"
                                " border-radius: 12px; padding: 3px 10px; }")
        self.chip.setToolTip(self.tr("Remove this filter"))
        self.chip.clicked.connect(self.on_chip_removed)
        self.chip.hide()
        heading.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignBottom)
        # Actions on the selected rows; other actions (e.g. issuing a notice) join this bar.
        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        self.extend_button = QPushButton(icon("calendar-clock"), self.tr("Extend deadline…"))
        self.extend_button.setObjectName("extend_deadline")
        self.extend_button.setToolTip(self.tr("Give the selected hazards a new deadline"))
        self.extend_button.clicked.connect(self.on_extend_clicked)
        self.extend_button.setVisible(context.session.may(Action.EDIT_HAZARD))
        self.extend_button.setEnabled(False)
        self.actions_bar.addWidget(self.extend_button)
        self._add_notice_button()
        heading.addLayout(self.actions_bar)
        heading.addSpacing(12)
        heading.addLayout(self._build_spreadsheet_buttons())

        self.table = QTableView()
        self.table.setObjectName("ledger")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LedgerModel.FOUND, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setToolTip(self.tr("Double-click a hazard (or press Enter) to open it."))
        self.table.activated.connect(self.on_row_activated)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.modelReset.connect(self.on_selection_changed)  # a reset clears the selection silently
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Two lines per row (the row is as tall as its thumbnail): a description, an enterprise name or a place
        # reads whole or nearly so, where one line left about ten characters of the description on a laptop.
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size, so only visible pages load.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(CELL_SIZE + 4)
        self.table.setIconSize(QSize(CELL_SIZE, CELL_SIZE))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LedgerModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # Each column as wide as the ledger's column table says (in widths of "0", as Excel counts); the
        # description stretches over the rest: what the hazard is gets the most room. Never narrower than the
        # header's own words and the sort arrow (隐患等级 is wider than any grade under it).
        # Nor narrower than the longest single word of a grade, status or source (rows are two lines high, so
        # "Awaiting re-inspection" wraps after "Awaiting"; "Self-inspection" cannot wrap; 整改中 fits 7 zeros).
        metrics = header.fontMetrics()
        zero = metrics.horizontalAdvance("0")
        words = {LedgerModel.GRADE: [word(grade) for grade in HazardGrade],
                 LedgerModel.STATUS: [word(status) for status in HazardStatus],
                 LedgerModel.SOURCE: list(self.model.source_labels.values())}
        cells = self.table.fontMetrics()
        for number, column in enumerate(LedgerModel.COLUMNS):
            if number != LedgerModel.DESCRIPTION:
                title = str(self.model.headerData(number, Qt.Orientation.Horizontal) or "")
                # (Chinese wraps between any two characters: only a Latin word must fit whole.)
                parts = [part for text in words.get(number, ()) for part in text.split() if part.isascii()]
                widest = max((cells.horizontalAdvance(part) for part in parts), default=0)
                header.resizeSection(number, max((column.view_width or column.width) * zero,
                                                 metrics.horizontalAdvance(title) + _HEADER_PADDING,
                                                 widest + _HEADER_PADDING))

        # An enterprise's ledger is all its own: its name on every row says nothing (nor its district: below).
        self.table.setColumnHidden(LedgerModel.ENTERPRISE, context.session.role == "enterprise")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.table, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_filters_changed)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_filters_changed)
        self.search.installEventFilter(self)  # Down goes from the search into the results

        # Said over the empty table: "共 0 条隐患" alone left a new office wondering where hazards come from.
        self.empty_hint = QLabel(self.table.viewport())
        self.empty_hint.setObjectName("empty_hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(f"color: {_MUTED}; font-size: 14px;")
        self.empty_hint.hide()
        self.table.viewport().installEventFilter(self)

    # -- building -------------------------------------------------------------------------------
    def _build_filters(self) -> QVBoxLayout:
        self.district = QComboBox()
        self.district.setObjectName("district")
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        self.grade.addItem(self.tr("All grades"), None)
        for grade in HazardGrade:  # the text in the window's language, the data the stored code the filter uses
            self.grade.addItem(word(grade), grade.value)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Not closed"), OPEN_STATUSES)
        for status in HazardStatus:
            self.status.addItem(word(status), status.value)
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.addItem(self.tr("All sources"), None)
        for source in HAZARD_SOURCES:
            self.source.addItem(self.model.source_labels.get(source, source), source)
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.campaign.setMinimumContentsLength(12)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.overdue.setObjectName("overdue")
        self.found_from = self._date_edit("found_from")
        self.found_to = self._date_edit("found_to")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Description, location or enterprise"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("magnify", _MUTED), QLineEdit.ActionPosition.LeadingPosition)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.on_clear_clicked)

        for combo in (self.district, self.grade, self.status, self.source, self.campaign):
            combo.currentIndexChanged.connect(self.on_filters_changed)
        self.overdue.toggled.connect(self.on_filters_changed)
        self.found_from.dateChanged.connect(self.on_filters_changed)
        self.found_to.dateChanged.connect(self.on_filters_changed)

        first = QHBoxLayout()
        first.addWidget(self.search, 2)
        first.addWidget(self.district, 1)
        first.addWidget(self.grade)
        first.addWidget(self.status)
        first.addWidget(self.overdue)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Found from")))
        second.addWidget(self.found_from)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.found_to)
        second.addWidget(self.source)
        second.addWidget(self.campaign, 1)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def _add_notice_button(self) -> None:
        """The rectification notice action on the selected rows (hidden for roles that cannot issue)."""
        self.notice_dialog: IssueNoticeDialog | None = None
        self.issue_notice_button = QPushButton(icon("file-document-edit-outline"), self.tr("Issue notice…"))
        self.issue_notice_button.setObjectName("issue_notice")
        self.issue_notice_button.setToolTip(self.tr("Issue a rectification notice for the selected hazards of "
                                                    "one enterprise"))
        self.issue_notice_button.setVisible(self.context.session.may(Action.EDIT_HAZARD))
        self.issue_notice_button.setEnabled(False)
        self.issue_notice_button.clicked.connect(self.on_issue_notice_clicked)
        self.actions_bar.addWidget(self.issue_notice_button)

    def _build_spreadsheet_buttons(self) -> QHBoxLayout:
        """Excel out (the current filter) and in (a ledger kept in Excel); the import is checked first."""
        self.ledger_export: LedgerExport | None = None
        self.import_dialog: SpreadsheetImportDialog | None = None
        self.export_button = QPushButton(icon("microsoft-excel", "#1d6f42"), self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_excel")
        self.export_button.setToolTip(self.tr("Save the hazards the current filter shows as an Excel workbook"))
        self.export_button.clicked.connect(self.on_export_clicked)
        self.import_button = QPushButton(icon("file-import-outline"), self.tr("Import ledger…"))
        self.import_button.setObjectName("import_ledger")
        self.import_button.setToolTip(self.tr("Bring in hazards from a ledger kept in Excel or CSV (checked before "
                                              "anything is written)"))
        self.import_button.clicked.connect(self.on_import_clicked)
        self.import_button.setVisible(self.context.desk.spreadsheets.may_import_ledger())
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.export_button)
        bar.addWidget(self.import_button)
        return bar

    def on_export_clicked(self) -> None:
        self.ledger_export = LedgerExport(self.context, self)
        self.ledger_export.start(self.current_filter(), self.model.total(), self.model.sort_order())

    def on_import_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import ledger"), "",
                                                self.tr("Excel workbook or CSV list (*.xlsx *.csv)"))
        if chosen:
            self.open_import(chosen)

    def open_import(self, path: str) -> SpreadsheetImportDialog:
        """The import dialog for `path`: it checks the file in a worker and imports only when told to."""
        dialog = SpreadsheetImportDialog(self.context, "ledger", path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_import_closed)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def on_import_closed(self, _result: int = 0) -> None:
        self.import_dialog = None

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    def on_issue_notice_clicked(self) -> None:
        ids = self.selected_hazard_ids()
        if not ids:
            return
        try:
            dialog = IssueNoticeDialog(self.context, ids, self)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Issue notice"), str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self.on_notice_dialog_closed)
        self.notice_dialog = dialog
        dialog.open()  # window-modal without a nested event loop

    def on_notice_dialog_closed(self) -> None:
        self.notice_dialog = None

    # -- refreshing -----------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """A hazard, its events or its notice changed (here, in a dialog, an import, by sync): read the rows again,
        keeping the filters and the sort; the district and campaign choices only when those changed."""
        if changes.touches("district", "campaign"):
            self._fill_choices()
        if changes.touches(*HAZARD_TABLES, "enterprise", "district", "campaign", "hub_preview"):
            self.on_hazards_changed()

    def on_shown(self) -> None:
        """Re-read the filter choices and the ledger: hazards change on other pages and by sync."""
        self._fill_choices()
        self.on_filters_changed()

    def _fill_choices(self) -> None:
        chosen_district, chosen_campaign = self.district.currentData(), self.campaign.currentData()
        for combo in (self.district, self.campaign):
            combo.blockSignals(True)  # refilling is not the user choosing
            combo.clear()
        self.district.addItem(self.tr("All districts"), None)
        districts = self.service.districts()
        for district in districts:
            self.district.addItem(district.name, district.id)
        # One district (an enterprise's, an inspector's own) leaves nothing to choose, and nothing to tell apart.
        self.district.setVisible(len(districts) > 1)
        self.table.setColumnHidden(LedgerModel.DISTRICT, len(districts) <= 1)
        self.campaign.addItem(self.tr("All campaigns"), None)
        for campaign in self.service.campaigns():
            self.campaign.addItem(campaign.name, campaign.id)
        for combo, chosen in ((self.district, chosen_district), (self.campaign, chosen_campaign)):
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> LedgerFilter:
        found_from, found_to = (edit.date() for edit in (self.found_from, self.found_to))
        status = self.status.currentData()
        return LedgerFilter(
            district_id=self.district.currentData(), grade=self.grade.currentData(),
            status=None if status == OPEN_STATUSES else status, open_only=status == OPEN_STATUSES,
            overdue_only=self.overdue.isChecked(),
            found_from=found_from.toPython() if found_from != _NO_DATE else None,
            found_to=found_to.toPython() if found_to != _NO_DATE else None,
            campaign_id=self.campaign.currentData(), source=self.source.currentData(),
            text=self.search.text().strip(), **self.hidden_filter)

    def show_filter(self, flt: LedgerFilter, caption: str) -> None:
        """Show exactly the hazards `flt` selects (a figure clicked elsewhere), naming it in a chip."""
        self._fill_choices()
        self._reset_widgets()
        widgets = (self.district, self.grade, self.status, self.source, self.campaign, self.overdue,
                   self.found_from, self.found_to, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        for combo, value in ((self.district, flt.district_id), (self.grade, flt.grade),
                             (self.status, OPEN_STATUSES if flt.open_only else flt.status),
                             (self.source, flt.source), (self.campaign, flt.campaign_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.overdue.setChecked(flt.overdue_only)
        for edit, day in ((self.found_from, flt.found_from), (self.found_to, flt.found_to)):
            edit.setDate(QDate(day.year, day.month, day.day) if day else _NO_DATE)
        self.search.setText(flt.text)
        for widget in widgets:
            widget.blockSignals(False)
        self.hidden_filter = {name: getattr(flt, name) for name in _HIDDEN_FIELDS if getattr(flt, name) is not None}
        self.drill_down = self.current_filter()  # what the chip stands for, as the bar shows it
        self.chip.setText(caption)
        self.chip.setVisible(bool(caption))
        self.on_filters_changed()

    def on_chip_removed(self) -> None:
        """Remove the chip's whole filter: its hidden fields and every bar setting it made that is still as it set
        it (a setting the user changed since is theirs and stays)."""
        drill_down, now = self.drill_down, self.current_filter()
        resets = (
            (("district_id",), lambda: self.district.setCurrentIndex(0)),
            (("grade",), lambda: self.grade.setCurrentIndex(0)),
            (("status", "open_only"), lambda: self.status.setCurrentIndex(0)),
            (("source",), lambda: self.source.setCurrentIndex(0)),
            (("campaign_id",), lambda: self.campaign.setCurrentIndex(0)),
            (("overdue_only",), lambda: self.overdue.setChecked(False)),
            (("found_from",), lambda: self.found_from.setDate(_NO_DATE)),
            (("found_to",), lambda: self.found_to.setDate(_NO_DATE)),
            (("text",), self.search.clear),
        )
        widgets = (self.district, self.grade, self.status, self.source, self.campaign, self.overdue,
                   self.found_from, self.found_to, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        if drill_down is not None:
            blank = LedgerFilter()
            for fields, reset in resets:
                set_by_chip = any(getattr(drill_down, f) != getattr(blank, f) for f in fields)
                if set_by_chip and all(getattr(now, f) == getattr(drill_down, f) for f in fields):
                    reset()
        for widget in widgets:
            widget.blockSignals(False)
        self.hidden_filter = {}
        self.drill_down = None
        self.chip.hide()
        self.on_filters_changed()

    def on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()  # restarts: only a pause in typing runs the search

    def on_filters_changed(self, *_args) -> None:
        self.search_timer.stop()
        flt = self.current_filter()
        self.model.set_filter(flt)
        total = self.model.total()
        self.count_label.setText(self.tr("%1 hazards").replace("%1", f"{total:,}"))
        if total:
            self.empty_hint.hide()
            return
        self.empty_hint.setText(
            self.tr("No hazards yet. Hazards found in inspections, self-inspections and drills appear here;\n"
                    "an existing ledger can be brought in with Import ledger….") if flt == LedgerFilter() else
            self.tr("No hazard matches these filters. Clear filters shows them all."))
        self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        self.empty_hint.show()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.search_timer.isActive():
                self.on_filters_changed()  # what was typed is searched before moving into the results
            if self.model.rowCount() > 0:
                self.table.setFocus()
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _reset_widgets(self) -> None:
        widgets = (self.district, self.grade, self.status, self.source, self.campaign, self.overdue,
                   self.found_from, self.found_to, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.district, self.grade, self.status, self.source, self.campaign):
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.found_from.setDate(_NO_DATE)
        self.found_to.setDate(_NO_DATE)
        self.search.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.hidden_filter = {}
        self.drill_down = None
        self.chip.hide()

    def on_clear_clicked(self) -> None:
        self._reset_widgets()
        self.on_filters_changed()

    # -- selection and actions ------------------------------------------------------------------
    def selected_hazard_ids(self) -> list[str]:
        """Ids of the selected rows, top to bottom."""
        ids = []
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = self.model.row_at(index.row())
            if row is not None:
                ids.append(row.hazard_id)
        return ids

    def on_selection_changed(self, *_args) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.extend_button.setEnabled(selected)
        self.issue_notice_button.setEnabled(selected)

    def on_row_activated(self, index) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.open_hazard(row.hazard_id)

    def open_hazard(self, hazard_id: str) -> HazardDetailDialog:
        """Open the hazard page (one at a time); the ledger re-reads when it changes something."""
        if self.detail_dialog is not None:
            self.detail_dialog.close()
        # Overdue as of the same day as the ledger.
        dialog = HazardDetailDialog(self.context, hazard_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.on_detail_closed)
        self.detail_dialog = dialog
        dialog.open()
        return dialog

    def on_detail_closed(self, _result: int = 0) -> None:
        self.detail_dialog = None

    def on_hazards_changed(self, *_args) -> None:
        self.model.refresh()
        self.count_label.setText(self.tr("%1 hazards").replace("%1", f"{self.model.total():,}"))

    def on_extend_clicked(self) -> None:
        hazard_ids = self.selected_hazard_ids()
        if not hazard_ids:
            return
        today = self.service.as_of()
        dialog = ReasonDialog(
            self.tr("Extend the deadline"),
            self.tr("A new deadline for the %1 selected hazards, and why it is needed.").replace(
                "%1", str(len(hazard_ids))),
            self, date_label=self.tr("New deadline"), initial_date=today + timedelta(days=15),
            ok_text=self.tr("Extend"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A bound slot, not a closure holding the dialog: PySide tears such cycles down badly on delete.
        dialog.submitted.connect(self.on_extend_submitted)
        dialog.finished.connect(self.on_extend_closed)
        self.extend_dialog, self._extend_ids = dialog, hazard_ids
        dialog.open()

    def on_extend_closed(self, _result: int = 0) -> None:
        self.extend_dialog, self._extend_ids = None, []

    def on_extend_submitted(self) -> None:
        dialog, hazard_ids = self.extend_dialog, self._extend_ids
        if dialog is None:
            return
        try:
            changed = self.context.ops.call("hazards", "extend_deadline", hazard_ids, dialog.chosen_date(), dialog.reason())
        except ServiceError as exc:
            QMessageBox.warning(dialog, self.tr("Not done"), str(exc))
            return
        dialog.accept()  # the rows read again from the broadcast of the write (on_changes)
        QMessageBox.information(self, self.tr("Deadline extended"),
                                self.tr("%1 of %2 hazards have the new deadline.").replace("%1", str(changed))
                                .replace("%2", str(len(hazard_ids))))
