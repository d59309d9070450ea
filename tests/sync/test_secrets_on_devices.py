"""Secrets only where needed (issue 19): a device holds the password hashes of the people who sign in on it and no
other, its enrolment file carries no other, and the office's accounts never sign in on it."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from sync_helpers import Replica, as_person, exchange, make_office

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.devices import DeviceProblem, DeviceService, join, read_enrolment
from safety_desk.services.organisation import OrganisationService
from safety_desk.services.passwords import hash_password
from safety_desk.store.store import Store


def _passwords(office: Replica) -> dict[str, str]:
    """Give every person of the office a real password (login + '-password'); returns login -> hash."""
    hashes = {}
    with office.store.transaction():
        for person in office.store.people._select():
            password = "pw" if person.login == "admin" else f"{person.login}-password"
            hashes[person.login] = office.store.people.update(person.id,
                                                              password_hash=hash_password(password)).password_hash
    return hashes


def _file_bytes(path: Path) -> bytes:
    """The bytes of a file and of its -wal, and for a zip (a bundle) also of every member, decompressed."""
    data = b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file())
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data += b"".join(archive.read(name) for name in archive.namelist())
    return data


def _enrolment_bytes(path: Path, passphrase: str) -> bytes:
    """What a sealed enrolment file carries, opened with its passphrase (its own bytes reveal nothing)."""
    opened, _enrolment = read_enrolment(path, passphrase)
    return opened.changes_bytes() + opened.manifest_bytes


def _hashes_in(data: bytes, hashes: dict[str, str]) -> set[str]:
    """The logins whose hash (or its digest part) is somewhere in the bytes."""
    return {login for login, stored in hashes.items() if stored.encode() in data
            or stored.rsplit("$", 1)[1].encode() in data}


@pytest.fixture
def office(tmp_path):
    office = make_office(tmp_path)
    # An inspector of the other district, who must never be on D1's laptop.
    OrganisationService(as_person(office, "admin")).add_person("insp9", "检查员乙", "inspector", ["D2"],
                                                              password="insp9-password")
    office.refresh()
    yield office
    office.close()


def test_the_laptop_and_its_enrolment_file_hold_only_their_inspectors_hashes(office, tmp_path):
    hashes = _passwords(office)
    enrol = tmp_path / "laptop.sdenroll"
    result = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    assert result.signers == ["insp"]  # the default: the inspectors serving D1
    assert _hashes_in(_enrolment_bytes(enrol, result.passphrase), hashes) == {"insp"}
    _opened, enrolment = read_enrolment(enrol, result.passphrase)
    assert "people" not in enrolment["scope"]

    join(tmp_path / "laptop.db", enrol, passphrase=result.passphrase)
    with Store.open(tmp_path / "laptop.db") as laptop:
        held = {p.login: p.password_hash for p in laptop.people._select()}
        assert {login for login, stored in held.items() if stored} == {"insp"}
        assert "admin" in held and "insp9" in held  # names travel, their secrets do not
        with pytest.raises(SignInFailed, match="密码错误"):
            SignIn(laptop).sign_in("admin", "pw")
        with pytest.raises(SignInFailed, match="密码错误"):
            SignIn(laptop).sign_in("insp9", "insp9-password")
        assert SignIn(laptop).sign_in("insp", "insp-password").person.login == "insp"
    conn = sqlite3.connect(tmp_path / "laptop.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.close()
    assert _hashes_in(_file_bytes(tmp_path / "laptop.db"), hashes) == {"insp"}


def test_an_enterprise_pc_holds_only_its_own_peoples_hashes(office, tmp_path):
    hashes = _passwords(office)
    enrol = tmp_path / "pc.sdenroll"
    uscc = office.store.enterprises._select()[0].uscc
    e1 = next(p.login for p in office.store.people._select()
              if p.enterprise_id == office.store.enterprises.by_uscc(uscc).id)
    passphrase = DeviceService(office.session).enroll("enterprise", "pc", enrol, uscc=uscc).passphrase
    assert _hashes_in(_enrolment_bytes(enrol, passphrase), hashes) == {e1}
    join(tmp_path / "pc.db", enrol, passphrase=passphrase)
    assert _hashes_in(_file_bytes(tmp_path / "pc.db"), hashes) == {e1}
    with Store.open(tmp_path / "pc.db") as pc:
        with pytest.raises(SignInFailed, match="密码错误"):
            SignIn(pc).sign_in("admin", "pw")
        assert SignIn(pc).sign_in(e1, f"{e1}-password")


def test_the_office_names_who_signs_in_and_changes_it_later(office, tmp_path):
    hashes = _passwords(office)
    service = DeviceService(office.session)
    with pytest.raises(DeviceProblem, match="admin.*安全办的账号"):
        service.enroll("inspector", "laptop", tmp_path / "x.sdenroll", district_codes=["D1"], people=["admin"])
    with pytest.raises(DeviceProblem, match="nobody"):
        service.enroll("inspector", "laptop", tmp_path / "x.sdenroll", district_codes=["D1"], people=["nobody"])
    with pytest.raises(DeviceProblem, match="e1.*不是检查员"):
        service.enroll("inspector", "laptop", tmp_path / "x.sdenroll", district_codes=["D1"], people=["e1"])
    assert not (tmp_path / "x.sdenroll").exists() and not service.store.devices.named("laptop")

    enrol = tmp_path / "laptop.sdenroll"
    enrolled = service.enroll("inspector", "laptop", enrol, district_codes=["D1"], people=["insp9"])
    assert enrolled.signers == ["insp9"]
    assert _hashes_in(_enrolment_bytes(enrol, enrolled.passphrase), hashes) == {"insp9"}
    join(tmp_path / "laptop.db", enrol, passphrase=enrolled.passphrase)
    laptop = Replica("laptop", Store.open(tmp_path / "laptop.db"))
    try:
        assert SignIn(laptop.store).sign_in("insp9", "insp9-password")
        with pytest.raises(SignInFailed):
            SignIn(laptop.store).sign_in("insp", "insp-password")

        # The office changes the list: the laptop gets insp's hash and blanks insp9's at its next sync.
        office.refresh()
        listed = DeviceService(office.session).set_people("laptop", ["insp"])
        assert listed.listed and listed.logins == ["insp"]
        exchange(office, laptop, tmp_path)
        assert SignIn(laptop.store).sign_in("insp", "insp-password")
        with pytest.raises(SignInFailed):
            SignIn(laptop.store).sign_in("insp9", "insp9-password")
        assert laptop.store.people.by_login("insp9").password_hash is None

        # Back to the default list (D1's inspectors), then insp leaves D1: the hash goes with the next sync.
        office.refresh()
        assert DeviceService(office.session).set_people("laptop", None).logins == ["insp"]
        exchange(office, laptop, tmp_path)
        assert SignIn(laptop.store).sign_in("insp", "insp-password")
        OrganisationService(as_person(office, "admin")).set_inspectors("D1", [])
        exchange(office, laptop, tmp_path)
        assert laptop.store.people.by_login("insp").password_hash is None
        with pytest.raises(SignInFailed):
            SignIn(laptop.store).sign_in("insp", "insp-password")
        # ... and comes back: the hash arrives again though it was not written anew.
        OrganisationService(as_person(office, "admin")).set_inspectors("D1", ["insp"])
        exchange(office, laptop, tmp_path)
        assert SignIn(laptop.store).sign_in("insp", "insp-password")
        assert laptop.store.db.conn.execute("SELECT count(*) FROM audit WHERE action = 'forget_password_hashes'"
                                            ).fetchone()[0] >= 2
    finally:
        laptop.close()


def _laptop_where_insp_set_a_new_password(office, tmp_path) -> Replica:
    """A laptop for D1, joined, on which insp has just changed their password (not yet sent to the office)."""
    _passwords(office)
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    join(tmp_path / "laptop.db", enrol, passphrase=enrolled.passphrase)
    laptop = Replica("laptop", Store.open(tmp_path / "laptop.db"))
    session = SignIn(laptop.store).sign_in("insp", "insp-password")
    OrganisationService(session).change_password("insp", "insp-password", "laptop-password")
    return laptop


def test_a_new_password_set_on_the_laptop_reaches_the_office_before_the_hash_is_blanked(office, tmp_path):
    laptop = _laptop_where_insp_set_a_new_password(office, tmp_path)
    try:
        exchange(office, laptop, tmp_path)  # the laptop's new password has not reached the office yet: kept
        assert laptop.store.people.by_login("insp").password_hash is not None
        assert not exchange(laptop, office, tmp_path).refused
        assert SignIn(office.store).sign_in("insp", "laptop-password")
        OrganisationService(as_person(office, "admin")).set_inspectors("D1", [])
        exchange(office, laptop, tmp_path)  # acknowledged, and insp no longer serves D1: blanked
        assert laptop.store.people.by_login("insp").password_hash is None
    finally:
        laptop.close()


def test_a_password_changed_on_a_laptop_the_person_left_meanwhile_is_refused_and_not_kept(office, tmp_path):
    # Judged when it arrives (issue 13: a device's clock proves nothing): the office had taken insp off D1, so the
    # laptop's change is refused, told to the laptop, and its copy of the hash goes; the office keeps the old one.
    laptop = _laptop_where_insp_set_a_new_password(office, tmp_path)
    try:
        OrganisationService(as_person(office, "admin")).set_inspectors("D1", [])
        exchange(office, laptop, tmp_path)  # not yet at the office: the laptop keeps its own new hash meanwhile
        assert laptop.store.people.by_login("insp").password_hash is not None
        refused = exchange(laptop, office, tmp_path).refused
        assert any("password_hash" in text for text in refused), refused
        assert SignIn(office.store).sign_in("insp", "insp-password")
        exchange(office, laptop, tmp_path)
        assert laptop.store.people.by_login("insp").password_hash is None
    finally:
        laptop.close()


def test_the_device_commands_name_who_signs_in_and_refuse_bad_input_changing_nothing(office, tmp_path):
    from click.testing import CliRunner
    from sync_helpers import db_digest

    from safety_desk.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, ["--db", str(office.store.path), *args], catch_exceptions=False)

    office.close()
    enrol = tmp_path / "laptop.sdenroll"
    refused = run("device", "enroll", "--role", "inspector", "--district", "D1", "--name", "laptop",
                  "--person", "admin", "-o", str(enrol))
    assert refused.exit_code == 2 and "admin" in refused.output and "安全办的账号" in refused.output
    assert not enrol.exists()
    made = run("device", "enroll", "--role", "inspector", "--district", "D1", "--name", "laptop",
               "--person", "insp", "--person", "insp9", "-o", str(enrol))
    assert made.exit_code == 0, made.output
    assert "可在此设备登录的人员：insp、insp9" in made.output
    shown = run("device", "people", "laptop")
    assert shown.exit_code == 0 and "指定名单：insp、insp9" in shown.output

    store = Store.open(tmp_path / "office.db")
    before = db_digest(store)
    store.close()
    for args, wanted in ((("device", "people", "laptop", "--person", "e1"), "e1 不是检查员"),
                         (("device", "people", "laptop", "--person", "nobody"), "nobody"),
                         (("device", "people", "nowhere", "--person", "insp"), "nowhere"),
                         (("device", "people", "laptop", "--person", "insp", "--default"), "--default"),
                         (("device", "districts", "laptop", "--district", "D9"), "D9")):
        result = run(*args)
        assert result.exit_code == 2 and wanted in result.output, (args, result.output)
    store = Store.open(tmp_path / "office.db")
    assert db_digest(store) == before
    store.close()

    changed = run("device", "people", "laptop", "--default")
    assert changed.exit_code == 0 and "默认名单" in changed.output and "insp9" not in changed.output
    moved = run("device", "districts", "laptop", "--district", "D2")
    assert moved.exit_code == 0 and "西城片区" in moved.output
    assert "insp9" in run("device", "people", "laptop").output  # D2's inspector now
