"""The ledger exported to Excel: the rows the ledger shows, real dates, overdue marked, and it imports back the same."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.china_time import BEIJING
from safety_desk.reports.spreadsheets import LEDGER_SHEET, SUMMARY_SHEET
from safety_desk.services.imports import SpreadsheetService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import Session
from safety_desk.store.records import District
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF

# The export's header row (regulations.md §7.2), written out: offices' own sheets and macros read these names.
HEADERS = ["序号", "企业名称", "统一社会信用代码", "片区", "发现日期", "来源", "隐患描述", "部位", "类别", "事故类型", "隐患等级",
           "判定依据", "整改措施", "整改责任人", "治理资金", "整改期限", "治理方案", "挂牌督办", "上报日期", "整改通知书",
           "整改状态", "逾期天数", "整改完成日期", "复查人", "复查日期", "复查结论", "销号日期"]


@pytest.fixture
def demo(demo_store: Store) -> Store:
    return demo_store


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
    assert sheet["A1"].value == f"{demo.offices.current().name}隐患排查治理台账" and "A1:AA1" in sheet.merged_cells
    assert [cell.value for cell in sheet[2]] == HEADERS
    assert sheet.freeze_panes == "C3" and sheet.auto_filter.ref == f"A2:AA{count + 2}"
    assert sheet.column_dimensions["G"].width >= 30  # the description has room
    # Printed on A4 landscape, all columns on the page's width, the header row on every page.
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$2:$2"
    column = {name: index for index, name in enumerate(HEADERS)}
    overdue_seen = 0
    for row, cells in zip(rows, sheet.iter_rows(min_row=3)):
        for wrapped in ("隐患描述", "整改措施", "判定依据", "治理方案"):
            assert cells[column[wrapped]].value is None or cells[column[wrapped]].alignment.wrap_text
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


def test_the_export_carries_the_six_fixed_items_the_database_holds(demo: Store, tmp_path: Path) -> None:
    """资金, 治理方案, 挂牌督办, 上报日期 from the hazard; 复查人/日期/结论 from its last verified or rejected event."""
    target = tmp_path / "六定.xlsx"
    office_service(demo).export_ledger(LedgerFilter(), target)
    sheet = openpyxl.load_workbook(target, read_only=True)[LEDGER_SHEET]
    column = {name: index for index, name in enumerate(HEADERS)}
    uscc = {e.id: e.uscc for e in demo.enterprises.active()}
    hazards = {(uscc[h.enterprise_id], h.description, h.found_on): h for h in demo.hazards._select("deleted = 0")}
    seen = Counter()
    for cells in sheet.iter_rows(min_row=3, values_only=True):
        cells = cells + (None,) * (len(HEADERS) - len(cells))  # a read-only sheet drops trailing empty cells
        hazard = hazards[(cells[column["统一社会信用代码"]], cells[column["隐患描述"]],
                          cells[column["发现日期"]].date().isoformat())]
        plan = hazard.treatment_plan or {}
        assert cells[column["治理资金"]] == (plan.get("funding") or None)
        assert (cells[column["治理方案"]] or "") == "\n".join(
            f"{title}：{plan[key]}" for key, title in (("objectives", "目标和任务"), ("methods", "方法和措施"),
                                                     ("funding", "经费和物资"), ("responsible", "负责机构和人员"),
                                                     ("deadline", "时限和要求"), ("safety_measures", "安全措施和应急预案"))
            if plan.get(key))
        assert cells[column["挂牌督办"]] == (f"{hazard.supervision_level}级" if hazard.supervision_level else None)
        referred = cells[column["上报日期"]]
        assert (referred.date().isoformat() if referred else None) == hazard.referred_on
        checks = sorted((e for e in demo.hazards.events(hazard.id) if e.kind in ("verified", "rejected")),
                        key=lambda e: e.clock)
        if not checks:
            assert cells[column["复查人"]] is None and cells[column["复查结论"]] is None
            continue
        last = checks[-1]
        assert cells[column["复查人"]] == demo.people.require(last.by_id).name
        assert cells[column["复查日期"]].date() == _day(last.at)
        verdict = cells[column["复查结论"]]
        assert verdict.startswith("合格，予以销号" if last.kind == "verified" else "不合格，继续整改")
        assert last.kind == "verified" or not last.reason or last.reason in verdict
        seen[last.kind] += 1
        seen["plan"] += bool(plan)
    assert seen["verified"] and seen["rejected"] and seen["plan"]


@pytest.mark.parametrize("flt", [LedgerFilter(grade="重大"), LedgerFilter(status="已销号"),
                                 LedgerFilter(overdue_only=True), LedgerFilter(open_only=True, text="配电")])
def test_the_exported_row_count_equals_the_ledger_count(demo: Store, tmp_path: Path, flt: LedgerFilter) -> None:
    target = tmp_path / "part.xlsx"
    count = office_service(demo).export_ledger(flt, target)
    assert count == LedgerService(Session(demo, demo.people.by_login("admin")).at(AS_OF)).count(flt)
    sheet = openpyxl.load_workbook(target, read_only=True)[LEDGER_SHEET]
    assert sum(1 for _ in sheet.iter_rows(min_row=3)) == count


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
    assert sum(1 for _ in sheet.iter_rows(min_row=3)) == expected
    bad = CliRunner().invoke(main, ["--db", str(demo.path), "export", "ledger", "-o", str(target),
                                    "--district", "NOPE"])
    assert bad.exit_code == 2 and "NOPE" in bad.output


def test_text_with_markup_characters_line_breaks_and_control_characters_reads_back(demo: Store, tmp_path: Path) -> None:
    """The rows are written as XML text: what XML would misread is escaped, what it cannot hold is dropped."""
    hazard = demo.hazards._select("deleted = 0", limit=1)[0]
    written = "配电箱<A&B>\n第二行\x07 \"引号\" 'x'  "
    with demo.db.conn:
        demo.db.conn.execute("UPDATE hazard SET description = ? WHERE id = ?", (written, hazard.id))
    target = tmp_path / "text.xlsx"
    office_service(demo).export_ledger(LedgerFilter(enterprise_id=hazard.enterprise_id), target)
    sheet = openpyxl.load_workbook(target, read_only=True)[LEDGER_SHEET]
    descriptions = [row[HEADERS.index("隐患描述")] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert written.replace("\x07", "") in descriptions


def test_timestamps_in_any_offset_are_exported_as_their_beijing_day(tmp_path: Path) -> None:
    # Beijing timestamps take the export's short way (their first ten characters); any other offset is converted.
    from safety_desk.domain.ledger import LedgerRow, LedgerValues
    from safety_desk.reports.spreadsheets import LedgerExportInfo, write_ledger

    fields = dict(hazard_id="h1", found_on="2026-11-03", enterprise_name="甲", district_name="东", grade="一般",
                  description="描述", location="", status="已销号", deadline="2026-11-10", overdue_days=0,
                  source="inspection", notice_number=None)
    rows = [LedgerValues(*dataclasses.astuple(LedgerRow(**fields, closed_at=closed, rectified_at=rectified)))
            for closed, rectified in (("2026-11-05T23:30:00+08:00", "2026-11-04T20:00:00+00:00"),
                                      ("2026-11-05T16:30:00Z", "2026-11-04T10:00:00"))]
    write_ledger(tmp_path / "t.xlsx", rows, LedgerExportInfo([], datetime(2026, 11, 27, 9), date(2026, 11, 27)))
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")[LEDGER_SHEET]
    column = {name: index for index, name in enumerate(HEADERS)}
    got = [(cells[column["销号日期"]].value.date(), cells[column["整改完成日期"]].value.date())
           for cells in sheet.iter_rows(min_row=3)]
    assert got == [(date(2026, 11, 5), date(2026, 11, 5)), (date(2026, 11, 6), date(2026, 11, 4))]
