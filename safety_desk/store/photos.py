"""Repository of photo records; the files themselves live under the media dir, named by sha256."""

from __future__ import annotations

from pathlib import Path

from safety_desk.store.records import Photo
from safety_desk.store.repository import Repository


def media_path(media_dir: Path, sha256: str) -> Path:
    """media/ab/cdef....jpg: two-level fan-out keeps folders small."""
    return media_dir / sha256[:2] / f"{sha256[2:]}.jpg"


class PhotoRepository(Repository[Photo]):
    table = "photo"
    record_type = Photo

    def all_ids(self) -> list[str]:
        return [row[0] for row in self.db.conn.execute("SELECT id FROM photo ORDER BY id")]
