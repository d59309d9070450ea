"""The office's own spreadsheets as offices make them: 所属区县 columns, two-row merged headers, a 合计 row (CSV: test_csv_and_lost_zeros.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from safety_desk.domain.uscc import make_uscc
from safety_desk.services.imports import ImportRefused, SheetError
from safety_desk.store.store import Store
from tests.services.test_imports import USCC_A, USCC_B, checksum, office, service, statuses  # noqa: F401

NEW = make_uscc("91370200MA3C00003")


def enterprise_list(path: Path, *, two_row_header: bool = False, total: str | None = None) -> Path:
    """A district office's list: a title and a notes row, 所属区县 for the district, codes and numbers as typed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "企业名录"
    sheet.append(["2026年度安全生产监管企业名录"])
    sheet.merge_cells("A1:G1")
    sheet.append(["填报单位：安全办    填报日期：2026年3月5日"])
    if two_row_header:
        sheet.append(["序号", "单位名称", "社会信用代码", "所属区县", "行业类别", "联系人信息", None])
        sheet.append([None, None, None, None, None, "负责人", "联系电话"])
        sheet.merge_cells("F3:G3")
        for column in "ABCDE":
            sheet.merge_cells(f"{column}3:{column}4")
    else:
        sheet.append(["序号", "单位名称", "社会信用代码", "所属区县", "行业类别", "负责人", "联系电话"])
    sheet.append([1, "青岛甲机械有限公司 ", USCC_A.lower(), "高新区片区", "C2614", "张三", 13800138001.0])
    sheet.append([])
    sheet.append([2, "青岛丙建筑有限公司", NEW, "市南区片区", "e4710", "李四", "0532-88886666"])
    if total is not None:
        sheet.append([total, "共2家"])
    book.save(path)
    return path


def test_a_district_column_headed_suoshu_quxian_is_read(office: Store, tmp_path: Path) -> None:
    result = service(office).import_enterprises(enterprise_list(tmp_path / "名录.xlsx"))
    assert (result.added, result.updated) == (1, 1), result.describe()
    added = office.enterprises.by_uscc(NEW)
    assert office.districts.get(added.district_id).name == "市南区片区"
    assert added.industry == "建筑施工"


@pytest.mark.parametrize("total", ["合计", "合  计", "总计：", "小计"])
def test_the_total_row_at_the_bottom_is_not_an_enterprise(office: Store, tmp_path: Path, total: str) -> None:
    result = service(office).import_enterprises(enterprise_list(tmp_path / "名录.xlsx", total=total), dry_run=True)
    assert result.rows == 2 and result.added == 1


def test_a_row_without_its_code_is_still_refused_naming_row_and_column(office: Store, tmp_path: Path) -> None:
    path = enterprise_list(tmp_path / "名录.xlsx", total="合计")
    book = openpyxl.load_workbook(path)
    book["企业名录"].append([3, "青岛丁商贸有限公司", None, "市南区片区", "G5411", "王五", None])
    book.save(path)
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(path)
    assert [(p.row, p.column) for p in refused.value.result.problems] == [(8, "社会信用代码")]
    assert checksum(office) == before


def test_a_two_row_merged_header_keeps_the_columns_of_its_lower_row(office: Store, tmp_path: Path) -> None:
    service(office).import_enterprises(enterprise_list(tmp_path / "名录.xlsx", two_row_header=True))
    added = office.enterprises.by_uscc(NEW)
    assert (added.principal, added.contact_phone) == ("李四", "0532-88886666")
    updated = office.enterprises.by_uscc(USCC_A)
    assert (updated.principal, updated.contact_phone) == ("张三", "13800138001")


def test_a_ledger_ending_in_a_total_row_imports_its_hazards(office: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["隐患排查治理台账"])
    sheet.append(["序号", "被检查单位", "统一社会信用代码", "检查日期", "存在问题", "隐患级别", "整改情况", "完成时间"])
    sheet.append([1, "青岛甲机械有限公司", USCC_A, datetime.datetime(2026, 3, 5), "配电箱未接地", "一般隐患", "已整改",
                  "2026.3.18"])
    sheet.append([2, "青岛乙化工有限公司", USCC_B, "2026年3月5日", "消防通道堵塞", "一般", "未整改", None])
    sheet.append(["合 计", None, None, None, "2项"])
    book.save(tmp_path / "台账.xlsx")
    result = service(office).import_ledger(tmp_path / "台账.xlsx")
    assert result.added == 2
    assert statuses(office) == {"配电箱未接地": "已销号", "消防通道堵塞": "待整改"}


def test_a_code_of_digits_excel_stored_as_a_number_is_refused_saying_so(office: Store, tmp_path: Path) -> None:
    digits = next(code for code in (make_uscc(f"91370200{n:09d}") for n in range(100)) if code.isdigit())
    path = enterprise_list(tmp_path / "名录.xlsx")
    book = openpyxl.load_workbook(path)
    book["企业名录"].append([3, "青岛丁商贸有限公司", float(digits), "市南区片区", "G5411", "王五", None])  # 9.1370…E17
    book.save(path)
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(path)
    [problem] = refused.value.result.problems
    assert (problem.row, problem.column) == (7, "社会信用代码") and "存成了数字" in problem.message
    assert checksum(office) == before


@pytest.mark.parametrize("found", ["2026-03-05 10:30", "2026/3/5 9:05:33", "2026年3月5日 10时30分"])
def test_a_found_date_exported_with_its_time_is_the_day(office: Store, tmp_path: Path, found: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "检查时间", "隐患描述"])
    sheet.append([USCC_A, found, "配电箱未接地"])
    book.save(tmp_path / "台账.xlsx")
    service(office).import_ledger(tmp_path / "台账.xlsx")
    [hazard] = office.hazards._select("deleted = 0", ())
    assert hazard.found_on == "2026-03-05"


def test_a_staff_list_with_its_districts_under_fuze_quxian_comes_in(office: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["安全检查人员名单"])
    sheet.append(["序号", "姓名", "登录账号", "岗位", "负责区县", "联系电话"])
    sheet.append([1, "李强", "liqiang", "检查员", "高新区片区、市南区片区", 13800138000.0])
    sheet.append(["合计", "1人"])
    book.save(tmp_path / "人员.xlsx")
    result = service(office).import_people(tmp_path / "人员.xlsx")
    assert result.added == 1
    person = office.people.by_login("liqiang")
    districts = {office.districts.get(d).name for d in office.members.districts_of(person.id)}
    assert districts == {"高新区片区", "市南区片区"}


def test_a_list_left_on_a_hidden_sheet_is_refused_naming_its_columns_and_the_hidden_sheet(
        office: Store, tmp_path: Path) -> None:
    path = enterprise_list(tmp_path / "名录.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("说明").append(["本表由安全办维护"])
    book["企业名录"].sheet_state = "hidden"  # hidden by someone tidying the workbook up
    book.save(path)
    with pytest.raises(SheetError) as refused:
        service(office).import_enterprises(path)
    message = str(refused.value)
    assert "名录.xlsx" in message and "企业名称、统一社会信用代码" in message and "隐藏" in message


def test_an_enterprise_merged_over_its_hazards_names_each_of_them(office: Store, tmp_path: Path) -> None:
    # The usual 台账: one enterprise's hazards under one merged 被检查单位 and 信用代码 cell each.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["隐患排查治理台账"])
    sheet.append(["序号", "被检查单位", "统一社会信用代码", "检查日期", "存在问题", "隐患级别"])
    sheet.append([1, "青岛甲机械有限公司", USCC_A, "2026-03-05", "配电箱未接地", "一般"])
    sheet.append([2, None, None, "2026-03-05", "消防通道堵塞", "一般"])
    sheet.append([3, None, None, "2026-03-06", "安全出口指示灯损坏", "一般"])
    sheet.append([4, "青岛乙化工有限公司", USCC_B, "2026-03-07", "储罐区无防火堤", "重大"])
    for column in "BC":
        sheet.merge_cells(f"{column}3:{column}5")
    book.save(tmp_path / "台账.xlsx")
    result = service(office).import_ledger(tmp_path / "台账.xlsx")
    assert result.added == 4
    by_enterprise = {}
    for hazard in office.hazards._select("deleted = 0", ()):
        by_enterprise.setdefault(office.enterprises.get(hazard.enterprise_id).uscc, set()).add(hazard.description)
    assert by_enterprise == {USCC_A: {"配电箱未接地", "消防通道堵塞", "安全出口指示灯损坏"}, USCC_B: {"储罐区无防火堤"}}


def test_a_district_merged_over_its_enterprises_places_each_of_them(office: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "单位名称", "社会信用代码", "所属区县", "行业类别"])
    sheet.append([1, "青岛丙建筑有限公司", NEW, "市南区片区", "E4710"])
    sheet.append([2, "青岛丁商贸有限公司", make_uscc("91370200MA3C00004"), None, "G5411"])
    sheet.merge_cells("D2:D3")
    book.save(tmp_path / "名录.xlsx")
    assert service(office).import_enterprises(tmp_path / "名录.xlsx").added == 2
    south = office.districts.by_code("SN").id
    assert {office.enterprises.by_uscc(NEW).district_id,
            office.enterprises.by_uscc(make_uscc("91370200MA3C00004")).district_id} == {south}


@pytest.mark.parametrize("written, risk_class", [("Ⅱ类", 2), ("Ⅲ", 3), ("2级", 2), ("一级", 1), (3.0, 3)])
def test_a_risk_class_written_as_offices_write_it_is_read(office: Store, tmp_path: Path, written, risk_class) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["单位名称", "社会信用代码", "所属区县", "行业类别", "风险等级"])
    sheet.append(["青岛丙建筑有限公司", NEW, "市南区片区", "E4710", written])
    book.save(tmp_path / "名录.xlsx")
    service(office).import_enterprises(tmp_path / "名录.xlsx")
    assert office.enterprises.by_uscc(NEW).risk_class == risk_class


def test_a_ledger_naming_its_enterprise_with_other_brackets_and_spaces_finds_it(office: Store, tmp_path: Path) -> None:
    from safety_desk.store.records import Enterprise

    office.enterprises.add(Enterprise(id=office.db.new_id(), uscc=NEW, name="青岛丙建工（集团）有限公司",
                                      district_id=office.districts.by_code("SN").id, industry="建筑施工",
                                      risk_class=2, tracked_since="2026-01-01"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["被检查单位", "检查日期", "存在问题"])
    sheet.append(["青岛丙建工(集团)有限公司 ", "2026-03-05", "脚手架未设连墙件"])  # half-width, as typed
    sheet.append(["青岛丙建工 （集团） 有限公司", "2026-03-06", "临边无防护"])
    book.save(tmp_path / "台账.xlsx")
    assert service(office).import_ledger(tmp_path / "台账.xlsx").added == 2
    assert {h.enterprise_id for h in office.hazards._select("deleted = 0", ())} == {office.enterprises.by_uscc(NEW).id}


def test_a_header_merged_down_from_the_row_above_is_read_but_a_note_above_is_not(office: Store,
                                                                                  tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["片区", "东城", "单位信息", None, "行业类别"])  # a note: its 片区 is not the district column
    sheet.append(["所在地", None, "单位名称", "社会信用代码", None])
    sheet.merge_cells("E1:E2")  # 行业类别 merged down over the header's two rows
    sheet.append(["某路1号", "x", "青岛丙建筑有限公司", NEW, "E4710"])
    book.save(tmp_path / "名录.xlsx")
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(tmp_path / "名录.xlsx", dry_run=True)
    # The industry came from the row above; the district was not taken from the note's column (所在地).
    assert [p.message for p in refused.value.result.problems] == ["新企业必须填写片区"]


@pytest.mark.parametrize("written, status", [("已销项", "已销号"), ("整改完毕", "已销号"), ("限期整改", "待整改"),
                                             ("正在整改中", "整改中"), ("待销号", "待复查"), ("复查合格", "已销号")])
def test_the_status_words_of_real_ledgers_are_read(office: Store, tmp_path: Path, written: str, status: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "检查日期", "存在问题", "整改情况", "完成时间"])
    sheet.append([USCC_A, "2026-03-05", "配电箱未接地", written, "2026-03-10" if status == "已销号" else None])
    book.save(tmp_path / "台账.xlsx")
    service(office).import_ledger(tmp_path / "台账.xlsx")
    assert statuses(office) == {"配电箱未接地": status}


@pytest.mark.parametrize("written, grade", [("一般事故隐患", "一般"), ("重大事故隐患", "重大"), ("重大隐患", "重大")])
def test_the_grade_in_the_regulations_words_is_read(office: Store, tmp_path: Path, written: str, grade: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "检查日期", "存在问题", "隐患级别"])
    sheet.append([USCC_A, "2026-03-05", "配电箱未接地", written])
    book.save(tmp_path / "台账.xlsx")
    service(office).import_ledger(tmp_path / "台账.xlsx")
    [hazard] = office.hazards._select("deleted = 0", ())
    assert hazard.grade == grade


@pytest.mark.parametrize("written, deadline", [("立即整改", "2026-03-05"), ("立行立改", "2026-03-05"),
                                               ("限期7天", "2026-03-12"), ("15日内", "2026-03-20"),
                                               ("2026年3月31日", "2026-03-31")])
def test_a_deadline_written_as_ledgers_write_it_is_read(office: Store, tmp_path: Path, written: str,
                                                        deadline: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "检查日期", "存在问题", "整改期限"])
    sheet.append([USCC_A, "2026-03-05", "配电箱未接地", written])
    book.save(tmp_path / "台账.xlsx")
    service(office).import_ledger(tmp_path / "台账.xlsx")
    [hazard] = office.hazards._select("deleted = 0", ())
    assert office.hazards.state(hazard.id).deadline.isoformat() == deadline


def test_a_deadline_in_working_days_is_not_guessed(office: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["统一社会信用代码", "检查日期", "存在问题", "整改期限"])
    sheet.append([USCC_A, "2026-03-05", "配电箱未接地", "5个工作日"])
    book.save(tmp_path / "台账.xlsx")
    with pytest.raises(ImportRefused) as refused:
        service(office).import_ledger(tmp_path / "台账.xlsx")
    [problem] = refused.value.result.problems
    assert (problem.row, problem.column) == (2, "整改期限") and "5个工作日" in problem.message
