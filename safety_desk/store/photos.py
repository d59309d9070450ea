"""Repository of photo records; the files themselves live under the media dir, named by sha256 (media/files.py)."""

from __future__ import annotations

from typing import Iterator

from safety_desk.store.records import Photo
from safety_desk.store.repository import Repository

# Every place a record names a photo, as the enterprise of the row naming it: the rows sync's scope follows
# (domain/device_scope.py PHOTO_COLUMNS) plus an inspection's two signatures; cheapest first (fewest rows to scan). A photo
# id is 64 hex digits and the lists are JSON text, so finding it as a substring is exact, and skips decoding
# every row's list (about ten times faster).
_REFERENCES = (
    "SELECT enterprise_id FROM drill WHERE instr(photos, :photo) > 0",
    "SELECT enterprise_id FROM inspection WHERE signature_inspector = :photo OR signature_enterprise = :photo",
    "SELECT enterprise_id FROM hazard WHERE instr(photos, :photo) > 0",
    "SELECT h.enterprise_id FROM hazard_event e JOIN hazard h ON h.id = e.hazard_id WHERE instr(e.photos, :photo) > 0",
    "SELECT i.enterprise_id FROM answer a JOIN inspection i ON i.id = a.inspection_id "
    "WHERE instr(a.photos, :photo) > 0",
)


class PhotoRepository(Repository[Photo]):
    table = "photo"
    record_type = Photo

    def all_ids(self) -> list[str]:
        return [row[0] for row in self.db.conn.execute("SELECT id FROM photo ORDER BY id")]

    def enterprises_naming(self, photo_id: str) -> Iterator[str]:
        """The enterprises whose records name this photo (evidence, rectification, drill or signature), table by
        table, so a caller looking for one it may see stops early; an enterprise may come more than once."""
        if len(photo_id) != 64:
            return  # not a photo id: it could match part of another's
        for sql in _REFERENCES:
            for (enterprise_id,) in self.db.conn.execute(sql, {"photo": photo_id}):
                yield enterprise_id
