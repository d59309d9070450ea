"""A row of photo thumbnails with add (file dialog, drag-and-drop, paste), progress and rejection messages."""

from __future__ import annotations

import inspect
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QMenu,
    QProgressBar, QToolButton, QVBoxLayout, QWidget,
)

from safety_desk.domain.language import say
from safety_desk.services.errors import ServiceError
from safety_desk.services.photos import PhotoService, PreparedPhoto
from safety_desk.store.records import Photo
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon

ICON_SIZE = 88
_IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff *.gif"
_PHOTO_ID = Qt.ItemDataRole.UserRole
# The folder the file dialog opened last, shared by every strip for the session.
_last_folder = ""
_UNCHANGED = object()


@dataclass(frozen=True)
class _Source:
    """One thing to ingest: a file path, encoded bytes, or a QImage (from the clipboard or a drop)."""

    name: str
    path: str | None = None
    data: bytes | None = None
    image: QImage | None = None


@dataclass(frozen=True)
class _Outcome:
    batch: int
    index: int
    name: str
    prepared: PreparedPhoto | None = None
    message: str | None = None


@dataclass
class _Batch:
    owner: Any
    total: int
    results: dict[int, str | tuple[str, str]] = field(default_factory=dict)  # index -> photo id | ("error", msg)


def _process(report: Any, batch: int, index: int, source: _Source) -> _Outcome:
    """Worker thread: decode, check and re-encode one image and make its thumbnail. No database here.

    Every failure becomes a message in the outcome, so each started job reports back exactly once.
    """
    try:
        if source.path is not None:
            prepared = PhotoService.prepare_file(source.path)
        elif source.data is not None:
            prepared = PhotoService.prepare_bytes(source.data, source.name)
        else:
            # Encoding here, not on the UI thread: PNG-compressing a 4K screenshot takes ~0.4 s.
            prepared = PhotoService.prepare_bytes(_png_bytes(source.image), source.name)
    except ValueError as exc:  # PhotoRejected: the message names the file and says why
        return _Outcome(batch, index, source.name, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not lose the batch's other photos
        return _Outcome(batch, index, source.name, message=f"{source.name}: {exc}")
    return _Outcome(batch, index, source.name, prepared)


def _png_bytes(image: QImage | None) -> bytes:
    if image is None or image.isNull():
        return b""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def _make_thumbnail(report: Any, photos: PhotoService, photo_id: str) -> tuple[str, str | None]:
    """Worker thread: the thumbnail's path, or None when the photo's file is missing or unreadable."""
    try:
        path = photos.thumbnail(photo_id)  # the file cache only: no database in a worker
    except Exception:  # noqa: BLE001 - shown as a broken image, not as an error dialog
        return photo_id, None
    return photo_id, None if path is None else str(path)


class _Thumbnails(QListWidget):
    """The thumbnail row itself; hands drops and paste to the strip, which decides what to accept."""

    mime_dropped = Signal(QMimeData)
    paste_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepting = True
        self.hint = ""
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(ICON_SIZE + 2 * self.spacing() + self.horizontalScrollBar().sizeHint().height()
                            + 2 * self.frameWidth() + 8)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    # The view's own drop handling would try to insert items: route every drop to the strip instead.
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.accepting and _has_droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        if self.accepting and _has_droppable(event.mimeData()):
            event.acceptProposedAction()
            self.mime_dropped.emit(event.mimeData())
        else:
            event.ignore()

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+V and Delete while the row has focus, ahead of any window-wide shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Delete)):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Delete):
            self.delete_requested.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            # Qt's view emits activated and then ignores Enter, which passed it on to the inspection runner and
            # moved to the next item behind the viewer: Enter here opens the photo and nothing else.
            self.itemActivated.emit(self.currentItem())
            event.accept()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.count() == 0 and self.hint:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(8, 0, -8, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)


def _has_droppable(mime: QMimeData | None) -> bool:
    if mime is None:
        return False
    return any(url.isLocalFile() for url in mime.urls()) or mime.hasImage()


class PhotoStrip(QWidget):
    """Thumbnails of a record's photos, and the ways to add more.

    Processing runs in the context's task runner (a worker thread each); keeping the file and its
    record happens on the UI thread, which owns database writes, through `keep`: the owner's service
    method for the record the photos are for (e.g. InspectionService.keep_photo), which checks that the
    person may add to it. Without `keep` the strip only shows. Whoever owns the record saves the ids it
    is told about.
    """

    photos_added = Signal(list)   # ids of photos newly shown in the strip, in the order they were given
    # Photos whose processing finished after set_photos() switched to another owner: (their owner, ids).
    # They are stored but not shown here; attach them to that owner.
    photos_added_elsewhere = Signal(object, list)
    photo_removed = Signal(str)   # the user removed this photo from the strip (the photo itself is kept)
    failed = Signal(str)          # rejection messages of one add, one per line
    busy_changed = Signal(bool)   # processing started (True) or everything finished (False)
    owner_changed = Signal()      # set_photos() switched to another owner (an open 手机传图 closes)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 keep: Callable[[PreparedPhoto], Photo] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.photo_service = context.desk.photos
        # An owner's method is held weakly: the owner holds the strip, and a strong reference back would make a
        # cycle PySide tears down badly when Qt deletes the owner ("pure virtual method called").
        self._keep = (weakref.WeakMethod(keep) if inspect.ismethod(keep)
                      else None if keep is None else (lambda: keep))
        self._ids: list[str] = []
        self._read_only = False
        self._owner: Any = None
        self._batches: dict[int, _Batch] = {}
        self._next_batch = 0
        self._done = 0
        self._total = 0
        self.viewer = None  # the PhotoViewer opened last, if any

        self.thumbnails = _Thumbnails(self)
        self.thumbnails.hint = self.tr("No photos. Add, drop or paste (Ctrl+V) photos here.")
        # itemActivated alone: a double-click emits it as well as itemDoubleClicked, and connecting both opened two
        # viewers, the second of which erased the first one's annotations when saved.
        self.thumbnails.itemActivated.connect(self.on_item_double_clicked)
        self.thumbnails.mime_dropped.connect(self.on_mime_dropped)
        self.thumbnails.paste_requested.connect(self.add_from_clipboard)
        self.thumbnails.delete_requested.connect(self.on_delete_requested)
        self.thumbnails.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.thumbnails.customContextMenuRequested.connect(self.on_context_menu)

        self.add_button = QToolButton(self)
        self.add_button.setIcon(icon("camera-plus-outline"))
        self.add_button.setIconSize(QSize(32, 32))
        self.add_button.setToolTip(self.tr("Add photos (or drop them here, or paste with Ctrl+V)"))
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(self.on_add_clicked)
        # 手机传图: what the phone page says the photos are for; the owner (the runner, the hazard page) sets it.
        self.upload_label = ""
        self.phone_dialog = None
        self.phone_button = QToolButton(self)
        self.phone_button.setObjectName("phone_upload")
        self.phone_button.setIcon(icon("cellphone-arrow-down"))
        self.phone_button.setIconSize(QSize(28, 28))
        self.phone_button.setToolTip(self.tr("Photos from the phone: scan a QR code with the phone"))
        self.phone_button.setAutoRaise(True)
        self.phone_button.clicked.connect(self.open_phone_upload)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Processing photos: %v of %m"))
        self.progress.setMaximumHeight(16)
        self.progress.hide()

        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnails, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.phone_button)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        self.setAcceptDrops(True)
        if keep is None:
            self.set_read_only(True)

    # -- public API ------------------------------------------------------------------------------
    def set_photos(self, photo_ids: list[str], owner: Any = _UNCHANGED) -> None:
        """Show these photos, replacing what was shown.

        `owner` is an opaque key for whose photos these are (e.g. a checklist item's code); left out,
        it stays as it was. Adds still processing when the owner changes are reported, once done, by
        photos_added_elsewhere with the owner they were added for, not by photos_added.
        """
        if owner is not _UNCHANGED:
            changed = owner != self._owner
            self._owner = owner
            if changed:
                self.owner_changed.emit()
        self._ids = []
        self.thumbnails.clear()
        self._clear_message()
        self._append(list(photo_ids))

    def photos(self) -> list[str]:
        """The ids shown, in order."""
        return list(self._ids)

    def owner(self) -> Any:
        """The key last given to set_photos(); new adds belong to it."""
        return self._owner

    def set_read_only(self, read_only: bool) -> None:
        """Read-only: no adding, removing or annotating; photos can still be opened and zoomed.

        A strip given no `keep` stays read-only: it has nowhere to keep new photos."""
        self._read_only = bool(read_only) or self._keep is None
        self.add_button.setVisible(not self._read_only)
        self.phone_button.setVisible(not self._read_only)
        self.thumbnails.accepting = not self._read_only
        self.setAcceptDrops(not self._read_only)
        self.thumbnails.hint = "" if self._read_only else self.tr(
            "No photos. Add, drop or paste (Ctrl+V) photos here.")
        self.thumbnails.viewport().update()

    def is_read_only(self) -> bool:
        return self._read_only

    def is_busy(self) -> bool:
        """Whether photos are still being processed (their ids are not yet in photos())."""
        return bool(self._batches)

    def add_files(self, paths: list[str]) -> None:
        """Ingest image files: processed in the background, then stored and shown; see the signals."""
        self._start([_Source(name=Path(p).name, path=str(p)) for p in paths])

    def add_image_data(self, data: bytes, name: str) -> None:
        """Ingest one encoded image held in memory (e.g. from a camera or another widget)."""
        self._start([_Source(name=name, data=bytes(data))])

    def add_from_clipboard(self) -> bool:
        """Ingest the clipboard's image, or its image files; False if it holds neither."""
        return self._add_from_mime(QGuiApplication.clipboard().mimeData())

    def open_phone_upload(self):
        """Show the QR code a phone scans to send photos here; returns the dialog (one at a time)."""
        from safety_desk.ui.dialogs.phone_upload import PhoneUploadDialog

        if self.phone_dialog is not None:
            self.phone_dialog.raise_()
            return self.phone_dialog
        label = self.upload_label or self.window().windowTitle() or self.tr("Photos")
        self.phone_dialog = PhoneUploadDialog(self.context, self, label, self)
        self.phone_dialog.finished.connect(self.on_phone_dialog_finished)
        self.phone_dialog.open()
        return self.phone_dialog

    def open_viewer(self, photo_id: str):
        """Open the photo in the viewer (annotations editable unless read-only); returns the dialog."""
        from safety_desk.ui.widgets.photo_viewer import PhotoViewer

        if self.viewer is not None:  # one viewer at a time: a second, stale one could overwrite what the first saved
            self.viewer.raise_()
            self.viewer.activateWindow()
            return self.viewer
        self.viewer = PhotoViewer(self.context, photo_id, read_only=self._read_only, parent=self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.finished.connect(self.on_viewer_finished)
        self.viewer.open()
        return self.viewer

    # -- adding ----------------------------------------------------------------------------------
    def _add_from_mime(self, mime: QMimeData | None) -> bool:
        if mime is None or self._read_only:
            return False
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.add_files(files)
            return True
        stamp = self.context.session.clock.now().strftime("%Y%m%d-%H%M%S")
        # Encoded bytes first: they keep the EXIF (time, place) a re-encoded QImage would lose.
        for mime_type, suffix in (("image/jpeg", "jpg"), ("image/png", "png")):
            if mime.hasFormat(mime_type):
                data = bytes(mime.data(mime_type).data())
                if data:
                    self.add_image_data(data, f"clipboard-{stamp}.{suffix}")
                    return True
        if mime.hasImage():
            data = mime.imageData()
            image = data.toImage() if isinstance(data, QPixmap) else QImage(data)
            if not image.isNull():
                self._start([_Source(name=f"clipboard-{stamp}.png", image=image.copy())])
                return True
        return False

    def _start(self, sources: list[_Source]) -> None:
        if self._read_only or not sources:
            return
        if not self._batches:
            self._clear_message()
        batch_id = self._next_batch
        self._next_batch += 1
        self._batches[batch_id] = _Batch(self._owner, len(sources))
        was_busy = self._total > 0
        self._total += len(sources)
        self._show_progress()
        if not was_busy:
            self.busy_changed.emit(True)
        for index, source in enumerate(sources):
            # One task per photo: the pool works on several at once, and each result is stored as it
            # arrives, so the UI thread never does more than one photo's write at a time.
            signals = self.context.tasks.start(_process, batch_id, index, source)
            signals.finished.connect(self.on_processed)
            signals.failed.connect(self.on_task_failed)

    @Slot(object)
    def on_processed(self, outcome: _Outcome) -> None:
        batch = self._batches.get(outcome.batch)
        if batch is None:
            return
        if outcome.prepared is None:
            batch.results[outcome.index] = ("error", outcome.message or outcome.name)
        else:
            batch.results[outcome.index] = self._store(outcome)
        self._done += 1
        self._show_progress()
        if len(batch.results) == batch.total:
            self._finish(outcome.batch)

    @Slot(str)
    def on_task_failed(self, message: str) -> None:
        # _process reports every failure in its outcome; this is only reached if the runner itself broke.
        self._show_message(message)
        self.failed.emit(message)

    def _store(self, outcome: _Outcome) -> str | tuple[str, str]:
        keep = self._keep()
        if keep is None:  # the owner is gone: nobody would attach the photo
            return ("error", say(f"照片保存失败：{outcome.name}", f"could not save the photo: {outcome.name}"))
        try:
            photo = keep(outcome.prepared)
        except Exception as exc:  # noqa: BLE001 - reported to the user with the file's name
            return ("error", say(f"照片保存失败：{outcome.name}: {exc}",
                                f"could not save the photo: {outcome.name}: {exc}"))
        return photo.id

    def _finish(self, batch_id: int) -> None:
        batch = self._batches.pop(batch_id)
        ordered = [batch.results[i] for i in range(batch.total)]
        here = batch.owner == self._owner
        new_ids: list[str] = []
        for result in ordered:
            if isinstance(result, str) and result not in new_ids and not (here and result in self._ids):
                new_ids.append(result)
        messages = [r[1] for r in ordered if isinstance(r, tuple)]
        if new_ids and here:
            self._append(new_ids)
            self.photos_added.emit(new_ids)
        elif new_ids:
            self.photos_added_elsewhere.emit(batch.owner, new_ids)
        if messages:
            text = "\n".join(messages)
            self._show_message(text)
            self.failed.emit(text)
        if not self._batches:
            self._done = self._total = 0
            self.progress.hide()
            self.busy_changed.emit(False)

    # -- showing ---------------------------------------------------------------------------------
    def _append(self, photo_ids: list[str]) -> None:
        for photo_id in photo_ids:
            self._ids.append(photo_id)
            item = QListWidgetItem()
            item.setData(_PHOTO_ID, photo_id)
            item.setToolTip(self._describe(photo_id))
            path = self.photo_service.cached_thumbnail(photo_id)
            self.thumbnails.addItem(item)  # before the task: its result looks the item up
            if path is not None:
                item.setIcon(QIcon(QPixmap(str(path))))
            else:
                item.setIcon(icon("image-outline", "#b0bec5"))
                signals = self.context.tasks.start(_make_thumbnail, self.photo_service, photo_id)
                signals.finished.connect(self.on_thumbnail_made)

    def _describe(self, photo_id: str) -> str:
        try:
            photo = self.photo_service.photo(photo_id)
        except ServiceError:
            photo = None  # outside the person's scope: described as not here, never shown in detail
        if photo is None:
            return self.tr("Photo not on record")
        parts = [photo.original_name or photo_id[:12]]
        if photo.taken_at:
            parts.append(self.tr("taken %1").replace("%1", photo.taken_at.replace("T", " ")[:16]))
        parts.append(f"{photo.width} × {photo.height}")
        return "\n".join(parts)

    @Slot(object)
    def on_thumbnail_made(self, result: tuple[str, str | None]) -> None:
        photo_id, path = result
        for row in range(self.thumbnails.count()):
            item = self.thumbnails.item(row)
            if item.data(_PHOTO_ID) != photo_id:
                continue
            if path is None:
                item.setIcon(icon("image-broken-variant", "#c62828"))
                item.setToolTip(self.tr("The photo file is missing on this computer."))
            else:
                item.setIcon(QIcon(QPixmap(path)))

    def _show_progress(self) -> None:
        self.progress.setMaximum(max(1, self._total))
        self.progress.setValue(self._done)
        self.progress.setVisible(self._total > 0)

    def _show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _clear_message(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    # -- slots -----------------------------------------------------------------------------------
    @Slot()
    def on_add_clicked(self) -> None:
        global _last_folder
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), _last_folder,
            self.tr("Images (%1);;All files (*)").replace("%1", _IMAGE_PATTERNS))
        if paths:
            _last_folder = str(Path(paths[0]).parent)
            self.add_files(paths)

    @Slot(QListWidgetItem)
    def on_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.open_viewer(item.data(_PHOTO_ID))

    @Slot(int)
    def on_phone_dialog_finished(self, result: int) -> None:
        dialog, self.phone_dialog = self.phone_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    @Slot(int)
    def on_viewer_finished(self, result: int) -> None:
        self.viewer = None  # deleted on close: never hand out the dead wrapper

    @Slot(QMimeData)
    def on_mime_dropped(self, mime: QMimeData) -> None:
        self._add_from_mime(mime)

    @Slot()
    def on_delete_requested(self) -> None:
        item = self.thumbnails.currentItem()
        if item is not None and not self._read_only:
            self._remove(item)

    def on_context_menu(self, position) -> None:
        item = self.thumbnails.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(icon("magnify-plus-outline"), self.tr("Open"), lambda: self.open_viewer(item.data(_PHOTO_ID)))
        if not self._read_only:
            menu.addAction(icon("delete-outline"), self.tr("Remove from here"), lambda: self._remove(item))
        menu.exec(self.thumbnails.viewport().mapToGlobal(position))

    def _remove(self, item: QListWidgetItem) -> None:
        photo_id = item.data(_PHOTO_ID)
        self.thumbnails.takeItem(self.thumbnails.row(item))
        if photo_id in self._ids:
            self._ids.remove(photo_id)
        self.photo_removed.emit(photo_id)

    # Drops on the strip outside the thumbnail row (the button, the messages).
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if not self._read_only and _has_droppable(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        if not self._read_only and _has_droppable(event.mimeData()):
            event.acceptProposedAction()
            self._add_from_mime(event.mimeData())
        else:
            event.ignore()
