"""The enterprise edition: at first start the program joins with the enrolment file it carries, locked to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_desk.services.auth import SignIn
from safety_desk.services.devices import DeviceService
from safety_desk.services.session import Session
from safety_desk.store.store import Store
from safety_desk.app import open_or_create


def test_first_start_with_a_bundled_enrolment_makes_the_enterprise_device(tmp_path: Path, demo_db_path: Path) -> None:
    with Store.open(demo_db_path) as office:
        officer = office.people.by_login("ent0001")
        uscc = office.enterprises.require(officer.enterprise_id).uscc
        admin = SignIn(office).sign_in("admin", "demo")
        passphrase = DeviceService(admin).enroll("enterprise", "企业电脑", tmp_path / "ent.sdenroll",
                                                 uscc=uscc).passphrase
    installed = tmp_path / "user-data" / "safety-desk.db"
    with pytest.raises(ValueError, match="ent.sdenroll"):  # the file the package carries is sealed too
        open_or_create(installed, tmp_path / "ent.sdenroll")
    assert not installed.exists()
    with open_or_create(installed, tmp_path / "ent.sdenroll", passphrase=passphrase) as store:
        session = SignIn(store).sign_in("ent0001", "demo")  # the officer's account came with the enrolment
        assert session.role == "enterprise"
        assert {e.id for e in store.enterprises.active()} == {officer.enterprise_id}  # locked to its enterprise
        assert Session.of_device(store).person.enterprise_id == officer.enterprise_id
    with pytest.raises(ValueError):
        open_or_create(tmp_path / "not-an-enrolment.db", demo_db_path)  # a file that is no enrolment
    assert not (tmp_path / "not-an-enrolment.db").exists()
