"""Table model of rectification notices (an enterprise's, or those awaiting reply), rows from NoticeService."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from safety_desk.services.notices import NoticeSummary
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND, _RowsModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class NoticesModel(_RowsModel[NoticeSummary]):
    NUMBER, ISSUED, REPLY_DUE, HAZARDS, REPLY = range(5)

    def __init__(self, rows: Sequence[NoticeSummary] = (), parent=None) -> None:
        super().__init__([self.tr("Number"), self.tr("Issued"), self.tr("Reply due"), self.tr("Hazards"),
                          self.tr("Reply")], rows, parent)

    def notice_id(self, row: int) -> str:
        return self.row_at(row).notice.id

    def awaiting_count(self) -> int:
        return sum(1 for row in self._rows if row.outstanding)

    def text(self, row: NoticeSummary, column: int) -> str:
        notice = row.notice
        if column == self.NUMBER:
            return notice.number
        if column == self.ISSUED:
            return notice.issued_on
        if column == self.REPLY_DUE:
            return notice.reply_due
        if column == self.HAZARDS:
            return str(row.hazards)
        if not row.outstanding:
            return self.tr("Replied")
        if row.overdue:
            return self.tr("%1 of %2 awaited, %3 days overdue").replace("%1", str(row.outstanding)).replace(
                "%2", str(row.hazards)).replace("%3", str(row.overdue_days))
        return self.tr("%1 of %2 awaited, %3 days left").replace("%1", str(row.outstanding)).replace(
            "%2", str(row.hazards)).replace("%3", str(row.days_left))

    def styled(self, row: NoticeSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return OVERDUE_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and column == self.NUMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HAZARDS:
            return _RIGHT
        return None
