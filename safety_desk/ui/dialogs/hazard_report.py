"""Reporting a hazard rectified (after-photos required) or a step of its rectification: a note and photos."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from safety_desk.services.photos import PreparedPhoto
from safety_desk.store.records import Photo
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon
from safety_desk.ui.widgets.photo_strip import PhotoStrip


class RectificationReportDialog(QDialog):
    """A note and a photo strip (file chooser, drop, paste). With `photos_required`, OK waits for a photo.

    `keep` keeps each new photo (the opener's service, e.g. HazardService.keep_photo for this hazard). OK emits
    `submitted` and leaves the dialog open; the opener calls the service and closes it.
    """

    submitted = Signal()

    def __init__(self, context: AppContext, title: str, prompt: str, parent=None, *,
                 keep: Callable[[PreparedPhoto], Photo], photos_required: bool = True,
                 note_required: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self._photos_required = photos_required
        self._note_required = note_required
        about = QLabel(prompt)
        about.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was done"))
        self.note.setFixedHeight(90)
        self.note.textChanged.connect(self.update_ok)
        photos_title = QLabel(self.tr("Photos after rectification (required)") if photos_required
                              else self.tr("Photos (optional)"))
        photos_title.setStyleSheet("font-weight: 600;")
        self.strip = PhotoStrip(context, self, keep=keep)
        self.strip.setObjectName("photos")
        self.strip.set_photos([], owner="report")
        self.strip.photos_added.connect(self.update_ok)
        self.strip.photo_removed.connect(self.update_ok)
        self.strip.busy_changed.connect(self.update_ok)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Report"))
        self.ok_button.setIcon(icon("send-check-outline"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.note)
        layout.addSpacing(6)
        layout.addWidget(photos_title)
        layout.addWidget(self.strip)
        layout.addWidget(self.buttons)
        self.update_ok()

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def photos(self) -> list[str]:
        return self.strip.photos()

    def update_ok(self, *_args) -> None:
        ready = not self.strip.is_busy()
        if self._photos_required:
            ready = ready and bool(self.strip.photos())
        if self._note_required:
            ready = ready and bool(self.text())
        self.ok_button.setEnabled(ready)

    def on_ok(self) -> None:
        if self.ok_button.isEnabled():
            self.submitted.emit()
