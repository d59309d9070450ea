"""Annotations: validated shapes, one row per photo, synced per field, and the photo file untouched."""

from __future__ import annotations

import hashlib
import math

import pytest

from safety_desk.domain.annotations import Annotation, parse_shapes
from safety_desk.services.photos import PhotoService, ingest_bytes
from safety_desk.services.session import Session
from safety_desk.store.annotations import annotation_id_for
from safety_desk.store.changes import export_changes
from safety_desk.media.files import media_path
from safety_desk.store.repository import NotFound

def _service(store) -> PhotoService:
    return PhotoService(Session(store, store.people.by_login("admin")))


def load_annotations(store, photo_id: str):
    view = _service(store).view(photo_id)
    return view.annotations, view.unreadable


def save_annotations(store, photo_id: str, annotations, keep=()) -> None:
    _service(store).save_annotations(photo_id, annotations, keep)


ARROW = Annotation("arrow", 0.1, 0.2, 0.5, 0.6)
CIRCLE = Annotation("circle", 0.3, 0.3, 0.7, 0.9, colour="#FDD835")
LABEL = Annotation("text", 0.05, 0.9, 0.05, 0.9, text=" 灭火器过期 ")


def test_shapes_round_trip_through_dicts() -> None:
    for shape in (ARROW, CIRCLE, LABEL):
        assert Annotation.from_dict(shape.to_dict()) == shape
    assert CIRCLE.colour == "#fdd835" and LABEL.text == "灭火器过期"
    assert ARROW.to_dict() == {"kind": "arrow", "x1": 0.1, "y1": 0.2, "x2": 0.5, "y2": 0.6, "text": "",
                               "colour": "#e53935"}


@pytest.mark.parametrize("data, problem", [
    ({"kind": "square", "x1": 0, "y1": 0, "x2": 1, "y2": 1}, "unknown kind"),
    ({"kind": "arrow", "x1": 0, "y1": 0, "x2": 1.5, "y2": 1}, "fraction"),
    ({"kind": "arrow", "x1": -0.1, "y1": 0, "x2": 1, "y2": 1}, "fraction"),
    ({"kind": "arrow", "x1": math.nan, "y1": 0, "x2": 1, "y2": 1}, "fraction"),
    ({"kind": "arrow", "x1": "0.5", "y1": 0, "x2": 1, "y2": 1}, "number"),
    ({"kind": "arrow", "x1": True, "y1": 0, "x2": 1, "y2": 1}, "number"),
    ({"kind": "arrow", "x1": 0, "y1": 0, "x2": 1}, "missing"),
    ({"kind": "arrow", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "width": 3}, "unknown fields"),
    ({"kind": "text", "x1": 0, "y1": 0, "x2": 0, "y2": 0, "text": "  "}, "needs text"),
    ({"kind": "circle", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "text": "x"}, "only text"),
    ({"kind": "text", "x1": 0, "y1": 0, "x2": 0, "y2": 0, "text": "长" * 201}, "longer"),
    ({"kind": "arrow", "x1": 0, "y1": 0, "x2": 1, "y2": 1, "colour": "red"}, "#rrggbb"),
    (["arrow", 0, 0, 1, 1], "object"),
])
def test_bad_shapes_are_refused_naming_the_problem(english, data, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Annotation.from_dict(data)


def test_annotations_round_trip_and_the_photo_file_is_unchanged(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg((800, 600)), "a.jpg")
    path = media_path(store.media_dir, photo.id)
    assert load_annotations(store, photo.id) == ([], [])
    save_annotations(store, photo.id, [ARROW, CIRCLE])
    save_annotations(store, photo.id, [ARROW, CIRCLE, LABEL])
    assert load_annotations(store, photo.id) == ([ARROW, CIRCLE, LABEL], [])
    assert store.annotations.count() == 1
    record = store.annotations.for_photo(photo.id)
    assert record.id == annotation_id_for(photo.id) and record.photo_id == photo.id
    assert hashlib.sha256(path.read_bytes()).hexdigest() == photo.id
    assert store.photos.require(photo.id) == photo


def test_shapes_this_version_cannot_read_are_kept(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    future = {"kind": "polygon", "points": [[0, 0], [1, 1]]}
    store.annotations.save_shapes(photo.id, [ARROW.to_dict(), future])
    shapes, unreadable = load_annotations(store, photo.id)
    assert shapes == [ARROW] and unreadable == [future]
    save_annotations(store, photo.id, [CIRCLE], keep=unreadable)
    assert parse_shapes(store.annotations.for_photo(photo.id).shapes) == ([CIRCLE], [future])


def test_a_deleted_annotation_is_gone_until_saved_again(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    save_annotations(store, photo.id, [ARROW])
    store.annotations.delete(annotation_id_for(photo.id))
    assert store.annotations.for_photo(photo.id) is None
    save_annotations(store, photo.id, [LABEL])
    assert load_annotations(store, photo.id) == ([LABEL], []) and store.annotations.count() == 1


def test_annotating_an_unknown_photo_is_refused(store) -> None:
    with pytest.raises(NotFound):
        store.annotations.save_shapes("0" * 64, [ARROW.to_dict()])
    assert store.annotations.count() == 0


def test_annotations_are_synced_per_field(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    save_annotations(store, photo.id, [ARROW])
    changes = [c for c in export_changes(store.db) if c.table == "photo_annotation"]
    assert {c.field for c in changes} == {"photo_id", "shapes", "deleted"}
    assert all(c.row_id == annotation_id_for(photo.id) for c in changes)
