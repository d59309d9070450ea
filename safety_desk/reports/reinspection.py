"""整改复查意见书: after a re-inspection, what was ordered, what the enterprise reported, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from safety_desk.reports.pdf import (
    CONTENT_WIDTH, RULE, CaptionedPhoto, Letterhead, build_pdf, key_value_table, para, photo_grid, plain_table,
    styles,
)
from safety_desk.reports.sealed_pdf import seal_block


@dataclass(frozen=True)
class ReinspectionOpinion:
    office: str
    reference: str  # the notice's number, or the hazard's record number when it is on none
    enterprise: str
    unit: list[tuple[str, str]]  # the enterprise's particulars
    hazard: list[tuple[str, str]]  # what was found and ordered
    reported: str  # the enterprise's rectification report ("" when none was recorded)
    reported_on: str
    reinspected_on: str  # Beijing day of the verdict
    reinspectors: str
    accepted: bool
    reason: str  # the inspector's words
    next_deadline: str = ""  # rejected: the deadline it goes back to
    photos: list[CaptionedPhoto] = field(default_factory=list)  # after rectification
    seal_text: str = ""  # the signed seal (QR code); empty when printed where no office device signs it
    content_json: str = ""  # the sealed content, carried in the PDF for `verify`
    reprinted_on: str | None = None  # the day of a reprint (补打) of the kept copy; None on the first print

    @classmethod
    def of_content(cls, content: dict[str, Any], *, photos: list[CaptionedPhoto], seal_text: str = "",
                   content_json: str = "", reprinted_on: str | None = None) -> "ReinspectionOpinion":
        """The opinion as its content says (services/reports.py: kept as issued, sealed): every print the same."""
        enterprise, hazard, item = content["enterprise"], content["hazard"], content["items"][0]
        return cls(
            office=content["office"], reference=content["number"], enterprise=enterprise["name"],
            unit=[("单位名称", enterprise["name"]), ("统一社会信用代码", enterprise["uscc"]),
                  ("地址", enterprise["address"]), ("所属片区", enterprise["district"]),
                  ("主要负责人", enterprise["principal"]), ("联系人及电话", enterprise["contact"])],
            hazard=[("隐患描述", item["description"]), ("部位", hazard["location"]), ("隐患等级", hazard["grade"]),
                    ("判定依据", hazard["basis"]), ("发现日期", hazard["found_on"]),
                    ("整改通知书", content["notice"] or "—"), ("整改措施", item["measures"]),
                    ("整改责任人", item["responsible"]), ("整改期限", item["deadline"])],
            reported=content["reported"], reported_on=content["reported_on"],
            reinspected_on=content["reinspected_on"], reinspectors=content["reinspectors"],
            accepted=content["accepted"], reason=content["reason"], next_deadline=content["next_deadline"],
            photos=photos, seal_text=seal_text, content_json=content_json, reprinted_on=reprinted_on)


def verdict_sentence(accepted: bool, next_deadline: str) -> str:
    """The opinion's verdict as printed (and sealed: `verify` looks for it on the page)."""
    if accepted:
        return "经复查，该隐患已按要求整改完毕，符合要求，同意销号。"
    return "经复查，该隐患整改不符合要求，" + (f"继续整改，整改期限至 {next_deadline}。" if next_deadline else "请继续整改。")


def render_reinspection(opinion: ReinspectionOpinion, target: Path | str | BinaryIO, *,
                        generated_at: datetime) -> None:
    s = styles()
    story: list = [
        Paragraph("整改复查意见书", s.title),
        *([para(f"补打 · {opinion.reprinted_on}", s.subtitle)] if opinion.reprinted_on else []),
        para(f"（{opinion.reference}）", s.subtitle),
        para(f"{opinion.enterprise}：", s.body),
        para(f"　　根据你单位的整改情况报告，我办于 {opinion.reinspected_on} 对下列事故隐患的整改情况进行了复查，"
             "复查意见如下。", s.body),
        para("一、被复查单位", s.heading), key_value_table(opinion.unit, CONTENT_WIDTH),
        para("二、隐患及整改要求", s.heading), key_value_table(opinion.hazard, CONTENT_WIDTH, columns=1),
        para("三、单位整改情况", s.heading),
    ]
    if opinion.reported:
        story.append(para(f"{opinion.reported_on} 报告：{opinion.reported}", s.body))
    else:
        story.append(para("未收到书面整改报告。", s.small))
    verdict = verdict_sentence(opinion.accepted, opinion.next_deadline)
    words = f"（复查说明：{opinion.reason}）" if opinion.reason and opinion.reason not in verdict else ""
    story += [para("四、复查意见", s.heading),
              plain_table([[para(verdict + words, s.body)]], [CONTENT_WIDTH],
                          [("BOX", (0, 0), (-1, -1), 0.6, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                           ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)])]
    if opinion.photos:
        story.append(KeepTogether([para("五、整改后照片", s.heading), photo_grid(opinion.photos)]))
    signatures = plain_table(
        [[para(f"复查人员（签字）：{opinion.reinspectors}", s.body), para("被复查单位负责人（签字）：", s.body)],
         [para(f"复查日期：{opinion.reinspected_on}", s.body), para("签收日期：", s.body)]],
        [CONTENT_WIDTH / 2] * 2, [("TOPPADDING", (0, 1), (-1, 1), 14)])
    seal = plain_table([[para(opinion.office, s.right)], [para("（盖章）", s.right)]], [CONTENT_WIDTH],
                       [("TOPPADDING", (0, 0), (-1, 0), 10)])
    story += [Spacer(1, 6 * mm), KeepTogether([signatures, seal])]
    if opinion.seal_text:
        story += seal_block(opinion.seal_text, opinion.content_json, number="".join(opinion.reference.split()),
                            reprinted_on=opinion.reprinted_on)
    build_pdf(target, story, Letterhead(generated_at=generated_at, office=opinion.office, title="整改复查意见书",
                                        period=opinion.reference))
