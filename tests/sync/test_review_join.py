"""Review: a refused join leaves none of the starter data behind, even where the folders were there already."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import add_photo, hazard_of, make_office

from safety_desk.paths import media_dir_for
from safety_desk.services.devices import DeviceProblem, DeviceService, join


def test_a_join_refused_for_a_wrong_password_leaves_no_photo_where_the_media_folder_was_there_already(
        tmp_path: Path) -> None:
    office = make_office(tmp_path)
    with office.store.transaction():
        photo = add_photo(office.store, "隐患现场")
        office.store.hazards.update(hazard_of(office.store, "隐患1").id, photos=[photo])
    office.refresh()
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    assert enrolled.photos == 1
    laptop_db = tmp_path / "laptop" / "safety.db"
    media = media_dir_for(laptop_db)
    media.mkdir(parents=True)  # made by an earlier start, or by the person who tidied the folder
    with pytest.raises(DeviceProblem, match="--user insp"):
        join(laptop_db, enrol, passphrase=enrolled.passphrase, user="insp", password="not-the-password")
    assert [p for p in media.rglob("*") if p.is_file()] == []  # no plain starter photo left behind
    assert not laptop_db.exists()
    office.close()


def test_a_join_whose_encryption_fails_leaves_no_plain_backup_where_the_backups_folder_was_there_already(
        tmp_path: Path, monkeypatch) -> None:
    from safety_desk.services.organisation import OrganisationService
    from safety_desk.store import encryption as store_encryption
    from safety_desk.store.backups import backups_dir_for
    from safety_desk.store.errors import StoreError
    from sync_helpers import as_person

    office = make_office(tmp_path)
    OrganisationService(as_person(office, "admin")).add_person("lijc", "李检查", "inspector", ["D1"],
                                                               password="inspector-li-1")
    office.refresh()
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    laptop_db = tmp_path / "laptop" / "safety.db"
    backups = backups_dir_for(laptop_db)
    backups.mkdir(parents=True)

    def failing_copy(source, target, key):
        target.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_encryption, "_encrypted_copy", failing_copy)
    with pytest.raises(StoreError):
        join(laptop_db, enrol, passphrase=enrolled.passphrase, user="lijc", password="inspector-li-1")
    left = [p.name for p in laptop_db.parent.rglob("*") if p.is_file() and not p.name.endswith("-lock")]
    assert left == []  # neither a plain backup of the starter data nor the staged copy
    office.close()
