"""Small photo thumbnails for table cells: read from the thumbnail cache, made in a worker when missing."""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from safety_desk.services.photos import PhotoService
from safety_desk.ui.tasks import TaskRunner

CELL_SIZE = 30
# Pixmaps kept: a few screens of rows; a 30 px pixmap is about 3.6 KB.
MAX_CACHED = 600


class ThumbnailSource:
    """`pixmap(photo_id, ready)`: the cell-sized thumbnail, or None now and `ready()` once it is made."""

    def __init__(self, photos: PhotoService, tasks: TaskRunner, size: int = CELL_SIZE) -> None:
        self.photos = photos
        self.tasks = tasks
        self.size = size
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: dict[str, list[Callable[[], None]]] = {}
        self._missing: set[str] = set()

    def pixmap(self, photo_id: str, ready: Callable[[], None]) -> QPixmap | None:
        cached = self._cache.get(photo_id)
        if cached is not None:
            self._cache.move_to_end(photo_id)
            return cached
        if photo_id in self._missing:
            return None
        data = self.photos.cached_thumbnail(photo_id)
        if data is not None:
            return self._keep(photo_id, data)
        waiting = self._pending.setdefault(photo_id, [])
        waiting.append(ready)
        if len(waiting) == 1:  # decoding a 12 MP photo takes tens of ms: never on the UI thread
            signals = self.tasks.start(self._make, photo_id)
            signals.finished.connect(self._made)
            signals.failed.connect(lambda _message, p=photo_id: self._give_up(p))
        return self._cache.get(photo_id)  # made already if the runner runs tasks inline

    def _make(self, _report, photo_id: str) -> tuple[str, bytes | None]:
        # The file cache only: no database in a worker. None: synced before its file arrived, so no thumbnail
        # yet, and no error. Bytes, not a path: the files are sealed when the database is encrypted.
        return photo_id, self.photos.thumbnail(photo_id)

    def _made(self, outcome: tuple[str, bytes | None]) -> None:
        photo_id, data = outcome
        if data is None:
            self._give_up(photo_id)
            return
        self._keep(photo_id, data)
        for ready in self._pending.pop(photo_id, []):
            ready()

    def _give_up(self, photo_id: str) -> None:
        self._missing.add(photo_id)
        self._pending.pop(photo_id, None)

    def _keep(self, photo_id: str, data: bytes) -> QPixmap:
        loaded = QPixmap()
        loaded.loadFromData(data)
        pixmap = loaded.scaled(self.size, self.size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
        self._cache[photo_id] = pixmap
        while len(self._cache) > MAX_CACHED:
            self._cache.popitem(last=False)
        return pixmap
