"""Encrypting a plain database in place: backup, SQLCipher export into a new file, key file, atomic rename.

The order keeps every moment recoverable: the plain file stays whole until the encrypted copy has been written,
checked and synced; the key file is written before the rename, so a crash between the two leaves a plain database
(it still opens, and the next start encrypts it again with a new key). Plain backups made before (including the
one taken here) are then encrypted under the same key, so the backups folder reveals nothing either.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from safety_desk.domain.backup_rotation import MIGRATION
from safety_desk.domain.language import say
from safety_desk.paths import private_file
from safety_desk.store import cipher
from safety_desk.store.backups import backup_name, backups_dir_for, export_copy, prune
from safety_desk.store.errors import StoreError
from safety_desk.store.keyfile import KeySlots, write_slots
from safety_desk.store.open_lock import exclusively

ENCRYPTING_SUFFIX = ".encrypting"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _checkpoint(db_path: Path) -> None:
    """Fold the WAL into the file, so the export reads everything committed and the -wal can go."""
    conn = cipher.connect(db_path, isolation_level=None, plain=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {10_000}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def _encrypted_copy(source: Path, target: Path, key: bytes) -> None:
    target.unlink(missing_ok=True)
    try:
        private_file(target)  # 0600 before SQLCipher writes into it: it replaces the database or a backup
        cipher.export_encrypted(source, target, key)
        conn = cipher.connect(target, key=key, isolation_level=None)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
        if problems != ["ok"]:
            raise StoreError(say(f"{target}: 加密后的副本检查未通过（{'; '.join(problems[:3])}）",
                                 f"{target}: the encrypted copy failed its check ({'; '.join(problems[:3])})"))
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def encrypt_in_place(db_path: Path, key: bytes, slots: KeySlots, made_at: datetime) -> Path | None:
    """Encrypt the plain database at `db_path` with `key`, its key slots `slots` written beside it. Returns the
    backup taken first (encrypted too by the time this returns). No other program may have the database open;
    this process must have closed its own connections. Raises StoreError, the database unchanged and plain."""
    db_path = Path(db_path)
    if not cipher.is_plain(db_path):
        raise StoreError(say(f"{db_path}: 不是未加密的数据库，无需加密",
                             f"{db_path}: not a plain database: nothing to encrypt"))
    with exclusively(db_path, say("加密", "encrypt")):
        try:
            _checkpoint(db_path)
            backup = backup_name(db_path, made_at, MIGRATION)
            export_copy(db_path, backup)
            staged = db_path.with_name(db_path.name + ENCRYPTING_SUFFIX)
            _encrypted_copy(db_path, staged, key)
            write_slots(db_path, slots)
            os.replace(staged, db_path)
        except cipher.Error as exc:
            raise StoreError(say(f"{db_path}: 加密失败，数据库未改动，仍未加密（{exc}）",
                                 f"{db_path}: encryption failed; the database is unchanged, still plain "
                                 f"({exc})")) from exc
        except OSError as exc:
            raise StoreError(say(f"{db_path}: 加密失败，数据库未改动，仍未加密（{exc.strerror or exc}）",
                                 f"{db_path}: encryption failed; the database is unchanged, still plain "
                                 f"({exc.strerror or exc})")) from exc
        for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        _fsync_dir(db_path.parent)
        cipher.remember_key(db_path, key)
        encrypt_plain_backups(db_path, key)
        prune(db_path)
    return backup


def encrypt_plain_backups(db_path: Path, key: bytes) -> list[Path]:
    """Encrypt every plain backup in the database's backups folder with `key` (each replaced atomically)."""
    done = []
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return done
    for backup in sorted(folder.glob(Path(db_path).stem + "-*.db")):
        if not cipher.is_plain(backup):
            continue
        staged = backup.with_name(backup.name + ENCRYPTING_SUFFIX)
        try:
            _encrypted_copy(backup, staged, key)
            os.replace(staged, backup)
        except (*cipher.Error, OSError, StoreError):
            staged.unlink(missing_ok=True)
            continue  # left as it was; doctor reports plain backups
        for companion in ("-wal", "-shm", "-journal"):
            backup.with_name(backup.name + companion).unlink(missing_ok=True)
        done.append(backup)
    return done


def plain_backups(db_path: Path) -> list[Path]:
    """Backups of the database still in plain text (doctor reports them for an encrypted database)."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.glob(Path(db_path).stem + "-*.db")) if cipher.is_plain(p)]
