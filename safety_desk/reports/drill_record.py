"""应急演练记录 (regulations.md §5.4): the drill's particulars, evaluation, findings as hazards, photos, signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, RULE, build_pdf, CaptionedPhoto, grid_table, key_value_table, Letterhead, para, photo_grid,
    plain_table, styles,
)


@dataclass(frozen=True)
class DrillHazardLine:
    number: int
    description: str
    grade: str
    deadline: str
    status: str


@dataclass(frozen=True)
class DrillRecord:
    office: str
    reference: str
    enterprise: str
    particulars: list[tuple[str, str]]  # label / value pairs of the drill and the unit
    scenario: str
    objectives: str
    evaluation: str
    findings: str
    revisions: str
    hazards: list[DrillHazardLine] = field(default_factory=list)
    photos: list[CaptionedPhoto] = field(default_factory=list)
    organiser: str = ""
    evaluators: str = ""
    held_on: str = ""
    evaluator_names: list[str] = field(default_factory=list)  # each evaluator signs on a line of their own


def _text_block(text: str, empty: str) -> list:
    """A boxed paragraph of what was written, or a muted line saying nothing was."""
    s = styles()
    if not text.strip():
        return [para(empty, s.small)]
    return [plain_table([[para(text.strip(), s.body)]], [CONTENT_WIDTH],
                        [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                         ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])]


def render_drill_record(record: DrillRecord, target: Path | str | BinaryIO, *, generated_at: datetime) -> None:
    s = styles()
    story: list = [Paragraph("应急演练记录", s.title), para(f"记录编号 {record.reference}", s.subtitle),
                   para("一、演练概况", s.heading), key_value_table(record.particulars, CONTENT_WIDTH)]
    story += [para("二、演练情景", s.heading), *_text_block(record.scenario, "（未填写演练情景）")]
    story += [para("三、演练目标", s.heading), *_text_block(record.objectives, "（未填写演练目标）")]
    story += [para("四、演练评估", s.heading),
              *_text_block(record.evaluation, "（未填写评估意见）")]
    story += [para("五、发现的问题", s.heading), *_text_block(record.findings, "演练未发现问题。")]
    if record.hazards:
        story.append(Spacer(1, 2 * mm))
        story.append(para(f"已登记为隐患并跟踪整改的问题（{len(record.hazards)} 条）：", s.body))
        rows = [["序号", "隐患描述", "等级", "整改期限", "状态"]]
        rows += [[str(h.number), h.description, h.grade, h.deadline, h.status] for h in record.hazards]
        story.append(grid_table(rows, [12 * mm, CONTENT_WIDTH - 12 * mm - 16 * mm - 26 * mm - 22 * mm,
                                       16 * mm, 26 * mm, 22 * mm]))
    story += [para("六、预案修订建议", s.heading), *_text_block(record.revisions, "（无修订建议）")]

    if record.photos:
        # The heading goes with the photos: never alone at the foot of a page.
        story.append(KeepTogether([para("七、演练照片", s.heading), photo_grid(record.photos)]))

    if record.evaluator_names:
        # Each evaluator is a person who signs for the evaluation: one line each.
        rows = [["序号", "评估人员", "签字", "日期"]]
        rows += [[str(index), name, "", ""] for index, name in enumerate(record.evaluator_names, start=1)]
        story.append(KeepTogether([para("评估人员签字", s.heading),
                                   grid_table(rows, [12 * mm, 50 * mm, CONTENT_WIDTH - 102 * mm, 40 * mm],
                                              extra=[("TOPPADDING", (0, 1), (-1, -1), 8),
                                                     ("BOTTOMPADDING", (0, 1), (-1, -1), 8)])]))
    signature_cells = []
    for label, name in (("演练组织人（签字）", record.organiser), ("评估组负责人（签字）" if record.evaluator_names
                                                           else "评估人员（签字）",
                                                           record.evaluator_names[0] if record.evaluator_names
                                                           else record.evaluators)):
        signature_cells.append([para(label, s.cell), para(name or "", s.small), Spacer(1, 14 * mm),
                                Paragraph("日期：" + "&nbsp;" * 14 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日",
                                          s.cell)])
    signatures = plain_table([[plain_table([[c] for c in cell], [80 * mm]) for cell in signature_cells]],
                             [CONTENT_WIDTH / 2] * 2,
                             [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE)])
    seal = plain_table([[para(record.enterprise, s.right)], [para("（单位盖章）", s.right)]], [CONTENT_WIDTH],
                       [("TOPPADDING", (0, 0), (-1, 0), 8)])
    story += [Spacer(1, 5 * mm), KeepTogether([para("签字确认", s.heading), signatures, seal])]
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=record.office, title="应急演练记录", period=record.reference))
