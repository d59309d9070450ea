"""The GUI shows photos whose files are sealed (an encrypted database, issue 19): thumbnails in the strip and in
table cells, and the viewer, all from bytes opened by the services, never from the files' paths."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from safety_desk.media.files import media_path
from safety_desk.media.thumbnails import thumbnail_file
from safety_desk.services import encryption
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.models.thumbnail_source import ThumbnailSource
from safety_desk.ui.tasks import InlineTaskRunner
from safety_desk.ui.widgets.photo_strip import PhotoStrip
from safety_desk.ui.widgets.photo_viewer import PhotoViewer


@pytest.fixture
def sealed(db_path, qapp):
    encryption.encrypt_database(db_path, login="admin", password="a-good-password")
    store = Store.open(db_path)
    context = AppContext(store=store, session=Session(store, store.people.by_login("admin")), settings=Settings(),
                         tasks=InlineTaskRunner())
    yield context
    store.close()
    encryption.lock(db_path)


def test_sealed_photos_show_in_the_strip_the_cells_and_the_viewer(sealed, jpeg, qtbot) -> None:
    store = sealed.store
    photo = ingest_bytes(store, jpeg((1600, 1200)), "IMG_0001.jpg")
    assert not media_path(store.media_dir, photo.id).read_bytes().startswith(b"\xff\xd8\xff")

    strip = PhotoStrip(sealed, keep=lambda prepared: None)
    qtbot.addWidget(strip)
    strip.set_photos([photo.id])
    assert not thumbnail_file(store.media_dir, photo.id).read_bytes().startswith(b"\xff\xd8\xff")
    item = strip.thumbnails.item(0)
    assert "missing" not in item.toolTip() and "缺" not in item.toolTip()
    strip.set_photos([])
    strip.set_photos([photo.id])  # from the (sealed) cache this time
    image: QImage = strip.thumbnails.item(0).icon().pixmap(64, 64).toImage()
    assert not image.isNull() and image.pixelColor(image.width() // 4, image.height() // 2).red() > 150

    cells = ThumbnailSource(strip.photo_service, sealed.tasks)
    assert cells.pixmap(photo.id, lambda: None) is not None and not cells.pixmap(photo.id, lambda: None).isNull()

    viewer = PhotoViewer(sealed, photo.id)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.canvas.isVisible() and not viewer.missing.isVisible()
