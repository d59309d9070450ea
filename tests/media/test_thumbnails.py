"""Thumbnails: small, cached beside the media, and decoded at reduced scale with draft()."""

from __future__ import annotations

import io

import pytest
from PIL import Image, JpegImagePlugin

from safety_desk.services.photos import ingest_bytes
from safety_desk.media.thumbnails import MissingPhotoFile, ensure_thumbnail, make_thumbnail, thumbnail_file
from safety_desk.media.files import media_path


@pytest.fixture
def decoded_sizes(monkeypatch) -> list[tuple[int, int]]:
    """The size each JPEG decode actually produced after draft() (what libjpeg really decoded)."""
    sizes: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        result = original(self, mode, size)
        sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    return sizes


def test_a_thumbnail_fits_the_size_and_is_decoded_at_reduced_scale(jpeg, decoded_sizes) -> None:
    thumb = Image.open(io.BytesIO(make_thumbnail(jpeg((4000, 3000)), 256)))
    assert thumb.format == "JPEG" and max(thumb.size) == 256 and thumb.size == (256, 192)
    # 1/4 scale: 1000 × 750 pixels decoded instead of 12 million, still over twice the target.
    assert decoded_sizes and set(decoded_sizes) == {(1000, 750)}


@pytest.mark.parametrize("size", [64, 128, 256])
def test_thumbnails_never_exceed_their_size(jpeg, size: int) -> None:
    for dimensions in ((2560, 1920), (1920, 2560), (300, 20), (50, 40)):
        thumb = Image.open(io.BytesIO(make_thumbnail(jpeg(dimensions), size)))
        assert max(thumb.size) <= size


def test_ensure_thumbnail_makes_it_once_beside_the_media(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg((2560, 1920)), "a.jpg")
    original = media_path(store.media_dir, photo.id).read_bytes()
    path = ensure_thumbnail(store.media_dir, photo.id)
    assert path == thumbnail_file(store.media_dir, photo.id, 256) and path.is_relative_to(store.media_dir)
    assert Image.open(path).size == (256, 192)
    made = path.stat().st_mtime_ns
    assert ensure_thumbnail(store.media_dir, photo.id) == path and path.stat().st_mtime_ns == made  # cached
    assert ensure_thumbnail(store.media_dir, photo.id, 96).name.endswith("-96.jpg")
    assert media_path(store.media_dir, photo.id).read_bytes() == original


def test_a_missing_photo_file_is_reported(english, store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    media_path(store.media_dir, photo.id).unlink()
    with pytest.raises(MissingPhotoFile, match="photo file missing"):
        ensure_thumbnail(store.media_dir, photo.id)
