"""Test set-up: offscreen Qt, a fresh data dir, config dir and database per test, one demo, and no shared connection.

Databases are built once per run and copied for each test (initialising one hashes a password with scrypt and
installs the checklist library; a demo takes half a second): a copy is a fresh database no other test sees.
Every copy of one template is the same device (same id and keys); a test that needs several devices makes them
(tests/sync/sync_helpers.py enrols them from an office).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _sleep_through_libfaketime() -> None:
    """Under Debian's libfaketime 0.9.10 with --exclude-monotonic (./dev test-later), time.sleep fails with EINVAL
    while select's timeout works: subprocess.wait(timeout) sleeps in its polling loop, so give it a sleep that
    waits with select instead."""
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    import select
    import time

    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        try:
            real_sleep(seconds)
        except OSError:
            select.select([], [], [], max(0.0, seconds))

    time.sleep = sleep


_sleep_through_libfaketime()


def _cheap_password_hashing() -> None:
    """The suite signs in thousands of times: hash passwords at a cost of a millisecond, not a quarter second
    (the parameters travel in each hash, so every hash still verifies). SAFETY_DESK_REAL_PASSWORD_COST=1 keeps the
    production cost; tests/services/test_passwords.py measures the production default either way."""
    if os.environ.get("SAFETY_DESK_REAL_PASSWORD_COST"):
        return
    from safety_desk.services import passwords

    passwords.COST = (2**10, 8, 1)


_cheap_password_hashing()

import shutil  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

import pytest  # noqa: E402

from safety_desk.domain.clock import FixedClock  # noqa: E402
from safety_desk.domain.language import DEFAULT as DEFAULT_LANGUAGE, set_language  # noqa: E402
from safety_desk.paths import media_dir_for  # noqa: E402
from safety_desk.services.demo import build_demo  # noqa: E402
from safety_desk.services.setup import initialise  # noqa: E402
from safety_desk.store.database import Database  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402
from tests.demo_data import DEMO_AS_OF, DEMO_SPEC  # noqa: E402

# No worker may use a connection another thread opened (DESIGN.md §7): in tests such a use raises.
Database.check_thread = True


def copy_database(template: Path, folder: Path) -> Path:
    """Copy the database `template` (with its -wal/-shm files if any remain, and its photo files) into `folder`;
    returns the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    for part in template.parent.glob(template.name + "*"):
        shutil.copy(part, folder / part.name)
    media = media_dir_for(template)
    if media.is_dir():
        shutil.copytree(media, folder / media.name)
    return folder / template.name


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow (the long runs of tests that also run short) run only with SAFETY_DESK_SLOW=1."""
    if os.environ.get("SAFETY_DESK_SLOW"):
        return
    skip = pytest.mark.skip(reason="a long run: set SAFETY_DESK_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real per-user data or config dir."""
    monkeypatch.setenv("SAFETY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFETY_DESK_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture(autouse=True)
def default_language():
    """Messages in Chinese, the default, in every test; a test that switches to English (CLI --lang en, the
    window's language) switches only itself."""
    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def english() -> None:
    """This test reads the messages in English (the en user interface)."""
    set_language("en")


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised office database (device, office, admin account "admin"/"pw", checklist library), made once."""
    path = tmp_path_factory.mktemp("office-template") / "office.db"
    initialise(path, office_name="测试安全办", admin_login="admin", admin_name="管理员", admin_password="pw")
    return path


@pytest.fixture
def db_path(office_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the initialised office database."""
    return copy_database(office_template, tmp_path)


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of DEMO_SPEC, built once per run; tests get copies, so none sees another's writes."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    build_demo(path, DEMO_SPEC, clock=FixedClock(DEMO_AS_OF))
    return path


@pytest.fixture(scope="session")
def copy_of_demo(demo_template: Path) -> Callable[[Path], Path]:
    """copy_of_demo(folder): a copy of the demo database in `folder` (for module-scoped fixtures too)."""
    return lambda folder: copy_database(demo_template, folder)


@pytest.fixture
def demo_db_path(copy_of_demo: Callable[[Path], Path], tmp_path: Path) -> Path:
    """A fresh copy of the demo database (DEMO_SPEC)."""
    return copy_of_demo(tmp_path)


@pytest.fixture
def demo_store(demo_db_path: Path):
    """The copy, open on a clock that stands on DEMO_AS_OF: "today" for every service, page and write on it."""
    with Store.open(demo_db_path, clock=FixedClock(DEMO_AS_OF)) as opened:
        yield opened


@pytest.fixture
def demo_as_of() -> date:
    """The day the demo data ends; overdue days in tests are counted as of it, not the real today."""
    return DEMO_AS_OF
