"""The activities page's table models, without windows: what each cell shows and what stands out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safety_desk.domain.drills import drill_schedule
from safety_desk.domain.grading import AccidentGrade
from safety_desk.services.activities import DrillDue, IncidentRow
from safety_desk.store.records import Incident
from safety_desk.ui.models.activity_models import (
    GOAL_BREAKING_BACKGROUND, DrillDueModel, DrillRecordsModel, IncidentModel, LATE_FOREGROUND, PLANNED_FOREGROUND,
)
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND
from safety_desk.store.records import Drill

AS_OF = date(2026, 11, 27)


def _due(overdue_days: int) -> DrillDue:
    schedule = drill_schedule([], False, date(2025, 1, 1), AS_OF)
    return DrillDue(enterprise_id="e1", enterprise_name="海达化工", district_id="d1", district_name="北片区",
                    high_risk=True, last_held=None, next_due=date(2026, 11, 20), overdue_days=overdue_days,
                    due_groups=("综合/专项预案演练",), planned=None, schedule=schedule)


def test_overdue_drills_are_red_with_their_days_and_others_are_plain(qapp) -> None:
    model = DrillDueModel([_due(7), _due(0)])
    assert model.data(model.index(0, DrillDueModel.OVERDUE)) == "7"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert model.data(model.index(1, DrillDueModel.OVERDUE)) == ""
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, DrillDueModel.ENTERPRISE)) == "海达化工 ★"
    assert model.data(model.index(0, DrillDueModel.LAST_HELD)) == "—"


def test_planned_drills_are_blue_and_late_ones_orange(qapp) -> None:
    def drill(day: str, status: str) -> Drill:
        return Drill(id=day, enterprise_id="e1", district_id="d1", name="演练", plan_type="综合应急预案",
                     content="综合演练", form="实战演练", held_on=day, status=status, participants=9)

    model = DrillRecordsModel([drill("2026-12-01", "planned"), drill("2026-11-20", "planned"),
                               drill("2026-11-01", "held")], {"e1": "海达化工"})
    model.today = AS_OF.isoformat()
    colours = [model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) for row in range(3)]
    assert colours == [PLANNED_FOREGROUND, LATE_FOREGROUND, None]
    assert model.data(model.index(0, DrillRecordsModel.PARTICIPANTS)) == ""
    assert model.data(model.index(2, DrillRecordsModel.PARTICIPANTS)) == "9"
    assert model.data(model.index(2, DrillRecordsModel.ENTERPRISE)) == "海达化工"


def test_liable_incidents_of_grade_较大_or_above_stand_out(qapp) -> None:
    def row(liable, grade: AccidentGrade) -> IncidentRow:
        incident = Incident(id="i", enterprise_id="e1", district_id="d1", occurred_at="2026-11-01T10:00:00+08:00",
                            title="事故", deaths=3, direct_loss_yuan=1_234_567.0, liable=liable)
        return IncidentRow(incident, grade, "海达化工", "北片区")

    model = IncidentModel([row(True, AccidentGrade.LARGER), row(False, AccidentGrade.LARGER),
                           row(True, AccidentGrade.GENERAL)])
    backgrounds = [model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) for r in range(3)]
    assert backgrounds == [GOAL_BREAKING_BACKGROUND, None, None]
    assert [model.data(model.index(r, IncidentModel.LIABILITY)) for r in range(3)] == ["责任", "非责任", "责任"]
    assert model.data(model.index(0, IncidentModel.LOSS)) == "123.5"
    assert model.data(model.index(1, IncidentModel.GRADE)) == "较大"
