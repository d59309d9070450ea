"""The hub's previews kept on a device (an enterprise's uploads awaiting the office): local rows, never synced."""

from __future__ import annotations

from dataclasses import dataclass

from safety_desk.store.database import Database
from safety_desk.store.scope_moves import secure_delete

TABLE = "hub_preview"


@dataclass(frozen=True)
class StoredPreview:
    bundle_id: str
    sender_id: str
    sender_name: str
    enterprise_id: str | None
    taken_ms: int
    changes: str
    received_at: str
    photos: tuple[str, ...] = ()


def preview_ids(db: Database) -> set[str]:
    return {row[0] for row in db.conn.execute("SELECT bundle_id FROM hub_preview")}


def held_photos(db: Database) -> dict[str, set[str]]:
    """bundle id -> the names of the photos kept for that preview."""
    held: dict[str, set[str]] = {}
    for bundle_id, sha in db.conn.execute("SELECT bundle_id, sha256 FROM hub_preview_photo"):
        held.setdefault(bundle_id, set()).add(sha)
    return held


def add_preview_photos(db: Database, bundle_id: str, photos: dict[str, bytes]) -> None:
    """Photos of a preview kept already that could not be fetched before (inside the caller's transaction)."""
    db.record_derived_many("INSERT OR IGNORE INTO hub_preview_photo (bundle_id, sha256, data) VALUES (?, ?, ?)",
                           [(bundle_id, sha, data) for sha, data in sorted(photos.items())])
    db.touched(TABLE, (bundle_id,))


def stored_previews(db: Database) -> list[StoredPreview]:
    """Every preview kept, oldest taken first, with the names of the photos kept for it."""
    photos: dict[str, list[str]] = {}
    for bundle_id, sha in db.conn.execute("SELECT bundle_id, sha256 FROM hub_preview_photo ORDER BY bundle_id, sha256"):
        photos.setdefault(bundle_id, []).append(sha)
    rows = db.conn.execute("SELECT bundle_id, sender_id, sender_name, enterprise_id, taken_ms, changes, received_at"
                           " FROM hub_preview ORDER BY taken_ms, bundle_id").fetchall()
    return [StoredPreview(*row, photos=tuple(photos.get(row[0], ()))) for row in rows]


def preview_photo(db: Database, sha256: str) -> bytes | None:
    row = db.conn.execute("SELECT data FROM hub_preview_photo WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def drop_previews(db: Database, bundle_ids: set[str]) -> None:
    """Forget these previews and their photos (inside the caller's transaction)."""
    if not bundle_ids:
        return
    ids = sorted(bundle_ids)
    # Overwritten, not left in free pages: a preview the office refused must leave no trace in the file.
    with secure_delete(db.conn):
        db.record_derived_many("DELETE FROM hub_preview_photo WHERE bundle_id = ?", [(i,) for i in ids])
        db.record_derived_many("DELETE FROM hub_preview WHERE bundle_id = ?", [(i,) for i in ids])
    db.touched(TABLE, ids)


def add_preview(db: Database, preview: StoredPreview, photos: dict[str, bytes]) -> None:
    """Keep one preview and its photos (inside the caller's transaction)."""
    db.record_derived(
        "INSERT INTO hub_preview (bundle_id, sender_id, sender_name, enterprise_id, taken_ms, changes, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (preview.bundle_id, preview.sender_id, preview.sender_name, preview.enterprise_id, preview.taken_ms,
         preview.changes, preview.received_at))
    db.record_derived_many("INSERT INTO hub_preview_photo (bundle_id, sha256, data) VALUES (?, ?, ?)",
                           [(preview.bundle_id, sha, data) for sha, data in sorted(photos.items())])
    db.touched(TABLE, (preview.bundle_id,))


def forget_all(conn) -> None:
    """Every preview gone, on a raw connection inside the caller's transaction (a restored backup: what the hub
    showed when it was made may have been refused since; only the hub's next listing says what still awaits)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone() is None:
        return  # a backup made before previews existed (migrated at the next open)
    with secure_delete(conn):
        conn.execute("DELETE FROM hub_preview_photo")
        conn.execute(f"DELETE FROM {TABLE}")
