"""The office's quarterly hazard statistics over its enterprises: counts by grade, status, category and enterprise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import CONTENT_WIDTH, Letterhead, build_pdf, grid_table, para, plain_table, styles
from safety_desk.store.records import HazardTally

STATUS_ORDER = ("待整改", "整改中", "待复查", "已销号")


@dataclass(frozen=True)
class QuarterlyStatistics:
    office: str
    quarter: str  # "2026年第4季度"
    scope: str  # "全市" or a district's name
    period: str  # "2026-10-01 至 2026-12-31"
    as_of: str
    total: HazardTally
    statuses: dict[str, int]
    closed_in_period: int
    by_grade: list[HazardTally]
    by_category: list[HazardTally]
    by_enterprise: list[HazardTally]


def _rate(tally: HazardTally) -> str:
    return "—" if tally.rate is None else f"{tally.rate:.1%}"


def _by_grade(tallies: list[HazardTally]) -> list[HazardTally]:
    """Both grades in order, a grade with no hazards as a row of zeros."""
    found = {tally.key: tally for tally in tallies}
    return [found.get(grade, HazardTally(grade, grade, 0, 0, 0, 0, 0, 0)) for grade in ("一般", "重大")]


def _tally_rows(tallies: list[HazardTally], first_header: str) -> list[list[str]]:
    rows = [[first_header, "发现", "一般", "重大", "已销号", "未销号", "逾期", "整改率"]]
    for tally in tallies:
        rows.append([tally.name or "（未分类）", str(tally.found), str(tally.general), str(tally.major),
                     str(tally.closed), str(tally.open), str(tally.overdue), _rate(tally)])
    return rows


def render_quarterly(stats: QuarterlyStatistics, target: Path | str | BinaryIO, *, generated_at: datetime,
                     tail: Sequence[Flowable] = ()) -> None:
    """The table; `tail` ends it (a filed statistic's differences and seal: services/filings.py)."""
    s = styles()
    total = stats.total
    numbers = [62 * mm] + [(CONTENT_WIDTH - 62 * mm) / 7] * 7
    story: list = [
        Paragraph("隐患排查治理情况统计表", s.title),
        para(f"{stats.scope} · {stats.quarter}（{stats.period}）· 状态截至 {stats.as_of}", s.subtitle),
        para("一、总体情况", s.heading),
        para(f"本季度排查发现隐患 {total.found} 条，其中一般隐患 {total.general} 条、重大隐患 {total.major} 条；"
             f"已整改销号 {total.closed} 条，整改率 {_rate(total)}；尚未销号 {total.open} 条，其中逾期 {total.overdue} 条。"
             f"本季度内共销号隐患 {stats.closed_in_period} 条（含以前发现的隐患）。", s.body),
        Spacer(1, 2 * mm),
        grid_table(_tally_rows(_by_grade(stats.by_grade) + [HazardTally("", "合计", total.found, total.general,
                                                                             total.major, total.closed, total.open,
                                                                             total.overdue)], "隐患等级"), numbers),
        para("二、按整改状态", s.heading),
        grid_table([list(STATUS_ORDER) + ["合计"],
                    [str(stats.statuses.get(status, 0)) for status in STATUS_ORDER] + [str(total.found)]],
                   [CONTENT_WIDTH / 5] * 5),
        para("三、按专业类别", s.heading),
        grid_table(_tally_rows(stats.by_category, "专业类别"), numbers) if stats.by_category
        else para("本季度无隐患。", s.body),
        para("四、按企业", s.heading),
        grid_table(_tally_rows(stats.by_enterprise, "企业"), numbers) if stats.by_enterprise
        else para("本季度无隐患。", s.body),
        Spacer(1, 8 * mm),
    ]
    signature = plain_table([[para("审核人（签字）：", s.signature), para("填报人：", s.signature),
                              para("填报日期：", s.signature)],
                             [para("", s.signature), para("", s.signature), para("", s.signature)]],
                            [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.3, CONTENT_WIDTH * 0.3],
                            [("LINEBELOW", (0, 1), (-1, 1), 0.6, s.body.textColor), ("TOPPADDING", (0, 1), (-1, 1), 16)])
    # 16号令 art. 14 is each enterprise's own form, signed by its principal; this office aggregate is not that
    # form, so it must not claim to be it (audit-2026-12 no. 19).
    story.append(KeepTogether([para("本表为监管部门对所辖企业隐患数据的汇总统计，不代替各企业依《安全生产事故隐患排查治理暂行规定》"
                                    "第十四条报送的季度统计分析表（下一季度15日前报送）和年度统计分析表（次年1月31日前报送），"
                                    "企业报表由本企业主要负责人签字。", s.small), Spacer(1, 3 * mm), signature]))
    story += list(tail)
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=stats.office, title="隐患排查治理季度统计",
                                        period=f"{stats.scope} {stats.quarter}"))
