"""`doctor` finds the ledger's text indexes out of step with their tables, says how to repair, and `--repair` does."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.uscc import make_uscc
from safety_desk.store.ledger import LedgerFilter, LedgerQuery
from safety_desk.store.records import District, Enterprise, Hazard
from safety_desk.store.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _one_hazard(db_path: Path) -> None:
    with Store.open(db_path) as store:
        district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        enterprise = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370200MA3C00001"), name="某机械有限公司",
            district_id=district.id, industry="机械", risk_class=1, tracked_since="2026-01-01"))
        store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
            description="灭火器压力不足", grade="一般", found_on="2026-11-01"), deadline=date(2026, 11, 8))


def _found(db_path: Path, text: str) -> int:
    with Store.open(db_path) as store:
        return LedgerQuery(store.db).count(LedgerFilter(text=text), store.db.wall.today())


def test_doctor_finds_text_indexes_left_behind_by_renumbered_rows_and_repair_rebuilds_them(db_path: Path) -> None:
    _one_hazard(db_path)
    assert run("--db", str(db_path), "doctor").exit_code == 0
    assert _found(db_path, "灭火器") == 1 and _found(db_path, "机械有限") == 1
    # What a VACUUM may do to a table without an INTEGER PRIMARY KEY: the rows keep their ids but get new
    # rowids. No trigger fires (neither the description nor the name changed), so the indexes point nowhere.
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE hazard SET rowid = rowid + 1000")
    raw.execute("UPDATE enterprise SET rowid = rowid + 1000")
    raw.commit()
    raw.close()
    assert _found(db_path, "灭火器") == 0 and _found(db_path, "机械有限") == 0  # the search misses them

    result = run("--db", str(db_path), "doctor")
    assert result.exit_code == 1
    assert "全文索引 hazard_text 与表 hazard 不一致" in result.output
    assert "全文索引 enterprise_text 与表 enterprise 不一致" in result.output
    assert "safety-desk doctor --repair" in result.output

    result = run("--db", str(db_path), "doctor", "--repair")
    assert result.exit_code == 0, result.output
    assert "已重建" in result.output
    assert _found(db_path, "灭火器") == 1 and _found(db_path, "机械有限") == 1
    assert run("--db", str(db_path), "doctor").exit_code == 0


def test_repair_leaves_sound_indexes_alone(db_path: Path) -> None:
    _one_hazard(db_path)
    result = run("--db", str(db_path), "doctor", "--repair")
    assert result.exit_code == 0 and "已重建" not in result.output
    assert "hazard_text、enterprise_text 与表一致" in result.output
