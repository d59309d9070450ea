"""A lost laptop gives nothing away (issue 19's headline): copies of every file of an enrolled, encrypted inspector
laptop (encrypted at `device join --user`), of the office, of the shared sync folder and of the USB stick its sealed
enrolment file came on show no enterprise name, person name, hazard text, photo or key
without a password; `admin` cannot sign in on the laptop; the office's recovery key opens the office's database."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from sync_helpers import Replica, as_person

from safety_desk.cli import main
from safety_desk.media.files import photo_key, read_photo
from safety_desk.services import encryption
from safety_desk.services.auth import SignInFailed, sign_in_at
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.organisation import OrganisationService
from safety_desk.services.photos import ingest_bytes
from safety_desk.store import cipher
from safety_desk.store.records import District, Enterprise, Hazard
from safety_desk.store.store import Store

ADMIN_PASSWORD = "office-admin-1"
INSPECTOR_PASSWORD = "inspector-li-1"
ENTERPRISE = "隆盛机械制造有限公司"
USCC = "91370200MA3C4XQX1D"
SECRETS = [ENTERPRISE, "王安全", "李检查", "配电箱未接地", "东城片区", "PRIVATE KEY", USCC]
JPEG_START = b"\xff\xd8\xff"


def _photo() -> bytes:
    image = Image.new("RGB", (640, 480), (180, 60, 40))
    image.paste((250, 250, 250), (40, 40, 300, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _leaks(folder: Path, photo: bytes) -> list[str]:
    """What can be read in the files under `folder`: the secrets' text, a file that is a plain JPEG, or any 64-byte
    run of the photo (a plain copy inside a database, backup or bundle). Not three-byte JPEG markers anywhere:
    encrypted bytes hold those by chance."""
    runs = [photo[i:i + 64] for i in range(0, len(photo) - 64, max(1, len(photo) // 16))]
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        name = path.relative_to(folder)
        found += [f"{name}: {s}" for s in SECRETS if s.encode("utf-8") in data]
        if data.startswith(JPEG_START) or any(run in data for run in runs):
            found.append(f"{name}: the photo")
    return found


@pytest.fixture
def lost(tmp_path: Path):
    """An office made by `init`, a laptop enrolled for its district and encrypted at its inspector's first sign-in,
    synced both ways through a shared folder; then everything closed and locked. Returns the folders and the
    office's recovery key."""
    office_db, laptop_db = tmp_path / "office" / "office.db", tmp_path / "laptop" / "laptop.db"
    shared, handover = tmp_path / "shared", tmp_path / "handover"
    for folder in (office_db.parent, laptop_db.parent, shared, handover):
        folder.mkdir()
    made = CliRunner().invoke(main, ["--db", str(office_db), "init", "--office", "市国资委安全办", "--admin", "admin",
                                     "--password", ADMIN_PASSWORD])
    assert made.exit_code == 0, made.output
    recovery = made.output.split("交安全办保管）：")[1].split()[0]
    office = Replica("office", Store.open(office_db))
    laptop = None
    try:
        store = office.store
        with store.transaction():
            district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
            enterprise = store.enterprises.add(Enterprise(
                id=store.db.new_id(), uscc=USCC, name=ENTERPRISE, district_id=district.id, industry="机械",
                risk_class=2, tracked_since="2026-01-01", principal="王安全"))
        OrganisationService(as_person(office, "admin")).add_person("li", "李检查", "inspector", ["D1"],
                                                                   password=INSPECTOR_PASSWORD)
        photo = ingest_bytes(store, _photo(), "配电箱.jpg")
        stored = read_photo(store.media_dir, photo.id, photo_key(cipher.key_for(office_db)))  # the JPEG kept
        with store.transaction():
            hazard = store.hazards.open_hazard(Hazard(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
                description="配电箱未接地", grade="一般", found_on="2026-11-02"), deadline=date(2026, 11, 20))
            store.hazards.update(hazard.id, photos=[photo.id])
        office.refresh()
        enrolled = DeviceService(office.session).enroll("inspector", "laptop", handover / "laptop.sdenroll",
                                                        district_codes=["D1"])
        # `device join --user li`: encrypted before the join returns (the GUI's join: at the first sign-in).
        joined = join(laptop_db, handover / "laptop.sdenroll", passphrase=enrolled.passphrase, user="li",
                      password=INSPECTOR_PASSWORD)
        assert joined.encrypted is not None and encryption.is_encrypted(laptop_db)
        office.refresh()
        laptop = Replica("laptop", Store.open(laptop_db))
        office.sync.sync_folder(shared)
        laptop.sync.sync_folder(shared)
        office.sync.sync_folder(shared)
        laptop.sync.sync_folder(shared)
        # The laptop really holds the district's records and the photo (else finding nothing would prove nothing).
        assert laptop.store.enterprises.by_uscc(USCC).name == ENTERPRISE
        assert photo.id in laptop.store.hazards.get(hazard.id).photos
        # One more change at the office, and its bundle left lying on the shared folder for the laptop.
        with office.store.transaction():
            office.store.hazards.update(hazard.id, location="一号车间配电箱（王安全负责）")
        office.sync.sync_folder(shared)
        assert list(shared.rglob("*.sdsync")), "a bundle lying on the shared folder"
    finally:
        office.close()
        if laptop is not None:
            laptop.close()
        encryption.lock(office_db)
        encryption.lock(laptop_db)
    return tmp_path, recovery, stored


def test_copies_of_the_laptop_the_office_and_the_sync_folder_reveal_nothing_without_a_password(lost) -> None:
    folder, _recovery, photo = lost
    stolen = folder / "stolen"
    for name in ("office", "laptop", "shared", "handover"):  # the USB stick the enrolment file came on too
        shutil.copytree(folder / name, stolen / name)
    assert [p for p in (stolen / "laptop").rglob("*") if p.suffix in (".db", ".keys")], "the laptop's files"
    assert photo.startswith(JPEG_START)
    assert _leaks(stolen, photo) == []


def test_admin_cannot_sign_in_on_the_laptop_but_its_inspector_can(lost) -> None:
    folder, _recovery, _photo = lost
    laptop_db = folder / "laptop" / "laptop.db"
    with pytest.raises(SignInFailed):
        sign_in_at(laptop_db, "admin", ADMIN_PASSWORD)
    session = sign_in_at(laptop_db, "li", INSPECTOR_PASSWORD)
    try:
        assert session.person.login == "li"
        assert session.store.enterprises.by_uscc(USCC).name == ENTERPRISE
    finally:
        session.store.close()
        encryption.lock(laptop_db)


def test_the_recovery_key_opens_a_copy_of_the_office_database(lost) -> None:
    folder, recovery, _photo = lost
    copy = folder / "copy"
    shutil.copytree(folder / "office", copy)
    database = copy / "office.db"
    with pytest.raises(Exception):
        encryption.unlock_with_recovery(database, "AAAA-" + recovery[5:] if not recovery.startswith("AAAA")
                                        else "BBBB-" + recovery[5:])
    encryption.unlock_with_recovery(database, recovery)
    try:
        with Store.open(database) as store:
            assert store.enterprises.by_uscc(USCC).name == ENTERPRISE
    finally:
        encryption.lock(database)
