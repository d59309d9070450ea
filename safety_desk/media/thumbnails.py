"""Thumbnails of stored photos: small JPEGs made on demand beside the media files, decoded with draft()."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from safety_desk.domain.language import say
from safety_desk.media.files import media_path, write_file_atomically

THUMBNAIL_SIZE = 256
THUMBNAIL_QUALITY = 85
THUMBS_DIR = "thumbs"


class MissingPhotoFile(FileNotFoundError):
    """The photo is on record but its file is not here (yet): e.g. synced before its file arrived."""


def thumbnail_file(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE) -> Path:
    """Where the thumbnail lives: media/thumbs/ab/<sha256>-256.jpg (a cache: safe to delete, never synced)."""
    return media_dir / THUMBS_DIR / photo_id[:2] / f"{photo_id}-{size}.jpg"


def ensure_thumbnail(media_dir: Path, photo_id: str, size: int = THUMBNAIL_SIZE) -> Path:
    """The thumbnail of a stored photo, made first if need be. Reads no database (photo ids are the
    files' hashes), so it may run in a worker thread."""
    target = thumbnail_file(media_dir, photo_id, size)
    if target.exists():
        return target
    source = media_path(media_dir, photo_id)
    try:
        data = source.read_bytes()
    except FileNotFoundError as exc:
        raise MissingPhotoFile(say(f"照片文件缺失: {source}", f"photo file missing: {source}")) from exc
    save_thumbnail(media_dir, photo_id, make_thumbnail(data, size), size)
    return target


def save_thumbnail(media_dir: Path, photo_id: str, jpeg: bytes, size: int = THUMBNAIL_SIZE) -> Path:
    """Keep a thumbnail made elsewhere (ingest makes one while the photo is still in memory)."""
    target = thumbnail_file(media_dir, photo_id, size)
    # A cache: no fsync, a lost thumbnail is simply made again.
    write_file_atomically(target, jpeg, durable=False)
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
