"""Restoring a backup: check it, keep the database it replaces, then replace the contents in one transaction."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from safety_desk.domain.backup_rotation import BEFORE_RESTORE
from safety_desk.domain.language import say
from safety_desk.paths import private_file, private_folder
from safety_desk.store import cipher
from safety_desk.store.backups import BackupFile, backup_name, export_copy, prune
from safety_desk.store.connection import BUSY_TIMEOUT_MS, check_database_file
from safety_desk.store.errors import BackupFailed, SameDatabase, StoreError, write_error
from safety_desk.store.hub_previews import forget_all as forget_previews
from safety_desk.store.local_state import begin_incarnation
from safety_desk.store.open_lock import exclusively

_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _is_damaged(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def restore_database(db_path: Path, source: Path, made_at: datetime) -> tuple[int, BackupFile | None]:
    """Make the database at `db_path` a copy of the backup `source`; returns (its schema version, the kept copy).

    Refused with a StoreError, changing nothing, unless `source` is a sound SafetyDesk database of a schema this
    program reads (an older one is migrated on the next open). The current database is first kept in the
    backups folder (reason "before-restore"). The contents are then replaced with SQLite's backup API on the
    database itself: one write transaction, so a crash or a full disk midway leaves the old contents whole, and
    the WAL and shared-memory files stay coherent (replacing the file by rename would pair the new file with
    the old one's WAL). Only a current file SQLite cannot read at all is swapped by rename instead.
    """
    db_path, source = Path(db_path), Path(source)
    if _same_file(db_path, source):
        raise SameDatabase(say(f"{source}: 这就是当前的数据库，无需恢复", f"{source}: this is the current database itself"))
    version = check_database_file(source)
    with exclusively(db_path, say("恢复", "restore")):
        return version, _replace(db_path, source, made_at)


def _replace(db_path: Path, source: Path, made_at: datetime) -> BackupFile | None:
    kept = None
    if db_path.exists():
        kept_path = backup_name(db_path, made_at, BEFORE_RESTORE)
        try:
            export_copy(db_path, kept_path)
        except BackupFailed as exc:
            cause = exc.__cause__
            if not (isinstance(cause, cipher.Error) and _is_damaged(cause)):
                raise BackupFailed(say(f"无法保留当前数据库，未恢复: {exc}",
                                       f"could not keep the current database, so nothing was restored: {exc}")) from exc
            _raw_copy(db_path, kept_path)  # unreadable: keep its bytes as they are
        kept = BackupFile(kept_path, made_at, BEFORE_RESTORE, kept_path.stat().st_size)
    try:
        _copy_into(source, db_path)
    except cipher.Error as exc:
        if _is_damaged(exc):
            _swap_file(source, db_path)
        else:
            raise (write_error(exc, db_path) or StoreError(say(f"{db_path}: 恢复失败（{exc}），数据库未改动",
                                                               f"{db_path}: the restore failed: {exc}; the database was not changed"))) from exc
    _new_incarnation(db_path)
    prune(db_path)
    return kept


def _new_incarnation(db_path: Path) -> None:
    """The restored database is a new sync incarnation (store/local_state.py begin_incarnation): it reuses write
    sequence numbers and bundle numbers its peers saw from the replaced one, and lacks what they acknowledged."""
    conn = cipher.connect(db_path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("BEGIN IMMEDIATE")
        begin_incarnation(conn)
        forget_previews(conn)  # the hub's previews of the backup's day: its next listing says what still awaits
        conn.execute("COMMIT")
    except cipher.Error as exc:
        raise StoreError(say(f"{db_path}: 已恢复，但未能标记新的同步周期（{exc}）；同步前请重试恢复",
                             f"{db_path}: restored, but the new sync incarnation could not be recorded: {exc}; restore again before syncing")) from exc
    finally:
        conn.close()


def _copy_into(source: Path, db_path: Path) -> None:
    dest_key = cipher.key_for(db_path) if cipher.is_encrypted(db_path) else None
    fresh = not db_path.exists() or db_path.stat().st_size == 0
    if fresh and cipher.is_encrypted(source):
        # A new computer restoring an encrypted backup: the database keeps its key, and its key slots come along.
        dest_key = cipher.key_for(source)
        slots = cipher.key_file_for(source)
        if not slots.exists():
            slots = cipher.key_file_for(cipher.database_of(source))
        if dest_key is None or not slots.exists():
            raise cipher.DatabaseLocked(say(f"{source}: 备份已加密，请先用密码或恢复密钥解锁它",
                                            f"{source}: the backup is encrypted: unlock it first with a password or "
                                            "the recovery key"))
        shutil.copyfile(slots, cipher.key_file_for(db_path))
        os.chmod(cipher.key_file_for(db_path), 0o600)
        cipher.remember_key(db_path, dest_key)
    if dest_key is not None and cipher.is_plain(source):
        # A backup made before the database was encrypted: encrypted with the database's key first (pages copy
        # only between databases of one key), then copied in as any backup is.
        encrypted = db_path.with_name(db_path.name + ".restoring-encrypted")
        encrypted.unlink(missing_ok=True)
        try:
            cipher.export_encrypted(source, encrypted, dest_key)
            _copy_pages(encrypted, db_path)
        finally:
            encrypted.unlink(missing_ok=True)
        return
    if dest_key is None and cipher.is_encrypted(source) and cipher.is_plain(db_path):
        raise StoreError(say(f"{source}: 这是加密数据库的备份，不能恢复到未加密的数据库 {db_path.name} 上；数据库未改动",
                             f"{source}: this is the backup of an encrypted database; it cannot be restored over the "
                             f"unencrypted database {db_path.name}; the database was not changed"))
    _copy_pages(source, db_path)


def _copy_pages(source: Path, db_path: Path) -> None:
    src = cipher.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        key = cipher.key_of(src)  # pages copy between databases of one key (or two plain ones)
        dest = cipher.connect(db_path, isolation_level=None, key=key, plain=key is None)
        try:
            dest.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _raw_copy(db_path: Path, target: Path) -> None:
    private_folder(target.parent)
    try:
        # Into files made 0600 first: copyfile keeps the mode of a file it overwrites.
        shutil.copyfile(db_path, private_file(target))
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, private_file(target.with_name(target.name + "-wal")))
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise BackupFailed(say(f"无法保留当前数据库（{exc.strerror or exc}），未恢复",
                               f"could not keep the current database, so nothing was restored: {exc.strerror or exc}")) from exc


def _swap_file(source: Path, db_path: Path) -> None:
    """Replace an unreadable database file by a fresh copy of `source`, renamed into place in one step."""
    incoming = db_path.with_name(db_path.name + ".restoring")
    incoming.unlink(missing_ok=True)
    try:
        src = cipher.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            key = cipher.key_of(src)
            dest = cipher.connect(private_file(incoming), key=key, plain=key is None)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except (*cipher.Error, OSError) as exc:
        incoming.unlink(missing_ok=True)
        raise StoreError(say(f"{db_path}: 恢复失败（{exc}）；原数据库已保留在备份文件夹",
                             f"{db_path}: the restore failed: {exc}; the previous database was kept in the backups folder")) from exc
