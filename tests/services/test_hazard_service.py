"""The hazard service: the closed loop by role, refusals that change nothing, and overdue at the deadline."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from safety_desk.domain.clock import SystemClock
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.hazards import (
    EXTEND_DEADLINE, RECORD_PROGRESS, REJECT, REOPEN, REPORT_RECTIFIED, SUPERVISION, TREATMENT_PLAN,
    TREATMENT_PLAN_LABELS, VERIFY, WRITEOFF, HazardProblem, HazardService,
)
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.hazards import TREATMENT_PLAN_ELEMENTS
from safety_desk.store.records import District, DistrictMember, Enterprise, Person
from safety_desk.store.store import Store

GENERAL = "general@3"
FULL_PLAN = {key: f"{label}：已落实" for key, label in TREATMENT_PLAN_LABELS.items()}


def _jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


class World:
    """Two districts with an enterprise each; an inspector of the first; each enterprise's safety officer."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.admin = store.people.by_login("admin")
        store.db.author_id = self.admin.id
        south = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
        north = store.districts.add(District(id=store.db.new_id(), code="SB", name="市北片区"))
        self.ours = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370202MA3C12345"), name="青岛海达商贸有限公司",
            district_id=south.id, industry="商贸", risk_class=2, tracked_since="2025-01-01",
            safety_officer="王强"))
        self.theirs = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370203MA3C54321"), name="青岛北岸物流有限公司",
            district_id=north.id, industry="仓储物流", risk_class=2, tracked_since="2025-01-01"))
        self.inspector = store.people.add(Person(id=store.db.new_id(), name="李娜", login="lina", role="inspector"))
        store.members.add(DistrictMember(id=store.db.new_id(), district_id=south.id, person_id=self.inspector.id,
                                         role="inspector"))
        self.officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wq", role="enterprise",
                                               enterprise_id=self.ours.id))
        self.other_officer = store.people.add(Person(id=store.db.new_id(), name="赵敏", login="zm",
                                                     role="enterprise", enterprise_id=self.theirs.id))
        self.photo_colours = iter((i * 7 % 256, i * 13 % 256, i * 29 % 256) for i in range(1, 1000))

    def service(self, person: Person, today: date | None = None) -> HazardService:
        session = Session(self.store, person)
        return HazardService(session.at(today) if today else session, Settings())

    def find(self, enterprise: Enterprise, item: str = "1.1") -> str:
        """The admin fails an item in a routine inspection: its hazard (1.1 一般, 1.6 重大)."""
        inspections = InspectionService(Session(self.store, self.admin), Settings())
        inspection = inspections.start(enterprise.id, GENERAL, "routine")
        return inspections.answer(inspection.id, item, "fail").hazards[item].id

    def photo(self) -> str:
        return ingest_bytes(self.store, _jpeg(next(self.photo_colours)), "after.jpg").id

    def status(self, hazard_id: str) -> str:
        return self.store.hazards.state(hazard_id).status.value

    def snapshot(self) -> tuple:
        """Everything a refused action must leave as it was."""
        conn = self.store.db.conn
        return (conn.execute("SELECT count(*) FROM hazard_event").fetchone()[0],
                [tuple(r) for r in conn.execute("SELECT * FROM hazard ORDER BY id")],
                [tuple(r) for r in conn.execute("SELECT * FROM hazard_state ORDER BY hazard_id")],
                conn.execute("SELECT count(*) FROM audit").fetchone()[0])


@pytest.fixture
def world(store: Store) -> World:
    return World(store)


def test_the_loop_report_reject_report_accept_reopen(world) -> None:
    hazard_id = world.find(world.ours)
    enterprise, inspector = world.service(world.officer), world.service(world.inspector)
    assert world.status(hazard_id) == "待整改"
    assert enterprise.available_actions(hazard_id) == {REPORT_RECTIFIED, RECORD_PROGRESS}
    assert inspector.available_actions(hazard_id) == {REPORT_RECTIFIED, RECORD_PROGRESS, EXTEND_DEADLINE}

    enterprise.record_progress(hazard_id, "已联系维修单位")
    assert world.status(hazard_id) == "整改中"
    first = world.photo()
    enterprise.report_rectified(hazard_id, "已更换灭火器", [first])
    assert world.status(hazard_id) == "待复查"
    assert enterprise.available_actions(hazard_id) == set()
    assert inspector.available_actions(hazard_id) == {VERIFY, REJECT, EXTEND_DEADLINE}

    inspector.reject(hazard_id, "压力表仍不在绿区")
    assert world.status(hazard_id) == "整改中"
    second = world.photo()
    enterprise.report_rectified(hazard_id, "再次整改", [second])
    inspector.verify(hazard_id, "复查合格")
    assert world.status(hazard_id) == "已销号"
    assert inspector.available_actions(hazard_id) == {REOPEN}

    inspector.reopen(hazard_id, "复查后发现再次损坏")
    assert world.status(hazard_id) == "整改中"

    detail = enterprise.detail(hazard_id)
    assert [v.event.kind for v in detail.events] == [
        "created", "progress", "reported_rectified", "rejected", "reported_rectified", "verified", "reopened"]
    assert [v.author_name for v in detail.events][1:] == ["王强", "王强", "李娜", "王强", "李娜", "李娜"]
    assert detail.events[3].event.reason == "压力表仍不在绿区" and detail.events[3].kind_label == "复查不合格，退回整改"
    assert [r.photos for r in detail.reports] == [[second], [first]]  # latest report first
    assert detail.after_photos == [second, first] and detail.status == "整改中"
    assert detail.enterprise_name == "青岛海达商贸有限公司" and "日常检查" in detail.source_inspection


def test_bad_input_is_refused_and_changes_nothing(world) -> None:
    hazard_id = world.find(world.ours)
    enterprise, inspector = world.service(world.officer), world.service(world.inspector)
    found_on = date.fromisoformat(world.store.hazards.require(hazard_id).found_on)

    before = world.snapshot()
    with pytest.raises(HazardProblem, match="整改后照片"):
        enterprise.report_rectified(hazard_id, "已整改", [])
    with pytest.raises(HazardProblem, match="不存在"):
        enterprise.report_rectified(hazard_id, "已整改", ["no-such-photo"])
    with pytest.raises(HazardProblem, match="早于发现日期"):
        inspector.extend_deadline([hazard_id], found_on - timedelta(days=1), "设备采购")
    with pytest.raises(HazardProblem, match="原因"):
        inspector.extend_deadline([hazard_id], found_on + timedelta(days=30), "  ")
    with pytest.raises(HazardProblem, match="不能退回整改"):  # not awaiting re-inspection yet
        inspector.reject(hazard_id, "不合格")
    assert world.snapshot() == before

    enterprise.report_rectified(hazard_id, "已整改", [world.photo()])
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="原因"):
        inspector.reject(hazard_id, "   ")
    assert world.snapshot() == before
    inspector.verify(hazard_id)
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="原因"):
        inspector.reopen(hazard_id, "")
    with pytest.raises(HazardProblem, match="已销号"):
        inspector.extend_deadline([hazard_id], found_on + timedelta(days=30), "延期")
    assert world.snapshot() == before


def test_a_major_hazard_needs_its_complete_plan_before_reporting(world) -> None:
    hazard_id = world.find(world.ours, "1.6")
    enterprise = world.service(world.officer)
    photo = world.photo()
    assert TREATMENT_PLAN in enterprise.available_actions(hazard_id)
    assert REPORT_RECTIFIED not in enterprise.available_actions(hazard_id)
    assert "治理方案" in enterprise.detail(hazard_id).report_blocked

    before = world.snapshot()
    with pytest.raises(HazardProblem, match="治理方案"):
        enterprise.report_rectified(hazard_id, "已整改", [photo])
    assert world.snapshot() == before

    partial = {**FULL_PLAN, "funding": "  "}
    enterprise.save_treatment_plan(hazard_id, partial)
    detail = enterprise.detail(hazard_id)
    assert detail.plan_missing == ["经费和物资的落实"] and detail.hazard.treatment_plan["funding"] == ""
    assert detail.events[-1].event.kind == "comment"
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="经费和物资的落实"):
        enterprise.report_rectified(hazard_id, "已整改", [photo])
    with pytest.raises(HazardProblem, match="要素"):
        enterprise.save_treatment_plan(hazard_id, {"budget": "10万元"})
    assert world.snapshot() == before

    enterprise.save_treatment_plan(hazard_id, FULL_PLAN)
    assert set(world.store.hazards.require(hazard_id).treatment_plan) == set(TREATMENT_PLAN_ELEMENTS)
    enterprise.report_rectified(hazard_id, "已整改", [photo])
    assert world.status(hazard_id) == "待复查"


def test_a_general_hazard_has_no_plan_or_supervision(world) -> None:
    hazard_id = world.find(world.ours)
    inspector = world.service(world.inspector)
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="重大隐患"):
        inspector.save_treatment_plan(hazard_id, FULL_PLAN)
    with pytest.raises(HazardProblem, match="重大隐患"):
        inspector.set_supervision(hazard_id, "市", None)
    assert world.snapshot() == before


def test_supervision_level_and_referral_date(world) -> None:
    hazard_id = world.find(world.ours, "1.6")
    inspector = world.service(world.inspector)
    found_on = date.fromisoformat(world.store.hazards.require(hazard_id).found_on)
    assert SUPERVISION in inspector.available_actions(hazard_id)
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="早于发现日期"):
        inspector.set_supervision(hazard_id, "市", found_on - timedelta(days=1))
    with pytest.raises(HazardProblem, match="省/市/县"):
        inspector.set_supervision(hazard_id, "国家", None)
    assert world.snapshot() == before
    inspector.set_supervision(hazard_id, "市", found_on + timedelta(days=1))
    hazard = world.store.hazards.require(hazard_id)
    assert (hazard.supervision_level, hazard.referred_on) == ("市", (found_on + timedelta(days=1)).isoformat())
    assert "市级挂牌督办" in inspector.detail(hazard_id).events[-1].event.reason
    with pytest.raises(PermissionDenied):
        world.service(world.officer).set_supervision(hazard_id, "省", None)


def test_the_enterprise_cannot_verify_reject_extend_or_reopen(world) -> None:
    hazard_id = world.find(world.ours)
    enterprise = world.service(world.officer)
    enterprise.report_rectified(hazard_id, "已整改", [world.photo()])
    before = world.snapshot()
    for attempt in (lambda: enterprise.verify(hazard_id), lambda: enterprise.reject(hazard_id, "x"),
                    lambda: enterprise.extend_deadline([hazard_id], SystemClock().today() + timedelta(days=9), "x"),
                    lambda: enterprise.reopen(hazard_id, "x")):
        with pytest.raises(PermissionDenied):
            attempt()
    assert world.snapshot() == before


def test_nobody_touches_a_hazard_outside_their_scope(world) -> None:
    theirs = world.find(world.theirs)
    photo = world.photo()
    before = world.snapshot()
    with pytest.raises(PermissionDenied):
        world.service(world.officer).report_rectified(theirs, "已整改", [photo])
    with pytest.raises(PermissionDenied):
        world.service(world.officer).detail(theirs)
    inspector = world.service(world.inspector)  # inspects 市南 only; this hazard is in 市北
    with pytest.raises(PermissionDenied):
        inspector.detail(theirs)
    with pytest.raises(PermissionDenied):
        inspector.extend_deadline([theirs], SystemClock().today() + timedelta(days=30), "延期")
    assert world.snapshot() == before
    # The other enterprise's own officer may.
    world.service(world.other_officer).report_rectified(theirs, "已整改", [photo])
    assert world.status(theirs) == "待复查"


def test_extending_several_is_all_or_nothing(world) -> None:
    first, second, theirs = world.find(world.ours), world.find(world.ours), world.find(world.theirs)
    inspector, office = world.service(world.inspector), world.service(world.admin)
    new_deadline = SystemClock().today() + timedelta(days=40)
    before = world.snapshot()
    with pytest.raises(PermissionDenied):
        inspector.extend_deadline([first, second, theirs], new_deadline, "设备采购周期长")
    assert world.snapshot() == before

    assert office.extend_deadline([first, second, theirs], new_deadline, "设备采购周期长") == 3
    for hazard_id in (first, second, theirs):
        state = world.store.hazards.state(hazard_id)
        assert state.deadline == new_deadline and state.status.value == "待整改"
        assert world.store.hazards.events(hazard_id)[-1].reason == "设备采购周期长"
    assert office.extend_deadline([first, second], new_deadline, "再次确认") == 0  # the same date: no change


def test_overdue_at_the_deadline_boundary(world) -> None:
    hazard_id = world.find(world.ours)
    deadline = world.store.hazards.state(hazard_id).deadline
    assert world.service(world.admin, deadline).detail(hazard_id).overdue_days == 0
    assert world.service(world.admin, deadline + timedelta(days=1)).detail(hazard_id).overdue_days == 1
    assert world.service(world.admin, deadline + timedelta(days=10)).detail(hazard_id).overdue_days == 10
    # Reported rectified: no longer overdue, whatever the date.
    world.service(world.officer).report_rectified(hazard_id, "已整改", [world.photo()])
    assert world.service(world.admin, deadline + timedelta(days=10)).detail(hazard_id).overdue_days == 0


def _supervised_awaiting_review(world) -> str:
    """A 重大 hazard under 市级挂牌督办, its plan complete and its rectification reported."""
    hazard_id = world.find(world.ours, "1.6")
    inspector = world.service(world.inspector)
    inspector.save_treatment_plan(hazard_id, FULL_PLAN)
    inspector.set_supervision(hazard_id, "市", None)
    world.service(world.officer).report_rectified(hazard_id, "已整改", [world.photo()])
    return hazard_id


def test_a_listed_major_hazard_closes_only_after_the_authoritys_writeoff(world) -> None:
    # 16号令 arts. 18/23: the supervising department, not the inspector, writes a 挂牌督办 hazard off.
    hazard_id = _supervised_awaiting_review(world)
    inspector = world.service(world.inspector)
    assert VERIFY not in inspector.available_actions(hazard_id)
    assert WRITEOFF in inspector.available_actions(hazard_id)
    assert "核销" in inspector.detail(hazard_id).report_blocked
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="核销"):
        inspector.verify(hazard_id)
    assert world.snapshot() == before and world.status(hazard_id) == "待复查"
    today = SystemClock().today()
    inspector.record_writeoff(hazard_id, today, " 青岛市应急管理局 ", "青应急核〔2026〕3号")
    hazard = world.store.hazards.require(hazard_id)
    assert (hazard.writeoff_on, hazard.writeoff_authority, hazard.writeoff_number) == (
        today.isoformat(), "青岛市应急管理局", "青应急核〔2026〕3号")
    assert "督办部门核销：青岛市应急管理局 青应急核〔2026〕3号" in inspector.detail(hazard_id).events[-1].event.reason
    assert VERIFY in inspector.available_actions(hazard_id)
    inspector.verify(hazard_id)
    assert world.status(hazard_id) == "已销号"


def test_an_unlisted_major_hazard_closes_as_before(world) -> None:
    hazard_id = world.find(world.ours, "1.6")
    inspector = world.service(world.inspector)
    inspector.save_treatment_plan(hazard_id, FULL_PLAN)
    world.service(world.officer).report_rectified(hazard_id, "已整改", [world.photo()])
    assert WRITEOFF not in inspector.available_actions(hazard_id)
    inspector.verify(hazard_id)
    assert world.status(hazard_id) == "已销号"


def test_a_writeoff_needs_day_authority_and_number(world) -> None:
    hazard_id = _supervised_awaiting_review(world)
    inspector = world.service(world.inspector)
    today = SystemClock().today()
    found_on = date.fromisoformat(world.store.hazards.require(hazard_id).found_on)
    before = world.snapshot()
    for attempt, message in ((lambda: inspector.record_writeoff(hazard_id, today, " ", "文号"), "核销机关"),
                             (lambda: inspector.record_writeoff(hazard_id, today, "机关", ""), "核销文号"),
                             (lambda: inspector.record_writeoff(hazard_id, found_on - timedelta(days=1), "机关", "1号"),
                              "早于发现日期"),
                             (lambda: inspector.record_writeoff(hazard_id, today + timedelta(days=1), "机关", "1号"),
                              "晚于今天")):
        with pytest.raises(HazardProblem, match=message):
            attempt()
    with pytest.raises(PermissionDenied):
        world.service(world.officer).record_writeoff(hazard_id, today, "机关", "1号")
    assert world.snapshot() == before
    general = world.find(world.ours)
    with pytest.raises(HazardProblem, match="挂牌督办"):
        inspector.record_writeoff(general, today, "机关", "1号")


def test_rejecting_after_the_deadline_asks_for_a_new_one(world) -> None:
    hazard_id = world.find(world.ours)
    enterprise, inspector = world.service(world.officer), world.service(world.inspector)
    today = inspector.as_of()
    inspector.extend_deadline([hazard_id], today, "今天到期")
    enterprise.report_rectified(hazard_id, "已整改", [world.photo()])
    before = world.snapshot()
    with pytest.raises(HazardProblem, match="新的整改期限"):
        inspector.reject(hazard_id, "压力表仍不在绿区")  # sent back already overdue: refused
    with pytest.raises(HazardProblem, match="须晚于今天"):
        inspector.reject(hazard_id, "压力表仍不在绿区", today)
    assert world.snapshot() == before
    inspector.reject(hazard_id, "压力表仍不在绿区", today + timedelta(days=7))
    detail = inspector.detail(hazard_id)
    assert detail.status == "整改中" and detail.deadline == today + timedelta(days=7) and not detail.overdue_days
