"""A signature drawn with the mouse, pen or finger, kept as a vector path and exported as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_INK = QColor("#0d1b4c")
_INK_WIDTH = 2.6
# The PNG is rendered at twice the widget's size so a printed record does not show jagged strokes.
_EXPORT_SCALE = 2


class SignaturePad(QWidget):
    """Draw with the left button (or a pen, which Qt delivers as mouse events); white background."""

    drawn = Signal()  # a stroke was finished
    cleared = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._path = QPainterPath()
        self._strokes = 0
        self._drawing = False
        self.setMinimumSize(QSize(320, 130))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.placeholder = self.tr("Sign here")

    # -- public ---------------------------------------------------------------------------------
    def clear(self) -> None:
        self._path = QPainterPath()
        self._strokes = 0
        self.update()
        self.cleared.emit()

    def is_empty(self) -> bool:
        return self._strokes == 0

    def to_png(self) -> bytes:
        """The strokes on white, without the guide line or placeholder."""
        size = self.size().expandedTo(self.minimumSize())
        image = QImage(size * _EXPORT_SCALE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(_EXPORT_SCALE, _EXPORT_SCALE)
        self._draw_ink(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # -- drawing --------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        position = event.position()
        self._path.moveTo(position)
        # A tap leaves a dot: a zero-length line would draw nothing.
        self._path.lineTo(position + QPointF(0.1, 0.1))
        self._drawing = True
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if not self._drawing:
            return super().mouseMoveEvent(event)
        self._path.lineTo(event.position())
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if not self._drawing or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        self._path.lineTo(event.position())
        self._drawing = False
        self._strokes += 1
        self.update()
        self.drawn.emit()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b0bec5"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = int(self.height() * 0.75)
        painter.setPen(QPen(QColor("#cfd8dc"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        if self.is_empty() and not self._drawing:
            painter.setPen(QColor("#90a4ae"))
            painter.drawText(self.rect().adjusted(16, 0, -16, -(self.height() - baseline) - 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.placeholder)
        self._draw_ink(painter)
        painter.end()

    def _draw_ink(self, painter: QPainter) -> None:
        pen = QPen(_INK, _INK_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
