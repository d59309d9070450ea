"""The enterprises' uploads awaiting the office's confirmation (待安全办确认): what each reports, with its photos."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from safety_desk.services.hub_previews import HubPreviewService, PendingPreview
from safety_desk.store.changed import Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.screen_fit import fit_to_screen
from safety_desk.ui.tasks import in_reader

THUMB = 96
# Amber, as a notice not yet settled: nothing here is a record until the office confirms it.
AWAITING_STYLE = "color: #5d4037; background: #fff3e0; border: 1px solid #ffb74d; border-radius: 4px; padding: 6px 10px;"


def load_previews(session) -> list[tuple[PendingPreview, dict[str, bytes]]]:
    """Every pending preview with its photos' bytes (on a worker's reader connection)."""
    service = HubPreviewService(session.store)
    return [(item, {sha: data for sha in item.photos if (data := service.photo(sha)) is not None})
            for item in service.pending()]


def thumbnail(data: bytes) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(data, "JPEG")
    return pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class PreviewsDialog(QDialog):
    """Read on a worker when opened and again whenever an exchange changes the previews."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Enterprise uploads awaiting the office's confirmation"))
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 820, 600)
        explain = QLabel(self.tr("The hub shows what these enterprises sent; the office has not yet confirmed it. "
                                 "None of it is in the records, the figures or any document until the office's "
                                 "program takes it in; what the office refuses disappears from here."))
        explain.setWordWrap(True)
        explain.setStyleSheet(AWAITING_STYLE)
        self.items = QWidget()
        self.items.setObjectName("preview_items")
        self.item_layout = QVBoxLayout(self.items)
        self.item_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.shown: list[PendingPreview] = []
        context.changes.changed.connect(self.on_changes)
        self.reload()

    def reload(self) -> None:
        signals = self.context.tasks.start(in_reader(self.context.session, load_previews))
        signals.finished.connect(self.show_previews)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("hub_preview", "enterprise", "hazard"):
            self.reload()

    def show_previews(self, loaded: list[tuple[PendingPreview, dict[str, bytes]]]) -> None:
        while self.item_layout.count():
            widget = self.item_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.shown = [item for item, _ in loaded]
        if not loaded:
            self.item_layout.addWidget(QLabel(self.tr("No enterprise uploads are awaiting the office's confirmation.")))
        for item, photos in loaded:
            self.item_layout.addWidget(self._item(item, photos))

    def _item(self, item: PendingPreview, photos: dict[str, bytes]) -> QFrame:
        frame = QFrame()
        frame.setObjectName("preview_item")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        badge = QLabel(self.tr("Awaiting the office's confirmation"))
        badge.setStyleSheet("color: white; background: #ef6c00; border-radius: 3px; padding: 2px 8px;"
                            " font-weight: 600;")
        title = QLabel(f"<b>{html.escape(item.enterprise_name)}</b> · "
                       + html.escape(self.tr("sent %1").replace("%1", item.taken_at)))
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(badge)
        lines = QLabel("<br>".join("• " + html.escape(line) for line in item.lines) or "—")
        lines.setWordWrap(True)
        lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(frame)
        layout.addLayout(top)
        layout.addWidget(lines)
        if photos:
            strip = QHBoxLayout()
            for sha, data in photos.items():
                picture = QLabel()
                picture.setObjectName("preview_photo")
                picture.setPixmap(thumbnail(data))
                picture.setToolTip(sha[:12])
                strip.addWidget(picture)
            strip.addStretch(1)
            layout.addLayout(strip)
        return frame
