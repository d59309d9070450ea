"""Rectification notices (隐患整改通知书): issued for open hazards of one enterprise, numbered from device blocks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from safety_desk.domain.document_seal import canonical
from safety_desk.domain.hazard_status import HazardStatus, overdue_days
from safety_desk.domain.bases import unfit_bases
from safety_desk.domain.language import say
from safety_desk.domain.notice_numbers import (
    NoticePatternError, format_notice_number, validate_block_size, validate_notice_pattern,
)
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.notice_content import (
    MAJOR, NoticeContent, NoticeContentProblem, check_dates, short_text as _short, with_authority,
)
from safety_desk.services.session import Action, Session
from safety_desk.settings import Settings
from safety_desk.store.notices import NoticeCountsRow, NoticeQuery, notice_with_number
from safety_desk.store.records import District, Enterprise, Hazard, Notice, NoticeBlock

__all__ = ["IssuePreview", "NoticeDetail", "NoticeHazardRow", "NoticeNumbersExhausted", "NoticePatternError",
           "NoticeProblem", "NoticeService", "NoticeSummary"]

# Hazards the enterprise has answered for: reported rectified (awaiting re-inspection) or closed.
_REPLIED = (HazardStatus.AWAITING_REVIEW.value, HazardStatus.CLOSED.value)


class NoticeProblem(ValueError):
    """A notice cannot be issued as asked (mixed enterprises, a closed hazard, a past reply date ...)."""


class NoticeNumbersExhausted(NoticeProblem):
    """This device has no notice number left for the year; only the office can give it more."""


@dataclass(frozen=True)
class NoticeHazardRow:
    """A hazard on (or about to go on) a notice, with its folded status as of the service's today."""

    hazard: Hazard
    status: str | None  # None until the hazard's created event has arrived (sync order)
    deadline: date | None
    overdue_days: int


@dataclass(frozen=True)
class NoticeDetail:
    notice: Notice
    enterprise: Enterprise
    district: District | None
    issued_by_name: str
    hazards: list[NoticeHazardRow]

    @property
    def replied(self) -> bool:
        """Every hazard on the notice is reported rectified or closed."""
        return all(row.status in _REPLIED for row in self.hazards)


@dataclass(frozen=True)
class NoticeSummary:
    """A notice in a list: its hazards, how many still await the enterprise's reply, days to the reply date."""

    notice: Notice
    enterprise_name: str
    hazards: int
    outstanding: int
    days_left: int  # negative once the reply is overdue

    @property
    def reply_due(self) -> date:
        return date.fromisoformat(self.notice.reply_due)

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days_left)

    @property
    def overdue(self) -> bool:
        return self.outstanding > 0 and self.days_left < 0


@dataclass(frozen=True)
class IssuePreview:
    """What issuing would produce, checked but not written: the enterprise, its hazards, the next number."""

    enterprise: Enterprise
    hazards: list[NoticeHazardRow]
    year: int
    number: str | None  # None when no number can be given (number_problem says why)
    number_problem: str | None
    default_reply_due: date


def exhausted_message(year: int) -> str:
    return (say(f"本设备本年度通知书编号已用完，请与安全办同步以获取新的编号段",
                f"this device has no notice numbers left for {year}; sync with the safety office to get a new block"))


class NoticeService:
    """Issues and reads notices within the signed-in person's scope; numbering never repeats or collides.

    Each device numbers its notices only from the blocks the office allocated to it for the year
    (store/notices.py), so devices issuing offline never give out the same number. The office's own
    device takes a new block itself when it runs out; any other device has to sync with the office.
    """

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()
        self.query = NoticeQuery(session.store.db)

    # -- numbering ------------------------------------------------------------------------------
    def is_office_device(self) -> bool:
        """Whether this database is the safety office's device, the one that allocates number blocks."""
        device = self.store.devices.get(self.store.db.device_id)
        return device is not None and device.role == "office" and not device.deleted and device.revoked_at is None

    def remaining_numbers(self, year: int | None = None) -> int:
        """Notice numbers this device may still issue in `year` (this year by default) from its blocks.

        On the office's device a new block is taken when these run out, so 0 there is not a stop.
        """
        year = year or self.session.clock.today().year
        return self.store.notice_blocks.remaining(self.store.db.device_id, year)

    def blocks(self, year: int | None = None) -> list[NoticeBlock]:
        """This device's blocks of `year`, lowest first."""
        return self.store.notice_blocks.of_device(self.store.db.device_id, year or self.session.clock.today().year)

    def next_number(self, year: int | None = None) -> str:
        """The number the next notice of `year` issued here would get (nothing is reserved)."""
        year = year or self.session.clock.today().year
        pattern = validate_notice_pattern(self.settings.notice_pattern)
        seq = self.store.notice_blocks.next_seq(self.store.db.device_id, year)
        if seq is None:
            if not self.is_office_device():
                raise NoticeNumbersExhausted(exhausted_message(year))
            seq = self.store.notice_blocks.next_free_seq(year)
        return format_notice_number(pattern, year, seq)

    def allocate_block(self, device_id: str, year: int, size: int | None = None) -> NoticeBlock:
        """Give `device_id` the next free `size` numbers of `year` (the office's device only).

        Called when the office enrols a device and when a device asks for more numbers by sync.
        Device enrolment is office administration, so it takes the office's MANAGE_PEOPLE right.
        """
        self.session.require(Action.MANAGE_PEOPLE)
        if not self.is_office_device():
            raise NoticeProblem(say("只有安全办的设备可以分配通知书编号段",
                                    "only the safety office's device allocates blocks of notice numbers"))
        device = self.store.devices.get(device_id)
        if device is None or device.deleted:
            raise NoticeProblem(say(f"设备 {device_id} 未登记", f"device {device_id} is not enrolled"))
        if device.revoked_at is not None:
            raise NoticeProblem(say(f"设备“{device.name}”已被停用", f"device {device.name} was revoked"))
        if not 2000 <= year <= 9999:
            raise NoticeProblem(say(f"年份 {year} 无效", f"year {year} is not valid"))
        size = validate_block_size(self.settings.notice_block_size if size is None else size)
        return self.store.notice_blocks.allocate(device_id, year, size, allocated_on=self.session.clock.today().isoformat(),
                                                 allocated_by=self.session.person.id)

    def _take_seq(self, year: int) -> int:
        """The next sequence number from this device's blocks; inside the issuing transaction."""
        blocks = self.store.notice_blocks
        device_id = self.store.db.device_id
        seq = blocks.next_seq(device_id, year)
        if seq is None:
            if not self.is_office_device():
                raise NoticeNumbersExhausted(exhausted_message(year))
            blocks.allocate(device_id, year, validate_block_size(self.settings.notice_block_size),
                            allocated_on=self.session.clock.today().isoformat(), allocated_by=self.session.person.id)
            seq = blocks.next_seq(device_id, year)
            assert seq is not None
        return seq

    # -- issuing --------------------------------------------------------------------------------
    def may_issue(self) -> bool:
        return self.session.may(Action.EDIT_HAZARD)

    def _row(self, hazard: Hazard, today: date) -> NoticeHazardRow:
        state = self.store.hazards.state(hazard.id)
        if state is None:
            return NoticeHazardRow(hazard, None, None, 0)
        return NoticeHazardRow(hazard, state.status.value, state.deadline, overdue_days(state, today))

    def _checked(self, hazard_ids: Iterable[str]) -> tuple[Enterprise, list[NoticeHazardRow]]:
        """The one enterprise and the open, not yet noticed hazards; NoticeProblem naming the first fault."""
        ids = list(dict.fromkeys(hazard_ids))
        if not ids:
            raise NoticeProblem(say("请至少选择一条隐患", "choose at least one hazard for the notice"))
        hazards = []
        for hazard_id in ids:
            hazard = self.store.hazards.get(hazard_id)
            if hazard is None or hazard.deleted:
                raise NoticeProblem(say(f"隐患 {hazard_id} 不存在或已删除", f"hazard {hazard_id} does not exist or was deleted"))
            self.session.require_enterprise(hazard.enterprise_id)
            hazards.append(hazard)
        enterprise_ids = list(dict.fromkeys(h.enterprise_id for h in hazards))
        enterprises = [self.store.enterprises.require(e) for e in enterprise_ids]
        if len(enterprises) > 1:
            names = "、".join(e.name for e in enterprises)
            raise NoticeProblem(say(f"所选隐患属于 {len(enterprises)} 个企业（{names}），一份整改通知书只能针对一个企业",
                                    f"the hazards belong to {len(enterprises)} enterprises: {names}; a notice covers the hazards of one enterprise"))
        today = self.session.clock.today()
        rows = []
        for hazard in hazards:
            row = self._row(hazard, today)
            shown = _short(hazard.description)
            if row.status is None:
                raise NoticeProblem(say(f"隐患“{shown}”的登记记录尚未同步到本设备",
                                        f"hazard “{shown}” has no created event here yet; sync, then try again"))
            if row.status == HazardStatus.CLOSED.value:
                raise NoticeProblem(say(f"隐患“{shown}”已销号，不能列入整改通知书",
                                        f"hazard “{shown}” is closed and cannot go on a notice"))
            if hazard.notice_id is not None:
                notice = self.store.notices.get(hazard.notice_id)
                number = notice.number if notice else hazard.notice_id
                raise NoticeProblem(say(f"隐患“{shown}”已列入整改通知书 {number}",
                                        f"hazard “{shown}” is already on notice {number}"))
            if not hazard.measures.strip():
                # The notice prints the measures the inspector typed; "限期整改" alone tells the enterprise nothing.
                raise NoticeProblem(say(f"隐患“{shown}”未填写整改措施，请先在隐患详情中填写后再开具整改通知书",
                                        f"hazard “{shown}” has no rectification measures: fill them in on the hazard "
                                        "before issuing a notice"))
            rows.append(row)
        return enterprises[0], rows

    def default_reply_due(self, rows: Iterable[NoticeHazardRow]) -> date:
        """The latest deadline of the hazards, so the reply reports on all of them; today + the general
        rectification period when none of their deadlines lies ahead."""
        today = self.session.clock.today()
        deadlines = [row.deadline for row in rows if row.deadline is not None]
        latest = max(deadlines) if deadlines else None
        if latest is not None and latest >= today:
            return latest
        return today + timedelta(days=self.settings.deadline_days_general)

    def preview(self, hazard_ids: Iterable[str]) -> IssuePreview:
        """Check the hazards as issue() would and say which number the notice would get; writes nothing."""
        self.session.require(Action.EDIT_HAZARD)
        enterprise, rows = self._checked(hazard_ids)
        year = self.session.clock.today().year
        try:
            number, problem = self.next_number(year), None
        except (NoticeNumbersExhausted, NoticePatternError) as exc:
            number, problem = None, str(exc)
        return IssuePreview(enterprise=enterprise, hazards=rows, year=year, number=number, number_problem=problem,
                            default_reply_due=self.default_reply_due(rows))

    def issue(self, hazard_ids: Iterable[str], *, reply_due: date, reinspect_on: date | None = None,
              copy_to: str = "") -> Notice:
        """Issue one notice for open hazards of one enterprise, in one transaction: take the next number
        of this device's blocks, freeze what the notice says (services/notice_content.py) with its seal,
        write the notice, link every hazard to it. Nothing changes on refusal.

        Every hazard needs the measures the inspector typed; the reply falls on or after the last deadline
        and the re-inspection, when one is set, after it. A notice with a major hazard
        is copied (抄送) to the authority in the settings."""
        self.session.require(Action.EDIT_HAZARD)
        pattern = validate_notice_pattern(self.settings.notice_pattern)
        today = self.session.clock.today()
        if reply_due < today:
            raise NoticeProblem(say(f"回复期限 {reply_due.isoformat()} 早于今天 {today.isoformat()}",
                                    f"the reply date {reply_due.isoformat()} is before today, {today.isoformat()}"))
        if reinspect_on is not None and reinspect_on < today:
            raise NoticeProblem(say(f"复查日期 {reinspect_on.isoformat()} 早于今天 {today.isoformat()}",
                                    f"the re-inspection date {reinspect_on.isoformat()} is before today, {today.isoformat()}"))
        ids = list(hazard_ids)
        person = self.session.person
        with self.store.transaction():
            # Checked inside the transaction: another window or process cannot slip a notice in between.
            enterprise, rows = self._checked(ids)
            unfit = unfit_bases([row.hazard for row in rows], today)
            if unfit:  # a basis 待核 or from a superseded edition cannot go out on an official document
                raise NoticeProblem(unfit)
            year = today.year
            seq = self._take_seq(year)
            number = format_notice_number(pattern, year, seq)
            if notice_with_number(self.store.db, number) is not None:
                # Only a pattern changed mid-year can do this; the UNIQUE constraint would refuse it anyway.
                raise NoticeProblem(say(f"通知书编号 {number} 已被使用，请检查设置中的编号格式",
                                        f"notice number {number} is taken: check the number pattern in the settings"))
            office = self.store.offices.current()
            has_major = any(row.hazard.grade == MAJOR for row in rows)
            content = NoticeContent(self.store).build(
                number=number, issued_on=today, office=office.name if office else "", enterprise_id=enterprise.id,
                district_id=enterprise.district_id, hazards=[(row.hazard, row.deadline) for row in rows],
                reply_due=reply_due, reinspect_on=reinspect_on, issued_by=person.id,
                copy_to=with_authority(copy_to, self.settings.major_hazard_authority, has_major))
            try:
                check_dates(content["items"], reply_due, reinspect_on)
            except NoticeContentProblem as exc:
                raise NoticeProblem(str(exc)) from None
            seal = DocumentSeals(self.session).seal("N", number, today.isoformat(), content)
            notice = self.store.notices.add(Notice(
                id=self.store.db.new_id(), number=number, year=year, seq=seq, enterprise_id=enterprise.id,
                district_id=enterprise.district_id, issued_on=today.isoformat(), reply_due=reply_due.isoformat(),
                issued_by=person.id, reinspect_on=reinspect_on.isoformat() if reinspect_on else None,
                copy_to=content["copy_to"],
                content=canonical(content).decode("utf-8"), seal=seal.text()))
            for row in rows:
                self.store.hazards.update(row.hazard.id, notice_id=notice.id)
        return notice

    def issued_content(self, notice_id: str) -> dict:
        """What the notice says: as frozen at issue, or for an older notice rebuilt as it was issued."""
        notice = self.store.notices.require(notice_id)
        self.session.require_enterprise(notice.enterprise_id)
        if notice.content:
            return json.loads(notice.content)
        office = self.store.offices.current()
        return NoticeContent(self.store).of_older_notice(notice, self.query.hazards_of(notice.id),
                                                         office.name if office else "")

    # -- reading --------------------------------------------------------------------------------
    def notice(self, notice_id: str) -> NoticeDetail:
        notice = self.store.notices.require(notice_id)
        self.session.require_enterprise(notice.enterprise_id)
        issuer = self.store.people.get(notice.issued_by) if notice.issued_by else None
        today = self.session.clock.today()
        return NoticeDetail(notice=notice, enterprise=self.store.enterprises.require(notice.enterprise_id),
                            district=self.store.districts.get(notice.district_id),
                            issued_by_name=issuer.name if issuer else "",
                            hazards=[self._row(h, today) for h in self.query.hazards_of(notice_id)])

    def of_enterprise(self, enterprise_id: str, as_of: date | None = None) -> list[NoticeSummary]:
        """The enterprise's notices, newest first."""
        self.session.require_enterprise(enterprise_id)
        as_of = as_of or self.session.clock.today()
        return [self._summary(row, as_of) for row in self.query.of_enterprise(enterprise_id)]

    def awaiting_reply(self, as_of: date | None = None) -> list[NoticeSummary]:
        """Notices in scope with a hazard still 待整改 or 整改中, soonest (most overdue) reply first."""
        as_of = as_of or self.session.clock.today()
        own = self.session.person.enterprise_id if self.session.role == "enterprise" else None
        rows = self.query.awaiting_reply(self.session.district_ids(), own)
        return [self._summary(row, as_of) for row in rows]

    @staticmethod
    def _summary(row: NoticeCountsRow, as_of: date) -> NoticeSummary:
        days_left = (date.fromisoformat(row.notice.reply_due) - as_of).days
        return NoticeSummary(notice=row.notice, enterprise_name=row.enterprise_name, hazards=row.hazards,
                             outstanding=row.outstanding, days_left=days_left)
