"""安全生产检查记录: every answer of an inspection, failures highlighted, photos watermarked, both signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, FAIL_BACKGROUND, RULE, build_pdf, CaptionedPhoto, grid_table, key_value_table, Letterhead,
    para, photo_grid, plain_table, scaled_image, styles,
)


@dataclass(frozen=True)
class RecordAnswer:
    code: str
    text: str
    result: str  # 合格 / 不合格 / 不适用 / 未作答, with the value when one was measured
    note: str = ""
    failed: bool = False
    major: bool = False


@dataclass(frozen=True)
class RecordSection:
    title: str
    applies: bool = True
    answers: list[RecordAnswer] = field(default_factory=list)


@dataclass(frozen=True)
class RecordHazard:
    number: int
    description: str
    grade: str
    basis: str
    deadline: str


@dataclass(frozen=True)
class InspectionRecord:
    office: str
    reference: str
    header: list[tuple[str, str]]
    summary: str
    sections: list[RecordSection]
    hazards: list[RecordHazard]
    photos: list[CaptionedPhoto]
    inspector_signature: bytes | None
    enterprise_signature: bytes | None
    signed_on: str
    status_note: str = ""


def render_inspection_record(record: InspectionRecord, target: Path | str | BinaryIO, *, generated_at: datetime) -> None:
    s = styles()
    story: list = [Paragraph("安全生产检查记录", s.title), para(f"记录编号 {record.reference}", s.subtitle)]
    if record.status_note:
        story.append(para(record.status_note, s.cell_bold))
    story += [key_value_table(record.header, CONTENT_WIDTH), Spacer(1, 3 * mm), para(record.summary, s.body)]

    widths = [16 * mm, CONTENT_WIDTH - 16 * mm - 30 * mm - 44 * mm, 30 * mm, 44 * mm]
    for section in record.sections:
        story.append(para(section.title, s.heading))
        if not section.applies:
            story.append(para("本部分不适用（检查时确认企业无此项内容）。", s.small))
            continue
        rows: list[list] = [["编号", "检查内容", "结果", "备注"]]
        highlight = []
        for index, answer in enumerate(section.answers, start=1):
            text = answer.text + ("（重大隐患判定项）" if answer.major else "")
            result_style = s.cell_bold if answer.failed else s.cell
            rows.append([answer.code, text, para(answer.result, result_style), answer.note])
            if answer.failed:
                highlight.append(("BACKGROUND", (0, index), (-1, index), FAIL_BACKGROUND))
        story.append(grid_table(rows, widths, extra=highlight))

    story.append(para("发现的隐患", s.heading))
    if record.hazards:
        rows = [["序号", "隐患描述", "等级", "判定依据", "整改期限"]]
        rows += [[str(h.number), h.description, h.grade, h.basis, h.deadline] for h in record.hazards]
        story.append(grid_table(rows, [12 * mm, CONTENT_WIDTH - 12 * mm - 16 * mm - 50 * mm - 24 * mm,
                                       16 * mm, 50 * mm, 24 * mm]))
    else:
        story.append(para("本次检查未发现隐患。", s.body))

    if record.photos:
        story += [para("现场照片", s.heading), photo_grid(record.photos)]

    signature_cells = []
    for label, png in (("检查人员签名", record.inspector_signature), ("被检查单位负责人签名", record.enterprise_signature)):
        mark = scaled_image(png, 60 * mm, 22 * mm) if png else para("（未签名）", s.small)
        signature_cells.append([para(label, s.cell), mark, para(f"日期：{record.signed_on}", s.cell)])
    signatures = plain_table([[plain_table([[c] for c in cell], [80 * mm]) for cell in signature_cells]],
                             [CONTENT_WIDTH / 2] * 2,
                             [("BOX", (0, 0), (-1, -1), 0.4, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE)])
    story += [Spacer(1, 5 * mm), KeepTogether([para("签字确认", s.heading), signatures])]
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=record.office, title="安全生产检查记录", period=record.reference))
