"""Encryption at rest: unlocking a database with a password or the recovery key, encrypting a plain one, re-wrapping.

One random data key per database encrypts it (SQLCipher, store/cipher.py); `<database>.keys` holds it wrapped per
local account and once by the recovery key (store/keyfile.py). Who gets a slot:
- the account that encrypts the database (`init --admin`, or the first sign-in on a plain database, which
  encrypts it in place), and the recovery key printed or shown once then;
- an account whose password is set on this device while the database is unlocked: created here (its one-time
  password), reset here, or changed here (the slot is re-wrapped);
- an account without a slot here (it arrived by sync) signs in once after someone with a slot, or the recovery
  key, has unlocked the database in this process: its password is checked against its hash inside the database,
  then its slot is made (`ensure_person_slot`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.language import say
from safety_desk.media.files import photo_key, seal_folder
from safety_desk.paths import media_dir_for
from safety_desk.store import cipher
from safety_desk.store.encryption import encrypt_in_place, plain_backups
from safety_desk.store.errors import StoreError
from safety_desk.store.keyfile import (
    KeyFileError, WrongSecret, new_data_key, new_recovery_key, new_slots, read_slots, write_slots,
)

__all__ = ["EncryptionStatus", "KeyFileError", "UnlockRefused", "WrongSecret", "check_key_file", "encrypt_database",
           "encryption_status", "ensure_person_slot", "is_encrypted", "is_unlocked", "lock", "photo_key_for",
           "remove_password_slot",
           "set_password_slot", "set_password_slots", "unlock", "unlock_with_recovery"]


class UnlockRefused(StoreError):
    """The database stays locked: a wrong password or recovery key, a missing or damaged key file."""


def is_encrypted(path: Path) -> bool:
    """An encrypted database with its key file beside it (a file without one is refused as not a database, with
    a hint that its key file may be missing: store/connection.py)."""
    return cipher.is_encrypted(Path(path)) and cipher.key_file_for(Path(path)).exists()


def photo_key_for(path: Path) -> bytes | None:
    """The key the database's photo files are sealed with (media/files.py), None for a plain database;
    DatabaseLocked when it is encrypted and this process holds no key for it."""
    path = Path(path)
    if not cipher.is_encrypted(path):
        return None
    key = cipher.key_for(path)
    if key is None:
        raise cipher.DatabaseLocked(say(f"{path}: 数据库已加密，请先登录（输入密码）或使用恢复密钥解锁",
                                        f"{path}: the database is encrypted; sign in (password) or unlock it with the recovery key first"))
    return photo_key(key)


def is_unlocked(path: Path) -> bool:
    return cipher.key_for(Path(path)) is not None


def lock(path: Path) -> None:
    """Forget the database's key in this process (sign-out, tests)."""
    cipher.forget_key(Path(path))


def _check_opens(path: Path, key: bytes) -> None:
    if not cipher.opens_with(path, key):
        raise UnlockRefused(say(f"{path}: 密钥文件与此数据库不匹配（来自另一个数据库或已损坏），数据库未解锁、未改动",
                                 f"{path}: the key file does not match this database (it is another database's, or "
                                 "damaged); the database was not unlocked nor changed"))


def check_key_file(path: Path) -> None:
    """UnlockRefused, naming the file, when the encrypted database's key file is missing or damaged."""
    try:
        read_slots(Path(path))
    except KeyFileError as exc:
        raise UnlockRefused(str(exc)) from None


def unlock(path: Path, login: str, password: str) -> None:
    """Unwrap the data key of `login`'s slot with `password` and keep it for this process; UnlockRefused
    (Chinese, nothing changed) otherwise. A plain database needs no unlocking."""
    path = Path(path)
    if not is_encrypted(path):
        return
    try:
        slots = read_slots(path)
        key = slots.open_person(login, password)
    except (KeyFileError, WrongSecret) as exc:
        raise UnlockRefused(str(exc)) from None
    _check_opens(path, key)
    cipher.remember_key(path, key)


def unlock_with_recovery(path: Path, recovery_key: str) -> None:
    path = Path(path)
    if not is_encrypted(path):
        return
    try:
        key = read_slots(path).open_recovery(recovery_key)
    except (KeyFileError, WrongSecret) as exc:
        raise UnlockRefused(str(exc)) from None
    _check_opens(path, key)
    cipher.remember_key(path, key)


@dataclass(frozen=True)
class Encrypted:
    """What encrypting a database gave: the recovery key (shown once) and the backup taken first."""

    path: Path
    recovery_key: str
    backup: Path | None

    def describe(self) -> str:
        return say(f"数据库已加密：{self.path}\n"
                   f"恢复密钥（只显示这一次，请抄写或打印后交安全办保管）：{self.recovery_key}\n"
                   "忘记所有密码或密钥文件损坏时，凭恢复密钥才能打开数据库。",
                   f"database encrypted: {self.path}\n"
                   f"recovery key (shown this once: write it down or print it for the office to keep): "
                   f"{self.recovery_key}\n"
                   "When every password is forgotten or the key file is damaged, only the recovery key opens the "
                   "database.")


def encrypt_database(path: Path, *, login: str, password: str, label: str = "",
                     clock: Clock | None = None) -> Encrypted:
    """Encrypt the plain database at `path` in place, with a slot for `login` and a new recovery key.

    Every connection of this process to it must be closed first; another program holding it open refuses it
    (DatabaseInUse). Raises StoreError with the database unchanged and plain when anything fails."""
    path = Path(path)
    key = new_data_key()
    slots = new_slots(label)
    slots.set_person(login, password, key)
    recovery = new_recovery_key()
    slots.set_recovery(recovery, key)
    backup = encrypt_in_place(path, key, slots, (clock or SystemClock()).now())
    # The photos (and their thumbnails) too, each file replaced atomically; one that cannot be written now stays
    # readable as it is and is sealed at the next encryption of the folder (doctor reports plain photo files).
    seal_folder(media_dir_for(path), photo_key(key))
    return Encrypted(path, recovery, backup)


def set_password_slot(path: Path, login: str, password: str, *, one_time: bool = False) -> None:
    """(Re)wrap the unlocked database's key for `login` under `password` (an account created, reset or changed
    here; `one_time`: a random one-time password, wrapped at a lower cost). Nothing to do for a plain database;
    StoreError when the database is encrypted but not unlocked."""
    set_password_slots(path, [(login, password)], one_time={login} if one_time else ())


def set_password_slots(path: Path, accounts: list[tuple[str, str]], one_time=()) -> None:
    """set_password_slot for many accounts (a people import), the key file written once; `one_time`: the logins
    whose password is a one-time one."""
    path = Path(path)
    if not accounts or not is_encrypted(path):
        return
    key = cipher.key_for(path)
    if key is None:
        raise cipher.DatabaseLocked(say(f"{path}: 数据库未解锁，无法保存账号的密钥",
                                        f"{path}: the database is locked: the account's key cannot be saved"))
    slots = read_slots(path)
    for login, password in accounts:
        slots.set_person(login, password, key, one_time=login in one_time)
    write_slots(path, slots)


def remove_password_slot(path: Path, login: str) -> bool:
    """A disabled account's password no longer opens the database file here (its slot is removed)."""
    path = Path(path)
    if not is_encrypted(path):
        return False
    try:
        slots = read_slots(path)
    except KeyFileError:
        return False
    if not slots.remove_person(login):
        return False
    write_slots(path, slots)
    return True


def ensure_person_slot(path: Path, login: str, password: str) -> bool:
    """After a successful sign-in (password checked against its hash): give `login` a slot if it has none.
    Returns whether one was made."""
    path = Path(path)
    if not is_encrypted(path) or cipher.key_for(path) is None:
        return False
    try:
        if read_slots(path).has_person(login):
            return False
    except KeyFileError:
        return False
    set_password_slot(path, login, password)
    return True


def set_label(path: Path, label: str) -> None:
    """The office name the sign-in window shows before the database is open."""
    path = Path(path)
    if not is_encrypted(path):
        return
    slots = read_slots(path)
    if slots.label != label:
        slots.label = label
        write_slots(path, slots)


def label_of(path: Path) -> str:
    try:
        return read_slots(Path(path)).label
    except KeyFileError:
        return ""


@dataclass(frozen=True)
class EncryptionStatus:
    encrypted: bool
    detail: str
    ok: bool = True


def encryption_status(path: Path) -> EncryptionStatus:
    """What `doctor` says about the database's encryption (and its backups')."""
    path = Path(path)
    if not is_encrypted(path):
        return EncryptionStatus(False, say("未加密（数据库、备份和照片可被任何拿到文件的人读取；登录后自动加密）",
                                           "not encrypted (anyone who has the files can read the database, backups "
                                           "and photos; it is encrypted at the next sign-in)"))
    try:
        slots = read_slots(path)
    except KeyFileError as exc:
        return EncryptionStatus(True, say(f"已加密，但{exc}", f"encrypted, but {exc}"), ok=False)
    people = sum(1 for s in slots.slots if s.get("kind") == "person")
    recovery = any(s.get("kind") == "recovery" for s in slots.slots)
    plain = plain_backups(path)
    version = cipher.cipher_version() or "?"
    detail = say(f"已加密（SQLCipher {version}，AES-256）；密钥位置：账号 {people} 个，恢复密钥 {'有' if recovery else '无'}",
                 f"encrypted (SQLCipher {version}, AES-256); key slots: {people} account(s), recovery key "
                 f"{'present' if recovery else 'missing'}")
    if plain:
        return EncryptionStatus(True, detail + say(f"；但有 {len(plain)} 个未加密的旧备份：{plain[0].name} 等",
                                                   f"; but {len(plain)} old backup(s) are not encrypted: "
                                                   f"{plain[0].name} and others"), ok=False)
    return EncryptionStatus(True, detail, ok=recovery)
