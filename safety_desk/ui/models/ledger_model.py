"""Table model of the hazard ledger: pages of rows fetched from LedgerService on demand, a few kept."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from safety_desk.domain.ledger import TRANSLATION_CONTEXT, VIEW_COLUMNS, LedgerColumn
from safety_desk.domain.vocabulary import word
from safety_desk.services.ledger import LedgerFilter, LedgerRow, LedgerService
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from safety_desk.ui.models.thumbnail_source import ThumbnailSource

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
# Pages kept in memory: enough for a screenful and some scrolling back; older ones are dropped, so
# scrolling through 200,000 hazards holds at most this many pages of rows.
MAX_PAGES = 8
MAJOR_FOREGROUND = QColor("#6a1b9a")
REPORTED_FOREGROUND = QColor("#e65100")  # as the status bar's count of reports awaiting the office (preview_status.py)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_KEYS = tuple(column.key for column in VIEW_COLUMNS)


class LedgerModel(QAbstractTableModel):
    """Every hazard matching a filter, in a chosen order; rowCount is the full count, rows load by page."""

    # The columns are domain.ledger's VIEW_COLUMNS; these are their numbers, by the field each shows.
    COLUMNS: tuple[LedgerColumn, ...] = VIEW_COLUMNS
    PHOTO = _KEYS.index("photo")
    FOUND = _KEYS.index("found_on")
    DISTRICT = _KEYS.index("district_name")
    ENTERPRISE = _KEYS.index("enterprise_name")
    GRADE = _KEYS.index("grade")
    DESCRIPTION = _KEYS.index("description")
    LOCATION = _KEYS.index("location")
    STATUS = _KEYS.index("status")
    DEADLINE = _KEYS.index("deadline")
    OVERDUE = _KEYS.index("overdue_days")
    SOURCE = _KEYS.index("source")
    NOTICE = _KEYS.index("notice_number")

    def __init__(self, service: LedgerService, thumbnails: ThumbnailSource | None = None, parent=None,
                 reported: Callable[[], set[str]] | None = None) -> None:
        """`reported`: the hazards with an enterprise's report the hub showed and the office has not yet confirmed
        (services/hub_previews.py), read at each refresh; their status cell is marked, their status unchanged."""
        super().__init__(parent)
        self.service = service
        self.thumbnails = thumbnails
        self._reported_source = reported
        self._reported: set[str] = set()
        self._headers = [QCoreApplication.translate(TRANSLATION_CONTEXT, column.header) for column in self.COLUMNS]
        self.source_labels = {
            "inspection": self.tr("Inspection"), "self_inspection": self.tr("Self-inspection"),
            "drill": self.tr("Drill"), "report": self.tr("Public report"),
            "enforcement": self.tr("Enforcement"), "import": self.tr("Import"),
        }
        self._filter = LedgerFilter()
        self._sort_column = self.FOUND
        self._descending = True
        self._count = 0
        self._pages: OrderedDict[int, list[LedgerRow]] = OrderedDict()

    # -- what is shown --------------------------------------------------------------------------
    @property
    def ledger_filter(self) -> LedgerFilter:
        return self._filter

    def set_filter(self, flt: LedgerFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Count again and forget every page (hazards may have changed since they were read)."""
        self.beginResetModel()
        self._pages.clear()
        self._reported = self._reported_source() if self._reported_source is not None else set()
        first, self._count = self.service.first_page(self._filter, _KEYS[self._sort_column],
                                                     self._descending, PAGE_SIZE)
        self._pages[0] = first
        self.endResetModel()

    def total(self) -> int:
        return self._count

    def cached_pages(self) -> int:
        """How many pages of rows are held now (at most MAX_PAGES)."""
        return len(self._pages)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_KEYS):
            column, order = self.FOUND, Qt.SortOrder.DescendingOrder
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.beginResetModel()
        self._pages.clear()  # the count stays: sorting changes the order, not the rows
        self.endResetModel()

    def sort_order(self) -> tuple[str, bool]:
        """The sort key (the field the sorted column shows) and whether it runs descending: an export keeps it."""
        return _KEYS[self._sort_column], self._descending

    def row_at(self, row: int) -> LedgerRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self.service.page(self._filter, _KEYS[self._sort_column], self._descending,
                                     number * PAGE_SIZE, PAGE_SIZE, self._count)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None  # rows deleted since the count: blank

    # -- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if column == self.PHOTO:
            if role == Qt.ItemDataRole.DecorationRole and row.photo and self.thumbnails is not None:
                return self.thumbnails.pixmap(row.photo, lambda: self._photo_ready(index.row()))
            return None
        if column == self.STATUS and row.hazard_id in self._reported:
            # The record's status, and on the row's second line that a report awaits the office (orange, as the
            # status bar's count of them): the status itself changes only with the office's confirmation.
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self.text(row, column)}\n{self.tr('reported')}"
            if role == Qt.ItemDataRole.ForegroundRole:
                return REPORTED_FOREGROUND
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("The enterprise has reported on this hazard through the hub; awaiting the office's "
                               "confirmation (not yet a record)")
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.DESCRIPTION, self.LOCATION, self.ENTERPRISE):
            return self.text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.GRADE and row.grade == "重大":
                return MAJOR_FOREGROUND
            return OVERDUE_FOREGROUND if row.overdue else None
        if role == Qt.ItemDataRole.FontRole and (column == self.GRADE and row.grade == "重大"
                                                 or column == self.OVERDUE and row.overdue):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERDUE:
            return _RIGHT
        return None

    def _photo_ready(self, row: int) -> None:
        if row < self._count:
            cell = self.index(row, self.PHOTO)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])

    def text(self, row: LedgerRow, column: int) -> str:
        """The cell as the view shows it: the column's value, dates as ISO text, "—" for nothing."""
        if column == self.OVERDUE:
            return str(row.overdue_days) if row.overdue else ""
        if column == self.SOURCE:
            return self.source_labels.get(row.source, row.source)
        if column == self.PHOTO:
            return ""
        if column in (self.GRADE, self.STATUS):  # stored as Chinese codes; read in the window's language
            return word(self.COLUMNS[column].value(row)) or "—"
        value = self.COLUMNS[column].value(row)
        if isinstance(value, date):
            return value.isoformat()
        return "—" if value in (None, "") else str(value)
