"""Scope shrink purges (issue 19): what leaves a device's scope leaves the device, its files and its new backups.

An enterprise moved to another district at the office, and a laptop whose districts the office changed: after the
laptop's next sync nothing of the enterprise is in its database file (searched byte by byte, without a VACUUM), its
-wal, its photo folder or a backup made then."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import Replica, add_photo, as_person, exchange, hazard_of, make_office

from safety_desk.media.files import media_path
from safety_desk.services.backups import take_backup
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.doctor import run_doctor
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.store.records import Hazard
from safety_desk.store.store import Store

NAME = "临港精密铸造有限公司"
DESCRIPTION = "铸造车间除尘器泄爆口朝向人员通道"
PHOTO_SEED = "除尘器泄爆口"
LAPTOP_FINDING = "二号熔炉平台防护栏缺失"  # a hazard the laptop itself recorded: its audit trail holds it too


def _laptop(tmp_path: Path):
    """The office, with enterprise 1 (district D1) named NAME and its hazard described DESCRIPTION with a photo,
    and a D1 laptop enrolled and joined after that (so no earlier value of them is anywhere on it)."""
    office = make_office(tmp_path)
    hazard = hazard_of(office.store, "隐患1")
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, name=NAME)
        photo = add_photo(office.store, PHOTO_SEED)
        office.store.hazards.update(hazard.id, description=DESCRIPTION, photos=[photo])
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    join(tmp_path / "laptop.db", enrol, passphrase=enrolled.passphrase)
    office.refresh()
    laptop = Replica("laptop", Store.open(tmp_path / "laptop.db"))
    # As a SQLite built without SQLITE_SECURE_DELETE runs (Debian's has it on, Python's Windows build off): the
    # purge must overwrite what it deletes itself.
    laptop.store.db.conn.execute("PRAGMA secure_delete = OFF")
    return office, laptop, hazard, photo


def _bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")) if p.is_file())


def _traces(data: bytes) -> list[str]:
    return [text for text in (NAME, DESCRIPTION, LAPTOP_FINDING) if text.encode("utf-8") in data]


def _assert_gone(laptop: Replica, hazard, photo: str) -> None:
    store = laptop.store
    assert store.enterprises.get(hazard.enterprise_id) is None
    assert store.hazards.get(hazard.id) is None
    assert not store.db.conn.execute("SELECT 1 FROM hazard_event WHERE hazard_id = ?", (hazard.id,)).fetchone()
    assert store.photos.get(photo) is None
    assert not media_path(store.media_dir, photo).exists()
    assert _traces(_bytes(store.path)) == []
    backup = take_backup(store, "manual")
    assert _traces(backup.path.read_bytes()) == []
    assert store.db.conn.execute("SELECT count(*) FROM audit WHERE action = 'scope_drop'").fetchone()[0] >= 2
    report = run_doctor(store)
    assert report.ok, report


def test_an_enterprise_moved_to_another_district_leaves_the_laptop_and_its_backups(tmp_path):
    office, laptop, hazard, photo = _laptop(tmp_path)
    try:
        # The laptop holds it all: the name and the description are in its file, the photo in its folder.
        assert laptop.store.enterprises.get(hazard.enterprise_id).name == NAME
        assert media_path(laptop.store.media_dir, photo).exists()
        # The inspector records a hazard there on the laptop; it reaches the office, which acknowledges it.
        with laptop.store.transaction():
            laptop.store.hazards.open_hazard(Hazard(
                id=laptop.store.db.new_id(), enterprise_id=hazard.enterprise_id, district_id=hazard.district_id,
                source="inspection", description=LAPTOP_FINDING, grade="一般", found_on="2026-11-30"),
                deadline=date(2026, 12, 20))
        exchange(laptop, office, tmp_path)
        exchange(office, laptop, tmp_path)
        laptop.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _traces(_bytes(laptop.store.path)) == [NAME, DESCRIPTION, LAPTOP_FINDING]

        EnterpriseService(as_person(office, "admin")).move(hazard.enterprise_id,
                                                           office.store.districts.by_code("D2").id)
        exchange(office, laptop, tmp_path)
        _assert_gone(laptop, hazard, photo)
        # The audit entries of the laptop's own writes stay in the chain, their values blanked.
        chain = next(detail for name, passed, detail in run_doctor(laptop.store).checks if name == "审计链")
        assert "内容已随移出本机范围的记录清除" in chain
        # The rest of its district stays.
        assert [e.name for e in laptop.store.enterprises._select()] == ["企业2"]
        assert hazard_of(laptop.store, "隐患2")
    finally:
        laptop.close()
        office.close()


def test_a_laptop_whose_districts_change_drops_the_district_it_lost_and_gets_the_new_one(tmp_path):
    office, laptop, hazard, photo = _laptop(tmp_path)
    try:
        DeviceService(office.session).set_districts("laptop", ["D2"])
        exchange(office, laptop, tmp_path)
        _assert_gone(laptop, hazard, photo)
        assert [e.name for e in laptop.store.enterprises._select()] == ["企业3"]
        assert [d.code for d in laptop.store.districts._select()] == ["D2"]
        assert not laptop.store.db.conn.execute("SELECT 1 FROM district_member").fetchone()
        # insp served D1 only: no longer anyone who signs in on this laptop, so no hash of theirs stays.
        assert laptop.store.people.by_login("insp").password_hash is None
    finally:
        laptop.close()
        office.close()


def test_an_edit_not_yet_sent_keeps_the_records_until_it_reached_the_office(tmp_path):
    office, laptop, hazard, photo = _laptop(tmp_path)
    try:
        with laptop.store.transaction():
            laptop.store.hazards.update(hazard.id, location="二号车间")  # offline, before it hears of the change
        DeviceService(office.session).set_districts("laptop", ["D2"])
        exchange(office, laptop, tmp_path)
        assert laptop.store.hazards.get(hazard.id) is not None  # kept: the edit has not reached the office
        exchange(laptop, office, tmp_path)
        exchange(office, laptop, tmp_path)
        _assert_gone(laptop, hazard, photo)
    finally:
        laptop.close()
        office.close()
