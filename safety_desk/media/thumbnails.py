"""Thumbnails of stored photos: small JPEGs made on demand beside the media files (sealed like them), decoded with
draft()."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from safety_desk.domain.language import say
from safety_desk.media.files import UnreadableMedia, media_path, read_media, write_media

THUMBNAIL_SIZE = 256
THUMBNAIL_QUALITY = 85
THUMBS_DIR = "thumbs"


class MissingPhotoFile(FileNotFoundError):
    """The photo is on record but its file is not here (yet): e.g. synced before its file arrived."""


def thumbnail_file(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE) -> Path:
    """Where the thumbnail lives: media/thumbs/ab/<sha256>-256.jpg (a cache: safe to delete, never synced)."""
    return media_dir / THUMBS_DIR / photo_id[:2] / f"{photo_id}-{size}.jpg"


def ensure_thumbnail(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE, key: bytes | None = None) -> Path:
    """The thumbnail of a stored photo, made first if need be. Reads no database (photo ids are the
    files' hashes), so it may run in a worker thread. `key`: the photo key (None: a plain database)."""
    target = thumbnail_file(media_dir, photo_id, size)
    if target.exists():
        return target
    load_thumbnail(media_dir, photo_id, size, key)
    return target


def load_thumbnail(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE, key: bytes | None = None) -> bytes:
    """The thumbnail's JPEG bytes, made (and kept) first if need be; MissingPhotoFile when the photo's file is
    not here, UnreadableMedia when it is damaged."""
    target = thumbnail_file(media_dir, photo_id, size)
    try:
        return read_media(target, key)
    except (OSError, UnreadableMedia):
        pass  # not made yet, or a damaged cache: made again from the photo
    source = media_path(media_dir, photo_id)
    try:
        data = read_media(source, key)
    except FileNotFoundError as exc:
        raise MissingPhotoFile(say(f"照片文件缺失: {source}", f"photo file missing: {source}")) from exc
    jpeg = make_thumbnail(data, size)
    save_thumbnail(media_dir, photo_id, jpeg, size, key)
    return jpeg


def cached_thumbnail(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE,
                     key: bytes | None = None) -> bytes | None:
    """The thumbnail's bytes if it is made already (and readable), else None."""
    try:
        return read_media(thumbnail_file(media_dir, photo_id, size), key)
    except (OSError, UnreadableMedia):
        return None


def save_thumbnail(media_dir: Path, photo_id: str, jpeg: bytes, size: int = THUMBNAIL_SIZE,
                   key: bytes | None = None) -> Path:
    """Keep a thumbnail made elsewhere (ingest makes one while the photo is still in memory)."""
    target = thumbnail_file(media_dir, photo_id, size)
    # A cache: no fsync, a lost thumbnail is simply made again.
    write_media(target, jpeg, key, durable=False)
    return target


def make_thumbnail(jpeg_bytes: bytes, size: int = THUMBNAIL_SIZE) -> bytes:
    """A JPEG whose long edge is at most `size`, from any image Pillow reads (stored photos are JPEG)."""
    with Image.open(io.BytesIO(jpeg_bytes)) as image:
        # draft() makes libjpeg decode at 1/2, 1/4 or 1/8 scale, still at least twice the target
        # (so the final resampling keeps it sharp): a 12 MP photo decodes as about 0.2 MP.
        image.draft("RGB", (size * 2, size * 2))
        image.thumbnail((size, size))
        small = image if image.mode == "RGB" else image.convert("RGB")
        buffer = io.BytesIO()
        small.save(buffer, "JPEG", quality=THUMBNAIL_QUALITY)
    return buffer.getvalue()
