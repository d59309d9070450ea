"""Issuing rectification notices: numbers from the device's blocks, refusals that change nothing, scope, replies."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from safety_desk.domain.bases import basis_problem
from safety_desk.domain.notice_numbers import NoticePatternError
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.notices import NoticeNumbersExhausted, NoticeProblem, NoticeService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.records import Device, District, DistrictMember, Enterprise, Hazard, Person
from safety_desk.store.store import Store

TODAY = date(2026, 3, 10)
REPLY = TODAY + timedelta(days=15)  # on the last deadline of the hazards World.hazard opens


class World:
    """Two districts, an enterprise in each (two in the first), an inspector and an enterprise officer."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.admin = store.people.by_login("admin")
        store.db.author_id = self.admin.id
        self.north = store.districts.add(District(id=store.db.new_id(), code="SB", name="市北片区"))
        self.south = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
        self.haida = self._enterprise("91370202MA3C12345", "青岛海达商贸有限公司", self.north)
        self.hengxin = self._enterprise("91370202MA3C54321", "青岛恒信机械有限公司", self.north)
        self.nanshan = self._enterprise("91370203MA3C11111", "青岛南山物流有限公司", self.south)
        self.inspector = store.people.add(Person(id=store.db.new_id(), name="李娜", login="lina", role="inspector"))
        store.members.add(DistrictMember(id=store.db.new_id(), district_id=self.north.id,
                                         person_id=self.inspector.id, role="inspector"))
        self.officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wq", role="enterprise",
                                               enterprise_id=self.haida.id))

    def _enterprise(self, body: str, name: str, district: District) -> Enterprise:
        return self.store.enterprises.add(Enterprise(
            id=self.store.db.new_id(), uscc=make_uscc(body[:17]), name=name, district_id=district.id,
            industry="商贸", risk_class=2, tracked_since="2025-01-01", principal="张总", address="香港中路1号"))

    def hazard(self, enterprise: Enterprise, description: str = "消防通道堵塞", *, deadline: date | None = None,
               grade: str = "一般", measures: str = "清理堆放物，保持通道畅通", responsible: str = "") -> Hazard:
        return self.store.hazards.open_hazard(Hazard(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            source="inspection", description=description, grade=grade, found_on="2026-03-01",
            found_by=self.inspector.id, measures=measures, responsible=responsible),
            deadline=deadline or TODAY + timedelta(days=15))

    def service(self, person: Person | None = None, settings: Settings | None = None,
                today: date = TODAY) -> NoticeService:
        person = person or self.admin
        self.store.db.author_id = person.id
        return NoticeService(Session(self.store, person).at(today), settings or Settings())

    def snapshot(self) -> tuple:
        """Everything an issue writes: the write log, notices, blocks and the hazards' notice links."""
        conn = self.store.db.conn
        return (conn.execute("SELECT max(seq) FROM write_log").fetchone()[0],
                conn.execute("SELECT count(*) FROM audit").fetchone()[0],
                [tuple(r) for r in conn.execute("SELECT * FROM notice ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT * FROM notice_block ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT id, notice_id FROM hazard ORDER BY id")])


@pytest.fixture
def world(store: Store) -> World:
    return World(store)


def test_a_notice_takes_the_next_number_of_the_pattern_and_links_its_hazards(world: World) -> None:
    service = world.service()
    first, second = world.hazard(world.haida), world.hazard(world.haida, "配电箱未接地")
    notice = service.issue([first.id, second.id], reply_due=TODAY + timedelta(days=15),
                           reinspect_on=TODAY + timedelta(days=20), copy_to="市南区应急管理局")
    assert notice.number == "国资安通〔2026〕1号" and (notice.year, notice.seq) == (2026, 1)
    assert notice.enterprise_id == world.haida.id and notice.district_id == world.north.id
    assert notice.issued_on == TODAY.isoformat() and notice.issued_by == world.admin.id
    assert (notice.reply_due, notice.reinspect_on, notice.copy_to) == ("2026-03-25", "2026-03-30", "市南区应急管理局")
    assert {world.store.hazards.require(h.id).notice_id for h in (first, second)} == {notice.id}

    # The office's device took itself a block of the configured size; the next notice continues it.
    assert [(b.first_seq, b.last_seq) for b in service.blocks(2026)] == [(1, 100)]
    assert service.remaining_numbers(2026) == 99
    padded = world.service(settings=Settings(notice_pattern="青国资安督〔{year}〕{seq:03d}号"))
    assert padded.next_number() == "青国资安督〔2026〕002号"
    assert padded.issue([world.hazard(world.hengxin).id], reply_due=REPLY).number == "青国资安督〔2026〕002号"

    detail = service.notice(notice.id)
    assert detail.enterprise.name == "青岛海达商贸有限公司" and detail.issued_by_name == world.admin.name
    assert {row.hazard.id for row in detail.hazards} == {first.id, second.id}
    assert {row.status for row in detail.hazards} == {"待整改"} and not detail.replied


def test_the_office_device_takes_a_new_block_when_its_block_runs_out(world: World) -> None:
    service = world.service(settings=Settings(notice_block_size=2))
    numbers = [service.issue([world.hazard(world.haida).id], reply_due=REPLY).seq for _ in range(5)]
    assert numbers == [1, 2, 3, 4, 5]
    assert [(b.first_seq, b.last_seq) for b in service.blocks(2026)] == [(1, 2), (3, 4), (5, 6)]
    # A new year starts again at 1.
    next_year = world.service(today=date(2027, 1, 2))
    assert next_year.issue([world.hazard(world.haida).id], reply_due=date(2027, 1, 20)).number == "国资安通〔2027〕1号"


def test_blocks_for_other_devices_are_allocated_consecutively_by_the_office_only(world: World) -> None:
    store = world.store
    laptop = store.devices.add(Device(id=store.db.new_id(), name="李娜的笔记本", role="inspector", public_key="k",
                                      enrolled_at="2026-03-01T08:00:00+08:00"))
    service = world.service()
    service.issue([world.hazard(world.haida).id], reply_due=REPLY)  # the office's own block: 1-100
    block = service.allocate_block(laptop.id, 2026, 50)
    assert (block.device_id, block.first_seq, block.last_seq) == (laptop.id, 101, 150)
    assert service.allocate_block(laptop.id, 2026).first_seq == 151  # default size from the settings
    assert service.allocate_block(laptop.id, 2027, 10).first_seq == 1

    with pytest.raises(NoticeProblem, match="未登记"):
        service.allocate_block("no-such-device", 2026, 10)
    with pytest.raises(ValueError, match="编号段大小"):
        service.allocate_block(laptop.id, 2026, 0)
    with pytest.raises(PermissionDenied):
        world.service(world.inspector).allocate_block(laptop.id, 2026, 10)


def test_hazards_of_two_enterprises_are_refused_naming_both_and_nothing_changes(world: World) -> None:
    hazards = [world.hazard(world.haida).id, world.hazard(world.hengxin).id]
    service = world.service()
    before = world.snapshot()
    with pytest.raises(NoticeProblem) as caught:
        service.issue(hazards, reply_due=REPLY)
    assert "青岛海达商贸有限公司" in str(caught.value) and "青岛恒信机械有限公司" in str(caught.value)
    assert "一个企业" in str(caught.value)
    with pytest.raises(NoticeProblem):
        service.preview(hazards)
    assert world.snapshot() == before


def test_a_closed_hazard_is_refused_and_nothing_changes(world: World) -> None:
    open_one, closed = world.hazard(world.haida), world.hazard(world.haida, "灭火器过期")
    world.store.hazards.append_event(closed.id, "reported_rectified")
    world.store.hazards.append_event(closed.id, "verified")
    before = world.snapshot()
    with pytest.raises(NoticeProblem, match="灭火器过期.*已销号"):
        world.service().issue([open_one.id, closed.id], reply_due=REPLY)
    assert world.snapshot() == before


def test_a_hazard_already_on_a_notice_is_refused_naming_that_notice(world: World) -> None:
    service = world.service()
    taken, fresh = world.hazard(world.haida, "楼梯扶手松动"), world.hazard(world.haida)
    first = service.issue([taken.id], reply_due=REPLY)
    before = world.snapshot()
    with pytest.raises(NoticeProblem) as caught:
        service.issue([fresh.id, taken.id], reply_due=REPLY)
    assert first.number in str(caught.value) and "楼梯扶手松动" in str(caught.value)
    assert world.snapshot() == before
    assert world.store.hazards.require(fresh.id).notice_id is None


def test_a_reply_date_before_today_or_a_bad_pattern_is_refused_and_nothing_changes(world: World) -> None:
    hazard = world.hazard(world.haida)
    before = world.snapshot()
    with pytest.raises(NoticeProblem, match="回复期限 2026-03-09 早于今天"):
        world.service().issue([hazard.id], reply_due=TODAY - timedelta(days=1))
    with pytest.raises(NoticeProblem, match="复查日期"):
        world.service().issue([hazard.id], reply_due=REPLY, reinspect_on=TODAY - timedelta(days=3))
    with pytest.raises(NoticePatternError, match=r"必须包含 \{year\} 和 \{seq\}"):
        world.service(settings=Settings(notice_pattern="国资安通第{seq}号")).issue([hazard.id], reply_due=REPLY)
    with pytest.raises(NoticeProblem, match="至少选择一条"):
        world.service().issue([], reply_due=REPLY)
    assert world.snapshot() == before


def test_an_enterprise_user_cannot_issue_and_an_inspector_only_in_their_districts(world: World) -> None:
    mine, elsewhere = world.hazard(world.haida), world.hazard(world.nanshan)
    before = world.snapshot()
    with pytest.raises(PermissionDenied):
        world.service(world.officer).issue([mine.id], reply_due=REPLY)
    with pytest.raises(PermissionDenied):
        world.service(world.officer).preview([mine.id])
    assert not world.service(world.officer).may_issue()
    with pytest.raises(PermissionDenied):
        world.service(world.inspector).issue([elsewhere.id], reply_due=REPLY)
    assert world.snapshot() == before
    # The inspector issues in their own district (on the office's device here, so from its block).
    assert world.service(world.inspector).issue([mine.id], reply_due=REPLY).issued_by == world.inspector.id


def test_the_default_reply_date_is_the_latest_deadline_or_the_general_period(world: World) -> None:
    service = world.service()
    soon = world.hazard(world.haida, deadline=TODAY + timedelta(days=7))
    later = world.hazard(world.haida, deadline=TODAY + timedelta(days=30))
    preview = service.preview([soon.id, later.id])
    assert preview.default_reply_due == TODAY + timedelta(days=30)
    assert preview.number == "国资安通〔2026〕1号" and preview.enterprise.id == world.haida.id
    overdue = world.hazard(world.haida, deadline=TODAY - timedelta(days=3))
    assert service.preview([overdue.id]).default_reply_due == TODAY + timedelta(days=15)
    assert service.preview([overdue.id]).hazards[0].overdue_days == 3


def test_notices_await_a_reply_until_every_hazard_is_reported_rectified(world: World) -> None:
    service = world.service()
    soon, sooner = TODAY + timedelta(days=5), TODAY + timedelta(days=2)
    first, second = world.hazard(world.haida, deadline=soon), world.hazard(world.haida, deadline=soon)
    notice = service.issue([first.id, second.id], reply_due=soon)
    other = service.issue([world.hazard(world.nanshan, deadline=sooner).id], reply_due=sooner)

    waiting = service.awaiting_reply(TODAY + timedelta(days=8))
    assert [s.notice.number for s in waiting] == [other.number, notice.number]  # soonest reply first
    assert (waiting[1].hazards, waiting[1].outstanding, waiting[1].days_left) == (2, 2, -3)
    assert waiting[1].overdue and waiting[1].overdue_days == 3
    assert service.awaiting_reply(TODAY)[1].days_left == 5

    # Scope: the inspector sees their district's notices, the enterprise its own.
    assert [s.notice.id for s in world.service(world.inspector).awaiting_reply()] == [notice.id]
    assert [s.notice.id for s in world.service(world.officer).awaiting_reply()] == [notice.id]

    world.store.hazards.append_event(first.id, "reported_rectified")
    assert service.awaiting_reply()[1].outstanding == 1
    world.store.hazards.append_event(second.id, "progress")
    world.store.hazards.append_event(second.id, "reported_rectified")
    assert [s.notice.id for s in service.awaiting_reply()] == [other.id]
    assert service.notice(notice.id).replied
    listed = service.of_enterprise(world.haida.id)
    assert [(s.notice.id, s.outstanding) for s in listed] == [(notice.id, 0)]
    with pytest.raises(PermissionDenied):
        world.service(world.officer).of_enterprise(world.nanshan.id)
    with pytest.raises(PermissionDenied):
        world.service(world.officer).notice(other.id)


def test_numbering_after_the_demo_continues_its_blocks_and_never_repeats(demo_store: Store, demo_as_of: date) -> None:
    store, as_of = demo_store, demo_as_of  # the demo issued notices from its own number blocks
    conn = store.db.conn
    device = store.db.device_id
    blocks = store.notice_blocks._select()
    assert blocks and {b.device_id for b in blocks} == {device}
    demo = conn.execute("SELECT year, seq, number, issued_on FROM notice ORDER BY year, seq").fetchall()
    assert demo and all(any(b.year == y and b.first_seq <= s <= b.last_seq for b in blocks) for y, s, _, _ in demo)
    assert [n for _, _, n, _ in demo] == [f"国资安通〔{y}〕{s}号" for y, s, _, _ in demo]
    assert [d for *_, d in demo] == sorted(d for *_, d in demo)  # numbered in the order issued
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    service = NoticeService(Session(store, admin).at(as_of))
    # An open hazard without a notice whose basis a notice may stand on (issue() refuses one cited from a
    # superseded edition).
    hazard = next(h for h, basis in conn.execute(
        "SELECT h.id, h.basis FROM hazard h JOIN hazard_state s ON s.hazard_id = h.id"
        " WHERE h.notice_id IS NULL AND s.status != '已销号' ORDER BY h.id") if basis_problem(basis, as_of) is None)
    notice = service.issue([hazard], reply_due=as_of)
    last = max(s for y, s, _, _ in demo if y == as_of.year)
    assert (notice.year, notice.seq) == (as_of.year, last + 1)
    numbers = [r[0] for r in conn.execute("SELECT number FROM notice")]
    assert len(numbers) == len(set(numbers))


def test_a_device_without_numbers_is_told_to_sync_with_the_office(world: World, tmp_path: Path) -> None:
    # The office's device is an inspector's laptop here: it may not allocate itself a block.
    store = world.store
    store.devices.update(store.db.device_id, role="inspector")
    service = world.service()
    hazard = world.hazard(world.haida)
    before = world.snapshot()
    with pytest.raises(NoticeNumbersExhausted, match="本设备本年度通知书编号已用完，请与安全办同步以获取新的编号段"):
        service.issue([hazard.id], reply_due=REPLY)
    assert world.snapshot() == before
    preview = service.preview([hazard.id])
    assert preview.number is None and "请与安全办同步" in preview.number_problem
    assert service.remaining_numbers() == 0


def test_a_database_from_before_blocks_continues_after_its_existing_numbers(tmp_path: Path, monkeypatch) -> None:
    from safety_desk.services.setup import initialise
    from safety_desk.store import connection
    from safety_desk.store.migrations import all_migrations
    from safety_desk.store.records import Notice

    path = tmp_path / "old.db"
    monkeypatch.setattr(connection, "all_migrations", lambda: all_migrations()[:2])  # the program before 0003
    from safety_desk.store.repository import Repository

    # ... which wrote only the columns its schema had (later migrations add some).
    stored = Repository._stored
    monkeypatch.setattr(Repository, "_stored", lambda self, record: {
        k: v for k, v in stored(self, record).items() if k in self.db.columns(self.table)})
    initialise(path, admin_login="admin", admin_password="pw")
    with Store.open(path) as old:
        # Only what the old schema has (people of today's program carry columns it lacks).
        world = World.__new__(World)
        world.store = old
        old.db.author_id = old.db.conn.execute("SELECT id FROM person WHERE login = 'admin'").fetchone()[0]
        world.north = old.districts.add(District(id=old.db.new_id(), code="SB", name="市北片区"))
        world.haida = world._enterprise("91370202MA3C12345", "青岛海达商贸有限公司", world.north)
        for seq in (1, 2, 3):
            old.notices.add(Notice(id=old.db.new_id(), number=f"国资安通〔2026〕第{seq}号", year=2026, seq=seq,
                                   enterprise_id=world.haida.id, district_id=world.north.id,
                                   issued_on="2026-03-01", reply_due="2026-03-16"))
    monkeypatch.undo()
    with Store.open(path) as upgraded:
        assert upgraded.db.conn.execute("PRAGMA user_version").fetchone()[0] == len(all_migrations())
        # The hazard is written by today's program: the old one would not know today's hazard columns.
        world.store = upgraded
        world.inspector = upgraded.people.add(Person(id=upgraded.db.new_id(), name="李娜", login="lina",
                                                     role="inspector"))
        hazard = world.hazard(world.haida)
        admin = upgraded.people.by_login("admin")
        upgraded.db.author_id = admin.id
        service = NoticeService(Session(upgraded, admin).at(TODAY))
        notice = service.issue([hazard.id], reply_due=REPLY)
        assert (notice.seq, notice.number) == (4, "国资安通〔2026〕4号")
        assert [(b.first_seq, b.last_seq) for b in upgraded.notice_blocks.of_year(2026)] == [(4, 103)]
