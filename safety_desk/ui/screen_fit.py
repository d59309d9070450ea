"""Window sizes that fit the screen: a preferred size, never more than the free area of the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager adds around a window's client area (title bar, borders): the client area must leave room
# for it, or the buttons at the bottom (保存, 关闭) end up under the task bar of a 1366×768 laptop.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_area(window: QWidget) -> QRect:
    """The screen's area free of task bars, where the window opens."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to (width, height), shrunk to the free screen area so every part of the window can be reached."""
    area = available_area(window)
    window.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))
