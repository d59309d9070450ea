"""An office's own enterprise list comes in: districts by name that do not exist yet, industries by GB/T 4754."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.industry import Industry
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.imports import ImportRefused, SpreadsheetService
from safety_desk.services.session import Session
from safety_desk.store.records import District
from safety_desk.store.store import Store
from tests.services.test_imports import AS_OF, checksum

HEADER = ["序号", "企业名称", "统一社会信用代码", "所属片区", "国民经济行业分类", "主要负责人", "联系电话"]
# (name, district, industry as the office wrote it, the supervision industry it must become)
ROWS = [
    ("市城市建设投资集团有限公司", "东片区", "城投/建设", "建筑施工"),
    ("市建工集团有限公司", "东片区", "建筑业", "建筑施工"),
    ("市第二建筑工程有限公司", "东片区", "E47 房屋建筑业", "建筑施工"),
    ("市水务集团有限公司", "西片区", "水的生产和供应业", "其他"),
    ("市公共交通集团有限公司", "西片区", "道路运输业", "交通运输"),
    ("市燃气集团有限公司", "北片区", "燃气生产和供应业", "燃气"),
    ("市热力有限公司", "北片区", "热力", "电力"),
    ("市国有资本运营有限公司", "东片区", "商务服务业", "其他"),
    ("市现代物流集团有限公司", "北片区", "仓储业", "仓储物流"),
    ("市文化旅游集团有限公司", "西片区", "旅游业", "酒店餐饮"),
    ("市地铁集团有限公司", "东片区", "5412", "城市轨道交通"),
    ("市港务集团有限公司", "北片区", "港口", "交通运输"),
    ("市粮食储备有限公司", "北片区", "5951", "仓储物流"),
    ("市医药集团有限公司", "西片区", "C27", "危险化学品"),
    ("市金融控股集团有限公司", "东片区", "金融和投资", "金融服务"),
]


def office_list(path: Path, rows=ROWS) -> Path:
    """A SASAC office's workbook: a notes sheet first, then 监管企业名录 with a title row."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes.append(["本表由市国资委安全办维护，行业按国民经济行业分类填写。"])
    sheet = book.create_sheet("监管企业名录")
    sheet.append(["2026年市属国有企业监管名录"])
    sheet.append(HEADER)
    for number, (name, district, industry, _) in enumerate(rows, start=1):
        sheet.append([number, name, make_uscc(f"91370200MA3D{number:05d}"), district, industry, "张三",
                      "13800138000"])
    book.save(path)
    return path


def service(store: Store) -> SpreadsheetService:
    return SpreadsheetService(Session(store, store.people.by_login("admin")).at(AS_OF))


def test_a_fresh_office_is_refused_naming_its_missing_districts_and_the_flag(store: Store, tmp_path: Path) -> None:
    path = office_list(tmp_path / "名录.xlsx")
    before = checksum(store)
    for dry_run in (True, False):
        with pytest.raises(ImportRefused) as refused:
            service(store).import_enterprises(path, dry_run=dry_run)
        message = str(refused.value)
        assert "片区不存在：东片区（D01）、西片区（D02）、北片区（D03）" in message and "--new-districts" in message
        problems = refused.value.result.problems
        assert len(problems) == len(ROWS)  # one per row, each naming its district; no industry was refused
        assert all("所属片区" in p.column and "不存在" in p.message for p in problems), problems
    assert checksum(store) == before


def test_with_new_districts_the_list_comes_in_whole_with_its_industries_mapped(store: Store, tmp_path: Path) -> None:
    path = office_list(tmp_path / "名录.xlsx")
    before = checksum(store)
    dry = service(store).import_enterprises(path, dry_run=True, new_districts=True)
    assert dry.added == len(ROWS) and not dry.written
    assert "将新建片区：东片区（D01）、西片区（D02）、北片区（D03）" in dry.describe()
    assert checksum(store) == before

    result = service(store).import_enterprises(path, new_districts=True)
    assert result.added == len(ROWS) and result.written and "已新建片区" in result.describe()
    districts = {d.name: d for d in store.districts.active()}
    assert sorted(districts) == ["东片区", "北片区", "西片区"]
    for number, (name, district, _, industry) in enumerate(ROWS, start=1):
        enterprise = store.enterprises.by_uscc(make_uscc(f"91370200MA3D{number:05d}"))
        assert (enterprise.name, enterprise.industry, enterprise.district_id) == (
            name, industry, districts[district].id)

    again = service(store).import_enterprises(path, new_districts=True)  # nothing new the second time
    assert (again.added, again.updated, again.new_districts) == (0, 0, [])
    assert len(store.districts.active()) == 3


def test_a_district_named_by_a_new_code_is_created_under_that_code(store: Store, tmp_path: Path) -> None:
    store.districts.add(District(id=store.db.new_id(), code="D01", name="老城片区"))
    path = tmp_path / "codes.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "片区代码", "片区名称", "行业"])
    book.active.append(["甲", make_uscc("91370200MA3D00001"), "DP", "东片区", "建筑业"])
    book.active.append(["乙", make_uscc("91370200MA3D00002"), "", "南片区", "47"])
    book.active.append(["丙", make_uscc("91370200MA3D00003"), "D01", "", "E"])
    book.save(path)
    result = service(store).import_enterprises(path, new_districts=True)
    assert result.new_districts == ["东片区（DP）", "南片区（D02）"]  # D01 is taken: the next free code
    assert store.districts.by_code("DP").name == "东片区" and store.districts.by_code("D02").name == "南片区"


def test_an_unknown_industry_lists_the_nearest_names_unless_a_fallback_is_given(store: Store,
                                                                              tmp_path: Path) -> None:
    rows = ROWS[:2] + [("市航天科技有限公司", "东片区", "建筑工程业", "其他")]
    path = office_list(tmp_path / "名录.xlsx", rows)
    before = checksum(store)
    with pytest.raises(ImportRefused) as refused:
        service(store).import_enterprises(path, new_districts=True)
    [problem] = refused.value.result.problems
    assert problem.row == 5 and "国民经济行业分类" in problem.column
    assert "未知行业" in problem.message and "最接近" in problem.message and "建筑业→建筑施工" in problem.message
    assert "--unknown-industry 其他" in problem.message
    assert checksum(store) == before

    result = service(store).import_enterprises(path, new_districts=True, unknown_industry=Industry.OTHER)
    assert result.added == 3 and result.unmapped_industries == {"建筑工程业": 1}
    assert store.enterprises.by_uscc(make_uscc("91370200MA3D00003")).industry == "其他"


def test_cli_refuses_without_the_flag_and_imports_with_it(db_path: Path, tmp_path: Path) -> None:
    path = office_list(tmp_path / "名录.xlsx")
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(db_path), "import", "enterprises", str(path)])
    assert refused.exit_code == 2 and "东片区" in refused.output and "--new-districts" in refused.output
    dry = runner.invoke(main, ["--db", str(db_path), "import", "enterprises", str(path), "--dry-run",
                               "--new-districts"])
    assert dry.exit_code == 0 and "将新建片区：东片区" in dry.output, dry.output
    done = runner.invoke(main, ["--db", str(db_path), "import", "enterprises", str(path), "--new-districts",
                                "--unknown-industry", "其他"])
    assert done.exit_code == 0 and "已新建片区" in done.output, done.output
    bad = runner.invoke(main, ["--db", str(db_path), "import", "enterprises", str(path), "--unknown-industry", "养殖"])
    assert bad.exit_code == 2 and "--unknown-industry" in bad.output
    with Store.open(db_path) as store:
        assert store.enterprises.count() == len(ROWS) and len(store.districts.active()) == 3


def test_a_row_whose_district_code_and_name_disagree_is_refused_not_put_under_the_code(store: Store,
                                                                                       tmp_path: Path) -> None:
    store.districts.add(District(id=store.db.new_id(), code="D01", name="东城片区"))
    store.districts.add(District(id=store.db.new_id(), code="D02", name="西城片区"))
    path = tmp_path / "codes.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "片区代码", "片区名称", "行业"])
    book.active.append(["甲", make_uscc("91370200MA3D00001"), "D01", "西城片区", "建筑业"])  # which one?
    book.active.append(["乙", make_uscc("91370200MA3D00002"), "D02", " 西城片区 ", "建筑业"])  # agree
    book.active.append(["丙", make_uscc("91370200MA3D00003"), "东城片区", "", "建筑业"])  # a name in the code column
    book.save(path)
    before = checksum(store)
    with pytest.raises(ImportRefused) as refused:
        service(store).import_enterprises(path, new_districts=True)
    problems = refused.value.result.problems
    assert [(p.row, p.message) for p in problems] == [(2, "片区代码 D01 是“东城片区”，与片区名称“西城片区”不符")]
    assert checksum(store) == before and store.districts.by_code("东城片区") is None

    book.active["D2"] = "东城片区"
    book.save(path)
    result = service(store).import_enterprises(path)
    assert result.added == 3 and not result.new_districts
    district_of = {e.name: store.districts.get(e.district_id).code for e in store.enterprises.every()}
    assert district_of == {"甲": "D01", "乙": "D02", "丙": "D01"}
