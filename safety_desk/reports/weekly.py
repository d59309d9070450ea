"""安全生产周报 as a PDF (regulations.md §7.3): issue and issuer, work, hazards (rate, majors, categories, enterprises,
overdue) with two charts, campaigns, training, drills, incidents, next week's plan, distribution and sign-off."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, FONT, INK, Letterhead, build_pdf, grid_table, para, plain_table, register_font, styles,
)

# Lists printed in full up to this many rows; the counts above them always cover everything.
LIMIT = 30
FOUND, CLOSED, OPEN = colors.HexColor("#fb8c00"), colors.HexColor("#43a047"), colors.HexColor("#1e88e5")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


VALUE_FONT_SIZE = 6
# A value label is lifted above a neighbour it would touch, but never into the legend and title above the plot.
_LABEL_GAP = 1.5


def _label_box(label: String) -> tuple[float, float, float, float]:
    """A value label's extent (x0, y0, x1, y1) on the drawing."""
    width = stringWidth(label.text, label.fontName, label.fontSize)
    return label.x - width / 2, label.y - label.fontSize * 0.2, label.x + width / 2, label.y + label.fontSize * 0.8


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labels_above_bars(chart: VerticalBarChart, series_values: list[list[int]], ceiling: float) -> list[String] | None:
    """Each non-zero bar's value over it, lifted clear of any label it would run into; None when one would rise
    past `ceiling` or is wider than its bar (bars too narrow or too close for labels over them)."""
    chart.draw()  # lays the bars out: their positions are only known once drawn
    placed: list[String] = []
    for series, values in enumerate(series_values):
        for index, value in enumerate(values):
            if not value:
                continue  # a 0 over an empty slot says nothing the axis does not
            x, y, width, height = chart._barPositions[series][index]
            label = String(x + width / 2, y + height + _LABEL_GAP, str(value), fontName=FONT,
                           fontSize=VALUE_FONT_SIZE, fillColor=INK, textAnchor="middle")
            if stringWidth(label.text, FONT, VALUE_FONT_SIZE) > width + chart.barSpacing:
                return None  # wider than its bar: lifted labels would stack into a thicket no one can read
            lifted = True
            while lifted:
                lifted = False
                for other in placed:
                    if _overlap(_label_box(label), _label_box(other)):
                        label.y = _label_box(other)[3] + label.fontSize * 0.2 + 0.5
                        lifted = True
            if _label_box(label)[3] > ceiling:
                return None
            placed.append(label)
    return placed


def _value_rows(chart: VerticalBarChart, series: list[tuple[str, list[int], colors.Color]]) -> list[String]:
    """The values as small rows under the category names, one row a series, each value under its own group."""
    chart.draw()
    names = []
    for row, (name, values, colour) in enumerate(series):
        y = 3 + (len(series) - 1 - row) * (VALUE_FONT_SIZE + 3)
        names.append(String(chart.x - 3, y, name, fontName=FONT, fontSize=VALUE_FONT_SIZE, fillColor=colour,
                            textAnchor="end"))
        for index, value in enumerate(values):
            bars = [chart._barPositions[s][index] for s in range(len(series))]
            centre = (bars[0][0] + bars[-1][0] + bars[-1][2]) / 2
            names.append(String(centre, y, str(value), fontName=FONT, fontSize=VALUE_FONT_SIZE, fillColor=INK,
                                textAnchor="middle"))
    return names


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[int], colors.Color]],
               width: float, height: float = 62 * mm) -> Drawing:
    """A bar chart drawn in the document's own font, so its Chinese labels print; every value readable, over its
    bar when the labels fit, else in rows under the chart."""
    register_font()  # the labels are measured in the document's face before any page is built
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 11, title, fontName=FONT, fontSize=9.5, fillColor=INK, textAnchor="middle"))
    chart = VerticalBarChart()
    crowded = len(categories) > 6
    chart.x, chart.y = 28, 30 if crowded else 22
    chart.width, chart.height = width - 40, height - (70 if crowded else 60)
    chart.data = [values for _, values, _ in series] or [[0]]
    top = max([1, *(max(values or [0]) for _, values, _ in series)])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top + max(1, top // 8)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    # Whole-number ticks at a round step: left to itself the axis ticks 0.5, 1.5 … which "%d" prints as 0, 0, 1, 1.
    wanted = chart.valueAxis.valueMax / 5
    step = next(step for step in (m * 10 ** e for e in range(7) for m in (1, 2, 5)) if step >= wanted)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = -(-chart.valueAxis.valueMax // step) * step  # the top a labelled tick too
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    if crowded:  # slanted, so a dozen week labels do not run into each other
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx, chart.categoryAxis.labels.dy = 3, -2
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for index, (_, _, colour) in enumerate(series):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    # The chart's own bar labels sit over each bar regardless of its neighbours and run together; ours do not.
    chart.barLabelFormat = None
    values = [values for _, values, _ in series]
    ceiling = height - (24 if len(series) > 1 else 14)
    labels = _labels_above_bars(chart, values, ceiling) if categories else []
    if labels is None:
        lift = len(series) * (VALUE_FONT_SIZE + 3)
        chart.y += lift
        chart.height -= lift
        labels = _value_rows(chart, series)
    drawing.add(chart)
    for label in labels:
        drawing.add(label)
    if len(series) > 1:
        legend = Legend()
        legend.fontName = FONT
        legend.fontSize = 7.5
        legend.x, legend.y = width / 2 - 40, height - 22
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 6
        legend.deltax = 52
        legend.colorNamePairs = [(colour, name) for name, _, colour in series]
        drawing.add(legend)
    return drawing


def render_weekly(summary: Any, target: Path | str | BinaryIO, *, generated_at: datetime,
                  tail: Sequence[Flowable] = ()) -> None:
    """Print a weekly summary: `summary` is the WeeklySummary the weekly service computed, read by its attributes
    (plain data handed down; reports import nothing from the services above them); `tail` ends it (a filed
    summary's seal: services/weekly_filing.py)."""
    s = styles()
    work, found, majors = summary.work, summary.found, summary.majors_tally
    issued = summary.issued_on
    # An enterprise's own summary: its figures under its own name (no districts, no list of enterprises).
    own = bool(getattr(summary, "enterprise", ""))
    issuer = getattr(summary, "issuer", summary.office)
    story: list = [
        Paragraph("安全生产周报", s.title),
        para(summary.issue or summary.period.label, s.subtitle),
        para(f"{'编制单位' if own else '编发单位'}：{issuer or '—'}", s.body),
        para(f"{issued.year}年{issued.month}月{issued.day}日", s.right),
        para(f"范围：{summary.scope}　　期间：{summary.period.label}", s.body),
    ]
    goal = summary.goal
    if goal.holds:
        since = f"距上一起 {goal.days_since_last} 天" if goal.days_since_last is not None else "无此类事故记录"
        goal_line = f"年度目标：不发生较大及以上安全生产责任事故 —— {goal.year} 年至今 0 起，目标保持（{since}）。"
    else:
        goal_line = f"年度目标：不发生较大及以上安全生产责任事故 —— {goal.year} 年已发生 {goal.count} 起，目标未实现。"
    story.append(para(goal_line, s.body if goal.holds else s.cell_bold))
    if summary.quiet:
        story.append(para("本期无检查、新发现或销号隐患、培训、演练和事故记录。", s.cell_bold))

    if own:
        work_line = (f"本期企业自查 {work.self_inspections} 次；接受监管部门检查 {work.inspections} 次，"
                     f"其中包片领导带队检查 {work.leader_visits} 次、“四不两直”暗查暗访 {work.unannounced} 次。")
    else:
        work_line = (f"本期开展检查 {work.inspections} 次，覆盖企业 {work.enterprises} 家（共 {summary.enterprises_total} 家，"
             f"覆盖率 {_share(work.enterprises, summary.enterprises_total)}）；包片领导带队检查 {work.leader_visits} 次；"
             f"“四不两直”暗查暗访 {work.unannounced} 次；检查人员出动 {work.inspector_days} 人日；企业自查 {work.self_inspections} 次。")
    story += [
        para("一、工作开展情况", s.heading),
        para(work_line, s.body),
        para("二、隐患排查治理情况", s.heading),
        para(f"本期新发现隐患 {found.found} 条，其中一般隐患 {found.general} 条、重大隐患 {found.major} 条；"
             f"本期整改销号 {summary.closed_in_period} 条。{summary.as_of.year} 年累计发现 {summary.year_found} 条，"
             f"已销号 {summary.year_closed} 条，整改率 {_share(summary.year_closed, summary.year_found)}。"
             f"截至 {summary.as_of.isoformat()}，未销号隐患 {summary.open_total} 条，其中逾期 {summary.overdue_total} 条，"
             f"重大隐患 {summary.majors_total} 条。", s.body),
        para(f"本期发现的 {found.found} 条隐患中，截至期末已整改销号 {found.closed} 条，本期整改率 "
             f"{_share(found.closed, found.found)}。", s.body),
        para(f"重大隐患：本期新增 {majors.new} 条，正在治理 {majors.under_treatment} 条（其中挂牌督办 {majors.supervised} 条），"
             f"本期治理完成销号 {majors.closed} 条。", s.body),
    ]
    half = (CONTENT_WIDTH - 4 * mm) / 2
    weeks = bar_chart("近12周隐患发现与销号", [f"{bar.monday.month}/{bar.monday.day}" for bar in summary.weeks],
                       [("发现", [bar.found for bar in summary.weeks], FOUND),
                        ("销号", [bar.closed for bar in summary.weeks], CLOSED)], CONTENT_WIDTH if own else half)
    if own:
        story.append(weeks)  # one enterprise: its weeks across the page, no districts beside them
    else:
        districts = bar_chart("各片区未销号隐患", [name for name, _ in summary.open_by_district],
                               [("未销号", [count for _, count in summary.open_by_district], OPEN)], half)
        story.append(plain_table([[weeks, districts]], [half + 2 * mm] * 2))

    def ledger_rows(rows, columns) -> list[list[str]]:
        return [[str(index)] + [column(row) for column in columns] for index, row in enumerate(rows, start=1)]

    story.append(para("突出问题类别（本期发现隐患最多的类别）", s.heading))
    if summary.top_categories:
        rows = [["序号", "问题类别", "发现隐患", "其中重大", "已销号", "占本期隐患"]]
        rows += [[str(index), t.name or "未分类", str(t.found), str(t.major), str(t.closed), _share(t.found, found.found)]
                 for index, t in enumerate(summary.top_categories, start=1)]
        story.append(grid_table(rows, [10 * mm, CONTENT_WIDTH - 110 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    else:
        story.append(para("本期未发现隐患。", s.body))

    if own:
        pass  # the whole summary is one enterprise's: a table of enterprises would list only itself
    elif summary.by_enterprise:
        story.append(para("分企业情况（本期发现隐患的企业，按隐患数排序）", s.heading))
        rows = [["序号", "企业", "发现隐患", "其中重大", "已销号", "未销号", "逾期"]]
        rows += [[str(index), t.name, str(t.found), str(t.major), str(t.closed), str(t.open), str(t.overdue)]
                 for index, t in enumerate(summary.by_enterprise, start=1)]
        story.append(grid_table(rows, [10 * mm, CONTENT_WIDTH - 110 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm]))
    else:
        story.append(para("分企业情况（本期发现隐患的企业，按隐患数排序）", s.heading))
        story.append(para("本期未发现隐患。", s.body))

    story.append(para(f"逾期隐患（{summary.overdue_total} 条，按逾期天数排序）", s.heading))
    if summary.overdue and own:
        rows = [["序号", "隐患描述", "责任人", "整改期限", "逾期天", "通知书文号"]]
        rows += ledger_rows(summary.overdue, (lambda r: f"{r.description}（{r.grade}）", lambda r: r.responsible or "—",
                                              lambda r: r.deadline or "", lambda r: str(r.overdue_days),
                                              lambda r: r.notice_number or "—"))
        story.append(grid_table(rows, [8 * mm, CONTENT_WIDTH - 79 * mm, 13 * mm, 23 * mm, 10 * mm, 25 * mm]))
        story += _more(summary.overdue_total, len(summary.overdue), s)
    elif summary.overdue:
        rows = [["序号", "片区", "企业", "隐患描述", "责任人", "整改期限", "逾期天", "通知书文号"]]
        rows += ledger_rows(summary.overdue, (lambda r: r.district_name, lambda r: r.enterprise_name,
                                              lambda r: f"{r.description}（{r.grade}）", lambda r: r.responsible or "—",
                                              lambda r: r.deadline or "", lambda r: str(r.overdue_days),
                                              lambda r: r.notice_number or "—"))
        story.append(grid_table(rows, [8 * mm, 14 * mm, 24 * mm, CONTENT_WIDTH - 117 * mm, 13 * mm, 23 * mm, 10 * mm,
                                       25 * mm]))
        story += _more(summary.overdue_total, len(summary.overdue), s)
    else:
        story.append(para("无逾期隐患。", s.body))

    story.append(para(f"重大隐患（未销号 {summary.majors_total} 条）", s.heading))
    if summary.majors and own:
        rows = [["序号", "隐患描述", "发现日期", "状态", "整改期限"]]
        rows += ledger_rows(summary.majors, (lambda r: r.description, lambda r: r.found_on,
                                             lambda r: r.status or "", lambda r: r.deadline or ""))
        story.append(grid_table(rows, [10 * mm, CONTENT_WIDTH - 76 * mm, 22 * mm, 16 * mm, 28 * mm]))
        story += _more(summary.majors_total, len(summary.majors), s)
    elif summary.majors:
        rows = [["序号", "企业", "隐患描述", "发现日期", "状态", "整改期限"]]
        rows += ledger_rows(summary.majors, (lambda r: r.enterprise_name, lambda r: r.description,
                                             lambda r: r.found_on, lambda r: r.status or "",
                                             lambda r: r.deadline or ""))
        story.append(grid_table(rows, [10 * mm, 42 * mm, CONTENT_WIDTH - 118 * mm, 22 * mm, 16 * mm, 28 * mm]))
        story += _more(summary.majors_total, len(summary.majors), s)
    else:
        story.append(para("无未销号重大隐患。", s.body))

    story.append(para("三、专项行动进展", s.heading))
    if summary.campaigns:
        rows = [["专项行动", "期间", "目标企业", "已检查", "进度", "发现隐患", "已销号"]]
        rows += [[p.campaign.name, f"{p.campaign.starts_on}至{p.campaign.ends_on}", str(p.targets), str(p.inspected),
                  f"{p.share:.0%}", str(p.hazards), str(p.closed)] for p in summary.campaigns]
        story.append(grid_table(rows, [CONTENT_WIDTH - 124 * mm, 40 * mm, 16 * mm, 16 * mm, 14 * mm, 20 * mm, 18 * mm]))
    else:
        story.append(para("本期无进行中的专项行动。", s.body))

    story.append(para("四、宣教培训", s.heading))
    if summary.trainings:
        attendees = sum(row.training.attendees for row in summary.trainings)
        story.append(para(f"本期开展培训 {len(summary.trainings)} 场，参训 {attendees} 人次。", s.body))
        rows = [["日期", "主题", "对象", "学时", "人数"]]
        rows += [[row.training.held_on, row.training.title, row.audience, f"{row.training.hours:g}",
                  str(row.training.attendees)] for row in summary.trainings[:LIMIT]]
        story.append(grid_table(rows, [22 * mm, 50 * mm, CONTENT_WIDTH - 108 * mm, 16 * mm, 20 * mm]))
    else:
        story.append(para("本期未开展培训。", s.body))

    story.append(para("五、应急演练", s.heading))
    held = summary.drills_held
    if own:
        late = summary.drills_overdue[0] if summary.drills_overdue else None
        story.append(para(f"本期开展演练 {len(held)} 次，参演 {sum(d[3] for d in held)} 人次；" + (
            f"应急演练已逾期 {late.overdue_days} 天（应于 {late.next_due} 前开展）。" if late else "应急演练未逾期。"),
            s.body))
    else:
        story.append(para(f"本期开展演练 {len(held)} 次，参演 {sum(d[3] for d in held)} 人次；"
                          f"逾期未开展演练的企业 {len(summary.drills_overdue)} 家。", s.body))
    if held:
        rows = [["日期", "企业", "演练名称", "参演人数", "发现问题"]]
        rows += [[day, enterprise, name, str(people), findings or "—"] for day, enterprise, name, people, findings
                 in held[:LIMIT]]
        story.append(grid_table(rows, [22 * mm, 44 * mm, 44 * mm, 18 * mm, CONTENT_WIDTH - 128 * mm]))
    if summary.drills_overdue and not own:
        rows = [["企业", "片区", "应演练日期", "逾期天数"]]
        rows += [[due.enterprise_name, due.district_name, str(due.next_due), str(due.overdue_days)]
                 for due in summary.drills_overdue[:LIMIT]]
        story.append(para("逾期未演练企业", s.body))
        story.append(grid_table(rows, [CONTENT_WIDTH - 76 * mm, 28 * mm, 28 * mm, 20 * mm]))
        story += _more(len(summary.drills_overdue), min(LIMIT, len(summary.drills_overdue)), s)

    story.append(para("六、事故情况", s.heading))
    if summary.incidents:
        rows = [["时间", "企业", "事故", "死亡", "重伤", "直接经济损失（万元）", "等级", "责任"]]
        rows += [[row.incident.occurred_at[:16].replace("T", " "), row.enterprise_name, row.incident.title,
                  str(row.incident.deaths), str(row.incident.serious_injuries),
                  f"{row.incident.direct_loss_yuan / 10000:g}", row.grade.value, row.liability]
                 for row in summary.incidents]
        story.append(grid_table(rows, [26 * mm, 32 * mm, CONTENT_WIDTH - 144 * mm, 11 * mm, 11 * mm, 24 * mm,
                                       20 * mm, 20 * mm]))
    else:
        story.append(para("零报告：本期未发生生产安全事故。", s.body))

    story.append(para("七、下周工作安排", s.heading))
    plan = summary.distribution.next_week_plan
    if plan:
        story.append(para(plan, s.body))
    story.append(para(f"（一）下周到期整改事项 {summary.due_next_week_total} 条", s.body))
    if summary.due_next_week:
        rows = [["序号", "企业", "隐患描述", "等级", "责任人", "整改期限"]]
        rows += ledger_rows(summary.due_next_week, (lambda r: r.enterprise_name, lambda r: r.description,
                                                    lambda r: r.grade, lambda r: r.responsible or "—",
                                                    lambda r: r.deadline or ""))
        story.append(grid_table(rows, [8 * mm, 36 * mm, CONTENT_WIDTH - 108 * mm, 13 * mm, 18 * mm, 25 * mm]))
        story += _more(summary.due_next_week_total, len(summary.due_next_week), s)
    if own:
        due = summary.drills_due_next_week[0] if summary.drills_due_next_week else None
        story.append(para("（二）下周应开展的应急演练：" + (
            (f"应于 {due.next_due} 前开展，已安排{due.planned.name}（{due.planned.held_on}）。" if due.planned
             else f"应于 {due.next_due} 前开展，尚未安排。") if due else "无。"), s.body))
    else:
        story.append(para(f"（二）下周应开展应急演练的企业 {len(summary.drills_due_next_week)} 家", s.body))
    if summary.drills_due_next_week and not own:
        rows = [["企业", "片区", "应演练日期", "已安排的演练"]]
        rows += [[due.enterprise_name, due.district_name, str(due.next_due),
                  f"{due.planned.name}（{due.planned.held_on}）" if due.planned else "未安排"]
                 for due in summary.drills_due_next_week]
        story.append(grid_table(rows, [CONTENT_WIDTH - 118 * mm, 28 * mm, 26 * mm, 64 * mm]))
    # The last part stays with the sign-off: never a page holding nothing but the signatures.
    last: list = [para(f"（三）下周进行中的专项行动 {len(summary.campaigns_next_week)} 项", s.body)]
    if summary.campaigns_next_week:
        rows = [["专项行动", "期间"]]
        rows += [[c.name, f"{c.starts_on} 至 {c.ends_on}"] for c in summary.campaigns_next_week]
        last.append(grid_table(rows, [CONTENT_WIDTH - 50 * mm, 50 * mm]))
    story.append(KeepTogether(last + _sign_off(summary.distribution, s)))
    story += list(tail)
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=issuer, title="安全生产周报",
                                        period=f"{summary.scope} {summary.period.label}"))



def _sign_off(distribution: Any, s) -> list:
    """报送/抄送 and 编制/审核/签发 at the foot: the settings' names, or a line to write one on."""
    blank = "＿＿＿＿"
    return [
        Spacer(1, 6 * mm),
        plain_table([[para(f"报送：{distribution.report_to or blank}", s.body)],
                     [para(f"抄送：{distribution.copy_to or blank}", s.body)]], [CONTENT_WIDTH],
                    [("LINEABOVE", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, -1), (-1, -1), 0.8, INK)]),
        plain_table([[para(f"编制：{distribution.compiled_by or blank}", s.body),
                      para(f"审核：{distribution.reviewed_by or blank}", s.body),
                      para(f"签发：{distribution.signed_by or blank}", s.body)]], [CONTENT_WIDTH / 3] * 3),
    ]


def _more(total: int, shown: int, s) -> list:
    if total <= shown:
        return []
    return [para(f"（另有 {total - shown} 条未列出，完整清单见隐患台账。）", s.small)]

