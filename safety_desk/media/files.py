"""Content-addressed photo files: where a photo's file lives (by sha256), sealing and reading it, writing it so no
reader sees half.

When the database is encrypted, every file written to the media folder (photos and thumbnails) is sealed:
nonce(12) + AES-GCM under the photo key (HKDF-SHA256 of the database's data key, info b"safety-desk photos"),
with the file's name (the photo's sha256, or the thumbnail's `<sha256>-<size>`) as associated data, so a file
cannot pass for another. `read_media` is the one way to read one back: it opens a sealed file, and returns a plain
one as it is (older files, plain databases). Callers pass the photo key (None: the database is plain).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safety_desk.domain.language import say

PHOTO_KEY_INFO = b"safety-desk photos"
NONCE_BYTES = 12
JPEG_HEADER = b"\xff\xd8\xff"


class UnreadableMedia(ValueError):
    """A media file that neither opens under the photo key nor is a plain image: damaged, or another key's."""


@lru_cache(maxsize=8)
def photo_key(data_key: bytes) -> bytes:
    """The key photo files are sealed with, derived from the database's data key (never stored)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PHOTO_KEY_INFO).derive(data_key)


def media_path(media_dir: Path, sha256: str) -> Path:
    """media/ab/cdef....jpg: two-level fan-out keeps folders small."""
    return media_dir / sha256[:2] / f"{sha256[2:]}.jpg"


def media_name(path: Path) -> str:
    """The name a file is sealed under: a photo's whole sha256 (folder + stem), a thumbnail's `<sha256>-<size>`."""
    path = Path(path)
    stem = path.stem
    return stem if len(stem) > 64 else path.parent.name + stem


def seal(data: bytes, name: str, key: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, hashlib.sha256(name.encode()).digest())


def opened(raw: bytes, name: str, key: bytes | None) -> tuple[bytes, bool]:
    """The plaintext of a file's bytes `raw`, and whether it was sealed. Without a key (a plain database) the
    bytes are the photo; with one, a file that does not open under it is taken as plain only if it is a JPEG
    (written before the database was encrypted), else UnreadableMedia (damaged, or another key's)."""
    if key is None:
        return raw, False
    if len(raw) > NONCE_BYTES + 16:
        try:
            return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], hashlib.sha256(name.encode()).digest()), True
        except InvalidTag:
            pass
    if raw.startswith(JPEG_HEADER):
        return raw, False
    raise UnreadableMedia(say(f"照片文件已损坏，无法解密: {name}", f"the photo file is damaged and cannot be decrypted: {name}"))


def open_sealed(raw: bytes, name: str, key: bytes | None) -> bytes:
    """The plaintext of a file's bytes `raw` (see `opened`)."""
    return opened(raw, name, key)[0]


def read_media(path: Path, key: bytes | None) -> bytes:
    """The plaintext of the media file at `path` (a photo or a thumbnail): OSError when it cannot be read,
    UnreadableMedia when it is damaged or sealed under another key."""
    path = Path(path)
    return open_sealed(path.read_bytes(), media_name(path), key)


def read_photo(media_dir: Path, sha256: str, key: bytes | None) -> bytes:
    """The stored photo's JPEG, by its hash (not checked against it: `holds` does that)."""
    return read_media(media_path(media_dir, sha256), key)


def write_media(path: Path, data: bytes, key: bytes | None, *, durable: bool = True) -> None:
    """Write a media file: sealed under `key` when the database is encrypted, else the bytes as they are."""
    path = Path(path)
    write_file_atomically(path, data if key is None else seal(data, media_name(path), key), durable=durable)


def holds(path: Path, sha256: str, key: bytes | None = None, *, sealed: bool = True) -> bool:
    """Whether `path` exists with exactly the content of that hash (a leftover may be half-written), and, when
    the database is encrypted and `sealed`, is sealed (so a plain file left from before is written again, sealed)."""
    try:
        data, was_sealed = opened(Path(path).read_bytes(), media_name(Path(path)), key)
    except (OSError, UnreadableMedia):
        return False
    return (was_sealed or key is None or not sealed) and hashlib.sha256(data).hexdigest() == sha256


def keep_file(media_dir: Path, sha256: str, data: bytes, key: bytes | None = None) -> bool:
    """Make sure the photo's file is in place (written durably unless it already holds these bytes).

    True when this call wrote it: whoever records the photo removes it again if the record then fails.
    """
    path = media_path(media_dir, sha256)
    if holds(path, sha256, key):
        return False
    write_media(path, data, key)
    return True


def seal_folder(media_dir: Path, key: bytes) -> tuple[int, list[Path]]:
    """Seal every plain file of the media folder (photos and thumbnails) under `key`, each replaced atomically.
    Returns how many were sealed and the files that could not be (left as they were)."""
    sealed, failed = 0, []
    if not Path(media_dir).is_dir():
        return sealed, failed
    for path in sorted(Path(media_dir).rglob("*.jpg")):
        try:
            raw = path.read_bytes()
            try:
                if opened(raw, media_name(path), key)[1]:
                    continue  # sealed already (an encryption interrupted and run again)
            except UnreadableMedia:
                pass  # not a JPEG and not ours: a plain file all the same (sealing never loses its bytes)
            write_media(path, raw, key)
            sealed += 1
        except OSError:
            failed.append(path)
    return sealed, failed


def write_file_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write via a temporary file in the same folder and a rename, so readers never see half a file.

    `durable` also flushes it to disk first: a record committed to the database must never point at
    a file a power cut could still lose.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:16]}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            if durable:
                output.flush()
                os.fsync(output.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if durable and os.name == "posix":
        # The rename itself lives in the directory: flush it too (Windows cannot open a directory).
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
