"""Reminders at start and once a day: deadlines soon, overdue hazards, drills coming due, notices awaiting reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from safety_desk.domain.drills import DrillRule
from safety_desk.services.dashboard import DashboardService
from safety_desk.services.drills import drills_due
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.notices import NoticeService
from safety_desk.services.session import Session
from safety_desk.settings import Settings

DUE_SOON_DAYS = 3
DRILL_DAYS = 30  # drills due within a month (or overdue) are reminded of


@dataclass(frozen=True)
class Reminder:
    """One line of the reminder: how many of what, and where to see them (a ledger filter or a page)."""

    key: str
    count: int
    ledger: LedgerFilter | None = None
    page: str | None = None


class ReminderService:
    """What needs attention for the signed-in person's scope (an enterprise: its own records)."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.ledger = LedgerService(session)
        self.settings = settings or Settings()  # read on each call: the settings page may change the rule

    def reminders(self) -> list[Reminder]:
        """Every reminder with a count above zero, most urgent first."""
        today = self.session.clock.today()
        found = [
            Reminder("overdue", 0, LedgerFilter(overdue_only=True)),
            Reminder("due_soon", 0, LedgerFilter(deadline_from=today, deadline_to=today + timedelta(DUE_SOON_DAYS))),
        ]
        if self.session.role != "enterprise":
            found.append(Reminder("awaiting_review", 0, LedgerFilter(status="待复查")))
        counted = [Reminder(r.key, self.ledger.count(r.ledger), r.ledger, r.page) for r in found]
        drills = drills_due(self.session, today, DRILL_DAYS, DrillRule(self.settings.drill_rule))
        counted.append(Reminder("drills_due", len(drills), page="drills"))
        notices = NoticeService(self.session).awaiting_reply(today)
        counted.append(Reminder("notices_awaiting", len(notices), DashboardService.notice_filter(notices)))
        return [reminder for reminder in counted if reminder.count]
