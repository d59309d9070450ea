"""CSV lists (GBK or UTF-8 with a BOM, commas or tabs) import as their .xlsx twins; codes Excel stripped of a 0."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.industry_codes import map_industry
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.imports import ImportRefused, SheetError
from safety_desk.store.store import Store
from tests.services.test_imports import USCC_A, checksum, office, service  # noqa: F401

SEED = make_uscc("91370200MA3C00013")
BUILDER = make_uscc("91370200MA3C00014")
ROWS = [
    ["2026年度安全生产监管企业名录"],  # the title line above the header, as an office's export has it
    ["序号", "单位名称", "社会信用代码", "所属区县", "行业类别", "风险类别", "地址", "联系电话"],
    ["1", "青岛甲机械有限公司", USCC_A, "高新区片区", "C2614", "1", "高新区汇智路1号", "0532-88886666"],
    ["2", "青岛丙种业有限公司", SEED, "市南区片区", "0511", "", "市南区东海路2号", "053288886667"],
    ["3", "青岛丁建筑有限公司", BUILDER, "市南区片区", "E4710", "2", "市南区香港路3号, 甲座", "13800138001"],
]


def twin_xlsx(path: Path) -> Path:
    """The list as typed in Excel with every code as text."""
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    book.save(path)
    return path


def twin_csv(path: Path, encoding: str, delimiter: str) -> Path:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(ROWS)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def written(store: Store) -> dict[str, tuple]:
    """What an import leaves of each enterprise, by USCC."""
    return {e.uscc: (e.name, store.districts.get(e.district_id).name, e.industry, e.risk_class, e.address,
                     e.contact_phone) for e in store.enterprises.every()}


@pytest.mark.parametrize(("encoding", "delimiter"), [("gbk", ","), ("utf-8-sig", "\t"), ("utf-8", ","),
                                                    ("utf-16", "\t")])  # utf-16: Excel's "Unicode 文本"
def test_a_csv_list_imports_as_its_xlsx_twin(office: Store, tmp_path: Path, encoding: str, delimiter: str) -> None:
    sheet = twin_csv(tmp_path / "企业名录.csv", encoding, delimiter)
    planned = service(office).import_enterprises(sheet, dry_run=True)
    assert (planned.rows, planned.added, planned.updated) == (3, 2, 1), planned.describe()

    before = written(office)
    service(office).import_enterprises(twin_xlsx(tmp_path / "企业名录.xlsx"))
    from_xlsx = written(office)
    assert from_xlsx != before and from_xlsx[SEED][2] == map_industry("A0511").value
    assert from_xlsx[SEED][5] == "053288886667"
    # The CSV now finds every enterprise exactly as its twin wrote it: nothing to add, nothing to change.
    again = service(office).import_enterprises(sheet)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3), again.describe()
    assert written(office) == from_xlsx


def test_a_csv_row_problem_names_its_line_and_column(office: Store, tmp_path: Path) -> None:
    rows = [*ROWS[:2], ["1", "青岛戊有限公司", SEED[:-1] + "0" if SEED[-1] != "0" else SEED[:-1] + "1",
                        "市南区片区", "0511", "", "", ""]]
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path = tmp_path / "名录.csv"
    path.write_bytes(text.getvalue().encode("gb18030"))
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(path)
    [problem] = refused.value.result.problems
    assert (problem.sheet, problem.row, problem.column) == ("名录.csv", 3, "社会信用代码")
    assert checksum(office) == before


@pytest.mark.parametrize(("data", "named"), [
    ("企业名称,统一社会信用代码\n".encode("utf-8") + b"\xff\xff\x80\n", "编码"),  # no encoding of ours
    ("企业名称\t统一社会信用代码\n".encode("utf-16") + b"\x00\xd8", "UTF-16"),  # half a surrogate pair
])
def test_a_file_of_no_encoding_we_read_is_refused_naming_it(office: Store, tmp_path: Path, data: bytes,
                                                             named: str) -> None:
    path = tmp_path / "导出.csv"
    path.write_bytes(data)
    before = checksum(office)
    with pytest.raises(SheetError) as refused:
        service(office).import_enterprises(path)
    assert "导出.csv" in str(refused.value) and named in str(refused.value)
    assert checksum(office) == before


def numbers_typed(path: Path, industry: int, number_format: str | None, phone=13800138001) -> Path:
    """The list typed in Excel with the industry code and phone entered as numbers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(ROWS[1])
    sheet.append(["1", "青岛丙种业有限公司", SEED, "市南区片区", industry, "", "", phone])
    if number_format is not None:
        sheet["E2"].number_format = number_format
    book.save(path)
    return path


def test_a_code_typed_as_a_number_formatted_0000_keeps_its_zero(office: Store, tmp_path: Path) -> None:
    service(office).import_enterprises(numbers_typed(tmp_path / "名录.xlsx", 511, "0000"))
    assert map_industry("0511") != map_industry("511")  # 种子种苗培育活动 (A), not 批发业 (F)
    assert office.enterprises.by_uscc(SEED).industry == map_industry("0511").value


def test_a_bare_number_that_may_have_lost_its_zero_is_refused_naming_the_cell(office: Store, tmp_path: Path) -> None:
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(numbers_typed(tmp_path / "名录.xlsx", 511, None))
    [problem] = refused.value.result.problems
    assert (problem.row, problem.column) == (2, "行业类别")
    assert "0511" in problem.message and "A0511" in problem.message
    assert checksum(office) == before
    # A code that cannot have lost a zero (no 小类 0471 exists) reads as it is.
    assert service(office).import_enterprises(numbers_typed(tmp_path / "b.xlsx", 471, None), dry_run=True).ok


def test_a_landline_typed_as_a_number_is_refused_a_mobile_is_not(office: Store, tmp_path: Path) -> None:
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(numbers_typed(tmp_path / "名录.xlsx", 4710, None, phone=53288886666))
    [problem] = refused.value.result.problems
    assert (problem.row, problem.column) == (2, "联系电话") and "53288886666" in problem.message
    assert checksum(office) == before
    formatted = numbers_typed(tmp_path / "b.xlsx", 4710, None, phone=53288886666)
    book = openpyxl.load_workbook(formatted)
    book.active["H2"].number_format = "000000000000"
    book.save(formatted)
    service(office).import_enterprises(formatted)
    assert office.enterprises.by_uscc(SEED).contact_phone == "053288886666"


def test_the_command_imports_a_csv(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "名录.csv"
    text = io.StringIO()
    csv.writer(text).writerows([ROWS[0], ROWS[1], ["1", "青岛丙种业有限公司", SEED, "新片区", "0511", "", "", ""]])
    path.write_bytes(text.getvalue().encode("gbk"))
    done = CliRunner().invoke(main, ["--db", str(db_path), "import", "enterprises", str(path), "--new-districts"])
    assert done.exit_code == 0, done.output
    with Store.open(db_path) as store:
        assert store.enterprises.by_uscc(SEED).industry == map_industry("0511").value


def test_a_ledger_saved_as_csv_imports_as_its_workbook(office: Store, tmp_path: Path) -> None:
    from tests.services.test_imports import LEDGER_HEADER, ledger_row, statuses, workbook

    rows = [LEDGER_HEADER, ledger_row(1, USCC_A, found="2026.11.03", deadline="限期7天"),
            ledger_row(2, USCC_A, status="已整改待复查", done="2026/11/15", grade="重大隐患")]
    text = io.StringIO()
    csv.writer(text).writerows([["2026年度隐患排查治理台账"], *[["" if v is None else v for v in row] for row in rows]])
    sheet = tmp_path / "台账.csv"
    sheet.write_bytes(text.getvalue().encode("gb18030"))
    assert service(office).import_ledger(sheet, dry_run=True).added == 2
    service(office).import_ledger(workbook(tmp_path / "台账.xlsx", rows, title="2026年度隐患排查治理台账"))
    assert statuses(office) == {"配电箱未接地1": "待整改", "配电箱未接地2": "待复查"}
    again = service(office).import_ledger(sheet)
    assert (again.added, again.unchanged) == (0, 2), again.describe()
