"""Every write records its clock and a hash-chained audit entry in the same transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.store.audit import verify_chain
from safety_desk.store.connection import StoreError
from safety_desk.store.inspections import SubmittedInspection
from safety_desk.store.records import District, Enterprise, Hazard, Inspection
from safety_desk.store.store import Store


def _district(store: Store, code: str = "D01") -> District:
    return store.districts.add(District(id=store.db.new_id(), code=code, name="东城片区"))


def _enterprise(store: Store, district: District, body: str = "91370200MA3C00001") -> Enterprise:
    return store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc(body), name="中国建筑集团有限公司", district_id=district.id,
        industry="建筑施工", risk_class=1, tracked_since="2026-01-01"))


def _clocks(store: Store, table: str, row_id: str) -> dict:
    return store.db.cell_clocks(table, row_id)


def test_insert_records_a_clock_per_field_and_an_audit_entry(store: Store) -> None:
    store.db.author_id = "author-1"
    district = _district(store)
    clocks = _clocks(store, "district", district.id)
    assert set(clocks) == {"code", "name", "leader_id", "deleted"}
    assert {author for _, author in clocks.values()} == {"author-1"}
    last = store.db.conn.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert (last["action"], last["tbl"], last["row_id"], last["author_id"]) == (
        "insert", "district", district.id, "author-1")
    assert json.loads(last["after"])["name"] == "东城片区"


def test_update_moves_only_the_changed_fields_to_a_newer_clock(store: Store) -> None:
    district = _district(store)
    before = _clocks(store, "district", district.id)
    store.districts.update(district.id, name="东城新片区")
    after = _clocks(store, "district", district.id)
    assert after["name"][0] > before["name"][0]
    assert after["code"] == before["code"]
    entry = store.db.conn.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    assert json.loads(entry["before"]) == {"name": "东城片区"}
    assert json.loads(entry["after"]) == {"name": "东城新片区"}


def test_an_unchanged_update_writes_nothing(store: Store) -> None:
    district = _district(store)
    count = store.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    store.districts.update(district.id, name="东城片区")
    assert store.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == count


def test_a_failed_write_leaves_no_row_no_clock_and_no_audit_entry(store: Store) -> None:
    district = _district(store)
    audit_before = store.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        _district(store, code="D01")  # duplicate code
    assert store.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_before
    assert store.db.conn.execute("SELECT count(*) FROM district").fetchone()[0] == 1
    assert store.districts.require(district.id).name == "东城片区"


def test_invalid_uscc_is_refused_with_the_reason_and_nothing_written(store: Store) -> None:
    district = _district(store)
    bad = make_uscc("91370200MA3C00001")[:-1] + ("0" if make_uscc("91370200MA3C00001")[-1] != "0" else "1")
    with pytest.raises(ValueError, match="统一社会信用代码：.*校验|USCC: .*check digit"):
        store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=bad, name="某公司", district_id=district.id,
                                         industry="机械", risk_class=1, tracked_since="2026-01-01"))
    assert store.enterprises.count() == 0


def test_enterprise_is_found_by_pinyin_initials_name_and_uscc(store: Store) -> None:
    enterprise = _enterprise(store, _district(store))
    assert [e.id for e in store.enterprises.search("zgjt")] == [enterprise.id]
    assert [e.id for e in store.enterprises.search("建筑")] == [enterprise.id]
    assert [e.id for e in store.enterprises.search(enterprise.uscc[:10].lower())] == [enterprise.id]
    assert store.enterprises.search("xyz") == []


def test_the_audit_chain_verifies_and_an_edit_behind_the_programs_back_is_found(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _district(store)
        assert list(verify_chain(store.db.conn)) == []
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE audit SET after = replace(after, '东城片区', '西城片区') WHERE tbl = 'district'")
    raw.commit()
    raw.close()
    with Store.open(db_path) as store:
        problems = list(verify_chain(store.db.conn))
    assert len(problems) == 1 and "edited" in problems[0].message


def test_a_deleted_audit_entry_is_found(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _district(store)
        _district(store, "D02")
    raw = sqlite3.connect(db_path)
    raw.execute("DELETE FROM audit WHERE seq = 2")
    raw.commit()
    raw.close()
    with Store.open(db_path) as store:
        messages = [p.message for p in verify_chain(store.db.conn)]
    assert any("missing" in m for m in messages)


def test_two_connections_continue_one_chain_and_one_clock(db_path: Path) -> None:
    first, second = Store.open(db_path), Store.open(db_path)
    try:
        _district(first, "D01")
        _district(second, "D02")
        _district(first, "D03")
        assert list(verify_chain(first.db.conn)) == []
        clocks = [r[0] for r in first.db.conn.execute("SELECT clock FROM audit ORDER BY seq")]
        assert clocks == sorted(clocks) and len(set(clocks)) == len(clocks)
    finally:
        first.close()
        second.close()


def test_clock_survives_reopening_and_never_goes_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        _district(store)
        last = store.db.clock.last
    with Store.open(db_path) as store:
        with store.transaction():
            assert store.db.clock.now() > last


def _inspection(store: Store) -> Inspection:
    district = _district(store)
    enterprise = _enterprise(store, district)
    checklist = store.checklists.latest()[0]
    return store.inspections.add(Inspection(id=store.db.new_id(), enterprise_id=enterprise.id,
                                            district_id=district.id, checklist_id=checklist.id,
                                            kind="routine", started_at="2026-11-20T09:00:00+08:00"))


def test_an_answer_is_committed_at_once_and_replaced_by_a_later_answer(db_path: Path) -> None:
    with Store.open(db_path) as store:
        inspection = _inspection(store)
        store.answers.record(inspection.id, "X-1", "pass")
        store.answers.record(inspection.id, "X-1", "fail", note="灭火器压力不足")
    with Store.open(db_path) as reopened:
        answers = reopened.answers.of_inspection(inspection.id)
    assert [(a.item_code, a.result, a.note) for a in answers] == [("X-1", "fail", "灭火器压力不足")]


def test_a_submitted_inspection_and_its_answers_cannot_change(store: Store) -> None:
    inspection = _inspection(store)
    store.answers.record(inspection.id, "X-1", "pass")
    store.inspections.submit(inspection.id)
    with pytest.raises(SubmittedInspection):
        store.answers.record(inspection.id, "X-1", "fail")
    with pytest.raises(SubmittedInspection):
        store.inspections.update(inspection.id, kind="special")
    assert store.answers.of_inspection(inspection.id)[0].result == "pass"


def test_hazard_status_follows_its_events_and_refuses_what_does_not_apply(store: Store) -> None:
    from safety_desk.store.hazards import InvalidHazardEvent

    district = _district(store)
    enterprise = _enterprise(store, district)
    hazard = store.hazards.open_hazard(
        Hazard(id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
               description="配电箱未上锁", grade="一般", found_on="2026-11-20"), deadline=date(2026, 11, 30))
    assert store.hazards.cached_state(hazard.id).status == "待整改"
    with pytest.raises(InvalidHazardEvent):
        store.hazards.append_event(hazard.id, "verified")
    store.hazards.append_event(hazard.id, "reported_rectified", photos=[])
    assert store.hazards.cached_state(hazard.id).status == "待复查"
    store.hazards.append_event(hazard.id, "rejected", reason="锁具未更换")
    store.hazards.append_event(hazard.id, "reported_rectified")
    store.hazards.append_event(hazard.id, "verified")
    cached = store.hazards.cached_state(hazard.id)
    assert cached.status == "已销号" and cached.closed_at is not None
    assert store.hazards.mismatched_states() == []


def test_hazard_events_are_append_only(store: Store) -> None:
    with store.transaction():
        with pytest.raises(StoreError, match="append-only"):
            store.db.update("hazard_event", "any", {"reason": "changed"})


def test_checklist_templates_are_immutable(store: Store) -> None:
    record = store.checklists.latest()[0]
    with pytest.raises(StoreError, match="immutable"):
        store.checklists.update(record.id, title="改过的标题")
