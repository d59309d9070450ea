"""Bounded memory: hostile changes.jsonl shapes, signed with the sending device's own key, are refused without ever
holding the member whole (peak RSS measured in a fresh process); bundles over the read caps are split on export."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import uuid
import zipfile
import zlib
from pathlib import Path
from typing import Callable, Iterator

import pytest

from safety_desk.sync.identity import sign
from safety_desk.sync.office_proof import PROOF_CHARS

from sync_helpers import exchange, hazard_of, unseal_in_place

BUDGET_MB = 256
_IMPORT = """
import sys, json
from safety_desk.domain.language import set_language
from safety_desk.services.session import Session
from safety_desk.services.sync import SyncService
from safety_desk.store.store import Store
from safety_desk.sync.bundle import BundleRejected
set_language("en")  # the refusals below are matched in English
store = Store.open(sys.argv[1])
sync = SyncService(Session.of_device(store))
sync.backup = lambda: None
def high_water_mb():
    # VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
before = high_water_mb()
try:
    sync.import_bundle(sys.argv[2])
    outcome = "imported"
except BundleRejected as exc:
    outcome = str(exc)
print(json.dumps({"before_mb": before, "peak_mb": high_water_mb(), "outcome": outcome}))
"""


def _hostile_bundle(genuine: Path, target: Path, private_pem: str, chunks: Callable[[], Iterator[bytes]]) -> Path:
    """A bundle with the genuine one's manifest (a new bundle id) and changes.jsonl streamed from `chunks`, signed
    with the sender's own key: written without ever holding the member whole."""
    with zipfile.ZipFile(genuine) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    digest, size = hashlib.sha256(), 0
    for chunk in chunks():
        digest.update(chunk)
        size += len(chunk)
    manifest["bundle_id"] = str(uuid.uuid4())
    manifest["members"] = {"changes.jsonl": {"size": size, "sha256": digest.hexdigest()}}
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        info = zipfile.ZipInfo("changes.jsonl")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as handle:
            for chunk in chunks():
                handle.write(chunk)
        archive.writestr("manifest.json", data, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("manifest.sig", base64.b64encode(sign(private_pem, data)))
    return target


def _import_in_fresh_process(office_db: Path, bundle: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _IMPORT, str(office_db), str(bundle)], capture_output=True,
                          text=True, check=True, env={"PYTHONPATH": ":".join(sys.path), "PATH": "/usr/bin:/bin"})
    return json.loads(done.stdout.strip().splitlines()[-1])


def _repeat(block: bytes, total: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        for _ in range(total // len(block)):
            yield block
    return chunks


def _valid_lines(count: int, line: Callable[[int], bytes]) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        for start in range(0, count, 4096):
            yield b"".join(line(n) + b"\n" for n in range(start, min(count, start + 4096)))
    return chunks


_CLOCK = "1796473323949-{:06d}-01a24627-8169-7745-ad01-01fb0f773d1a"
_ID = "01a24627-8197-7009-9380-{:012d}"


def _event_row(reason_length: int) -> Callable[[int], bytes]:
    def line(n: int) -> bytes:
        row_id, clock = _ID.format(n), _CLOCK.format(n % 1_000_000)
        row = {"id": row_id, "hazard_id": row_id, "kind": "comment", "at": "2026-11-02T09:00:00.000+08:00",
               "by_id": None, "clock": clock, "deadline": None, "reason": "r" * reason_length, "photos": "[]"}
        return json.dumps(["hazard_event", row_id, clock, "", n, None, {"*": row}], separators=(",", ":")).encode()
    return line


def _inspection_row(n: int) -> bytes:
    row_id, clock = _ID.format(n), _CLOCK.format(n % 1_000_000)
    row = {name: "x" for name in _INSPECTION_COLUMNS}
    row["id"] = row_id
    return json.dumps(["inspection", row_id, clock, "", n, None, {"*": row}], separators=(",", ":")).encode()


_INSPECTION_COLUMNS: list[str] = []  # filled in from the schema by the test


def _hazard_cell(n: int) -> bytes:
    return json.dumps(["hazard", _ID.format(n), _CLOCK.format(n % 1_000_000), "", n, None, {"measures": "m"}],
                      separators=(",", ":")).encode()


def _hazard_cells(n: int) -> bytes:
    cells = {name: f"{n}" for name in ("description", "location", "category", "accident_type", "basis", "measures",
                                       "responsible", "found_on", "item_code", "referred_on")}
    return json.dumps(["hazard", _ID.format(n), _CLOCK.format(n % 1_000_000), "", n, None, cells],
                      separators=(",", ":")).encode()


def _proven_hazard_cells(n: int) -> bytes:
    """The cells of _hazard_cells, each with a proof as the office gives them (sync/office_proof.py)."""
    line = json.loads(_hazard_cells(n))
    return json.dumps([*line, {name: "p" * PROOF_CHARS for name in line[6]}], separators=(",", ":")).encode()


MiB = 1024 * 1024
SHAPES = {
    # The finding: a small signed bundle of empty lines (3.2 GB to import before), here as many as the cap allows.
    "empty lines": (_repeat(b"\n" * MiB, 64 * MiB), "empty line"),
    # One line as long as the cap allows, no newline anywhere.
    "one huge line": (_repeat(b'["hazard","' + b"a" * (MiB - 11), 64 * MiB), "longer than"),
    # One line nested a million deep: refused before any parser sees it.
    "deep nesting": (_repeat(b"[" * (MiB - 1) + b"\n", MiB), "nested deeper"),
    # Lines each harmless alone that nest when parsed together (a batch parse).
    "nesting across lines": (_repeat(b"[[[1\n" * 4096, 8 * MiB), "line 1 "),
    # Millions of short lines that are not changes.
    "millions of short lines": (_repeat(b"[1]\n" * 65536, 64 * MiB), "line 1 "),
    # Valid changes at the caps (the manifest's count then refuses them, after decoding): as many whole rows as
    # lines may be, with values filling the size cap; short rows; and as many cells as may be.
    "valid rows at the size cap": (_valid_lines(77_000, _event_row(440)), "does not match"),
    "valid short lines at the line cap": (_valid_lines(120_000, _hazard_cell), "does not match"),
    "valid cells at the value cap": (_valid_lines(69_900, _hazard_cells), "does not match"),
    "valid wide rows at the value cap": (_valid_lines(46_600, _inspection_row), "does not match"),
    "valid proven cells at the value cap": (_valid_lines(34_900, _proven_hazard_cells), "does not match"),
    "one line over the line cap": (_valid_lines(120_001, _hazard_cell), "more than 120000 lines"),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_hostile_changes_are_refused_within_the_memory_budget(world, tmp_path, shape, capsys) -> None:
    office, _, enterprise = world
    _INSPECTION_COLUMNS[:] = office.store.db.columns("inspection")
    hazard = hazard_of(enterprise.store, "隐患1")
    enterprise.store.hazards.update(hazard.id, treatment_plan={"objectives": "正常"})
    genuine = unseal_in_place(enterprise.sync.export(tmp_path, for_device=office.device_id).path, office)
    chunks, refusal = SHAPES[shape]
    bundle = _hostile_bundle(genuine, tmp_path / "hostile.sdsync", enterprise.store.db.local("private_key"), chunks)
    path = office.store.path
    office.close()
    found = _import_in_fresh_process(path, bundle)
    with capsys.disabled():
        print(f"\n{shape}: bundle {bundle.stat().st_size / 1024:.0f} KiB, peak RSS {found['peak_mb']:.0f} MB "
              f"(after opening the store {found['before_mb']:.0f} MB): {found['outcome'][:90]}")
    assert refusal in found["outcome"] and "nothing was changed" in found["outcome"]
    assert found["peak_mb"] < BUDGET_MB


def test_a_bundle_over_the_read_caps_is_exported_in_parts_that_lose_nothing(world, tmp_path, monkeypatch) -> None:
    """Writes interleaved across rows (a row's early cell written before another row's, its late one after) are
    sent in parts no larger than the cap; every cell arrives."""
    office, inspector, _ = world
    from safety_desk.services import sync as sync_service
    from safety_desk.sync import bundle as bundle_format

    monkeypatch.setattr(sync_service.SyncService, "backup", lambda self: None)  # many imports in one second

    for sender, receiver in ((inspector, office), (office, inspector), (inspector, office)):
        exchange(sender, receiver, tmp_path)  # both sides up to date and acknowledged
    h1, h2 = hazard_of(office.store, "隐患1"), hazard_of(office.store, "隐患2")
    for n in range(6):
        office.store.hazards.update(h1.id if n % 2 else h2.id, **({"measures": f"措施{n}"} if n < 3
                                                                  else {"treatment_plan": {"objectives": f"目标{n}"}}))
    monkeypatch.setattr(bundle_format, "MAX_CHANGE_LINES", 4)
    monkeypatch.setattr(sync_service, "EXPORT_CHANGE_LINES", 2)
    sizes = []
    for _ in range(10):
        result = exchange(inspector, office, tmp_path)  # the acknowledgement travels back
        result = exchange(office, inspector, tmp_path)
        sizes.append(result.changes)
        if not result.changes:
            break
    assert sizes[:2] == [2, 2] and sizes[2] == 0  # four cells (the later writes of a cell replace its earlier), in two parts
    for hazard_id in (h1.id, h2.id):
        assert inspector.store.hazards.require(hazard_id) == office.store.hazards.require(hazard_id)
    assert inspector.store.hazards.require(h1.id).treatment_plan == {"objectives": "目标5"}
    assert inspector.store.hazards.require(h2.id).measures == "措施2"
