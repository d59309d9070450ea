"""PhotoViewer: zoom, drawing shapes on the overlay, saving them, and the photo file left alone."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from safety_desk.domain.annotations import Annotation, parse_shapes
from safety_desk.media.files import media_path
from safety_desk.services.photos import ingest_bytes
from safety_desk.ui.widgets.photo_viewer import PhotoViewer


def load_annotations(store, photo_id: str):
    record = store.annotations.for_photo(photo_id)
    return parse_shapes(record.shapes) if record else ([], [])


@pytest.fixture
def photo(store, jpeg):
    return ingest_bytes(store, jpeg((1600, 1200)), "IMG_0007.jpg")


def _viewer(context, photo, qtbot, **options) -> PhotoViewer:
    viewer = PhotoViewer(context, photo.id, **options)
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    with qtbot.waitActive(viewer):  # key shortcuts only reach the active window
        viewer.show()
        viewer.activateWindow()
    return viewer


def test_draw_save_and_reopen_without_touching_the_photo(context, store, photo, qtbot, monkeypatch) -> None:
    viewer = _viewer(context, photo, qtbot)
    viewer.set_tool("arrow")
    port = viewer.canvas.viewport()
    start = viewer.canvas.mapFromScene(400, 300)
    end = viewer.canvas.mapFromScene(800, 600)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(port, end)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)
    (arrow,) = viewer.annotations()
    assert arrow.kind == "arrow"
    assert (arrow.x1, arrow.y1, arrow.x2, arrow.y2) == pytest.approx((0.25, 0.25, 0.5, 0.5), abs=0.01)
    viewer.add_annotation(Annotation("text", 0.1, 0.1, 0.1, 0.1, text="消防通道堵塞"))
    viewer.grab()  # paint the overlay once, shapes included
    assert viewer.is_modified()
    with qtbot.waitSignal(viewer.annotations_saved, timeout=1000):
        assert viewer.save()
    viewer.accept()
    assert hashlib.sha256(media_path(store.media_dir, photo.id).read_bytes()).hexdigest() == photo.id
    shapes, _ = load_annotations(store, photo.id)
    assert [s.kind for s in shapes] == ["arrow", "text"]
    again = _viewer(context, photo, qtbot)
    assert again.annotations() == shapes and not again.is_modified()
    again.undo()
    assert len(again.annotations()) == 1 and again.is_modified()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Discard)
    again.close()
    assert asked and load_annotations(store, photo.id)[0] == shapes  # discarded: the stored shapes stand


def test_a_click_is_not_a_shape(context, photo, qtbot) -> None:
    viewer = _viewer(context, photo, qtbot)
    viewer.set_tool("circle")
    QTest.mouseClick(viewer.canvas.viewport(), Qt.MouseButton.LeftButton, pos=viewer.canvas.mapFromScene(500, 500))
    assert viewer.annotations() == []


def test_zoom_with_keys_wheel_and_fit(context, photo, qtbot) -> None:
    viewer = _viewer(context, photo, qtbot)
    fitted = viewer.zoom()
    assert fitted < 1  # a 1600 px photo fitted into a 900 px dialog
    QTest.keyClick(viewer.canvas, Qt.Key.Key_Plus)
    assert viewer.zoom() == pytest.approx(fitted * 1.25)
    QTest.keyClick(viewer.canvas, Qt.Key.Key_Minus)
    QTest.keyClick(viewer.canvas, Qt.Key.Key_Minus)
    assert viewer.zoom() == pytest.approx(fitted / 1.25)
    wheel = QWheelEvent(QPointF(200, 200), QPointF(200, 200), QPoint(), QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.canvas.viewport(), wheel)
    assert viewer.zoom() == pytest.approx(fitted / 1.25 * 1.25 ** 2)
    for _ in range(40):
        viewer.zoom_in()
    assert viewer.zoom() == pytest.approx(8.0)
    QTest.keyClick(viewer.canvas, Qt.Key.Key_0)
    assert viewer.zoom() == pytest.approx(fitted)


def test_read_only_shows_but_does_not_edit(context, store, photo, qtbot) -> None:
    store.annotations.save_shapes(photo.id, [Annotation("circle", 0.2, 0.2, 0.4, 0.4).to_dict()])
    viewer = _viewer(context, photo, qtbot, read_only=True)
    assert len(viewer.annotations()) == 1
    viewer.set_tool("arrow")
    assert viewer.canvas.tool == "move"
    viewer.add_annotation(Annotation("arrow", 0, 0, 1, 1))
    assert len(viewer.annotations()) == 1 and not viewer.save()


def test_a_missing_photo_file_is_explained(context, store, photo, qtbot) -> None:
    media_path(store.media_dir, photo.id).unlink()
    viewer = _viewer(context, photo, qtbot)
    assert viewer.missing.isVisible() and not viewer.canvas.isVisible()


def test_pens_are_named_and_the_white_swatch_shows_on_white(context, store, jpeg, qtbot) -> None:
    from PySide6.QtGui import QColor

    from safety_desk.ui.widgets.photo_viewer import colour_swatch

    photo = ingest_bytes(store, jpeg(), "a.jpg")
    viewer = PhotoViewer(context, photo.id)
    qtbot.addWidget(viewer)
    names = [action.text() for action in viewer.colour_button.menu().actions()]
    assert names == ["Red", "Yellow", "Blue", "White"] and not any(n.startswith("#") for n in names)
    white = colour_swatch("#ffffff").pixmap(32, 32).toImage()
    rim = [white.pixelColor(x, 16) for x in range(32)]
    assert any(c.alpha() > 0 and c.lightness() < 128 for c in rim)  # a dark rim around the white disc
    viewer.set_colour("#ffffff")
    assert "White" in viewer.colour_button.toolTip()
