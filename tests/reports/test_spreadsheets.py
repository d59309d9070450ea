"""The ledger exported to Excel: the rows the ledger shows, real dates, overdue marked, and it imports back the same."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.china_time import BEIJING
from safety_desk.reports.spreadsheets import LEDGER_COLUMNS, LEDGER_SHEET, SUMMARY_SHEET
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import Session
from safety_desk.store.records import District
from safety_desk.store.store import Store

AS_OF = date(2026, 11, 27)
HEADERS = [name for name, _ in LEDGER_COLUMNS]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx-demo") / "demo.db"
    build_demo(path, DemoSpec(enterprises=30, weeks=8, as_of=AS_OF))
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path):
    for part in demo_template.parent.glob(demo_template.name + "*"):
        shutil.copy(part, tmp_path / part.name)
    with Store.open(tmp_path / demo_template.name) as store:
        yield store


def office_service(store: Store) -> SpreadsheetService:
    return SpreadsheetService(Session(store, store.people.by_login("admin")).at(AS_OF))


def ledger_rows(store: Store, flt: LedgerFilter = LedgerFilter()) -> list:
    return list(LedgerService(Session(store, store.people.by_login("admin")).at(AS_OF)).every_row(flt))


def _day(text: str | None) -> date | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment.astimezone(BEIJING).date() if moment.tzinfo else moment.date()


def test_the_export_has_a_frozen_header_real_dates_and_overdue_rows_highlighted(demo: Store, tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    count = office_service(demo).export_ledger(LedgerFilter(), target)
    rows = ledger_rows(demo)
    assert count == len(rows)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [LEDGER_SHEET, SUMMARY_SHEET]
    sheet = book[LEDGER_SHEET]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref == f"A1:T{count + 1}"
    assert sheet.column_dimensions["G"].width >= 30  # the description has room
    column = {name: index for index, name in enumerate(HEADERS)}
    overdue_seen = 0
    for row, cells in zip(rows, sheet.iter_rows(min_row=2)):
        assert cells[column["统一社会信用代码"]].value == row.enterprise_uscc
        found = cells[column["发现日期"]]
        assert found.is_date and found.value.date() == date.fromisoformat(row.found_on)
        deadline = cells[column["整改期限"]]
        assert (deadline.value.date() if deadline.value else None) == (
            date.fromisoformat(row.deadline) if row.deadline else None)
        closed = cells[column["销号日期"]].value
        assert (closed.date() if closed else None) == _day(row.closed_at)
        assert cells[column["整改状态"]].value == row.status
        assert (cells[column["逾期天数"]].value or 0) == row.overdue_days
        filled = cells[0].fill.fgColor.rgb == "FFFDE2E1"
        assert filled == (row.overdue_days > 0)
        overdue_seen += filled
        if row.grade == "重大":
            assert cells[column["隐患等级"]].font.b
    assert overdue_seen > 0
    summary = {r[0]: r[1] for r in book[SUMMARY_SHEET].iter_rows(values_only=True) if r and r[0]}
    assert summary["隐患总数"] == count
    assert summary["逾期未整改"] == overdue_seen
    assert "导出时间（北京时间）" in summary


@pytest.mark.parametrize("flt", [LedgerFilter(grade="重大"), LedgerFilter(status="已销号"),
                                 LedgerFilter(overdue_only=True), LedgerFilter(open_only=True, text="配电")])
def test_the_exported_row_count_equals_the_ledger_count(demo: Store, tmp_path: Path, flt: LedgerFilter) -> None:
    target = tmp_path / "part.xlsx"
    count = office_service(demo).export_ledger(flt, target)
    assert count == LedgerService(Session(demo, demo.people.by_login("admin")).at(AS_OF)).count(flt)
    sheet = openpyxl.load_workbook(target, read_only=True)[LEDGER_SHEET]
    assert sum(1 for _ in sheet.iter_rows(min_row=2)) == count


def test_an_inspector_exports_only_their_districts(demo: Store, tmp_path: Path) -> None:
    inspector = demo.people.by_login("inspector01a")
    service = SpreadsheetService(Session(demo, inspector).at(AS_OF))
    target = tmp_path / "mine.xlsx"
    count = service.export_ledger(LedgerFilter(), target)
    mine = LedgerService(Session(demo, inspector).at(AS_OF)).count(LedgerFilter())
    assert 0 < count == mine < len(ledger_rows(demo))


def _enterprise_list(store: Store, path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "片区代码", "行业", "风险类别", "地址", "主要负责人", "联系电话"])
    for enterprise in store.enterprises.active():
        sheet.append([enterprise.name, enterprise.uscc, store.districts.require(enterprise.district_id).code,
                      enterprise.industry, enterprise.risk_class, enterprise.address, enterprise.principal,
                      enterprise.contact_phone])
    book.save(path)
    return path


def _comparable(rows: list) -> Counter:
    return Counter((r.enterprise_uscc, r.found_on, r.description, r.location, r.grade, r.status, r.deadline,
                    r.overdue_days, _day(r.closed_at), r.measures, r.responsible, r.category, r.basis)
                   for r in rows)


def test_export_then_import_into_a_fresh_database_gives_the_same_hazards(demo: Store, store: Store,
                                                                         tmp_path: Path) -> None:
    exported = tmp_path / "ledger.xlsx"
    office_service(demo).export_ledger(LedgerFilter(), exported)
    for district in demo.districts.active():
        store.districts.add(District(id=store.db.new_id(), code=district.code, name=district.name))
    fresh = office_service(store)
    assert fresh.import_enterprises(_enterprise_list(demo, tmp_path / "e.xlsx")).added == demo.enterprises.count()
    result = fresh.import_ledger(exported)
    original = ledger_rows(demo)
    assert result.added == len(original)
    assert _comparable(ledger_rows(store)) == _comparable(original)
    assert store.hazards.mismatched_states() == []


def test_cli_export_ledger_writes_the_filtered_ledger(demo: Store, tmp_path: Path) -> None:
    target = tmp_path / "cli.xlsx"
    district = demo.districts.active()[0]
    result = CliRunner().invoke(main, ["--db", str(demo.path), "export", "ledger", "-o", str(target),
                                       "--district", district.code, "--grade", "一般", "--as-of", "2026-11-27"])
    assert result.exit_code == 0, result.output
    expected = len(ledger_rows(demo, LedgerFilter(district_id=district.id, grade="一般")))
    sheet = openpyxl.load_workbook(target, read_only=True)[LEDGER_SHEET]
    assert sum(1 for _ in sheet.iter_rows(min_row=2)) == expected
    bad = CliRunner().invoke(main, ["--db", str(demo.path), "export", "ledger", "-o", str(target),
                                    "--district", "NOPE"])
    assert bad.exit_code == 2 and "NOPE" in bad.output
