"""安全生产周报: the figures of a week (or any period) for the city or a district, as data, JSON and PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from safety_desk.domain.drills import DrillRule
from safety_desk.domain.language import say
from safety_desk.services.campaigns import CampaignProgress, campaign_progress
from safety_desk.services.dashboard import DashboardService, WeekBar, week_start
from safety_desk.services.drills import DrillDue, drills_due
from safety_desk.services.incidents import GoalStatus, IncidentRow, goal_status, incident_rows
from safety_desk.services.ledger import LedgerFilter, LedgerRow, LedgerService
from safety_desk.services.reports import ReportProblem, ReportService, refuse_future
from safety_desk.services.session import Session
from safety_desk.services.training import TrainingRow, TrainingService
from safety_desk.settings import Settings
from safety_desk.store.records import Campaign, HazardTally
from safety_desk.store.statistics import InspectionWork, MajorHazardTally, StatisticsQuery, WorkQuery

# Problem categories and enterprises listed in the summary's breakdowns, most hazards first.
TOP_CATEGORIES = 5
TOP_ENTERPRISES = 15

# Long lists are cut here in print (the same limit as reports/weekly.py); the counts always cover everything.
LIMIT = 30



@dataclass(frozen=True)
class Period:
    start: date
    end: date
    key: str  # "2026-W48", or "2026-11-01..2026-11-20" for a range
    label: str  # 2026年第48周（11月23日—11月29日）

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def iso_week(text: str) -> Period:
    """ "2026-W48" (or "2026W48") as its Monday-to-Sunday period; ReportProblem when malformed."""
    match = re.fullmatch(r"(\d{4})-?[Ww](\d{1,2})", text.strip())
    try:
        if match is None:
            raise ValueError
        year, week = int(match.group(1)), int(match.group(2))
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ReportProblem(say(f"周次 “{text}” 格式应为 2026-W48", f"week “{text}”: an ISO week is written like 2026-W48")) from None
    sunday = monday + timedelta(days=6)
    return Period(monday, sunday, f"{year}-W{week:02d}",
                  f"{year}年第{week}周（{monday.month}月{monday.day}日—{sunday.month}月{sunday.day}日）")


def date_range(start: date, end: date) -> Period:
    if end < start:
        raise ReportProblem(say(f"结束日期 {end} 早于开始日期 {start}", f"the period ends ({end}) before it starts ({start})"))
    if (end - start).days > 366:
        raise ReportProblem(say("周报期间不能超过一年", "a summary covers at most one year"))
    return Period(start, end, f"{start.isoformat()}..{end.isoformat()}",
                  f"{start.isoformat()} 至 {end.isoformat()}")


@dataclass(frozen=True)
class WeeklySummary:
    office: str
    period: Period
    as_of: date  # open and overdue are judged on this day (the period's end, or today if earlier)
    scope: str
    scope_code: str | None
    work: InspectionWork
    enterprises_total: int
    found: HazardTally  # hazards found in the period, standing as of as_of
    closed_in_period: int
    open_total: int
    overdue_total: int
    year_found: int
    year_closed: int
    overdue: list[LedgerRow]
    majors: list[LedgerRow]
    majors_total: int
    due_next_week: list[LedgerRow]
    due_next_week_total: int
    campaigns: list[CampaignProgress]
    trainings: list[TrainingRow]
    drills_held: list[tuple[str, str, str, int, str]]
    drills_overdue: list[DrillDue]
    incidents: list[IncidentRow]
    goal: GoalStatus
    weeks: list[WeekBar]
    open_by_district: list[tuple[str, int]]
    majors_tally: MajorHazardTally
    top_categories: list[HazardTally]  # found in the period, by category
    by_enterprise: list[HazardTally]  # found in the period, by enterprise
    drills_due_next_week: list[DrillDue]
    campaigns_next_week: list[Campaign]
    issued_on: date  # the day it was printed (成文日期)
    distribution: "WeeklyDistribution"
    # An enterprise's own summary: its name (it compiles its figures under it, and reports them to the office);
    # "" for the office's, a district's or an inspector's summary.
    enterprise: str = ""

    @property
    def issuer(self) -> str:
        """编发单位: the enterprise for its own summary, otherwise the office."""
        return self.enterprise or self.office

    @property
    def issue(self) -> str:
        """期号: the ISO week's number in its year ("2026年第48期"); a free period has none."""
        match = re.fullmatch(r"(\d{4})-W(\d{2})", self.period.key)
        return f"{match.group(1)}年第{int(match.group(2))}期" if match else ""

    @property
    def period_rate(self) -> float | None:
        """The period's rectification rate: of the hazards found in it, the share closed by its end."""
        return self.found.closed / self.found.found if self.found.found else None

    @property
    def quiet(self) -> bool:
        """Nothing at all was recorded in the period (the summary then says so in so many words)."""
        return not (self.work.inspections or self.work.self_inspections or self.found.found or self.closed_in_period
                    or self.trainings or self.drills_held or self.incidents)

    @property
    def year_rate(self) -> float | None:
        return self.year_closed / self.year_found if self.year_found else None

    def as_json(self) -> dict[str, Any]:
        """The figures scripts read (`--json`); keys are documented in the README and never renamed."""
        return {
            "week": self.period.key, "from": self.period.start.isoformat(), "to": self.period.end.isoformat(),
            "as_of": self.as_of.isoformat(), "scope": self.scope_code or "city", "scope_name": self.scope,
            "inspections": self.work.inspections, "enterprises_inspected": self.work.enterprises,
            "enterprises_total": self.enterprises_total, "unannounced_inspections": self.work.unannounced,
            "leader_visits": self.work.leader_visits, "inspector_days": self.work.inspector_days,
            "self_inspections": self.work.self_inspections,
            "hazards_found_general": self.found.general, "hazards_found_major": self.found.major,
            "hazards_closed": self.closed_in_period, "hazards_open": self.open_total,
            "hazards_overdue": self.overdue_total, "major_hazards_open": self.majors_total,
            "rectification_rate_year": None if self.year_rate is None else round(self.year_rate, 4),
            "trainings": len(self.trainings), "training_attendees": sum(t.training.attendees for t in self.trainings),
            "drills_held": len(self.drills_held), "drills_overdue": len(self.drills_overdue),
            "incidents": len(self.incidents), "deaths": sum(r.incident.deaths for r in self.incidents),
            "liable_incidents_larger_or_above": sum(r.breaks_goal for r in self.incidents),
            "goal_holds": self.goal.holds, "deadlines_next_week": self.due_next_week_total,
            "issue": self.issue, "issued_on": self.issued_on.isoformat(),
            "rectification_rate_period": None if self.period_rate is None else round(self.period_rate, 4),
            "hazards_found_closed": self.found.closed,
            "major_hazards_new": self.majors_tally.new, "major_hazards_under_treatment": self.majors_tally.under_treatment,
            "major_hazards_closed": self.majors_tally.closed, "major_hazards_supervised": self.majors_tally.supervised,
            "top_categories": [{"category": t.name, "found": t.found} for t in self.top_categories],
            "drills_due_next_week": len(self.drills_due_next_week),
        }


@dataclass(frozen=True)
class WeeklyDistribution:
    """Who the summary goes to and who signs it off (the settings' texts; blank: a line to write on)."""

    report_to: str = ""
    copy_to: str = ""
    compiled_by: str = ""
    reviewed_by: str = ""
    signed_by: str = ""
    next_week_plan: str = ""

    @classmethod
    def of(cls, settings: Settings) -> "WeeklyDistribution":
        return cls(settings.weekly_report_to.strip(), settings.weekly_copy_to.strip(),
                   settings.weekly_compiled_by.strip(), settings.weekly_reviewed_by.strip(),
                   settings.weekly_signed_by.strip(), settings.weekly_next_week_plan.strip())


class WeeklyService:
    """Computes the weekly summary within the signed-in person's scope (optionally one district of it)."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()  # read on each call: the settings page may change the rule

    def summary(self, period: Period, district_code: str | None = None) -> WeeklySummary:
        refuse_future(period.start, self.session.clock.today(),
                      say(f"周报期间{period.label}", f"the period of the summary {period.key}"))
        reports = ReportService(self.session)
        district_ids, enterprise_id, scope_name = reports.scope(district_code)
        session = self.session if district_code is None else self.session.within(district_ids)
        as_of = min(self.session.clock.today(), period.end)
        ledger = LedgerService(session.at(as_of))
        statistics, work = StatisticsQuery(self.store.db), WorkQuery(self.store.db)
        year_start = date(as_of.year, 1, 1)

        overdue_filter, majors_filter = LedgerFilter(overdue_only=True), LedgerFilter(open_only=True, grade="重大")
        next_monday = period.end + timedelta(days=1)
        due_filter = LedgerFilter(deadline_from=next_monday, deadline_to=next_monday + timedelta(days=6))
        dashboard = DashboardService(session.at(as_of))
        weeks = dashboard.weeks(week_start(period.end))
        districts = {d.id: d.name for d in ledger.districts()}
        open_counts = dashboard.query.open_by_district(district_ids, enterprise_id, as_of)
        year_tally = statistics.tally(district_ids, enterprise_id, year_start, as_of, as_of)
        trainings = TrainingService(session.at(as_of)).in_period(period.start, period.end)
        incidents = self.store.incidents.in_scope(period.start, period.end, district_ids, enterprise_id)
        next_sunday = next_monday + timedelta(days=6)
        # Drills due next week: an enterprise's next art. 33 drill falls due then, or one is planned then.
        # One pass over the enterprises' drills: overdue now, and due next week (DrillDue lists both).
        drills_by_then = drills_due(session, as_of, (next_sunday - as_of).days,
                                    DrillRule(self.settings.drill_rule))
        due_drills = [due for due in drills_by_then
                      if not due.overdue and (next_monday <= due.next_due <= next_sunday or (
                          due.planned is not None and next_monday.isoformat() <= due.planned.held_on
                          <= next_sunday.isoformat()))]
        campaigns = {c.id: c for day in (next_monday, next_sunday) for c in self.store.campaigns.running_on(day)}
        progress = campaign_progress(session, as_of)
        distribution = WeeklyDistribution.of(self.settings)
        if enterprise_id is not None:
            # Its own summary: only the campaigns that include it, and none of the office's sign-off names (the
            # weekly settings are the office's); it goes to the office.
            progress = [p for p in progress if p.targets]
            campaigns = {key: c for key, c in campaigns.items()
                         if self.store.campaigns.target_ids(c, None, enterprise_id)}
            distribution = WeeklyDistribution(report_to=reports.office_name())
        period_args = (district_ids, enterprise_id, period.start, period.end, as_of)
        return WeeklySummary(
            office=reports.office_name(), period=period, as_of=as_of, scope=scope_name, scope_code=district_code,
            work=work.inspection_work(district_ids, enterprise_id, period.start, period.end),
            enterprises_total=self.store.enterprises.count_as_of(district_ids, as_of) if enterprise_id is None else 1,
            found=statistics.tally(district_ids, enterprise_id, period.start, period.end, as_of),
            closed_in_period=statistics.closed_between(district_ids, enterprise_id, period.start, period.end, as_of),
            open_total=ledger.count(LedgerFilter(open_only=True)), overdue_total=ledger.count(overdue_filter),
            year_found=year_tally.found, year_closed=year_tally.closed,
            overdue=ledger.page(overdue_filter, "overdue_days", True, 0, LIMIT),
            majors=ledger.page(majors_filter, "found_on", True, 0, LIMIT),
            majors_total=ledger.count(majors_filter),
            due_next_week=ledger.page(due_filter, "deadline", False, 0, LIMIT),
            due_next_week_total=ledger.count(due_filter),
            campaigns=progress, trainings=trainings,
            # Plain tuples, not the store's rows: a filed summary is kept as JSON (services/weekly_filing.py).
            drills_held=[tuple(row) for row in work.drills_held(district_ids, enterprise_id, period.start, period.end)],
            drills_overdue=[due for due in drills_by_then if due.overdue],
            incidents=incident_rows(session, incidents), goal=goal_status(session, as_of.year, as_of),
            weeks=weeks, open_by_district=[(name, open_counts.get(district_id, 0))
                                           for district_id, name in districts.items()],
            majors_tally=statistics.majors(*period_args),
            top_categories=statistics.tally_by("category", *period_args)[:TOP_CATEGORIES],
            by_enterprise=statistics.tally_by("enterprise", *period_args)[:TOP_ENTERPRISES],
            drills_due_next_week=due_drills[:LIMIT], campaigns_next_week=sorted(
                campaigns.values(), key=lambda c: (c.starts_on, c.name)),
            issued_on=self.session.clock.today(), distribution=distribution,
            enterprise=scope_name if enterprise_id is not None else "")

    def document(self, period: Period, target: Path | str | BinaryIO, district_code: str | None = None, *,
                 file: bool = False):
        """The week's summary as a PDF: `file` 报出 it (the week must be over, once); a filed week prints as
        filed. Returns FiledFigures (the filing, and how today's figures differ) as the statistics do."""
        from safety_desk.services.weekly_filing import print_weekly

        return print_weekly(self, period, target, district_code, file)

    def write_pdf(self, summary: WeeklySummary, target: Path | str | BinaryIO) -> None:
        from safety_desk.reports.weekly import render_weekly

        render_weekly(summary, target, generated_at=self.session.clock.now())
