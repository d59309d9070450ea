"""A ledger workbook that lists its own enterprises: both sheets come in together, all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.imports import ImportRefused
from safety_desk.store.store import Store
from tests.services.test_imports import checksum
from tests.services.test_office_enterprise_list import HEADER, ROWS, service

LEDGER_HEADER = ["序号", "单位名称", "统一社会信用代码", "检查日期", "隐患内容", "隐患等级", "整改期限", "整改情况"]


def uscc(number: int) -> str:
    return make_uscc(f"91370200MA3D{number:05d}")


def workbook(path: Path, *, rows=ROWS, hazards=None) -> Path:
    """The office's book: the ledger first (as offices keep it), then 监管企业名录 naming districts and industries
    as written by hand."""
    book = openpyxl.Workbook()
    ledger = book.active
    ledger.title = "隐患台账"
    ledger.append(LEDGER_HEADER)
    default = [(2, "2026-11-02", "脚手架连墙件缺失", "一般", "2026-11-20", "已整改"),
               (5, "2026-11-10", "公交场站加油区无静电释放装置", "重大", "2026-12-10", "未整改"),
               (11, "2026-11-12", "盾构井临边防护缺失", "一般", "2026-12-01", "整改中")]
    for index, (number, found, text, grade, deadline, status) in enumerate(hazards or default, start=1):
        ledger.append([index, rows[number - 1][0] if number <= len(rows) else "外单位", uscc(number), found, text,
                       grade, deadline, status])
    listed = book.create_sheet("监管企业名录")
    listed.append(HEADER)
    for number, (name, district, industry, _) in enumerate(rows, start=1):
        listed.append([number, name, uscc(number), district, industry, "张三", "13800138000"])
    book.save(path)
    return path


def test_the_ledger_brings_its_enterprise_sheet_in_the_same_transaction(store: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "台账.xlsx")
    before = checksum(store)
    with pytest.raises(ImportRefused) as refused:  # the districts are named by name and do not exist yet
        service(store).import_ledger(path)
    assert "东片区" in str(refused.value) and "--new-districts" in str(refused.value)
    assert all(p.sheet == "监管企业名录" for p in refused.value.result.problems)
    dry = service(store).import_ledger(path, dry_run=True, new_districts=True)
    assert (dry.added, dry.enterprises.added) == (3, len(ROWS)) and not dry.written
    assert "将新增企业 15 家" in dry.describe()
    assert checksum(store) == before

    result = service(store).import_ledger(path, new_districts=True)
    assert result.written and result.added == 3 and result.enterprises.added == len(ROWS)
    bus = store.enterprises.by_uscc(uscc(5))
    assert (bus.name, bus.industry) == ("市公共交通集团有限公司", "交通运输")
    [hazard] = [h for h in store.hazards.open_of_enterprise(bus.id)]
    assert hazard.district_id == bus.district_id == store.districts.by_code("D02").id  # 西片区, created
    assert hazard.grade == "重大"

    again = service(store).import_ledger(path, new_districts=True)  # a second time changes nothing
    assert (again.added, again.unchanged, again.enterprises.added, again.enterprises.updated) == (0, 3, 0, 0)


def test_a_bad_row_on_either_sheet_is_named_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    rows = ROWS[:4] + [("市航天科技有限公司", "东片区", "建筑工程业", "其他")]
    hazards = [(2, "2026-11-02", "脚手架连墙件缺失", "一般", "2026-11-20", "已整改"),
               (9, "2026-11-03", "外单位的隐患", "一般", "2026-11-20", "未整改")]  # USCC on neither sheet
    path = workbook(tmp_path / "台账.xlsx", rows=rows, hazards=hazards)
    before = checksum(store)
    with pytest.raises(ImportRefused) as refused:
        service(store).import_ledger(path, new_districts=True)
    problems = [(p.sheet, p.row, p.column) for p in refused.value.result.problems]
    assert problems == [("监管企业名录", 6, "国民经济行业分类"), ("隐患台账", 3, "统一社会信用代码")]
    message = str(refused.value)
    assert "工作表「隐患台账」第3行 统一社会信用代码" in message and "工作表「监管企业名录」第6行 国民经济行业分类" in message
    assert checksum(store) == before


def test_an_inspector_reads_only_the_ledger_sheet(store: Store, tmp_path: Path) -> None:
    # Only the office keeps the enterprise list: for anyone else the sheet is not read, and the ledger's
    # enterprises must exist.
    from safety_desk.services.imports import SpreadsheetService
    from safety_desk.services.session import Session
    from safety_desk.store.records import Person

    inspector = Person(id=store.db.new_id(), login="li", name="李检查", role="inspector")
    store.people.add(inspector)
    path = workbook(tmp_path / "台账.xlsx")
    with pytest.raises(ImportRefused) as refused:
        SpreadsheetService(Session(store, store.people.by_login("li"))).import_ledger(path, new_districts=True)
    assert {p.sheet for p in refused.value.result.problems} == {"隐患台账"}
    assert store.enterprises.by_uscc(uscc(5)) is None


def test_cli_import_ledger_takes_the_enterprise_flags(db_path: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "台账.xlsx")
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(db_path), "import", "ledger", str(path)])
    assert refused.exit_code == 2 and "--new-districts" in refused.output, refused.output
    done = runner.invoke(main, ["--db", str(db_path), "import", "ledger", str(path), "--new-districts",
                                "--unknown-industry", "其他"])
    assert done.exit_code == 0 and "已新增企业 15 家" in done.output, done.output
