"""Table models of one enterprise's inspections, open hazards and drills, filled with rows from EnterpriseService."""

from __future__ import annotations

from typing import Any, Generic, Sequence, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from safety_desk.domain.vocabulary import word
from safety_desk.services.enterprises import InspectionRow, OpenHazardRow
from safety_desk.store.records import Drill

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

OVERDUE_BACKGROUND = QColor("#fdecea")
OVERDUE_FOREGROUND = QColor("#b71c1c")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _RowsModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of one kind; subclasses name the columns and say what each cell shows.

    Subclasses call self.tr themselves: Qt looks translations up by the class that asks.
    """

    def __init__(self, headers: list[str], rows: Sequence[Row] = (), parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Row] = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return self.styled(row, index.column(), role)

    def text(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    def styled(self, row: Row, column: int, role: int) -> Any:
        return None


class InspectionsModel(_RowsModel[InspectionRow]):
    DATE, KIND, CHECKLIST, STATUS = range(4)

    def __init__(self, rows: Sequence[InspectionRow] = (), parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("Kind"), self.tr("Checklist"), self.tr("Status")], rows, parent)
        self._kinds = {
            "routine": self.tr("Routine"), "campaign": self.tr("Campaign"), "special": self.tr("Special"),
            "seasonal": self.tr("Seasonal"), "holiday": self.tr("Holiday"),
            "unannounced": self.tr("Unannounced"), "self_inspection": self.tr("Self-inspection"),
            "re_inspection": self.tr("Re-inspection"),
        }
        self._statuses = {"draft": self.tr("In progress"), "submitted": self.tr("Submitted")}

    def inspection_id(self, row: int) -> str:
        return self.row_at(row).inspection.id

    def text(self, row: InspectionRow, column: int) -> str:
        inspection = row.inspection
        if column == self.DATE:
            return inspection.started_at[:10]
        if column == self.KIND:
            return self._kinds.get(inspection.kind, inspection.kind)
        if column == self.CHECKLIST:
            return row.checklist_title
        return self._statuses.get(inspection.status, inspection.status)

    def tooltip(self, row: InspectionRow, column: int) -> str | None:
        return row.checklist_title if column == self.CHECKLIST else None

    def styled(self, row: InspectionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and row.inspection.status == "draft":
            return QColor("#ef6c00")  # a draft still needs finishing: make it stand out
        return None


class OpenHazardsModel(_RowsModel[OpenHazardRow]):
    FOUND, GRADE, DESCRIPTION, STATUS, DEADLINE, OVERDUE = range(6)

    def __init__(self, rows: Sequence[OpenHazardRow] = (), parent=None) -> None:
        super().__init__([self.tr("Found"), self.tr("Grade"), self.tr("Description"), self.tr("Status"),
                          self.tr("Deadline"), self.tr("Overdue days")], rows, parent)

    def overdue_count(self) -> int:
        return sum(1 for row in self._rows if row.overdue)

    def text(self, row: OpenHazardRow, column: int) -> str:
        hazard = row.hazard
        if column == self.FOUND:
            return hazard.found_on
        if column == self.GRADE:
            return word(hazard.grade)
        if column == self.DESCRIPTION:
            return hazard.description
        if column == self.STATUS:
            return word(row.status)
        if column == self.DEADLINE:
            return row.deadline.isoformat() if row.deadline else "—"
        return str(row.overdue_days) if row.overdue else ""

    def tooltip(self, row: OpenHazardRow, column: int) -> str | None:
        if column != self.DESCRIPTION:
            return None
        hazard = row.hazard
        extra = [part for part in (hazard.location, hazard.measures) if part]
        return "\n".join([hazard.description, *extra])

    def styled(self, row: OpenHazardRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return OVERDUE_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and (column == self.OVERDUE and row.overdue
                                                 or column == self.GRADE and row.hazard.grade == "重大"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERDUE:
            return _RIGHT
        return None


class DrillsModel(_RowsModel[Drill]):
    DATE, PLAN_TYPE, FORM, NAME = range(4)

    def __init__(self, rows: Sequence[Drill] = (), parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("Plan type"), self.tr("Form"), self.tr("Name")], rows, parent)

    def text(self, row: Drill, column: int) -> str:
        return (row.held_on, word(row.plan_type), word(row.form), row.name)[column]

    def tooltip(self, row: Drill, column: int) -> str | None:
        if column != self.NAME:
            return None
        return "\n".join(part for part in (row.name, row.place, row.findings) if part)
