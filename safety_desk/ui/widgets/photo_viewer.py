"""One photo, zoomable, with arrows, circles and text drawn on a separate layer; the photo file never changes."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, QLineF, QPointF, QRectF, Qt, Signal, Slot,
)
from PySide6.QtGui import (
    QAction, QActionGroup, QBrush, QColor, QFont, QIcon, QImageReader, QKeySequence, QPainter, QPainterPath, QPen,
    QPixmap, QPolygonF,
)
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QHBoxLayout,
    QInputDialog, QLabel, QMenu, QMessageBox, QToolButton, QVBoxLayout, QWidget,
)

from safety_desk.domain.annotations import DEFAULT_COLOUR, Annotation
from safety_desk.services.errors import ServiceError
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon
from safety_desk.ui.screen_fit import fit_to_screen

TOOLS = ("move", "arrow", "circle", "text")
# The pens, by the name a person reads (a hex code means nothing to an inspector).
COLOURS = {"#e53935": QT_TRANSLATE_NOOP("PhotoViewer", "Red"), "#fdd835": QT_TRANSLATE_NOOP("PhotoViewer", "Yellow"),
           "#1e88e5": QT_TRANSLATE_NOOP("PhotoViewer", "Blue"), "#ffffff": QT_TRANSLATE_NOOP("PhotoViewer", "White")}


def colour_swatch(colour: str, size: int = 32) -> QIcon:
    """A filled disc with a dark rim: the white pen's swatch stays visible on a white menu."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#455a64"), max(1, size // 16)))
    painter.setBrush(QBrush(QColor(colour)))
    painter.drawEllipse(QRectF(size * 0.15, size * 0.15, size * 0.7, size * 0.7))
    painter.end()
    return QIcon(pixmap)
_ZOOM_STEP = 1.25
_MAX_ZOOM = 8.0
# Shapes smaller than this fraction of the photo are taken for a click, not a drawing.
_MIN_SHAPE = 0.01


def _stroke_width(width: float, height: float) -> float:
    # Proportional to the photo, so shapes look the same on a 1000 px and a 2560 px photo, and in print.
    return max(2.0, max(width, height) * 0.006)


def paint_annotation(painter: QPainter, annotation: Annotation, width: float, height: float) -> None:
    """Draw one shape over a photo of `width` × `height` pixels (scene coordinates = photo pixels)."""
    colour = QColor(annotation.colour)
    stroke = _stroke_width(width, height)
    start = QPointF(annotation.x1 * width, annotation.y1 * height)
    end = QPointF(annotation.x2 * width, annotation.y2 * height)
    pen = QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if annotation.kind == "circle":
        painter.setPen(pen)
        painter.drawEllipse(QRectF(start, end).normalized())
    elif annotation.kind == "arrow":
        line = QLineF(start, end)
        if line.length() < 1:
            return
        head = stroke * 4.5
        angle = math.atan2(-line.dy(), line.dx())
        left = end - QPointF(math.cos(angle - math.pi / 7) * head, -math.sin(angle - math.pi / 7) * head)
        right = end - QPointF(math.cos(angle + math.pi / 7) * head, -math.sin(angle + math.pi / 7) * head)
        # Stop the shaft inside the head so its round cap does not poke out of the tip.
        shaft = QLineF(start, end)
        shaft.setLength(max(0.0, line.length() - head * 0.6))
        painter.setPen(pen)
        painter.drawLine(shaft)
        painter.setPen(QPen(colour, stroke / 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(QPolygonF([end, left, right]))
    elif annotation.kind == "text":
        font = QFont()
        font.setPixelSize(max(12, round(max(width, height) * 0.035)))
        font.setBold(True)
        path = QPainterPath()
        path.addText(start + QPointF(0, font.pixelSize()), font, annotation.text)
        # A contrasting halo keeps the text legible on any background.
        halo = QColor("#000000") if colour.lightness() > 160 else QColor("#ffffff")
        painter.strokePath(path, QPen(halo, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                      Qt.PenJoinStyle.RoundJoin))
        painter.fillPath(path, QBrush(colour))


class _Overlay(QGraphicsItem):
    """The annotation layer: every shape plus the one being drawn, painted over the photo."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.shapes: list[Annotation] = []
        self.preview: Annotation | None = None
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # Text may run past the photo's right or bottom edge: leave room so it repaints cleanly.
        margin = max(self.width, self.height) * 0.5
        return QRectF(0, 0, self.width, self.height).adjusted(-margin, -margin, margin, margin)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for shape in [*self.shapes, *([self.preview] if self.preview else [])]:
            paint_annotation(painter, shape, self.width, self.height)


class _Canvas(QGraphicsView):
    """The zoomable view; turns drags into shapes in the current tool."""

    shape_drawn = Signal(object)            # Annotation
    text_requested = Signal(float, float)   # where, as fractions of the photo
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#263238"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.overlay: _Overlay | None = None
        self.tool = "move"
        self.colour = DEFAULT_COLOUR
        self.editable = True
        self.fitted = True
        self._start: QPointF | None = None

    def set_photo(self, pixmap: QPixmap) -> None:
        item = QGraphicsPixmapItem(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(item)
        self.overlay = _Overlay(pixmap.width(), pixmap.height())
        self.scene().addItem(self.overlay)
        self.scene().setSceneRect(QRectF(0, 0, pixmap.width(), pixmap.height()))

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        moving = tool == "move" or not self.editable
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if moving else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if moving else Qt.CursorShape.CrossCursor)

    # -- zoom ------------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        if self.overlay is None:
            return
        self.fitted = True
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def zoom_by(self, factor: float) -> None:
        if self.overlay is None:
            return
        fit_zoom = min(self.viewport().width() / max(1.0, self.overlay.width),
                       self.viewport().height() / max(1.0, self.overlay.height))
        target = min(_MAX_ZOOM, max(min(fit_zoom, 1.0) * 0.5, self.zoom() * factor))
        self.fitted = False
        self.scale(target / self.zoom(), target / self.zoom())
        self.zoom_changed.emit(self.zoom())

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(_ZOOM_STEP ** steps)
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    # -- drawing ---------------------------------------------------------------------------------
    def _fraction(self, position) -> QPointF:
        point = self.mapToScene(position)
        return QPointF(min(1.0, max(0.0, point.x() / self.overlay.width)),
                       min(1.0, max(0.0, point.y() / self.overlay.height)))

    def _drawing(self) -> bool:
        return self.editable and self.overlay is not None and self.tool in ("arrow", "circle", "text")

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if not self._drawing() or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = self._fraction(event.position().toPoint())
        if self.tool == "text":
            self.text_requested.emit(point.x(), point.y())
        else:
            self._start = point
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._start is None:
            super().mouseMoveEvent(event)
            return
        self.overlay.preview = self._shape(self._start, self._fraction(event.position().toPoint()))
        self.overlay.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._start is None:
            super().mouseReleaseEvent(event)
            return
        end = self._fraction(event.position().toPoint())
        start, self._start = self._start, None
        self.overlay.preview = None
        self.overlay.update()
        if abs(end.x() - start.x()) + abs(end.y() - start.y()) >= _MIN_SHAPE:
            self.shape_drawn.emit(self._shape(start, end))

    def _shape(self, start: QPointF, end: QPointF) -> Annotation:
        return Annotation(self.tool, start.x(), start.y(), end.x(), end.y(), colour=self.colour)


class PhotoViewer(QDialog):
    """Shows one stored photo with its annotations; Save stores the shapes, never the photo."""

    annotations_saved = Signal(str)  # photo id

    def __init__(self, context: AppContext, photo_id: str, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.photos
        self.photo_id = photo_id
        self._read_only = read_only
        self._dirty = False
        try:
            view = self.service.view(photo_id)
        except ServiceError as exc:  # not on record here, or outside the person's scope
            view, refusal = None, str(exc)
        photo = view.photo if view else None
        self.setWindowTitle(photo.original_name if photo and photo.original_name else self.tr("Photo"))
        fit_to_screen(self, 1100, 800)

        self.canvas = _Canvas(self)
        self.canvas.shape_drawn.connect(self.add_annotation)
        self.canvas.text_requested.connect(self.on_text_requested)
        self.canvas.zoom_changed.connect(self.on_zoom_changed)
        self.missing = QLabel(self.tr("The photo file is missing on this computer."))
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing.setWordWrap(True)
        self.missing.hide()
        pixmap = self._load_pixmap(view.data) if view else None
        if pixmap is None:
            self._read_only = True
            self.canvas.hide()
            if view is None:
                self.missing.setText(refusal)
            self.missing.show()
        else:
            self.canvas.set_photo(pixmap)
        annotations, self._unreadable = (view.annotations, view.unreadable) if view else ([], [])
        if self.canvas.overlay is not None:
            self.canvas.overlay.shapes = annotations
        self._shapes_if_missing = annotations
        self.canvas.editable = not self._read_only

        toolbar = QHBoxLayout()
        toolbar.setSpacing(2)
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        tool_specs = {
            "move": (self.tr("Move (M)"), "hand-back-right-outline", "M"),
            "arrow": (self.tr("Arrow (A)"), "arrow-top-right", "A"),
            "circle": (self.tr("Circle (C)"), "circle-outline", "C"),
            "text": (self.tr("Text (T)"), "format-text", "T"),
        }
        for name, (label, icon_name, key) in tool_specs.items():
            action = QAction(icon(icon_name), label, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, n=name: self.set_tool(n))
            group.addAction(action)
            self.tool_actions[name] = action
            if name != "move" and self._read_only:
                continue
            toolbar.addWidget(self._button(action))
        self.colour_button = QToolButton(self)
        self.colour_button.setToolTip(self.tr("Colour"))
        self.colour_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.colour_button)
        for colour, name in COLOURS.items():
            menu.addAction(colour_swatch(colour), QCoreApplication.translate("PhotoViewer", name),
                           lambda c=colour: self.set_colour(c))
        self.colour_button.setMenu(menu)
        self.undo_action = self._action(self.tr("Undo"), "undo", QKeySequence.StandardKey.Undo, self.undo)
        self.clear_action = self._action(self.tr("Remove all annotations"), "delete-outline", None, self.clear)
        if not self._read_only:
            toolbar.addWidget(self.colour_button)
            toolbar.addSpacing(12)
            toolbar.addWidget(self._button(self.undo_action))
            toolbar.addWidget(self._button(self.clear_action))
        toolbar.addStretch(1)
        zoom_out = self._action(self.tr("Zoom out (-)"), "magnify-minus-outline",
                                [QKeySequence(Qt.Key.Key_Minus), QKeySequence.StandardKey.ZoomOut], self.zoom_out)
        zoom_in = self._action(self.tr("Zoom in (+)"), "magnify-plus-outline",
                               [QKeySequence(Qt.Key.Key_Plus), QKeySequence(Qt.Key.Key_Equal),
                                QKeySequence.StandardKey.ZoomIn], self.zoom_in)
        fit = self._action(self.tr("Fit to window (0)"), "fit-to-screen-outline",
                           [QKeySequence(Qt.Key.Key_0), QKeySequence(Qt.Key.Key_F)], self.fit)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self._button(zoom_out), self.zoom_label, self._button(zoom_in), self._button(fit)):
            toolbar.addWidget(widget)

        buttons = QDialogButtonBox(self)
        if self._read_only:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Save)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.missing, 1)
        layout.addWidget(buttons)

        self.set_colour(DEFAULT_COLOUR)
        self.set_tool("move")
        self._update_actions()
        self.canvas.setFocus()

    # -- public API ------------------------------------------------------------------------------
    def annotations(self) -> list[Annotation]:
        """The shapes as they stand now (saved or not)."""
        return list(self.canvas.overlay.shapes) if self.canvas.overlay else list(self._shapes_if_missing)

    def is_modified(self) -> bool:
        return self._dirty

    @Slot(object)
    def add_annotation(self, annotation: Annotation) -> None:
        if self._read_only or self.canvas.overlay is None:
            return
        self.canvas.overlay.shapes.append(annotation)
        self._changed()

    def undo(self) -> None:
        if self.canvas.overlay and self.canvas.overlay.shapes and not self._read_only:
            self.canvas.overlay.shapes.pop()
            self._changed()

    def clear(self) -> None:
        if self.canvas.overlay and self.canvas.overlay.shapes and not self._read_only:
            self.canvas.overlay.shapes.clear()
            self._changed()

    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS or (self._read_only and tool != "move"):
            tool = "move"
        self.tool_actions[tool].setChecked(True)
        self.canvas.set_tool(tool)

    def set_colour(self, colour: str) -> None:
        self.canvas.colour = colour
        self.colour_button.setIcon(colour_swatch(colour))
        name = COLOURS.get(colour)
        self.colour_button.setToolTip(self.tr("Colour: %1").replace(
            "%1", QCoreApplication.translate("PhotoViewer", name) if name else colour))

    def zoom_in(self) -> None:
        self.canvas.zoom_by(_ZOOM_STEP)

    def zoom_out(self) -> None:
        self.canvas.zoom_by(1 / _ZOOM_STEP)

    def fit(self) -> None:
        self.canvas.fit()

    def zoom(self) -> float:
        """Screen pixels per photo pixel."""
        return self.canvas.zoom()

    def save(self) -> bool:
        """Store the shapes (the photo file is not touched); False, with a message, if that failed."""
        if self._read_only:
            return False
        try:
            self.context.ops.call("photos", "save_annotations", self.photo_id, self.annotations(), self._unreadable)
        except Exception as exc:  # noqa: BLE001 - the user keeps the dialog and their shapes
            QMessageBox.warning(self, self.tr("Annotations not saved"), str(exc))
            return False
        self._dirty = False
        self.annotations_saved.emit(self.photo_id)
        return True

    # -- slots -----------------------------------------------------------------------------------
    @Slot()
    def on_save_clicked(self) -> None:
        if self.save():
            self.accept()

    @Slot(float, float)
    def on_text_requested(self, x: float, y: float) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Text"), self.tr("Text to write on the photo:"))
        if ok and text.strip():
            self.add_annotation(Annotation("text", x, y, x, y, text=text.strip()[:200], colour=self.canvas.colour))

    @Slot(float)
    def on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def reject(self) -> None:
        if self._dirty and not self._read_only:
            answer = QMessageBox.question(
                self, self.tr("Unsaved annotations"), self.tr("Save the annotations before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.save()):
                return
        super().reject()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.canvas.fit()

    # -- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _load_pixmap(data: bytes | None) -> QPixmap | None:
        # Bytes, not a path: the file is sealed when the database is encrypted (PhotoService.view opens it).
        if data is None:
            return None
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(False)  # stored photos are already upright
        image = reader.read()
        return None if image.isNull() else QPixmap.fromImage(image)

    def _action(self, label: str, icon_name: str, shortcut, slot) -> QAction:
        action = QAction(icon(icon_name), label, self)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)  # shortcuts work even for actions without a visible button
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        return button

    def _changed(self) -> None:
        self._dirty = True
        self.canvas.overlay.update()
        self._update_actions()

    def _update_actions(self) -> None:
        has_shapes = bool(self.annotations())
        self.undo_action.setEnabled(has_shapes and not self._read_only)
        self.clear_action.setEnabled(has_shapes and not self._read_only)
