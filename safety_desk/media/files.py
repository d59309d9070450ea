"""Content-addressed photo files: where a photo's file lives (by sha256), and writing it so no reader sees half."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def media_path(media_dir: Path, sha256: str) -> Path:
    """media/ab/cdef....jpg: two-level fan-out keeps folders small."""
    return media_dir / sha256[:2] / f"{sha256[2:]}.jpg"


def holds(path: Path, sha256: str) -> bool:
    """Whether `path` exists with exactly the content of that hash (a leftover may be half-written)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def keep_file(media_dir: Path, sha256: str, data: bytes) -> bool:
    """Make sure the photo's file is in place (written durably unless it already holds these bytes).

    True when this call wrote it: whoever records the photo removes it again if the record then fails.
    """
    path = media_path(media_dir, sha256)
    if holds(path, sha256):
        return False
    write_file_atomically(path, data)
    return True


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
