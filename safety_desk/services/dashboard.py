"""The figures on the dashboard: open, overdue and major hazards, drafts and this week's inspections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from safety_desk.services.session import Session


@dataclass(frozen=True)
class DashboardFigures:
    open_hazards: int
    overdue_hazards: int
    open_major_hazards: int
    inspections_this_week: int
    draft_inspections: int
    enterprises: int


def dashboard_figures(session: Session, today: date | None = None) -> DashboardFigures:
    """Figures for the session's districts (all for the office), as of `today`."""
    today = today or date.today()
    week_start = today - timedelta(days=today.weekday())
    counts = session.store.hazards.scope_counts(session.district_ids(), today)
    return DashboardFigures(
        open_hazards=counts["open"], overdue_hazards=counts["overdue"], open_major_hazards=counts["major"],
        inspections_this_week=session.store.inspections.count_since(session.district_ids(), week_start),
        draft_inspections=len([i for i in session.store.inspections.drafts()
                               if session.may_see_enterprise(i.enterprise_id)]),
        enterprises=session.store.enterprises.count_in(session.district_ids()))
