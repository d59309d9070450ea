"""Two devices issue notices offline and then meet: their numbers never collide; a device stops at its block."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.notices import NoticeNumbersExhausted, NoticeService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.changes import apply_changes, export_changes
from safety_desk.store.database import Database
from safety_desk.store.records import Device, District, DistrictMember, Enterprise, Hazard, Person
from safety_desk.store.store import Store
from safety_desk.sync.identity import generate_key_pair

TODAY = date(2026, 5, 6)


def _exchange(source: Store, target: Store) -> int:
    """Everything `source` holds, applied to `target` (what a sync bundle carries, without the file)."""
    return apply_changes(target.db, list(export_changes(source.db)))


def _hazard(store: Store, enterprise: Enterprise, by: Person, text: str) -> Hazard:
    return store.hazards.open_hazard(Hazard(
        id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id, source="inspection",
        description=text, grade="一般", found_on=TODAY.isoformat(), found_by=by.id, measures="立即整改"),
        deadline=TODAY + timedelta(days=15))


def _numbers(store: Store) -> list[tuple[int, int, str]]:
    return [tuple(r) for r in store.db.conn.execute("SELECT year, seq, number FROM notice ORDER BY year, seq")]


@pytest.fixture
def office_and_laptop(store: Store, tmp_path: Path):
    """The office database and an inspector's laptop that joined it (it holds everything the office had)."""
    office = store
    admin = office.people.by_login("admin")
    office.db.author_id = admin.id
    district = office.districts.add(District(id=office.db.new_id(), code="SB", name="市北片区"))
    enterprises = [office.enterprises.add(Enterprise(
        id=office.db.new_id(), uscc=make_uscc(f"9137020{n}MA3C1234{n}"), name=name, district_id=district.id,
        industry="商贸", risk_class=2, tracked_since="2025-01-01"))
        for n, name in ((1, "青岛海达商贸有限公司"), (2, "青岛恒信机械有限公司"))]
    inspector = office.people.add(Person(id=office.db.new_id(), name="李娜", login="lina", role="inspector"))
    office.members.add(DistrictMember(id=office.db.new_id(), district_id=district.id, person_id=inspector.id,
                                      role="inspector"))
    # Enrolment: the office registers the laptop and gives it a (small) block of this year's numbers.
    laptop_id = office.db.new_id()
    office.devices.add(Device(id=laptop_id, name="李娜的笔记本", role="inspector", public_key="k",
                              enrolled_at="2026-05-01T08:00:00+08:00"))
    office_service = NoticeService(Session(office, admin).at(TODAY), Settings(notice_block_size=4))
    office_service.allocate_block(laptop_id, TODAY.year, 3)

    laptop = Store(Database.open(tmp_path / "laptop.db", create=True))
    with laptop.transaction():
        laptop.db.adopt_device(laptop_id)
        laptop.local_state.set_private_key(generate_key_pair().private_pem)  # as `device join` makes it
    _exchange(office, laptop)
    laptop.db.author_id = inspector.id
    laptop_service = NoticeService(Session(laptop, laptop.people.require(inspector.id)).at(TODAY), Settings())
    yield office, office_service, admin, laptop, laptop_service, inspector, enterprises
    laptop.close()


def test_two_devices_issuing_offline_never_collide_and_the_laptop_stops_at_its_block(office_and_laptop) -> None:
    office, office_service, admin, laptop, laptop_service, inspector, (haida, hengxin) = office_and_laptop
    assert not laptop_service.is_office_device() and office_service.is_office_device()
    assert laptop_service.remaining_numbers(TODAY.year) == 3

    # Offline, each issues notices: the laptop from its block 1-3, the office from a block of its own.
    on_laptop = [laptop_service.issue([_hazard(laptop, haida, inspector, f"现场隐患{i}").id], reply_due=TODAY + timedelta(days=15))
                 for i in range(3)]
    on_office = [office_service.issue([_hazard(office, hengxin, admin, f"办公室隐患{i}").id], reply_due=TODAY + timedelta(days=15))
                 for i in range(6)]
    assert [n.seq for n in on_laptop] == [1, 2, 3]
    assert [n.seq for n in on_office] == [4, 5, 6, 7, 8, 9]  # blocks 4-7 and 8-11, after the laptop's

    # The laptop has used its block: a fourth notice is refused with the message, and nothing changes.
    spare = _hazard(laptop, haida, inspector, "第四条隐患")
    before = _numbers(laptop), laptop.db.conn.execute("SELECT max(seq) FROM write_log").fetchone()[0]
    with pytest.raises(NoticeNumbersExhausted, match="本设备本年度通知书编号已用完，请与安全办同步以获取新的编号段"):
        laptop_service.issue([spare.id], reply_due=TODAY + timedelta(days=15))
    assert (_numbers(laptop), laptop.db.conn.execute("SELECT max(seq) FROM write_log").fetchone()[0]) == before
    assert laptop.hazards.require(spare.id).notice_id is None

    # They meet: changes flow both ways, in either order, and every number stays unique.
    _exchange(laptop, office)
    _exchange(office, laptop)
    for store in (office, laptop):
        numbers = _numbers(store)
        assert len(numbers) == 9
        assert len({n for _, _, n in numbers}) == 9 and len({(y, s) for y, s, _ in numbers}) == 9
        linked = store.db.conn.execute("SELECT count(*) FROM hazard WHERE notice_id IS NOT NULL").fetchone()[0]
        assert linked == 9
    assert _numbers(office) == _numbers(laptop)

    # Knowing the office's blocks does not let the laptop take numbers: it still waits for a block of its own.
    with pytest.raises(NoticeNumbersExhausted):
        laptop_service.issue([spare.id], reply_due=TODAY + timedelta(days=15))
    office_service.allocate_block(laptop.db.device_id, TODAY.year, 3)
    _exchange(office, laptop)
    assert laptop_service.remaining_numbers(TODAY.year) == 3
    fourth = laptop_service.issue([spare.id], reply_due=TODAY + timedelta(days=15))
    assert fourth.seq == 12 and fourth.number == "国资安通〔2026〕12号"
    _exchange(laptop, office)
    assert office.notices.require(fourth.id).number == fourth.number
    assert len({n for _, _, n in _numbers(office)}) == 10


def test_blocks_travel_as_append_only_records(office_and_laptop) -> None:
    office, office_service, _, laptop, *_ = office_and_laptop
    assert [(b.device_id, b.first_seq, b.last_seq) for b in laptop.notice_blocks._select()] == \
        [(b.device_id, b.first_seq, b.last_seq) for b in office.notice_blocks._select()]
    block = office.notice_blocks._select()[0]
    with pytest.raises(Exception, match="append-only"):
        with office.transaction():
            office.db.update("notice_block", block.id, {"last_seq": 1000})
    assert _exchange(office, laptop) == 0  # applying the same blocks again changes nothing
