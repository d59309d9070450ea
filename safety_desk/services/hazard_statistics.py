"""The statistics of 16号令 第十四条 for a quarter or a year: figures as of the period's end, as data and JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from safety_desk.domain.ledger import LedgerRow
from safety_desk.domain.language import say
from safety_desk.services.errors import PermissionDenied
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.reports import ReportProblem, ReportService, parse_quarter, refuse_future
from safety_desk.services.session import Session
from safety_desk.store.records import HazardTally
from safety_desk.store.statistics import MajorHazardTally, StatisticsQuery

SUPERVISION_LEVELS = ("省", "市", "县")


@dataclass(frozen=True)
class StatisticsPeriod:
    kind: str  # "quarter" or "year"
    key: str  # "2026Q4" or "2026"
    title: str  # "2026年第4季度" or "2026年度"
    first: date
    last: date
    due: date  # when the filing is due: the 15th of the next quarter's first month, or 31 January (art. 14)

    def previous(self) -> "StatisticsPeriod":
        """The period before, for the comparison in the analysis."""
        if self.kind == "year":
            return year_period(str(self.first.year - 1))
        before = self.first - timedelta(days=1)
        return quarter_period(f"{before.year}Q{(before.month - 1) // 3 + 1}")


def quarter_period(text: str) -> StatisticsPeriod:
    year, number, first, last = parse_quarter(text)
    after = last + timedelta(days=1)
    return StatisticsPeriod("quarter", f"{year}Q{number}", f"{year}年第{number}季度", first, last,
                            date(after.year, after.month, 15))


def year_period(text: str) -> StatisticsPeriod:
    if not re.fullmatch(r"\d{4}", str(text).strip()):
        raise ReportProblem(say(f"年度 “{text}” 格式应为 2026", f"year “{text}”: a year is written like 2026"))
    year = int(str(text).strip())
    return StatisticsPeriod("year", str(year), f"{year}年度", date(year, 1, 1), date(year, 12, 31),
                            date(year + 1, 1, 31))


@dataclass(frozen=True)
class HazardStatistics:
    """What the art. 14 form prints and `--json` gives: every figure as of the end of the period (or today)."""

    office: str
    period: StatisticsPeriod
    scope: str  # 全市, a district's name, or the enterprise's name
    enterprise: bool  # one enterprise's own filing (signed by its principal)
    principal: str  # the enterprise's principal (主要负责人), for its filing
    as_of: date
    total: HazardTally
    statuses: dict[str, int]
    closed_in_period: int
    by_grade: list[HazardTally]
    by_category: list[HazardTally]
    by_enterprise: list[HazardTally]
    majors_tally: MajorHazardTally
    majors: list[LedgerRow]  # found in the period or still under treatment at its end
    previous: HazardTally  # the period before, for the analysis

    @property
    def planned(self) -> int:
        """列入治理计划的重大隐患: majors listed whose treatment plan is recorded."""
        return sum(1 for row in self.majors if row.treatment_plan)

    @property
    def funded(self) -> int:
        """落实治理资金: majors whose plan names its funding."""
        return sum(1 for row in self.majors if (row.funding or "").strip())

    @property
    def supervised(self) -> dict[str, int]:
        """挂牌督办 by level, of the majors listed."""
        return {level: sum(row.supervision_level == level for row in self.majors) for level in SUPERVISION_LEVELS}

    def analysis(self) -> list[str]:
        """The analysis section: what the figures say, in sentences (the principal adds the rest by hand)."""
        total, previous = self.total, self.previous
        lines = []
        if previous.found:
            change = (total.found - previous.found) / previous.found
            trend = "增加" if change > 0 else "减少" if change < 0 else "持平"
            share = f" {abs(change):.1%}" if change else ""
            lines.append(f"本期发现隐患 {total.found} 条，较上期（{previous.found} 条）{trend}{share}。")
        else:
            lines.append(f"本期发现隐患 {total.found} 条，上期无隐患记录。")
        if total.rate is not None:
            before = f"，上期为 {previous.rate:.1%}" if previous.rate is not None else ""
            lines.append(f"本期隐患整改率 {total.rate:.1%}{before}。")
        named = [t for t in self.by_category if t.name][:3]
        if named:
            lines.append("隐患主要集中在" + "、".join(f"{t.name}（{t.found} 条）" for t in named) + "等方面。")
        if not self.enterprise and self.by_enterprise:
            most = self.by_enterprise[0]
            lines.append(f"隐患最多的企业为{most.name}（{most.found} 条，未销号 {most.open} 条）。")
        if total.overdue:
            lines.append(f"尚有 {total.overdue} 条隐患逾期未整改，应督促责任单位限期完成。")
        majors = self.majors_tally
        if majors.under_treatment:
            lines.append(f"期末正在治理的重大隐患 {majors.under_treatment} 条，其中列入治理计划 {self.planned} 条、"
                         f"落实治理资金 {self.funded} 条、挂牌督办 {majors.supervised} 条。")
        else:
            lines.append("期末无正在治理的重大隐患。")
        return lines

    def as_json(self) -> dict[str, Any]:
        """The figures scripts read (`--json`); keys are documented in the README and never renamed."""
        def tally(t: HazardTally) -> dict[str, Any]:
            return {"name": t.name, "found": t.found, "general": t.general, "major": t.major, "closed": t.closed,
                    "open": t.open, "overdue": t.overdue}
        return {
            "period": self.period.key, "kind": self.period.kind, "from": self.period.first.isoformat(),
            "to": self.period.last.isoformat(), "due": self.period.due.isoformat(), "as_of": self.as_of.isoformat(),
            "scope_name": self.scope, "enterprise": self.enterprise, **{
                key: value for key, value in tally(self.total).items() if key != "name"},
            "rectification_rate": None if self.total.rate is None else round(self.total.rate, 4),
            "closed_in_period": self.closed_in_period, "statuses": self.statuses,
            "major_hazards_new": self.majors_tally.new,
            "major_hazards_under_treatment": self.majors_tally.under_treatment,
            "major_hazards_closed": self.majors_tally.closed, "major_hazards_planned": self.planned,
            "major_hazards_funded": self.funded, "major_hazards_supervised_by_level": self.supervised,
            "by_category": [tally(t) for t in self.by_category],
            "by_enterprise": [tally(t) for t in self.by_enterprise],
            "analysis": self.analysis(),
        }


class HazardStatisticsService:
    """Computes the art. 14 statistics within the signed-in person's scope: the city, a district, or one
    enterprise's own filing (an enterprise's installation prints only its own)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def _scope(self, district_code: str | None, uscc: str | None) -> tuple[list[str] | None, str | None, str, str]:
        """District ids, enterprise id, printed scope and the enterprise's principal ('' for the city)."""
        reports = ReportService(self.session)
        if uscc is None:
            district_ids, enterprise_id, name = reports.scope(district_code)
        else:
            if district_code is not None:
                raise ReportProblem(say("--enterprise 与 --district 只能选一个",
                                        "give --enterprise or --district, not both"))
            enterprise = self.store.enterprises.by_uscc(uscc.strip())
            if enterprise is None:
                raise ReportProblem(say(f"统一社会信用代码 {uscc} 不对应任何企业", f"no enterprise has the USCC {uscc}"))
            if not self.session.may_see_enterprise(enterprise.id):
                raise PermissionDenied(say(f"无权查看企业 {enterprise.name} 的统计",
                                           f"you may not see the figures of {enterprise.name}"))
            district_ids, enterprise_id, name = [enterprise.district_id], enterprise.id, enterprise.name
        principal = self.store.enterprises.require(enterprise_id).principal if enterprise_id else ""
        return district_ids, enterprise_id, name, principal

    def statistics(self, period: StatisticsPeriod, district_code: str | None = None,
                   uscc: str | None = None) -> HazardStatistics:
        today = self.session.clock.today()
        refuse_future(period.first, today, say(period.title, f"the {'year' if period.kind == 'year' else 'quarter'} "
                                                             f"{period.key}"))
        district_ids, enterprise_id, scope_name, principal = self._scope(district_code, uscc)
        as_of = min(today, period.last)
        query = StatisticsQuery(self.store.db)
        args = (district_ids, enterprise_id, period.first, period.last, as_of)
        previous = period.previous()
        # Majors found in the period or still under treatment at its end, as they stood then.
        ledger = LedgerService(self.session.at(as_of))
        scope = LedgerFilter(district_ids=None, enterprise_id=enterprise_id, grade="重大")
        if district_code is not None:
            scope = LedgerFilter(district_id=district_ids[0], grade="重大")
        majors: dict[str, LedgerRow] = {}
        for flt in (LedgerFilter(**{**scope.__dict__, "found_from": period.first, "found_to": period.last}),
                    LedgerFilter(**{**scope.__dict__, "open_only": True})):
            for row in ledger.every_row(flt, "found_on", False):
                majors.setdefault(row.hazard_id, row)
        return HazardStatistics(
            office=ReportService(self.session).office_name(), period=period, scope=scope_name,
            enterprise=enterprise_id is not None, principal=principal, as_of=as_of,
            total=query.tally(*args), statuses=query.status_counts(*args),
            closed_in_period=query.closed_between(district_ids, enterprise_id, period.first, period.last, as_of),
            by_grade=query.tally_by("grade", *args), by_category=query.tally_by("category", *args),
            by_enterprise=query.tally_by("enterprise", *args), majors_tally=query.majors(*args),
            majors=sorted(majors.values(), key=lambda row: (row.found_on, row.hazard_id)),
            previous=query.tally(district_ids, enterprise_id, previous.first, previous.last,
                                 min(today, previous.last)))


def printable(stats: HazardStatistics) -> "QuarterlyStatistics":
    """The figures as the form prints them (and as a filed statistic stores them: plain values)."""
    from safety_desk.reports.quarterly import MajorHazardLine, QuarterlyStatistics

    period = stats.period
    return QuarterlyStatistics(
        # An enterprise's own filing is headed with its name, not the office's.
        office=stats.scope if stats.enterprise else stats.office, quarter=period.title, scope=stats.scope,
        period=f"{period.first.isoformat()} 至 {period.last.isoformat()}", as_of=stats.as_of.isoformat(),
        total=stats.total, statuses=stats.statuses, closed_in_period=stats.closed_in_period,
        by_grade=stats.by_grade, by_category=stats.by_category, by_enterprise=stats.by_enterprise,
        kind=period.kind, enterprise=stats.scope if stats.enterprise else "", principal=stats.principal,
        majors_new=stats.majors_tally.new, majors_under_treatment=stats.majors_tally.under_treatment,
        majors_closed=stats.majors_tally.closed, majors_planned=stats.planned, majors_funded=stats.funded,
        majors_supervised=stats.supervised,
        majors=[MajorHazardLine(enterprise=row.enterprise_name, description=row.description, found_on=row.found_on,
                                status=row.status or "", planned=bool(row.treatment_plan),
                                funding=(row.funding or "").strip(), supervision=row.supervision_level or "",
                                deadline=row.deadline or "") for row in stats.majors],
        analysis=stats.analysis(), due=period.due.isoformat())
