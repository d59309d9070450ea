"""The inspection service: answers committed at once, hazards following failures and gates, submission rules."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta

import pytest
from PIL import Image

from safety_desk.domain.clock import SystemClock
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.inspection_steps import SubmissionProblem
from safety_desk.services.inspections import (
    HazardFieldError, InspectionProblem, InspectionService, hazard_description, hazard_measures,
)
from safety_desk.services.photos import PhotoService, ingest_bytes
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.records import Campaign, District, DistrictMember, Enterprise, Person
from safety_desk.store.store import Store

FIRE = "fire-major-gb35181-2017@2"
GENERAL = "general@3"


def _jpeg(colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def world(store: Store):
    """One district with an inspector, one enterprise in it, signed in as the office admin."""
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
    enterprise = store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370202MA3C12345"), name="青岛海达商贸有限公司",
        district_id=district.id, industry="商贸", risk_class=2, tracked_since="2025-01-01",
        safety_officer="王强"))
    inspector = store.people.add(Person(id=store.db.new_id(), name="李娜", login="lina", role="inspector"))
    store.members.add(DistrictMember(id=store.db.new_id(), district_id=district.id, person_id=inspector.id,
                                     role="inspector"))
    service = InspectionService(Session(store, admin), Settings())
    return store, service, enterprise, inspector


def test_a_failure_opens_a_major_hazard_with_its_clause_and_revising_it_withdraws_it(world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    state = service.answer(inspection.id, "1.6", "fail")
    hazard = state.hazards["1.6"]
    assert hazard.grade == "重大" and hazard.basis.startswith("应急管理部令第10号")
    assert hazard.responsible == "王强"
    assert service.hazard_deadline(hazard.id) == SystemClock().today() + timedelta(days=Settings().deadline_days_major)
    assert state.summary.failed == 1 and state.summary.major_failed == 1

    photo = ingest_bytes(store, _jpeg(), "a.jpg")
    state = service.answer(inspection.id, "1.6", "pass")
    assert "1.6" not in state.hazards and store.hazards.get(hazard.id).deleted
    state = service.add_photos(inspection.id, "1.6", [photo.id])
    # Failing again brings the same hazard back, with the photo added while it was withdrawn.
    state = service.answer(inspection.id, "1.6", "fail")
    assert state.hazards["1.6"].id == hazard.id
    assert state.hazards["1.6"].photos == [photo.id]
    assert state.answers["1.6"].photos == [photo.id]


def test_a_general_item_fails_as_一般_with_its_basis(world) -> None:
    _, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    hazard = service.answer(inspection.id, "1.1", "fail").hazards["1.1"]
    assert hazard.grade == "一般"
    assert hazard.basis == service.state(inspection.id).checklist.item("1.1").basis


def test_number_and_choice_items_are_judged_from_their_value(english, world) -> None:
    _, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    assert service.answer(inspection.id, "4.6", value="1").answers["4.6"].result == "fail"
    state = service.answer(inspection.id, "4.6", value="2")
    assert state.answers["4.6"].result == "pass" and "4.6" not in state.hazards
    assert service.answer(inspection.id, "4.2", value="红区").answers["4.2"].result == "fail"
    assert service.answer(inspection.id, "12.4", value="2026-03-15 实战演练").answers["12.4"].result == "value"
    with pytest.raises(InspectionProblem, match="not a number"):
        service.answer(inspection.id, "4.6", value="two")
    with pytest.raises(InspectionProblem, match="not one of the choices"):
        service.answer(inspection.id, "4.2", value="紫区")


def test_a_gate_answered_no_hides_its_items_and_withdraws_their_hazards(english, world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, FIRE, "routine")
    service.set_gate(inspection.id, "A", True)
    state = service.answer(inspection.id, "6.1", "fail")
    hazard_id = state.hazards["6.1"].id
    assert state.hazards["6.1"].basis == "GB 35181-2017 6.1"

    state = service.set_gate(inspection.id, "A", False)
    assert all(item.code not in ("6.1", "6.2", "6.4", "6.7") for item in state.visible_items)
    assert state.summary.failed == 0 and "6.1" not in state.hazards
    assert store.hazards.get(hazard_id).deleted
    assert "6.1" in state.answers  # kept, in case the gate was a slip
    with pytest.raises(InspectionProblem, match="does not apply"):
        service.answer(inspection.id, "6.2", "pass")

    state = service.set_gate(inspection.id, "A", True)
    assert state.hazards["6.1"].id == hazard_id and state.summary.failed == 1


def test_submission_lists_unanswered_items_and_missing_photos_then_locks_the_record(world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, FIRE, "routine")
    for section in ("A", "C", "D"):
        service.set_gate(inspection.id, section, False)
    problems = service.submission_problems(inspection.id)
    assert problems == [SubmissionProblem("6.3", "未作答")]
    service.answer(inspection.id, "6.3", "fail")
    assert service.submission_problems(inspection.id) == [
        SubmissionProblem("6.3", "不合格项需要照片")]
    photo = ingest_bytes(store, _jpeg(), "evidence.jpg")
    state = service.add_photos(inspection.id, "6.3", [photo.id])
    assert state.hazards["6.3"].photos == [photo.id]
    assert service.submission_problems(inspection.id) == []

    with pytest.raises(InspectionProblem, match="签名"):
        service.submit(inspection.id, inspector_signature="", enterprise_signature="")
    signature = ingest_bytes(store, _jpeg((255, 255, 255)), "signature-inspector.png")
    service.submit(inspection.id, inspector_signature=signature.id, enterprise_signature=signature.id)
    state = service.state(inspection.id)
    assert state.read_only and state.inspection.finished_at
    with pytest.raises(InspectionProblem, match="已提交"):
        service.answer(inspection.id, "6.3", "pass")
    with pytest.raises(InspectionProblem, match="已提交"):
        service.set_note(inspection.id, "6.3", "later")


def test_notes_and_photos_need_an_answer_and_survive_a_revised_answer(world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    with pytest.raises(InspectionProblem):
        service.set_note(inspection.id, "1.1", "x")
    service.answer(inspection.id, "1.1", "pass")
    service.set_note(inspection.id, "1.1", "制度已张贴")
    first, second = ingest_bytes(store, _jpeg(), "1.jpg"), ingest_bytes(store, _jpeg((0, 90, 0)), "2.jpg")
    service.add_photos(inspection.id, "1.1", [first.id, second.id])
    state = service.answer(inspection.id, "1.1", "fail")
    assert state.answers["1.1"].note == "制度已张贴"
    assert state.hazards["1.1"].photos == [first.id, second.id]
    state = service.remove_photo(inspection.id, "1.1", first.id)
    assert state.answers["1.1"].photos == [second.id] and state.hazards["1.1"].photos == [second.id]
    assert store.photos.get(first.id) is not None


def test_editing_a_hazard_checks_the_description_and_records_a_new_deadline(english, world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    hazard = service.answer(inspection.id, "1.1", "fail").hazards["1.1"]
    found = date.fromisoformat(hazard.found_on)
    with pytest.raises(InspectionProblem, match="description") as refused:
        service.edit_hazard(hazard.id, description="  ", location="", measures="", responsible="",
                            deadline=found)
    assert refused.value.field == "description"
    with pytest.raises(InspectionProblem, match="deadline") as refused:
        service.edit_hazard(hazard.id, description="x", location="", measures="", responsible="",
                            deadline=found - timedelta(days=1))
    assert refused.value.field == "deadline"
    with pytest.raises(HazardFieldError) as refused:
        service.edit_hazard(hazard.id, description="x", location="", measures="", responsible="",
                            deadline=found, grade="较大")
    assert refused.value.field == "grade" and "较大" in str(refused.value)
    assert store.hazards.get(hazard.id).grade == "一般"
    new_deadline = SystemClock().today() + timedelta(days=7)
    updated = service.edit_hazard(hazard.id, description="未建立责任制", location="办公楼", measures="一周内建立",
                                  responsible="王强", deadline=new_deadline)
    assert (updated.location, updated.measures) == ("办公楼", "一周内建立")
    assert service.hazard_deadline(hazard.id) == new_deadline
    assert [e.kind for e in store.hazards.events(hazard.id)] == ["created", "deadline_set"]


def test_an_enterprise_officer_may_not_change_an_inspectors_draft(world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wangqiang", role="enterprise",
                                      enterprise_id=enterprise.id))
    theirs = InspectionService(Session(store, officer))
    assert theirs.state(inspection.id).inspection.id == inspection.id  # they may read it
    with pytest.raises(PermissionDenied):
        theirs.answer(inspection.id, "1.1", "pass")
    with pytest.raises(PermissionDenied):
        theirs.set_gate(inspection.id, "6", False)
    own = theirs.start(enterprise.id, GENERAL, "self_inspection")
    assert theirs.answer(own.id, "1.1", "fail").hazards["1.1"].source == "self_inspection"


def test_starting_checks_the_campaign_and_the_team(english, world) -> None:
    store, service, enterprise, inspector = world
    with pytest.raises(Exception, match="does not exist"):
        service.start(enterprise.id, GENERAL, "campaign", campaign_id="no-such-campaign")
    officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wq", role="enterprise",
                                      enterprise_id=enterprise.id))
    with pytest.raises(InspectionProblem, match="not an inspector"):
        service.start(enterprise.id, GENERAL, "routine", inspector_ids=[officer.id])
    assert [p.id for p in service.colleagues(enterprise.id)] == [inspector.id]
    today = SystemClock().today()
    running = store.campaigns.add(Campaign(id=store.db.new_id(), name="安全生产大排查", kind="大排查",
                                           starts_on=(today - timedelta(days=30)).isoformat(),
                                           ends_on=(today + timedelta(days=30)).isoformat()))
    store.campaigns.add(Campaign(id=store.db.new_id(), name="去年专项整治", kind="专项整治",
                                 starts_on=(today + timedelta(days=60)).isoformat(),
                                 ends_on=(today + timedelta(days=90)).isoformat()))
    assert service.campaigns()[0].id == running.id
    inspection = service.start(enterprise.id, GENERAL, "campaign", campaign_id=running.id,
                               inspector_ids=[inspector.id])
    assert inspection.inspector_ids == [service.session.person.id, inspector.id]
    assert service.answer(inspection.id, "1.1", "fail").hazards["1.1"].campaign_id == running.id


def test_drafts_and_recent_inspections_follow_the_scope(world) -> None:
    store, service, enterprise, inspector = world
    draft = service.start(enterprise.id, FIRE, "routine")
    done = service.start(enterprise.id, FIRE, "routine")
    for section in ("A", "B", "C", "D"):
        service.set_gate(done.id, section, False)
    signature = ingest_bytes(store, _jpeg((255, 255, 255)), "s.png")
    service.submit(done.id, inspector_signature=signature.id, enterprise_signature=signature.id)
    assert [i.id for i in service.drafts()] == [draft.id]
    assert [i.id for i in service.recent()] == [done.id]
    outsider = store.people.add(Person(id=store.db.new_id(), name="赵六", login="zl", role="inspector"))
    assert InspectionService(Session(store, outsider)).recent() == []
    assert [i.id for i in InspectionService(Session(store, inspector)).recent()] == [done.id]


def test_resuming_points_at_the_first_unanswered_visible_item(world) -> None:
    _, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    for code in ("1.1", "1.2", "1.4"):
        service.answer(inspection.id, code, "pass")
    state = service.state(inspection.id)
    assert state.visible_items[state.first_unanswered()].code == "1.3"


def test_an_enterprise_describes_its_own_hazard_but_not_its_grade_or_deadline(world) -> None:
    store, _, enterprise, _ = world
    officer = store.people.add(Person(id=store.db.new_id(), name="王强", login="wq2", role="enterprise",
                                      enterprise_id=enterprise.id))
    theirs = InspectionService(Session(store, officer))
    own = theirs.start(enterprise.id, FIRE, "self_inspection")
    first_section = theirs.state(own.id).checklist.sections[0]
    if first_section.gate is not None:
        theirs.set_gate(own.id, first_section.code, True)
    code = theirs.state(own.id).visible_items[0].code
    hazard = theirs.answer(own.id, code, "fail").hazards[code]
    assert hazard.grade == "重大"
    deadline = store.hazards.state(hazard.id).deadline
    theirs.edit_hazard(hazard.id, description="仓库与宿舍同楼", location="2号楼", measures="搬离宿舍",
                       responsible="王强", deadline=deadline)
    assert store.hazards.get(hazard.id).location == "2号楼"
    with pytest.raises(PermissionDenied) as refused:
        theirs.edit_hazard(hazard.id, description="仓库与宿舍同楼", location="2号楼", measures="", responsible="王强",
                           deadline=deadline, grade="一般")
    assert refused.value.field == "grade"
    with pytest.raises(PermissionDenied) as refused:
        theirs.edit_hazard(hazard.id, description="仓库与宿舍同楼", location="2号楼", measures="", responsible="王强",
                           deadline=deadline + timedelta(days=365))
    assert refused.value.field == "deadline"
    assert store.hazards.get(hazard.id).grade == "重大"
    assert store.hazards.state(hazard.id).deadline == deadline


def test_a_superseded_list_is_offered_until_the_day_before_it_stopped(world) -> None:
    store, service, enterprise, _ = world
    session = service.session
    # GB 35181-2017 stopped on 2025-11-01 (superseded_on): offered the day before, not that day or later.
    before = InspectionService(session.at(date(2025, 10, 31)), Settings()).checklists_for(enterprise.id)
    on_the_day = InspectionService(session.at(date(2025, 11, 1)), Settings()).checklists_for(enterprise.id)
    assert FIRE in [r.id for r in before]
    assert FIRE not in [r.id for r in on_the_day] and GENERAL in [r.id for r in on_the_day]
    later = [r.id for r in InspectionService(session.at(date(2026, 9, 30)), Settings()).checklists_for(enterprise.id)]
    assert "chemical-major-121@2" not in later


def test_an_old_inspection_keeps_its_superseded_list(world) -> None:
    store, service, enterprise, _ = world
    old = InspectionService(service.session.at(date(2025, 10, 31)), Settings())
    inspection = old.start(enterprise.id, FIRE, "routine")
    now = InspectionService(service.session.at(date(2026, 11, 27)), Settings())
    state = now.state(inspection.id)
    assert state.inspection.checklist_id == FIRE and state.checklist.superseded_on == date(2025, 11, 1)
    assert "2025-11-01 起停用" in state.checklist.edition() and "GB 35181-2025" in state.checklist.edition()


def test_the_sector_list_comes_first(world) -> None:
    store, service, enterprise, _ = world
    offered = [r.code for r in service.checklists_for(enterprise.id)]
    assert offered[:2] == ["gongmao-major-10", "general"]  # 商贸 is judged by 10号令, then the general list
    other = store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370202MA3C54321"), name="青岛某金融服务有限公司",
        district_id=enterprise.district_id, industry="金融服务", risk_class=3, tracked_since="2025-01-01"))
    assert [r.code for r in service.checklists_for(other.id)][0] == "general"


def test_a_failure_is_described_in_the_items_typical_words(world) -> None:
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, "gongmao-major-10@2", "routine")
    hazard = service.answer(inspection.id, "C-1", "fail").hazards["C-1"]
    assert hazard.description == "有限空间既未辨识建立台账，也未设置明显的安全警示标志"
    assert hazard.measures == "辨识有限空间并建立管理台账"
    # An item without typical wording (a template stored before they existed) still says what is not met.
    plain = dataclasses.replace(service.state(inspection.id).checklist.item("C-1"), findings=(), measures=())
    assert hazard_description(plain) == f"不符合要求：{plain.text}" and hazard_measures(plain) == ""


def test_a_10_order_item_is_no_major_hazard_outside_工贸(world) -> None:
    # 10号令 judges 工贸 enterprises only: the same failure elsewhere is a 一般 hazard (audit-2026-12: false majors).
    store, service, enterprise, _ = world
    finance = store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370202MA3C67890"), name="青岛某置业有限公司",
        district_id=enterprise.district_id, industry="房地产", risk_class=3, tracked_since="2025-01-01"))
    elsewhere = service.start(finance.id, GENERAL, "routine")
    state = service.answer(elsewhere.id, "3.2", "fail")
    assert state.hazards["3.2"].grade == "一般" and state.summary.major_failed == 0
    assert not state.is_major(state.checklist.item("3.2"))
    at_trade = service.start(enterprise.id, GENERAL, "routine")  # 商贸 is 工贸
    state = service.answer(at_trade.id, "3.2", "fail")
    assert state.hazards["3.2"].grade == "重大" and state.summary.major_failed == 1


def test_signing_an_unfinished_inspection_says_what_is_missing_and_keeps_no_signature(world) -> None:
    # sign_and_submit joined the problems themselves (not their text): a TypeError instead of the message.
    store, service, enterprise, _ = world
    inspection = service.start(enterprise.id, GENERAL, "routine")
    photos_before = store.db.conn.execute("SELECT count(*) FROM photo").fetchone()[0]
    signature = PhotoService.prepare_bytes(_jpeg((255, 255, 255)), "signature.png")
    with pytest.raises(InspectionProblem, match="不能提交.*未作答"):
        service.sign_and_submit(inspection.id, inspector_signature=signature, enterprise_signature=signature)
    assert store.db.conn.execute("SELECT count(*) FROM photo").fetchone()[0] == photos_before
