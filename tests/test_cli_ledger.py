"""`safety-desk ledger`: the office scripts its hazard list; JSON keys are stable and filters are exact."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.hazard_status import HazardStatus, overdue_days
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF

KEYS = {"id", "enterprise_uscc", "enterprise_name", "district_code", "grade", "status", "found_on", "deadline",
        "overdue_days"}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("cli-ledger"))


def ledger(db: Path, *args: str) -> "object":
    return CliRunner().invoke(main, ["--db", str(db), "ledger", *args], catch_exceptions=False)


def rows(db: Path, *args: str) -> list[dict]:
    result = ledger(db, "--json", "--as-of", AS_OF.isoformat(), *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_lists_every_hazard_with_the_documented_keys(demo_path: Path) -> None:
    listed = rows(demo_path)
    with Store.open(demo_path) as store:
        hazards = {h.id: h for h in store.hazards._select("deleted = 0")}
        assert {row["id"] for row in listed} == set(hazards)
        for row in listed[:50]:
            assert KEYS <= set(row)
            hazard = hazards[row["id"]]
            enterprise = store.enterprises.require(hazard.enterprise_id)
            state = store.hazards.state(hazard.id)
            assert row["enterprise_uscc"] == enterprise.uscc and row["enterprise_name"] == enterprise.name
            assert row["district_code"] == store.districts.require(hazard.district_id).code
            assert (row["grade"], row["status"], row["found_on"]) == (hazard.grade, state.status.value,
                                                                       hazard.found_on)
            assert row["deadline"] == (state.deadline.isoformat() if state.deadline else None)
            assert row["overdue_days"] == overdue_days(state, AS_OF)
    assert [row["found_on"] for row in listed] == sorted((row["found_on"] for row in listed), reverse=True)


def test_filters_select_exactly_the_matching_hazards(demo_path: Path) -> None:
    everything = rows(demo_path)
    with Store.open(demo_path) as store:
        district = store.districts.active()[0]
        enterprise = store.enterprises.require(store.hazards._select("deleted = 0")[0].enterprise_id)
    overdue = rows(demo_path, "--overdue")
    assert overdue and {r["id"] for r in overdue} == {r["id"] for r in everything if r["overdue_days"] > 0}
    later = rows(demo_path, "--overdue", "--as-of", (AS_OF + timedelta(days=30)).isoformat())
    assert len(later) >= len(overdue)
    for args, keep in ((("--grade", "重大"), lambda r: r["grade"] == "重大"),
                       (("--status", "待复查"), lambda r: r["status"] == "待复查"),
                       (("--district", district.code), lambda r: r["district_code"] == district.code),
                       (("--enterprise", enterprise.uscc), lambda r: r["enterprise_uscc"] == enterprise.uscc)):
        chosen = rows(demo_path, *args)
        assert chosen and {r["id"] for r in chosen} == {r["id"] for r in everything if keep(r)}, args
    assert all(r["status"] == HazardStatus.IN_PROGRESS.value for r in rows(demo_path, "--status", "整改中"))


def test_text_output_and_bad_input(demo_path: Path) -> None:
    result = ledger(demo_path, "--overdue", "--as-of", AS_OF.isoformat())
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines and all("逾期" in line for line in lines)
    assert f"{len(lines)} 条隐患" in result.stderr
    unknown = ledger(demo_path, "--district", "NOPE")
    assert unknown.exit_code == 2 and "NOPE" in unknown.output
    bad = ledger(demo_path, "--enterprise", "91110000000000000X")
    assert bad.exit_code == 2 and "91110000000000000X" in bad.output and "校验位" in bad.output
    from safety_desk.domain.uscc import make_uscc

    absent = make_uscc("91110000MA0000001")
    missing = ledger(demo_path, "--enterprise", absent)
    assert missing.exit_code == 2 and absent in missing.output
    wrong = ledger(demo_path, "--status", "shut")
    assert wrong.exit_code == 2 and "不是 待整改、整改中、待复查、已销号 之一" in wrong.output


def test_as_of_a_past_day_is_the_ledger_then_whatever_happened_since(tmp_path: Path, copy_of_demo) -> None:
    """`ledger --as-of` and `export ledger --as-of` list hazards as they stood then: later events change nothing."""
    from openpyxl import load_workbook

    db = copy_of_demo(tmp_path)
    day = (AS_OF - timedelta(days=12)).isoformat()

    def listed() -> tuple[str, list]:
        result = ledger(db, "--json", "--as-of", day)
        assert result.exit_code == 0, result.output
        out = tmp_path / "ledger.xlsx"
        exported = CliRunner().invoke(main, ["--db", str(db), "export", "ledger", "-o", str(out), "--as-of", day])
        assert exported.exit_code == 0, exported.output
        return result.stdout, [row for row in load_workbook(out).active.iter_rows(values_only=True)]

    before = listed()
    with Store.open(db) as store:
        rectifying = [hazard_id for hazard_id, status in store.db.conn.execute(
            "SELECT hazard_id, status FROM hazard_state") if status in (HazardStatus.OPEN, HazardStatus.IN_PROGRESS)]
        for hazard_id in rectifying:
            store.hazards.append_event(hazard_id, "reported_rectified")
            store.hazards.append_event(hazard_id, "verified")
    assert rectifying and listed() == before
