"""Sealing a bundle file to its recipient (X25519 + AES-GCM), so a shared sync folder reveals nothing but who to whom.

The signed bundle (sync/bundle.py: a zip whose manifest the sender signs) is unchanged; the file on disk wraps it:

    header   b"SDSEAL1\\n", 2-byte big-endian length, then that many bytes of UTF-8 JSON
             {"sender": device id, "recipient": device id, "ephemeral": base64 X25519 public key, "chunk": 65536}
    chunks   the zip's bytes in chunks of `chunk` bytes, each AES-256-GCM encrypted (16-byte tag appended) under
             key = HKDF-SHA256(X25519(ephemeral private, recipient public), salt = ephemeral || recipient public),
             nonce = 11-byte big-endian chunk number || 1 byte (1 on the last chunk, else 0), associated data =
             the whole header. The last chunk may be short (at least its tag).

This is the STREAM construction (as in `age`): a chunk cannot be changed, moved, dropped or the file cut short
without a tag failing, and the header (sender and recipient included) cannot be changed without every tag failing.
Chunks let the reader seek (zipfile reads the directory at the end first) with one chunk in memory, and let the
writer encrypt while zipfile writes: the plain zip never touches a disk.

The recipient's X25519 key is its Ed25519 key converted (as libsodium's crypto_sign_ed25519_pk_to_curve25519 and
age's ssh-ed25519 recipients do): the public half from the Edwards point's y (u = (1 + y) / (1 - y) mod p), the
private half from the Ed25519 seed (the first 32 bytes of SHA-512(seed), clamped by X25519). So every device that
can check a peer's signatures can seal to it, with no key to publish and no schema change. The sender is not
authenticated by the wrapper: the inner signature does that, and the inner manifest must name the same sender and
recipient as the header (checked by sync/bundle.py).

Before the office knows a new device's key (it arrives with the device's first bundle), the office seals to a key
derived from the enrolment's one-time token (HKDF; the header says "via": "enrolment"): a secret only the office,
the joined device and whoever holds the enrolment file share, so the folder still reveals nothing to anyone else.

The enrolment file itself is sealed to a key derived from a passphrase the office reads out ("via": "passphrase":
scrypt of the passphrase, salted with the recipient's id, as the X25519 private key), so a lost USB stick gives away
neither the starter data nor the token.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"SDSEAL1\n"
CHUNK = 64 * 1024
TAG = 16
MAX_HEADER = 1024
_INFO = b"safety-desk sealed bundle v1"
_P = 2**255 - 19


class SealProblem(ValueError):
    """A sealed file that cannot be opened here; `kind` says why: "header", "recipient", "key" or "damaged"."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind


DEVICE_KEY = "device"
ENROLMENT_KEY = "enrolment"
PASSPHRASE_KEY = "passphrase"
# scrypt for an enrolment passphrase: 2^15 x 8 (32 MiB, about a tenth of a second) — each guess costs that much.
PASSPHRASE_N, PASSPHRASE_R, PASSPHRASE_P = 2**15, 8, 1


@dataclass(frozen=True)
class Recipient:
    """Whom a file is sealed to: an X25519 public key, and which of the recipient's keys it is (`via`)."""

    via: str
    public: bytes


@dataclass(frozen=True)
class SealHeader:
    sender: str
    recipient: str
    ephemeral: bytes
    chunk: int
    via: str
    raw: bytes  # the header's exact bytes: the associated data of every chunk

    @property
    def size(self) -> int:
        return len(self.raw)


# -- keys ---------------------------------------------------------------------------------------------

def x25519_public_of(ed25519_public_pem: str) -> bytes:
    """The X25519 public key (32 bytes) of the holder of an Ed25519 public key."""
    key = serialization.load_pem_public_key(ed25519_public_pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise SealProblem("key", "not an Ed25519 public key")
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    y = int.from_bytes(raw, "little") & ((1 << 255) - 1)
    if y >= _P or (1 - y) % _P == 0:
        raise SealProblem("key", "the Ed25519 public key is not a usable point")
    u = (1 + y) * pow((1 - y) % _P, _P - 2, _P) % _P
    return u.to_bytes(32, "little")


def x25519_private_of(ed25519_private_pem: str) -> X25519PrivateKey:
    """This device's X25519 private key, from its Ed25519 private key (the matching half of x25519_public_of)."""
    key = serialization.load_pem_private_key(ed25519_private_pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SealProblem("key", "not an Ed25519 private key")
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())
    return X25519PrivateKey.from_private_bytes(hashlib.sha512(seed).digest()[:32])


def enrolment_private(token: str, device_id: str) -> X25519PrivateKey:
    """The X25519 key both ends derive from an enrolment's one-time token (used until the device's own is known)."""
    secret = HKDF(hashes.SHA256(), 32, salt=device_id.encode("utf-8"),
                  info=b"safety-desk enrolment seal").derive(token.encode("utf-8"))
    return X25519PrivateKey.from_private_bytes(secret)


def passphrase_private(secret: bytes, recipient_id: str) -> X25519PrivateKey:
    """The X25519 key of an enrolment passphrase's bytes for the device (or hub) `recipient_id`."""
    derived = hashlib.scrypt(secret, salt=b"safety-desk enrolment passphrase|" + recipient_id.encode("utf-8"),
                             n=PASSPHRASE_N, r=PASSPHRASE_R, p=PASSPHRASE_P, maxmem=128 * 1024**2, dklen=32)
    return X25519PrivateKey.from_private_bytes(derived)


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def device_recipient(ed25519_public_pem: str) -> Recipient:
    return Recipient(DEVICE_KEY, x25519_public_of(ed25519_public_pem))


def passphrase_recipient(secret: bytes, recipient_id: str) -> Recipient:
    return Recipient(PASSPHRASE_KEY, _raw(passphrase_private(secret, recipient_id).public_key()))


def enrolment_recipient(token: str, device_id: str) -> Recipient:
    return Recipient(ENROLMENT_KEY, _raw(enrolment_private(token, device_id).public_key()))


def my_keys(ed25519_private_pem: str | None, token: str | None, device_id: str) -> dict[str, X25519PrivateKey]:
    """The keys this device opens sealed files with, by `via`."""
    keys = {}
    if ed25519_private_pem:
        keys[DEVICE_KEY] = x25519_private_of(ed25519_private_pem)
    if token:
        keys[ENROLMENT_KEY] = enrolment_private(token, device_id)
    return keys


def _file_key(shared: bytes, ephemeral: bytes, recipient_public: bytes) -> AESGCM:
    return AESGCM(HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient_public, info=_INFO).derive(shared))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# -- the header ---------------------------------------------------------------------------------------

def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(handle: BinaryIO) -> SealHeader:
    """The clear header at the start of a sealed file (raises SealProblem("header") when it is not one)."""
    handle.seek(0)
    start = handle.read(len(MAGIC) + 2)
    if len(start) != len(MAGIC) + 2 or not start.startswith(MAGIC):
        raise SealProblem("header", "not a sealed bundle")
    (length,) = struct.unpack(">H", start[len(MAGIC):])
    if length > MAX_HEADER:
        raise SealProblem("header", "the header is too long")
    body = handle.read(length)
    if len(body) != length:
        raise SealProblem("header", "the header is truncated")
    try:
        fields = json.loads(body.decode("utf-8"))
        sender, recipient, chunk, via = fields["sender"], fields["recipient"], fields["chunk"], fields["via"]
        ephemeral = base64.b64decode(fields["ephemeral"], validate=True)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise SealProblem("header", f"the header is not valid: {exc}") from None
    if not (isinstance(sender, str) and isinstance(recipient, str) and isinstance(chunk, int)
            and not isinstance(chunk, bool) and 1024 <= chunk <= 16 * 1024**2 and len(ephemeral) == 32
            and via in (DEVICE_KEY, ENROLMENT_KEY, PASSPHRASE_KEY)):
        raise SealProblem("header", "the header is not valid")
    return SealHeader(sender, recipient, ephemeral, chunk, via, start + body)


def _make_header(sender: str, recipient: str, ephemeral: bytes, chunk: int, via: str) -> bytes:
    body = json.dumps({"sender": sender, "recipient": recipient, "chunk": chunk, "via": via,
                       "ephemeral": base64.b64encode(ephemeral).decode("ascii")}, sort_keys=True).encode("utf-8")
    return MAGIC + struct.pack(">H", len(body)) + body


# -- writing --------------------------------------------------------------------------------------------

class SealingWriter(io.RawIOBase):
    """A write-only, unseekable file object that seals what is written to it into `target` (an open binary file).
    zipfile writes to it as to a pipe (data descriptors); close() writes the last chunk."""

    def __init__(self, target: BinaryIO, sender: str, recipient: str, to: Recipient, chunk: int = CHUNK) -> None:
        super().__init__()
        recipient_public = to.public
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw,
                                                               serialization.PublicFormat.Raw)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
        self._aead = _file_key(shared, ephemeral_public, recipient_public)
        self._header = _make_header(sender, recipient, ephemeral_public, chunk, to.via)
        self._target = target
        self._chunk = chunk
        self._pending = bytearray()
        self._index = 0
        self._position = 0
        self._finished = False
        target.write(self._header)

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def write(self, data) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        self._pending += view
        self._position += len(view)
        # Keep at least one byte back: the last chunk is only known at close.
        while len(self._pending) > self._chunk:
            self._emit(bytes(self._pending[:self._chunk]), last=False)
            del self._pending[:self._chunk]
        return len(view)

    def _emit(self, plain: bytes, last: bool) -> None:
        self._target.write(self._aead.encrypt(_nonce(self._index, last), plain, self._header))
        self._index += 1

    def finish(self) -> None:
        if not self._finished:
            self._finished = True
            self._emit(bytes(self._pending), last=True)
            self._pending.clear()

    def close(self) -> None:
        if not self.closed:
            self.finish()
        super().close()


# -- reading ----------------------------------------------------------------------------------------------

class SealedReader(io.RawIOBase):
    """A read-only, seekable view of the zip inside a sealed file, decrypting (and authenticating) one chunk at a
    time. A chunk that does not authenticate raises SealProblem("damaged")."""

    def __init__(self, path: Path, my_device_id: str, keys: dict[str, X25519PrivateKey]) -> None:
        super().__init__()
        self._file = open(path, "rb")
        try:
            self.header = read_header(self._file)
            if self.header.recipient != my_device_id:
                raise SealProblem("recipient", self.header.recipient)
            private = keys.get(self.header.via)
            if private is None:
                raise SealProblem("key", f"this device holds no {self.header.via} key")
            mine = _raw(private.public_key())
            try:
                shared = private.exchange(X25519PublicKey.from_public_bytes(self.header.ephemeral))
            except ValueError:  # a low-order ephemeral point: an all-zero shared secret
                raise SealProblem("damaged", "the ephemeral key is not valid") from None
            self._aead = _file_key(shared, self.header.ephemeral, mine)
            sealed = os.fstat(self._file.fileno()).st_size - self.header.size
            step = self.header.chunk + TAG
            self._chunks = max(1, -(-sealed // step))
            last = sealed - (self._chunks - 1) * step
            if sealed <= 0 or last < TAG:
                raise SealProblem("damaged", "the sealed content is truncated")
            self._size = sealed - self._chunks * TAG
            self._position = 0
            self._cached: tuple[int, bytes] | None = None
            self._chunk(self._chunks - 1)  # the last chunk first: a file cut short is refused at once
        except BaseException:
            self._file.close()
            raise

    @property
    def size(self) -> int:
        return self._size

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        step = self.header.chunk + TAG
        self._file.seek(self.header.size + index * step)
        sealed = self._file.read(step)
        try:
            plain = self._aead.decrypt(_nonce(index, index == self._chunks - 1), sealed, self.header.raw)
        except InvalidTag:
            raise SealProblem("damaged", f"chunk {index} does not authenticate") from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: self._size}[whence]
        position = base + offset
        if position < 0:
            raise OSError("negative seek position")
        self._position = position
        return position

    def readinto(self, buffer) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._position < self._size:
            index, offset = divmod(self._position, self.header.chunk)
            plain = self._chunk(index)
            part = plain[offset:offset + len(view) - done]
            view[done:done + len(part)] = part
            done += len(part)
            self._position += len(part)
        return done

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._cached = None
        super().close()
