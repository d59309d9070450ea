"""Repository of photo records; the files themselves live under the media dir, named by sha256 (media/files.py)."""

from __future__ import annotations

from safety_desk.store.records import Photo
from safety_desk.store.repository import Repository

# Every place a record names a photo, as (enterprise of the row, a photo id it names): the rows sync's scope
# follows (sync/scope.py PHOTO_COLUMNS) plus an inspection's two signatures.
_REFERENCES = (
    "SELECT h.enterprise_id FROM hazard h, json_each(h.photos) j WHERE j.value = :photo",
    "SELECT h.enterprise_id FROM hazard h JOIN hazard_event e ON e.hazard_id = h.id, json_each(e.photos) j "
    "WHERE j.value = :photo",
    "SELECT i.enterprise_id FROM inspection i JOIN answer a ON a.inspection_id = i.id, json_each(a.photos) j "
    "WHERE j.value = :photo",
    "SELECT d.enterprise_id FROM drill d, json_each(d.photos) j WHERE j.value = :photo",
    "SELECT enterprise_id FROM inspection WHERE signature_inspector = :photo OR signature_enterprise = :photo",
)


class PhotoRepository(Repository[Photo]):
    table = "photo"
    record_type = Photo

    def all_ids(self) -> list[str]:
        return [row[0] for row in self.db.conn.execute("SELECT id FROM photo ORDER BY id")]

    def enterprises_of(self, photo_id: str) -> set[str]:
        """The enterprises whose records name this photo (evidence, rectification, drill or signature)."""
        sql = " UNION ".join(_REFERENCES)
        return {row[0] for row in self.db.conn.execute(sql, {"photo": photo_id})}
