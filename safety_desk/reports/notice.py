"""安全隐患整改通知书 (regulations.md §7.1): the unit, the hazards and deadlines, signatures, seal, tear-off receipt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, MUTED, RULE, CaptionedPhoto, Letterhead, TableColumn, build_pdf, key_value_table, para,
    photo_attachment, plain_table, records_table,
    styles,
)
from safety_desk.reports.sealed_pdf import seal_block


@dataclass(frozen=True)
class NoticeHazardLine:
    """One row of the notice as issued (services/notice_content.py): the hazard, its measures, who, by when."""

    number: int
    location: str
    description: str
    category: str
    grade: str
    basis: str
    measures: str  # 整改措施 the inspector typed
    responsible: str
    deadline: str
    major: bool = False

    @classmethod
    def of(cls, item: dict[str, Any]) -> "NoticeHazardLine":
        return cls(number=item["no"], location=item.get("location", ""), description=item["description"],
                   category=item.get("category", ""), grade=item.get("grade", ""), basis=item.get("basis", ""),
                   measures=item.get("measures", ""), responsible=item.get("responsible", ""),
                   deadline=item.get("deadline", ""), major=item.get("grade") == "重大")


def _requirement(line: NoticeHazardLine) -> str:
    # A major hazard may need work stopped while it is treated (16号令 art. 3); the typed measures come first.
    return f"{line.measures}；必要时停产停业整改" if line.major else line.measures


# The notice's hazard table (regulations.md §7.1). Shares are the millimetres each column gets on A4 portrait.
HAZARD_COLUMNS: tuple[TableColumn[NoticeHazardLine], ...] = (
    TableColumn("序号", 8, lambda line: str(line.number)),
    TableColumn("部位", 16, lambda line: line.location),
    TableColumn("隐患描述", 52, lambda line: f"{line.description}（{line.category}）" if line.category else line.description),
    TableColumn("等级及判定依据", 22, lambda line: f"{line.grade}\n{line.basis}"),
    TableColumn("整改措施", 30, _requirement),
    TableColumn("责任人", 14, lambda line: line.responsible),
    TableColumn("整改期限", 26, lambda line: line.deadline),  # wide enough that a date never breaks
)


def _long_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


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
    copy_to: str
    issued_on: str  # 成文日期 in full: 2026年3月10日
    photos: list[CaptionedPhoto] = field(default_factory=list)  # the hazards' photos, printed as an attachment
    inspectors: list[tuple[str, str]] = field(default_factory=list)  # (name, 执法证 number)
    seal_text: str = ""  # the signed seal (QR code); empty on a notice issued before notices were sealed
    content_json: str = ""
    reprinted_on: str | None = None  # the day of a reprint (补打); None on the original

    @classmethod
    def of_content(cls, content: dict[str, Any], *, seal_text: str = "", content_json: str = "",
                   reprinted_on: str | None = None, photos: list[CaptionedPhoto] | None = None) -> "NoticeDocument":
        """The document of a notice's frozen content (services/notice_content.py)."""
        unit = content["enterprise"]
        return cls(
            office=content["office"], number=content["number"], enterprise=unit["name"],
            unit=[("单位名称", unit["name"]), ("统一社会信用代码", unit["uscc"]), ("地址", unit["address"]),
                  ("所属片区", unit["district"]), ("主要负责人", unit["principal"]), ("联系人及电话", unit["contact"])],
            inspection=[(label, value) for label, value in content["inspection"]],
            hazards=[NoticeHazardLine.of(item) for item in content["items"]], has_major=content["has_major"],
            reply_due=content["reply_due"], reinspect_on=content.get("reinspect_on") or "",
            copy_to=content.get("copy_to", ""), issued_on=_long_date(content["issued_on"]),
            inspectors=[(p["name"], p.get("certificate", "")) for p in content.get("inspectors", [])],
            seal_text=seal_text, content_json=content_json, reprinted_on=reprinted_on, photos=photos or [])


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
        *([para(f"补打 · {document.reprinted_on}", s.subtitle)] if document.reprinted_on else []),
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
        f"1. 请于 {document.reply_due} 前书面报告整改情况，附整改前后对比照片；各项隐患由表中所列责任人负责整改。",
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

    if document.inspectors:
        story.append(para("检查人员及执法证号：" + "；".join(
            f"{name}（执法证号 {certificate or '未登记'}）" for name, certificate in document.inspectors), s.body))
    signing = plain_table(
        [[para("检查人员（签字）：", s.body), para("被检查单位主要负责人（签收）：", s.body)],
         [para("", s.body), para("", s.body)],
         [para("日期：", s.body), para("签收日期：", s.body)]],
        [CONTENT_WIDTH / 2] * 2, [("TOPPADDING", (0, 1), (-1, 1), 14)])
    seal = plain_table([[para(document.office, s.right)], [para(document.issued_on, s.right)],
                        [para("（盖章）", s.right)]], [CONTENT_WIDTH],
                       [("TOPPADDING", (0, 0), (-1, 0), 10)])
    story.append(KeepTogether([Spacer(1, 6 * mm), signing, Spacer(1, 4 * mm), seal]))
    if document.seal_text:  # above the cut line: the code stays on the enterprise's copy
        story += seal_block(document.seal_text, document.content_json, number=document.number,
                            reprinted_on=document.reprinted_on)

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
