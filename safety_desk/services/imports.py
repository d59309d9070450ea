"""Excel in and out: export the ledger as the person sees it; import enterprises and hazard ledgers, all or nothing."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable

from safety_desk.domain.backup_rotation import IMPORT
from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.grading import parse_hazard_grade
from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.domain.industry import Industry, default_risk_class, parse_industry
from safety_desk.domain.industry_codes import industry_from_list, lost_leading_zero, map_industry
from safety_desk.domain.language import say
from safety_desk.domain.uscc import validate_uscc
from safety_desk.reports.sheet_reader import (
    MAX_DATA_ROWS, Column, Problem, SheetError, SheetRow, Table, cell_date, cell_text, find_table, read_table,
)
from safety_desk.reports.spreadsheets import LedgerExportInfo, write_ledger, write_template
from safety_desk.services.backups import take_backup
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.records import District, Enterprise, Hazard, HazardEvent

__all__ = ["ENTERPRISE_COLUMNS", "LEDGER_COLUMNS", "ImportRefused", "ImportResult", "Problem", "SheetError",
           "SpreadsheetService"]

ENTERPRISE_COLUMNS = [
    Column("name", "企业名称", ("名称", "单位名称", "企业", "单位"), required=True),
    Column("uscc", "统一社会信用代码", ("社会信用代码", "信用代码", "统一代码"), required=True),
    Column("district_code", "片区代码", ("所属片区代码",)),
    Column("district_name", "片区名称", ("片区", "所属片区", "所属片区名称", "所在片区", "区县", "所属区县", "所在区县",
                                          "辖区", "所属辖区", "所在辖区", "区域", "所属区域")),
    Column("industry", "行业", ("所属行业", "行业类别", "行业类型", "国民经济行业分类", "行业分类", "国民经济行业",
                                "所属国民经济行业", "行业代码")),
    Column("risk_class", "风险类别", ("风险等级", "风险分类", "企业风险类别")),
    Column("address", "地址", ("企业地址", "注册地址", "经营地址", "单位地址")),
    Column("principal", "主要负责人", ("负责人", "法定代表人", "法人代表")),
    Column("safety_officer", "安全管理人员", ("安全员", "安全负责人", "安全管理员", "安全联系人")),
    Column("contact_phone", "联系电话", ("电话", "联系方式", "手机")),
]
ENTERPRISE_NOTES = {
    "name": "企业全称", "uscc": "18位统一社会信用代码（校验位会被检查）；已有的企业按此代码更新",
    "district_code": "片区代码或片区名称填一项（新企业必填）", "district_name": "片区名称（或填片区代码）",
    "industry": "行业：国民经济行业分类（GB/T 4754-2017）的门类、大类、中类或小类名称或代码（如 E、建筑业、47、"
                "5412），常用简称（如 城投、水务、燃气、轨道交通），或监管行业名称（如 机械、危险化学品）；新企业必填",
    "risk_class": "1、2或3；不填则按行业默认", "address": "", "principal": "", "safety_officer": "", "contact_phone": "",
}

LEDGER_COLUMNS = [
    Column("uscc", "统一社会信用代码", ("社会信用代码", "信用代码")),
    Column("enterprise", "企业名称", ("企业", "单位名称", "单位", "被检查单位", "受检单位", "隐患单位")),
    Column("found_on", "发现日期", ("检查日期", "排查日期", "发现时间", "检查时间"), required=True),
    Column("description", "隐患描述", ("隐患内容", "隐患名称", "存在问题", "问题描述", "隐患情况", "隐患"),
           required=True),
    Column("location", "部位", ("隐患部位", "位置", "地点", "隐患位置", "所在部位")),
    Column("category", "类别", ("隐患类别", "隐患类型", "类型")),
    Column("accident_type", "事故类型", ("可能导致的事故类型", "可能导致事故类型")),
    Column("grade", "隐患等级", ("等级", "隐患级别", "级别")),
    Column("basis", "判定依据", ("依据", "检查依据", "法规依据")),
    Column("measures", "整改措施", ("整改措施及要求", "整改要求", "整改建议")),
    Column("responsible", "整改责任人", ("责任人", "整改负责人")),
    Column("deadline", "整改期限", ("整改时限", "要求完成时间", "整改期限日期", "限期")),
    Column("status", "整改状态", ("状态", "整改情况", "整改进度")),
    Column("rectified_on", "整改完成日期", ("完成日期", "实际完成日期", "整改完成时间", "完成时间")),
    Column("closed_on", "销号日期", ("验收日期", "复查日期", "销号时间")),
]
LEDGER_NOTES = {
    "uscc": "企业的统一社会信用代码，或填企业名称（须与系统中的名称完全一致）", "enterprise": "企业名称",
    "found_on": "日期", "description": "", "location": "", "category": "", "accident_type": "",
    "grade": "一般 或 重大（不填按一般）", "basis": "", "measures": "", "responsible": "", "deadline": "日期，不早于发现日期（也可写 立即整改、限期7天）",
    "status": "待整改、整改中、待复查、已销号（也可写 未整改、已整改）；不填时有销号日期即为已销号",
    "rectified_on": "日期", "closed_on": "日期；已销号的隐患按此日期销号",
}

# Status words found in real ledgers -> the app's status.
_STATUS_WORDS = {
    "待整改": HazardStatus.OPEN, "未整改": HazardStatus.OPEN, "未完成": HazardStatus.OPEN, "未销号": HazardStatus.OPEN,
    "整改中": HazardStatus.IN_PROGRESS, "正在整改": HazardStatus.IN_PROGRESS, "部分整改": HazardStatus.IN_PROGRESS,
    "待复查": HazardStatus.AWAITING_REVIEW, "待验收": HazardStatus.AWAITING_REVIEW,
    "已整改待复查": HazardStatus.AWAITING_REVIEW, "已整改待验收": HazardStatus.AWAITING_REVIEW,
    "已销号": HazardStatus.CLOSED, "已整改": HazardStatus.CLOSED, "已完成": HazardStatus.CLOSED,
    "完成": HazardStatus.CLOSED, "已闭环": HazardStatus.CLOSED, "已验收": HazardStatus.CLOSED,
    "整改完成": HazardStatus.CLOSED,
    # More words of real ledgers: 销项 is the same as 销号; 限期整改 an open hazard with its deadline.
    "限期整改": HazardStatus.OPEN, "立即整改": HazardStatus.OPEN, "未开始": HazardStatus.OPEN,
    "正在整改中": HazardStatus.IN_PROGRESS, "整改进行中": HazardStatus.IN_PROGRESS,
    "待销号": HazardStatus.AWAITING_REVIEW, "待销项": HazardStatus.AWAITING_REVIEW,
    "已销项": HazardStatus.CLOSED, "销号": HazardStatus.CLOSED, "销项": HazardStatus.CLOSED,
    "整改完毕": HazardStatus.CLOSED, "已整改完成": HazardStatus.CLOSED, "已完成整改": HazardStatus.CLOSED,
    "复查合格": HazardStatus.CLOSED, "验收合格": HazardStatus.CLOSED,
}
# Keyed as the cell is read (NFKC: a Roman numeral Ⅱ reads as the letters II, so "Ⅱ类" was never found).
_RISK_WORDS = {unicodedata.normalize("NFKC", word): risk for word, risk in {
    "1": 1, "2": 2, "3": 3, "一": 1, "二": 2, "三": 3, "一类": 1, "二类": 2, "三类": 3,
    "1类": 1, "2类": 2, "3类": 3, "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅰ类": 1, "Ⅱ类": 2, "Ⅲ类": 3,
    "一级": 1, "二级": 2, "三级": 3, "1级": 1, "2级": 2, "3级": 3, "Ⅰ级": 1, "Ⅱ级": 2, "Ⅲ级": 3}.items()}
_PROBLEMS_SHOWN = 200  # in the refusal message; the result keeps all of them


@dataclass
class ImportResult:
    """What an import found (dry run) or did: counts, and every problem with its row."""

    kind: str  # "enterprises" or "ledger"
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # rows already in the database as they are (a ledger imported twice)
    by_status: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = True
    written: bool = False
    # Districts the file names that do not exist (by code or name): created with new_districts=True.
    new_districts: list[str] = field(default_factory=list)
    # Industry cells the GB/T 4754 table did not know, imported as `unknown_industry`: {cell text: rows}.
    unmapped_industries: dict[str, int] = field(default_factory=dict)
    # Rows refused for an industry the table does not know (the command's --unknown-industry takes them).
    unknown_industries: int = 0
    # People imported without a password: (login, one-time password), to hand over once.
    one_time_passwords: list[tuple[str, str]] = field(default_factory=list)
    # A ledger workbook's own enterprise sheet, imported with its hazards: what it found or did.
    enterprises: "ImportResult | None" = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems})

    def describe(self) -> str:
        what = {"enterprises": say("企业", "enterprises"), "ledger": say("隐患", "hazards"),
                "people": say("人员", "people")}[self.kind]
        verb = "将" if self.dry_run else "已"
        text = say(f"{self.file}: {self.rows} 行；{verb}新增 {self.added} {what}",
                   f"{self.file}: {self.rows} rows; {'would add' if self.dry_run else 'added'} {self.added} {what}")
        if self.kind == "enterprises":
            text += say(f"，{verb}更新 {self.updated}", f", {'would update' if self.dry_run else 'updated'} {self.updated}")
        text += say(f"，已存在未变 {self.unchanged}", f", unchanged {self.unchanged}")
        if self.enterprises is not None:
            listed = self.enterprises
            text += say(f"；工作表企业名录：{verb}新增企业 {listed.added} 家，{verb}更新 {listed.updated} 家，"
                        f"未变 {listed.unchanged} 家",
                        f"; the sheet of enterprises: {'would add' if self.dry_run else 'added'} {listed.added}, "
                        f"{'would update' if self.dry_run else 'updated'} {listed.updated}, unchanged "
                        f"{listed.unchanged}")
        if self.by_status:
            text += " (" + ", ".join(f"{status} {count}" for status, count in self.by_status.items()) + ")"
        if self.new_districts:
            text += (say(f"；{verb}新建片区：{'、'.join(self.new_districts)}",
                         f"; {'would create' if self.dry_run else 'created'} districts: {', '.join(self.new_districts)}"))
        if self.unmapped_industries:
            text += (say("；未识别的行业按指定行业导入：", "; unknown industries imported as given: ")
                     + say("、".join(f"{name}（{count}行）" for name, count in self.unmapped_industries.items()),
                           ", ".join(f"{name} ({count} rows)" for name, count in self.unmapped_industries.items())))
        return text


@dataclass
class _EnterprisePlan:
    """What an enterprise sheet would write: districts to create, new enterprises (ids given), updates by id."""

    creating: list[District]
    new: list[Enterprise]
    updates: list[tuple[str, dict[str, Any]]]

    def __bool__(self) -> bool:
        return bool(self.new or self.updates)

    def enterprises_after(self, existing: list[Enterprise]) -> list[Enterprise]:
        """`existing` as the plan leaves them (updated in place) and the new ones after them."""
        changed = dict(self.updates)
        return [dataclasses.replace(e, **changed[e.id]) if e.id in changed else e for e in existing] + self.new


class ImportRefused(ValueError):
    """The file had problems; nothing was written. `problems` lists every one with its row."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        # Stable: a row's problems stay in column order; a workbook's sheets in the order they were read.
        sheets = {p.sheet: None for p in result.problems}
        order = {sheet: index for index, sheet in enumerate(sheets)}
        result.problems.sort(key=lambda p: (order[p.sheet], p.row or 0))
        shown = "\n".join(str(p) for p in result.problems[:_PROBLEMS_SHOWN])
        more = len(result.problems) - _PROBLEMS_SHOWN
        if more > 0:
            shown += say(f"\n… 另有 {more} 个问题", f"\n… and {more} more problems")
        missing = ""
        if result.new_districts:
            missing = (say(f"\n片区不存在：{'、'.join(result.new_districts)}；加 --new-districts 导入时新建",
                           f"\nthese districts do not exist: {', '.join(result.new_districts)}; give --new-districts to create them"))
        if result.unknown_industries:
            missing += say(f"\n{result.unknown_industries} 行的行业未识别：改为国民经济行业分类的名称或代码，"
                           "或加 --unknown-industry 其他 按其他导入",
                           f"\n{result.unknown_industries} rows name an unknown industry: write a GB/T 4754 name or "
                           "code, or give --unknown-industry 其他 to import them as other")
        super().__init__(say(f"{result.file}: {len(result.problems)} 个问题，未导入任何数据{missing}\n{shown}",
                             f"{result.file}: {len(result.problems)} problems; nothing was imported{missing}\n{shown}"))


_AT_ONCE = re.compile(r"^(立即|立行立改|当场|当日|当天|即时)(整改)?$")
_WITHIN_DAYS = re.compile(r"^(限期)?(\d{1,3})(天|日)内?(整改|完成)?$")  # calendar days; 工作日 is not guessed


def _deadline_cell(value: Any, found_on: date | None) -> date:
    """A deadline cell: a date, or as ledgers also write it, 立即整改 (the day found) or 限期7天 (days after it)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell_text(value)))
    if found_on is not None and _AT_ONCE.match(text):
        return found_on
    within = _WITHIN_DAYS.match(text) if found_on is not None else None
    if within:
        return found_on + timedelta(days=int(within.group(2)))
    return cell_date(value)


def _name_key(name: str) -> str:
    """An enterprise's name as a ledger is matched by it: （集团） and (集团), full- and half-width, spaces, alike."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


def _uscc_cell(value: Any, text: str) -> str:
    """The code of a USCC cell; a code of digits Excel stored as a number has lost its last digits (it keeps 15)."""
    try:
        return validate_uscc(text)
    except ValueError:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and len(text) > 15:
            raise ValueError(say(f"统一社会信用代码被Excel存成了数字（{text}），15位以后的数字已丢失：请把该列设为文本后重新输入",
                                 f"Excel stored the code as a number ({text}) and lost its digits after the 15th: "
                                 "format the column as text and type the code again")) from None
        raise


def _phone_lost_zero(value: Any) -> bool:
    """A phone number Excel stored as a number and so without the 0 of its area code: 0532-88886666 reads as
    53288886666 (11 digits, not a mobile's 1…), 010-12345678 as 1012345678 (10 digits, not a 400/800 number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        return False
    digits = str(int(value))
    return (len(digits) == 11 and not digits.startswith("1")) or (
        len(digits) == 10 and not digits.startswith(("400", "800")))


def _moment(day: date, hour: int) -> str:
    return datetime.combine(day, time(hour), BEIJING).isoformat(timespec="seconds")


class SpreadsheetService:
    """Ledger export and spreadsheet imports for the signed-in person, within their role and scope."""

    def __init__(self, session: Session,
                 max_rows: int = MAX_DATA_ROWS) -> None:
        self.session = session
        self.store = session.store
        self.max_rows = max_rows

    # -- export ---------------------------------------------------------------------------------
    def export_ledger(self, flt: LedgerFilter, target: Path, progress: Callable[[int, int], None] | None = None,
                      sort_column: str = "found_on", descending: bool = True) -> int:
        """Write the hazards `flt` selects (within the person's scope) to an .xlsx file; returns the row count."""
        ledger = LedgerService(self.session)
        total = ledger.count(flt) if progress is not None else 0
        office = self.store.offices.current()
        info = LedgerExportInfo(filter_lines=self.describe_filter(flt), generated_at=self.session.clock.now(),
                                as_of=ledger.as_of(), office=office.name if office else "")
        return write_ledger(Path(target), ledger.every_value_row(flt, sort_column, descending), info, progress, total)

    def describe_filter(self, flt: LedgerFilter) -> list[tuple[str, str]]:
        """The filter in words for the export's summary sheet."""
        lines = []
        if flt.district_id:
            district = self.store.districts.get(flt.district_id)
            lines.append(("片区", district.name if district else flt.district_id))
        if flt.enterprise_id:
            enterprise = self.store.enterprises.get(flt.enterprise_id)
            lines.append(("企业", enterprise.name if enterprise else flt.enterprise_id))
        if self.session.role != "office":
            lines.append(("查看范围", "本人负责的片区" if self.session.role != "enterprise" else "本企业"))
        for name, label in (("grade", "隐患等级"), ("status", "整改状态"), ("source", "来源")):
            if getattr(flt, name):
                lines.append((label, str(getattr(flt, name))))
        if flt.open_only:
            lines.append(("整改状态", "未销号"))
        if flt.overdue_only:
            lines.append(("逾期", "仅逾期未整改"))
        if flt.found_from or flt.found_to:
            lines.append(("发现日期", f"{flt.found_from or '…'} 至 {flt.found_to or '…'}"))
        if flt.deadline_from or flt.deadline_to:
            lines.append(("整改期限", f"{flt.deadline_from or '…'} 至 {flt.deadline_to or '…'}"))
        if flt.closed_from or flt.closed_to:
            lines.append(("销号日期", f"{flt.closed_from or '…'} 至 {flt.closed_to or '…'}"))
        if flt.campaign_id:
            campaign = self.store.campaigns.get(flt.campaign_id)
            lines.append(("专项活动", campaign.name if campaign else flt.campaign_id))
        if flt.notice_ids is not None:
            lines.append(("整改通知书", f"{len(flt.notice_ids)} 份"))
        if flt.text.strip():
            lines.append(("搜索", flt.text.strip()))
        return lines

    # -- templates ------------------------------------------------------------------------------
    @staticmethod
    def write_template(kind: str, target: Path) -> None:
        if kind == "enterprises":
            write_template(Path(target), "企业名录", [(c.header, c.required, ENTERPRISE_NOTES.get(c.key, ""))
                                                      for c in ENTERPRISE_COLUMNS])
        elif kind == "ledger":
            write_template(Path(target), "隐患台账", [(c.header, c.required, LEDGER_NOTES.get(c.key, ""))
                                                      for c in LEDGER_COLUMNS])
        elif kind == "people":
            from safety_desk.services.people_import import PEOPLE_COLUMNS, PEOPLE_NOTES

            write_template(Path(target), "人员名单", [(c.header, c.required, PEOPLE_NOTES.get(c.key, ""))
                                                      for c in PEOPLE_COLUMNS])
        else:
            raise ValueError(say(f"模板类型 {kind!r} 未知", f"unknown template {kind!r}; enterprises, ledger or people"))

    # -- people ---------------------------------------------------------------------------------
    def import_people(self, path: Path, *, dry_run: bool = False,
                      progress: Callable[[int, int], None] | None = None) -> ImportResult:
        """People with their roles, districts or enterprise (services/people_import.py): all or nothing."""
        from safety_desk.services.people_import import import_people

        return import_people(self.session, Path(path), dry_run=dry_run, progress=progress, max_rows=self.max_rows)

    # -- enterprises ----------------------------------------------------------------------------
    def import_enterprises(self, path: Path, *, dry_run: bool = False,
                           progress: Callable[[int, int], None] | None = None, new_districts: bool = False,
                           unknown_industry: Industry | None = None) -> ImportResult:
        """Create new enterprises and update those whose USCC exists; ImportRefused (nothing written) on any problem.

        Industries are read by GB/T 4754-2017 (domain/industry_codes.py); a name it does not know is refused unless
        `unknown_industry` is given. Districts the file names that do not exist are refused, or created with the
        enterprises when `new_districts` is set (the result lists them either way).
        """
        self.session.require(Action.EDIT_ENTERPRISE)
        path = Path(path)
        table = read_table(path, ENTERPRISE_COLUMNS, max_rows=self.max_rows)
        result = ImportResult("enterprises", path.name, rows=len(table.rows), dry_run=dry_run,
                              problems=list(table.problems))
        plan = self._plan_enterprises(table, result, new_districts=new_districts, unknown_industry=unknown_industry,
                                      progress=progress)
        if result.problems:
            raise ImportRefused(result)
        if not dry_run and plan:
            take_backup(self.store, IMPORT)
            with self.store.transaction():
                self._write_enterprises(plan, path.name)
            result.written = True
        return result

    def _plan_enterprises(self, table: Table, result: ImportResult, *, new_districts: bool,
                          unknown_industry: Industry | None,
                          progress: Callable[[int, int], None] | None = None) -> "_EnterprisePlan":
        """Check every row of an enterprise sheet, adding its problems to `result`; what it would write.

        New enterprises get their ids here: a hazard ledger in the same workbook refers to them before they exist.
        """
        districts = self.store.districts.active()
        by_code = {d.code.strip().upper(): d for d in districts}
        by_name = {d.name.strip(): d for d in districts}
        existing = {e.uscc: e for e in self.store.enterprises.every()}
        creating: list[District] = []  # districts the file names that do not exist, in the order first named
        seen: dict[str, int] = {}
        new: list[Enterprise] = []
        updates: list[tuple[str, dict[str, Any]]] = []
        today = self.session.clock.today().isoformat()
        for index, row in enumerate(table.rows):
            problem = _Collector(table, row, result.problems)
            values = {key: cell_text(value) for key, value in row.values.items()}
            uscc = problem.check("uscc", lambda: _uscc_cell(row.values.get("uscc"), values.get("uscc", "")),
                                 required=True)
            name = values.get("name", "")
            if not name:
                problem.add("name", say("企业名称不能为空", "the name is missing"))
            if uscc:
                if uscc in seen:
                    problem.add("uscc", say(f"与第{seen[uscc]}行重复", f"the same code as row {seen[uscc]}"))
                seen.setdefault(uscc, row.number)
            district = None
            code, district_name = values.get("district_code", ""), values.get("district_name", "")
            if code or district_name:
                district = by_code.get(code.upper()) if code else by_name.get(district_name)
                if district is None and district_name and not code:
                    district = by_code.get(district_name.upper())  # a code typed in the name column
                if district is None and code and not district_name:
                    district = by_name.get(code)  # a name typed in the code column
                if district is not None and code and district_name and district_name.strip() not in (
                        district.name.strip(), district.code):
                    # Code and name name two districts (or a name no district has): which one is meant is not
                    # for the import to guess; the enterprise's district decides who inspects it.
                    problem.add("district_name", say(
                        f"片区代码 {code} 是“{district.name}”，与片区名称“{district_name}”不符",
                        f"the district code {code} is {district.name}, not {district_name}"))
                elif district is None:
                    district = self._district_to_create(code, district_name, by_name, creating)
                    if district is None:  # a new code with an existing district's name: which is meant?
                        problem.add("district_code", say(f"片区代码 {code} 不存在，而片区名称 {district_name} 属于片区 {by_name[district_name].code}",
                                                         f"the district code {code} does not exist, and the name {district_name} is district {by_name[district_name].code}"))
                    elif not new_districts:
                        column = "district_code" if code else "district_name"
                        problem.add(column, say(f"片区 {code or district_name} 不存在",
                                                f"no district {code or district_name}"))
            industry = None
            if (code := lost_leading_zero(row.values.get("industry"))) is not None:
                # Two industries fit and nothing in the cell tells which was meant: ask rather than guess.
                letter = "A" if code[:2] <= "05" else "B"
                problem.add("industry", say(
                    f"行业代码 {code[1:]} 存成了数字，可能是Excel丢掉了开头的0（小类 {code}，门类{letter}），也可能是中类 "
                    f"{code[1:]}：请把该单元格设为文本后重新输入代码，或连同门类字母输入（如 {letter}{code}）",
                    f"Excel stored the industry code {code[1:]} as a number: it may be the 小类 {code} (门类 {letter}) "
                    f"with its leading 0 dropped, or the 中类 {code[1:]}; type the code as text, or with its letter "
                    f"({letter}{code})"))
            elif values.get("industry"):
                found = map_industry(values["industry"])
                if found is None and unknown_industry is not None:
                    # The office asked for names the table does not know to come in as this industry: say which.
                    found = unknown_industry
                    key = values["industry"].strip()
                    result.unmapped_industries[key] = result.unmapped_industries.get(key, 0) + 1
                industry = found.value if found is not None else problem.check(
                    "industry", lambda: industry_from_list(values["industry"]).value)
                result.unknown_industries += industry is None
            risk_class = None
            if values.get("risk_class"):
                risk_class = _RISK_WORDS.get(unicodedata.normalize("NFKC", values["risk_class"]).strip())
                if risk_class is None:
                    problem.add("risk_class", say(f"风险类别应为1、2或3: {values['risk_class']!r}",
                                                  f"must be 1, 2 or 3: {values['risk_class']!r}"))
            if _phone_lost_zero(row.values.get("contact_phone")):
                problem.add("contact_phone", say(
                    f"电话 {values['contact_phone']} 存成了数字，区号开头的0已丢失：请把该单元格设为文本后重新输入",
                    f"Excel stored the phone {values['contact_phone']} as a number and dropped the 0 of its area "
                    "code; format the cell as text and type it again"))
            current = existing.get(uscc) if uscc else None
            fields = {"name": name, "address": values.get("address", ""), "principal": values.get("principal", ""),
                      "safety_officer": values.get("safety_officer", ""),
                      "contact_phone": values.get("contact_phone", "")}
            if current is None:
                if district is None and not (code or district_name):
                    problem.add("district_name", say("新企业必须填写片区", "a new enterprise needs its district"))
                if industry is None and not values.get("industry"):
                    problem.add("industry", say("新企业必须填写行业", "a new enterprise needs its industry"))
                if problem.clean and uscc and district is not None and industry is not None:
                    record = Enterprise(
                        id="", uscc=uscc, district_id=district.id, industry=industry,
                        risk_class=risk_class or default_risk_class(parse_industry(industry)),
                        tracked_since=today, **fields)
                    checked = problem.check("name", lambda: self.store.enterprises.validate(record))
                    if checked is not None:
                        new.append(dataclasses.replace(checked, id=self.store.db.new_id()))
            elif problem.clean:
                changes = {key: value for key, value in fields.items() if value and value != getattr(current, key)}
                if industry and industry != current.industry:
                    changes["industry"] = industry
                if risk_class and risk_class != current.risk_class:
                    changes["risk_class"] = risk_class
                if district is not None and district.id != current.district_id:
                    changes["district_id"] = district.id
                if changes:
                    updates.append((current.id, changes))
                else:
                    result.unchanged += 1
            if progress is not None and index % 500 == 0:
                progress(index, len(table.rows))
        result.added, result.updated = len(new), len(updates)
        result.new_districts = [d.name if d.name == d.code else f"{d.name}（{d.code}）" for d in creating]
        return _EnterprisePlan(creating, new, updates)

    def _write_enterprises(self, plan: "_EnterprisePlan", file_name: str) -> None:
        """The planned districts, enterprises and updates, inside the caller's transaction."""
        if plan.creating:
            self.store.districts.add_many(plan.creating, f"import enterprises from {file_name}: new districts")
        if plan.new:
            self.store.enterprises.add_many(plan.new, f"import enterprises from {file_name}")
        for enterprise_id, changes in plan.updates:
            self.store.enterprises.update(enterprise_id, **changes)

    def _district_to_create(self, code: str, name: str, by_name: dict[str, District],
                            creating: list[District]) -> District | None:
        """The district a row names that does not exist yet, planned once however many rows name it.

        Named by code only, the code is its name too (the office renames it later); named by name only, it gets
        the next free code D01, D02 …; None when the name is an existing district's (under another code)."""
        if name and name in by_name:
            return None
        if code and name:
            wanted_code, wanted_name = code.upper(), name
        elif code:
            wanted_code, wanted_name = code.upper(), code
        else:
            wanted_code, wanted_name = "", name
        for planned in creating:
            if (wanted_code and planned.code == wanted_code) or (not wanted_code and planned.name == wanted_name):
                return planned
        if not wanted_code:
            taken = {d.code for d in creating}
            wanted_code = next(f"D{n:02d}" for n in range(1, 10_000)
                               if f"D{n:02d}" not in taken and self.store.districts.by_code(f"D{n:02d}") is None)
        district = self.store.districts.validate(
            District(id=self.store.db.new_id(), code=wanted_code, name=wanted_name))
        creating.append(district)
        return district

    # -- hazard ledgers -------------------------------------------------------------------------
    def may_import_ledger(self) -> bool:
        return self.session.may(Action.EDIT_HAZARD) or self.session.role == "enterprise"

    def import_ledger(self, path: Path, *, dry_run: bool = False,
                      progress: Callable[[int, int], None] | None = None, new_districts: bool = False,
                      unknown_industry: Industry | None = None) -> ImportResult:
        """Register the hazards of an Excel ledger with events that give each its status (source 'import').

        Enterprises by USCC or exact name, within the person's scope (an enterprise user: only its own);
        rows already in the database (same enterprise, found date and description) are left as they are.
        At the office, an enterprise sheet in the same workbook (a sheet with 企业名称 and 统一社会信用代码 that is
        not the ledger) is imported with the hazards in one transaction, exactly as `import_enterprises` reads it
        (`new_districts`, `unknown_industry`), so the ledger may name enterprises that exist only there.
        ImportRefused, with nothing written, when any row of either sheet has a problem.
        """
        if not self.may_import_ledger():
            raise PermissionDenied(say(f"无权导入隐患台账", f"role {self.session.role} may not import hazards"))
        path = Path(path)
        table = read_table(path, LEDGER_COLUMNS, max_rows=self.max_rows)
        result = ImportResult("ledger", path.name, rows=len(table.rows), dry_run=dry_run,
                              problems=list(table.problems))
        if "uscc" not in table.columns and "enterprise" not in table.columns:
            result.problems.append(Problem(table.sheet, table.header_row, "",
                                           say("表头缺少 统一社会信用代码 或 企业名称 列", "no column naming the enterprise")))
            raise ImportRefused(result)
        enterprises = self.store.enterprises.active()
        plan = None
        listed_keys: set[str] = set()  # USCCs and names on the workbook's enterprise sheet
        if self.session.may(Action.EDIT_ENTERPRISE):
            listed_table = find_table(path, ENTERPRISE_COLUMNS, max_rows=self.max_rows, not_like=LEDGER_COLUMNS)
            if listed_table is not None:
                listed = ImportResult("enterprises", path.name, rows=len(listed_table.rows), dry_run=dry_run,
                                      problems=list(listed_table.problems))
                plan = self._plan_enterprises(listed_table, listed, new_districts=new_districts,
                                              unknown_industry=unknown_industry)
                result.enterprises = listed
                result.problems.extend(listed.problems)
                result.new_districts, result.unmapped_industries = listed.new_districts, listed.unmapped_industries
                result.unknown_industries = listed.unknown_industries
                enterprises = [e for e in plan.enterprises_after(enterprises) if not e.deleted]
                for row in listed_table.rows:
                    listed_keys.update(cell_text(row.values.get(key)).upper() for key in ("uscc", "name"))
        by_uscc = {e.uscc: e for e in enterprises}
        by_name: dict[str, Enterprise | None] = {}
        for enterprise in enterprises:
            key = _name_key(enterprise.name)
            by_name[key] = None if key in by_name else enterprise  # None: ambiguous
        today = self.session.clock.today()
        parsed: list[tuple[Hazard, HazardStatus, date | None, date | None, date | None]] = []
        for index, row in enumerate(table.rows):
            problem = _Collector(table, row, result.problems)
            values = row.values
            enterprise = self._ledger_enterprise(problem, values, by_uscc, by_name, listed_keys)
            found_on = problem.check("found_on", lambda: cell_date(values.get("found_on")), required=True)
            if found_on is not None and found_on > today:
                problem.add("found_on", say(f"发现日期 {found_on} 晚于今天", f"the day found, {found_on}, is in the future"))
            description = cell_text(values.get("description"))
            if not description:
                problem.add("description", say("隐患描述不能为空", "the description is missing"))
            # 一般事故隐患 and 重大事故隐患 are the regulation's own words (16号令 art. 3), 一般隐患 the short ones.
            grade_text = re.sub(r"(事故)?隐患$", "", unicodedata.normalize("NFKC", cell_text(values.get("grade"))).strip())
            grade = problem.check("grade", lambda: parse_hazard_grade(grade_text or "一般").value)
            dates = {}
            for key in ("deadline", "rectified_on", "closed_on"):
                dates[key] = problem.check(key, lambda k=key: _deadline_cell(values[k], found_on) if k == "deadline"
                                           else cell_date(values[k])) if cell_text(values.get(key)) else None
                if dates[key] is not None and found_on is not None and dates[key] < found_on:
                    message = (say("整改期限不能早于发现日期", "the deadline is before the day it was found")
                               if key == "deadline" else say("日期早于发现日期", "before the day it was found"))
                    problem.add(key, message)
                elif dates[key] is not None and key != "deadline" and dates[key] > today:
                    problem.add(key, say(f"日期 {dates[key]} 晚于今天", f"{dates[key]} is in the future"))
            status_text = unicodedata.normalize("NFKC", cell_text(values.get("status"))).replace(" ", "")
            if status_text:
                status = _STATUS_WORDS.get(status_text)
                if status is None:
                    problem.add("status", say(f"未知整改状态 {status_text!r}，应为 待整改、整改中、待复查 或 已销号",
                                              f"unknown status {status_text!r}; use 待整改, 整改中, 待复查 or 已销号"))
            else:
                status = HazardStatus.CLOSED if dates["closed_on"] else HazardStatus.OPEN
            if status is HazardStatus.CLOSED and not self.session.may(Action.EDIT_HAZARD):
                # 销号 is the inspector's verification: an enterprise cannot close its own hazards by import.
                problem.add("status" if status_text else "closed_on",
                            say("企业不能导入已销号的隐患，销号由检查员复查确认",
                                "an enterprise cannot import a hazard as closed: the inspector verifies and closes it"))
            if not problem.clean or enterprise is None:
                continue
            hazard = Hazard(id="", enterprise_id=enterprise.id, district_id=enterprise.district_id, source="import",
                            description=description, grade=grade, found_on=found_on.isoformat(),
                            location=cell_text(values.get("location")), category=cell_text(values.get("category")),
                            accident_type=cell_text(values.get("accident_type")),
                            basis=cell_text(values.get("basis")), measures=cell_text(values.get("measures")),
                            responsible=cell_text(values.get("responsible")))
            parsed.append((hazard, status, dates["deadline"], dates["rectified_on"], dates["closed_on"]))
            if progress is not None and index % 1000 == 0:
                progress(index, len(table.rows))
        if result.problems:
            raise ImportRefused(result)
        keys = self.store.hazards.existing_keys(sorted({h.enterprise_id for h, *_ in parsed}))
        fresh = []
        for item in parsed:
            hazard = item[0]
            key = (hazard.enterprise_id, hazard.found_on, hazard.description.strip())
            if key in keys:
                result.unchanged += 1
                continue
            keys.add(key)  # the same hazard twice in one file is imported once
            fresh.append(item)
            result.by_status[item[1].value] = result.by_status.get(item[1].value, 0) + 1
        result.added = len(fresh)
        if not dry_run and (fresh or plan):
            self._write_hazards(fresh, path.name, plan)
            result.written = True
        return result

    def _ledger_enterprise(self, problem: "_Collector", values: dict[str, Any], by_uscc: dict[str, Enterprise],
                           by_name: dict[str, Enterprise | None], listed: set[str] = frozenset()) -> Enterprise | None:
        uscc_text, name = cell_text(values.get("uscc")), cell_text(values.get("enterprise"))
        enterprise = None
        if (uscc_text or name).upper() in listed and (uscc_text or _name_key(name)) not in by_name:
            if not uscc_text or by_uscc.get(uscc_text.upper()) is None:
                # Listed on the enterprise sheet, whose row was refused and says why: not a second problem here.
                problem.clean = False
                return None
        if uscc_text:
            uscc = problem.check("uscc", lambda: _uscc_cell(values.get("uscc"), uscc_text))
            if uscc is None:
                return None
            enterprise = by_uscc.get(uscc)
            if enterprise is None:
                problem.add("uscc", say(f"统一社会信用代码 {uscc} 对应的企业不存在：请先导入企业名录，"
                                        "或在同一工作簿中加一张企业名录工作表（企业名称、统一社会信用代码、片区、行业）",
                                        f"no enterprise has the USCC {uscc}: import the list of enterprises first, or "
                                        "add a sheet of enterprises to the same workbook (name, USCC, district, "
                                        "industry)"))
                return None
        elif name:
            if _name_key(name) not in by_name:
                problem.add("enterprise", say(f"企业「{name}」不存在（名称须与企业名录完全一致）：请先导入企业名录，"
                                              "或在同一工作簿中加一张企业名录工作表",
                                              f"no enterprise is named “{name}” (the name must match the list of "
                                              "enterprises exactly): import the list first, or add a sheet of "
                                              "enterprises to the same workbook"))
                return None
            enterprise = by_name[_name_key(name)]
            if enterprise is None:
                problem.add("enterprise", say(f"有多家企业名为「{name}」，请填写统一社会信用代码",
                                              f"several enterprises are named “{name}”; give the USCC"))
                return None
        else:
            problem.add("uscc" if "uscc" in problem.table.columns else "enterprise",
                        say("未填写企业", "the enterprise is missing"))
            return None
        if self.session.role == "enterprise":
            allowed = enterprise.id == self.session.person.enterprise_id
        else:
            allowed = self.session.may_see_enterprise(enterprise.id)
        if not allowed:
            problem.add("uscc" if uscc_text else "enterprise",
                        say(f"无权导入「{enterprise.name}」的隐患", f"the enterprise “{enterprise.name}” is outside your scope"))
            return None
        return enterprise

    def _write_hazards(self, items: list, file_name: str, plan: _EnterprisePlan | None = None) -> None:
        """One transaction: the workbook's enterprises (`plan`), the hazards and, for each, the events whose fold
        gives its status."""
        db = self.store.db
        person = self.session.person
        by_id = person.id if self.store.people.get(person.id) is not None else None
        hazards: list[Hazard] = []
        events: list[HazardEvent] = []
        take_backup(self.store, IMPORT)
        with self.store.transaction():
            if plan:
                self._write_enterprises(plan, file_name)
            for hazard, status, deadline, rectified_on, closed_on in items:
                hazard = dataclasses.replace(hazard, id=db.new_id(), found_by=by_id)
                hazards.append(hazard)
                found = date.fromisoformat(hazard.found_on)
                note = say(f"从 {file_name} 导入", f"imported from {file_name}")
                timeline: list[tuple[str, date, date | None]] = [("created", found, deadline)]
                if status == HazardStatus.IN_PROGRESS:
                    timeline.append(("progress", found, None))
                if status in (HazardStatus.AWAITING_REVIEW, HazardStatus.CLOSED):
                    timeline.append(("reported_rectified", rectified_on or closed_on or found, None))
                if status == HazardStatus.CLOSED:
                    timeline.append(("verified", closed_on or rectified_on or found, None))
                for kind, day, event_deadline in timeline:
                    events.append(HazardEvent(
                        id=db.new_id(), hazard_id=hazard.id, kind=kind, at=_moment(day, 9 if kind == "created" else 17),
                        clock=db.clock.now(), by_id=by_id,
                        deadline=event_deadline.isoformat() if event_deadline else None, reason=note))
            if hazards:
                self.store.hazards.add_many_with_events(hazards, events, f"import ledger from {file_name}")


class _Collector:
    """Problems of one row, named by the column header as written in the file."""

    def __init__(self, table: Table, row: SheetRow, problems: list[Problem]) -> None:
        self.table, self.row, self.problems = table, row, problems
        self.clean = True

    def add(self, key: str, message: str) -> None:
        self.clean = False
        if key in self.row.flagged:
            return  # the cell's own problem (a formula without a value …) is already listed
        column = self.table.columns.get(key) or next(
            (c.header for c in (*ENTERPRISE_COLUMNS, *LEDGER_COLUMNS) if c.key == key), key)
        self.problems.append(Problem(self.table.sheet, self.row.number, column, message))
        self.clean = False

    def check(self, key: str, parse: Callable[[], Any], required: bool = False) -> Any:
        """parse() or None, recording its ValueError (or the missing value) as this row's problem."""
        value = self.row.values.get(key)
        if required and (value is None or (isinstance(value, str) and not value.strip())):
            self.add(key, say("不能为空", "must be filled in"))
            return None
        try:
            return parse()
        except ValueError as exc:
            self.add(key, str(exc))
            return None
