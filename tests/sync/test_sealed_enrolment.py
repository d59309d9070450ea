"""A lost enrolment file gives nothing away (issue 19): it is sealed with a passphrase shown once at `device enroll`;
join opens it with that passphrase and refuses a wrong one leaving nothing behind; `device join --user` encrypts the
new database at once; a hub's enrolment file is sealed too."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sync_helpers import Replica, as_person, make_office

from safety_desk.cli import main
from safety_desk.services import encryption
from safety_desk.services.auth import sign_in_at
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.enrolment_seal import PassphraseNeeded, WrongPassphrase
from safety_desk.services.hub_gate import read_hub_enrolment
from safety_desk.services.organisation import OrganisationService
from safety_desk.store.records import Enterprise
from safety_desk.store.store import Store
from tests.enrolment import passphrase_in

ENTERPRISE = "隆盛机械制造有限公司"
PHONE = "13905321234"
INSPECTOR, INSPECTOR_LOGIN, INSPECTOR_PASSWORD = "李检查", "lijiancha", "inspector-li-1"


def _readable(path: Path) -> bytes:
    """What anyone holding the file reads: its bytes and, for a zip, its members decompressed."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            data += b"".join(archive.read(name) for name in archive.namelist())
    return data


def _found(data: bytes, secrets: list[str]) -> list[str]:
    """The secrets in the bytes, as UTF-8 or as JSON writes them (non-ASCII escaped)."""
    return [s for s in secrets if s.encode("utf-8") in data or json.dumps(s).strip('"').encode("ascii") in data]


@pytest.fixture
def office(tmp_path: Path):
    office = make_office(tmp_path)
    with office.store.transaction():
        district = office.store.districts.by_code("D1")
        office.store.enterprises.add(Enterprise(
            id=office.store.db.new_id(), uscc="91370200MA3C4XQX1D", name=ENTERPRISE, district_id=district.id,
            industry="机械", risk_class=2, tracked_since="2026-01-01", principal="王安全", contact_phone=PHONE))
    OrganisationService(as_person(office, "admin")).add_person(INSPECTOR_LOGIN, INSPECTOR, "inspector", ["D1"],
                                                               password=INSPECTOR_PASSWORD)
    office.refresh()
    yield office
    office.close()


def _left(database: Path) -> list[str]:
    """What a refused join left beside the database (the open lock's file is every open's, not a database)."""
    return [p.name for p in database.parent.iterdir() if p.name != database.name + "-lock"]


def _enrol(office: Replica, path: Path):
    result = DeviceService(office.session).enroll("inspector", "laptop", path, district_codes=["D1"])
    return result, office.store.local_state.issued_token(result.device.id)


def test_the_enrolment_file_reveals_no_name_phone_or_token(office, tmp_path) -> None:
    enrol = tmp_path / "U盘" / "laptop.sdenroll"
    enrol.parent.mkdir()
    result, token = _enrol(office, enrol)
    assert len(result.passphrase.split("-")) == 6 and token
    assert _found(_readable(enrol), [ENTERPRISE, PHONE, INSPECTOR, INSPECTOR_LOGIN, "王安全", token]) == []
    # ... and yet it carries them all: the joined laptop has them.
    join(tmp_path / "laptop.db", enrol, passphrase=result.passphrase.lower().replace("-", " "))  # as typed
    with Store.open(tmp_path / "laptop.db") as laptop:
        assert {e.name for e in laptop.enterprises.active()} >= {ENTERPRISE}
        assert laptop.local_state.enrolment_token() == token
        assert laptop.people.by_login(INSPECTOR_LOGIN).name == INSPECTOR


def test_a_wrong_or_missing_passphrase_or_a_damaged_file_is_refused_and_nothing_is_written(office, tmp_path) -> None:
    enrol = tmp_path / "laptop.sdenroll"
    result, _token = _enrol(office, enrol)
    laptop_db = tmp_path / "laptop" / "safety.db"
    laptop_db.parent.mkdir()
    wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF" if result.passphrase != "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF" else "A" * 24
    with pytest.raises(WrongPassphrase, match="laptop.sdenroll.*登记口令不对"):
        join(laptop_db, enrol, passphrase=wrong)
    with pytest.raises(WrongPassphrase, match="laptop.sdenroll.*格式不对"):
        join(laptop_db, enrol, passphrase="1234")
    with pytest.raises(PassphraseNeeded, match="laptop.sdenroll"):
        join(laptop_db, enrol)
    damaged = tmp_path / "damaged.sdenroll"
    data = bytearray(enrol.read_bytes())
    data[-40] ^= 0x01
    damaged.write_bytes(bytes(data))
    with pytest.raises(WrongPassphrase, match="damaged.sdenroll"):
        join(laptop_db, damaged, passphrase=result.passphrase)
    assert _left(laptop_db) == []  # no database, no -wal, no media folder
    assert not Path(str(enrol) + ".used").exists()  # the file still works
    assert join(laptop_db, enrol, passphrase=result.passphrase).name == "laptop"


def test_the_hub_enrolment_file_is_sealed_too(office, tmp_path) -> None:
    laptop, token = _enrol(office, tmp_path / "laptop.sdenroll")  # not joined: its token is in the hub's list
    hub_file = tmp_path / "hub.sdenroll"
    hub = DeviceService(office.session).enroll("hub", "市集线器", hub_file)
    # Only who to whom shows (the seal's header: the office's and the hub's ids), not the list of devices.
    assert _found(_readable(hub_file), [token, laptop.device.id, "测试安全办", "市集线器"]) == []
    with pytest.raises(WrongPassphrase, match="hub.sdenroll"):
        read_hub_enrolment(hub_file, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    with pytest.raises(PassphraseNeeded):
        read_hub_enrolment(hub_file)
    enrolment, _issued, devices = read_hub_enrolment(hub_file, hub.passphrase)
    assert enrolment["name"] == "市集线器" and enrolment["office_device_id"] == office.store.db.device_id
    assert any(d.device.name == "laptop" for d in devices)


def _run(*args: str, env: dict[str, str]):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_join_with_a_user_encrypts_the_new_database_at_once(office, tmp_path) -> None:
    office_db = str(office.store.path)
    office.close()
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = _run("--db", office_db, "device", "enroll", "--role", "inspector", "--district", "D1", "--name",
                    "laptop", "-o", str(enrol), env={})
    assert enrolled.exit_code == 0, enrolled.output
    passphrase = passphrase_in(enrolled.output)
    laptop_db = tmp_path / "laptop" / "safety.db"
    laptop_db.parent.mkdir()
    secret = {"SAFETY_DESK_ENROL_PASSPHRASE": passphrase}

    # Not without the passphrase (a script), nor with a wrong password, nor for someone not on the list.
    refused = _run("--db", str(laptop_db), "device", "join", str(enrol), env={"SAFETY_DESK_ENROL_PASSPHRASE": ""})
    assert refused.exit_code == 2 and "SAFETY_DESK_ENROL_PASSPHRASE" in refused.output
    wrong = _run("--db", str(laptop_db), "device", "join", str(enrol), "--user", INSPECTOR_LOGIN,
                 env={**secret, "SAFETY_DESK_PASSWORD": "not-the-password"})
    assert wrong.exit_code == 2 and "--user lijiancha" in wrong.output and "未作任何更改" in wrong.output
    stranger = _run("--db", str(laptop_db), "device", "join", str(enrol), "--user", "admin",
                    env={**secret, "SAFETY_DESK_PASSWORD": "pw"})
    assert stranger.exit_code == 2, stranger.output  # the office's account is on no laptop's list
    assert _left(laptop_db) == []

    joined = _run("--db", str(laptop_db), "device", "join", str(enrol), "--user", INSPECTOR_LOGIN,
                  env={**secret, "SAFETY_DESK_PASSWORD": INSPECTOR_PASSWORD})
    assert joined.exit_code == 0, joined.output
    recovery = joined.output.split("交安全办保管）：")[1].split()[0]
    assert encryption.is_encrypted(laptop_db)
    encryption.lock(laptop_db)
    files = [p for p in laptop_db.parent.rglob("*") if p.is_file()]
    assert not any(_found(p.read_bytes(), [ENTERPRISE, PHONE, INSPECTOR]) for p in files)
    session = sign_in_at(laptop_db, INSPECTOR_LOGIN, INSPECTOR_PASSWORD)
    try:
        assert ENTERPRISE in {e.name for e in session.store.enterprises.active()}
    finally:
        session.store.close()
        encryption.lock(laptop_db)
    encryption.unlock_with_recovery(laptop_db, recovery)  # the recovery key printed once opens it too
    encryption.lock(laptop_db)


def test_join_without_a_user_says_the_database_stays_plain_until_the_first_sign_in(office, tmp_path) -> None:
    enrol = tmp_path / "laptop.sdenroll"
    result, _token = _enrol(office, enrol)
    joined = _run("--lang", "en", "--db", str(tmp_path / "laptop.db"), "device", "join", str(enrol),
                  env={"SAFETY_DESK_ENROL_PASSPHRASE": result.passphrase})
    assert joined.exit_code == 0, joined.output
    assert "not encrypted yet" in joined.output and "first sign-in" in joined.output
    assert not encryption.is_encrypted(tmp_path / "laptop.db")
