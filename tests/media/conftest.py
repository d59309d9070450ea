"""Helpers for the photo tests: generated images with EXIF, and a UI context on the test store."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any, Callable

import pytest
from PIL import ExifTags, Image

from safety_desk.store.store import Store


def make_jpeg(size: tuple[int, int] = (400, 300), *, orientation: int | None = None,
              taken: str | None = None, gps: dict[int, Any] | None = None, colour=(200, 40, 40),
              quality: int = 90) -> bytes:
    """A JPEG whose left half is `colour` and right half blue, so orientation is visible in the pixels."""
    image = Image.new("RGB", size, (30, 60, 220))
    image.paste(colour, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if taken is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if gps is not None:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, exif=exif)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG whose header claims `width` × `height` pixels (a decompression bomb's
    header, without the seconds it takes Pillow to write a real one)."""
    buffer = io.BytesIO()
    Image.new("1", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    start = data.index(b"IHDR")
    data[start + 4:start + 12] = struct.pack(">II", width, height)
    data[start + 17:start + 21] = struct.pack(">I", zlib.crc32(bytes(data[start:start + 17])))
    return bytes(data)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / "incoming" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path
    return write


@pytest.fixture
def context(store: Store, qapp):
    """What a page is handed, with tasks run inline so tests can wait on their signals."""
    from safety_desk.services.session import Session
    from safety_desk.settings import Settings
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.tasks import InlineTaskRunner

    person = store.people.by_login("admin")
    return AppContext(store=store, session=Session(store, person), settings=Settings(), tasks=InlineTaskRunner())


# Test modules are imported with --import-mode=importlib and cannot import this file: they get the
# helpers as fixtures.
@pytest.fixture
def jpeg() -> Callable[..., bytes]:
    return make_jpeg


@pytest.fixture
def bomb_png() -> Callable[[int, int], bytes]:
    return png_claiming


@pytest.fixture
def media_files(store: Store) -> Callable[[], list[Path]]:
    return lambda: files_under(store.media_dir)
