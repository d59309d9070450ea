"""安全隐患整改记录: one hazard's particulars, its photos before and after rectification side by side, its history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import zip_longest
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, RULE, CaptionedPhoto, Letterhead, build_pdf, grid_table, key_value_table, para, photo_grid,
    plain_table, styles,
)


@dataclass(frozen=True)
class HazardStep:
    """One event of the hazard's history as printed: when, what, who, and what was said."""

    at: str
    what: str
    who: str
    note: str = ""


@dataclass(frozen=True)
class HazardRecord:
    office: str
    reference: str  # the human-readable number printed under the title
    enterprise: str
    particulars: list[tuple[str, str]]
    measures: str
    before: list[CaptionedPhoto] = field(default_factory=list)
    after: list[CaptionedPhoto] = field(default_factory=list)
    steps: list[HazardStep] = field(default_factory=list)


def before_and_after(before: list[CaptionedPhoto], after: list[CaptionedPhoto]):
    """The photos side by side under 整改前 / 整改后: the n-th before beside the n-th after."""
    pairs = [photo for pair in zip_longest(before, after) for photo in pair]
    return photo_grid(pairs, columns=2, height=62 * mm, headers=["整改前", "整改后"])


def render_hazard_record(record: HazardRecord, target: Path | str | BinaryIO, *, generated_at: datetime) -> None:
    s = styles()
    story: list = [Paragraph("安全隐患整改记录", s.title), para(f"编号：{record.reference}", s.subtitle),
                   para("一、隐患基本情况", s.heading), key_value_table(record.particulars, CONTENT_WIDTH),
                   para("二、整改措施", s.heading),
                   plain_table([[para(record.measures.strip() or "（未填写整改措施）", s.body)]], [CONTENT_WIDTH],
                               [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 6)]),
                   para("三、整改前后对比照片", s.heading)]
    if record.before or record.after:
        story.append(before_and_after(record.before, record.after))
    else:
        story.append(para("本隐患未附照片。", s.body))
    story.append(para("四、整改过程", s.heading))
    rows = [["时间", "事项", "记录人", "说明"]]
    rows += [[step.at, step.what, step.who, step.note] for step in record.steps]
    story.append(grid_table(rows, [35 * mm, 26 * mm, 22 * mm, CONTENT_WIDTH - 83 * mm]))
    signatures = plain_table(
        [[para("整改责任人（签字）：", s.body), para("复查人员（签字）：", s.body)],
         [para("日期：", s.body), para("日期：", s.body)]],
        [CONTENT_WIDTH / 2] * 2, [("TOPPADDING", (0, 1), (-1, 1), 12)])
    story += [Spacer(1, 6 * mm), KeepTogether([para("五、复查验收", s.heading), signatures])]
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=record.office, title="安全隐患整改记录",
                                        period=record.reference))
