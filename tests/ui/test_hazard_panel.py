"""The hazard panel marks the field a refusal names (never guessed from the message) and saves what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from safety_desk.services.inspections import HazardFieldDenied, HazardFieldError
from safety_desk.store.connection import StoreError
from safety_desk.store.records import Hazard
from safety_desk.ui.widgets.hazard_panel import HazardPanel

HAZARD = Hazard(id="h1", enterprise_id="e1", district_id="d1", source="inspection", description="不符合要求：灭火器",
                grade="一般", found_on="2026-03-02", item_code="4.1", basis="GB 50140")


class _Service:
    """The two reads the panel makes, and an edit that is refused with `refusal` (or saved when it is None)."""

    def __init__(self, refusal: Exception | None = None) -> None:
        self.refusal = refusal
        self.edits: list[dict] = []

    def hazard_deadline(self, hazard_id: str) -> date:
        return date(2026, 3, 20)

    def default_deadline(self, grade: str, found: date) -> date:
        raise AssertionError("the hazard has a deadline")

    def edit_hazard(self, hazard_id: str, **values) -> Hazard:
        self.edits.append(values)
        if self.refusal is not None:
            raise self.refusal
        return replace(HAZARD, **{k: v.strip() for k, v in values.items() if isinstance(v, str)})


class _Ops:
    """The window's operations, calling the stand-in service at once."""

    def __init__(self, service: _Service) -> None:
        self.service = service

    def call(self, _service_name: str, method: str, *args, **kwargs):
        return getattr(self.service, method)(*args, **kwargs)


def _panel(qtbot, service: _Service) -> HazardPanel:
    panel = HazardPanel(service, ops=_Ops(service))
    qtbot.addWidget(panel)
    panel.set_read_only(False)
    panel.show_hazard(HAZARD)
    return panel


def _marked(panel: HazardPanel) -> list[str]:
    return [name for name, field in panel.field_by_name.items() if "border" in field.styleSheet()]


@pytest.mark.parametrize(("refusal", "marked"), [
    # The wording speaks of the deadline (期限): the field named is the one marked all the same.
    (HazardFieldError("location", "整改期限相关的部位说明不清"), ["location"]),
    (HazardFieldError("description", "隐患描述不能为空 (the description is required)"), ["description"]),
    (HazardFieldDenied("deadline", "隐患等级和整改期限由检查员确定"), ["deadline"]),
    (StoreError("磁盘已满，刚才的修改未保存，之前的数据完好"), []),
])
def test_a_refusal_marks_the_field_it_names(qtbot, refusal: Exception, marked: list[str]) -> None:
    panel = _panel(qtbot, _Service(refusal))
    panel.location.setText("3号仓库")
    assert not panel.save()
    assert _marked(panel) == marked
    assert panel.error.text() == str(refusal)


def test_a_saved_change_clears_the_marks_and_reports_the_stored_hazard(qtbot) -> None:
    service = _Service(HazardFieldError("description", "隐患描述不能为空"))
    panel = _panel(qtbot, service)
    panel.description.clear()
    assert not panel.save() and _marked(panel) == ["description"]
    service.refusal = None
    panel.description.setText("灭火器压力不足")
    with qtbot.waitSignal(panel.hazard_saved) as saved:
        assert panel.save()
    assert saved.args[0].description == "灭火器压力不足"
    assert _marked(panel) == [] and panel.error.text() == ""
    assert panel.save() and len(service.edits) == 2  # nothing changed since: nothing written


def test_a_withdrawn_hazard_is_not_written_to(qtbot) -> None:
    service = _Service()
    panel = _panel(qtbot, service)
    panel.drop_if_withdrawn([])
    panel.description.setText("已撤销的隐患")
    assert panel.save() and service.edits == []


def test_enter_goes_to_the_next_field_with_its_text_selected_to_be_typed_over(qtbot) -> None:
    from PySide6.QtCore import Qt

    panel = _panel(qtbot, _Service())
    panel.show_hazard(replace(HAZARD, measures="更换灭火器", responsible="胡浩"))
    panel.measures.setFocus()
    qtbot.keyClick(panel.measures, Qt.Key.Key_Return)
    assert panel.responsible.selectedText() == "胡浩"
    panel.responsible.insert("张伟")  # typing replaces the selection
    assert panel.responsible.text() == "张伟"


def test_saved_does_not_stay_next_to_a_later_refusal(qtbot) -> None:
    service = _Service()
    panel = _panel(qtbot, service)
    panel.location.setText("3号仓库")
    assert panel.save() and panel.saved_label.text()
    service.refusal = HazardFieldError("location", "部位不能为空")
    panel.location.clear()
    assert not panel.save()
    assert panel.saved_label.text() == "" and panel.error.text() == "部位不能为空"
