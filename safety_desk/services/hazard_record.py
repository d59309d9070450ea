"""The hazard record (安全隐患整改记录): gathers one hazard's particulars, photos and history for reports/."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from safety_desk.domain.china_time import beijing_minute
from safety_desk.domain.hazard_status import HazardEventKind
from safety_desk.domain.ledger import SOURCE_NAMES
from safety_desk.domain.record_numbers import printed_number
from safety_desk.reports.hazard_record import HazardRecord, HazardStep, render_hazard_record
from safety_desk.services.hazards import HazardDetail
from safety_desk.services.print_photos import PrintPhotos

# Comments are the inspectors' own notes: they stay in the application, off paper handed to the enterprise.
_UNPRINTED = {HazardEventKind.COMMENT.value}


def write_hazard_record(detail: HazardDetail, printer: PrintPhotos, office: str, target: Path | str | BinaryIO, *,
                        generated_at: datetime) -> None:
    """Write the record of a hazard whose detail the caller read (and so was allowed to see)."""
    hazard = detail.hazard
    before = printer.photos(hazard.photos, detail.enterprise_name, "整改前", person_id=hazard.found_by,
                            when=hazard.found_on)
    after = []
    for report in reversed(detail.reports):  # oldest report first, as they happened
        after += printer.photos(report.photos, detail.enterprise_name, f"整改后（{report.at:%Y-%m-%d}报告）",
                                role="报告人", when=report.at.isoformat())
    particulars = [
        ("被检查单位", detail.enterprise_name), ("所属片区", detail.district_name),
        ("隐患部位", hazard.location or "—"), ("隐患类别", hazard.category or "—"),
        ("隐患等级", hazard.grade), ("判定依据", hazard.basis or "—"),
        ("发现日期", hazard.found_on), ("发现人", detail.found_by_name),
        ("隐患来源", SOURCE_NAMES.get(hazard.source, hazard.source)), ("整改通知书", detail.notice_number or "—"),
        ("整改责任人", hazard.responsible or "—"),
        ("整改期限", detail.deadline.isoformat() if detail.deadline else "—"),
        ("当前状态", detail.status or "—"), ("来源检查", detail.source_inspection or "—"),
        ("隐患描述", hazard.description), ("", ""),
    ]
    steps = [HazardStep(beijing_minute(view.event.at), view.kind_label, view.author_name,
                        "；".join(part for part in (view.event.reason,
                                                    f"期限 {view.event.deadline}" if view.event.deadline else "") if part))
             for view in detail.events if view.event.kind not in _UNPRINTED]
    render_hazard_record(HazardRecord(
        office=office, reference=printed_number(hazard.id, hazard.found_on), enterprise=detail.enterprise_name,
        particulars=particulars, measures=hazard.measures, before=before, after=after, steps=steps),
        target, generated_at=generated_at)
