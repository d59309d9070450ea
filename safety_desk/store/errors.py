"""The store's errors: each message says what happened (in the user's language) and that nothing was lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from safety_desk.domain.language import say

try:
    import sqlcipher3.dbapi2 as _sqlcipher
except ImportError:  # pragma: no cover - a pinned dependency
    _sqlcipher = None

# What either driver (Python's sqlite3 for plain files, sqlcipher3 for encrypted ones: store/cipher.py) raises.
SQL_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,) + ((_sqlcipher.Error,) if _sqlcipher else ())
SQL_DATABASE_ERRORS: tuple[type[BaseException], ...] = (
    (sqlite3.DatabaseError,) + ((_sqlcipher.DatabaseError,) if _sqlcipher else ()))
SQL_OPERATIONAL_ERRORS: tuple[type[BaseException], ...] = (
    (sqlite3.OperationalError,) + ((_sqlcipher.OperationalError,) if _sqlcipher else ()))


class StoreError(Exception):
    """A database could not be opened or used; the message says why and names the file."""


class WrongThread(RuntimeError):
    """A connection was used on a thread other than the one that opened it (a worker on the window's connection):
    a bug, not a state of the file (see Database.check_thread)."""


class NotASafetyDeskDatabase(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class MissingDatabase(StoreError):
    pass


class SameDatabase(StoreError):
    """A backup to restore that is the database itself."""


class WriteFailed(StoreError):
    """A change could not be saved; its transaction was rolled back and everything committed before is intact."""


class DiskFull(WriteFailed):
    pass


class ReadOnlyDatabase(WriteFailed):
    pass


class DiskWriteError(WriteFailed):
    pass


class DatabaseBusy(WriteFailed):
    pass


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 5, 8, 10, 13


def write_error(exc: BaseException, path: Path | str) -> WriteFailed | None:
    """The friendly error for a failed write (disk full, read-only, I/O error, busy), or None for others.

    Recognised by SQLite's result code, or by its message when there is none (an error raised by hand in tests).
    """
    if not isinstance(exc, SQL_ERRORS):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    where = f" [{path}]"
    if primary == _SQLITE_FULL or "disk is full" in text:
        return DiskFull(say("磁盘已满，刚才的修改未保存，之前的数据完好。请清理磁盘空间后重试",
                            "the disk is full: the last change was not saved; everything before it is intact. Free some disk space and try again")
                        + where)
    if primary == _SQLITE_READONLY or "readonly database" in text or "read-only" in text:
        return ReadOnlyDatabase(say("数据库只读，刚才的修改未保存，之前的数据完好。请检查文件和文件夹的写入权限",
                                    "the database is read-only: the last change was not saved; everything before it is intact. Check that the file and its folder may be written") + where)
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return DiskWriteError(say("写入磁盘失败，刚才的修改未保存，之前的数据完好。请检查磁盘或U盘是否可用",
                                  "writing to the disk failed: the last change was not saved; everything before it is intact. Check the disk or USB drive") + where)
    if primary == _SQLITE_BUSY or "database is locked" in text:
        return DatabaseBusy(say("数据库正被另一个程序占用，刚才的修改未保存，之前的数据完好。请稍后重试",
                                "the database is in use by another program: the last change was not saved; everything before it is intact. Try again in a moment") + where)
    return None


class BackupFailed(StoreError):
    """A backup could not be made (or a restore could not keep the current database); nothing was changed."""
