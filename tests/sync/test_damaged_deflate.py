"""A flipped byte inside a deflated member is refused like any damage (zlib's error is not a ValueError)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from safety_desk.sync.bundle import BundleRejected

from sync_helpers import db_digest, hazard_of, unseal_in_place


def flip_inside_member(path: Path, member: str, target: Path, at: int) -> Path:
    """A copy of the zip `path` with byte `at` of `member`'s stored (compressed) data flipped."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    data[start + at % info.compress_size] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def test_a_flipped_byte_in_the_compressed_changes_is_refused(world, tmp_path) -> None:
    office, inspector, _ = world
    for n in range(1, 3):
        office.store.hazards.update(hazard_of(office.store, f"隐患{n}").id, measures=f"措施 {n} " * 40)
    exported = office.sync.export(tmp_path, for_device=inspector.device_id)
    unseal_in_place(exported.path, inspector)  # the zip inside the seal (a flip in the seal: tests/sync/test_sealed_bundles.py)
    before = db_digest(inspector.store)
    # Bytes all over the compressed stream: zlib fails on some ("invalid distance too far back"), the CRC or the
    # sha256 catches the others. (The last byte is left alone: it may end in padding bits that change nothing.)
    with zipfile.ZipFile(exported.path) as archive:
        size = archive.getinfo("changes.jsonl").compress_size
        signed = archive.read("changes.jsonl")
    refused, flips = 0, range(0, size - 1, max(1, size // 150))
    for at in flips:
        tampered = flip_inside_member(exported.path, "changes.jsonl", tmp_path / "tampered.sdsync", at)
        if _inflates_to(tampered, signed):
            continue  # a flip in bits deflate ignores: the bundle still says exactly what was signed
        refused += 1
        # A flip may also change the inflated length: refused as larger or shorter than the declared size.
        with pytest.raises(BundleRejected, match="已损坏或被截断|大小|校验值|签名"):
            inspector.sync.import_bundle(tampered)
    assert db_digest(inspector.store) == before
    assert refused >= 0.9 * len(flips)  # nearly every flip does damage, and every one that does is refused


def _inflates_to(path: Path, signed: bytes) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("changes.jsonl") == signed
    except Exception:  # noqa: BLE001 - any failure to inflate means the flip did damage
        return False
