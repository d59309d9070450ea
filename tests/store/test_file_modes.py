"""Files for their owner only (issue 19): the database, its -wal and -shm, backups, bundles, enrolment files and
photos are 0600, their folders 0700, whatever the umask; an older installation's files are tightened at open."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.media.files import media_path
from safety_desk.paths import media_dir_for
from safety_desk.services.backups import take_backup
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.session import Session
from safety_desk.services.setup import initialise
from safety_desk.store.backups import backups_dir_for, export_copy
from safety_desk.store.cipher import is_encrypted, key_file_for
from safety_desk.store.records import District
from safety_desk.store.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The usual umask of a desktop session (files 0644, folders 0755 unless made otherwise)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_database_its_wal_shm_photos_backups_bundles_and_enrolment_files_are_private(tmp_path, open_umask):
    data = tmp_path / "data" / "SafetyDesk"
    db = data / "office.db"
    initialise(db, office_name="测试安全办", admin_login="admin", admin_name="管理员", admin_password="password-1")
    assert mode(data) == 0o700 and mode(tmp_path / "data") == 0o700
    with Store.open(db) as store:
        with store.transaction():
            store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        for part in ("", "-wal", "-shm"):
            assert mode(db.with_name(db.name + part)) == 0o600, part
        assert mode(media_dir_for(db)) == 0o700
        from tests.sync.sync_helpers import add_photo

        with store.transaction():
            photo = add_photo(store, "模式")
        assert mode(media_path(store.media_dir, photo)) == 0o600

        backup = take_backup(store, "manual")
        assert mode(backup.path) == 0o600 and mode(backups_dir_for(db)) == 0o700
        copied = export_copy(db, tmp_path / "elsewhere" / "copy.db")  # `backup -o FILE`
        assert mode(copied) == 0o600

        enrol = tmp_path / "out" / "laptop.sdenroll"
        enrolled = DeviceService(Session(store, store.people.by_login("admin"))).enroll(
            "inspector", "laptop", enrol, district_codes=["D1"])
        assert mode(enrol) == 0o600
    laptop = tmp_path / "laptop" / "laptop.db"
    join(laptop, enrol, passphrase=enrolled.passphrase)
    assert mode(laptop) == 0o600 and mode(laptop.parent) == 0o700 and mode(media_dir_for(laptop)) == 0o700
    with Store.open(laptop) as store:
        from safety_desk.services.sync import SyncService

        exported = SyncService(Session.of_device(store)).export(tmp_path / "outbox")
        assert mode(exported.path) == 0o600


def test_an_older_installations_files_are_tightened_when_opened(office_template, open_umask):
    from safety_desk.paths import data_dir

    from tests.conftest import copy_database

    data_dir().mkdir(parents=True, mode=0o755)
    db_path = copy_database(office_template, data_dir())
    os.chmod(db_path, 0o644)
    media = media_dir_for(db_path)
    media.mkdir(exist_ok=True)
    os.chmod(media, 0o755)
    with Store.open(db_path):
        pass
    assert mode(db_path) == 0o600 and mode(media) == 0o700 and mode(data_dir()) == 0o700


def test_a_database_encrypted_in_place_and_its_backups_stay_private(tmp_path, open_umask):
    # Encryption writes a new file and renames it over the database: that file, too, is the owner's only.
    db = tmp_path / "office.db"
    result = CliRunner().invoke(main, ["--db", str(db), "init", "--office", "市国资委安全办", "--admin", "admin",
                                       "--password", "office-admin-1"])
    assert result.exit_code == 0, result.output
    assert is_encrypted(db)
    backups = list(backups_dir_for(db).glob("*.db"))
    assert backups, "the backup taken before encrypting"
    for path in [db, key_file_for(db), *backups]:
        assert mode(path) == 0o600, path.name
