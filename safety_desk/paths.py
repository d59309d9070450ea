"""Where things live: per-user data and config dirs, and resources from source or a frozen bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "SafetyDesk"
APP_AUTHOR = "SafetyDesk"


def _source_root() -> Path:
    # In a PyInstaller bundle the data files sit under sys._MEIPASS; from source, beside the package.
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The `resources/` folder (fonts, icons, translations)."""
    return _source_root() / "resources"


def checklists_dir() -> Path:
    """The shipped checklist library (`checklists/*.toml`)."""
    return _source_root() / "checklists"


def data_dir() -> Path:
    """Per-user data dir; SAFETY_DESK_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("SAFETY_DESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def config_dir() -> Path:
    """Per-user config dir; SAFETY_DESK_CONFIG_DIR overrides it."""
    override = os.environ.get("SAFETY_DESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """The database opened when no --db is given."""
    return data_dir() / "safety-desk.db"


def demo_db_path() -> Path:
    """The demo database that `--demo` opens, created on first use."""
    return data_dir() / "demo.db"


# The database, its -wal/-shm, backups, bundles and photos hold personal information (issue 19): files 0600 and
# folders 0700, for their owner only. (Windows ignores these bits; its per-user folders are private already.)
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def private_folder(path: Path | str) -> Path:
    """Make the folder, and every missing folder above it, for its owner only (0700); an existing folder keeps its
    mode (a user's own folder, a shared sync folder)."""
    path = Path(path)
    missing = []
    at = path
    while not at.exists() and at != at.parent:
        missing.append(at)
        at = at.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
    return path


def private_file(path: Path | str) -> Path:
    """Create `path` empty for its owner only (0600) unless it exists; an existing file we own loses the group's
    and others' bits (best effort: a file of another user or on a file system without modes is left as it is)."""
    path = Path(path)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))
    except FileExistsError:
        restrict(path)
    return path


def restrict(path: Path | str, mode: int = PRIVATE_FILE_MODE) -> None:
    """Take the group's and others' bits off an existing file or folder (best effort, see private_file)."""
    try:
        current = os.stat(path).st_mode & 0o777
        if current & 0o077:
            os.chmod(path, current & mode)
    except OSError:
        pass


def media_dir_for(db_path: Path) -> Path:
    """Photo files of a database live beside it, named by hash (media/ab/cdef....jpg)."""
    return db_path.parent / (db_path.stem + "-media")


def bundled_enrolment() -> Path | None:
    """The enrolment file an enterprise edition carries beside the installed program (scripts/build_deb.sh
    --enrol), read at first start; None from source or when the package has none."""
    if not getattr(sys, "frozen", False):
        return None
    candidate = Path(sys.executable).resolve().parent / "enrolment.sdenroll"
    return candidate if candidate.is_file() else None
