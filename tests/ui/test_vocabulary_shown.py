"""The English window shows stored grades, statuses and kinds in English; filters and item data keep the codes."""

from __future__ import annotations

import os
import re
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.domain.vocabulary import word
from safety_desk.services.enterprises import OpenHazardRow
from safety_desk.services.training import TrainingRow
from safety_desk.store.records import Drill, Hazard
from safety_desk.ui.i18n import apply_font, register_font
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.incident_editor import IncidentEditorDialog
from safety_desk.ui.dialogs.training_editor import TrainingEditorDialog
from safety_desk.ui.models.activity_models import DrillRecordsModel, TrainingModel
from safety_desk.ui.models.enterprise_models import DrillsModel, OpenHazardsModel
from safety_desk.ui.models.ledger_model import LedgerModel
from safety_desk.ui.pages.hazards import HazardsPage

DISPLAY = Qt.ItemDataRole.DisplayRole
HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f]")
SHOTS = Path(os.environ["SAFETY_DESK_SHOTS"]) if os.environ.get("SAFETY_DESK_SHOTS") else None


@pytest.fixture(autouse=True)
def window_font(qapp):
    """For screenshots, the window's own font (Chinese as Chinese), set before the page measures its columns."""
    if SHOTS is None:
        yield
        return
    before = qapp.font()
    apply_font(qapp, register_font())
    yield
    qapp.setFont(before)


def _page(qtbot, context) -> HazardsPage:
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def _items(combo) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def _column(page: HazardsPage, column: int, rows: int = 300) -> set[str]:
    return {page.model.data(page.model.index(row, column), DISPLAY) for row in range(min(page.model.rowCount(), rows))}


def _shot(page: HazardsPage, name: str) -> None:
    if SHOTS is not None:  # for a person to look at
        page.grab().save(str(SHOTS / name))


def test_the_english_ledger_reads_grades_and_statuses_in_english(qtbot, demo_context, english) -> None:
    page = _page(qtbot, demo_context)
    assert _items(page.grade) == ["All grades", "General", "Major"]
    assert _items(page.status) == ["All statuses", "Not closed", "Awaiting rectification", "In rectification",
                                   "Awaiting re-inspection", "Closed"]
    assert _column(page, LedgerModel.GRADE) == {"General", "Major"}
    assert not any(HAN.search(text) for text in _column(page, LedgerModel.STATUS))
    # Every source word shows whole ("Self-inspection" cannot wrap), and a notice number in its two lines.
    header, cells = page.table.horizontalHeader(), page.table.fontMetrics()
    sources = _column(page, LedgerModel.SOURCE)
    assert "Self-inspection" in sources
    assert header.sectionSize(LedgerModel.SOURCE) > max(cells.horizontalAdvance(s) for s in sources)
    numbers = {n for n in _column(page, LedgerModel.NOTICE) if n and n != "—"}
    assert numbers and header.sectionSize(LedgerModel.NOTICE) > max(
        cells.horizontalAdvance(n[n.index("〔"):]) for n in numbers if "〔" in n)
    _shot(page, "hazards-en.png")


def test_choosing_major_lists_only_major_hazards(qtbot, demo_context, english) -> None:
    page = _page(qtbot, demo_context)
    total = page.model.rowCount()
    page.grade.setCurrentIndex(page.grade.findText("Major"))
    major = page.model.rowCount()
    assert 0 < major < total
    assert {page.model.row_at(row).grade for row in range(major)} == {"重大"}  # the stored code is unchanged
    assert _column(page, LedgerModel.GRADE, major) == {"Major"}

    page.grade.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findText("Awaiting re-inspection"))
    waiting = page.model.rowCount()
    assert 0 < waiting < total
    assert {page.model.row_at(row).status for row in range(waiting)} == {HazardStatus.AWAITING_REVIEW.value}
    assert _column(page, LedgerModel.STATUS, waiting) == {"Awaiting re-inspection"}




def test_the_chinese_ledger_is_as_it_was(qtbot, demo_context, chinese_window) -> None:
    page = _page(qtbot, demo_context)
    assert _items(page.grade)[1:] == ["一般", "重大"]
    assert _items(page.status)[2:] == [status.value for status in HazardStatus]
    assert _column(page, LedgerModel.GRADE) == {"一般", "重大"}
    page.grade.setCurrentIndex(page.grade.findText("重大"))
    assert _column(page, LedgerModel.GRADE, page.model.rowCount()) == {"重大"}
    _shot(page, "hazards-zh.png")


def test_the_enterprise_and_activity_lists_read_the_vocabulary_in_english(qapp, english) -> None:
    hazard = Hazard(id="h1", enterprise_id="e1", district_id="d1", source="inspection", description="Leak",
                    grade="重大", found_on="2026-11-01")
    hazards = OpenHazardsModel([OpenHazardRow(hazard=hazard, status="待复查", deadline=None, overdue_days=0)])
    assert [hazards.data(hazards.index(0, column), DISPLAY) for column in (hazards.GRADE, hazards.STATUS)] == \
        ["Major", "Awaiting re-inspection"]
    drill = Drill(id="d1", enterprise_id="e1", district_id="d1", name="Fire drill", plan_type="现场处置方案",
                  content="单项演练", form="桌面演练", held_on="2026-11-01")
    records = DrillRecordsModel([drill], {"e1": "Enterprise"})
    assert records.data(records.index(0, records.PLAN_TYPE), DISPLAY) == "On-site procedure"
    assert records.data(records.index(0, records.FORM), DISPLAY) == "Single-item drill · Tabletop drill"
    drills = DrillsModel([drill])
    assert drills.data(drills.index(0, DrillsModel.FORM), DISPLAY) == "Tabletop drill"


def test_an_english_training_kind_is_stored_as_its_chinese_code(qtbot, context_for, demo_as_of, english) -> None:
    context = context_for("ent0001")
    dialog = TrainingEditorDialog(context, context.desk.training, demo_as_of)
    qtbot.addWidget(dialog)
    assert _items(dialog.kind) == ["Enterprise training", "Joint training", "District training",
                                   "City-wide training", "Awareness activity"]
    dialog.title.setText("Fire safety")
    dialog.kind.setCurrentIndex(dialog.kind.findText("Joint training"))
    dialog.on_accept()
    stored = context.store.trainings.get(dialog.training_id)
    assert stored.kind == "联合培训"
    shown = TrainingModel([TrainingRow(stored, ["Enterprise"], "")])
    assert shown.data(shown.index(0, TrainingModel.KIND), DISPLAY) == "Joint training"
    # The weekly report prints the audience; official documents stay Chinese whatever the window's language.
    city, joint = TrainingRow(stored, [], ""), TrainingRow(stored, ["A", "B"], "", others=2)
    assert (city.audience, city.audience_shown) == ("全市", "city-wide")
    assert (joint.audience, joint.audience_shown) == ("A、B等另2家企业", "A, B and 2 other enterprises")


def test_the_hazard_detail_badges_read_in_english(qtbot, demo_context, english) -> None:
    major = next(h for h in demo_context.store.hazards._select("deleted = 0") if h.grade == "重大")
    status = demo_context.store.hazards.state(major.id).status
    dialog = HazardDetailDialog(demo_context, major.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert (dialog.grade_badge.text(), dialog.status_badge.text()) == ("Major", word(status))
    assert not HAN.search(dialog.status_badge.text())
    events = [dialog.timeline.topLevelItem(row).text(2) for row in range(dialog.timeline.topLevelItemCount())]
    assert events and events[0] == "Registered" and not any(HAN.search(event) for event in events)
    if major.inspection_id:
        found_in = dialog.values["inspection"].text()
        assert found_in and not HAN.search(found_in.split(" · ")[0]), found_in  # the day and the kind
    if major.supervision_level:
        assert not HAN.search(dialog.values["supervision_level"].text())
    if SHOTS is not None:
        dialog.grab().save(str(SHOTS / "hazard-detail-en.png"))


def test_an_incident_edited_in_english_keeps_its_chinese_accident_type(qtbot, demo_context, demo_as_of,
                                                                         english) -> None:
    incident = demo_context.store.incidents.between("2000-01-01", "2100-01-01")[0]
    now = datetime.combine(demo_as_of, time(12), BEIJING)
    dialog = IncidentEditorDialog(demo_context, demo_context.desk.incidents, now, incident)
    qtbot.addWidget(dialog)
    assert dialog.accident_type.currentText() == word(incident.accident_type) != incident.accident_type
    assert dialog.accident_type.findText("Poisoning and asphyxiation") >= 0
    assert not HAN.search(dialog.grade.text())
    dialog.on_accept()
    assert dialog.incident_id == incident.id, dialog.message.text()
    assert demo_context.store.incidents.get(incident.id).accident_type == incident.accident_type
