"""Backup files: made with SQLite's backup API on a connection of their own, named by time and reason, rotated."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from safety_desk.domain.backup_rotation import BackupStamp, backups_to_keep
from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.language import say
from safety_desk.paths import private_file, private_folder
from safety_desk.store import cipher
from safety_desk.store.errors import BackupFailed, DiskFull, MissingDatabase, write_error

# <database stem>-<YYYYMMDD-HHMMSS Beijing time>[_<n>]-<reason>.db, e.g. safety-desk-20261127-093012-daily.db
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:_(?P<n>\d+))?-(?P<reason>[a-z][a-z-]*)\.db$")
_STAMP = "%Y%m%d-%H%M%S"
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class BackupFile:
    """One backup in a database's backups folder."""

    path: Path
    made_at: datetime  # Beijing time, to the second
    reason: str
    size: int

    @property
    def stamp(self) -> BackupStamp:
        return BackupStamp(self.path.name, self.made_at, self.reason)


def backups_dir_for(db_path: Path) -> Path:
    """Backups of a database live beside it in `<stem>-backups/` (like its photos in `<stem>-media/`).

    Named after the database so two databases in one folder (safety-desk.db and demo.db in the data dir) never
    rotate each other's backups.
    """
    db_path = Path(db_path)
    return db_path.parent / (db_path.stem + "-backups")


def backup_name(db_path: Path, made_at: datetime, reason: str) -> Path:
    """A fresh path in the backups folder for a backup made at `made_at` for `reason` (never an existing one)."""
    folder = backups_dir_for(db_path)
    stamp = made_at.astimezone(BEIJING).strftime(_STAMP)
    stem = Path(db_path).stem
    private_folder(folder)
    # Past the highest number of this second, not into a gap the rotation left: the newest copy must sort newest,
    # or the rotation deletes it at once (several imports within one second).
    taken = [int(m["n"] or 1) for p in folder.glob(f"{stem}-{stamp}*-{reason}.db*")
             if (m := _NAME.match(p.name.removesuffix(PARTIAL_SUFFIX))) and m["stem"] == stem]
    n = max(taken, default=0) + 1
    while True:
        candidate = folder / (f"{stem}-{stamp}-{reason}.db" if n == 1 else f"{stem}-{stamp}_{n}-{reason}.db")
        n += 1
        if candidate.exists():
            continue
        # Reserved by creating its partial file exclusively: two processes backing up in the same second (two
        # imports at once) never pick the same name. backup_copy fills the reserved file and renames it.
        try:
            os.close(os.open(candidate.with_name(candidate.name + PARTIAL_SUFFIX), os.O_CREAT | os.O_EXCL | os.O_WRONLY,
                             0o600))
        except FileExistsError:
            continue
        return candidate


def list_backups(db_path: Path) -> list[BackupFile]:
    """The database's backups, newest first (files that do not follow the naming scheme are left out)."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = []
    stem = Path(db_path).stem
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != stem or not entry.is_file():
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=BEIJING)
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(entry, made_at, match["reason"], size))
    found.sort(key=lambda b: (b.made_at, int(_NAME.match(b.path.name)["n"] or 1)), reverse=True)
    return found


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database to `target` with SQLite's backup API (consistent even under WAL).

    Written to `target.partial` and renamed when complete, so a crash or a full disk never leaves a half backup
    under a backup's name. Copied in one step: in WAL mode that reads one snapshot while writers carry on (a
    stepwise copy would restart whenever another connection writes).
    """
    target = Path(target)
    private_folder(target.parent)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    if partial.exists() and partial.stat().st_size > 0:
        partial.unlink()  # left by a crash; an empty one is this backup's reservation (backup_name)
    try:
        private_file(partial)  # for its owner only (0600), as the database is
        # The copy is encrypted with the same key as its source (SQLCipher's backup API copies pages between
        # databases of one key), so a backup opens with the database's key slots and reveals nothing without them.
        key = cipher.key_of(conn)
        dest = cipher.connect(partial, key=key, plain=key is None)
        try:
            conn.backup(dest)
            # A self-contained file: opening the backup later (even read-only) makes no -wal/-shm beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if key is not None:
        _keep_key_slots(conn, target)
    return target


def _keep_key_slots(conn, target: Path) -> None:
    """An encrypted backup carries a copy of its database's key slots (`<backup>.keys`: wrapped keys only), so it
    opens on another computer with a password or the recovery key after the original is lost."""
    main = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    source = cipher.key_file_for(Path(main)) if main else None
    if source is None or not source.exists():
        return
    keys = cipher.key_file_for(target)
    temporary = keys.with_name(keys.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(source.read_bytes())
    os.replace(temporary, keys)


def open_source(path: Path) -> sqlite3.Connection:
    """A connection of its own to copy `path` from; it never writes (query_only)."""
    conn = cipher.connect(Path(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA query_only = ON")
    return conn


def copy_database(source: Path, target: Path) -> Path:
    """Back up the database file `source` to `target` on a connection of its own (safe beside a running app)."""
    conn = open_source(source)
    try:
        return backup_copy(conn, target)
    finally:
        conn.close()


def prune(db_path: Path) -> list[Path]:
    """Delete the backups the rotation rule no longer keeps (domain/backup_rotation.py); returns them."""
    backups = list_backups(db_path)
    keep = backups_to_keep([b.stamp for b in backups])
    removed = []
    for backup in backups:
        if backup.path.name not in keep:
            try:
                backup.path.unlink()
                for companion in ("-wal", "-shm", "-journal", cipher.KEY_FILE_SUFFIX):
                    backup.path.with_name(backup.path.name + companion).unlink(missing_ok=True)
            except OSError:
                continue
            removed.append(backup.path)
    return removed


def make_backup(db_path: Path, reason: str, made_at: datetime) -> BackupFile:
    """Back up the database at `db_path` into its backups folder for `reason`, then apply the rotation rule.

    Raises BackupFailed (nothing changed, no half file left) when the copy cannot be made, e.g. the disk is full.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise MissingDatabase(say(f"{db_path}: 数据库不存在", f"{db_path}: no database here"))
    target = backup_name(db_path, made_at, reason)
    export_copy(db_path, target)
    prune(db_path)
    return BackupFile(target, made_at.astimezone(BEIJING).replace(microsecond=0), reason, target.stat().st_size)


def export_copy(db_path: Path, target: Path) -> Path:
    """copy_database with its failures as BackupFailed saying what happened; the database is never changed."""
    try:
        return copy_database(db_path, target)
    except (*cipher.Error, OSError) as exc:
        target.with_name(target.name + PARTIAL_SUFFIX).unlink(missing_ok=True)  # a reservation, or a half copy
        if isinstance(write_error(exc, target), DiskFull) or getattr(exc, "errno", None) == errno.ENOSPC:
            detail = say("磁盘已满", "the disk is full")
        elif isinstance(exc, OSError):
            detail = exc.strerror or str(exc)
        else:
            detail = str(exc)
        raise BackupFailed(say(f"{target}: 备份失败（{detail}），数据库未改动",
                               f"{target}: the backup failed: {detail}; the database was not changed")) from exc
