"""Drills, training, incidents and campaigns in one place: the services and the dashboard's figures."""

from __future__ import annotations

from safety_desk.services.activity_scope import ActivityProblem
from safety_desk.services.campaigns import CampaignProgress, CampaignService, campaign_progress
from safety_desk.services.drills import (
    GROUP_MAIN, GROUP_ON_SITE, DrillDue, DrillService, drills_due, overdue_drill_count,
)
from safety_desk.services.incidents import (
    LIABILITIES, GoalStatus, IncidentRow, IncidentService, goal_status, liability_name,
)
from safety_desk.services.training import TrainingRow, TrainingService

__all__ = [
    "ActivityProblem", "CampaignProgress", "CampaignService", "DrillDue", "DrillService", "GROUP_MAIN",
    "GROUP_ON_SITE", "GoalStatus", "IncidentRow", "IncidentService", "LIABILITIES", "TrainingRow",
    "TrainingService", "campaign_progress", "drills_due", "goal_status", "liability_name",
    "overdue_drill_count",
]
