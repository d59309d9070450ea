"""The audit trail: every change says who, when, what, before and after, chained by hash; `doctor` reports an
entry edited or deleted with plain sqlite3 (the last one too), a photo file missing or altered, and a
migration left half done."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.domain.clock import SystemClock
from safety_desk.cli import main
from safety_desk.domain.hazard_status import HazardEventKind
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.doctor import run_doctor
from safety_desk.store.audit import HEAD_KEY, parse_head, verify_chain
from safety_desk.store.database import canonical_digest
from safety_desk.store.records import District, Enterprise, Hazard
from safety_desk.store.store import Store


def _entries(store: Store, since: int) -> list[sqlite3.Row]:
    return store.db.conn.execute("SELECT * FROM audit WHERE seq > ? ORDER BY seq", (since,)).fetchall()


def _last_seq(store: Store) -> int:
    return store.db.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]


def _enterprise(store: Store) -> Enterprise:
    district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
    return store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370200MA3C00001"), name="某机械有限公司",
        district_id=district.id, industry="机械", risk_class=1, tracked_since="2026-01-01"))


def _failed(report, name: str) -> str:
    for check, passed, detail in report.checks:
        if check.startswith(name):
            assert not passed, f"{name} passed: {detail}"
            return detail
    raise AssertionError(f"no check {name}")


def _doctor_fails(db_path: Path, name: str) -> str:
    with Store.open(db_path) as store:
        return _failed(run_doctor(store), name)


def _raw(db_path: Path, *statements: str) -> None:
    conn = sqlite3.connect(db_path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


# -- what each entry records --------------------------------------------------------------------------------
def test_an_update_records_who_when_what_before_and_after(store: Store) -> None:
    enterprise = _enterprise(store)
    store.db.author_id = "person-who-edited"
    mark = _last_seq(store)
    store.enterprises.update(enterprise.id, address="青岛市市南区香港中路 1 号", principal="王五")
    [entry] = _entries(store, mark)
    assert entry["action"] == "update" and entry["tbl"] == "enterprise" and entry["row_id"] == enterprise.id
    assert entry["author_id"] == "person-who-edited" and entry["device_id"] == store.db.device_id
    assert entry["at"][:4] == str(SystemClock().today().year) and entry["at"].endswith("+08:00")
    assert json.loads(entry["before"]) == {"address": "", "principal": ""}
    assert json.loads(entry["after"]) == {"address": "青岛市市南区香港中路 1 号", "principal": "王五"}


def test_a_bulk_insert_records_the_count_and_digest_of_its_rows(store: Store) -> None:
    district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
    mark = _last_seq(store)
    records = [Enterprise(id=store.db.new_id(), uscc=make_uscc(f"91370200MA3C0{n:04d}"), name=f"企业{n}",
                          district_id=district.id, industry="机械", risk_class=1, tracked_since="2026-01-01")
               for n in range(25)]
    store.enterprises.add_many(records, "import enterprises from test.xlsx")
    [entry] = _entries(store, mark)
    assert entry["action"].startswith("insert_many") and entry["tbl"] == "enterprise"
    after = json.loads(entry["after"])
    stored = [store.enterprises._stored(store.enterprises.require(r.id)) for r in records]
    assert after == {"rows": 25, "sha256": canonical_digest(stored)}


def test_hazard_events_are_audited_and_the_derived_state_matches_their_fold(store: Store) -> None:
    enterprise = _enterprise(store)
    mark = _last_seq(store)
    hazard = store.hazards.open_hazard(Hazard(
        id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id, source="inspection",
        description="安全通道堵塞", grade="一般", found_on="2026-11-01"), deadline=date(2026, 11, 8))
    store.hazards.append_event(hazard.id, HazardEventKind.REPORTED_RECTIFIED, by_id=None, reason="已清理")
    entries = _entries(store, mark)
    assert [(e["action"], e["tbl"]) for e in entries] == [
        ("insert", "hazard"), ("insert", "hazard_event"), ("insert", "hazard_event")]
    assert json.loads(entries[-1]["after"])["kind"] == "reported_rectified"
    # hazard_state is a derived cache (not audited): doctor checks it against the fold instead.
    assert store.hazards.mismatched_states() == []
    assert list(verify_chain(store.db.conn)) == []


def test_the_chain_head_is_recorded_in_the_same_transaction_as_the_entries(store: Store) -> None:
    _enterprise(store)
    head = parse_head(store.db.local(HEAD_KEY))
    assert head == tuple(store.db.conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone())
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.districts.add(District(id=store.db.new_id(), code="D9", name="西城片区"))
            raise RuntimeError("rolled back")
    assert parse_head(store.db.local(HEAD_KEY)) == head


# -- doctor finds tampering ---------------------------------------------------------------------------------
@pytest.fixture
def written(db_path: Path) -> Path:
    """An office database with some history (a district, an enterprise, a hazard and its events)."""
    with Store.open(db_path) as store:
        enterprise = _enterprise(store)
        hazard = store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            source="inspection", description="灭火器过期", grade="一般", found_on="2026-11-01"),
            deadline=date(2026, 11, 8))
        store.hazards.append_event(hazard.id, HazardEventKind.PROGRESS, by_id=None, reason="已采购")
        report = run_doctor(store)
        assert report.ok, report.checks
    return db_path


def test_doctor_reports_an_entrys_after_value_edited(english, written: Path) -> None:
    _raw(written, "UPDATE audit SET after = replace(after, '灭火器过期', '灭火器正常') WHERE after LIKE '%灭火器过期%'")
    detail = _doctor_fails(written, "audit chain")
    assert "edited" in detail


def test_doctor_reports_an_entry_deleted_in_the_middle(english, written: Path) -> None:
    _raw(written, "DELETE FROM audit WHERE seq = 3")
    detail = _doctor_fails(written, "audit chain")
    assert "entries 3..3 are missing" in detail


def test_doctor_reports_the_last_entries_deleted(english, written: Path) -> None:
    conn = sqlite3.connect(written)
    last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    conn.close()
    _raw(written, f"DELETE FROM audit WHERE seq >= {last - 1}")
    detail = _doctor_fails(written, "audit chain")
    assert f"entries {last - 1}..{last} at the end of the chain are missing" in detail
    result = CliRunner().invoke(main, ["--lang", "en", "--db", str(written), "doctor"])
    assert result.exit_code == 1 and "missing" in result.output


def test_doctor_reports_the_last_entry_replaced_and_its_head_removed(english, written: Path) -> None:
    # Rewriting the last entry with a correct hash still does not match the recorded head ...
    with Store.open(written) as store:
        row = dict(store.db.conn.execute("SELECT * FROM audit ORDER BY seq DESC LIMIT 1").fetchone())
    from safety_desk.store.audit import entry_hash

    row["after"] = '{"forged":true}'
    row["hash"] = entry_hash(row["prev_hash"], row["seq"], row["at"], row["clock"], row["device_id"],
                             row["author_id"], row["action"], row["tbl"], row["row_id"], row["before"], row["after"])
    _raw(written, f"UPDATE audit SET after = '{row['after']}', hash = '{row['hash']}' WHERE seq = {row['seq']}")
    assert "replaced" in _doctor_fails(written, "audit chain")
    # ... and removing the recorded head as well is reported too.
    _raw(written, f"DELETE FROM local_state WHERE key = '{HEAD_KEY}'")
    assert "head is missing" in _doctor_fails(written, "audit chain")


def test_doctor_reports_an_emptied_audit_trail(english, written: Path) -> None:
    _raw(written, "DELETE FROM audit", f"DELETE FROM local_state WHERE key = '{HEAD_KEY}'")
    assert "audit trail is empty" in _doctor_fails(written, "audit chain")


def test_doctor_reports_a_migration_left_half_done(english, written: Path) -> None:
    _raw(written, "DROP TABLE notice_block")
    detail = _doctor_fails(written, "migrations")
    assert "0003_notice_blocks.sql" in detail and "notice_block" in detail


def test_doctor_reports_a_column_a_migration_adds_missing(english, written: Path) -> None:
    _raw(written, "ALTER TABLE drill DROP COLUMN planned_on")
    detail = _doctor_fails(written, "migrations")
    assert "column drill.planned_on" in detail


def test_doctor_passes_on_the_demo(demo_store: Store) -> None:
    report = run_doctor(demo_store)
    assert report.ok, [c for c in report.checks if not c[1]]
