"""Spreadsheet imports: enterprises and hazard ledgers come in all or nothing, bad rows named, hostile files refused."""

from __future__ import annotations

import hashlib
import re
import shutil
import time
import zipfile
import zlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.imports import ImportRefused, SheetError, SpreadsheetService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.records import District, Person
from safety_desk.store.store import Store

AS_OF = date(2026, 11, 27)
USCC_A = make_uscc("91370200MA3C00001")
USCC_B = make_uscc("91370200MA3C00002")
BAD_CHECK = USCC_A[:-1] + ("0" if USCC_A[-1] != "0" else "1")


# -- helpers -----------------------------------------------------------------------------------------
def checksum(store: Store) -> str:
    """A digest of every row of every table: any write at all changes it."""
    digest = hashlib.sha256()
    tables = [row[0] for row in store.db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        digest.update(table.encode())
        for row in store.db.conn.execute(f"SELECT * FROM \"{table}\" ORDER BY 1"):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def workbook(path: Path, rows: list[list], title: str | None = None, sheet: str = "Sheet1") -> Path:
    """An .xlsx with an optional merged title row above `rows` (the first of which is the header)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(r) for r in rows))
        ws.append([])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def with_cached_values(path: Path, cached: dict[str, tuple[str, str]]) -> Path:
    """Give formula cells (by coordinate) a saved value, as Excel does: {'G3': ('str', 'text')}.

    openpyxl writes formulas without their values; this edits the sheet XML the way Excel would save it.
    """
    source = path.with_suffix(".src.xlsx")
    shutil.move(path, source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for coordinate, (kind, value) in cached.items():
                    pattern = re.compile(rf'<c r="{coordinate}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
                    assert pattern.search(text), (coordinate, text)
                    kind_attr = ' t="str"' if kind == "str" else ""

                    def saved(match, coordinate=coordinate, kind_attr=kind_attr, value=value):
                        attrs = match.group(1).replace(' t="str"', "")
                        return f'<c r="{coordinate}"{attrs}{kind_attr}><f>{match.group(2)}</f><v>{value}</v></c>'
                    text = pattern.sub(saved, text)
                data = text.encode()
            new.writestr(item, data)
    source.unlink()
    return path


LEDGER_HEADER = ["序号", "企业名称", "统一社会信用代码", "发现日期", "隐患描述", "隐患部位", "隐患等级", "整改措施",
                 "整改责任人", "整改期限", "整改状态", "完成日期"]


def ledger_row(n: int, uscc: str, found="2026/11/3", description=None, grade="一般", deadline="2026年11月20日",
               status="未整改", done=None) -> list:
    return [n, "", uscc, found, description or f"配电箱未接地{n}", "车间", grade, "接地", "张三", deadline, status, done]


@pytest.fixture
def office(store: Store) -> Store:
    """The test office database with two districts and two enterprises."""
    from safety_desk.store.records import Enterprise

    store.districts.add(District(id=store.db.new_id(), code="GX", name="高新区片区"))
    store.districts.add(District(id=store.db.new_id(), code="SN", name="市南区片区"))
    gx, sn = store.districts.by_code("GX"), store.districts.by_code("SN")
    for uscc, name, district in ((USCC_A, "青岛甲机械有限公司", gx), (USCC_B, "青岛乙化工有限公司", sn)):
        store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=uscc, name=name, district_id=district.id,
                                         industry="机械", risk_class=1, tracked_since="2026-01-01"))
    return store


def service(store: Store, role: str = "office", **kwargs) -> SpreadsheetService:
    person = store.people.by_login("admin")
    if role != "office":
        enterprise = store.enterprises.by_uscc(USCC_A)
        person = Person(id=store.db.new_id(), name="某人", login=f"{role}1", role=role,
                        enterprise_id=enterprise.id if role == "enterprise" else None)
        store.people.add(person)
        if role == "inspector":
            from safety_desk.store.records import DistrictMember
            store.members.add(DistrictMember(id=store.db.new_id(), district_id=enterprise.district_id,
                                             person_id=person.id, role="inspector"))
    return SpreadsheetService(Session(store, person).at(AS_OF), **kwargs)


def statuses(store: Store) -> dict[str, str]:
    ledger = LedgerService(Session(store, store.people.by_login("admin")).at(AS_OF))
    return {row.description: row.status for row in ledger.every_row(LedgerFilter())}


# -- enterprises -------------------------------------------------------------------------------------
def test_enterprises_are_created_and_an_existing_uscc_is_updated(office: Store, tmp_path: Path) -> None:
    new_code = make_uscc("91370200MA3C00003")
    path = workbook(tmp_path / "e.xlsx", [
        ["单位名称", "统一社会信用代码", "所属片区", "所属行业", "风险类别（1/2/3）", "地址", "主要负责人", "联系电话"],
        ["青岛丙纺织有限公司", new_code.lower(), "市南区片区", "纺织", None, "市南区香港中路1号", "李四", 13800138000],
        ["青岛甲机械有限公司", f" {USCC_A} ", "GX", "机械", "二类", "高新区新地址", "王五", None],
        [None, None, None, None, None, None, None, None],
    ], title="企业名录（2026年）")
    before = office.enterprises.count()
    dry = service(office).import_enterprises(path, dry_run=True)
    assert (dry.added, dry.updated, dry.written) == (1, 1, False)
    assert office.enterprises.count() == before

    result = service(office).import_enterprises(path)
    assert (result.added, result.updated, result.written) == (1, 1, True)
    assert office.enterprises.count() == before + 1
    created = office.enterprises.by_uscc(new_code)
    assert (created.name, created.industry, created.risk_class, created.contact_phone) == (
        "青岛丙纺织有限公司", "纺织", 2, "13800138000")  # class 2 by industry; the phone without ".0"
    assert created.district_id == office.districts.by_code("SN").id
    updated = office.enterprises.by_uscc(USCC_A)
    assert (updated.address, updated.principal, updated.risk_class) == ("高新区新地址", "王五", 2)
    again = service(office).import_enterprises(path)  # importing the same file twice changes nothing
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


@pytest.mark.parametrize("row, column, words", [
    (["某公司", BAD_CHECK, "GX", "机械"], "统一社会信用代码", "校验位"),
    (["某公司", "123", "GX", "机械"], "统一社会信用代码", "18"),
    (["", make_uscc("91370200MA3C00009"), "GX", "机械"], "企业名称", "不能为空"),
    (["某公司", make_uscc("91370200MA3C00009"), "XX", "机械"], "片区", "不存在"),
    (["某公司", make_uscc("91370200MA3C00009"), "GX", "养殖"], "行业", "未知行业"),
    (["某公司", make_uscc("91370200MA3C00009"), "", "机械"], "片区", "片区"),
    (["某公司", USCC_B, "GX", "机械", "5"], "风险类别", "1、2或3"),
])
def test_a_bad_enterprise_row_is_named_and_nothing_is_written(office: Store, tmp_path: Path, row, column,
                                                              words) -> None:
    good = ["好公司", make_uscc("91370200MA3C00008"), "GX", "机械"]
    path = workbook(tmp_path / "e.xlsx", [["企业名称", "统一社会信用代码", "片区", "行业", "风险类别"], good, row])
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_enterprises(path)
    problems = refused.value.result.problems
    assert len(problems) >= 1 and all(p.row == 3 for p in problems)
    assert any(column in p.column and words in p.message for p in problems), problems
    assert "第3行" in str(refused.value)
    assert checksum(office) == before


def test_the_same_uscc_twice_in_a_file_is_refused(office: Store, tmp_path: Path) -> None:
    code = make_uscc("91370200MA3C00007")
    path = workbook(tmp_path / "e.xlsx", [["企业名称", "统一社会信用代码", "片区", "行业"],
                                          ["甲", code, "GX", "机械"], ["乙", code, "GX", "机械"]])
    with pytest.raises(ImportRefused, match="第3行.*与第2行重复"):
        service(office).import_enterprises(path)


def test_only_the_office_imports_enterprises(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "e.xlsx", [["企业名称", "统一社会信用代码"], ["甲", USCC_A]])
    with pytest.raises(PermissionDenied):
        service(office, "inspector").import_enterprises(path)


# -- ledgers ------------------------------------------------------------------------------------------
def test_a_messy_ledger_imports_with_the_statuses_it_states(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "l.xlsx", [
        LEDGER_HEADER,
        ledger_row(1, USCC_A, found="2026.11.03", status="未整改", deadline="2026-11-10"),
        ledger_row(2, USCC_A, found=date(2026, 11, 3), status="整改中", deadline="２０２６年１１月３０日"),
        ledger_row(3, USCC_B, status="已整改待复查", done="2026/11/15", grade="重大隐患"),
        ledger_row(4, USCC_B, status="已整改", done="2026年11月18日"),
        ledger_row(5, USCC_B, status=None, done=None, deadline=None),
        [None] * 12, [None] * 12,
    ], title="2026年度隐患排查治理台账")
    before = checksum(office)
    dry = service(office).import_ledger(path, dry_run=True)
    assert dry.added == 5 and dry.ok and checksum(office) == before

    result = service(office).import_ledger(path)
    assert result.added == 5
    assert statuses(office) == {"配电箱未接地1": "待整改", "配电箱未接地2": "整改中", "配电箱未接地3": "待复查",
                                "配电箱未接地4": "已销号", "配电箱未接地5": "待整改"}
    ledger = LedgerService(Session(office, office.people.by_login("admin")).at(AS_OF))
    rows = {row.description: row for row in ledger.every_row(LedgerFilter())}
    assert rows["配电箱未接地1"].overdue_days == (AS_OF - date(2026, 11, 10)).days
    assert rows["配电箱未接地2"].deadline == "2026-11-30"
    assert rows["配电箱未接地3"].grade == "重大"
    assert rows["配电箱未接地4"].closed_at.startswith("2026-11-18") and rows["配电箱未接地4"].source == "import"
    assert office.hazards.mismatched_states() == []  # the cached status is the fold of the events
    # Importing the same ledger again adds nothing.
    again = service(office).import_ledger(path)
    assert (again.added, again.unchanged) == (0, 5)


@pytest.mark.parametrize("row, column, words", [
    (ledger_row(9, BAD_CHECK), "统一社会信用代码", "校验位"),
    (ledger_row(9, make_uscc("91370200MA3C00099")), "统一社会信用代码", "不存在"),
    (ledger_row(9, USCC_A, found="2026年2月30日"), "发现日期", "日期不存在"),
    (ledger_row(9, USCC_A, found="上周三"), "发现日期", "不是日期"),
    (ledger_row(9, USCC_A, found="2027-01-01"), "发现日期", "晚于今天"),
    (ledger_row(9, USCC_A, grade="特大"), "隐患等级", "未知隐患等级"),
    (ledger_row(9, USCC_A, status="研究中"), "整改状态", "未知整改状态"),
    (ledger_row(9, USCC_A, deadline="2026-10-01"), "整改期限", "整改期限不能早于发现日期"),
    (ledger_row(9, USCC_A, found=None), "发现日期", "不能为空"),
    (ledger_row(9, ""), "统一社会信用代码", "未填写企业"),
])
def test_a_bad_ledger_row_is_named_and_nothing_is_written(office: Store, tmp_path: Path, row, column,
                                                          words) -> None:
    path = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), row], title="隐患台账")
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_ledger(path)
    problems = refused.value.result.problems
    assert [p.row for p in problems] == [5] * len(problems)  # title, blank, header, good row, this row
    assert any(p.column == column and words in p.message for p in problems), problems
    assert f"第5行 {column}" in str(refused.value)
    assert checksum(office) == before
    with pytest.raises(ImportRefused):
        service(office).import_ledger(path, dry_run=True)  # the dry run reports the same


def test_every_bad_row_is_listed_not_only_the_first(office: Store, tmp_path: Path) -> None:
    rows = [LEDGER_HEADER] + [ledger_row(n, BAD_CHECK if n % 2 else USCC_A) for n in range(1, 41)]
    path = workbook(tmp_path / "l.xlsx", rows)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_ledger(path)
    assert sorted({p.row for p in refused.value.result.problems}) == list(range(2, 42, 2))


def test_an_enterprise_user_imports_only_its_own_ledger(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, USCC_B)])
    before = checksum(office)
    own = service(office, "enterprise")
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        own.import_ledger(path)
    assert [(p.row, p.column) for p in refused.value.result.problems] == [(3, "统一社会信用代码")]
    assert "无权" in refused.value.result.problems[0].message
    assert checksum(office) == before
    only_own = workbook(tmp_path / "own.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])
    assert own.import_ledger(only_own).added == 1


def test_an_inspector_imports_only_within_their_districts(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, USCC_B)])
    with pytest.raises(ImportRefused, match="第3行 统一社会信用代码: 无权"):
        service(office, "inspector").import_ledger(path)


def test_enterprises_named_by_exact_name_and_the_template_round_trips(office: Store, tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    SpreadsheetService.write_template("ledger", template)
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    headers = [cell.value.rstrip("*") for cell in sheet[1]]
    values = {"企业名称": "青岛乙化工有限公司", "发现日期": date(2026, 11, 2), "隐患描述": "储罐区未设置警示标志",
              "隐患等级": "一般", "整改状态": "待整改"}
    sheet.append([values.get(header) for header in headers])
    book.save(template)
    assert service(office).import_ledger(template).added == 1
    assert statuses(office) == {"储罐区未设置警示标志": "待整改"}


# -- formulas -------------------------------------------------------------------------------------------
def test_formula_cells_import_their_saved_values_and_are_never_evaluated(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [
        ["统一社会信用代码", "发现日期", "隐患描述", "整改期限"],
        [USCC_A, "2026-11-02", '="配电"&"箱"', "=1+1"],
    ])
    deadline = date(2026, 11, 20)
    serial = (deadline - date(1899, 12, 30)).days
    # Saved values that differ from what evaluating would give: only the saved value may come in.
    with_cached_values(path, {"C2": ("str", "缓存的描述"), "D2": ("n", str(serial))})
    result = service(office).import_ledger(path)
    assert result.added == 1
    rows = list(LedgerService(Session(office, office.people.by_login("admin")).at(AS_OF)).every_row(LedgerFilter()))
    assert [(r.description, r.deadline) for r in rows] == [("缓存的描述", "2026-11-20")]


def test_a_formula_without_a_saved_value_is_refused_with_its_row(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [
        ["统一社会信用代码", "发现日期", "隐患描述", "整改期限"],
        [USCC_A, "2026-11-02", "漏电保护器失效", "2026-11-20"],
        [USCC_A, "2026-11-02", '=WEBSERVICE("http://example.invalid/")', "2026-11-20"],
    ])
    before = checksum(office)
    with pytest.raises(ImportRefused) as refused:
        service(office).import_ledger(path)
    assert [(p.row, p.column) for p in refused.value.result.problems] == [(3, "隐患描述")]
    assert "公式" in str(refused.value)
    assert checksum(office) == before


# -- hostile files --------------------------------------------------------------------------------------
def test_a_renamed_text_file_is_refused_naming_the_file(office: Store, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_text("企业名称,统一社会信用代码\n甲,123\n", encoding="utf-8")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    before = checksum(office)
    for bad in (path, empty):
        with pytest.raises(SheetError, match=bad.name):
            service(office).import_ledger(bad)
    not_a_workbook = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(SheetError, match="other.xlsx"):
        service(office).import_enterprises(not_a_workbook)
    assert checksum(office) == before


def test_a_truncated_workbook_is_refused(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SheetError, match="t.xlsx"):
        service(office).import_ledger(path)


def _replace_member(path: Path, member: str, write) -> None:
    """Rewrite the .xlsx with `member` produced by write(zipfile, zipinfo) instead of its content (deflated at
    level 1: the sheets written here run to hundreds of MB, which the default level takes seconds over)."""
    source = path.with_suffix(".src.xlsx")
    shutil.move(path, source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for item in old.infolist():
            if item.filename == member:
                write(new, item)
            else:
                new.writestr(item, old.read(item.filename))
    source.unlink()


class _DeflatedOnce:
    """Deflates every write of the same `chunk` to the same bytes, in place of a zip member's compressor: a full
    flush after each chunk leaves no history to the next, so one compression serves them all (the zip still
    counts and checksums every byte). Deflating 1 GB for real takes seconds."""

    def __init__(self, chunk: bytes) -> None:
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.chunk = chunk
        self.block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
        self.end = deflate.flush(zlib.Z_FINISH)

    def compress(self, data: bytes) -> bytes:
        assert data == self.chunk
        return self.block

    def flush(self) -> bytes:
        return self.end


def test_a_member_that_claims_1_kb_and_expands_to_1_gb_is_refused_quickly(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "bomb.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])
    chunk = b"<row/>" * (2**20 // 6)

    def bomb(archive: zipfile.ZipFile, item: zipfile.ZipInfo) -> None:
        info = zipfile.ZipInfo(item.filename, item.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member._compressor = _DeflatedOnce(chunk)
            for _ in range(1024):  # 1 GB of XML, deflated to about 1 MB
                member.write(chunk)
        info.file_size = 1024  # the central directory now claims 1 KB

    _replace_member(path, "xl/worksheets/sheet1.xml", bomb)
    assert path.stat().st_size < 5 * 2**20
    before = checksum(office)
    started = time.perf_counter()
    with pytest.raises(SheetError, match="bomb.xlsx"):
        service(office).import_ledger(path)
    assert time.perf_counter() - started < 5
    assert checksum(office) == before


def test_a_member_that_declares_1_gb_is_refused_before_it_is_read(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "big.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])

    def big(archive: zipfile.ZipFile, item: zipfile.ZipInfo) -> None:
        info = zipfile.ZipInfo(item.filename, item.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(b"<sst/>")
        info.file_size = 2**30  # the central directory declares 1 GB

    _replace_member(path, "docProps/app.xml", big)
    started = time.perf_counter()
    with pytest.raises(SheetError, match="压缩炸弹"):
        service(office).import_ledger(path)
    assert time.perf_counter() - started < 1


def _sheet_with_rows(path: Path, count: int) -> Path:
    """A ledger whose sheet holds `count` data rows under its header, written as streamed XML (cheap)."""
    workbook(path, [LEDGER_HEADER[2:5]])
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            + "".join(f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
                      for col, name in zip("ABC", LEDGER_HEADER[2:5])) + "</row>")
    serial = (date(2026, 11, 2) - date(1899, 12, 30)).days

    def rows(archive: zipfile.ZipFile, item: zipfile.ZipInfo) -> None:
        info = zipfile.ZipInfo(item.filename, item.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(head.encode())
            batch = []
            for n in range(2, count + 2):
                batch.append(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{USCC_A}</t></is></c>'
                             f'<c r="B{n}"><v>{serial}</v></c><c r="C{n}" t="inlineStr"><is><t>隐患{n}</t></is></c>'
                             '</row>')
                if len(batch) == 10_000:
                    member.write("".join(batch).encode())
                    batch = []
            member.write(("".join(batch) + "</sheetData></worksheet>").encode())

    _replace_member(path, "xl/worksheets/sheet1.xml", rows)
    return path


def test_one_row_over_the_limit_is_refused_and_the_limit_itself_imports(office: Store, tmp_path: Path) -> None:
    over = _sheet_with_rows(tmp_path / "over.xlsx", 301)
    before = checksum(office)
    with pytest.raises(SheetError, match="超过300行"):
        service(office, max_rows=300).import_ledger(over)
    assert checksum(office) == before
    exact = _sheet_with_rows(tmp_path / "exact.xlsx", 300)
    assert service(office, max_rows=300).import_ledger(exact, dry_run=True).added == 300


def test_a_sheet_of_1048576_rows_is_refused_without_reading_it_whole(office: Store, tmp_path: Path) -> None:
    path = _sheet_with_rows(tmp_path / "full.xlsx", 1_048_575)  # with the header: every row Excel has
    before = checksum(office)
    started = time.perf_counter()
    with pytest.raises(SheetError, match="超过50,000行"):
        service(office).import_ledger(path)
    elapsed = time.perf_counter() - started
    assert checksum(office) == before
    assert elapsed < 30, f"{elapsed:.1f} s"


def test_an_old_xls_or_password_protected_workbook_gets_its_own_message(office: Store, tmp_path: Path) -> None:
    path = tmp_path / "加密台账.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    with pytest.raises(SheetError, match="加密台账.xlsx.*密码"):
        service(office).import_ledger(path)


def test_oversized_shared_strings_are_refused_before_they_are_read(english, office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "strings.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])

    def strings(archive: zipfile.ZipFile, item: zipfile.ZipInfo) -> None:
        archive.writestr(item, b"<Properties/>")
        info = zipfile.ZipInfo("xl/sharedStrings.xml", item.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(b"<sst/>")
        info.file_size = 100 * 2**20  # declares 100 MB of strings: openpyxl would hold them all in memory

    _replace_member(path, "docProps/app.xml", strings)
    with pytest.raises(SheetError, match="sharedStrings"):
        service(office).import_ledger(path)


def test_more_row_elements_than_excel_allows_are_refused(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "rows.xlsx", [LEDGER_HEADER[2:5]])
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1">'
            + "".join(f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
                      for col, name in zip("ABC", LEDGER_HEADER[2:5])) + "</row>")

    def rows(archive: zipfile.ZipFile, item: zipfile.ZipInfo) -> None:
        info = zipfile.ZipInfo(item.filename, item.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(head.encode())
            for _ in range(11):  # blank rows that all claim to be row 5: never "more data rows"
                member.write(b'<row r="5"/>' * 100_000)
            member.write(b"</sheetData></worksheet>")

    _replace_member(path, "xl/worksheets/sheet1.xml", rows)
    # Refused at the element limit, not after reading them all (a hang is caught by the suite's faulthandler
    # timeout; a wall-clock bound here failed on a loaded machine while the refusal itself was right).
    with pytest.raises(SheetError, match="上限"):
        service(office).import_ledger(path)


def test_a_sheet_with_an_entity_expansion_bomb_is_refused(office: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "laughs.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A)])
    entities = '<!ENTITY l0 "lollollollollol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
            "<t>&l9;</t></is></c></row></sheetData></worksheet>")
    _replace_member(path, "xl/worksheets/sheet1.xml", lambda archive, item: archive.writestr(item, bomb))
    before = checksum(office)
    started = time.perf_counter()
    with pytest.raises(SheetError, match="laughs.xlsx"):
        service(office).import_ledger(path)
    assert time.perf_counter() - started < 5 and checksum(office) == before


# -- command line ----------------------------------------------------------------------------------------
def test_cli_import_exits_2_with_row_messages_and_dry_run_writes_nothing(office: Store, tmp_path: Path) -> None:
    db = office.path
    bad = workbook(tmp_path / "bad.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, BAD_CHECK)])
    good = workbook(tmp_path / "good.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, USCC_B)])
    before = checksum(office)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "import", "ledger", str(bad)])
    assert result.exit_code == 2
    assert "第3行 统一社会信用代码" in result.output and "bad.xlsx" in result.output
    result = runner.invoke(main, ["--db", str(db), "import", "ledger", str(good), "--dry-run"])
    assert result.exit_code == 0 and "2" in result.output
    assert checksum(office) == before
    result = runner.invoke(main, ["--db", str(db), "import", "ledger", str(good)])
    assert result.exit_code == 0, result.output
    assert len(statuses(office)) == 2
    text = tmp_path / "x.xlsx"
    text.write_text("a,b\n")
    result = runner.invoke(main, ["--db", str(db), "import", "enterprises", str(text)])
    assert result.exit_code == 2 and "x.xlsx" in result.output
    template = tmp_path / "tpl.xlsx"
    result = runner.invoke(main, ["--db", str(db), "import", "template", "enterprises", "-o", str(template)])
    assert result.exit_code == 0 and template.exists()


def test_importing_20000_rows_takes_a_few_seconds(office: Store, tmp_path: Path) -> None:
    path = _sheet_with_rows(tmp_path / "many.xlsx", 20_000)
    started = time.perf_counter()
    result = service(office).import_ledger(path)
    elapsed = time.perf_counter() - started
    assert result.added == 20_000
    print(f"\n20,000-row ledger import: {elapsed:.2f} s")
    assert elapsed < 60


# -- fuzzing ----------------------------------------------------------------------------------------------
import functools  # noqa: E402
import tempfile  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from openpyxl.utils.exceptions import IllegalCharacterError  # noqa: E402

_FUZZ = settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@functools.lru_cache(maxsize=1)
def _valid_ledger_bytes() -> bytes:
    """One valid ledger, made once: hypothesis needs the same starting bytes for every example."""
    with tempfile.TemporaryDirectory() as directory:
        path = workbook(Path(directory) / "l.xlsx", [LEDGER_HEADER, ledger_row(1, USCC_A), ledger_row(2, USCC_B)],
                        title="台账")
        return path.read_bytes()


@_FUZZ
@given(data=st.data())
def test_mutated_workbook_bytes_are_refused_cleanly_or_read(office: Store, tmp_path_factory, data) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "l.xlsx"
    raw = bytearray(_valid_ledger_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path.write_bytes(bytes(raw))
    before = checksum(office)
    try:
        service(office).import_ledger(path, dry_run=True)
        service(office).import_enterprises(path, dry_run=True)
    except (SheetError, ImportRefused):
        pass
    assert checksum(office) == before


_CELL = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**12, 10**12),
                  st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                  st.dates(date(1900, 3, 1), date(2100, 1, 1)), st.sampled_from(["=1+1", "=A1", "=1/0", "#N/A"]))


@_FUZZ
@given(rows=st.lists(st.lists(_CELL, min_size=12, max_size=12), min_size=1, max_size=8))
def test_random_cell_values_never_escape_as_unexpected_errors(office: Store, tmp_path_factory, rows) -> None:
    path = tmp_path_factory.mktemp("cells") / "l.xlsx"
    try:
        workbook(path, [LEDGER_HEADER, *rows])
    except (ValueError, TypeError, IllegalCharacterError):
        return  # openpyxl itself will not write some values (control characters)
    before = checksum(office)
    try:
        result = service(office).import_ledger(path)
    except (SheetError, ImportRefused):
        assert checksum(office) == before
    else:
        assert result.ok
