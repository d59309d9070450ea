"""Table models of the activities page: drills due, drill records, training, incidents and campaign progress."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from safety_desk.domain.vocabulary import word
from safety_desk.services.activities import CampaignProgress, DrillDue, IncidentRow, TrainingRow
from safety_desk.store.records import Drill
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND, _RowsModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PLANNED_FOREGROUND = QColor("#1565c0")
LATE_FOREGROUND = QColor("#e65100")
GOAL_BREAKING_BACKGROUND = QColor("#ffcdd2")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class DrillDueModel(_RowsModel[DrillDue]):
    ENTERPRISE, DISTRICT, DUE, NEXT_DUE, OVERDUE, LAST_HELD, PLANNED = range(7)

    def __init__(self, rows: Sequence[DrillDue] = (), parent=None) -> None:
        super().__init__([self.tr("Enterprise"), self.tr("District"), self.tr("Drill due"), self.tr("Due on"),
                          self.tr("Overdue days"), self.tr("Last held"), self.tr("Planned")], rows, parent)

    def text(self, row: DrillDue, column: int) -> str:
        if column == self.ENTERPRISE:
            return row.enterprise_name + (" ★" if row.high_risk else "")
        if column == self.DISTRICT:
            return row.district_name
        if column == self.DUE:
            return "、".join(row.due_groups)
        if column == self.NEXT_DUE:
            return row.next_due.isoformat()
        if column == self.OVERDUE:
            return str(row.overdue_days) if row.overdue else ""
        if column == self.LAST_HELD:
            return row.last_held.isoformat() if row.last_held else "—"
        return f"{row.planned.held_on} {row.planned.name}" if row.planned else ""

    def tooltip(self, row: DrillDue, column: int) -> str | None:
        if column == self.ENTERPRISE and row.high_risk:
            return self.tr("High-risk: drills at least every 6 months")
        return None

    def styled(self, row: DrillDue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return OVERDUE_FOREGROUND
            if column == self.PLANNED:
                return PLANNED_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and column == self.OVERDUE and row.overdue:
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.OVERDUE:
            return _RIGHT
        return None


class DrillRecordsModel(_RowsModel[Drill]):
    """Planned drills first (soonest first), then held ones (newest first)."""

    DATE, STATUS, ENTERPRISE, NAME, PLAN_TYPE, FORM, PARTICIPANTS, FINDINGS = range(8)

    def __init__(self, rows: Sequence[Drill] = (), enterprise_names: dict[str, str] | None = None,
                 parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("Status"), self.tr("Enterprise"), self.tr("Name"),
                          self.tr("Plan type"), self.tr("Form"), self.tr("Participants"), self.tr("Findings")],
                         rows, parent)
        self.enterprise_names = dict(enterprise_names or {})
        self.today = ""  # ISO day; planned drills before it are shown as late
        self._statuses = {"planned": self.tr("Planned"), "held": self.tr("Held")}

    def set_drills(self, rows: Sequence[Drill], enterprise_names: dict[str, str]) -> None:
        self.enterprise_names = dict(enterprise_names)
        self.set_rows(rows)

    def text(self, row: Drill, column: int) -> str:
        if column == self.DATE:
            return row.held_on
        if column == self.STATUS:
            return self._statuses.get(row.status, row.status)
        if column == self.ENTERPRISE:
            return self.enterprise_names.get(row.enterprise_id, "")
        if column == self.NAME:
            return row.name
        if column == self.PLAN_TYPE:
            return word(row.plan_type)
        if column == self.FORM:
            return f"{word(row.content)} · {word(row.form)}"
        if column == self.PARTICIPANTS:
            return str(row.participants) if row.status == "held" else ""
        return row.findings.replace("\n", "；")

    def tooltip(self, row: Drill, column: int) -> str | None:
        if column in (self.NAME, self.FINDINGS):
            return "\n".join(part for part in (row.name, row.scenario, row.place, row.evaluation, row.findings)
                             if part)
        return None

    def styled(self, row: Drill, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "planned":
            # A planned day that has passed without a record: it still needs recording (or re-planning).
            return LATE_FOREGROUND if self.today and row.held_on < self.today else PLANNED_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARTICIPANTS:
            return _RIGHT
        return None


class TrainingModel(_RowsModel[TrainingRow]):
    DATE, TITLE, KIND, AUDIENCE, HOURS, ATTENDEES = range(6)

    def __init__(self, rows: Sequence[TrainingRow] = (), parent=None) -> None:
        super().__init__([self.tr("Date"), self.tr("Topic"), self.tr("Kind"), self.tr("For"), self.tr("Hours"),
                          self.tr("Attendees")], rows, parent)

    def text(self, row: TrainingRow, column: int) -> str:
        training = row.training
        return (training.held_on, training.title, word(training.kind), row.audience_shown, f"{training.hours:g}",
                str(training.attendees))[column]

    def tooltip(self, row: TrainingRow, column: int) -> str | None:
        return row.audience_shown if column == self.AUDIENCE else None

    def styled(self, row: TrainingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.HOURS, self.ATTENDEES):
            return _RIGHT
        return None


class IncidentModel(_RowsModel[IncidentRow]):
    """Incidents with their computed grade; liable ones of grade 较大 or above (the goal's) stand out."""

    TIME, ENTERPRISE, DISTRICT, TITLE, DEATHS, INJURIES, LOSS, GRADE, LIABILITY = range(9)

    def __init__(self, rows: Sequence[IncidentRow] = (), parent=None) -> None:
        super().__init__([self.tr("Time"), self.tr("Enterprise"), self.tr("District"), self.tr("Title"),
                          self.tr("Deaths"), self.tr("Serious injuries"), self.tr("Direct loss (10k yuan)"),
                          self.tr("Grade"), self.tr("Liability")], rows, parent)

    def text(self, row: IncidentRow, column: int) -> str:
        incident = row.incident
        if column == self.TIME:
            return incident.occurred_at[:16].replace("T", " ")
        if column == self.ENTERPRISE:
            return row.enterprise_name
        if column == self.DISTRICT:
            return row.district_name
        if column == self.TITLE:
            return incident.title
        if column == self.DEATHS:
            return str(incident.deaths)
        if column == self.INJURIES:
            return str(incident.serious_injuries)
        if column == self.LOSS:
            return f"{incident.direct_loss_yuan / 10_000:,.1f}"
        if column == self.GRADE:
            return word(row.grade)
        return row.liability

    def tooltip(self, row: IncidentRow, column: int) -> str | None:
        if column == self.TITLE:
            return "\n".join(part for part in (row.incident.title, row.incident.description) if part)
        if column == self.GRADE:
            return self.tr("Computed from deaths, serious injuries and direct loss (State Council Order 493)")
        return None

    def styled(self, row: IncidentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.breaks_goal:
            return GOAL_BREAKING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and (row.breaks_goal or column == self.GRADE
                                                       and row.grade.is_larger_or_above):
            return OVERDUE_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and (row.breaks_goal or column == self.GRADE
                                                 and row.grade.is_larger_or_above):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DEATHS, self.INJURIES, self.LOSS):
            return _RIGHT
        return None


class CampaignModel(_RowsModel[CampaignProgress]):
    """Campaigns with their progress; PROGRESS holds the share (0-100) for the bar delegate."""

    NAME, KIND, PERIOD, TARGETS, INSPECTED, PROGRESS, HAZARDS, CLOSED = range(8)
    SHARE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, rows: Sequence[CampaignProgress] = (), parent=None) -> None:
        super().__init__([self.tr("Campaign"), self.tr("Kind"), self.tr("Period"), self.tr("Targets"),
                          self.tr("Inspected"), self.tr("Progress"), self.tr("Hazards found (general/major)"),
                          self.tr("Closed")], rows, parent)

    def text(self, row: CampaignProgress, column: int) -> str:
        campaign = row.campaign
        if column == self.NAME:
            return campaign.name
        if column == self.KIND:
            return word(campaign.kind)
        if column == self.PERIOD:
            return f"{campaign.starts_on} – {campaign.ends_on}"
        if column == self.TARGETS:
            return str(row.targets)
        if column == self.INSPECTED:
            return str(row.inspected)
        if column == self.PROGRESS:
            return f"{row.share:.0%}"
        if column == self.HAZARDS:
            return (f"{row.hazards}（{row.hazards_by_grade.get('一般', 0)}/{row.hazards_by_grade.get('重大', 0)}）"
                    if row.hazards else "0")
        return f"{row.closed}/{row.hazards}" if row.hazards else "—"

    def tooltip(self, row: CampaignProgress, column: int) -> str | None:
        if column == self.NAME and row.campaign.target:
            return row.campaign.target
        return None

    def styled(self, row: CampaignProgress, column: int, role: int) -> Any:
        if role == self.SHARE_ROLE:
            return round(row.share * 100)
        if role == Qt.ItemDataRole.FontRole and column == self.HAZARDS and row.hazards_by_grade.get("重大"):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TARGETS, self.INSPECTED, self.CLOSED):
            return _RIGHT
        return None
