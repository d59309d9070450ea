"""PhotoStrip: adding by file, paste and drop; rejections reported; storing on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage

from safety_desk.media.thumbnails import thumbnail_file
from safety_desk.services.photos import PhotoService, ingest_bytes, store_prepared
from safety_desk.services.session import PermissionDenied
from safety_desk.ui.widgets import photo_strip
from safety_desk.ui.widgets.photo_strip import PhotoStrip


def _until_idle(qtbot, strip: PhotoStrip):
    return qtbot.waitSignal(strip.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy)


@pytest.fixture
def keep(context):
    """What an owner hands the strip (e.g. InspectionService.keep_photo), minus the owner's record and checks."""
    session = context.session
    return lambda prepared: store_prepared(session.store, prepared, session.person.id, session.clock)


@pytest.fixture
def strip(context, keep, qtbot) -> PhotoStrip:
    widget = PhotoStrip(context, keep=keep)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_valid_and_an_invalid_file(english, strip, store, jpeg, write_file, media_files, qtbot) -> None:
    good = write_file("IMG_0001.jpg", jpeg((1200, 900), taken="2024:05:01 09:30:15"))
    bad = write_file("minutes.jpg", "会议纪要，不是照片".encode())
    with qtbot.waitSignal(strip.photos_added, timeout=5000) as added_blocker, \
            qtbot.waitSignal(strip.failed, timeout=5000) as failed_blocker:
        strip.add_files([str(good), str(bad)])
    (added,), (message,) = added_blocker.args, failed_blocker.args
    assert len(added) == 1 and strip.photos() == added
    assert "minutes.jpg" in message and "not an image" in message and "IMG_0001" not in message
    assert strip.error_label.isVisible() and "minutes.jpg" in strip.error_label.text()
    photo = store.photos.require(added[0])
    assert photo.original_name == "IMG_0001.jpg" and photo.taken_at == "2024-05-01T09:30:15"
    assert photo.taken_by == store.people.by_login("admin").id
    assert store.photos.count() == 1
    # The bad file left no trace; the good one has its file and its thumbnail.
    assert {p.name for p in media_files()} == {f"{photo.id[2:]}.jpg", f"{photo.id}-256.jpg"}
    assert strip.thumbnails.count() == 1 and not strip.is_busy() and not strip.progress.isVisible()


def test_processing_runs_in_the_task_runner_and_storing_on_the_ui_thread(context, keep, jpeg, write_file,
                                                                         qtbot, monkeypatch) -> None:
    threads = {}
    real_process = PhotoService.prepare_file

    def spy_process(path):
        threads["process"] = threading.current_thread()
        return real_process(path)

    def spy_keep(prepared):
        threads["store"] = threading.current_thread()
        return keep(prepared)

    monkeypatch.setattr(PhotoService, "prepare_file", staticmethod(spy_process))
    strip = PhotoStrip(context, keep=spy_keep)
    qtbot.addWidget(strip)
    started = []
    real_start = context.tasks.start
    monkeypatch.setattr(context.tasks, "start", lambda fn, *args: started.append(fn) or real_start(fn, *args))
    with qtbot.waitSignal(strip.photos_added, timeout=5000):
        strip.add_files([str(write_file("a.jpg", jpeg()))])
    assert photo_strip._process in started
    assert threads["store"] is threading.main_thread()


def test_with_the_real_thread_pool_results_come_back_to_the_ui_thread(context, keep, store, jpeg, write_file, qtbot,
                                                                     monkeypatch) -> None:
    from safety_desk.ui.tasks import TaskRunner

    context.tasks = TaskRunner()
    threads = {}
    real_process = PhotoService.prepare_file
    monkeypatch.setattr(PhotoService, "prepare_file", staticmethod(
        lambda path: threads.setdefault("process", threading.current_thread()) and real_process(path)))
    widget = PhotoStrip(context, keep=lambda p: threads.setdefault("store", threading.current_thread()) and keep(p))
    qtbot.addWidget(widget)
    paths = [str(write_file(f"{i}.jpg", jpeg(colour=(i * 20, 90, 0)))) for i in range(4)]
    with qtbot.waitSignal(widget.photos_added, timeout=20000) as blocker, \
            qtbot.waitSignal(widget.failed, timeout=20000) as failure:
        widget.add_files([*paths[:2], str(write_file("bad.jpg", b"x")), *paths[2:]])
    assert len(blocker.args[0]) == 4 and "bad.jpg" in failure.args[0]
    # In the order given, whatever order the pool finished them in.
    assert [store.photos.require(i).original_name for i in blocker.args[0]] == ["0.jpg", "1.jpg", "2.jpg", "3.jpg"]
    assert threads["process"] is not threading.main_thread() and threads["store"] is threading.main_thread()
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=5000)


def test_only_failures_emit_failed_and_nothing_is_stored(strip, store, write_file, media_files, qtbot) -> None:
    with qtbot.assertNotEmitted(strip.photos_added), qtbot.waitSignal(strip.failed, timeout=5000) as blocker:
        strip.add_files([str(write_file("empty.jpg", b"")), str(write_file("a.txt", b"hello"))])
    assert blocker.args[0].splitlines()[0].endswith("empty.jpg") and "a.txt" in blocker.args[0]
    assert store.photos.count() == 0 and media_files() == [] and strip.photos() == []


def test_the_same_photo_is_shown_once(strip, jpeg, write_file, qtbot) -> None:
    path = str(write_file("a.jpg", jpeg()))
    with qtbot.waitSignal(strip.photos_added, timeout=5000) as first:
        strip.add_files([path, path])
    assert len(first.args[0]) == 1
    with qtbot.assertNotEmitted(strip.photos_added), _until_idle(qtbot, strip):
        strip.add_files([path])
    assert strip.thumbnails.count() == 1


def test_set_photos_shows_thumbnails_made_on_demand(strip, store, jpeg, qtbot) -> None:
    photos = [ingest_bytes(store, jpeg(colour=(i * 40, 0, 0)), f"{i}.jpg") for i in range(3)]
    strip.set_photos([p.id for p in photos])
    assert strip.photos() == [p.id for p in photos] and strip.thumbnails.count() == 3
    assert all(thumbnail_file(store.media_dir, p.id).exists() for p in photos)
    assert "0.jpg" in strip.thumbnails.item(0).toolTip()


@pytest.fixture
def clipboard():
    board = QGuiApplication.clipboard()
    yield board
    board.clear()  # data left on the clipboard crashes the offscreen platform as Python exits


def test_paste_an_image_from_the_clipboard(strip, store, clipboard, qtbot) -> None:
    image = QImage(640, 480, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 128, 255, 128))
    clipboard.setImage(image)
    with qtbot.waitSignal(strip.photos_added, timeout=5000) as blocker:
        assert strip.add_from_clipboard()
    photo = store.photos.require(blocker.args[0][0])
    assert (photo.width, photo.height) == (640, 480) and photo.original_name.startswith("clipboard-")


def test_paste_files_from_the_clipboard(strip, jpeg, write_file, clipboard, qtbot) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_file("a.jpg", jpeg())))])
    clipboard.setMimeData(mime)
    with qtbot.waitSignal(strip.photos_added, timeout=5000):
        assert strip.add_from_clipboard()


def test_dropped_files_are_added(strip, jpeg, write_file, qtbot) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_file("a.jpg", jpeg())))])
    with qtbot.waitSignal(strip.photos_added, timeout=5000):
        strip.thumbnails.mime_dropped.emit(mime)


def test_adds_finishing_after_the_owner_changed_go_to_that_owner(context, keep, store, jpeg, write_file,
                                                                 qtbot) -> None:
    from safety_desk.ui.tasks import TaskRunner

    context.tasks = TaskRunner()  # the real pool: the add is still processing when the owner changes
    strip = PhotoStrip(context, keep=keep)
    qtbot.addWidget(strip)
    strip.set_photos([], owner="1.1")
    elsewhere = []
    strip.photos_added_elsewhere.connect(lambda owner, ids: elsewhere.append((owner, ids)))
    with qtbot.assertNotEmitted(strip.photos_added), _until_idle(qtbot, strip):
        strip.add_files([str(write_file("a.jpg", jpeg()))])
        assert strip.is_busy()
        strip.set_photos([], owner="1.2")  # e.g. the inspector moved on to the next item at once
    ((owner, ids),) = elsewhere
    assert owner == "1.1" and store.photos.get(ids[0]) is not None  # stored, for the item it was added to
    assert strip.photos() == [] and strip.owner() == "1.2"


def test_refreshing_the_same_owner_keeps_adds_in_progress(strip, jpeg, write_file, qtbot) -> None:
    strip.set_photos([], owner="1.1")
    added = []
    # What the inspection runner does: store the first add's ids, then show the item's photos again.
    strip.photos_added.connect(lambda ids: (added.extend(ids), strip.set_photos(list(added))))
    with _until_idle(qtbot, strip):
        strip.add_files([str(write_file("a.jpg", jpeg(colour=(1, 2, 3))))])
        strip.add_files([str(write_file("b.jpg", jpeg(colour=(200, 2, 3))))])
    assert len(added) == 2 and strip.photos() == added and strip.owner() == "1.1"


def test_read_only_refuses_adding(strip, store, jpeg, write_file, qtbot) -> None:
    strip.set_read_only(True)
    assert strip.add_button.isHidden()
    with qtbot.assertNotEmitted(strip.busy_changed, wait=50):
        strip.add_files([str(write_file("a.jpg", jpeg()))])
    assert store.photos.count() == 0


def test_removing_a_photo_tells_the_owner(strip, store, jpeg, qtbot) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    strip.set_photos([photo.id])
    with qtbot.waitSignal(strip.photo_removed, timeout=1000) as blocker:
        strip._remove(strip.thumbnails.item(0))
    assert blocker.args == [photo.id] and strip.photos() == [] and store.photos.get(photo.id) == photo


def test_double_click_opens_the_viewer(strip, store, jpeg, qtbot) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    strip.set_photos([photo.id])
    strip.on_item_double_clicked(strip.thumbnails.item(0))
    assert strip.viewer is not None and strip.viewer.photo_id == photo.id and strip.viewer.isVisible()
    strip.viewer.close()
    assert strip.viewer is None


def test_a_photo_the_owner_refuses_is_reported_and_not_shown(context, store, jpeg, write_file, media_files,
                                                              qtbot) -> None:
    def refuse(prepared):
        raise PermissionDenied("无权修改该检查记录 (you may not change this inspection)")

    widget = PhotoStrip(context, keep=refuse)
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.photos_added), qtbot.waitSignal(widget.failed, timeout=5000) as failure:
        widget.add_files([str(write_file("a.jpg", jpeg()))])
    assert "a.jpg" in failure.args[0] and "you may not change this inspection" in failure.args[0]
    assert widget.photos() == [] and store.photos.count() == 0 and media_files() == []


def test_a_strip_with_nowhere_to_keep_photos_only_shows(context, store, jpeg, qtbot) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    widget = PhotoStrip(context)
    qtbot.addWidget(widget)
    widget.set_photos([photo.id])
    widget.set_read_only(False)
    assert widget.is_read_only() and not widget.add_button.isVisibleTo(widget) and widget.photos() == [photo.id]


def test_a_real_double_click_opens_one_viewer(strip, store, jpeg, qtbot) -> None:
    from PySide6.QtCore import Qt
    from safety_desk.ui.widgets.photo_viewer import PhotoViewer

    photo = ingest_bytes(store, jpeg(), "a.jpg")
    strip.set_photos([photo.id])
    centre = strip.thumbnails.visualItemRect(strip.thumbnails.item(0)).center()
    viewport = strip.thumbnails.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)  # what a hand sends before the second press
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: strip.viewer is not None and strip.viewer.isVisible(), timeout=2000)
    assert len([w for w in strip.findChildren(PhotoViewer) if w.isVisible()]) == 1
    strip.on_item_double_clicked(strip.thumbnails.item(0))  # asked again while it is open: the same viewer
    assert len([w for w in strip.findChildren(PhotoViewer) if w.isVisible()]) == 1
    strip.viewer.close()


def test_enter_on_a_thumbnail_opens_the_photo_and_goes_no_further(strip, store, jpeg, qtbot) -> None:
    from PySide6.QtCore import Qt

    photo = ingest_bytes(store, jpeg(), "a.jpg")
    strip.set_photos([photo.id])
    strip.thumbnails.setCurrentRow(0)
    strip.thumbnails.setFocus()
    seen = []
    original = strip.keyPressEvent
    strip.keyPressEvent = lambda event: (seen.append(event.key()), original(event))  # the parent would get it
    qtbot.keyClick(strip.thumbnails, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: strip.viewer is not None, timeout=2000)
    assert seen == []
    strip.viewer.close()
