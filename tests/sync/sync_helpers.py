"""Helpers for sync tests: an office with two districts and three enterprises, devices enrolled from it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.session import Session
from safety_desk.services.setup import initialise
from safety_desk.services.sync import SyncService
from safety_desk.store.records import District, DistrictMember, Enterprise, Hazard, Person
from safety_desk.store.store import Store

USCC = [make_uscc(f"91370200{n:09d}") for n in range(1, 4)]


@dataclass
class Replica:
    """One installation: its store, its CLI-style session and its sync service."""

    name: str
    store: Store
    session: Session = field(init=False)
    sync: SyncService = field(init=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.session = Session.of_device(self.store)
        self.sync = SyncService(self.session)

    @property
    def device_id(self) -> str:
        return self.store.db.device_id

    def close(self) -> None:
        self.store.close()


def make_office(folder: Path) -> Replica:
    path = folder / "office.db"
    initialise(path, office_name="测试安全办", admin_login="admin", admin_name="管理员", admin_password="pw")
    store = Store.open(path)
    with store.transaction():
        d1 = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        d2 = store.districts.add(District(id=store.db.new_id(), code="D2", name="西城片区"))
        for n, (uscc, district) in enumerate(zip(USCC, (d1, d1, d2)), start=1):
            enterprise = store.enterprises.add(Enterprise(
                id=store.db.new_id(), uscc=uscc, name=f"企业{n}", district_id=district.id, industry="机械",
                risk_class=2, tracked_since="2026-01-01"))
            store.people.add(Person(id=store.db.new_id(), name=f"安全员{n}", login=f"e{n}", role="enterprise",
                                    enterprise_id=enterprise.id, password_hash="x"))
            store.hazards.open_hazard(Hazard(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
                description=f"隐患{n}", grade="一般", found_on="2026-11-02"), deadline=date(2026, 11, 20))
        inspector = store.people.add(Person(id=store.db.new_id(), name="检查员甲", login="insp", role="inspector",
                                            password_hash="y"))
        # 包片: the inspector serves D1, so signs in on D1's laptops (domain/device_scope.py's default list).
        store.members.add(DistrictMember(id=store.db.new_id(), district_id=d1.id, person_id=inspector.id,
                                         role="inspector"))
    return Replica("office", store)


def enrol_and_join(office: Replica, folder: Path, name: str, role: str, **scope) -> Replica:
    enrol_file = folder / f"{name}.sdenroll"
    enrolled = DeviceService(office.session).enroll(role, name, enrol_file, **scope)
    join(folder / f"{name}.db", enrol_file, passphrase=enrolled.passphrase)
    office.refresh()
    return Replica(name, Store.open(folder / f"{name}.db"))


WORLD = ("office", "inspector", "enterprise")


def make_world(folder: Path) -> None:
    """In `folder`: the office, an inspector laptop for district D1 and the PC of enterprise USCC[0], both enrolled
    from the office (closed again: copy the folder, then open_world)."""
    office = make_office(folder)
    replicas = [office, enrol_and_join(office, folder, "inspector", "inspector", district_codes=["D1"]),
                enrol_and_join(office, folder, "enterprise", "enterprise", uscc=USCC[0])]
    for replica in replicas:
        replica.close()


def open_world(template: Path, folder: Path) -> list[Replica]:
    """A copy of the world made by make_world in `template`, opened in `folder`: office, inspector, enterprise."""
    shutil.copytree(template, folder, dirs_exist_ok=True)
    return [Replica(name, Store.open(folder / f"{name}.db")) for name in WORLD]


def exchange(sender: Replica, receiver: Replica, folder: Path):
    """Export from sender to receiver into `folder` and import it there; returns the import result."""
    exported = sender.sync.export(folder, for_device=receiver.device_id)
    result = receiver.sync.import_bundle(exported.path)
    receiver.refresh()
    return result


def later_than(replica, other) -> None:
    """Make `replica`'s next write later than `other`'s last by their clocks (each has a `store`): two writes in
    the same millisecond tie on time, and then the device ids, not the order of a test's lines, pick the winner."""
    replica.store.db.clock.observe(other.store.db.clock.last)


def db_digest(store: Store) -> str:
    """sha256 of a logical dump of the database: equal digests, equal contents."""
    conn = sqlite3.connect(store.path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()
    finally:
        conn.close()


def add_photo(store: Store, seed: str) -> str:
    """A photo record and its file (a small JPEG made from `seed`, as a device keeps photos: the office checks the
    photos it receives, media/received.py), returning its id."""
    import io

    from PIL import Image

    from safety_desk.media.files import media_path, write_file_atomically
    from safety_desk.store.records import Photo

    pixels = hashlib.sha256(("照片 " + seed).encode("utf-8")).digest() * 6  # 8×8 RGB, different for every seed
    buffer = io.BytesIO()
    Image.frombytes("RGB", (8, 8), pixels[:192]).save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    write_file_atomically(media_path(store.media_dir, digest), data)
    if store.photos.get(digest) is None:
        store.photos.add(Photo(id=digest, size=len(data), width=10, height=10, added_at=store.db.now_iso()))
    return digest


def hazard_of(store: Store, description: str) -> Hazard:
    return next(h for h in store.hazards._select("description = ?", (description,)))


def enterprise_finds(enterprise: Replica, source: str, description: str, grade: str = "一般", **fields) -> Hazard:
    """A hazard the enterprise's officer e1 registers on its own PC, found today (by its self-inspection or
    drill: `source`), due in 30 days; the store's author is e1 afterwards."""
    store = enterprise.store
    own = store.enterprises.by_uscc(store.enterprises._select()[0].uscc)
    person = store.people.by_login("e1")
    store.db.author_id = person.id
    found_on = store.db.wall.today()
    return store.hazards.open_hazard(Hazard(
        id=store.db.new_id(), enterprise_id=own.id, district_id=own.district_id, source=source,
        description=description, grade=grade, found_on=found_on.isoformat(), found_by=person.id, **fields),
        deadline=found_on + timedelta(days=30))


def as_person(replica: Replica, login: str) -> Session:
    """A session of a real person on the replica (what the GUI has after sign-in)."""
    person = replica.store.people.by_login(login)
    replica.store.db.author_id = person.id
    return Session(replica.store, person)


def sealing_keys(replica: Replica) -> dict:
    """The keys `replica` opens bundles sealed to it with (sync/seal.py)."""
    from safety_desk.sync.seal import my_keys

    state = replica.store.local_state
    return my_keys(state.private_key(), state.enrolment_token(), replica.device_id)


def unseal_in_place(path: Path, recipient: Replica) -> Path:
    """Rewrite a bundle sealed to `recipient` as the plain signed zip inside it (the format of older versions,
    still accepted): tests that forge or damage the zip's members work on that."""
    from safety_desk.sync.seal import SealedReader

    with SealedReader(path, recipient.device_id, sealing_keys(recipient)) as reader:
        plain = reader.read()
    path.write_bytes(plain)
    return path
