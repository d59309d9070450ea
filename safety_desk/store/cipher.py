"""Connections to plain and SQLCipher-encrypted database files: which driver, which key, and one error family.

A plain database (the file starts with SQLite's header) opens with Python's sqlite3 as it always has. An encrypted
one opens with `sqlcipher3` and the database's raw 32-byte data key (`PRAGMA key = "x'…'"`: no key derivation per
open, so a reader or a worker connection costs what a plain one does). The data key is unwrapped once, at sign-in
or with the recovery key (services/encryption.py), and kept for this process in `unlocked`, by file: every
connection the process opens to that database — the window's, readers, writers, backups — uses it. A backup is
copied page by page under the same key, so it stays encrypted and opens with the same key slots.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from safety_desk.domain.language import say
from safety_desk.store.errors import SQL_DATABASE_ERRORS, SQL_ERRORS, SQL_OPERATIONAL_ERRORS, StoreError

try:
    import sqlcipher3.dbapi2 as sqlcipher
except ImportError:  # pragma: no cover - the package is a pinned dependency; without it only plain files open
    sqlcipher = None

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_FILE_SUFFIX = ".keys"
ENCRYPTED_CACHE_KIB = 64 * 1024

# Every exception either driver raises, for `except` clauses and isinstance checks in the store.
Error, DatabaseError, OperationalError = SQL_ERRORS, SQL_DATABASE_ERRORS, SQL_OPERATIONAL_ERRORS


class DatabaseLocked(StoreError):
    """An encrypted database this process has no key for: sign in, or give the recovery key."""


class WrongKey(StoreError):
    """A key that does not open the database (a damaged key file, or the files of two different databases)."""


_guard = threading.Lock()
_keys: dict[str, bytes] = {}  # resolved database path -> data key, for this process
_quiet = False


def _silence() -> None:
    """SQLCipher logs every page that fails to decrypt to stderr; a wrong key is refused with a message instead."""
    global _quiet
    if _quiet or sqlcipher is None:
        return
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    except sqlcipher.Error:
        pass
    finally:
        conn.close()
    _quiet = True


def key_file_for(db_path: Path) -> Path:
    """The key slots of a database live beside it: `<database>.keys`."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEY_FILE_SUFFIX)


def is_plain(path: Path) -> bool:
    """True when `path` starts with SQLite's plain-text header (an unencrypted database)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_encrypted(path: Path) -> bool:
    """A non-empty file that is not a plain SQLite file: SQLCipher leaves no recognisable byte in it."""
    path = Path(path)
    try:
        return path.stat().st_size > 0 and not is_plain(path)
    except OSError:
        return False


def remember_key(db_path: Path, key: bytes) -> None:
    """This process may open the database at `db_path` (and its backups) with `key` until `forget_key`."""
    if len(key) != 32:
        raise ValueError("a data key has 32 bytes")
    with _guard:
        _keys[str(Path(db_path).resolve())] = bytes(key)


def forget_key(db_path: Path) -> None:
    with _guard:
        _keys.pop(str(Path(db_path).resolve()), None)


def key_for(path: Path) -> bytes | None:
    """The data key this process holds for `path`: its own, or (a backup, a copy being restored) any key held
    that opens it."""
    resolved = str(Path(path).resolve())
    with _guard:
        own = _keys.get(resolved)
        others = [key for name, key in _keys.items() if name != resolved]
    if own is not None:
        return own
    for key in others:
        if opens_with(path, key):
            return key
    return None


def key_of(conn: Any) -> bytes | None:
    """The data key an open connection uses (None: a plain connection)."""
    if sqlcipher is None or not isinstance(conn, sqlcipher.Connection):
        return None
    main = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    key = key_for(Path(main)) if main else None
    if key is None:
        raise DatabaseLocked(say(f"{main}: 数据库已加密，但找不到它的密钥", f"{main}: the database is encrypted and its key is not here"))
    return key


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def opens_with(path: Path, key: bytes) -> bool:
    """Whether `key` decrypts the database file at `path` (reads its first page; writes nothing)."""
    if sqlcipher is None:
        return False
    _silence()
    try:
        conn = sqlcipher.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlcipher.Error:
        return False
    try:
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return True
    except sqlcipher.Error:
        return False
    finally:
        conn.close()


def row_type(conn: Any) -> type:
    """The Row class of `conn`'s driver (sqlite3.Row or sqlcipher3's)."""
    if sqlcipher is not None and isinstance(conn, sqlcipher.Connection):
        return sqlcipher.Row
    return sqlite3.Row


def connect(path: Path | str, *, uri: bool = False, key: bytes | None = None, plain: bool = False,
            **kwargs: Any) -> Any:
    """A connection to the database file `path` (a file path, or with `uri` a file: URI).

    An encrypted file opens with `key`, else the key this process holds for it; without one, DatabaseLocked.
    A missing or empty file is created plain unless `key` is given. `plain` forces Python's sqlite3 (a file
    known to be plain)."""
    file = Path(unquote(urlparse(str(path)).path)) if uri else Path(path)
    if not plain and key is None and is_encrypted(file):
        key = key_for(file)
        if key is None:
            if key_file_for(database_of(file)).exists():
                raise DatabaseLocked(say(f"{file}: 数据库已加密，请先登录（输入密码）或使用恢复密钥解锁",
                                         f"{file}: the database is encrypted: sign in (with a password) or unlock "
                                         "it with the recovery key first"))
            # Not our header and no key: an encrypted database without its key file, or not a database at all;
            # let SQLite say "file is not a database" as it did before.
            return sqlite3.connect(path, uri=uri, **kwargs)
    if key is None or sqlcipher is None:
        return sqlite3.connect(path, uri=uri, **kwargs)
    _silence()
    conn = sqlcipher.connect(path, uri=uri, **kwargs)
    try:
        conn.execute(_key_pragma(key))
        # Pages are decrypted (and their HMAC checked) as they enter SQLite's page cache: a plain database reads
        # again from the system's file cache for nothing, an encrypted one pays AES + HMAC each time. A cache of
        # 64 MiB (grown only as pages are read) keeps the ledger's and the weekly summary's working set decrypted
        # (bench/encryption.py: without it the weekly summary took 2.9x, with it about plain's time).
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    except sqlcipher.Error:
        conn.close()
        raise
    return conn


def database_of(file: Path) -> Path:
    """The database a file belongs to: itself, or for a backup in `<stem>-backups/`, `<stem>.db` beside it."""
    if file.parent.name.endswith("-backups"):
        return file.parent.parent / (file.parent.name.removesuffix("-backups") + ".db")
    return file


def export_encrypted(source: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain database `source` to `target` (sqlcipher_export: every table, index,
    trigger, FTS index and the user_version / application_id pragmas). `target` must not exist."""
    if sqlcipher is None:  # pragma: no cover
        raise StoreError(say("此程序缺少 sqlcipher3，无法加密数据库", "this program lacks sqlcipher3: it cannot encrypt a database"))
    conn = sqlcipher.connect(str(source), isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute(f"PRAGMA encrypted.application_id = {int(app_id)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def cipher_version() -> str | None:
    """SQLCipher's version (None: the driver is missing)."""
    if sqlcipher is None:
        return None
    conn = sqlcipher.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()
