"""Official documents as PDFs: the service gathers what the signed-in person may see and hands it to reports/."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from safety_desk.domain.china_time import beijing_minute
from safety_desk.domain.bases import unfit_bases
from safety_desk.domain.language import say
from safety_desk.domain.record_numbers import printed_number
from safety_desk.domain.checklist import AnswerResult, applicable_items, checklist_from_dict
from safety_desk.domain.drills import DrillPlanType, drill_schedule
from safety_desk.domain.major_standards import grades_major
from safety_desk.media.files import UnreadableMedia, media_path, read_media
from safety_desk.services.encryption import photo_key_for
from safety_desk.media.thumbnails import MissingPhotoFile
from safety_desk.media.watermark import watermarked
from safety_desk.services.inspections import KIND_NAMES
from safety_desk.services.print_photos import PrintPhotos
from safety_desk.services.reinspection_opinion import VERDICT_KINDS, OpinionContent
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.services.filings import FiledFigures
from safety_desk.store.filings import Filing
from safety_desk.store.records import Drill
from safety_desk.store.statistics import StatisticsQuery

RESULT_NAMES = {AnswerResult.PASS.value: "合格", AnswerResult.FAIL.value: "不合格",
                AnswerResult.NOT_APPLICABLE.value: "不适用", AnswerResult.VALUE.value: "已记录"}


# The filing kind under which an issued 整改复查意见书 is kept (period: its verdict event, scope: its hazard).
REINSPECTION_FILING = "reinspection"


class ReportProblem(ValueError):
    """A document cannot be made (not found, not yet submitted…); the message says which and why."""


def evaluator_names(text: str) -> list[str]:
    """The evaluators (评估人员) written as one line, as persons: split at 、，, ; and spaces."""
    return [name for name in re.split(r"[、，,;；\s]+", text or "") if name]


def refuse_future(first: date, today: date, what: str) -> None:
    """A period that has not begun has no figures yet: refused, saying when it begins (`what`: the period, named
    in the current language)."""
    if first > today:
        raise ReportProblem(say(f"{what}自 {first.isoformat()} 开始，尚未到来（今天是 {today.isoformat()}），没有可统计的数据",
                                f"{what} begins on {first.isoformat()} and has not come yet (today is "
                                f"{today.isoformat()}): there is nothing to count"))


def parse_quarter(text: str) -> tuple[int, int, date, date]:
    """"2026Q4" (or "2026-Q4") as (year, quarter, first day, last day); ReportProblem when malformed."""
    match = re.fullmatch(r"(\d{4})-?[Qq]([1-4])", text.strip())
    if re.fullmatch(r"\d{4}", text.strip()):
        raise ReportProblem(say(f"“{text}” 是一年而不是一个季度（季度写作 2026Q4）：年度统计请用 report annual --year "
                                f"{text.strip()}",
                                f"“{text}” is a year, not a quarter (a quarter is written like 2026Q4): for the year's "
                                f"figures use report annual --year {text.strip()}"))
    if match is None:
        raise ReportProblem(say(f"季度 “{text}” 格式应为 2026Q4", f"quarter “{text}”: a quarter is written like 2026Q4"))
    year, quarter = int(match.group(1)), int(match.group(2))
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1) - timedelta(days=1)
    return year, quarter, first, last


def drill_time_text(drill: Drill) -> tuple[str, str]:
    """演练时间 and 演练时长 as a drill record prints them; what older records lack is 未记录."""
    start = f"{drill.held_on} {drill.start_time}" if drill.start_time else f"{drill.held_on} 时刻未记录"
    return start, f"历时 {drill.duration_minutes} 分钟" if drill.duration_minutes else "未记录"


class ReportService:
    """Builds the PDFs of DESIGN.md §6 for records within the session's scope."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store
        self.statistics = StatisticsQuery(session.store.db)

    def notice(self, notice_id: str, target: Path | str | BinaryIO, *, reprint: bool | None = None) -> None:
        """安全隐患整改通知书 (by its id or its number) exactly as issued, ready to print, sign, seal and hand over.

        A print after the issue day (or asked as one) is a reprint: the same content, marked 补打 with its
        date. Changes since (a deadline extended) show on the hazard page, never on the notice."""
        from safety_desk.reports.notice import NoticeDocument, render_notice
        from safety_desk.services.notices import NoticeService
        from safety_desk.store.notices import NoticeQuery

        found = self.store.notices.get(notice_id) or self.store.notices.by_number(notice_id)
        if found is None or found.deleted:
            raise ReportProblem(say(f"整改通知书 {notice_id} 不存在", f"no notice {notice_id}"))
        self.session.require_enterprise(found.enterprise_id)
        content = NoticeService(self.session).issued_content(found.id)
        today = self.session.clock.today()
        if reprint is None:
            reprint = today > date.fromisoformat(found.issued_on)
        # The photos attached are those the hazards had at issue (photos are evidence: their files never change).
        hazards = {hazard.id: hazard for hazard in NoticeQuery(self.store.db).hazards_of(found.id)}
        shown = [dataclasses.replace(hazards[item["hazard_id"]], photos=item.get("photos", []))
                 for item in content["items"] if item.get("hazard_id") in hazards]
        document = NoticeDocument.of_content(
            content, seal_text=found.seal or "", content_json=found.content or "",
            reprinted_on=today.isoformat() if reprint else None,
            photos=self._notice_photos(content["enterprise"]["name"], shown))
        unfit = unfit_bases(document.hazards, date.fromisoformat(found.issued_on))
        if unfit:  # only an older notice, issued before bases were checked, can have one
            raise ReportProblem(unfit.replace(say("整改通知书不能出具", "the notice cannot be issued"),
                                              say(f"整改通知书 {found.number} 不能打印",
                                                  f"notice {found.number} cannot be printed"), 1))
        render_notice(document, target, generated_at=self.session.clock.now())

    def _notice_photos(self, enterprise: str, hazards: list) -> list:
        """The photos of a notice's hazards in its order, captioned with each hazard's number and place."""
        printer = PrintPhotos(self.store)
        return [photo for number, hazard in enumerate(hazards, start=1)
                for photo in printer.photos(hazard.photos, enterprise, f"隐患{number}（{hazard.location or '现场'}）",
                                            person_id=hazard.found_by, when=hazard.found_on)]

    def scope(self, district_code: str | None) -> tuple[list[str] | None, str | None, str]:
        """District ids, enterprise id and the scope's printed name for a report of the city or one district."""
        enterprise_id = self.session.person.enterprise_id if self.session.role == "enterprise" else None
        visible = self.session.district_ids()
        if district_code is None:
            if enterprise_id is not None:
                return visible, enterprise_id, self.store.enterprises.require(enterprise_id).name
            return visible, None, "全市" if visible is None else "本人负责片区"
        district = self.store.districts.by_code(district_code)
        if district is None:
            raise ReportProblem(say(f"片区代码 {district_code} 不存在", f"no district with the code {district_code}"))
        if visible is not None and district.id not in visible:
            raise PermissionDenied(say(f"无权查看片区 {district.name}", f"district {district_code} is outside your scope"))
        return [district.id], enterprise_id, district.name

    def scope_choices(self) -> list[tuple[str | None, str]]:
        """(district code or None, name) of every scope the person may ask a summary or statistics for.

        None comes first: the city for the office, all of a leader's or inspector's districts, an
        enterprise's own documents for an enterprise (which is offered nothing else).
        """
        if self.session.role == "enterprise":
            return [(None, self.scope(None)[2])]
        visible = self.session.district_ids()
        districts = [d for d in self.store.districts.active() if visible is None or d.id in visible]
        first = "全市" if visible is None else "本人负责片区"
        return [(None, first)] + [(d.code, d.name) for d in districts]

    def quarterly(self, quarter: str, target: Path | str | BinaryIO, district_code: str | None = None,
                  uscc: str | None = None, *, file: bool = False) -> FiledFigures:
        """季度隐患排查治理统计 for the city (or the person's scope), one district, or one enterprise's own filing.

        `file`: 报出 the figures (the quarter must be over); a quarter filed before prints as filed, followed by
        how a recomputation today differs. Returns what was printed (the filing and the differences)."""
        from safety_desk.services.hazard_statistics import quarter_period

        return self._statistics("quarterly", quarter_period(quarter), target, district_code, uscc, file)

    def annual(self, year: str | int, target: Path | str | BinaryIO, district_code: str | None = None,
               uscc: str | None = None, *, file: bool = False) -> FiledFigures:
        """年度隐患排查治理统计 (due 31 January), for the same scopes as the quarterly one, filed the same way."""
        from safety_desk.services.hazard_statistics import year_period

        return self._statistics("annual", year_period(str(year)), target, district_code, uscc, file)

    def _statistics(self, kind: str, period, target: Path | str | BinaryIO, district_code: str | None,
                    uscc: str | None, file: bool) -> FiledFigures:
        from safety_desk.reports.quarterly import render_quarterly
        from safety_desk.services.hazard_statistics import HazardStatisticsService, printable

        stats = printable(HazardStatisticsService(self.session).statistics(period, district_code, uscc))
        if uscc is not None:
            enterprise_id = self.store.enterprises.by_uscc(uscc.strip()).id
        else:
            enterprise_id = self.scope(district_code)[1]
        printed, tail, figures = self._filed(kind, period.key, district_code or enterprise_id or "",
                                             f"{period.key}·{stats.scope}", stats, period.last, file)
        render_quarterly(printed, target, generated_at=self.session.clock.now(), tail=tail)
        return figures

    def _filed(self, kind: str, period: str, scope: str, number: str, stats, period_end: date, file: bool):
        """The figures to print for a period (filed ones if it was filed, after filing them if asked) and the
        flowables that end the document: the differences from today's figures and the seal."""
        from safety_desk.reports.filing_pages import filing_tail
        from safety_desk.reports.snapshots import from_snapshot, to_snapshot
        from safety_desk.services.filings import FiledFigures, FilingService

        filings = FilingService(self.session)
        now = to_snapshot(stats)
        if file:
            filing = filings.file(kind, period, scope, number, now, period_end=period_end)
            figures = FiledFigures(now, filing, None)
        else:
            figures = filings.figures(kind, period, scope, now)
        if figures.filing is None:
            return stats, [], figures
        filing = figures.filing
        tail = filing_tail(seal_text=filing.seal, content_json=filing.content, number=filing.number,
                           filed_on=filing.filed_on, printed_on=self.session.clock.today().isoformat(),
                           differences=figures.differences)
        return from_snapshot(type(stats), figures.content), tail, figures

    def office_name(self) -> str:
        office = self.store.offices.current()
        return office.name if office else ""

    def _person_name(self, person_id: str | None) -> str:
        person = self.store.people.get(person_id) if person_id else None
        return person.name if person else ""

    def _photo_bytes(self, photo_id: str) -> bytes:
        path = media_path(self.store.media_dir, photo_id)
        try:
            return read_media(path, photo_key_for(self.store.path))
        except UnreadableMedia as exc:
            raise MissingPhotoFile(str(exc)) from exc  # damaged here (doctor reports it): printed as missing
        except FileNotFoundError as exc:
            raise MissingPhotoFile(say(f"照片文件缺失: {path}", f"photo file missing: {path}")) from exc

    def inspection_record(self, inspection_id: str, target: Path | str | BinaryIO) -> None:
        """安全生产检查记录 of one inspection (a draft prints too, marked as not yet submitted)."""
        from safety_desk.reports.inspection_record import (
            InspectionRecord, RecordAnswer, RecordHazard, RecordSection, render_inspection_record,
        )

        inspection = self.store.inspections.get(inspection_id)
        if inspection is None:
            raise ReportProblem(say(f"检查记录 {inspection_id} 不存在", f"no inspection {inspection_id}"))
        self.session.require_enterprise(inspection.enterprise_id)
        enterprise = self.store.enterprises.require(inspection.enterprise_id)
        record = self.store.checklists.require(inspection.checklist_id)
        checklist = checklist_from_dict(record.body)
        answers = {a.item_code: a for a in self.store.answers.of_inspection(inspection_id)}
        visible = {item.code for item in applicable_items(checklist, inspection.gate_answers)}
        lead = self._person_name(inspection.lead_id)
        inspectors = [self._person_name(p) for p in inspection.inspector_ids if p != inspection.lead_id]
        campaign = self.store.campaigns.get(inspection.campaign_id) if inspection.campaign_id else None
        # The district it was inspected in: a signed record reprints as signed when the enterprise moves later.
        district = self.store.districts.get(inspection.district_id or enterprise.district_id)
        moment = beijing_minute(inspection.started_at)
        signed = datetime.fromisoformat(inspection.finished_at) if inspection.finished_at else None

        sections, photos, counts = [], [], {"pass": 0, "fail": 0, "na": 0, "open": 0}
        printer = PrintPhotos(self.store)
        for section in checklist.sections:
            applies = any(item.code in visible for item in section.items)
            rows = []
            for item in section.items:
                if item.code not in visible:
                    continue
                answer = answers.get(item.code)
                if answer is None:
                    rows.append(RecordAnswer(item.code, item.text, "未作答"))
                    counts["open"] += 1
                    continue
                failed = answer.result == AnswerResult.FAIL.value
                counts[{"pass": "pass", "fail": "fail", "na": "na"}.get(answer.result, "pass")] += 1
                result = RESULT_NAMES.get(answer.result, answer.result)
                if answer.value not in (None, ""):
                    result = f"{answer.value}{item.unit or ''}（{result}）"
                rows.append(RecordAnswer(item.code, item.text, result, answer.note, failed,
                                         grades_major(item, enterprise.industry)))
                if failed:  # the evidence of each failure; a passed item's photos stay in the application
                    photos += printer.photos(answer.photos, enterprise.name, f"检查项 {item.code} 不合格",
                                             person_id=inspection.lead_id, when=answer.answered_at)
            sections.append(RecordSection(f"{section.code} {section.title}", applies, rows))

        hazards = []
        for number, hazard in enumerate((h for h in self.store.hazards.of_inspection(inspection_id)
                                         if not h.deleted), start=1):
            photos += printer.photos(hazard.photos, enterprise.name, f"隐患 {number}", person_id=hazard.found_by,
                                     when=hazard.found_on)
            # The deadline given at the inspection, not one extended since (the same record reprints the same).
            state = (self.store.hazards.state(hazard.id, until=signed) if signed else None) \
                or self.store.hazards.state(hazard.id)
            deadline = state.deadline.isoformat() if state and state.deadline else ""
            hazards.append(RecordHazard(number=number, description=hazard.description, grade=hazard.grade,
                                        basis=hazard.basis, deadline=deadline))

        header = [
            ("被检查单位", enterprise.name), ("统一社会信用代码", enterprise.uscc),
            ("地址", enterprise.address), ("所属片区", district.name if district else ""),
            ("主要负责人", enterprise.principal), ("安全管理人员", f"{enterprise.safety_officer} {enterprise.contact_phone}"),
            ("检查类型", KIND_NAMES.get(inspection.kind, inspection.kind)),
            ("专项行动", campaign.name if campaign else "—"),
            ("检查表", f"{checklist.title}（第{checklist.version}版）"),
            ("依据标准", f"{checklist.standard.replace('各项依据见 basis', '各项依据见检查内容')}（{checklist.edition()}）"),
            ("检查时间", f"{moment} 至 {beijing_minute(inspection.finished_at) or '—'}"),
            ("检查组长", lead), ("检查人员", "、".join(inspectors) or "—"), ("", ""),
        ]
        summary = (f"应查 {len(visible)} 项：合格 {counts['pass']} 项，不合格 {counts['fail']} 项，"
                   f"不适用 {counts['na']} 项" + (f"，未作答 {counts['open']} 项" if counts["open"] else "")
                   + f"；发现隐患 {len(hazards)} 条"
                   + (f"，其中重大隐患 {sum(h.grade == '重大' for h in hazards)} 条。" if hazards else "。"))
        signature = {}
        for key, photo_id in (("inspector", inspection.signature_inspector),
                              ("enterprise", inspection.signature_enterprise)):
            signature[key] = self._photo_bytes(photo_id) if photo_id else None
        render_inspection_record(InspectionRecord(
            office=self.office_name(), reference=printed_number(inspection.id, moment[:10]), header=header, summary=summary,
            sections=sections, hazards=hazards, photos=photos, inspector_signature=signature["inspector"],
            enterprise_signature=signature["enterprise"], signed_on=beijing_minute(inspection.finished_at)[:10],
            status_note="" if inspection.status == "submitted" else "草稿：本检查尚未提交，内容可能变化。"), target, generated_at=self.session.clock.now())

    def drill_record(self, drill_id: str, target: Path | str | BinaryIO) -> None:
        """应急演练记录 of one held drill: particulars, evaluation, findings and their hazards, photos."""
        from safety_desk.reports.drill_record import DrillHazardLine, DrillRecord, render_drill_record
        from safety_desk.reports.pdf import CaptionedPhoto

        drill = self.store.drills.get(drill_id)
        if drill is None or drill.deleted:
            raise ReportProblem(say(f"演练 {drill_id} 不存在", f"no drill {drill_id}"))
        self.session.require_enterprise(drill.enterprise_id)
        if drill.status != "held":
            raise ReportProblem(say(f"演练“{drill.name}”计划于 {drill.held_on} 举行，尚未登记为已举行，不能打印演练记录",
                                    f"the drill “{drill.name}” is planned for {drill.held_on}, not yet held: record it first"))
        enterprise = self.store.enterprises.require(drill.enterprise_id)
        district = self.store.districts.get(drill.district_id)
        if drill.reported_on:
            reported = f"已于 {drill.reported_on} 报送"
        else:
            reported = "未报送"
        # The next drill of this plan's art. 33 group falls due counted from this one (6 or 12 months).
        schedule = drill_schedule([(date.fromisoformat(drill.held_on), drill.plan_type)], enterprise.high_risk,
                                  date.fromisoformat(drill.held_on), date.fromisoformat(drill.held_on))
        group = schedule.on_site if drill.plan_type == DrillPlanType.ON_SITE else schedule.comprehensive_or_specific
        next_due = f"{group.next_due.isoformat()}（{'现场处置方案演练' if drill.plan_type == DrillPlanType.ON_SITE else '综合或专项应急预案演练'}" \
                   f"{'，高危单位' if enterprise.high_risk else ''}）"
        when, length = drill_time_text(drill)
        particulars = [
            ("演练名称", drill.name), ("演练单位", enterprise.name),
            ("统一社会信用代码", enterprise.uscc), ("所属片区", district.name if district else ""),
            ("预案类型", drill.plan_type), ("演练类型", f"{drill.content} · {drill.form}"),
            ("演练时间", when), ("演练时长", length),
            ("演练地点", drill.place or "—"), ("参演人数", f"{drill.participants} 人"),
            ("组织人", drill.organiser or "—"), ("参演单位", drill.units or "—"),
            ("评估人员", drill.evaluators or "—"), ("计划日期", drill.planned_on or "未预先计划"),
            ("报送主管部门", reported), ("下次应演练", next_due),
        ]
        hazards = []
        for number, hazard in enumerate(self.store.hazards.of_drill(drill.id), start=1):
            state = self.store.hazards.state(hazard.id)
            hazards.append(DrillHazardLine(
                number=number, description=hazard.description, grade=hazard.grade,
                deadline=state.deadline.isoformat() if state and state.deadline else "",
                status=state.status.value if state else ""))
        photos = []
        for number, photo_id in enumerate(drill.photos, start=1):
            photo = self.store.photos.get(photo_id)
            taken = beijing_minute(photo.taken_at) if photo and photo.taken_at else drill.held_on
            lines = [f"{taken} · {enterprise.name}",
                     f"应急演练 {drill.name} · 组织人 {drill.organiser or '—'} · 照片 {number}"]
            photos.append(CaptionedPhoto(watermarked(self._photo_bytes(photo_id), lines),
                                     f"照片 {number}：{drill.name}（{drill.held_on}）"))
        render_drill_record(DrillRecord(
            office=self.office_name(), reference=printed_number(drill.id, drill.held_on), enterprise=enterprise.name,
            particulars=particulars, scenario=drill.scenario, objectives=drill.objectives,
            evaluation=drill.evaluation, findings=drill.findings, revisions=drill.revisions, hazards=hazards,
            photos=photos, organiser=drill.organiser, evaluators=drill.evaluators, held_on=drill.held_on,
            evaluator_names=evaluator_names(drill.evaluators)), target, generated_at=self.session.clock.now())

    def reinspection(self, hazard_id: str, target: Path | str | BinaryIO) -> None:
        """整改复查意见书 of a hazard's last re-inspection (accepted and closed, or returned for rectification).

        Issued (frozen and sealed) with its verdict, on the device that recorded it: the copy kept on the verdict
        event (services/reinspection_opinion.py) syncs with it, so every device prints that one document,
        whatever happened to the hazard since, a later day's print marked 补打. A verdict recorded before
        opinions travelled prints the copy this device kept on its first print (issue_reinspection); an
        enterprise's own copy of such an old verdict is made from the records and unsealed."""
        from safety_desk.reports.reinspection import ReinspectionOpinion, render_reinspection

        hazard, events, verdicts = self._verdicts(hazard_id)
        verdict = verdicts[-1]
        kept = None if verdict.opinion else self.issue_reinspection(hazard_id)
        today = self.session.clock.today().isoformat()
        if verdict.opinion:
            content, seal_text, content_json = json.loads(verdict.opinion), verdict.opinion_seal or "", verdict.opinion
            reprinted_on = today if today > content["reinspected_on"] else None
        elif kept is not None:
            content, seal_text, content_json = json.loads(kept.content), kept.seal, kept.content
            reprinted_on = today if today > kept.filed_on else None
        else:
            content = OpinionContent(self.session).build(hazard, events, verdicts)
            seal_text = content_json = ""
            reprinted_on = None
        photos = self._reinspection_photos(content["photos"])
        render_reinspection(ReinspectionOpinion.of_content(
            content, photos=photos, seal_text=seal_text, content_json=content_json, reprinted_on=reprinted_on),
            target, generated_at=self.session.clock.now())

    def issue_reinspection(self, hazard_id: str) -> Filing | None:
        """Freeze and seal, once (a write), the 整改复查意见书 of a verdict recorded before opinions were issued
        with their verdict: what its first print on a device of the office says is kept on that device, with its
        seal, and every later print there is that copy.

        Returns the kept copy, or None: the verdict carries its own opinion (nothing to write), an enterprise
        must not vouch for its own re-inspection, or a database with no device key seals nothing."""
        from safety_desk.domain.document_seal import canonical, content_digest
        from safety_desk.services.document_seals import DocumentSeals, SealingProblem

        hazard, events, verdicts = self._verdicts(hazard_id)
        if verdicts[-1].opinion:
            return None
        kept = self.store.filings.find(REINSPECTION_FILING, verdicts[-1].id, hazard.id)
        if kept is not None or self.session.role == "enterprise":
            return kept
        content = OpinionContent(self.session).build(hazard, events, verdicts)
        number = "".join(content["number"].split())  # a seal's fields carry no blanks: a scanner drops them
        try:
            seal = DocumentSeals(self.session).seal("R", number, content["reinspected_on"], content)
        except SealingProblem:
            return None
        return self.store.filings.add(Filing(
            id=self.store.db.new_id(), kind=REINSPECTION_FILING, period=verdicts[-1].id, scope=hazard.id,
            number=number, content=canonical(content).decode("utf-8"), digest=content_digest(content),
            seal=seal.text(), filed_on=self.session.clock.today().isoformat(), filed_by=self.session.person.id))

    def _verdicts(self, hazard_id: str) -> tuple:
        """The hazard (within the person's scope), its events in clock order, and its re-inspection verdicts."""
        hazard = self.store.hazards.get(hazard_id)
        if hazard is None or hazard.deleted:
            raise ReportProblem(say(f"隐患 {hazard_id} 不存在", f"no hazard {hazard_id}"))
        self.session.require_enterprise(hazard.enterprise_id)
        events = sorted(self.store.hazards.events(hazard.id), key=lambda event: event.clock)
        verdicts = [event for event in events if event.kind in VERDICT_KINDS]
        if not verdicts:
            raise ReportProblem(say(f"隐患“{hazard.description[:30]}”尚未复查，没有复查意见书可打印",
                                    f"hazard “{hazard.description[:30]}” has not been re-inspected: there is no "
                                    "re-inspection opinion to print"))
        return hazard, events, verdicts

    def _reinspection_photos(self, photos: list[dict]) -> list:
        """The after-rectification photos as kept in an opinion (their files never change), watermarked."""
        from safety_desk.reports.pdf import CaptionedPhoto

        return [CaptionedPhoto(watermarked(self._photo_bytes(photo["id"]), photo["lines"]), photo["caption"])
                for photo in photos]

    def hazard_record(self, hazard_id: str, target: Path | str | BinaryIO) -> None:
        """安全隐患整改记录 of one hazard: particulars, before and after photos side by side, its history."""
        from safety_desk.services.hazard_record import write_hazard_record
        from safety_desk.services.hazards import HazardService

        if self.store.hazards.get(hazard_id) is None:
            raise ReportProblem(say(f"隐患 {hazard_id} 不存在", f"no hazard {hazard_id}"))
        detail = HazardService(self.session).detail(hazard_id)  # refuses a hazard outside the person's scope
        write_hazard_record(detail, PrintPhotos(self.store), self.office_name(), target,
                            generated_at=self.session.clock.now())
