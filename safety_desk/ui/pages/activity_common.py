"""Pieces the activities tabs share: headings, the blue button and a progress-bar cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication, QLabel, QPushButton, QStyle, QStyledItemDelegate, QStyleOptionProgressBar,
)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 15px; font-weight: 600;")
    return label


def primary_button(button_icon: QIcon, text: str, name: str) -> QPushButton:
    button = QPushButton(button_icon, text)
    button.setObjectName(name)
    button.setStyleSheet(
        "QPushButton { background: #1e88e5; color: white; border: none; border-radius: 4px;"
        " padding: 6px 12px; font-weight: 600; } QPushButton:hover { background: #1976d2; }"
        " QPushButton:disabled { background: #90caf9; }")
    return button


class ProgressDelegate(QStyledItemDelegate):
    """Draws a cell as a progress bar of the 0-100 value the model gives under `role`."""

    def __init__(self, role: int, parent=None) -> None:
        super().__init__(parent)
        self.role = role

    def paint(self, painter, option, index: QModelIndex) -> None:
        value = index.data(self.role)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 5, -4, -5)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
