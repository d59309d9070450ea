"""隐患台账: every hazard the signed-in person may see, filtered and sorted, overdue and major ones marked."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.services.ledger import HAZARD_SOURCES, LedgerFilter, LedgerService
from safety_desk.services.session import Action, PermissionDenied
from safety_desk.store.connection import StoreError
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.issue_notice import IssueNoticeDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.models.ledger_model import LedgerModel

# Typing pauses shorter than this are one search: a query per keystroke would only be thrown away.
SEARCH_DELAY_MS = 250
# A date edit at this date means "no limit" (QDateEdit has no empty value; it shows the special text).
_NO_DATE = QDate(2000, 1, 1)
_MUTED = "#546e7a"


class HazardsPage(QWidget):
    """A filter bar, the number of matching hazards, and the ledger table paging through them."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = LedgerService(context.session)
        self.model = LedgerModel(self.service, parent=self)

        title = QLabel(self.tr("Hazard ledger"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.count_label.setStyleSheet(f"color: {_MUTED};")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)

        self.table = QTableView()
        self.table.setObjectName("ledger")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LedgerModel.FOUND, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size, so only visible pages load.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LedgerModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # Narrow fixed columns leave the description (what the hazard is) the most room at 1366 px.
        for column, width in ((LedgerModel.FOUND, 90), (LedgerModel.DISTRICT, 76), (LedgerModel.ENTERPRISE, 170),
                              (LedgerModel.GRADE, 56), (LedgerModel.LOCATION, 90), (LedgerModel.STATUS, 60),
                              (LedgerModel.DEADLINE, 90), (LedgerModel.OVERDUE, 64), (LedgerModel.SOURCE, 76),
                              (LedgerModel.NOTICE, 170)):
            header.resizeSection(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addLayout(self._build_filters())
        layout.addLayout(self._build_notice_bar())
        layout.addWidget(self.table, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_filters_changed)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_filters_changed)

    # -- building -------------------------------------------------------------------------------
    def _build_filters(self) -> QVBoxLayout:
        self.district = QComboBox()
        self.district.setObjectName("district")
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        self.grade.addItem(self.tr("All grades"), None)
        for grade in ("一般", "重大"):
            self.grade.addItem(grade, grade)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("All statuses"), None)
        for status in HazardStatus:
            self.status.addItem(status.value, status.value)
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

    def _build_notice_bar(self) -> QHBoxLayout:
        """The rectification notice action on the selected rows (hidden for roles that cannot issue)."""
        self.notice_dialog: IssueNoticeDialog | None = None
        self.issue_notice_button = QPushButton(icon("file-document-edit-outline"), self.tr("Issue notice…"))
        self.issue_notice_button.setObjectName("issue_notice")
        self.issue_notice_button.setToolTip(self.tr("Issue a rectification notice for the selected hazards of "
                                                    "one enterprise"))
        self.issue_notice_button.setVisible(self.context.session.may(Action.EDIT_HAZARD))
        self.issue_notice_button.setEnabled(False)
        self.issue_notice_button.clicked.connect(self.on_issue_notice_clicked)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.model.modelReset.connect(self.on_selection_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.issue_notice_button)
        bar.addStretch(1)
        return bar

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_NO_DATE)
        return edit

    # -- selection and actions ------------------------------------------------------------------
    def selected_hazard_ids(self) -> list[str]:
        """Ids of the hazards on the selected rows, top to bottom."""
        ids = []
        for index in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row()):
            row = self.model.row_at(index.row())
            if row is not None:
                ids.append(row.hazard_id)
        return ids

    def on_selection_changed(self, *_args) -> None:
        self.issue_notice_button.setEnabled(self.table.selectionModel().hasSelection())

    def on_issue_notice_clicked(self) -> None:
        ids = self.selected_hazard_ids()
        if not ids:
            return
        try:
            dialog = IssueNoticeDialog(self.context, ids, self, today=self.service.as_of)
        except (ValueError, PermissionDenied, StoreError) as exc:
            QMessageBox.warning(self, self.tr("Issue notice"), str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.notice_issued.connect(self.on_notice_issued)
        dialog.destroyed.connect(self.on_notice_dialog_closed)
        self.notice_dialog = dialog
        dialog.open()  # window-modal without a nested event loop

    def on_notice_dialog_closed(self) -> None:
        self.notice_dialog = None

    def on_notice_issued(self, _notice_id: str) -> None:
        self.model.refresh()  # the rows now show their notice number

    # -- refreshing -----------------------------------------------------------------------------
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
        for district in self.service.districts():
            self.district.addItem(district.name, district.id)
        self.campaign.addItem(self.tr("All campaigns"), None)
        for campaign in self.service.campaigns():
            self.campaign.addItem(campaign.name, campaign.id)
        for combo, chosen in ((self.district, chosen_district), (self.campaign, chosen_campaign)):
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> LedgerFilter:
        found_from, found_to = (edit.date() for edit in (self.found_from, self.found_to))
        return LedgerFilter(
            district_id=self.district.currentData(), grade=self.grade.currentData(),
            status=self.status.currentData(), overdue_only=self.overdue.isChecked(),
            found_from=found_from.toPython() if found_from != _NO_DATE else None,
            found_to=found_to.toPython() if found_to != _NO_DATE else None,
            campaign_id=self.campaign.currentData(), source=self.source.currentData(),
            text=self.search.text().strip())

    def on_search_text_changed(self, _text: str) -> None:
        self.search_timer.start()  # restarts: only a pause in typing runs the search

    def on_filters_changed(self, *_args) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("%1 hazards").replace("%1", f"{self.model.total():,}"))

    def on_clear_clicked(self) -> None:
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
        self.on_filters_changed()
