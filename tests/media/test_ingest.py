"""Photo ingest: EXIF orientation, time and place, downscaling, flattening, dedup, and every refusal.

Processing is media/ingest.py's; keeping the file and its record is the services' (services/photos.py).
"""

from __future__ import annotations

import hashlib
import io
from fractions import Fraction

import pytest
from PIL import ExifTags, Image

from safety_desk.media import ingest
from safety_desk.media.files import media_path
from safety_desk.media.ingest import LONG_EDGE, PhotoRejected, process_file, process_image
from safety_desk.services.photos import ingest_bytes, store_photo

ADDED = "2026-11-27T09:00:00.000+08:00"
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (31.0, 14.0, 24.0),
    ExifTags.GPS.GPSLongitudeRef: "W", ExifTags.GPS.GPSLongitude: (121.0, 28.0, 12.6),
}


def _ingest_file(store, path):
    return store_photo(store, process_file(path), taken_by=None, added_at=ADDED)


def test_orientation_time_and_place_are_applied_and_kept(jpeg) -> None:
    data = jpeg((400, 300), orientation=6, taken="2024:05:01 09:30:15", gps=GPS)
    photo = process_image(data, "IMG_0001.JPG")
    assert (photo.width, photo.height) == (300, 400)  # 6 = rotate 90° clockwise to display
    assert photo.taken_at == "2024-05-01T09:30:15"
    assert photo.gps_lat == pytest.approx(31.24, abs=1e-6)
    assert photo.gps_lon == pytest.approx(-(121 + 28 / 60 + 12.6 / 3600), abs=1e-6)
    assert photo.original_name == "IMG_0001.JPG"
    stored = Image.open(io.BytesIO(photo.jpeg))
    assert stored.size == (300, 400)
    # The red left half of the sensor image is at the top once rotated clockwise.
    assert stored.getpixel((150, 40))[0] > 150 and stored.getpixel((150, 360))[2] > 150
    assert ExifTags.Base.Orientation not in stored.getexif()
    assert photo.sha256 == hashlib.sha256(photo.jpeg).hexdigest()


def test_southern_and_rational_gps_and_missing_parts(jpeg) -> None:
    gps = {ExifTags.GPS.GPSLatitudeRef: b"S\x00", ExifTags.GPS.GPSLatitude: (Fraction(22, 1), Fraction(30, 1), 0),
           ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (114.0, 3.0, 0.0)}
    photo = process_image(jpeg(gps=gps), "a.jpg")
    assert (photo.gps_lat, photo.gps_lon) == (pytest.approx(-22.5), pytest.approx(114.05))
    only_lat = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (22.0, 0.0, 0.0)}
    assert (process_image(jpeg(gps=only_lat), "b.jpg").gps_lat, process_image(jpeg(), "c.jpg").taken_at) == (None, None)


def test_a_12_megapixel_photo_is_downscaled_to_the_long_edge(jpeg) -> None:
    photo = process_image(jpeg((4000, 3000)), "big.jpg")
    assert (photo.width, photo.height) == (LONG_EDGE, 1920)
    assert Image.open(io.BytesIO(photo.jpeg)).size == (LONG_EDGE, 1920)
    portrait = process_image(jpeg((3000, 4000)), "tall.jpg")
    assert (portrait.width, portrait.height) == (1920, LONG_EDGE)


def test_a_small_photo_keeps_its_size(jpeg) -> None:
    assert (process_image(jpeg((640, 480)), "s.jpg").width, 480) == (640, 480)


def test_png_with_alpha_becomes_a_jpeg_flattened_on_white() -> None:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (100, 0, 200, 100))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    photo = process_image(buffer.getvalue(), "screenshot.png")
    stored = Image.open(io.BytesIO(photo.jpeg))
    assert stored.format == "JPEG" and stored.mode == "RGB" and stored.size == (200, 100)
    assert min(stored.getpixel((20, 50))) > 245  # transparent -> white, not black
    assert stored.getpixel((150, 50))[0] > 180


@pytest.mark.parametrize("mode", ["P", "L", "1", "I;16", "LA", "CMYK"])
def test_other_modes_become_rgb(mode: str) -> None:
    buffer = io.BytesIO()
    Image.new(mode, (60, 40)).save(buffer, "TIFF" if mode == "CMYK" else "PNG")
    assert Image.open(io.BytesIO(process_image(buffer.getvalue(), f"x.{mode}").jpeg)).mode == "RGB"


def test_sixteen_bit_grey_is_scaled_not_clipped() -> None:
    buffer = io.BytesIO()
    Image.new("I;16", (40, 40), 32768).save(buffer, "PNG")
    value = Image.open(io.BytesIO(process_image(buffer.getvalue(), "g.png").jpeg)).getpixel((20, 20))
    assert 120 <= value[0] <= 136


def test_the_same_photo_twice_is_one_record_and_one_file(store, jpeg, write_file, media_files) -> None:
    path = write_file("IMG_1.jpg", jpeg(taken="2024:05:01 09:30:15"))
    person = store.people.by_login("admin")
    first = ingest_bytes(store, path.read_bytes(), path.name, taken_by=person.id)
    second = ingest_bytes(store, path.read_bytes(), path.name)
    again = ingest_bytes(store, path.read_bytes(), "copy.jpg")
    assert first == second == again and first.taken_by == person.id
    assert store.photos.count() == 1
    assert media_files() == [media_path(store.media_dir, first.id)]
    assert hashlib.sha256(media_files()[0].read_bytes()).hexdigest() == first.id
    assert first.size == media_files()[0].stat().st_size and first.added_at.endswith("+08:00")


def test_a_record_whose_file_is_missing_gets_it_back(store, jpeg) -> None:
    photo = ingest_bytes(store, jpeg(), "a.jpg")
    path = media_path(store.media_dir, photo.id)
    path.unlink()
    assert ingest_bytes(store, jpeg(), "b.jpg") == photo
    assert hashlib.sha256(path.read_bytes()).hexdigest() == photo.id


def test_a_failed_database_write_removes_the_file_it_wrote(store, jpeg, media_files, monkeypatch) -> None:
    processed = process_image(jpeg(), "a.jpg")

    def broken_add(record):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store.photos, "add", broken_add)
    with pytest.raises(RuntimeError):
        store_photo(store, processed, taken_by=None, added_at=ADDED)
    assert media_files() == []


def _rejections(bomb_png) -> dict[str, bytes]:
    good = io.BytesIO()
    Image.new("RGB", (800, 600), (10, 120, 30)).save(good, "JPEG")
    return {
        "empty.jpg": b"",
        "truncated.jpg": good.getvalue()[: len(good.getvalue()) // 2],
        "header-only.jpg": good.getvalue()[:100],
        "notes.jpg": "这不是图片，是检查记录。\nnot an image\n".encode(),
        "report.pdf": b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n",
        "bomb.png": bomb_png(30000, 30000),      # Pillow's own error: over twice its limit
        "warned.png": bomb_png(10000, 10000),    # Pillow only warns here: the warning must refuse it
        "large.png": bomb_png(9000, 9000),       # under Pillow's limit, over ours (80 MP)
    }


@pytest.mark.parametrize("name, reason", [
    ("empty.jpg", "empty file"), ("truncated.jpg", "damaged or incomplete"),
    ("header-only.jpg", "damaged or incomplete"), ("notes.jpg", "not an image"), ("report.pdf", "not an image"),
    ("bomb.png", "decompression bomb"), ("warned.png", "decompression bomb"), ("large.png", "decompression bomb"),
])
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_stored(
        english, store, bomb_png, write_file, media_files, name: str, reason: str) -> None:
    path = write_file(name, _rejections(bomb_png)[name])
    with pytest.raises(PhotoRejected) as refused:
        _ingest_file(store, path)
    message = str(refused.value)
    assert name in message and reason in message and str(path.parent) not in message
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in message)  # English only: the en user interface
    assert store.photos.count() == 0
    assert media_files() == []


def test_pillows_bomb_warning_is_turned_into_a_refusal(bomb_png) -> None:
    # 100 MP is between Pillow's warning and error thresholds: only the warning-as-error stops it
    # before our own header check does.
    with pytest.raises(PhotoRejected) as refused:
        process_image(bomb_png(10000, 10000), "warned.png")
    assert isinstance(refused.value.__cause__, Image.DecompressionBombWarning)


def test_a_file_over_the_size_limit_is_refused_unread(english, store, jpeg, write_file, media_files, monkeypatch) -> None:
    data = jpeg()
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", len(data) - 1)
    with pytest.raises(PhotoRejected, match="larger than"):
        _ingest_file(store, write_file("huge.jpg", data))
    with pytest.raises(PhotoRejected, match="larger than"):
        process_image(data, "huge.jpg")
    assert store.photos.count() == 0 and media_files() == []


def test_an_unreadable_path_is_refused(english, tmp_path) -> None:
    with pytest.raises(PhotoRejected, match="cannot read"):
        process_file(tmp_path / "gone.jpg")


def _with_app1(jpeg_data: bytes, payload: bytes) -> bytes:
    """Insert an APP1 (EXIF) segment right after the JPEG's start-of-image marker."""
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    return jpeg_data[:2] + segment + jpeg_data[2:]


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")
@pytest.mark.parametrize("payload", [
    b"Exif\x00\x00" + b"\x00" * 40,                                      # no byte-order mark
    b"Exif\x00\x00II*\x00\xff\xff\xff\x7f",                              # IFD offset far past the end
    b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\xff\xff" + b"\x01" * 30,       # 65535 entries claimed
    b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x09\x00",  # orientation 9
    b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x69\x87\x04\x00\x01\x00\x00\x00\xff\xff\x00\x00",  # bad sub-IFD
])
def test_a_malformed_exif_block_keeps_the_photo(jpeg, payload: bytes) -> None:
    photo = process_image(_with_app1(jpeg((120, 80)), payload), "odd-exif.jpg")
    assert (photo.width, photo.height) == (120, 80)
    assert photo.taken_at is None and photo.gps_lat is None


@pytest.mark.parametrize("raw", ["    :  :     :  :  ", "2024:13:45 99:00:00", "garbage"])
def test_a_malformed_date_reads_as_unknown(jpeg, raw: str) -> None:
    assert process_image(jpeg(taken=raw), "d.jpg").taken_at is None


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_a_damaged_image_never_raises_anything_but_photo_rejected(jpeg) -> None:
    data = bytearray(jpeg((320, 240), taken="2024:05:01 09:30:15", gps=GPS))
    for position in range(2, len(data), max(1, len(data) // 60)):
        damaged = bytes(data[:position]) + bytes([data[position] ^ 0xFF]) + bytes(data[position + 1:])
        try:
            process_image(damaged, "flip.jpg")
        except PhotoRejected:
            pass


def test_an_iphone_heic_photo_is_refused_saying_how_to_get_a_jpg(store, write_file, media_files) -> None:
    # The start of a real HEIC file: its ISO box header with the brand an iPhone writes.
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200)
    with pytest.raises(PhotoRejected) as refused:
        _ingest_file(store, write_file("IMG_0412.HEIC", heic))
    message = str(refused.value)
    assert "IMG_0412.HEIC" in message and "HEIC" in message and "兼容性最佳" in message and "JPG" in message
    assert store.photos.count() == 0 and media_files() == []
