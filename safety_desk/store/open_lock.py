"""Who has a database open: a shared lock beside it while any process has it open, an exclusive one to replace it.

Restoring a backup or creating a database (init, demo, join) must not happen while another program — the window,
a scheduled report, an import — has the file open. Each process that opens the database holds a shared `flock`
on `<database>-lock` for as long as it has it open (one lock per process, counted, so its readers and workers
share it); `exclusively(path)` succeeds only when no other process holds it, and then keeps every other process
from opening the file until it is done. A process that holds the shared lock itself (the window restoring from
its Settings page) converts its own lock for the time being. Where the platform has no flock, nothing is locked.
"""

from __future__ import annotations

import functools
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from safety_desk.domain.language import say
from safety_desk.store.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory file locks of this kind
    fcntl = None


T = TypeVar("T")


class DatabaseInUse(StoreError):
    """Another program has the database open (or is creating or restoring it): the message says what to do."""


_guard = threading.Lock()
_held: dict[str, list[int]] = {}  # lock file -> [file descriptor, how many opens of this process share it]


def lock_file_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + "-lock")


def _key(db_path: Path) -> str:
    return str(lock_file_for(db_path).resolve())


def acquire_shared(db_path: Path) -> None:
    """Note that this process has `db_path` open; DatabaseInUse while another process replaces or creates it."""
    if fcntl is None:
        return
    key = _key(db_path)
    with _guard:
        if key in _held:
            _held[key][1] += 1
            return
        try:
            fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return  # a read-only folder: the database cannot be replaced here either
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DatabaseInUse(say(f"{db_path}: 数据库正在被恢复或创建，请稍后再试",
                                    f"{db_path}: the database is being restored or created by another program; try again when it has finished")) from None
        _held[key] = [fd, 1]


def release_shared(db_path: Path) -> None:
    if fcntl is None:
        return
    key = _key(db_path)
    with _guard:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            del _held[key]
            os.close(entry[0])  # closing the descriptor releases its lock


@contextmanager
def exclusively(db_path: Path, doing: str) -> Iterator[None]:
    """Hold `db_path` alone while `doing` (e.g. "恢复 restore"); DatabaseInUse naming it when another program has
    it open. Nothing is changed by a refusal. Opening the database inside (in this process) is allowed."""
    if fcntl is None:
        yield
        return
    key = _key(db_path)
    refusal = DatabaseInUse(say(f"{db_path}: 数据库正被其他程序使用，未能{doing}；请先关闭安全检查工作台和正在运行的命令",
                                f"{db_path}: the database is open in another program, so {doing.split()[-1]} was refused: close SafetyDesk and any running command first"))
    with _guard:
        entry = _held.get(key)
        if entry is None:
            try:
                fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                entry = None
            else:
                entry = _held[key] = [fd, 0]
        if entry is not None:
            try:
                fcntl.flock(entry[0], fcntl.LOCK_EX | fcntl.LOCK_NB)  # converts this process's own shared lock
            except BlockingIOError:
                if entry[1] == 0:
                    del _held[key]
                    os.close(entry[0])
                else:
                    fcntl.flock(entry[0], fcntl.LOCK_SH)
                raise refusal from None
            entry[1] += 1
    try:
        yield
    finally:
        if entry is not None:
            with _guard:
                entry[1] -= 1
                if entry[1] == 0:
                    del _held[key]
                    os.close(entry[0])
                else:
                    fcntl.flock(entry[0], fcntl.LOCK_SH)  # back to sharing with this process's open connections


def creating_alone(create: Callable[..., T]) -> Callable[..., T]:
    """Run `create(path, ...)` (init, join) holding the new database's path alone: two processes creating the same
    database at once get one database and one clear refusal, never a half-migrated file."""
    @functools.wraps(create)
    def alone(path: Path | str, *args: Any, **kwargs: Any) -> T:
        with exclusively(Path(path), say("创建", "create")):
            return create(path, *args, **kwargs)
    return alone
