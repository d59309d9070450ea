"""How figures recomputed today differ from the ones filed (报出): a generic walk over two statistics snapshots.

A snapshot is plain JSON: numbers and texts in objects, and lists of rows that each name themselves (a
tally's "name", else its "key"). Every number is compared by its path, named in Chinese for the document and in
the current language for a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safety_desk.domain.language import say

# The words of the paths a statistics snapshot uses; a key not listed is shown as it is.
LABELS = {
    "total": "合计", "statuses": "按整改状态", "by_grade": "按等级", "by_category": "按专业类别",
    "by_enterprise": "按企业", "by_district": "按片区", "by_month": "按月份", "found": "发现", "general": "一般隐患",
    "major": "重大隐患", "closed": "已销号", "open": "未销号", "overdue": "逾期",
    "closed_in_period": "期内销号", "in_plan": "列入治理计划", "funds": "落实治理资金", "supervised": "挂牌督办",
}
LABELS_EN = {
    "total": "total", "statuses": "by status", "by_grade": "by grade", "by_category": "by category",
    "by_enterprise": "by enterprise", "by_district": "by district", "by_month": "by month", "found": "found",
    "general": "general hazards", "major": "major hazards", "closed": "closed", "open": "open", "overdue": "overdue",
    "closed_in_period": "closed in the period", "in_plan": "in a treatment plan", "funds": "funded",
    "supervised": "under listed supervision",
}
# The weekly summary's figures (its `--json` keys: services/weekly.py as_json).
WEEKLY_LABELS = {
    "inspections": ("检查次数", "inspections"), "enterprises_inspected": ("覆盖企业", "enterprises inspected"),
    "enterprises_total": ("企业总数", "enterprises in all"), "unannounced_inspections": ("暗查暗访", "unannounced inspections"),
    "leader_visits": ("包片领导带队检查", "inspections led by a district leader"),
    "inspector_days": ("检查人员出动人日", "inspector days"), "self_inspections": ("企业自查", "self-inspections"),
    "hazards_found_general": ("本期新发现一般隐患", "general hazards found"),
    "hazards_found_major": ("本期新发现重大隐患", "major hazards found"),
    "hazards_found_closed": ("本期发现已销号", "of those found, closed"),
    "hazards_closed": ("本期整改销号", "hazards closed in the period"), "hazards_open": ("未销号隐患", "open hazards"),
    "hazards_overdue": ("逾期隐患", "overdue hazards"), "major_hazards_open": ("未销号重大隐患", "open major hazards"),
    "rectification_rate_year": ("年度整改率", "rectification rate of the year"),
    "rectification_rate_period": ("本期整改率", "rectification rate of the period"),
    "trainings": ("培训场次", "trainings"), "training_attendees": ("参训人次", "training attendees"),
    "drills_held": ("开展演练", "drills held"), "drills_overdue": ("逾期未演练企业", "enterprises with a drill overdue"),
    "drills_due_next_week": ("下周应演练企业", "enterprises with a drill due next week"),
    "incidents": ("事故", "incidents"), "deaths": ("死亡人数", "deaths"),
    "liable_incidents_larger_or_above": ("较大及以上责任事故", "liable incidents, larger or above"),
    "deadlines_next_week": ("下周到期整改事项", "deadlines next week"),
    "major_hazards_new": ("重大隐患本期新增", "major hazards new"),
    "major_hazards_under_treatment": ("重大隐患正在治理", "major hazards under treatment"),
    "major_hazards_closed": ("重大隐患治理销号", "major hazards closed"),
    "major_hazards_supervised": ("重大隐患挂牌督办", "major hazards under listed supervision"),
    "top_categories": ("突出问题类别", "top categories"),
}
LABELS.update({key: chinese for key, (chinese, _) in WEEKLY_LABELS.items()})
LABELS_EN.update({key: english for key, (_, english) in WEEKLY_LABELS.items()})
assert set(LABELS_EN) == set(LABELS)
_SKIPPED = frozenset({"key", "name", "office", "as_of", "period", "quarter", "scope", "year", "kind"})


_UNCLASSIFIED = "（未分类）"


@dataclass(frozen=True)
class Difference:
    """One figure that changed: where it is (in words), what was filed, what it is now (None: no such row)."""

    label: str  # in Chinese, as the filed document prints it
    filed: Any
    now: Any
    label_en: str = field(default="", compare=False)

    @property
    def shown(self) -> str:
        """The label in the current language, for a message (the command line's list of differences)."""
        return say(self.label, self.label_en or self.label)


def _numbers(value: Any, path: tuple[str, ...], out: dict[tuple[str, ...], Any]) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        out[path] = value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in _SKIPPED:
                _numbers(inner, path + (str(key),), out)
    elif isinstance(value, list):
        for index, row in enumerate(value):
            if isinstance(row, dict) and ("name" in row or "key" in row):
                name = row.get("name") or row.get("key") or _UNCLASSIFIED
            else:
                name = str(index + 1)
            _numbers(row, path + (str(name),), out)


def _label(path: tuple[str, ...]) -> str:
    return " · ".join(LABELS.get(part, part) for part in path)


def _label_en(path: tuple[str, ...]) -> str:
    return " · ".join("(unclassified)" if part == _UNCLASSIFIED else LABELS_EN.get(part, part) for part in path)


def differences(filed: dict[str, Any], now: dict[str, Any]) -> list[Difference]:
    """Every figure whose value now is not the filed one, in the filed snapshot's order, then new rows."""
    before: dict[tuple[str, ...], Any] = {}
    after: dict[tuple[str, ...], Any] = {}
    _numbers(filed, (), before)
    _numbers(now, (), after)
    paths = list(before) + [path for path in after if path not in before]
    return [Difference(_label(path), before.get(path), after.get(path), _label_en(path))
            for path in paths if before.get(path) != after.get(path)]
