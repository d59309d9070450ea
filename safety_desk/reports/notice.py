"""安全隐患整改通知书 (regulations.md §7.1): the unit, the hazards and deadlines, signatures, seal, tear-off receipt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, MUTED, RULE, CaptionedPhoto, Letterhead, TableColumn, build_pdf, key_value_table, para,
    photo_attachment, plain_table, records_table,
    styles,
)


@dataclass(frozen=True)
class NoticeHazardLine:
    """One hazard on the notice: the hazard's record and what the notice asks of it."""

    number: int
    hazard: Any  # the hazard record (store.records.Hazard): the columns below read its fields by name
    action: str  # 整改要求: immediately, by the deadline, or (major) stopping work if need be
    deadline: str


# The notice's hazard table (regulations.md §7.1). Shares are the millimetres each column gets on A4 portrait.
HAZARD_COLUMNS: tuple[TableColumn[NoticeHazardLine], ...] = (
    TableColumn("序号", 9, lambda line: str(line.number)),
    TableColumn("部位", 20, lambda line: line.hazard.location),
    TableColumn("隐患描述", 52, lambda line: line.hazard.description),
    TableColumn("类别", 20, lambda line: line.hazard.category),
    TableColumn("等级及判定依据", 26, lambda line: f"{line.hazard.grade}\n{line.hazard.basis}"),
    TableColumn("整改要求", 22, lambda line: line.action),
    TableColumn("整改期限", 25, lambda line: line.deadline),
)


@dataclass(frozen=True)
class NoticeDocument:
    office: str
    number: str
    enterprise: str
    unit: list[tuple[str, str]]
    inspection: list[tuple[str, str]]
    hazards: list[NoticeHazardLine]
    has_major: bool
    reply_due: str
    reinspect_on: str
    responsible: str
    copy_to: str
    issued_on: str
    photos: list[CaptionedPhoto] = field(default_factory=list)  # the hazards' photos, printed as an attachment


class _CutLine(Flowable):
    """A dashed line across the page with scissors: where the receipt is torn off."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 8 * mm

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setDash(4, 3)
        canvas.line(0, 4 * mm, self.width, 4 * mm)
        canvas.setFont(styles().small.fontName, 8)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(self.width / 2, 5.5 * mm, "（沿此线裁下回执）")
        canvas.restoreState()


def render_notice(document: NoticeDocument, target: Path | str | BinaryIO, *, generated_at: datetime) -> None:
    s = styles()
    story: list = [
        Paragraph("安全隐患整改通知书", s.title),
        para(document.number, s.subtitle),
        para(f"{document.enterprise}：", s.body),
        para(f"　　经检查，你单位存在下列安全隐患。根据《中华人民共和国安全生产法》第四十一条和《安全生产事故隐患排查治理暂行规定》"
             f"的规定，请你单位按下表要求认真整改，并于 {document.reply_due} 前将整改情况（附整改前后照片）书面报送我办。", s.body),
        para("一、被检查单位", s.heading), key_value_table(document.unit, CONTENT_WIDTH),
        para("二、检查情况", s.heading), key_value_table(document.inspection, CONTENT_WIDTH),
        para("三、隐患及整改要求", s.heading),
    ]
    story.append(records_table(HAZARD_COLUMNS, document.hazards))
    requirements = [
        f"1. 请于 {document.reply_due} 前书面报告整改情况，附整改前后对比照片；整改责任人：{document.responsible or '（企业主要负责人）'}。",
        f"2. 我办将于 {document.reinspect_on or '整改期限届满后'} 组织复查；复查合格后予以销号。",
        "3. 整改期间应采取必要的安全防范措施，防止事故发生。",
    ]
    if document.has_major:
        requirements.append("4. 对重大事故隐患，应制定治理方案（治理的目标和任务、采取的方法和措施、经费和物资的落实、"
                            "负责治理的机构和人员、治理的时限和要求、安全措施和应急预案），落实临时监控和应急措施，"
                            "并按规定向负有安全生产监督管理职责的部门报告。")
    story += [para("四、整改要求", s.heading)] + [para(line, s.body) for line in requirements]
    if document.copy_to:
        story.append(para(f"抄送：{document.copy_to}", s.body))

    signing = plain_table(
        [[para("检查人员（签字）：", s.body), para("被检查单位主要负责人（签收）：", s.body)],
         [para("", s.body), para("", s.body)],
         [para("日期：", s.body), para("签收日期：", s.body)]],
        [CONTENT_WIDTH / 2] * 2, [("TOPPADDING", (0, 1), (-1, 1), 14)])
    seal = plain_table([[para(document.office, s.right)], [para(document.issued_on, s.right)],
                        [para("（盖章）", s.right)]], [CONTENT_WIDTH],
                       [("TOPPADDING", (0, 0), (-1, 0), 10)])
    story.append(KeepTogether([Spacer(1, 6 * mm), signing, Spacer(1, 4 * mm), seal]))

    receipt = plain_table(
        [[para("回　执", s.heading)],
         [para(f"我单位已收到 {document.office} 《安全隐患整改通知书》（{document.number}），"
               f"共 {len(document.hazards)} 项隐患，将按要求于 {document.reply_due} 前报送整改情况。", s.body)],
         [para("被检查单位：" + document.enterprise, s.body)],
         [Paragraph("签收人：" + "&nbsp;" * 36 + "签收日期：" + "&nbsp;" * 10 + "年" + "&nbsp;" * 6 + "月"
                    + "&nbsp;" * 6 + "日" + "&nbsp;" * 10 + "（单位盖章）", s.body)]],
        [CONTENT_WIDTH], [("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 8)])
    story.append(KeepTogether([Spacer(1, 6 * mm), _CutLine(), receipt]))
    story += photo_attachment("附件：隐患照片", document.photos)
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=document.office, title="安全隐患整改通知书", period=document.number))
