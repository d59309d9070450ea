"""工作台 figures: each hazard figure is the count of the ledger filter behind it, so a click shows those rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from safety_desk.domain.drills import DrillRule
from safety_desk.services.campaigns import CampaignProgress, campaign_progress
from safety_desk.services.drills import DrillDue, drills_due
from safety_desk.services.incidents import GoalStatus, goal_status
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.notices import NoticeService, NoticeSummary
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.dashboard import DashboardQuery, EnterpriseMark
from safety_desk.store.records import District

CHART_WEEKS = 12
COLOURS = ("red", "orange", "yellow", "blue")
# What each colour of the overview means (an enterprise takes the colour of its worst open hazard).
COLOUR_NAMES = {"red": "红", "orange": "橙", "yellow": "黄", "blue": "蓝"}


@dataclass(frozen=True)
class Figure:
    """One number on the dashboard and the ledger filter whose rows it counts (None: not hazards)."""

    key: str
    value: int
    ledger: LedgerFilter | None = None


@dataclass(frozen=True)
class WeekBar:
    monday: date
    found: int
    closed: int

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


@dataclass(frozen=True)
class DistrictRow:
    """A district's open hazards, coverage this month and quarter, and enterprises per colour."""

    district: District
    open_hazards: int
    enterprises: int
    covered_month: int
    covered_quarter: int
    colours: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkItem:
    """A line of "my work": what to do, for which hazard or inspection, and how late it is."""

    kind: str  # "review", "rectify", "overdue", "draft"
    title: str
    detail: str
    due: str | None
    overdue_days: int
    hazard_id: str | None = None
    inspection_id: str | None = None


@dataclass(frozen=True)
class Dashboard:
    as_of: date
    goal: GoalStatus
    figures: dict[str, Figure]
    rectification_rate: float | None  # share of this year's hazards closed; None when none found
    weeks: list[WeekBar]
    districts: list[DistrictRow]
    work: list[WorkItem]
    drills: list[DrillDue]  # enterprises overdue for a drill
    notices: list[NoticeSummary]  # notices awaiting the enterprise's reply
    campaigns: list[CampaignProgress]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class DashboardService:
    """Computes the dashboard for the signed-in person's scope (all districts for the office)."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.ledger = LedgerService(session)
        self.settings = settings or Settings()  # read on each call: the settings page may change the rule
        self.query = DashboardQuery(session.store.db)

    def _scope(self) -> tuple[list[str] | None, str | None]:
        enterprise_id = self.session.person.enterprise_id if self.session.role == "enterprise" else None
        return self.session.district_ids(), enterprise_id

    def hazard_filters(self, as_of: date) -> dict[str, LedgerFilter]:
        """The ledger filter behind every hazard figure."""
        year = date(as_of.year, 1, 1)
        return {
            "open_general": LedgerFilter(open_only=True, grade="一般"),
            "open_major": LedgerFilter(open_only=True, grade="重大"),
            "overdue": LedgerFilter(overdue_only=True),
            "awaiting_review": LedgerFilter(status="待复查"),
            "due_soon": LedgerFilter(deadline_from=as_of, deadline_to=as_of + timedelta(days=3)),
            "found_this_year": LedgerFilter(found_from=year, found_to=as_of),
            "closed_this_year": LedgerFilter(found_from=year, found_to=as_of, status="已销号"),
        }

    def figures(self, as_of: date) -> dict[str, Figure]:
        district_ids, enterprise_id = self._scope()
        figures = {key: Figure(key, self.ledger.count(flt), flt) for key, flt in self.hazard_filters(as_of).items()}
        monday = week_start(as_of)
        inspections = self.query.inspections_between(district_ids, enterprise_id, monday, as_of)
        figures["inspections_this_week"] = Figure("inspections_this_week", len(inspections))
        return figures

    def inspections_this_week(self, as_of: date | None = None) -> list[str]:
        as_of = as_of or self.session.clock.today()
        return self.query.inspections_between(*self._scope(), week_start(as_of), as_of)

    def weeks(self, as_of: date) -> list[WeekBar]:
        """Found and closed hazards per week for the last CHART_WEEKS weeks, this week last."""
        first = week_start(as_of) - timedelta(weeks=CHART_WEEKS - 1)
        # As the session's day ends: a past day (session.at) sees its own week's figures, not today's.
        today = self.session.clock.today()
        found = self.query.found_per_week(*self._scope(), first, CHART_WEEKS, today)
        closed = self.query.closed_per_week(*self._scope(), first, CHART_WEEKS, today)
        return [WeekBar(first + timedelta(weeks=index), found[index], closed[index]) for index in range(CHART_WEEKS)]

    @staticmethod
    def week_filters(bar: WeekBar) -> tuple[LedgerFilter, LedgerFilter]:
        """The ledger filters behind a week's found and closed bars."""
        return (LedgerFilter(found_from=bar.monday, found_to=bar.sunday),
                LedgerFilter(closed_from=bar.monday, closed_to=bar.sunday))

    def districts(self, as_of: date) -> list[DistrictRow]:
        district_ids, enterprise_id = self._scope()
        open_counts = self.query.open_by_district(district_ids, enterprise_id, self.session.clock.today())
        colours = self.query.enterprise_colours(district_ids, enterprise_id, as_of)
        month = self.query.enterprise_coverage(district_ids, enterprise_id, as_of.replace(day=1), as_of)
        quarter = self.query.enterprise_coverage(district_ids, enterprise_id, quarter_start(as_of), as_of)
        rows = []
        for district in self.ledger.districts():
            mine = [mark for mark in colours if mark.district_id == district.id]
            if not mine and enterprise_id is not None:
                continue
            rows.append(DistrictRow(
                district=district, open_hazards=open_counts.get(district.id, 0), enterprises=len(mine),
                covered_month=sum(1 for m in month if m.district_id == district.id and m.mark),
                covered_quarter=sum(1 for m in quarter if m.district_id == district.id and m.mark),
                colours={colour: sum(1 for m in mine if m.mark == colour) for colour in COLOURS}))
        return rows

    def enterprises_by_colour(self, district_id: str | None, colour: str, as_of: date | None = None
                              ) -> list[EnterpriseMark]:
        """The enterprises counted in one cell of the four-colour overview."""
        marks = self.query.enterprise_colours(*self._scope(), as_of or self.session.clock.today())
        return [m for m in marks if m.mark == colour and (district_id is None or m.district_id == district_id)]

    def coverage(self, district_id: str, period: str, as_of: date | None = None) -> list[EnterpriseMark]:
        """A district's enterprises with the day each was last inspected this month or quarter ('' if not)."""
        as_of = as_of or self.session.clock.today()
        start = as_of.replace(day=1) if period == "month" else quarter_start(as_of)
        marks = self.query.enterprise_coverage(*self._scope(), start, as_of)
        return [m for m in marks if m.district_id == district_id]

    def my_work(self, as_of: date, limit: int = 40) -> list[WorkItem]:
        """What the signed-in person should do next, overdue first."""
        items: list[WorkItem] = []
        role = self.session.role
        if role == "enterprise":
            rows = self.ledger.page(LedgerFilter(open_only=True), "overdue_days", True, 0, limit)
            rows += self.ledger.page(LedgerFilter(open_only=True), "deadline", False, 0, limit)
            kinds = {"待复查": "review"}
            for row in rows:
                if row.status == "待复查":
                    continue  # reported: the inspector's move now
                items.append(WorkItem(kinds.get(row.status or "", "overdue" if row.overdue else "rectify"),
                                      row.description, row.enterprise_name, row.deadline, row.overdue_days,
                                      hazard_id=row.hazard_id))
        else:
            for row in self.ledger.page(LedgerFilter(overdue_only=True), "overdue_days", True, 0, limit):
                items.append(WorkItem("overdue", row.description, row.enterprise_name, row.deadline,
                                      row.overdue_days, hazard_id=row.hazard_id))
            for row in self.ledger.page(LedgerFilter(status="待复查"), "deadline", False, 0, limit):
                items.append(WorkItem("review", row.description, row.enterprise_name, row.deadline, 0,
                                      hazard_id=row.hazard_id))
        for inspection in self.store.inspections.drafts():
            if inspection.lead_id == self.session.person.id and self.session.may_see_enterprise(
                    inspection.enterprise_id):
                enterprise = self.store.enterprises.get(inspection.enterprise_id)
                items.append(WorkItem("draft", enterprise.name if enterprise else inspection.enterprise_id,
                                      inspection.started_at[:10], None, 0, inspection_id=inspection.id))
        seen: set[str] = set()
        unique = []
        for item in items:
            key = item.hazard_id or item.inspection_id or ""
            if key not in seen:
                seen.add(key)
                unique.append(item)
        unique.sort(key=lambda item: (-item.overdue_days, item.due or "9999"))
        return unique[:limit]

    def compute(self, as_of: date | None = None) -> Dashboard:
        as_of = as_of or self.session.clock.today()
        figures = self.figures(as_of)
        found, closed = figures["found_this_year"].value, figures["closed_this_year"].value
        rule = DrillRule(self.settings.drill_rule)
        drills = [due for due in drills_due(self.session, as_of, 0, rule) if due.overdue]
        notices = NoticeService(self.session.at(as_of)).awaiting_reply(as_of)
        figures["drills_overdue"] = Figure("drills_overdue", len(drills))
        figures["notices_awaiting"] = Figure("notices_awaiting", len(notices))
        return Dashboard(as_of=as_of, goal=goal_status(self.session, as_of.year, as_of), figures=figures,
                         rectification_rate=closed / found if found else None, weeks=self.weeks(as_of),
                         districts=self.districts(as_of), work=self.my_work(as_of), drills=drills, notices=notices,
                         campaigns=self.campaigns(as_of))

    def campaigns(self, as_of: date) -> list[CampaignProgress]:
        """The campaigns running on `as_of` that concern the session: for an enterprise only those that include it
        (a campaign of other enterprises, shown as "0 / 0", is none of its business); everyone else sees them all."""
        running = campaign_progress(self.session, as_of)
        if self.session.role == "enterprise":
            return [progress for progress in running if progress.targets]
        return running

    @staticmethod
    def notice_filter(notices: list[NoticeSummary]) -> LedgerFilter:
        """The open hazards on some notices (the ones awaiting a reply)."""
        return LedgerFilter(notice_ids=tuple(summary.notice.id for summary in notices), open_only=True)
