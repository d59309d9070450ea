"""The key slots of an encrypted database: `<database>.keys`, the data key wrapped once per local account and once
by the recovery key.

The file (JSON, mode 0600) holds no name and no login in clear: a person's slot is found by a hash of the database
id and the login. Each slot is the 32-byte data key sealed with AES-GCM under a key derived from a secret — a
person's password with scrypt, or the recovery key (random, 160 bits) with HKDF — and the slot's associated data
binds the database id, the kind of slot and the login, so a slot copied into another file or onto another account
does not open. Writes replace the file atomically.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safety_desk.domain.language import say
from safety_desk.store.cipher import key_file_for
from safety_desk.store.errors import StoreError

FORMAT = "safety-desk-keys/1"
# scrypt for a password slot: 2^15 x 8 (32 MiB, about a tenth of a second here) on top of the sign-in's own check.
SLOT_N, SLOT_R, SLOT_P = 2**15, 8, 1
# A one-time password the office hands out is random (58 bits): a cheap slot (2^12) cannot be guessed either, and an
# import of thousands of people stays fast. It is re-wrapped at full cost when the person sets their own password.
ONE_TIME_SLOT_N = 2**12
RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters, printed in 8 groups of 4
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class KeyFileError(StoreError):
    """The key file is missing, damaged, or does not belong to the database."""


class WrongSecret(StoreError):
    """The password or recovery key does not open its slot; nothing was changed."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def new_grouped_secret(size: int) -> str:
    """`size` random bytes as a person reads them out and types them: groups of 4 base32 characters (no 0, 1, 8)."""
    text = base64.b32encode(secrets.token_bytes(size)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_grouped_secret(text: str, size: int) -> bytes | None:
    """The bytes of a typed grouped secret (case, spaces and dashes do not matter; 0, 1 and 8 read as O, I and B);
    None when it is not `size` bytes' worth of base32."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if size % 5 or len(cleaned) != size // 5 * 8 or any(ch not in _B32 for ch in cleaned):
        return None
    return base64.b32decode(cleaned)


def new_recovery_key() -> str:
    """A fresh recovery key as the office writes it down: 8 groups of 4 base32 characters."""
    return new_grouped_secret(RECOVERY_BYTES)


def parse_recovery_key(text: str) -> bytes:
    """The recovery key's bytes from what was typed (case, spaces and dashes do not matter)."""
    secret = parse_grouped_secret(text, RECOVERY_BYTES)
    if secret is None:
        raise WrongSecret(say("恢复密钥格式不对：应为 32 个字母或数字（8 组，每组 4 个）",
                              "the recovery key is not in its format: 32 letters or digits (8 groups of 4)"))
    return secret


def _login_id(database_id: str, login: str) -> str:
    return hashlib.sha256(f"{database_id}|{login.strip().casefold()}".encode("utf-8")).hexdigest()[:32]


def _aad(database_id: str, kind: str, login: str) -> bytes:
    return f"{FORMAT}|{database_id}|{kind}|{login.strip().casefold()}".encode("utf-8")


def _password_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _recovery_key(secret: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"safety-desk recovery slot").derive(secret)


@dataclass
class KeySlots:
    """The parsed key file of one database."""

    database_id: str
    slots: list[dict] = field(default_factory=list)
    label: str = ""  # the office's name, shown on the sign-in window before the database is open

    # -- making slots ---------------------------------------------------------------------------
    def set_person(self, login: str, password: str, data_key: bytes, *, one_time: bool = False) -> None:
        """(Re)wrap the data key for `login` under `password`: a changed or reset password replaces the slot."""
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        n = ONE_TIME_SLOT_N if one_time else SLOT_N
        wrapping = _password_key(password, salt, n, SLOT_R, SLOT_P)
        sealed = AESGCM(wrapping).encrypt(nonce, data_key, _aad(self.database_id, "person", login))
        slot_id = _login_id(self.database_id, login)
        self.slots = [s for s in self.slots if s.get("id") != slot_id]
        self.slots.append({"kind": "person", "id": slot_id, "kdf": "scrypt", "n": n, "r": SLOT_R, "p": SLOT_P,
                           "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(sealed)})

    def remove_person(self, login: str) -> bool:
        slot_id = _login_id(self.database_id, login)
        before = len(self.slots)
        self.slots = [s for s in self.slots if s.get("id") != slot_id]
        return len(self.slots) != before

    def set_recovery(self, recovery_key: str, data_key: bytes) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapping = _recovery_key(parse_recovery_key(recovery_key), salt)
        sealed = AESGCM(wrapping).encrypt(nonce, data_key, _aad(self.database_id, "recovery", ""))
        self.slots = [s for s in self.slots if s.get("kind") != "recovery"]
        self.slots.append({"kind": "recovery", "id": "recovery", "kdf": "hkdf-sha256", "salt": _b64(salt),
                           "nonce": _b64(nonce), "wrapped": _b64(sealed)})

    # -- opening slots --------------------------------------------------------------------------
    def has_person(self, login: str) -> bool:
        return self._slot(_login_id(self.database_id, login)) is not None

    def _slot(self, slot_id: str) -> dict | None:
        return next((s for s in self.slots if s.get("id") == slot_id), None)

    def open_person(self, login: str, password: str) -> bytes:
        """The data key from `login`'s slot; WrongSecret for a wrong password (or a damaged slot)."""
        slot = self._slot(_login_id(self.database_id, login))
        if slot is None:
            raise WrongSecret(say("此账号在本机没有数据库密钥：请先用本机已有密钥的账号或恢复密钥登录一次",
                                  "this account has no database key on this computer: sign in once with an account "
                                  "that has one here, or with the recovery key"))
        try:
            wrapping = _password_key(password, _unb64(slot["salt"]), int(slot["n"]), int(slot["r"]), int(slot["p"]))
            return self._unseal(slot, wrapping, "person", login)
        except (KeyError, ValueError, TypeError):
            raise KeyFileError(say("密钥文件中此账号的密钥已损坏：请用恢复密钥解锁",
                                   "this account's key in the key file is damaged: unlock with the recovery key")) from None

    def open_recovery(self, recovery_key: str) -> bytes:
        secret = parse_recovery_key(recovery_key)
        slot = self._slot("recovery")
        if slot is None:
            raise KeyFileError(say("密钥文件中没有恢复密钥的位置", "the key file has no slot for the recovery key"))
        try:
            return self._unseal(slot, _recovery_key(secret, _unb64(slot["salt"])), "recovery", "")
        except (KeyError, ValueError, TypeError):
            raise KeyFileError(say("密钥文件中恢复密钥的位置已损坏",
                                       "the recovery key's slot in the key file is damaged")) from None

    def _unseal(self, slot: dict, wrapping: bytes, kind: str, login: str) -> bytes:
        try:
            key = AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                           _aad(self.database_id, kind, login))
        except InvalidTag:
            if kind == "recovery":
                raise WrongSecret(say("恢复密钥不对，数据库未解锁，未作任何改动",
                                      "wrong recovery key: the database was not unlocked nor changed")) from None
            raise WrongSecret(say("登录名或密码错误", "wrong login or password")) from None
        if len(key) != 32:
            raise KeyFileError(say("密钥文件已损坏", "the key file is damaged"))
        return key

    # -- the file -------------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "database_id": self.database_id, "label": self.label,
                           "slots": self.slots}, ensure_ascii=False, indent=1)


def new_slots(label: str = "") -> KeySlots:
    return KeySlots(database_id=secrets.token_hex(16), label=label)


def read_slots(db_path: Path) -> KeySlots:
    """The key slots beside the database at `db_path`; KeyFileError naming the file when missing or damaged."""
    path = key_file_for(db_path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise KeyFileError(say(f"{path}: 缺少密钥文件，无法打开加密的数据库（数据库被复制到了别的电脑？请把 "
                               f"{path.name} 一并复制过来）",
                               f"{path}: the key file is missing: the encrypted database cannot be opened (copied to "
                               f"another computer? copy {path.name} along with it)")) from None
    except (OSError, ValueError) as exc:
        raise KeyFileError(say(f"{path}: 密钥文件已损坏或无法读取（{exc}）；请用备份中的密钥文件，数据库未改动",
                               f"{path}: the key file is damaged or cannot be read ({exc}); use the key file of a "
                               "backup; the database was not changed")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), list) \
            or not isinstance(data.get("database_id"), str):
        raise KeyFileError(say(f"{path}: 密钥文件已损坏（格式不对）；数据库未改动",
                               f"{path}: the key file is damaged (not in its format); the database was not changed"))
    return KeySlots(database_id=data["database_id"], slots=[s for s in data["slots"] if isinstance(s, dict)],
                    label=str(data.get("label") or ""))


def write_slots(db_path: Path, slots: KeySlots) -> Path:
    """Replace the key file atomically (written 0600 beside it, synced, renamed)."""
    path = key_file_for(db_path)
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(slots.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
