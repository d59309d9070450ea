"""The hazard ledger's row and its columns (regulations.md §7.2), defined once for the ledger view and the export."""

from __future__ import annotations

import json
from collections import namedtuple
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Callable

from safety_desk.domain.china_time import beijing_day

# The Qt context the ledger view translates the headers in (lupdate needs it written out in each mark below).
TRANSLATION_CONTEXT = "LedgerModel"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks `text` for Qt's translation tools without importing Qt here: the UI translates it when shown."""
    return text


# Chinese names of hazard sources (the stored codes are English), as the export writes them.
SOURCE_NAMES = {"inspection": "检查", "self_inspection": "企业自查", "drill": "应急演练", "report": "举报",
                "enforcement": "执法检查", "import": "导入"}


@dataclass(frozen=True)
class LedgerRow:
    """One hazard as the ledger shows it; dates are ISO text, overdue_days as of the query's day.

    The store reads each field by name: a field it does not map elsewhere is the hazard column of that name.
    """

    hazard_id: str
    found_on: str
    enterprise_name: str
    district_name: str
    grade: str
    description: str
    location: str
    status: str | None  # None until the hazard's created event has arrived (sync order)
    deadline: str | None
    overdue_days: int
    source: str
    notice_number: str | None
    enterprise_uscc: str = ""
    district_code: str = ""
    photo: str | None = None  # the first photo taken of the hazard, for the thumbnail column
    category: str = ""
    basis: str = ""
    measures: str = ""
    responsible: str = ""
    closed_at: str | None = None  # timestamp of the verified event (销号)
    rectified_at: str | None = None
    accident_type: str = ""
    # The rest of the "六定" a major hazard's ledger keeps (regulations.md §7.2): its treatment plan (JSON of
    # the six elements of 16号令 art. 15), the plan's funding, 挂牌督办 level, the day it was reported.
    treatment_plan: str | None = None
    funding: str | None = None
    supervision_level: str | None = None
    referred_on: str | None = None
    # The last re-inspection (复查) by then: who, when, verified or rejected, and why rejected.
    reinspected_by: str | None = None
    reinspected_at: str | None = None
    reinspection_kind: str | None = None  # 'verified' or 'rejected'
    reinspection_reason: str | None = None

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


# The same fields as a plain tuple with names: what the export streams. Building a frozen dataclass of 30 fields
# for each of 200,000 rows cost more than the rows' query; the columns' cells read either by attribute.
LedgerValues = namedtuple("LedgerValues", [f.name for f in fields(LedgerRow)])


@dataclass(frozen=True)
class LedgerColumn:
    """One column of the ledger, wherever it is shown: the view's header, the export's, its width and its cell."""

    key: str  # the LedgerRow field it shows, which is also what the ledger sorts by for it
    header: str  # the ledger view's header: English, translated by the UI in TRANSLATION_CONTEXT
    title: str  # the export's header, as regulations.md §7.2 names it
    width: int  # in widths of "0" (Excel's unit; the view converts it with its own font)
    value: Callable[[LedgerRow], Any]  # the cell: text, a number, a date, or None for an empty cell
    # The view's width where the screen is shorter of room than a sheet (None: `width`); the description
    # stretches over whatever the others leave.
    view_width: int | None = None
    # The cell is the Beijing day of the ISO date or timestamp in the row's field `key` (a real date in Excel):
    # the export converts such text once per distinct day instead of calling `value` per cell.
    is_day: bool = False


def _column(key: str, header: str, title: str, width: int, value: Callable[[LedgerRow], Any] | None = None,
            view_width: int | None = None) -> LedgerColumn:
    """A column; without `value`, the cell is the row's field named `key` as it is."""
    return LedgerColumn(key, header, title, width, value or attrgetter(key), view_width)


# The six elements of a treatment plan (16号令 第十五条), in its order, as the ledger names them.
TREATMENT_PLAN_TITLES = (("objectives", "目标和任务"), ("methods", "方法和措施"), ("funding", "经费和物资"),
                         ("responsible", "负责机构和人员"), ("deadline", "时限和要求"), ("safety_measures", "安全措施和应急预案"))


def treatment_plan_text(row: LedgerRow) -> str:
    """The treatment plan as one cell: each element given, titled, one a line."""
    if not row.treatment_plan:
        return ""
    plan = json.loads(row.treatment_plan)
    return "\n".join(f"{title}：{plan[key]}" for key, title in TREATMENT_PLAN_TITLES if str(plan.get(key) or "").strip())


def reinspection_text(row: LedgerRow) -> str:
    """复查结论: accepted (销号) or returned for rectification, with the reason given."""
    verdict = {"verified": "合格，予以销号", "rejected": "不合格，继续整改"}.get(row.reinspection_kind or "")
    if verdict is None:
        return ""
    reason = (row.reinspection_reason or "").strip()
    return f"{verdict}（{reason}）" if reason and reason not in verdict else verdict


def _day_column(key: str, header: str, title: str, width: int) -> LedgerColumn:
    """A column showing the Beijing day of the row's field `key` (an ISO date or timestamp)."""
    getter = attrgetter(key)
    return LedgerColumn(key, header, title, width, lambda row: beijing_day(getter(row)), is_day=True)


COLUMNS: dict[str, LedgerColumn] = {column.key: column for column in (
    # 序号 is the row's place in the export, not a field: the export numbers its rows itself.
    _column("number", QT_TRANSLATE_NOOP("LedgerModel", "No."), "序号", 7, lambda row: None),
    _column("photo", QT_TRANSLATE_NOOP("LedgerModel", "Photo"), "照片", 6),
    _day_column("found_on", QT_TRANSLATE_NOOP("LedgerModel", "Found"), "发现日期", 12),
    _column("enterprise_name", QT_TRANSLATE_NOOP("LedgerModel", "Enterprise"), "企业名称", 28, view_width=15),
    _column("enterprise_uscc", QT_TRANSLATE_NOOP("LedgerModel", "USCC"), "统一社会信用代码", 21),
    _column("district_name", QT_TRANSLATE_NOOP("LedgerModel", "District"), "片区", 10),
    _column("source", QT_TRANSLATE_NOOP("LedgerModel", "Source"), "来源", 9,
            lambda row: SOURCE_NAMES.get(row.source, row.source)),
    _column("description", QT_TRANSLATE_NOOP("LedgerModel", "Description"), "隐患描述", 44),
    _column("location", QT_TRANSLATE_NOOP("LedgerModel", "Location"), "部位", 16, view_width=10),
    _column("category", QT_TRANSLATE_NOOP("LedgerModel", "Category"), "类别", 10),
    _column("accident_type", QT_TRANSLATE_NOOP("LedgerModel", "Possible accident"), "事故类型", 12),
    _column("grade", QT_TRANSLATE_NOOP("LedgerModel", "Grade"), "隐患等级", 9, view_width=7),
    _column("basis", QT_TRANSLATE_NOOP("LedgerModel", "Basis"), "判定依据", 30),
    _column("measures", QT_TRANSLATE_NOOP("LedgerModel", "Measures"), "整改措施", 36),
    _column("responsible", QT_TRANSLATE_NOOP("LedgerModel", "Responsible"), "整改责任人", 11),
    _day_column("deadline", QT_TRANSLATE_NOOP("LedgerModel", "Deadline"), "整改期限", 12),
    _column("status", QT_TRANSLATE_NOOP("LedgerModel", "Status"), "整改状态", 9, lambda row: row.status or "",
            view_width=7),
    _column("overdue_days", QT_TRANSLATE_NOOP("LedgerModel", "Overdue days"), "逾期天数", 9,
            lambda row: row.overdue_days or None, view_width=8),
    _column("notice_number", QT_TRANSLATE_NOOP("LedgerModel", "Notice"), "整改通知书", 20,
            lambda row: row.notice_number or "", view_width=13),
    _day_column("rectified_at", QT_TRANSLATE_NOOP("LedgerModel", "Rectified"), "整改完成日期", 13),
    _day_column("closed_at", QT_TRANSLATE_NOOP("LedgerModel", "Closed"), "销号日期", 12),
    _column("treatment_plan", QT_TRANSLATE_NOOP("LedgerModel", "Treatment plan"), "治理方案", 36,
            treatment_plan_text),
    _column("funding", QT_TRANSLATE_NOOP("LedgerModel", "Funding"), "治理资金", 16),
    _column("supervision_level", QT_TRANSLATE_NOOP("LedgerModel", "Listed supervision"), "挂牌督办", 9,
            lambda row: f"{row.supervision_level}级" if row.supervision_level else None),
    _day_column("referred_on", QT_TRANSLATE_NOOP("LedgerModel", "Reported on"), "上报日期", 12),
    _column("reinspected_by", QT_TRANSLATE_NOOP("LedgerModel", "Re-inspected by"), "复查人", 10),
    _day_column("reinspected_at", QT_TRANSLATE_NOOP("LedgerModel", "Re-inspected"), "复查日期", 12),
    _column("reinspection_kind", QT_TRANSLATE_NOOP("LedgerModel", "Re-inspection verdict"), "复查结论", 20,
            reinspection_text),
)}

# The columns of the ledger view (the hazards page), in order.
VIEW_COLUMNS: tuple[LedgerColumn, ...] = tuple(COLUMNS[key] for key in (
    "photo", "found_on", "district_name", "enterprise_name", "grade", "description", "location", "status",
    "deadline", "overdue_days", "source", "notice_number"))

# The columns of the Excel export (隐患台账), in the order of regulations.md §7.2.
# 六定: measures, responsible person, deadline, funding, treatment plan (major), re-inspection.
EXPORT_COLUMNS: tuple[LedgerColumn, ...] = tuple(COLUMNS[key] for key in (
    "number", "enterprise_name", "enterprise_uscc", "district_name", "found_on", "source", "description",
    "location", "category", "accident_type", "grade", "basis", "measures", "responsible", "funding", "deadline",
    "treatment_plan", "supervision_level", "referred_on", "notice_number", "status", "overdue_days",
    "rectified_at", "reinspected_by", "reinspected_at", "reinspection_kind", "closed_at"))

# Export cells that hold sentences: wrapped in their column rather than running over the next.
WRAPPED_EXPORT_COLUMNS = frozenset({"enterprise_name", "description", "location", "basis", "measures",
                                    "treatment_plan", "reinspection_kind", "funding"})
