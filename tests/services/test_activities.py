"""Drills, training, incidents and campaigns: due dates, plan -> record, findings as hazards, the goal, progress."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.activities import (
    ActivityProblem, CampaignService, DrillService, IncidentService, TrainingService, campaign_progress,
    drills_due, goal_status, overdue_drill_count,
)
from safety_desk.domain.china_time import BEIJING
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.records import District, DistrictMember, Drill, Enterprise, Inspection, Person
from safety_desk.store.store import Store

TODAY = date(2026, 11, 27)
GENERAL = "general@3"


def _enterprise(store: Store, district: District, body: str, name: str, industry: str, high_risk: bool,
                since: str = "2025-01-01", risk_class: int = 1) -> Enterprise:
    return store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc(body), name=name, district_id=district.id, industry=industry,
        risk_class=risk_class, high_risk=high_risk, tracked_since=since, safety_officer="王强"))


class World:
    """Two districts; an inspector of the first; an enterprise user of a first-district enterprise."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.admin = store.people.by_login("admin")
        store.db.author_id = self.admin.id
        self.north = store.districts.add(District(id=store.db.new_id(), code="N", name="北片区"))
        self.south = store.districts.add(District(id=store.db.new_id(), code="S", name="南片区"))
        self.chem = _enterprise(store, self.north, "91370202MA3C12345", "海达化工有限公司", "危险化学品", True)
        self.works = _enterprise(store, self.north, "91370202MA3C12346", "海达机械有限公司", "机械", False,
                                 risk_class=2)
        self.far = _enterprise(store, self.south, "91370202MA3C12347", "南山纺织有限公司", "纺织", False,
                               risk_class=2)
        self.inspector = store.people.add(Person(id=store.db.new_id(), name="李娜", login="lina", role="inspector"))
        store.members.add(DistrictMember(id=store.db.new_id(), district_id=self.north.id,
                                         person_id=self.inspector.id, role="inspector"))
        self.officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wq", role="enterprise",
                                               enterprise_id=self.works.id))

    def session(self, who: str = "admin") -> Session:
        person = {"admin": self.admin, "inspector": self.inspector, "enterprise": self.officer}[who]
        return Session(self.store, person)

    def drills(self, who: str = "admin") -> DrillService:
        return DrillService(self.session(who).at(TODAY))

    def held(self, enterprise: Enterprise, day: str, plan_type: str = "专项应急预案") -> Drill:
        return self.store.drills.add(Drill(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            name="演练", plan_type=plan_type, content="单项演练", form="实战演练", held_on=day))

    def inspect(self, enterprise: Enterprise, day: str, *, kind: str = "routine", submitted: bool = True,
                campaign_id: str | None = None) -> Inspection:
        return self.store.inspections.add(Inspection(
            id=self.store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            checklist_id=GENERAL, kind=kind, started_at=f"{day}T09:00:00+08:00",
            status="submitted" if submitted else "draft", campaign_id=campaign_id))


@pytest.fixture
def world(store: Store) -> World:
    return World(store)


def _table_counts(store: Store) -> dict[str, int]:
    return {table: store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("drill", "training", "incident", "campaign", "hazard", "hazard_event", "audit")}


# -- drill due dates ---------------------------------------------------------------------------------
def test_a_high_risk_enterprise_under_the_national_text_is_due_yearly_for_its_main_drill(world: World) -> None:
    world.held(world.chem, "2026-05-27", "专项应急预案")
    world.held(world.chem, "2026-08-01", "现场处置方案")
    due = world.drills().due_for(world.chem.id, date(2026, 11, 28))  # the default: art. 33 as written
    assert due.schedule.comprehensive_or_specific.next_due == date(2027, 5, 27) and not due.overdue


def test_a_high_risk_enterprise_is_due_half_yearly_under_a_local_rule_and_overdue_the_day_after(world: World) -> None:
    world.held(world.chem, "2026-05-27", "专项应急预案")
    world.held(world.chem, "2026-08-01", "现场处置方案")
    service = DrillService(world.session("admin").at(TODAY), Settings(drill_rule="local_half_yearly"))
    on_due_day = service.due_for(world.chem.id, date(2026, 11, 27))
    assert on_due_day.next_due == date(2026, 11, 27) and on_due_day.overdue_days == 0
    assert on_due_day.last_held == date(2026, 5, 27)  # of the group that is due
    day_after = service.due_for(world.chem.id, date(2026, 11, 28))
    assert day_after.overdue and day_after.overdue_days == 1
    assert day_after.due_groups == ("综合/专项预案演练",)


def test_an_ordinary_enterprise_is_due_yearly_for_its_main_drill(world: World) -> None:
    world.held(world.works, "2026-01-10", "综合应急预案")
    world.held(world.works, "2026-09-01", "现场处置方案")
    due = world.drills().due_for(world.works.id, date(2026, 11, 27))
    assert due.schedule.comprehensive_or_specific.next_due == date(2027, 1, 10)
    assert due.schedule.on_site.next_due == date(2027, 3, 1)
    assert due.next_due == date(2027, 1, 10) and not due.overdue


def test_an_enterprise_that_never_drilled_counts_from_when_tracking_began(world: World) -> None:
    due = world.drills().due_for(world.far.id, TODAY)  # tracked since 2025-01-01, on-site every 6 months
    assert due.last_held is None and due.next_due == date(2025, 7, 1)
    assert due.overdue_days == (TODAY - date(2025, 7, 1)).days


def test_drills_due_lists_overdue_first_within_the_scope_and_counts_them(world: World) -> None:
    for enterprise in (world.chem, world.works, world.far):
        world.held(enterprise, "2026-09-20", "综合应急预案")
        world.held(enterprise, "2026-09-20", "现场处置方案")
    world.held(world.works, "2026-03-01", "现场处置方案")
    # chem: due 2027-03-20 (both groups, 6 months); works and far: on-site due 2027-03-20, main 2027-09-20.
    assert drills_due(world.session(), TODAY) == []
    assert overdue_drill_count(world.session(), TODAY) == 0
    later = date(2027, 3, 25)
    office = drills_due(world.session(), later)
    assert {d.enterprise_id for d in office} == {world.chem.id, world.works.id, world.far.id}
    assert all(d.overdue_days == 5 for d in office)
    assert overdue_drill_count(world.session(), later) == 3
    assert {d.enterprise_id for d in drills_due(world.session("inspector"), later)} == {world.chem.id, world.works.id}
    assert [d.enterprise_id for d in drills_due(world.session("enterprise"), later)] == [world.works.id]
    # Due within the window but not yet overdue: listed, not counted.
    soon = date(2027, 3, 1)
    assert {d.enterprise_id for d in drills_due(world.session(), soon, within_days=30)} == {
        world.chem.id, world.works.id, world.far.id}
    assert overdue_drill_count(world.session(), soon) == 0


# -- plan -> record -> finding -----------------------------------------------------------------------
def test_a_planned_drill_is_shown_as_planned_and_recorded_once_held(world: World) -> None:
    service = world.drills("inspector")
    planned = service.plan(world.chem.id, "罐区泄漏现场处置演练", "现场处置方案", "单项演练", "实战演练",
                           "储罐法兰泄漏", TODAY + timedelta(days=10))
    assert planned.status == "planned" and planned.planned_on == "2026-12-07"
    assert service.planned() == [planned] and service.records() == []
    due = {d.enterprise_id: d for d in drills_due(world.session(), TODAY, 365)}
    assert due[world.chem.id].planned.id == planned.id and due[world.works.id].planned is None
    # A planned drill is not a held one: it does not move the due date.
    assert service.due_for(world.chem.id, TODAY).last_held is None

    held_day = TODAY  # held earlier than planned
    recorded = service.record(planned.id, held_day, 36, evaluation="处置及时", findings="个别人员不会使用空气呼吸器",
                              place="罐区", organiser="安全部", units="应急队", evaluators="张工",
                              objectives="检验处置能力", revisions="补充夜间处置程序", reported_on=held_day)
    assert recorded.id == planned.id and recorded.status == "held"
    assert recorded.held_on == "2026-11-27" and recorded.planned_on == "2026-12-07"
    assert recorded.participants == 36 and recorded.name == "罐区泄漏现场处置演练"
    assert service.planned() == [] and [d.id for d in service.records()] == [planned.id]
    assert world.store.drills.count() == 1
    assert service.due_for(world.chem.id, TODAY).schedule.on_site.last_held == TODAY


def test_a_drill_held_without_a_plan_is_recorded_new(world: World) -> None:
    service = world.drills("enterprise")
    drill = service.record(None, "2026-11-20", 12, enterprise_id=world.works.id, name="车间疏散演练",
                           plan_type="现场处置方案", content="单项演练", form="桌面演练")
    assert drill.status == "held" and drill.planned_on is None
    assert [d.id for d in service.records()] == [drill.id]


def test_a_drill_keeps_its_start_time_and_duration_and_an_old_one_has_none(world: World) -> None:
    service = world.drills("inspector")
    old = service.record(None, "2026-11-20", 20, enterprise_id=world.chem.id, name="火灾专项演练",
                         plan_type="专项应急预案", content="单项演练", form="实战演练")
    assert (old.start_time, old.duration_minutes) == (None, None)
    timed = service.record(old.id, "2026-11-20", 20, start_time="9:30", duration_minutes=1440)
    assert (timed.start_time, timed.duration_minutes) == ("09:30", 1440)
    # Left out, they stay as recorded; given as "", they are cleared (not recorded).
    assert service.record(old.id, "2026-11-20", 21).start_time == "09:30"
    cleared = service.record(old.id, "2026-11-20", 21, start_time="", duration_minutes="")
    assert (cleared.start_time, cleared.duration_minutes) == (None, None)
    assert world.store.drills.get(old.id).duration_minutes is None


def test_a_finding_becomes_a_hazard_in_the_ledger_from_the_drill(world: World) -> None:
    service = world.drills("inspector")
    drill = service.record(None, "2026-11-20", 20, enterprise_id=world.chem.id, name="火灾专项演练",
                           plan_type="专项应急预案", content="单项演练", form="实战演练")
    hazard = service.add_finding_hazard(drill.id, "消防水带老化破损", "一般", date(2026, 12, 5))
    assert hazard.source == "drill" and hazard.drill_id == drill.id and hazard.found_on == "2026-11-20"
    assert world.store.hazards.cached_state(hazard.id).status == "待整改"
    assert world.store.hazards.cached_state(hazard.id).deadline == "2026-12-05"
    assert "消防水带老化破损" in world.store.drills.get(drill.id).findings
    # As of the day it was registered: the ledger of an earlier day (as of TODAY) does not list it yet.
    ledger = LedgerService(world.session("inspector").at(world.store.db.wall.today()))
    rows, total = ledger.first_page(LedgerFilter(source="drill"))
    assert total == 1 and rows[0].hazard_id == hazard.id and rows[0].description == "消防水带老化破损"
    # The page shows the source as 演练 (the Chinese of the ledger model's "Drill").
    assert rows[0].source == "drill"


# -- bad input and permissions for drills ----------------------------------------------------------
@pytest.mark.parametrize("change, message", [
    (dict(held_on=TODAY + timedelta(days=1)), "未来"),
    (dict(participants=-1), "不能为负"),
    (dict(participants=2.5), "整数"),
    (dict(plan_type="年度演练"), "预案类型"),
    (dict(form="视频演练"), "演练形式"),
    (dict(name="  "), "名称"),
    (dict(reported_on="2026-11-01"), "报送日期"),
    (dict(start_time="24:00"), "开始时间"),
    (dict(start_time="9.30"), "开始时间"),
    (dict(duration_minutes=0), "时长"),
    (dict(duration_minutes=1441), "时长"),
    (dict(duration_minutes=1.5), "整数"),
])
def test_bad_drill_records_are_refused_and_change_nothing(world: World, change, message) -> None:
    arguments = dict(held_on="2026-11-20", participants=10, enterprise_id=world.chem.id, name="演练",
                     plan_type="专项应急预案", content="单项演练", form="实战演练")
    arguments.update(change)
    before = _table_counts(world.store)
    with pytest.raises(ActivityProblem, match=message):
        world.drills().record(None, **arguments)
    assert _table_counts(world.store) == before


def test_bad_plans_and_findings_are_refused_and_change_nothing(world: World) -> None:
    service = world.drills()
    planned = service.plan(world.chem.id, "演练", "综合应急预案", "综合演练", "实战演练", "", TODAY)
    before = _table_counts(world.store)
    with pytest.raises(ActivityProblem, match="已过"):
        service.plan(world.chem.id, "演练", "综合应急预案", "综合演练", "实战演练", "", TODAY - timedelta(days=1))
    with pytest.raises(ActivityProblem, match="尚未举行"):
        service.add_finding_hazard(planned.id, "问题", "一般", TODAY)
    held = service.record(planned.id, TODAY, 5)
    before = _table_counts(world.store)
    with pytest.raises(ActivityProblem, match="整改期限不能早于发现日期"):
        service.add_finding_hazard(held.id, "问题", "一般", TODAY - timedelta(days=1))
    with pytest.raises(ActivityProblem, match="隐患等级"):
        service.add_finding_hazard(held.id, "问题", "特大", TODAY)
    with pytest.raises(ActivityProblem, match="描述"):
        service.add_finding_hazard(held.id, " ", "一般", TODAY)
    assert _table_counts(world.store) == before


def test_drills_outside_ones_scope_are_refused(world: World) -> None:
    before = _table_counts(world.store)
    with pytest.raises(PermissionDenied):
        world.drills("inspector").plan(world.far.id, "演练", "综合应急预案", "综合演练", "实战演练", "", TODAY)
    with pytest.raises(PermissionDenied):
        world.drills("enterprise").record(None, TODAY, 3, enterprise_id=world.chem.id, name="演练",
                                          plan_type="综合应急预案", content="综合演练", form="实战演练")
    other = world.drills().record(None, TODAY, 3, enterprise_id=world.far.id, name="演练",
                                  plan_type="综合应急预案", content="综合演练", form="实战演练")
    with pytest.raises(PermissionDenied):
        world.drills("inspector").add_finding_hazard(other.id, "问题", "一般", TODAY)
    assert world.drills("inspector").records() == []
    assert _table_counts(world.store)["hazard"] == before["hazard"]


# -- training -----------------------------------------------------------------------------------------
def test_training_for_several_enterprises_is_seen_by_whoever_sees_one_of_them(world: World) -> None:
    office = TrainingService(world.session().at(TODAY))
    joint = office.record("2026-11-10", "有限空间作业专项培训", 4, 60, enterprise_ids=[world.works.id, world.far.id])
    city = office.record("2026-11-12", "安全生产月宣教活动", 2, 300)
    south = office.record("2026-11-13", "片区培训", 2, 30, district_id=world.south.id)
    assert joint.enterprise_ids == [world.works.id, world.far.id] and joint.enterprise_id == world.works.id
    period = (date(2026, 11, 1), date(2026, 11, 30))
    seen = {who: {row.training.id for row in TrainingService(world.session(who)).in_period(*period)}
            for who in ("admin", "inspector", "enterprise")}
    assert seen["admin"] == {joint.id, city.id, south.id}
    assert seen["inspector"] == {joint.id, city.id}
    assert seen["enterprise"] == {joint.id, city.id}
    rows = office.in_period(*period)
    assert [row.audience for row in rows] == ["南片区", "全市", "海达机械有限公司、南山纺织有限公司"]
    assert office.in_period(date(2026, 12, 1), date(2026, 12, 31)) == []


def test_training_permissions_and_bad_input(world: World) -> None:
    inspector = TrainingService(world.session("inspector").at(TODAY))
    before = _table_counts(world.store)
    with pytest.raises(PermissionDenied):
        inspector.record(TODAY, "培训", 2, 10)  # office-wide is the office's
    with pytest.raises(PermissionDenied):
        inspector.record(TODAY, "培训", 2, 10, enterprise_ids=[world.far.id])
    with pytest.raises(PermissionDenied):
        TrainingService(world.session("enterprise")).record(TODAY, "培训", 2, 10, enterprise_ids=[world.chem.id])
    for change, message in ((dict(held_on=TODAY + timedelta(days=1)), "未来"), (dict(hours=0), "学时"),
                            (dict(hours=-2), "学时"), (dict(attendees=-1), "不能为负"), (dict(title=""), "主题")):
        arguments = dict(held_on=TODAY, title="培训", hours=2, attendees=10, enterprise_ids=[world.chem.id])
        arguments.update(change)
        with pytest.raises(ActivityProblem, match=message):
            inspector.record(**arguments)
    assert _table_counts(world.store) == before
    own = TrainingService(world.session("enterprise").at(TODAY)).record(TODAY, "三级教育", 8, 12)
    assert own.enterprise_ids == [world.works.id]


# -- incidents and the goal -------------------------------------------------------------------------
def _at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=BEIJING)


def test_goal_status_counts_only_liable_incidents_of_grade_较大_or_above_in_the_year(world: World) -> None:
    service = IncidentService(dataclasses.replace(world.session(), clock=FixedClock(_at("2026-11-27", 18))))
    service.record(_at("2025-06-01"), world.chem.id, 3, 0, 0, "责任", "去年的较大责任事故")
    service.record(_at("2026-02-01"), world.chem.id, 0, 2, 50_000, "责任", "一般责任事故")
    service.record(_at("2026-03-01"), world.works.id, 4, 0, 0, "非责任", "较大非责任事故")
    service.record(_at("2026-04-01"), world.works.id, 0, 0, 12_000_000, "待定", "较大，性质待定")
    status = goal_status(world.session(), 2026, TODAY)
    assert status.holds and status.count == 0
    assert status.last_on == date(2025, 6, 1) and status.days_since_last == (TODAY - date(2025, 6, 1)).days
    assert status.days_this_year == (TODAY - date(2026, 1, 1)).days

    larger = service.record(_at("2026-10-15"), world.far.id, 0, 10, 0, "责任", "10人重伤")
    status = goal_status(world.session(), 2026, TODAY)
    assert not status.holds and [row.incident.id for row in status.incidents] == [larger.id]
    assert status.incidents[0].grade == "较大" and status.days_since_last == (TODAY - date(2026, 10, 15)).days
    # The pending one becomes liable once the investigation says so.
    pending = next(row.incident for row in service.in_year(2026) if row.liability == "待定")
    service.edit(pending.id, _at("2026-04-01"), 0, 0, 12_000_000, "责任", "调查认定为责任事故")
    assert goal_status(world.session(), 2026, TODAY).count == 2
    # The inspector of the north sees only the north's incidents.
    assert goal_status(world.session("inspector"), 2026, TODAY).count == 1
    assert goal_status(world.session(), 2026, date(2026, 3, 31)).holds
    assert goal_status(world.session(), 2025, TODAY).count == 1


def test_incident_grades_are_computed_and_shown_never_stored(world: World) -> None:
    service = IncidentService(dataclasses.replace(world.session(), clock=FixedClock(_at("2026-11-27", 18))))
    service.record(_at("2026-05-01"), world.chem.id, 10, 0, 0, "责任", "")
    service.record(_at("2026-06-01"), world.chem.id, 0, 0, 999_999, "非责任", "")
    rows = service.in_year(2026)
    assert [(row.grade.value, row.liability, row.breaks_goal) for row in rows] == [
        ("一般", "非责任", False), ("重大", "责任", True)]
    assert "grade" not in world.store.db.columns("incident")


def test_only_the_office_records_incidents_and_bad_ones_are_refused(world: World) -> None:
    before = _table_counts(world.store)
    with pytest.raises(PermissionDenied):
        IncidentService(world.session("inspector")).record(_at("2026-05-01"), world.chem.id, 0, 0, 0, "责任")
    service = IncidentService(dataclasses.replace(world.session(), clock=FixedClock(_at("2026-11-27", 18))))
    for args, message in (((-1, 0, 0, "责任"), "死亡人数不能为负"), ((0, -2, 0, "责任"), "重伤人数不能为负"),
                          ((0, 0, -5, "责任"), "直接经济损失"), ((0, 0, 0, "有责"), "事故性质")):
        with pytest.raises(ActivityProblem, match=message):
            service.record(_at("2026-05-01"), world.chem.id, *args)
    with pytest.raises(ActivityProblem, match="未来"):
        service.record(_at("2026-11-28"), world.chem.id, 0, 0, 0, "责任")
    assert _table_counts(world.store) == before


# -- campaigns ----------------------------------------------------------------------------------------
def test_campaign_progress_is_the_share_of_targets_inspected_in_the_period(world: World) -> None:
    service = CampaignService(world.session())
    campaign = service.create("危化品专项整治", "专项整治", "2026-11-01", "2026-12-31",
                              targets={"district_ids": [world.north.id], "enterprise_ids": [world.far.id]})
    world.inspect(world.chem, "2026-10-31")  # before the period
    world.inspect(world.works, "2026-11-05", submitted=False)  # a draft
    world.inspect(world.works, "2026-11-06", kind="self_inspection")  # the enterprise's own
    world.inspect(world.far, "2026-11-10")  # counts
    world.inspect(world.far, "2026-11-12")  # the same enterprise again
    progress = service.progress(campaign.id, TODAY)
    targets = {world.chem.id, world.works.id, world.far.id}
    inspected = {row["enterprise_id"] for row in world.store.db.conn.execute(
        "SELECT enterprise_id FROM inspection WHERE status = 'submitted' AND kind != 'self_inspection'"
        " AND substr(started_at, 1, 10) BETWEEN '2026-11-01' AND ?", (TODAY.isoformat(),))} & targets
    assert progress.targets == len(targets) == 3
    assert progress.inspected == len(inspected) == 1 and progress.share == pytest.approx(1 / 3)
    assert set(progress.uninspected_ids) == {world.chem.id, world.works.id}
    # A self-inspection counts when the enterprise did it for the campaign.
    world.inspect(world.works, "2026-11-20", kind="self_inspection", campaign_id=campaign.id)
    assert service.progress(campaign.id, TODAY).inspected == 2
    # As of a day inside the period, only inspections up to that day count.
    assert service.progress(campaign.id, date(2026, 11, 11)).inspected == 1
    # The inspector sees the targets of the north only.
    north = CampaignService(world.session("inspector")).progress(campaign.id, TODAY)
    assert (north.targets, north.inspected) == (2, 1)
    assert [p.campaign.id for p in campaign_progress(world.session(), TODAY)] == [campaign.id]
    assert campaign_progress(world.session(), date(2027, 1, 1)) == []


def test_a_campaigns_checklists_decide_which_unlinked_inspections_count(world: World) -> None:
    service = CampaignService(world.session())
    campaign = service.create("消防专项整治", "专项整治", "2026-11-01", "2026-11-30",
                              checklist_ids=["fire-major-gb35181-2017@2"], targets={"industries": ["危险化学品"]})
    world.inspect(world.chem, "2026-11-03")  # the general checklist, not linked: does not count
    assert service.progress(campaign.id, TODAY).inspected == 0
    world.inspect(world.chem, "2026-11-04", campaign_id=campaign.id)
    assert service.progress(campaign.id, TODAY).inspected == 1


def test_hazards_found_in_a_campaign_are_counted_by_grade_and_closed(world: World) -> None:
    from safety_desk.store.records import Hazard
    service = CampaignService(world.session())
    campaign = service.create("大排查", "大排查", "2026-11-01", "2026-12-31")
    store = world.store
    for grade, close in (("一般", True), ("一般", False), ("重大", False)):
        hazard = store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=world.chem.id, district_id=world.north.id, source="inspection",
            description="问题", grade=grade, found_on="2026-11-10", campaign_id=campaign.id),
            deadline=date(2026, 11, 20))
        if close:
            store.hazards.append_event(hazard.id, "reported_rectified", at="2026-11-12T10:00:00+08:00")
            store.hazards.append_event(hazard.id, "verified", at="2026-11-13T10:00:00+08:00")
    progress = service.progress(campaign.id, TODAY)
    assert progress.targets == 3  # no rule: every enterprise
    assert progress.hazards_by_grade == {"一般": 2, "重大": 1} and progress.closed_by_grade == {"一般": 1, "重大": 0}
    assert (progress.hazards, progress.closed) == (3, 1)
    assert CampaignService(world.session("enterprise")).progress(campaign.id, TODAY).hazards == 0


def test_only_the_office_manages_campaigns_and_bad_ones_are_refused(world: World) -> None:
    before = _table_counts(world.store)
    with pytest.raises(PermissionDenied):
        CampaignService(world.session("inspector")).create("活动", "大排查", "2026-11-01", "2026-11-30")
    service = CampaignService(world.session())
    for args, kwargs, message in (
            (("活动", "大排查", "2026-11-30", "2026-11-01"), {}, "早于开始日期"),
            (("活动", "大检查", "2026-11-01", "2026-11-30"), {}, "未知活动类型"),
            (("", "大排查", "2026-11-01", "2026-11-30"), {}, "名称"),
            (("活动", "大排查", "2026-11-01", "2026-11-30"), {"targets": {"risk_classes": [4]}}, "风险类别"),
            (("活动", "大排查", "2026-11-01", "2026-11-30"), {"targets": {"industries": ["造船"]}}, "未知行业"),
            (("活动", "大排查", "2026-11-01", "2026-11-30"), {"targets": {"district_ids": ["nope"]}}, "片区不存在"),
            (("活动", "大排查", "2026-11-01", "2026-11-30"), {"checklist_ids": ["nope@1"]}, "检查表不存在")):
        with pytest.raises(ActivityProblem, match=message):
            service.create(*args, **kwargs)
    assert _table_counts(world.store) == before
    campaign = service.create("活动", "大排查", "2026-11-01", "2026-11-30")
    with pytest.raises(ActivityProblem, match="早于开始日期"):
        service.edit(campaign.id, "活动", "大排查", "2026-11-30", "2026-11-01")
    assert world.store.campaigns.get(campaign.id).ends_on == "2026-11-30"


@pytest.mark.parametrize("rule", [
    {}, {"risk_classes": [1]}, {"industries": ["机械", "纺织"]}, {"district_ids": ["NORTH"]},
    {"district_ids": ["NORTH"], "risk_classes": [2]}, {"enterprise_ids": ["FAR"]},
    {"industries": ["危险化学品"], "enterprise_ids": ["FAR"]}, {"district_ids": ["SOUTH"], "industries": ["机械"]},
])
def test_the_stored_target_rule_selects_what_the_domain_rule_says(world: World, rule) -> None:
    from safety_desk.domain.campaigns import CampaignTargets
    names = {"NORTH": world.north.id, "SOUTH": world.south.id, "FAR": world.far.id}
    concrete = {key: [names.get(v, v) if isinstance(v, str) else v for v in values] for key, values in rule.items()}
    campaign = CampaignService(world.session()).create("活动", "大排查", "2026-11-01", "2026-11-30", targets=concrete)
    targets = CampaignTargets.from_dict(campaign.targets)
    expected = {e.id for e in world.store.enterprises.active()
                if targets.matches(e.id, e.district_id, e.industry, e.risk_class)}
    assert set(world.store.campaigns.target_ids(campaign, None, None)) == expected


def test_the_demo_has_planned_drills_joint_training_drill_findings_and_structured_targets(demo_store: Store,
                                                                                         demo_as_of: date) -> None:
    store, today = demo_store, demo_as_of
    admin = Session(store, store.people.by_login("admin"), clock=store.db.wall)  # the demo's last day
    drills = DrillService(admin)
    assert any(date.fromisoformat(d.held_on) > today for d in drills.planned())
    assert 0 < overdue_drill_count(admin, today) < store.enterprises.count_in(None)
    trainings = TrainingService(admin).in_period(date(2026, 1, 1), today)
    assert any(len(row.training.enterprise_ids) > 1 for row in trainings)
    assert any(row.audience == "全市" for row in trainings)
    assert store.db.conn.execute("SELECT count(*) FROM hazard WHERE source = 'drill'").fetchone()[0] > 0
    assert all(c.targets for c in store.campaigns.active())
    assert goal_status(admin, today.year, today).holds


def test_only_a_planned_drill_can_be_cancelled(world: World) -> None:
    service = world.drills("inspector")
    planned = service.plan(world.chem.id, "演练", "综合应急预案", "综合演练", "实战演练", "", TODAY)
    held = service.record(None, TODAY, 5, enterprise_id=world.chem.id, name="演练", plan_type="综合应急预案",
                          content="综合演练", form="实战演练")
    with pytest.raises(ActivityProblem, match="只能取消"):
        service.cancel_plan(held.id)
    service.cancel_plan(planned.id)
    assert service.planned() == [] and [d.id for d in service.records()] == [held.id]
