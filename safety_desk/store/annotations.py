"""Repository of photo annotations: the shapes drawn over a photo, one row per photo, the file untouched."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from safety_desk.domain.language import say
from safety_desk.store.repository import NotFound, Repository

# Row ids are derived from the photo id (a sha256) rather than fresh UUIDv7s: devices that annotate
# the same photo while offline then write the same row, and sync's per-field merge keeps one set of
# shapes instead of two rows of which only one would ever be shown.
_ID_NAMESPACE = uuid.UUID("6f1d5f8e-3c2a-4b7e-9a51-2f0c8d7e4b13")


def annotation_id_for(photo_id: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, photo_id))


@dataclass
class PhotoAnnotation:
    id: str
    photo_id: str
    shapes: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False


class AnnotationRepository(Repository[PhotoAnnotation]):
    table = "photo_annotation"
    record_type = PhotoAnnotation

    def validate(self, record: PhotoAnnotation) -> PhotoAnnotation:
        # The store checks the shape of the data; what a valid shape is belongs to domain/annotations.py.
        if not isinstance(record.shapes, list) or not all(isinstance(s, dict) for s in record.shapes):
            raise ValueError(say("标注必须是对象列表",
                                 "photo_annotation shapes: must be a list of objects"))
        try:
            json.dumps(record.shapes)
        except (TypeError, ValueError) as exc:
            raise ValueError(say(f"标注无法保存为 JSON: {exc}",
                                 f"photo_annotation shapes: cannot be stored as JSON: {exc}")) from exc
        if record.id != annotation_id_for(record.photo_id):
            raise ValueError(say("标注编号必须由照片编号得出",
                                 "photo_annotation id: must be derived from the photo id"))
        return record

    def of_evidence(self, photo_id: str) -> bool:
        """Whether the photo is attached to a hazard event or a submitted inspection's answer (its annotation
        then only grows: domain/ownership.py)."""
        from safety_desk.store.row_facts import evidence_photos

        return bool(evidence_photos(self.db.conn, [photo_id]))

    def for_photo(self, photo_id: str) -> PhotoAnnotation | None:
        """The photo's annotation row, unless there is none or it was deleted."""
        found = self._select("photo_id = ? AND deleted = 0", (photo_id,), order="id", limit=1)
        return found[0] if found else None

    def save_shapes(self, photo_id: str, shapes: list[dict[str, Any]]) -> PhotoAnnotation:
        """Create or replace the photo's shapes (an empty list keeps the row, with no shapes)."""
        record_id = annotation_id_for(photo_id)
        with self.db.transaction():
            if self.db.conn.execute("SELECT 1 FROM photo WHERE id = ?", (photo_id,)).fetchone() is None:
                raise NotFound(say(f"照片 {photo_id} 不存在", f"photo {photo_id} does not exist"))
            if self.get(record_id) is None:
                return self.add(PhotoAnnotation(id=record_id, photo_id=photo_id, shapes=list(shapes)))
            return self.update(record_id, shapes=list(shapes), deleted=False)
