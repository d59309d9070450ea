"""The .sdsync bundle (and .sdenroll enrolment) file: a signed zip of changes and photos, read defensively.

Format, version 1 (a zip file; the names below are its only members):

    manifest.json          UTF-8 JSON object, at most 4 MiB:
        format "safety-desk-bundle", version 1, kind "sync" | "enrolment",
        bundle_id (UUIDv7), sender and recipient (device ids), sender_role, scope (the recipient's),
        created (ISO time) and created_ms (the sender's wall clock), clock_min / clock_max (the range of
        the change clocks), after_seq (the recipient's acknowledgement the bundle starts from), upto_seq
        (the sender's last write), ack (the recipient's writes up to this seq the sender has merged: the
        acknowledgement travelling back), previous (sha256 of the sender's previous manifest to this recipient, or
        ""), counts, members {name: {size, sha256}} for every other member, and optionally key_binding
        (a new device's public key and its proof) and enrolment (what `device join` needs); epoch and
        recipient_epoch (the sender's sync incarnation and the recipient's one its ack counts for:
        services/sync_incarnation.py); a device's conflicts (those it recorded, for the office) and the
        office's conflicts_ack (services/conflict_forwarding.py).
    manifest.sig           base64 Ed25519 signature of the exact bytes of manifest.json by the sender.
    changes.jsonl          one line per row and write: [table, row_id, clock, author, seq, capped_from, cells]:
                           the write's hybrid logical clock, its author (person id), the sender's write_log seq,
                           the clock it came with if a device capped it (else null), and cells, an object of
                           field -> value ("*" -> the whole row as an object, for records merged as rows);
                           a line of the office's own writes may add an eighth element, field -> the office's
                           proof that it wrote that cell (sync/office_proof.py).
    photos/<sha256>.jpg    photo files, each named by the sha256 of its bytes.

Reading trusts nothing before it is checked: the file size is capped; every zip entry must be listed in
the manifest (or be the manifest or its signature), with a plain relative name (no "..", no absolute
path, no backslash or drive); the manifest is read with a size cap and its signature checked with the
sender's enrolled key before any other member is read; each member's declared size must match the size in
the zip directory and is capped, and it is read at most that many bytes (so a zip bomb stops at its
declared size) and its sha256 compared. changes.jsonl is never held whole: it is read as a stream of lines
(OpenedBundle.change_lines), each line, the lines and the values they hold capped (MAX_CHANGE_*), so decoding any
bundle within the caps stays under 256 MB. Writing goes to a temporary name in the target folder and is
renamed into place, so a reader never sees half a bundle.

Sealed (sync/seal.py): a sync bundle is written sealed to its recipient's key, so the file on a shared folder or a
stick reveals only who sent it to whom; the zip inside is exactly the signed bundle above, read through a
decrypting view (one chunk in memory, nothing plain on disk) with every check above unchanged, and its manifest
must name the sender and recipient the seal's header names. Only the addressee opens it. A file without the seal
(an older version's, or an enrolment file: the joining device has no key yet) is read as before; its signature
still protects it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import tempfile
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator

from safety_desk.domain.language import say
from safety_desk.sync.identity import sign, verify
from safety_desk.sync.seal import Recipient, SealedReader, SealingWriter, SealProblem, is_sealed

FORMAT = "safety-desk-bundle"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl"
SUFFIX = ".sdsync"
ENROL_SUFFIX = ".sdenroll"

MAX_BUNDLE_BYTES = 8 * 1024**3
MAX_MANIFEST_BYTES = 4 * 1024**2
MAX_SIGNATURE_BYTES = 1024
# changes.jsonl is read as a stream of lines (never whole) and decoding it holds what it decodes: these caps keep
# that under 256 MB whatever the shape (tests/sync/test_bundle_memory.py measures the worst ones). A peer with
# more to send splits it over several bundles (services/sync.py).
MAX_CHANGES_BYTES = 64 * 1024**2
MAX_CHANGE_LINE_BYTES = 1024**2
MAX_CHANGE_LINES = 120_000
MAX_CHANGE_CELLS = 700_000  # values decoded from all lines: a field's, or each column of a whole row
MAX_PHOTO_BYTES = 60 * 1024**2
MAX_MEMBERS = 200_000
_PHOTO_NAME = re.compile(r"^photos/([0-9a-f]{64})\.jpg$")
_READ = 1024 * 1024


class BundleRejected(ValueError):
    """A bundle file that is not accepted; the message names the file and the problem. Nothing was changed."""


@dataclass
class OpenedBundle:
    """A bundle whose manifest, signature and member hashes have been checked."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    unseal: tuple[str, dict[str, Any]] | None = None  # (my device id, my keys: seal.my_keys) when it is sealed
    sealed: bool = False

    def _zip(self) -> zipfile.ZipFile:
        return _open_zip(self.path, self.unseal if self.sealed else None)

    @property
    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    @property
    def photo_ids(self) -> list[str]:
        return sorted(m.group(1) for name in self.manifest["members"] if (m := _PHOTO_NAME.match(name)))

    def changes_bytes(self) -> bytes:
        return self._read_member(CHANGES) if CHANGES in self.manifest["members"] else b""

    def change_lines(self) -> Iterator[bytes]:
        """The lines of changes.jsonl (without their newline), read as a stream: never more than one read block
        and one line in memory. A line longer than MAX_CHANGE_LINE_BYTES, more than MAX_CHANGE_LINES lines,
        a size or sha256 that does not match the manifest (checked when the stream ends) reject the bundle."""
        if CHANGES not in self.manifest["members"]:
            return
        declared = self.manifest["members"][CHANGES]
        size = declared["size"]
        digest = hashlib.sha256()
        total = 0
        count = 0
        partial = b""
        try:
            with self._zip() as archive, archive.open(archive.getinfo(CHANGES)) as handle:
                while True:
                    chunk = handle.read(min(_READ, size + 1 - total))
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > size:
                        raise _reject(self.path, f"成员 {CHANGES} 比声明的大小更大",
                                      f"member {CHANGES} is larger than its declared size {size}")
                    digest.update(chunk)
                    lines = chunk.split(b"\n")
                    lines[0] = partial + lines[0]
                    partial = lines.pop()
                    if len(partial) > MAX_CHANGE_LINE_BYTES:
                        raise _line_too_long(self.path, count + len(lines) + 1)
                    for line in lines:
                        count += 1
                        if len(line) > MAX_CHANGE_LINE_BYTES:
                            raise _line_too_long(self.path, count)
                        if count > MAX_CHANGE_LINES:
                            raise _too_many_lines(self.path)
                        yield line
        except BundleRejected:
            raise
        except _DAMAGE as exc:
            raise _reject(self.path, "文件已损坏或被截断", f"the file is damaged or truncated: {exc}") from None
        if total != size or digest.hexdigest() != declared["sha256"]:
            raise BundleRejected(say(f"{self.path.name}: 成员 {CHANGES} 校验值不符；数据库未作任何更改",
                                     f"{self.path.name}: the sha256 of {CHANGES} does not match the manifest: the file was changed; nothing was changed"))
        if partial:
            if count + 1 > MAX_CHANGE_LINES:
                raise _too_many_lines(self.path)
            yield partial

    def photo_bytes(self, sha256: str) -> bytes:
        return self._read_member(f"photos/{sha256}.jpg")

    def _read_member(self, name: str) -> bytes:
        declared = self.manifest["members"][name]
        try:
            with self._zip() as archive:
                data, digest = _read_capped(archive, archive.getinfo(name), declared["size"], self.path)
        except BundleRejected:
            raise
        except _DAMAGE as exc:
            raise _reject(self.path, "文件已损坏或被截断", f"the file is damaged or truncated: {exc}") from None
        if digest != declared["sha256"]:
            raise BundleRejected(say(f"{self.path.name}: 成员 {name} 校验值不符",
                                     f"{self.path.name}: the sha256 of {name} does not match the manifest: the file was changed"))
        return data


def _reject(path: Path, zh: str, en: str) -> BundleRejected:
    return BundleRejected(say(f"{path.name}: {zh}；数据库未作任何更改", f"{path.name}: {en}; nothing was changed"))


def _line_too_long(path: Path, number: int) -> BundleRejected:
    return _reject(path, f"changes.jsonl 第 {number} 行过长", f"line {number} of changes.jsonl is longer than "
                   f"{MAX_CHANGE_LINE_BYTES} bytes")


def _too_many_lines(path: Path) -> BundleRejected:
    return _reject(path, "changes.jsonl 行数过多", f"changes.jsonl has more than {MAX_CHANGE_LINES} lines")


def safe_member_name(name: str) -> bool:
    """A plain relative POSIX name: no '..', no absolute path, no backslash, drive or control characters."""
    if not name or len(name) > 200 or "\\" in name or ":" in name or any(ord(ch) < 32 for ch in name):
        return False
    path = PurePosixPath(name)
    return not path.is_absolute() and all(part not in ("", ".", "..") for part in name.split("/"))


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, path: Path,
                 keep: bool = True) -> tuple[bytes, str]:
    """Read a member, never more than `size` + 1 bytes, returning its bytes (b"" unless `keep`: then only one
    read block is ever in memory) and sha256; sizes must match."""
    digest = hashlib.sha256()
    chunks = []
    total = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(min(_READ, size + 1 - total))
                if not chunk:
                    break
                total += len(chunk)
                if total > size:
                    raise _reject(path, f"成员 {info.filename} 比声明的大小更大",
                                  f"member {info.filename} is larger than its declared size {size}: a zip bomb?")
                digest.update(chunk)
                if keep:
                    chunks.append(chunk)
    except BundleRejected:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise _reject(path, f"成员 {info.filename} 已损坏或被截断",
                      f"member {info.filename} is damaged or truncated: {exc}") from None
    if total != size:
        raise _reject(path, f"成员 {info.filename} 比声明的大小更小", f"member {info.filename} is shorter than "
                      f"its declared size {size}: truncated")
    return b"".join(chunks), digest.hexdigest()


def _member_cap(name: str) -> int:
    if name == CHANGES:
        return MAX_CHANGES_BYTES
    if _PHOTO_NAME.match(name):
        return MAX_PHOTO_BYTES
    return 0


# What a damaged zip can make the zipfile module raise, besides its own BadZipFile.
_DAMAGE = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error, RuntimeError,
           struct.error, KeyError, IndexError, OverflowError)


class _BundleReader(SealedReader):
    """The sealed file's zip, refusing the bundle (naming the file) when a chunk does not authenticate."""

    def __init__(self, path: Path, device_id: str, keys: dict[str, Any]) -> None:
        self.bundle_path = path
        try:
            super().__init__(path, device_id, keys)
        except SealProblem as exc:
            raise _seal_refusal(path, exc) from None

    def _chunk(self, index: int) -> bytes:
        try:
            return super()._chunk(index)
        except SealProblem as exc:
            raise _seal_refusal(self.bundle_path, exc) from None


def _seal_refusal(path: Path, problem: SealProblem) -> BundleRejected:
    if problem.kind == "recipient":
        return _reject(path, f"此同步包是发给设备 {problem} 的，不是本机，无法打开",
                       f"this bundle is sealed to another device ({problem}), not to this one: it cannot be "
                       "opened here")
    if problem.kind == "header":
        return _reject(path, "加密同步包的包头已损坏", f"the sealed bundle's header is damaged: {problem}")
    if problem.kind == "key":
        return _reject(path, "本机的设备密钥无法解开此同步包", f"this device's key cannot open the bundle: {problem}")
    return _reject(path, "加密同步包被改动或截断", f"the sealed bundle was changed or truncated: {problem}")


def _open_zip(path: Path, unseal: tuple[str, dict[str, Any]] | None) -> zipfile.ZipFile:
    if unseal is None:
        return zipfile.ZipFile(path)
    reader = _BundleReader(path, *unseal)
    try:
        archive = zipfile.ZipFile(reader)
    except BaseException:
        reader.close()
        raise
    archive._sealed_reader = reader  # type: ignore[attr-defined]  # closed with the archive (below)
    original_close = archive.close

    def close() -> None:
        try:
            original_close()
        finally:
            reader.close()

    archive.close = close  # type: ignore[method-assign]
    return archive


def open_bundle(path: Path | str, public_key_for: Callable[[dict[str, Any]], str],
                unseal: tuple[str, dict[str, Any]] | None = None) -> OpenedBundle:
    """Check a bundle file completely: names, manifest, signature (key from `public_key_for(manifest)`, which
    raises BundleRejected for an unknown or revoked sender), and every member's size and sha256.

    `unseal`: (this device's id, its keys by kind: seal.my_keys), to open a bundle sealed to this device
    (sync/seal.py); a sealed bundle without it, or sealed to another device, is refused."""
    path = Path(path)
    try:
        return _open_bundle(path, public_key_for, unseal)
    except BundleRejected:
        raise
    except _DAMAGE as exc:
        raise _reject(path, "文件已损坏或被截断", f"the file is damaged or truncated: {exc}") from None


def _open_bundle(path: Path, public_key_for: Callable[[dict[str, Any]], str],
                 unseal: tuple[str, dict[str, Any]] | None) -> OpenedBundle:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BundleRejected(say(f"{path}: 无法读取（{exc.strerror or exc}）", f"{path}: cannot read the file: {exc.strerror or exc}")) from None
    if size > MAX_BUNDLE_BYTES:
        raise _reject(path, "文件过大", f"the file is larger than {MAX_BUNDLE_BYTES // 1024**3} GiB")
    sealed = is_sealed(path)
    if sealed and unseal is None:
        raise _reject(path, "此同步包已加密，只有接收设备能打开", "this bundle is sealed: only its recipient device opens it")
    try:
        archive = _open_zip(path, unseal if sealed else None)
    except BundleRejected:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _reject(path, "不是同步包，或文件被截断", f"not a sync bundle, or truncated: {exc}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _reject(path, "成员过多", f"more than {MAX_MEMBERS} members")
        names: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not safe_member_name(info.filename):
                raise _reject(path, f"成员名 {info.filename!r} 不安全",
                              f"member name {info.filename!r} is absolute, has '..' or is otherwise unsafe")
            if info.filename in names:
                raise _reject(path, f"成员 {info.filename} 重复", f"member {info.filename} appears twice")
            names[info.filename] = info
        for required in (MANIFEST, SIGNATURE):
            if required not in names:
                raise _reject(path, f"缺少 {required}", f"{required} is missing: not a sync bundle, or truncated")
        for name, cap in ((MANIFEST, MAX_MANIFEST_BYTES), (SIGNATURE, MAX_SIGNATURE_BYTES)):
            if names[name].file_size > cap:
                raise _reject(path, f"{name} 过大", f"{name} is larger than {cap} bytes")
        manifest_bytes, _ = _read_capped(archive, names[MANIFEST], names[MANIFEST].file_size, path)
        signature_text, _ = _read_capped(archive, names[SIGNATURE], names[SIGNATURE].file_size, path)
        manifest = _parse_manifest(path, manifest_bytes)
        if sealed:
            header = archive._sealed_reader.header  # type: ignore[attr-defined]
            if (manifest["sender"], manifest["recipient"]) != (header.sender, header.recipient):
                raise _reject(path, "加密包头与清单的发送方或接收方不符",
                              "the seal names another sender or recipient than the signed manifest")
        try:
            signature = base64.b64decode(signature_text, validate=True)
        except ValueError:
            raise _reject(path, "签名格式错误", "the signature is not base64") from None
        public_key = public_key_for(manifest)
        if not verify(public_key, signature, manifest_bytes):
            raise _reject(path, "签名无效：文件被改动，或不是该设备所签",
                          "the signature does not match: the file was changed, or not signed by the sender's key")
        members = manifest["members"]
        for name in names:
            if name not in (MANIFEST, SIGNATURE) and name not in members:
                raise _reject(path, f"成员 {name} 未在清单中列出", f"member {name} is not listed in the manifest")
        for name, declared in members.items():
            if name not in names:
                what = "照片" if _PHOTO_NAME.match(name) else "成员"
                raise _reject(path, f"缺少{what} {name}", f"member {name} listed in the manifest is missing")
            info = names[name]
            if info.file_size != declared["size"]:
                raise _reject(path, f"成员 {name} 的大小与清单不符", f"member {name}: the zip says {info.file_size}"
                              f" bytes, the manifest {declared['size']}")
            _, digest = _read_capped(archive, info, declared["size"], path, keep=False)
            if digest != declared["sha256"]:
                raise _reject(path, f"成员 {name} 校验值不符", f"the sha256 of {name} does not match the manifest")
            photo = _PHOTO_NAME.match(name)
            if photo and photo.group(1) != digest:
                raise _reject(path, f"照片 {name} 的内容与其名称不符", f"photo {name} does not hold the photo it names")
    return OpenedBundle(path, manifest, manifest_bytes, unseal if sealed else None, sealed)


def _parse_manifest(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _reject(path, "清单不是有效的 JSON", f"manifest.json is not valid JSON: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _reject(path, "不是 SafetyDesk 同步包", "not a SafetyDesk bundle (manifest format)")
    if manifest.get("version") != VERSION:
        raise _reject(path, f"同步包版本 {manifest.get('version')!r} 不受支持",
                      f"bundle format version {manifest.get('version')!r} is not supported by this program")
    for key, kind in (("bundle_id", str), ("sender", str), ("recipient", str), ("kind", str),
                      ("members", dict), ("upto_seq", int), ("after_seq", int), ("ack", int), ("created_ms", int)):
        if not isinstance(manifest.get(key), kind) or isinstance(manifest.get(key), bool):
            raise _reject(path, f"清单缺少或写错了 {key}", f"manifest field {key} is missing or of the wrong type")
    for name, declared in manifest["members"].items():
        if not safe_member_name(name) or name in (MANIFEST, SIGNATURE):
            raise _reject(path, f"清单中的成员名 {name!r} 不安全", f"the manifest lists an unsafe member name {name!r}")
        if name != CHANGES and not _PHOTO_NAME.match(name):
            raise _reject(path, f"清单列出未知成员 {name}", f"the manifest lists an unknown member {name}")
        if not (isinstance(declared, dict) and isinstance(declared.get("size"), int)
                and isinstance(declared.get("sha256"), str) and 0 <= declared["size"] <= _member_cap(name)):
            raise _reject(path, f"成员 {name} 的声明大小无效或超过上限",
                          f"member {name}: its declared size is missing or above the limit")
    return manifest


def write_bundle(path: Path, manifest: dict[str, Any], changes: bytes, photos: Iterator[tuple[str, Path]],
                 private_pem: str, seal_to: Recipient | None = None) -> tuple[Path, str]:
    """Write a bundle to `path` (via a temporary name in the same folder, then rename); fills in members.
    Returns the path and the sha256 of the manifest (the next bundle's `previous`).

    `photos` yields (sha256, file path); each file is hashed again while it is copied in. `seal_to`: the
    recipient's key (sync/seal.py): the file is sealed to it as it is written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:40]}-", suffix=".tmp")
    os.close(handle)
    try:
        with open(temporary, "wb") as out:
            sink: Any = (SealingWriter(out, manifest["sender"], manifest["recipient"], seal_to)
                         if seal_to else out)
            manifest_bytes = _write_zip(sink, manifest, changes, photos, private_pem)
            if seal_to:
                sink.close()
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path, hashlib.sha256(manifest_bytes).hexdigest()


def _write_zip(sink: Any, manifest: dict[str, Any], changes: bytes, photos: Iterator[tuple[str, Path]],
               private_pem: str) -> bytes:
    members: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
        if changes:
            archive.writestr(zipfile.ZipInfo(CHANGES, date_time=(2020, 1, 1, 0, 0, 0)), changes,
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
            members[CHANGES] = {"size": len(changes), "sha256": hashlib.sha256(changes).hexdigest()}
        for sha256, source in photos:
            data = source.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha256:
                raise BundleRejected(say(f"照片文件 {source} 已损坏",
                                         f"the photo file {source} does not match its hash; run `safety-desk doctor`"))
            name = f"photos/{sha256}.jpg"
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_STORED)
            members[name] = {"size": len(data), "sha256": sha256}
        manifest = {**manifest, "format": FORMAT, "version": VERSION, "members": members}
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        archive.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(SIGNATURE, base64.b64encode(sign(private_pem, manifest_bytes)))
    return manifest_bytes


def manifest_digest(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()
