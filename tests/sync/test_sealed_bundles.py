"""Sync bundles are sealed to their recipient (sync/seal.py): a shared folder reveals nothing, only the addressee
opens one, a changed seal is refused with nothing changed, and a bundle of an older version (signed, unsealed) still
imports."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from safety_desk.media.files import media_path
from safety_desk.services.hazards import HazardService
from safety_desk.sync.bundle import BundleRejected
from safety_desk.sync.identity import generate_key_pair
from safety_desk.sync.seal import (
    MAGIC, SealedReader, SealingWriter, device_recipient, read_header, x25519_private_of, x25519_public_of,
)

from sync_helpers import add_photo, as_person, db_digest, exchange, hazard_of, sealing_keys, unseal_in_place

SECRET_TEXT = "危化品仓库北侧消防通道被货物堵塞"


@pytest.fixture(autouse=True)
def _in_english(english) -> None:
    """The refusals are matched in English (the en user interface)."""


def _from_enterprise(world, folder: Path) -> tuple[Path, bytes]:
    """The enterprise PC reports progress with a photo and a telling note, and syncs into `folder`: its bundle to
    the office (and the photo's bytes)."""
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后的现场")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, SECRET_TEXT, [photo])
    result = enterprise.sync.sync_folder(folder)
    assert len(result.exported) == 1
    return result.exported[0].path, media_path(enterprise.store.media_dir, photo).read_bytes()


def _reveals(data: bytes, texts: list[str], photo: bytes | None = None) -> list[str]:
    found = [t for t in texts if t.encode("utf-8") in data]
    if photo is not None and any(photo[i:i + 32] in data for i in range(0, len(photo) - 32, 97)):
        found.append("photo bytes")
    return found


def test_x25519_keys_follow_the_ed25519_keys() -> None:
    for _ in range(20):
        keys = generate_key_pair()
        private = x25519_private_of(keys.private_pem)
        raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        assert raw == x25519_public_of(keys.public_pem)


def test_a_bundle_on_the_folder_reveals_nothing_and_its_recipient_imports_it(world, tmp_path) -> None:
    office, inspector, enterprise = world
    folder = tmp_path / "shared"
    folder.mkdir()
    path, photo = _from_enterprise(world, folder)
    data = path.read_bytes()
    assert data.startswith(MAGIC) and not zipfile.is_zipfile(path)
    names = [e.name for e in enterprise.store.enterprises.active()] + ["安全员1", "整改后的现场"]
    assert _reveals(data, names + [SECRET_TEXT, "manifest.json", "changes.jsonl", "hazard_event"], photo) == []
    result = office.sync.sync_folder(folder)
    assert result.rejected == [] and len(result.imported) == 1
    office.refresh()
    events = office.store.db.conn.execute("SELECT count(*) FROM hazard_event WHERE reason = ?", (SECRET_TEXT,))
    assert events.fetchone()[0] == 1
    # The office's bundle to the inspector (its enterprises, people, hazards) is sealed too.
    office.sync.sync_folder(folder)
    to_inspector = list((folder / f"to-{inspector.device_id}").glob("*.sdsync"))
    assert len(to_inspector) == 1
    data = to_inspector[0].read_bytes()
    assert data.startswith(MAGIC)
    assert _reveals(data, ["企业1", "企业2", "东城片区", "检查员甲", "隐患1"]) == []
    assert inspector.sync.sync_folder(folder).rejected == []
    inspector.refresh()
    assert hazard_of(inspector.store, "隐患1") is not None


def test_before_the_office_knows_a_device_key_its_bundle_is_sealed_to_the_enrolment(world, tmp_path) -> None:
    """The office learns a device's key from its first bundle; before that it seals to the enrolment's token."""
    office, inspector, enterprise = world
    assert not office.store.devices.get(inspector.device_id).public_key
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="清理通道，设置警示标志")
    exported = office.sync.export(tmp_path, for_device=inspector.device_id)
    assert read_header(open(exported.path, "rb")).via == "enrolment"
    assert _reveals(exported.path.read_bytes(), ["清理通道", "企业1", "隐患1"]) == []
    inspector.sync.import_bundle(exported.path)
    inspector.refresh()
    assert inspector.store.hazards.require(hazard_of(inspector.store, "隐患1").id).measures == "清理通道，设置警示标志"
    # Once the device has synced, the office seals to the device's own key.
    exchange(inspector, office, tmp_path)
    later = office.sync.export(tmp_path, for_device=inspector.device_id)
    assert read_header(open(later.path, "rb")).via == "device"
    inspector.sync.import_bundle(later.path)


def test_another_device_cannot_open_it(world, tmp_path) -> None:
    office, inspector, enterprise = world
    folder = tmp_path / "shared"
    folder.mkdir()
    path, _ = _from_enterprise(world, folder)
    before = db_digest(inspector.store)
    with pytest.raises(BundleRejected, match="sealed to another device") as caught:
        inspector.sync.import_bundle(path)
    assert "nothing was changed" in str(caught.value)
    # Dropped into the inspector's own inbox: refused and set aside, nothing changed.
    box = folder / f"to-{inspector.device_id}"
    box.mkdir()
    shutil.copy(path, box / path.name)
    result = inspector.sync.sync_folder(folder)
    assert len(result.rejected) == 1 and "another device" in result.rejected[0] and result.imported == []
    assert (box / (path.name + ".rejected")).exists()
    assert inspector.store.db.conn.execute("SELECT count(*) FROM hazard_event WHERE reason = ?",
                                           (SECRET_TEXT,)).fetchone()[0] == 0
    before = db_digest(inspector.store)  # (the pass wrote the inspector's own bundle to the office)
    # Even with the header rewritten to name the inspector, its key cannot open what was sealed to the office.
    forged = tmp_path / "forged.sdsync"
    forged.write_bytes(_with_header(path.read_bytes(), recipient=inspector.device_id))
    with pytest.raises(BundleRejected, match="changed or truncated"):
        inspector.sync.import_bundle(forged)
    assert db_digest(inspector.store) == before


def _with_header(data: bytes, **fields) -> bytes:
    (length,) = struct.unpack(">H", data[len(MAGIC):len(MAGIC) + 2])
    start = len(MAGIC) + 2
    header = json.loads(data[start:start + length])
    header.update(fields)
    body = json.dumps(header, sort_keys=True).encode("utf-8")
    return MAGIC + struct.pack(">H", len(body)) + body + data[start + length:]


def test_a_changed_seal_is_refused_and_changes_nothing(world, tmp_path) -> None:
    office, _, _ = world
    folder = tmp_path / "shared"
    folder.mkdir()
    path, _ = _from_enterprise(world, folder)
    data = path.read_bytes()
    header_end = len(MAGIC) + 2 + struct.unpack(">H", data[len(MAGIC):len(MAGIC) + 2])[0]
    before = db_digest(office.store)
    chunk = 64 * 1024 + 16

    def flipped(at: int) -> bytes:
        changed = bytearray(data)
        changed[at] ^= 0x01
        return bytes(changed)

    damaged = {
        "a flipped byte in the sealed content": flipped(header_end + 100),
        "a flipped last byte": flipped(len(data) - 1),
        "a flipped byte of the ephemeral key": _with_header(data, ephemeral=__import__("base64").b64encode(
            bytes(32 * [7])).decode()),
        "the sender renamed": _with_header(data, sender="someone-else"),
        "a smaller chunk size": _with_header(data, chunk=4096),
        "cut short": data[:-20],
        "cut at a chunk": data[:header_end + chunk] if len(data) > header_end + chunk + 16 else data[:header_end + 16],
        "bytes appended": data + b"\0" * 40,
        "the header cut": data[:header_end - 3],
        "the header made long": MAGIC + struct.pack(">H", 60000) + data[len(MAGIC) + 2:],
    }
    for what, content in damaged.items():
        bad = tmp_path / f"bad-{len(content)}.sdsync"
        bad.write_bytes(content)
        with pytest.raises(BundleRejected, match="nothing was changed"):
            office.sync.import_bundle(bad)
        assert db_digest(office.store) == before, what
    assert office.sync.import_bundle(path).changes > 0


def test_a_seal_naming_another_recipient_than_the_signed_manifest_is_refused(world, tmp_path) -> None:
    """Whoever can open a bundle cannot re-address it: the seal's header must agree with the signed manifest."""
    office, inspector, enterprise = world
    folder = tmp_path / "shared"
    folder.mkdir()
    path, _ = _from_enterprise(world, folder)
    with SealedReader(path, office.device_id, sealing_keys(office)) as reader:
        plain = reader.read()
    inspector_key = inspector.store.local_state.public_key()
    resealed = tmp_path / "resealed.sdsync"
    with open(resealed, "wb") as out:
        writer = SealingWriter(out, enterprise.device_id, inspector.device_id, device_recipient(inspector_key))
        writer.write(plain)
        writer.close()
    before = db_digest(inspector.store)
    with pytest.raises(BundleRejected, match="another sender or recipient"):
        inspector.sync.import_bundle(resealed)
    assert db_digest(inspector.store) == before


def test_a_bundle_of_an_older_version_without_a_seal_still_imports(world, tmp_path) -> None:
    office, _, enterprise = world
    folder = tmp_path / "shared"
    folder.mkdir()
    path, photo = _from_enterprise(world, folder)
    unseal_in_place(path, office)
    assert zipfile.is_zipfile(path)
    result = office.sync.import_bundle(path)
    assert result.changes > 0 and result.photos == 1
    office.refresh()
    assert media_path(office.store.media_dir, hashlib.sha256(photo).hexdigest()).read_bytes() == photo


def test_a_sealed_bundle_with_a_large_photo_streams(world, tmp_path) -> None:
    """Chunks are read one at a time: a photo larger than many chunks arrives whole and checked."""
    office, _, enterprise = world
    from safety_desk.media.files import write_file_atomically
    from safety_desk.store.records import Photo

    import io
    import random

    from PIL import Image

    # A photo as devices keep them (the office checks it, media/received.py), of noise: several MB, many chunks.
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1800, 1800), random.Random(7).randbytes(1800 * 1800 * 3)).save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    assert len(data) > 3 * 1024 * 1024
    digest = hashlib.sha256(data).hexdigest()
    write_file_atomically(media_path(enterprise.store.media_dir, digest), data)
    enterprise.store.photos.add(Photo(id=digest, size=len(data), width=10, height=10,
                                      added_at=enterprise.store.db.now_iso()))
    HazardService(as_person(enterprise, "e1")).record_progress(hazard_of(enterprise.store, "隐患1").id, "大照片",
                                                               [digest])
    exported = enterprise.sync.export(tmp_path, for_device=office.device_id)
    assert data[1000:1064] not in exported.path.read_bytes()
    assert office.sync.import_bundle(exported.path).photos == 1
    assert media_path(office.store.media_dir, digest).read_bytes() == data
