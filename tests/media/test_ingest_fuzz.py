"""Fuzzing photo ingest: random bytes, mutated JPEG/PNG/WEBP, truncations, fuzzed EXIF blocks and bombs are
either stored whole (record and file agree) or refused with PhotoRejected with nothing written (database
rows and media folder compared before and after). A short run is always on; a long one is marked slow."""

from __future__ import annotations

import hashlib
import io
import struct
import time
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image

from safety_desk.media.ingest import PhotoRejected
from safety_desk.services.photos import ingest_bytes
from safety_desk.media.files import media_path
from safety_desk.store.store import Store

DEADLINE_SECONDS = 3.0


def _jpeg(size=(96, 64)) -> bytes:
    image = Image.new("RGB", size, (30, 60, 220))
    image.paste((200, 40, 40), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:11:20 09:30:00"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({ExifTags.GPS.GPSLatitudeRef: "N",
                                               ExifTags.GPS.GPSLatitude: (36.0, 4.0, 1.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, exif=exif)
    return buffer.getvalue()


def _encoded(fmt: str, mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (40, 30), (10, 200, 90, 128) if mode == "RGBA" else 128).save(buffer, fmt)
    return buffer.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width × height pixels: a decompression bomb's header."""
    data = bytearray(_encoded("PNG", "1"))
    start = data.index(b"IHDR")
    data[start + 4:start + 12] = struct.pack(">II", width, height)
    data[start + 17:start + 21] = struct.pack(">I", zlib.crc32(bytes(data[start:start + 17])))
    return bytes(data)


def _with_app1(jpeg_data: bytes, payload: bytes) -> bytes:
    payload = payload[:65533]
    return jpeg_data[:2] + b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg_data[2:]


SEEDS = {"jpeg": _jpeg(), "png": _encoded("PNG"), "webp": _encoded("WEBP", "RGB"), "gif": _encoded("GIF", "L"),
         "bmp": _encoded("BMP", "RGB"), "tiff": _encoded("TIFF", "RGB")}


def _state(store: Store) -> tuple:
    """The photo table, the database's audit head and the media folder's files with their contents."""
    rows = tuple(tuple(row) for row in store.db.conn.execute("SELECT * FROM photo ORDER BY id"))
    audit = store.db.conn.execute("SELECT count(*), max(seq) FROM audit").fetchone()
    folder = store.media_dir
    files = tuple(sorted((str(p.relative_to(folder)), hashlib.sha256(p.read_bytes()).hexdigest())
                         for p in folder.rglob("*") if p.is_file())) if folder.exists() else ()
    return rows, tuple(audit), files


def _ingest(store: Store, data: bytes, name: str) -> str:
    """Ingest; assert the outcome is whole either way. Returns 'stored' or 'refused'."""
    before = _state(store)
    start = time.perf_counter()
    try:
        photo = ingest_bytes(store, data, name)
    except PhotoRejected as refusal:
        assert name in str(refusal)
        assert _state(store) == before, f"{name} was refused but something was written"
        outcome = "refused"
    else:
        path = media_path(store.media_dir, photo.id)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == photo.id == store.photos.require(photo.id).id
        outcome = "stored"
    assert time.perf_counter() - start < DEADLINE_SECONDS, f"{name} took too long"
    return outcome


mutation = st.tuples(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "zero_run"]),
                     st.floats(0, 1), st.integers(0, 255), st.integers(1, 64))


def _mutate(data: bytes, mutations) -> bytes:
    data = bytearray(data)
    for op, where, value, length in mutations:
        i = min(int(where * len(data)), max(0, len(data) - 1))
        if not data:
            data = bytearray([value])
        elif op == "flip":
            data[i] ^= value or 0xFF
        elif op == "set":
            data[i] = value
        elif op == "insert":
            data[i:i] = bytes([value]) * length
        elif op == "delete":
            del data[i:i + length]
        elif op == "truncate":
            del data[i:]
        else:
            data[i:i + length] = bytes(min(length, len(data) - i))
    return bytes(data)


FIXTURE_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
SHORT = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=FIXTURE_OK)
LONG = settings(max_examples=500, deadline=None, suppress_health_check=FIXTURE_OK)
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow warns about corrupt EXIF


# -- named hostile files --------------------------------------------------------------------------------------
NAMED = {
    "empty.jpg": b"",
    "one-byte.jpg": b"\xff",
    "soi-only.jpg": b"\xff\xd8",
    "truncated-10.jpg": SEEDS["jpeg"][:len(SEEDS["jpeg"]) // 10],
    "truncated-half.jpg": SEEDS["jpeg"][:len(SEEDS["jpeg"]) // 2],
    "truncated-end.jpg": SEEDS["jpeg"][:-20],
    "bomb.png": _png_claiming(100_000, 100_000),
    "wide-bomb.png": _png_claiming(2**31 - 1, 1),
    "zero-width.png": _png_claiming(0, 10),
    "exif-loop.jpg": _with_app1(_jpeg(), b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x69\x87\x04\x00\x01\x00"
                                         b"\x00\x00\x08\x00\x00\x00"),  # the Exif sub-IFD points at itself
    "exif-huge-count.jpg": _with_app1(_jpeg(), b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x0f\x01\x02\x00"
                                               b"\xff\xff\xff\x7f\x10\x00\x00\x00"),  # a 2 GB string claimed
    "exif-garbage.jpg": _with_app1(_jpeg(), b"Exif\x00\x00" + bytes(range(256)) * 4),
    "pdf-named-jpg.jpg": b"%PDF-1.7\n" + b"0" * 100,
    "eps.jpg": b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n",
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_hostile_files_are_stored_whole_or_refused_with_nothing_written(store: Store, name: str) -> None:
    outcome = _ingest(store, NAMED[name], name)
    if not name.startswith("exif-"):
        assert outcome == "refused", name  # damaged, empty, bombs and other formats
    # A malformed EXIF block is not a reason to lose the photo: it is kept without what the block says.


def test_a_malformed_exif_block_keeps_the_picture_but_not_its_metadata(store: Store) -> None:
    assert _ingest(store, NAMED["exif-loop.jpg"], "exif-loop.jpg") == "stored"
    photo = store.photos.all_ids()
    assert len(photo) == 1 and store.photos.require(photo[0]).taken_at is None


# -- hypothesis ------------------------------------------------------------------------------------------------
@SHORT
@given(data=st.binary(max_size=2048))
def test_random_bytes_are_refused_with_nothing_written(store: Store, data: bytes) -> None:
    assert _ingest(store, data, "random.jpg") in ("stored", "refused")


@SHORT
@given(kind=st.sampled_from(sorted(SEEDS)), mutations=st.lists(mutation, min_size=1, max_size=5))
def test_mutated_images_are_stored_whole_or_refused_with_nothing_written(store: Store, kind: str, mutations) -> None:
    _ingest(store, _mutate(SEEDS[kind], mutations), f"mutated.{kind}")


@SHORT
@given(payload=st.one_of(st.binary(max_size=300), st.binary(max_size=200).map(lambda b: b"Exif\x00\x00II*\x00" + b),
                         st.binary(max_size=200).map(lambda b: b"Exif\x00\x00MM\x00*" + b)))
def test_fuzzed_exif_blocks_are_stored_whole_or_refused(store: Store, payload: bytes) -> None:
    _ingest(store, _with_app1(SEEDS["jpeg"], payload), "exif.jpg")


@SHORT
@given(width=st.integers(0, 2**31 - 1), height=st.integers(0, 2**31 - 1))
def test_png_headers_claiming_any_size_never_decode_a_bomb(store: Store, width: int, height: int) -> None:
    outcome = _ingest(store, _png_claiming(width, height), "claimed.png")
    if width * height > 80_000_000:
        assert outcome == "refused"


@pytest.mark.slow
@LONG
@given(kind=st.sampled_from(sorted(SEEDS)), mutations=st.lists(mutation, min_size=1, max_size=10))
def test_many_mutated_images_are_stored_whole_or_refused(store: Store, kind: str, mutations) -> None:
    _ingest(store, _mutate(SEEDS[kind], mutations), f"mutated.{kind}")


@pytest.mark.slow
@LONG
@given(data=st.binary(max_size=8192))
def test_much_random_data_is_refused_with_nothing_written(store: Store, data: bytes) -> None:
    _ingest(store, data, "random.bin")


