"""隐患排查治理统计 of a quarter or a year: counts by grade, status, category and enterprise, major hazards (治理计划,
治理资金, 挂牌督办) and an analysis; one enterprise's own form of 16号令 第十四条 (signed by its principal), or the
office's aggregate over its enterprises (which is not that form and says so)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import CONTENT_WIDTH, Letterhead, build_pdf, grid_table, para, plain_table, styles
from safety_desk.store.records import HazardTally

STATUS_ORDER = ("待整改", "整改中", "待复查", "已销号")


@dataclass(frozen=True)
class MajorHazardLine:
    """One major hazard of the period as it stood at its end (plain text: a filed statistic stores it as JSON)."""

    enterprise: str
    description: str
    found_on: str
    status: str
    planned: bool  # 列入治理计划: its treatment plan is recorded
    funding: str  # 落实治理资金 as the plan states it
    supervision: str  # 挂牌督办 level (省/市/县) or ""
    deadline: str


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
    # Added for the art. 14 form (a statistic filed before they existed reprints without them).
    kind: str = "quarter"  # or "year"
    enterprise: str = ""  # one enterprise's own filing: its name ("" for the city or a district)
    principal: str = ""  # that enterprise's principal, who signs it
    majors_new: int = 0
    majors_under_treatment: int = 0
    majors_closed: int = 0
    majors_planned: int = 0
    majors_funded: int = 0
    majors_supervised: dict[str, int] = field(default_factory=dict)  # 挂牌督办 by level
    majors: list[MajorHazardLine] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    due: str = ""  # when the filing is due (art. 14)


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


def _majors_section(stats: QuarterlyStatistics, s, number: str) -> list:
    """重大隐患: new, under treatment, closed; planned, funded and listed (挂牌督办); one row each."""
    supervised = stats.majors_supervised
    listed = sum(supervised.values())
    story: list = [
        para(f"{number}、重大事故隐患治理情况", s.heading),
        grid_table([["本期新增", "期末正在治理", "本期治理销号", "列入治理计划", "落实治理资金", "挂牌督办（省/市/县）"],
                    [str(stats.majors_new), str(stats.majors_under_treatment), str(stats.majors_closed),
                     str(stats.majors_planned), str(stats.majors_funded),
                     f"{listed}（{supervised.get('省', 0)}/{supervised.get('市', 0)}/{supervised.get('县', 0)}）"]],
                   [CONTENT_WIDTH / 6] * 6),
    ]
    if stats.majors:
        rows = [["序号", "企业", "隐患", "发现日期", "状态", "治理计划", "治理资金", "挂牌督办"]]
        rows += [[str(index), line.enterprise, line.description, line.found_on, line.status,
                  "已列入" if line.planned else "未列入", line.funding or "未落实",
                  f"{line.supervision}级" if line.supervision else "—"]
                 for index, line in enumerate(stats.majors, start=1)]
        story += [Spacer(1, 2 * mm), grid_table(rows, [8 * mm, 24 * mm, CONTENT_WIDTH - 117 * mm, 23 * mm, 14 * mm,
                                                       13 * mm, 22 * mm, 13 * mm])]
    return story


def render_quarterly(stats: QuarterlyStatistics, target: Path | str | BinaryIO, *, generated_at: datetime,
                     tail: Sequence[Flowable] = ()) -> None:
    """The form of a quarter or a year, for the city, a district or one enterprise; `tail` ends it (a filed
    statistic's differences and seal: services/filings.py)."""
    s = styles()
    total = stats.total
    numbers = [46 * mm] + [(CONTENT_WIDTH - 46 * mm) / 7] * 7  # room for "100.0%" on one line
    yearly = stats.kind == "year"
    period_word = "本年度" if yearly else "本季度"
    title = "隐患排查治理情况统计分析表" if stats.enterprise else "隐患排查治理情况汇总统计表"
    story: list = [
        Paragraph(f"{stats.enterprise}<br/>{title}" if stats.enterprise else title, s.title),
        para(f"{stats.scope} · {stats.quarter}（{stats.period}）· 状态截至 {stats.as_of}", s.subtitle),
        para("一、总体情况", s.heading),
        para(f"{period_word}排查发现隐患 {total.found} 条，其中一般隐患 {total.general} 条、重大隐患 {total.major} 条；"
             f"已整改销号 {total.closed} 条，整改率 {_rate(total)}；尚未销号 {total.open} 条，其中逾期 {total.overdue} 条。"
             f"{period_word}内共销号隐患 {stats.closed_in_period} 条（含以前发现的隐患）。", s.body),
        Spacer(1, 2 * mm),
        grid_table(_tally_rows(_by_grade(stats.by_grade) + [HazardTally("", "合计", total.found, total.general,
                                                                             total.major, total.closed, total.open,
                                                                             total.overdue)], "隐患等级"), numbers),
        para("二、按整改状态", s.heading),
        grid_table([list(STATUS_ORDER) + ["合计"],
                    [str(stats.statuses.get(status, 0)) for status in STATUS_ORDER] + [str(total.found)]],
                   [CONTENT_WIDTH / 5] * 5),
        *_majors_section(stats, s, "三"),
        para("四、按专业类别", s.heading),
        grid_table(_tally_rows(stats.by_category, "专业类别"), numbers) if stats.by_category
        else para(f"{period_word}无隐患。", s.body),
    ]
    sections = "五六"
    if not stats.enterprise:
        story += [para("五、按企业", s.heading),
                  grid_table(_tally_rows(stats.by_enterprise, "企业"), numbers) if stats.by_enterprise
                  else para(f"{period_word}无隐患。", s.body)]
        sections = "六七"
    if stats.analysis:
        story.append(para(f"{sections[0]}、统计分析", s.heading))
        story += [para(f"{index}. {line}", s.body) for index, line in enumerate(stats.analysis, start=1)]
    story.append(Spacer(1, 8 * mm))
    # The enterprise's own art. 14 form is signed by its principal; the office's aggregate by whoever checks it.
    if stats.enterprise:
        signer = f"单位主要负责人（签字）：{stats.principal}" if stats.principal else "单位主要负责人（签字）："
    else:
        signer = "审核人（签字）："
    signature = plain_table([[para(signer, s.signature), para("填报人：", s.signature), para("填报日期：", s.signature)],
                             [para("", s.signature), para("", s.signature), para("", s.signature)]],
                            [CONTENT_WIDTH * 0.54, CONTENT_WIDTH * 0.23, CONTENT_WIDTH * 0.23],
                            [("LINEBELOW", (0, 1), (-1, 1), 0.6, s.body.textColor), ("TOPPADDING", (0, 1), (-1, 1), 16)])
    form = "年度" if yearly else "季度"
    if stats.enterprise:
        due = f"，于 {stats.due} 前报送" if stats.due else ""
        note = f"依据《安全生产事故隐患排查治理暂行规定》第十四条，{form}统计分析表由单位主要负责人签字{due}。"
    else:
        # 16号令 art. 14 is each enterprise's own form; this office aggregate is not that form, so it must not
        # claim to be it (audit-2026-12 no. 19).
        note = ("本表为监管部门对所辖企业隐患数据的汇总统计，不代替各企业依《安全生产事故隐患排查治理暂行规定》"
                "第十四条报送的季度统计分析表（下一季度15日前报送）和年度统计分析表（次年1月31日前报送），"
                "企业报表由本企业主要负责人签字。")
    story.append(KeepTogether([para(note, s.small), Spacer(1, 3 * mm), signature]))
    story += list(tail)
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=stats.office,
                                        title=f"隐患排查治理{form}统计", period=f"{stats.scope} {stats.quarter}"))
