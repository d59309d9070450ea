"""A list of the records behind a dashboard figure (enterprises, inspections); double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout,
)


class RecordListDialog(QDialog):
    """Rows of (record id, cells); `chosen` carries the id of the row double-clicked or opened."""

    chosen = Signal(str)

    def __init__(self, title: str, headers: list[str], rows: list[tuple[str, list[str]]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 480)
        caption = QLabel(self.tr("%1 records · double-click one to open it").replace("%1", f"{len(rows):,}"))
        caption.setStyleSheet("color: #546e7a;")
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setObjectName("records")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (record_id, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                self.table.setItem(row, column, item)
        self.table.cellDoubleClicked.connect(self.on_double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def record_ids(self) -> list[str]:
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.table.rowCount())]

    def on_double_clicked(self, row: int, _column: int) -> None:
        self.chosen.emit(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.accept()
