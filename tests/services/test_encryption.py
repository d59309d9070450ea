"""Encryption at rest (issue 19 items 2 and 3): the database and its backups are SQLCipher files whose key is
wrapped per account and by the recovery key; a plain database is encrypted in place; bad keys change nothing."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.backup_rotation import MANUAL
from safety_desk.services import encryption
from safety_desk.services.auth import SignInFailed, sign_in_at
from safety_desk.services.backups import take_backup
from safety_desk.services.doctor import run_doctor
from safety_desk.services.organisation import OrganisationService
from safety_desk.services.session import Session
from safety_desk.store.backups import backups_dir_for, list_backups
from safety_desk.store.cipher import DatabaseLocked, is_encrypted, key_file_for
from safety_desk.store.errors import NotASafetyDeskDatabase, StoreError
from safety_desk.store.records import District, Enterprise, Hazard, Person
from safety_desk.store.restore import restore_database
from safety_desk.store.store import Store
from tests.sync.sync_helpers import USCC

PASSWORD = "office-admin-1"
HAN = re.compile(r"[\u4e00-\u9fff]")
SECRETS = ["东城片区", "隆盛机械制造有限公司", "王安全", "李检查", "PRIVATE KEY", USCC[0]]


def _fill(store: Store) -> None:
    with store.transaction():
        district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        enterprise = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=USCC[0], name="隆盛机械制造有限公司", district_id=district.id,
            industry="机械", risk_class=2, tracked_since="2026-01-01", principal="王安全"))
        store.people.add(Person(id=store.db.new_id(), name="李检查", login="li", role="inspector", password_hash="x"))
        store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
            description="配电箱未接地", grade="一般", found_on="2026-11-02"), deadline=date(2026, 11, 20))


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in _files(folder):
        data = path.read_bytes()
        found += [f"{path.name}: {s}" for s in SECRETS if s.encode("utf-8") in data]
    return found


@pytest.fixture(scope="module")
def encrypted_office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An office made by `safety-desk init` (encrypted, recovery key printed), with data written and a backup."""
    db = tmp_path_factory.mktemp("encrypted") / "office" / "office.db"
    db.parent.mkdir()
    result = CliRunner().invoke(main, ["--db", str(db), "init", "--office", "市国资委安全办", "--admin", "admin",
                                       "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    recovery = result.output.split("交安全办保管）：")[1].split()[0]
    with Store.open(db) as store:
        _fill(store)
    take_backup(db, MANUAL)
    encryption.lock(db)
    return db, recovery


@pytest.fixture
def office(encrypted_office: tuple[Path, str], tmp_path: Path):
    """A copy of the template's folder (database, key file, backups)."""
    template, recovery = encrypted_office
    shutil.copytree(template.parent, tmp_path / "office")
    db = tmp_path / "office" / "office.db"
    (db.parent / "office.db-lock").unlink(missing_ok=True)
    yield db, recovery
    encryption.lock(db)


def test_init_encrypts_and_nothing_can_be_read_from_the_files_without_a_key(office) -> None:
    db, recovery = office
    assert is_encrypted(db) and all(is_encrypted(b.path) for b in list_backups(db))
    assert len(list_backups(db)) >= 2  # the backup taken before encrypting, and the manual one: both encrypted
    assert _leaks(db.parent) == []
    keys = json.loads(key_file_for(db).read_text("utf-8"))
    assert "admin" not in json.dumps(keys["slots"])  # slots are found by a hash of the login
    assert key_file_for(db).stat().st_mode & 0o777 == 0o600
    with pytest.raises(DatabaseLocked, match="数据库已加密"):
        Store.open(db)


def test_the_write_ahead_log_of_an_open_encrypted_database_reveals_nothing_either(office) -> None:
    db, _ = office
    encryption.unlock(db, "admin", PASSWORD)
    with Store.open(db) as store:
        with store.transaction():
            store.people.add(Person(id=store.db.new_id(), name="赵新来", login="zhao", role="inspector",
                                    password_hash="x"))
        wal = db.with_name(db.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        assert "赵新来".encode("utf-8") not in wal.read_bytes() and _leaks(db.parent) == []


def test_the_recovery_key_opens_the_office_database_and_its_backups(office) -> None:
    db, recovery = office
    encryption.unlock_with_recovery(db, recovery.lower().replace("-", " "))
    with Store.open(db) as store:
        assert store.enterprises.by_uscc(USCC[0]).name == "隆盛机械制造有限公司"
        assert run_doctor(store).ok
    backup = list_backups(db)[0].path
    with Store.open(backup) as copy:  # the backup opens with the database's key
        assert copy.offices.current().name == "市国资委安全办"


@pytest.mark.parametrize("wrong", ["wrong-password", PASSWORD.upper()])
def test_a_wrong_password_or_recovery_key_is_refused_and_changes_nothing(office, wrong: str) -> None:
    db, recovery = office
    before = {p: p.read_bytes() for p in _files(db.parent)}
    with pytest.raises(encryption.UnlockRefused, match="登录名或密码错误"):
        encryption.unlock(db, "admin", wrong)
    with pytest.raises(encryption.UnlockRefused, match="恢复密钥不对"):
        encryption.unlock_with_recovery(db, "AAAA-" * 7 + "AAAA")
    with pytest.raises(encryption.UnlockRefused, match="格式不对"):
        encryption.unlock_with_recovery(db, "12345")
    with pytest.raises(SignInFailed):
        sign_in_at(db, "admin", wrong)
    assert not encryption.is_unlocked(db)
    assert {p: p.read_bytes() for p in _files(db.parent)} == before


def test_in_english_the_refusals_and_the_locked_command_line_say_so_in_english(office, english) -> None:
    """--lang en: a wrong recovery key, a damaged key file and a locked database are told in English only."""
    db, _ = office
    for wrong, said in (("AAAA-" * 7 + "AAAA", "wrong recovery key"), ("12345", "not in its format")):
        with pytest.raises(encryption.UnlockRefused) as refused:
            encryption.unlock_with_recovery(db, wrong)
        assert said in str(refused.value) and not HAN.search(str(refused.value)), str(refused.value)
    locked = CliRunner().invoke(main, ["--lang", "en", "--db", str(db), "ledger"], env={"SAFETY_DESK_PASSWORD": None})
    assert locked.exit_code == 2 and "the database is encrypted" in locked.output
    assert not HAN.search(locked.output), locked.output
    key_file_for(db).write_text("{not json", "utf-8")
    with pytest.raises(encryption.UnlockRefused) as damaged:
        encryption.unlock(db, "admin", PASSWORD)
    assert "the key file is damaged" in str(damaged.value) and not HAN.search(str(damaged.value))
    assert not encryption.is_unlocked(db)


def test_a_database_copied_without_its_key_file_or_with_a_damaged_one_is_refused(office, tmp_path: Path) -> None:
    db, _ = office
    elsewhere = tmp_path / "stolen"
    elsewhere.mkdir()
    shutil.copy(db, elsewhere / "office.db")
    with pytest.raises(NotASafetyDeskDatabase, match="缺少其密钥文件 office.db.keys"):
        Store.open(elsewhere / "office.db")
    result = CliRunner().invoke(main, ["--db", str(elsewhere / "office.db"), "--user", "admin", "doctor"],
                                env={"SAFETY_DESK_PASSWORD": PASSWORD})
    assert result.exit_code == 2 and "不是 SafetyDesk 数据库" in result.output

    keys = json.loads(key_file_for(db).read_text("utf-8"))
    slot = next(s for s in keys["slots"] if s["kind"] == "person")
    slot["wrapped"] = slot["wrapped"][:-8] + ("A" * 8 if not slot["wrapped"].endswith("A" * 8) else "B" * 8)
    key_file_for(db).write_text(json.dumps(keys), "utf-8")
    with pytest.raises(encryption.UnlockRefused):
        encryption.unlock(db, "admin", PASSWORD)
    key_file_for(db).write_text("{not json", "utf-8")
    with pytest.raises(encryption.UnlockRefused, match="密钥文件已损坏"):
        encryption.unlock(db, "admin", PASSWORD)
    assert not encryption.is_unlocked(db)


def test_the_command_line_unlocks_with_user_and_password_or_the_recovery_key(office) -> None:
    db, recovery = office
    runner = CliRunner()
    locked = runner.invoke(main, ["--db", str(db), "ledger"], env={"SAFETY_DESK_PASSWORD": None})
    assert locked.exit_code == 2 and "--user" in locked.output
    wrong = runner.invoke(main, ["--db", str(db), "--user", "admin", "ledger"], env={"SAFETY_DESK_PASSWORD": "nope-nope"})
    assert wrong.exit_code == 2 and "登录名或密码错误" in wrong.output
    assert not encryption.is_unlocked(db)
    ok = runner.invoke(main, ["--db", str(db), "--user", "admin", "ledger", "--json"],
                       env={"SAFETY_DESK_PASSWORD": PASSWORD})
    assert ok.exit_code == 0 and "配电箱未接地" in ok.output
    encryption.lock(db)
    doctor = runner.invoke(main, ["--db", str(db), "--recovery-key", recovery, "doctor"])
    assert doctor.exit_code == 0 and "已加密" in doctor.output


def test_a_changed_or_reset_password_rewraps_the_slot_and_a_new_person_gets_one(office) -> None:
    db, _ = office
    session = sign_in_at(db, "admin", PASSWORD)
    try:
        organisation = OrganisationService(session)
        added = organisation.add_person("zhang", "张主任", "office")
        organisation.change_password("admin", PASSWORD, "new-password-2")
    finally:
        session.store.close()
    encryption.lock(db)
    with pytest.raises(encryption.UnlockRefused):
        encryption.unlock(db, "admin", PASSWORD)
    encryption.unlock(db, "admin", "new-password-2")
    encryption.lock(db)
    encryption.unlock(db, "zhang", added.one_time)  # the one-time password opens the database too
    session = sign_in_at(db, "admin", "new-password-2")
    try:
        OrganisationService(session).disable("zhang")
    finally:
        session.store.close()
    encryption.lock(db)
    with pytest.raises(encryption.UnlockRefused, match="没有数据库密钥"):
        encryption.unlock(db, "zhang", added.one_time)


def test_a_plain_database_is_encrypted_in_place_after_a_backup(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _fill(store)
        store.people.update(store.people.by_login("li").id, name="李检查")
    take_backup(db_path, MANUAL)  # an old plain backup: encrypted as well
    with Store.open(db_path) as store:
        assert [name for name, _, detail in run_doctor(store).checks if "未加密" in detail] == ["加密"]
        person = store.people.by_login("admin")
    assert _leaks(db_path.parent) != []  # plain: everything can be read
    result = encryption.encrypt_database(db_path, login="admin", password="pw", label="测试安全办")
    try:
        assert result.backup is not None and result.backup.parent == backups_dir_for(db_path)
        assert not db_path.with_name(db_path.name + "-wal").exists() or is_encrypted(db_path)
        assert _leaks(db_path.parent) == []
        with Store.open(db_path) as store:  # this process keeps the key
            assert store.enterprises.by_uscc(USCC[0]).principal == "王安全"
            assert store.people.by_login("admin").id == person.id
            assert run_doctor(store).ok
        with pytest.raises(StoreError, match="无需加密"):
            encryption.encrypt_database(db_path, login="admin", password="pw")
        encryption.lock(db_path)
        session = sign_in_at(db_path, "admin", "pw")
        session.store.close()
    finally:
        encryption.lock(db_path)


def test_a_plain_backup_restored_onto_an_encrypted_database_stays_encrypted(db_path: Path, tmp_path: Path) -> None:
    old = tmp_path / "old-plain-backup.db"
    shutil.copy(db_path, old)
    encryption.encrypt_database(db_path, login="admin", password="pw")
    try:
        with Store.open(db_path) as store:
            _fill(store)
        restore_database(db_path, old, _now())
        assert is_encrypted(db_path)
        with Store.open(db_path) as store:
            assert store.enterprises.by_uscc(USCC[0]) is None  # the old contents
    finally:
        encryption.lock(db_path)


def test_the_encrypt_command_needs_an_account_of_the_database(db_path: Path) -> None:
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(db_path), "--user", "admin", "encrypt"],
                            env={"SAFETY_DESK_PASSWORD": "not-the-password"})
    assert refused.exit_code == 2 and "仍未加密" in refused.output and not is_encrypted(db_path)
    done = runner.invoke(main, ["--db", str(db_path), "--user", "admin", "encrypt"], env={"SAFETY_DESK_PASSWORD": "pw"})
    try:
        assert done.exit_code == 0, done.output
        assert "恢复密钥" in done.output and is_encrypted(db_path)
    finally:
        encryption.lock(db_path)


def _now():
    from datetime import datetime, timezone
    return datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)


def test_the_sign_in_window_of_an_encrypted_database_opens_it_with_the_password(office) -> None:
    from safety_desk.app import Entrance

    db, _ = office
    entrance = Entrance.open(db)
    try:
        assert entrance.locked and entrance.office_name == "市国资委安全办" and not entrance.needs_setup()
        sign_in = entrance.sign_in()
        with pytest.raises(SignInFailed, match="登录名或密码错误"):
            sign_in.sign_in("admin", "not-it-at-all")
        with pytest.raises(SignInFailed, match="没有数据库密钥"):
            sign_in.sign_in("nobody", PASSWORD)
        assert entrance.locked
        session = sign_in.sign_in("admin", PASSWORD)
        assert not entrance.locked and session.store is entrance.store
        assert entrance.device_name and entrance.desk(session).ledger is not None
    finally:
        entrance.close()


def test_wrong_passwords_on_a_locked_database_make_the_next_try_wait_in_english_too(office) -> None:
    """The key file's refusal is read in the language chosen; the failed attempts count all the same."""
    from safety_desk.app import Entrance
    from safety_desk.domain.language import set_language

    db, _ = office
    set_language("en")
    entrance = Entrance.open(db)
    try:
        sign_in = entrance.sign_in()
        with pytest.raises(SignInFailed, match="has no database key"):
            sign_in.sign_in("nobody", PASSWORD)
        with pytest.raises(SignInFailed, match="^wrong login or password$"):
            sign_in.sign_in("admin", "not-it-at-all")
        with pytest.raises(SignInFailed, match="^wrong login or password; wait 2 s"):  # the third failure
            sign_in.sign_in("admin", "not-it-at-all")
        assert sign_in.wait_seconds() > 0
        with pytest.raises(SignInFailed, match="too many failed attempts"):
            sign_in.sign_in("admin", PASSWORD)
        assert entrance.locked
    finally:
        entrance.close()


def test_the_first_sign_in_on_a_plain_database_encrypts_it(db_path: Path) -> None:
    from safety_desk.app import Entrance

    entrance = Entrance.open(db_path)
    try:
        session = entrance.sign_in().sign_in("admin", "pw")
        session, result = entrance.encrypt_after_sign_in(session, "pw")
        assert result.recovery_key and is_encrypted(db_path)
        assert session.store is entrance.store and session.store.people.by_login("admin").name == "管理员"
        assert entrance.encrypt_after_sign_in(session, "pw")[1] is None  # once
    finally:
        entrance.close()
        encryption.lock(db_path)
    entrance = Entrance.open(db_path)
    try:
        assert entrance.locked
        entrance.sign_in().sign_in("admin", "pw")
    finally:
        entrance.close()
        encryption.lock(db_path)


def test_a_database_open_in_another_program_is_not_encrypted_under_it(db_path: Path) -> None:
    import subprocess
    import sys

    # The other program holds the database until told to stop (its stdin closes): no sleep, which libfaketime's
    # clock a year ahead makes fail at once (EINVAL), letting the database go before the test has looked.
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys; from safety_desk.store.store import Store; s = Store.open(sys.argv[1]); "
        "print('open', flush=True); sys.stdin.read()"), str(db_path)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert holder.stdout.readline().strip() == "open"
        before = db_path.read_bytes()
        with pytest.raises(StoreError, match="未能加密"):
            encryption.encrypt_database(db_path, login="admin", password="pw")
        assert db_path.read_bytes() == before and not key_file_for(db_path).exists()
        assert holder.poll() is None  # still holding it when refused
    finally:
        holder.stdin.close()
        holder.kill()
        holder.wait()


def test_an_account_that_arrived_by_sync_gets_its_slot_after_the_recovery_key(office) -> None:
    from safety_desk.app import Entrance
    from safety_desk.services.passwords import hash_password

    db, recovery = office
    encryption.unlock(db, "admin", PASSWORD)
    with Store.open(db) as store, store.transaction():  # as sync brings it: a hash, no password, no slot
        store.people.add(Person(id=store.db.new_id(), name="钱同步", login="qian", role="office",
                                password_hash=hash_password("qian-password")))
    encryption.lock(db)
    entrance = Entrance.open(db)
    try:
        sign_in = entrance.sign_in()
        with pytest.raises(SignInFailed, match="没有数据库密钥"):
            sign_in.sign_in("qian", "qian-password")
        with pytest.raises(SignInFailed, match="恢复密钥不对"):
            sign_in.unlock_with_recovery("BBBB-" * 7 + "BBBB")
        sign_in.unlock_with_recovery(recovery)
        with pytest.raises(SignInFailed, match="登录名或密码错误"):
            sign_in.sign_in("qian", "not-her-password")
        assert sign_in.sign_in("qian", "qian-password").person.login == "qian"
    finally:
        entrance.close()
        encryption.lock(db)
    encryption.unlock(db, "qian", "qian-password")  # her own slot now


def test_an_exported_backup_restores_on_a_new_computer_with_the_recovery_key(office, tmp_path: Path) -> None:
    db, recovery = office
    usb = tmp_path / "usb"
    usb.mkdir()
    runner = CliRunner()
    made = runner.invoke(main, ["--db", str(db), "--recovery-key", recovery, "backup", "-o", str(usb / "office.db")])
    assert made.exit_code == 0, made.output
    assert is_encrypted(usb / "office.db") and key_file_for(usb / "office.db").exists() and _leaks(usb) == []
    encryption.lock(db)
    encryption.lock(usb / "office.db")

    new = tmp_path / "new-pc" / "safety.db"
    new.parent.mkdir()
    refused = runner.invoke(main, ["--db", str(new), "restore", str(usb / "office.db")])
    assert refused.exit_code == 2 and "已加密" in refused.output and not new.exists()
    done = runner.invoke(main, ["--db", str(new), "--recovery-key", recovery, "restore", str(usb / "office.db")])
    try:
        assert done.exit_code == 0, done.output
        assert is_encrypted(new) and key_file_for(new).exists() and _leaks(new.parent) == []
        encryption.lock(new)
        encryption.unlock(new, "admin", PASSWORD)  # the account's password opens the restored database too
        with Store.open(new) as store:
            assert store.enterprises.by_uscc(USCC[0]).name == "隆盛机械制造有限公司"
    finally:
        for path in (new, usb / "office.db"):
            encryption.lock(path)


def test_accounts_imported_together_each_get_a_slot_in_one_write(office) -> None:
    db, _ = office
    encryption.unlock(db, "admin", PASSWORD)
    encryption.set_password_slots(db, [("a1", "password-a1"), ("b2", "password-b2")])
    encryption.lock(db)
    for login in ("a1", "b2"):
        encryption.unlock(db, login, f"password-{login}")
        encryption.lock(db)
    with pytest.raises(DatabaseLocked):  # only where the database is unlocked
        encryption.set_password_slots(db, [("c3", "password-c3")])


def test_a_one_time_password_is_wrapped_cheaply_until_the_person_sets_their_own(office) -> None:
    from safety_desk.store.keyfile import ONE_TIME_SLOT_N, SLOT_N

    db, _ = office

    def costs() -> list[int]:
        return sorted(s["n"] for s in json.loads(key_file_for(db).read_text("utf-8"))["slots"] if s["kind"] == "person")

    session = sign_in_at(db, "admin", PASSWORD)
    try:
        added = OrganisationService(session).add_person("sun", "孙新", "office")
        assert costs() == [ONE_TIME_SLOT_N, SLOT_N]
        OrganisationService(session).change_password("sun", added.one_time, "sun-own-password")
        assert costs() == [SLOT_N, SLOT_N]
    finally:
        session.store.close()
        encryption.lock(db)
