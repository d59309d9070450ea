"""The enterprise page's table models, without windows: rows, columns, texts and overdue highlighting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safety_desk.domain.hazard_status import overdue_days
from safety_desk.services.enterprises import EnterpriseService, InspectionRow, OpenHazardRow
from safety_desk.store.records import Drill, Hazard, Inspection
from safety_desk.ui.models.enterprise_models import (
    OVERDUE_BACKGROUND, DrillsModel, InspectionsModel, OpenHazardsModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole


def _texts(model, row: int) -> list[str]:
    return [model.data(model.index(row, column), DISPLAY) for column in range(model.columnCount())]


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())]


def _inspection(id_: str, kind: str, status: str, started_at: str) -> Inspection:
    return Inspection(id=id_, enterprise_id="e1", district_id="d1", checklist_id="general@3", kind=kind,
                      started_at=started_at, status=status)


def _hazard_row(id_: str, grade: str, deadline: date | None, overdue: int, status: str = "待整改") -> OpenHazardRow:
    hazard = Hazard(id=id_, enterprise_id="e1", district_id="d1", source="inspection",
                    description=f"隐患{id_}", grade=grade, found_on="2026-11-01")
    return OpenHazardRow(hazard=hazard, status=status, deadline=deadline, overdue_days=overdue)


def test_inspections_model_gives_date_kind_checklist_and_status(qapp) -> None:
    model = InspectionsModel([
        InspectionRow(_inspection("i2", "unannounced", "draft", "2026-11-20T09:00:00+08:00"),
                      "通用安全生产检查表"),
        InspectionRow(_inspection("i1", "routine", "submitted", "2026-11-03T12:55:00+08:00"), "消防检查表"),
    ])
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert _headers(model) == ["Date", "Kind", "Checklist", "Status"]
    assert _texts(model, 0) == ["2026-11-20", "Unannounced", "通用安全生产检查表", "In progress"]
    assert _texts(model, 1) == ["2026-11-03", "Routine", "消防检查表", "Submitted"]
    assert model.inspection_id(1) == "i1"
    assert model.data(model.index(2, 0), DISPLAY) is None  # past the last row
    assert model.rowCount(model.index(0, 0)) == 0  # a table: rows have no children


def test_open_hazards_model_highlights_exactly_the_overdue_rows(qapp) -> None:
    model = OpenHazardsModel([
        _hazard_row("h1", "一般", date(2026, 11, 24), 3),
        _hazard_row("h2", "重大", date(2026, 12, 30), 0, status="整改中"),
        _hazard_row("h3", "一般", None, 0, status="待复查"),
    ])
    assert (model.rowCount(), model.columnCount()) == (3, 6)
    assert _headers(model) == ["Found", "Grade", "Description", "Status", "Deadline", "Overdue days"]
    assert _texts(model, 0) == ["2026-11-01", "一般", "隐患h1", "待整改", "2026-11-24", "3"]
    assert _texts(model, 1) == ["2026-11-01", "重大", "隐患h2", "整改中", "2026-12-30", ""]
    assert _texts(model, 2)[4:] == ["—", ""]
    for column in range(model.columnCount()):
        assert model.data(model.index(0, column), BACKGROUND) == OVERDUE_BACKGROUND
        assert model.data(model.index(1, column), BACKGROUND) is None
        assert model.data(model.index(2, column), BACKGROUND) is None
    assert model.overdue_count() == 1


def test_drills_model_gives_date_plan_type_form_and_name(qapp) -> None:
    drill = Drill(id="r1", enterprise_id="e1", district_id="d1", name="火灾事故专项应急演练",
                  plan_type="专项应急预案", content="单项演练", form="实战演练", held_on="2026-09-28")
    model = DrillsModel([drill])
    assert _headers(model) == ["Date", "Plan type", "Form", "Name"]
    assert _texts(model, 0) == ["2026-09-28", "专项应急预案", "实战演练", "火灾事故专项应急演练"]
    model.set_rows([])
    assert model.rowCount() == 0


def test_models_filled_from_the_demo_detail_match_the_store(demo_context, demo_as_of) -> None:
    store = demo_context.store
    service = EnterpriseService(demo_context.session.at(demo_as_of))
    details = [service.detail(e.id) for e in store.enterprises.active()]
    detail = max(details, key=lambda d: sum(row.overdue for row in d.open_hazards))
    assert any(row.overdue for row in detail.open_hazards), "the demo data should have an overdue hazard"

    hazards = OpenHazardsModel(detail.open_hazards)
    assert hazards.rowCount() == len(store.hazards.open_of_enterprise(detail.enterprise.id))
    for row in range(hazards.rowCount()):
        hazard_row = hazards.row_at(row)
        expected = overdue_days(store.hazards.state(hazard_row.hazard.id), demo_as_of)
        assert hazard_row.overdue_days == expected
        highlighted = hazards.data(hazards.index(row, OpenHazardsModel.DESCRIPTION), BACKGROUND) is not None
        assert highlighted == (expected > 0)
        assert hazard_row.status == store.hazards.cached_state(hazard_row.hazard.id).status != "已销号"

    inspections = InspectionsModel(detail.inspections)
    dates = [inspections.row_at(r).inspection.started_at for r in range(inspections.rowCount())]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(store.inspections.of_enterprise(
        detail.enterprise.id))
    drills = DrillsModel(detail.drills)
    assert [drills.data(drills.index(r, 0), DISPLAY) for r in range(drills.rowCount())] == sorted(
        (d.held_on for d in store.drills.of_enterprise(detail.enterprise.id)), reverse=True)
