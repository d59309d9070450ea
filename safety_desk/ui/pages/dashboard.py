"""工作台: the day's figures at a glance (the closing-the-loop issue extends it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from safety_desk.services.dashboard import dashboard_figures
from safety_desk.ui.context import AppContext


class _Tile(QFrame):
    def __init__(self, caption: str, accent: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(f"#tile {{ background: white; border: 1px solid #dde3ea; border-left: 4px solid {accent};"
                           " border-radius: 6px; }")
        self.value = QLabel("—")
        self.value.setStyleSheet(f"font-size: 28px; font-weight: 600; color: {accent};")
        label = QLabel(caption)
        label.setStyleSheet("color: #546e7a;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(label)


class DashboardPage(QWidget):
    inspection_requested = Signal()

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.greeting = QLabel()
        self.greeting.setStyleSheet("color: #546e7a;")
        self.tiles = {
            "open_hazards": _Tile(self.tr("Open hazards"), "#1e88e5"),
            "overdue_hazards": _Tile(self.tr("Overdue hazards"), "#e53935"),
            "open_major_hazards": _Tile(self.tr("Open major hazards"), "#8e24aa"),
            "inspections_this_week": _Tile(self.tr("Inspections this week"), "#43a047"),
            "draft_inspections": _Tile(self.tr("Inspections in progress"), "#fb8c00"),
            "enterprises": _Tile(self.tr("Enterprises"), "#546e7a"),
        }
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
        start = QPushButton(self.tr("Start an inspection"))
        start.clicked.connect(self.inspection_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.greeting)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(start, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def on_shown(self) -> None:
        figures = dashboard_figures(self.context.session)
        for name, tile in self.tiles.items():
            tile.value.setText(f"{getattr(figures, name):,}")
        office = self.context.store.offices.current()
        self.greeting.setText(self.tr("%1 · goal: no liable accident of grade \"larger\" or above").replace(
            "%1", office.name if office else ""))
