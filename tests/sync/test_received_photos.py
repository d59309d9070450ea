"""A photo a device sends must be a photo as every device keeps them (media/received.py): an enterprise that puts
other bytes under a photo's name (its sha256 proves only that it chose them) must not leave the office with a file
no document can print, nor a huge image every print decodes whole; the photo's record is refused and reported, the
rest of the bundle applies, and the office still prints the re-inspection opinion of the hazard."""

from __future__ import annotations

import hashlib
import io

from PIL import Image

from safety_desk.media.files import media_path, write_file_atomically
from safety_desk.services.hazards import HazardService
from safety_desk.services.reports import MissingPhotoFile, ReportService
from safety_desk.store.records import Photo

from sync_helpers import add_photo, as_person, exchange, hazard_of


def _kept(store, data: bytes) -> str:
    """`data` kept as a photo on the device, behind its ingest's back (the owner writes file and record)."""
    digest = hashlib.sha256(data).hexdigest()
    write_file_atomically(media_path(store.media_dir, digest), data)
    store.photos.add(Photo(id=digest, size=len(data), width=10, height=10, added_at=store.db.now_iso()))
    return digest


def _jpeg(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "JPEG", quality=20)
    return buffer.getvalue()


def test_bytes_that_are_no_kept_photo_are_refused_and_the_report_still_prints(english, world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    whole = _jpeg((640, 480))
    unfit = {"garbage": _kept(enterprise.store, "不是图片".encode("utf-8") * 40),
             "truncated": _kept(enterprise.store, whole[: len(whole) // 2]),
             "huge": _kept(enterprise.store, _jpeg((3000, 2000)))}
    honest = add_photo(enterprise.store, "整改后")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [honest, *unfit.values()])
    result = exchange(enterprise, office, tmp_path)
    assert sorted(r.split(":")[0] for r in result.refused) == sorted(f"photo.* {p}" for p in unfit.values())
    assert all("JPEG" in r or "2560" in r for r in result.refused)
    assert {p for p in unfit.values() if office.store.photos.get(p) is not None} == set()
    assert not any(media_path(office.store.media_dir, p).exists() for p in unfit.values())
    assert office.store.photos.get(honest) is not None
    assert unfit["garbage"] in {c.row_id for c in office.sync.conflicts() if c.kind == "refused"}
    # The office decides on the report and prints its opinion: the photos it could not take print as missing, or
    # the print says which photo file is missing, never an image decoder's error.
    HazardService(as_person(office, "admin")).verify(hazard.id, "合格")
    try:
        ReportService(as_person(office, "admin")).reinspection(hazard.id, tmp_path / "opinion.pdf")
    except MissingPhotoFile as missing:
        assert any(str(media_path(office.store.media_dir, p)) in str(missing) for p in unfit.values())
    exchange(office, enterprise, tmp_path)
    assert enterprise.sync.changes_waiting(office.device_id) == 0
