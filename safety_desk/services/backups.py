"""Backups and restore: automatic at start (at most daily) and before imports, by hand, and restoring one.

Where: beside the database, in `<stem>-backups/` (safety-desk.db -> safety-desk-backups/), one file per backup
named `<stem>-<YYYYMMDD-HHMMSS Beijing time>-<reason>.db`. Which are kept: domain/backup_rotation.py (the newest
daily backup of each of the last 7 days and 4 ISO weeks that have one; the newest 3 of each of import,
migration and before-restore; manual ones always). Every backup is made with SQLite's backup API on a
connection of its own, so it is consistent while the program writes, and never shares the window's connection.
Backups hold the database; photo files (`<stem>-media/`, named by their hash, never deleted) are not copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from safety_desk.domain.backup_rotation import DAILY, MANUAL, daily_backup_due
from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.language import say
from safety_desk.services.session import Action, Session
from safety_desk.store.backups import BackupFile, backups_dir_for, export_copy, list_backups, make_backup
from safety_desk.store.connection import check_database_file
from safety_desk.store.restore import restore_database
from safety_desk.store.store import Store

__all__ = ["BackupFile", "BackupService", "RestoreResult", "backup_at_start", "backups_dir_for", "check_database_file",
           "export_backup", "latest_backup", "list_backups", "restore_backup", "take_backup"]



@dataclass(frozen=True)
class RestoreResult:
    source: Path
    schema_version: int
    kept: BackupFile | None  # the database the restore replaced

    def describe(self) -> str:
        if self.kept is None:
            return say(f"已从 {self.source} 恢复（数据库版本 {self.schema_version}）",
                       f"restored from {self.source} (schema {self.schema_version})")
        return say(f"已从 {self.source} 恢复（数据库版本 {self.schema_version}）；原数据库已保留：{self.kept.path}",
                   f"restored from {self.source} (schema {self.schema_version}); the replaced database was kept as "
                   f"{self.kept.path}")


def _path_of(store_or_path: Store | Path | str) -> Path:
    return store_or_path.path if isinstance(store_or_path, Store) else Path(store_or_path)


def _now(store_or_path: Store | Path | str, clock: Clock | None) -> datetime:
    """Now by the given clock, else by the open store's own (the injected one), else the system's."""
    if clock is None:
        clock = store_or_path.db.wall if isinstance(store_or_path, Store) else SystemClock()
    return clock.now()


def take_backup(store_or_path: Store | Path | str, reason: str = MANUAL, *, clock: Clock | None = None) -> BackupFile:
    """Back up the database now into its backups folder (reason: "import", "manual", ...) and rotate.

    Call it right before an import's write transaction (never inside one). Opens its own connection, so it may
    run in a worker thread. Raises BackupFailed (a StoreError) when the copy cannot be made; nothing changed.
    """
    return make_backup(_path_of(store_or_path), reason, _now(store_or_path, clock))


def backup_at_start(db_path: Path | str, *, clock: Clock | None = None) -> BackupFile | None:
    """The automatic backup when the program starts: made unless one was already made today (Beijing day)."""
    moment = _now(db_path, clock)
    if not daily_backup_due([b.stamp for b in list_backups(Path(db_path))], moment.date()):
        return None
    return make_backup(Path(db_path), DAILY, moment)


def latest_backup(db_path: Path | str) -> BackupFile | None:
    backups = list_backups(Path(db_path))
    return backups[0] if backups else None


def export_backup(db_path: Path | str, target: Path | str) -> Path:
    """`safety-desk backup -o FILE`: a consistent copy of the database at `target` (not rotated, not listed)."""
    return export_copy(Path(db_path), Path(target))


def restore_backup(db_path: Path | str, source: Path | str, *, clock: Clock | None = None) -> RestoreResult:
    """Replace the database by the backup `source` (checked first; the replaced one is kept). See store/restore.py."""
    version, kept = restore_database(Path(db_path), Path(source), _now(db_path, clock))
    return RestoreResult(Path(source), version, kept)


class BackupService:
    """The Settings page's backups: anyone signed in sees the list; only the safety office backs up and restores."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.db_path = session.store.path

    def backups(self) -> list[BackupFile]:
        return list_backups(self.db_path)

    @property
    def folder(self) -> Path:
        return backups_dir_for(self.db_path)

    def may_manage(self) -> bool:
        return self.session.may(Action.MANAGE_BACKUPS)

    def back_up_now(self) -> BackupFile:
        self.session.require(Action.MANAGE_BACKUPS)
        return take_backup(self.db_path, MANUAL, clock=self.session.clock)

    def check(self, source: Path) -> int:
        """The schema version of a backup that may be restored; StoreError saying why not otherwise."""
        self.session.require(Action.MANAGE_BACKUPS)
        return check_database_file(Path(source))

    def restore(self, source: Path) -> RestoreResult:
        """Restore on a connection of its own (run it in a worker); the program must then be started again."""
        self.session.require(Action.MANAGE_BACKUPS)
        return restore_backup(self.db_path, source, clock=self.session.clock)
