"""Photos encrypted at rest (issue 19 item 2): when the database is encrypted every photo and thumbnail file in its
media folder is sealed with AES-GCM under a key derived from the data key; every reader still shows the photo
(thumbnail, viewer, printed record, sync to a laptop); a plain database's photos stay plain; a damaged sealed file is
reported by doctor, not a crash."""

from __future__ import annotations

import hashlib
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sync_helpers import Replica, as_person, enrol_and_join, exchange, hazard_of, make_office

from safety_desk.media.files import UnreadableMedia, media_path, open_sealed, photo_key, read_photo
from safety_desk.media.thumbnails import ensure_thumbnail, thumbnail_file
from safety_desk.services import encryption
from safety_desk.services.doctor import run_doctor
from safety_desk.services.photos import PhotoService, ingest_bytes
from safety_desk.services.print_photos import PrintPhotos
from safety_desk.services.reports import ReportService
from safety_desk.store import cipher
from safety_desk.store.store import Store

JPEG_HEADER = b"\xff\xd8\xff"


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (320, 240), colour)
    image.paste((255, 255, 255), (0, 0, 160, 120))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _media_files(store: Store) -> list[Path]:
    return [p for p in store.media_dir.rglob("*") if p.is_file()]


def _plain_files(store: Store) -> list[str]:
    """Media files that are plain JPEGs (they start with the start-of-image marker; a sealed file starts with its
    random nonce — searching the whole file for three bytes would find them by chance in one file of a few hundred)."""
    return [p.name for p in _media_files(store) if p.read_bytes().startswith(JPEG_HEADER)]


def _reopen(replica: Replica) -> Replica:
    path = replica.store.path
    replica.close()
    return Replica(replica.name, Store.open(path))


def _encrypt(replica: Replica, login: str) -> Replica:
    """Encrypt the replica's database in place (as the first sign-in does), and open it again."""
    path = replica.store.path
    replica.close()
    encryption.encrypt_database(path, login=login, password="a-good-password")
    return Replica(replica.name, Store.open(path))


@pytest.fixture
def world(tmp_path: Path):
    office = make_office(tmp_path)
    opened: list[Replica] = [office]
    yield tmp_path, opened
    for replica in opened:
        replica.close()
        encryption.lock(replica.store.path)


def test_an_encrypted_office_seals_every_photo_file_and_still_shows_prints_and_syncs_them(world) -> None:
    folder, opened = world
    office = opened[0]
    hazard = hazard_of(office.store, "隐患1")  # enterprise 1, district D1: on the inspector's laptop
    before = ingest_bytes(office.store, _jpeg((200, 40, 40)), "before.jpg")  # taken while the database is plain
    PhotoService(as_person(office, "admin")).thumbnail(before.id)
    assert _plain_files(office.store)  # plain database: plain files

    office = opened[0] = _encrypt(office, "admin")
    assert cipher.is_encrypted(office.store.path)
    assert _media_files(office.store) and _plain_files(office.store) == []  # the photo and its thumbnail sealed
    after = ingest_bytes(office.store, _jpeg((40, 160, 90)), "after.jpg")
    with office.store.transaction():
        office.store.hazards.update(hazard.id, photos=[before.id, after.id])
    assert _plain_files(office.store) == []  # the new photo and its thumbnail sealed as they are written
    raw = media_path(office.store.media_dir, after.id).read_bytes()
    assert hashlib.sha256(raw).hexdigest() != after.id
    key = photo_key(cipher.key_for(office.store.path))
    assert hashlib.sha256(read_photo(office.store.media_dir, after.id, key)).hexdigest() == after.id
    with pytest.raises(UnreadableMedia):  # a sealed file cannot pass for another photo's (its name is bound in)
        open_sealed(raw, before.id, key)

    # It shows: thumbnails (made now, and cached), the viewer's photo, the printed record.
    photos = PhotoService(as_person(office, "admin"))
    thumbnail_file(office.store.media_dir, after.id).unlink(missing_ok=True)
    for photo in (before, after):
        made = photos.thumbnail(photo.id)
        assert made.startswith(JPEG_HEADER) and photos.cached_thumbnail(photo.id) == made
        assert photos.view(photo.id).data is not None
        assert hashlib.sha256(photos.view(photo.id).data).hexdigest() == photo.id
    assert _plain_files(office.store) == []
    assert PrintPhotos(office.store).photo(after.id, "企业1", "整改前").jpeg is not None
    target = folder / "hazard.pdf"
    ReportService(as_person(office, "admin")).hazard_record(hazard.id, target)
    listing = subprocess.run(["pdfimages", "-list", str(target)], check=True, capture_output=True, text=True).stdout
    assert len(listing.splitlines()[2:]) >= 2 and "照片文件不在本机" not in "".join(
        subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True, text=True).stdout.split())
    assert run_doctor(office.store).ok

    # Synced to a laptop: the bundle carries the photos; the laptop (plain until its first sign-in) keeps them
    # plain, then sealed once it is encrypted, and a photo arriving later is sealed as it is written.
    laptop = enrol_and_join(office, folder, "inspector", "inspector", district_codes=["D1"])
    opened.append(laptop)
    exchange(office, laptop, folder / "out")
    assert laptop.store.photos.get(before.id) is not None and laptop.store.photos.get(after.id) is not None
    assert read_photo(laptop.store.media_dir, after.id, None).startswith(JPEG_HEADER)  # plain database: plain
    laptop = opened[1] = _encrypt(laptop, "insp")
    assert _plain_files(laptop.store) == []
    third = ingest_bytes(office.store, _jpeg((20, 20, 200)), "third.jpg")
    with office.store.transaction():
        office.store.hazards.update(hazard.id, photos=[before.id, after.id, third.id])
    office.refresh()
    exchange(office, laptop, folder / "out")
    laptop_photos = PhotoService(as_person(laptop, "insp"))
    for photo in (before, after, third):
        assert hashlib.sha256(laptop_photos.view(photo.id).data).hexdigest() == photo.id
        assert laptop_photos.thumbnail(photo.id).startswith(JPEG_HEADER)
    assert _plain_files(laptop.store) == []
    assert run_doctor(laptop.store).ok


def test_a_plain_database_keeps_its_photos_plain_and_readable(store: Store) -> None:
    photo = ingest_bytes(store, _jpeg((200, 40, 40)), "plain.jpg")
    path = media_path(store.media_dir, photo.id)
    assert path.read_bytes().startswith(JPEG_HEADER) and hashlib.sha256(path.read_bytes()).hexdigest() == photo.id
    assert read_photo(store.media_dir, photo.id, None) == path.read_bytes()
    assert ensure_thumbnail(store.media_dir, photo.id).read_bytes().startswith(JPEG_HEADER)
    assert run_doctor(store).ok


def test_a_damaged_sealed_photo_is_reported_by_doctor_and_prints_as_a_note(world) -> None:
    folder, opened = world
    office = opened[0] = _encrypt(opened[0], "admin")
    photo = ingest_bytes(office.store, _jpeg((200, 40, 40)), "damaged.jpg")
    path = media_path(office.store.media_dir, photo.id)
    raw = bytearray(path.read_bytes())
    raw[40] ^= 0x01
    path.write_bytes(bytes(raw))
    thumbnail_file(office.store.media_dir, photo.id).unlink(missing_ok=True)
    report = run_doctor(office.store)
    assert not report.ok
    assert any("无法解密" in detail for _, passed, detail in report.checks if not passed)
    photos = PhotoService(as_person(office, "admin"))
    assert photos.view(photo.id).data is None  # the viewer says the photo is not readable here
    assert PrintPhotos(office.store).photo(photo.id, "企业1", "整改前").jpeg is None
    with pytest.raises(ValueError, match="无法解密"):
        photos.thumbnail(photo.id)
