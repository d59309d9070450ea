"""The annotation of an evidence photo (one attached to a hazard event or a submitted inspection) only grows: no
peer changes or deletes what was drawn on it, and no service lets anyone do so (issue 13, invariant 1)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.annotations import Annotation
from safety_desk.services.hazards import HazardService
from safety_desk.services.photos import PhotoService
from safety_desk.services.session import PermissionDenied
from safety_desk.store.annotations import annotation_id_for

from hostile import HostileEdit, table_dump
from sync_helpers import add_photo, as_person, exchange, hazard_of

ARROW = Annotation("arrow", 0.1, 0.1, 0.5, 0.5)
CIRCLE = Annotation("circle", 0.2, 0.2, 0.4, 0.4)


def _annotated_evidence(world, tmp_path) -> str:
    """A photo the enterprise attached to its progress report on 隐患1, marked up at the office; everywhere."""
    office, inspector, enterprise = world
    photo = add_photo(enterprise.store, "整改照片")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard_of(enterprise.store, "隐患1").id, "整改中",
                                                              [photo])
    exchange(enterprise, office, tmp_path)
    PhotoService(as_person(office, "admin")).save_annotations(photo, [ARROW])
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    return photo


def test_a_peer_cannot_change_or_delete_the_annotation_of_an_evidence_photo(world, tmp_path) -> None:
    office, inspector, enterprise = world
    photo = _annotated_evidence(world, tmp_path)
    row_id = annotation_id_for(photo)
    before = table_dump(office.store, "photo_annotation")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE photo_annotation SET shapes = '[]' WHERE id = ?", (row_id,), "photo_annotation", row_id, "shapes")
    raw.write("UPDATE photo_annotation SET deleted = 1 WHERE id = ?", (row_id,), "photo_annotation", row_id, "deleted")
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "photo_annotation") == before
    refused = [r for r in result.refused if r.startswith("photo_annotation.")]
    assert {r.split()[0] for r in refused} == {"photo_annotation.shapes", "photo_annotation.deleted"}
    assert all(row_id in r and "证据照片" in r for r in refused)
    shown = [c for c in office.sync.conflicts() if c.kind == "refused" and c.table == "photo_annotation"]
    assert {c.field for c in shown} == {"shapes", "deleted"} and all("证据照片" in c.note for c in shown)
    listed = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "conflicts", "--all"])
    assert listed.exit_code == 0
    assert sum(1 for line in listed.output.splitlines()
               if "photo_annotation." in line and row_id in line and "证据照片" in line) == 2
    # A shape added after the arrow is taken, by the office and from a device alike.
    PhotoService(as_person(office, "admin")).save_annotations(photo, [ARROW, CIRCLE])
    raw = HostileEdit(inspector)
    shapes = office.store.annotations.get(row_id).shapes
    raw.write("UPDATE photo_annotation SET shapes = ? WHERE id = ?",
              (json.dumps([*shapes, {"kind": "text", "x1": 0.5, "y1": 0.5, "x2": 0.5, "y2": 0.5, "text": "此处"}]),
               row_id), "photo_annotation", row_id, "shapes")
    raw.commit()
    assert exchange(inspector, office, tmp_path).refused == []
    assert len(office.store.annotations.get(row_id).shapes) == 3


def test_no_service_removes_a_shape_drawn_on_an_evidence_photo(world, tmp_path) -> None:
    office, _, _ = world
    photo = _annotated_evidence(world, tmp_path)
    service = PhotoService(as_person(office, "admin"))
    with pytest.raises(PermissionDenied, match="只能追加"):
        service.save_annotations(photo, [CIRCLE])
    with pytest.raises(PermissionDenied, match="只能追加"):
        service.save_annotations(photo, [])
    service.save_annotations(photo, [ARROW, CIRCLE])
    # A photo that is nobody's evidence is marked up freely.
    loose = add_photo(office.store, "未附到记录")
    service = PhotoService(as_person(office, "admin"))
    service.save_annotations(loose, [ARROW])
    service.save_annotations(loose, [])
