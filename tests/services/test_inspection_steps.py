"""The runner's step model without Qt or a database: step order, where a run resumes and goes next, submission."""

from __future__ import annotations

import pytest

from safety_desk.domain.checklist import AnswerResult, parse_checklist, summarize
from safety_desk.services.inspection_steps import InspectionSteps, SubmissionProblem, grouped_by_reason
from safety_desk.services.inspections import RunnerState
from safety_desk.store.records import Answer, Enterprise, Inspection

CHECKLIST = parse_checklist("""
id = "steps"
version = 1
title = "步骤"
effective = 2026-01-01
standard = "S"
standard_superseded = false
industries = ["*"]
description = "d"

[[sections]]
code = "A"
title = "仓库"
gate = "企业是否有仓库？"

[[sections.items]]
code = "A-1"
text = "仓库与宿舍分开"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = true
tag = "V"

[[sections.items]]
code = "A-2"
text = "仓库有灭火器"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = false
tag = "V"

[[sections]]
code = "B"
title = "制度"

[[sections.items]]
code = "B-1"
text = "有安全生产责任制"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = false
tag = "V"

[[sections.items]]
code = "B-2"
text = "有应急预案"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = false
tag = "V"
""", "steps.toml")


def _state(gates: dict[str, bool] | None = None, answers: dict[str, str] | None = None,
           photos: dict[str, list[str]] | None = None, status: str = "draft") -> RunnerState:
    inspection = Inspection(id="i1", enterprise_id="e1", district_id="d1", checklist_id="steps@1", kind="routine",
                            started_at="2026-03-02T09:00:00+08:00", status=status, gate_answers=dict(gates or {}))
    enterprise = Enterprise(id="e1", uscc="", name="青岛海达商贸有限公司", district_id="d1", industry="商贸",
                            risk_class=2, tracked_since="2025-01-01")
    records = {code: Answer(id=f"a-{code}", inspection_id="i1", item_code=code, result=result,
                            answered_at="2026-03-02T09:05:00+08:00", photos=list((photos or {}).get(code, [])))
               for code, result in (answers or {}).items()}
    summary = summarize(CHECKLIST, {code: AnswerResult(a.result) for code, a in records.items()}, inspection.gate_answers)
    return RunnerState(inspection, enterprise, CHECKLIST, records, {}, summary)


def _model(**state) -> InspectionSteps:
    model = InspectionSteps()
    model.set_state(_state(**state))
    return model


def _names(model: InspectionSteps) -> list[str]:
    return [f"gate {s.section.code}" if s.is_gate else s.item.code for s in model.steps]


def test_a_gate_comes_before_its_items_and_a_no_keeps_only_the_gate() -> None:
    assert _names(_model()) == ["gate A", "A-1", "A-2", "B-1", "B-2"]
    assert _names(_model(gates={"A": False})) == ["gate A", "B-1", "B-2"]


def test_a_new_draft_starts_at_the_first_gate_and_a_resumed_one_at_its_first_open_step() -> None:
    assert _model().resume_index() == 0
    model = _model(gates={"A": True}, answers={"A-1": "pass"})
    assert model.steps[model.resume_index()].item.code == "A-2"


def test_a_gate_left_open_while_its_items_were_answered_is_not_where_a_draft_resumes() -> None:
    model = _model(answers={"A-1": "pass", "A-2": "pass"})
    assert model.steps[model.resume_index()].item.code == "B-1"


def test_a_finished_draft_resumes_at_its_last_item_and_a_submitted_record_at_the_top() -> None:
    everything = {"A-1": "pass", "A-2": "na", "B-1": "pass", "B-2": "fail"}
    finished = _model(gates={"A": True}, answers=everything)
    assert finished.steps[finished.resume_index()].item.code == "B-2"
    assert _model(gates={"A": True}, answers=everything, status="submitted").resume_index() == 0


def test_next_open_step_wraps_round_and_is_none_when_all_is_answered() -> None:
    model = _model(gates={"A": True}, answers={"A-1": "pass", "B-1": "pass"})
    model.move_to(model.item_index("B-1"))
    assert model.steps[model.next_pending_index()].item.code == "B-2"
    model.move_to(model.item_index("B-2"))
    assert model.steps[model.next_pending_index()].item.code == "A-2"  # wrapped round past the end
    done = _model(gates={"A": True}, answers={"A-1": "pass", "A-2": "pass", "B-1": "pass", "B-2": "pass"})
    assert done.next_pending_index() is None


def test_moving_stays_within_the_steps() -> None:
    model = _model()
    assert model.move_to(99) == 4 and model.next_index() is None and model.previous_index() == 3
    assert model.move_to(-5) == 0 and model.previous_index() is None and model.next_index() == 1
    assert model.current_step.is_gate and model.current_item is None
    assert model.item_index("X-9") is None and model.gate_index("A") == 0 and model.gate_index("B") is None


def test_answering_a_gate_no_shrinks_the_steps_and_keeps_the_position_within_them() -> None:
    model = _model()
    model.move_to(4)
    model.set_state(_state(gates={"A": False}))
    assert len(model.steps) == 3 and model.current == 2 and model.current_item.code == "B-2"


def test_submission_needs_every_visible_item_answered_and_a_photo_for_a_failure_that_asks_for_one() -> None:
    model = _model(gates={"A": True}, answers={"A-1": "fail", "B-1": "pass"})
    assert model.submission_problems() == [
        SubmissionProblem("A-1", "不合格项需要照片"),
        SubmissionProblem("A-2", "未作答"), SubmissionProblem("B-2", "未作答")]
    assert not model.can_submit
    hidden = _model(gates={"A": False}, answers={"B-1": "pass", "B-2": "fail"})
    assert hidden.submission_problems() == [] and hidden.can_submit  # a part that does not apply is not asked
    photographed = _model(gates={"A": True}, answers={"A-1": "fail", "A-2": "na", "B-1": "pass", "B-2": "pass"},
                          photos={"A-1": ["p1"]})
    assert photographed.can_submit
    submitted = _model(gates={"A": False}, answers={"B-1": "pass", "B-2": "pass"}, status="submitted")
    assert not submitted.can_submit


@pytest.mark.parametrize(("most", "expected"), [
    (40, "不合格项需要照片: A-1；未作答: A-2、B-1、B-2"),
    (2, "不合格项需要照片: A-1；未作答: A-2、B-1 … (+1)"),
])
def test_problems_are_told_once_per_reason_with_their_codes(most: int, expected: str) -> None:
    problems = _model(gates={"A": True}, answers={"A-1": "fail"}).submission_problems()
    assert grouped_by_reason(problems, most=most) == expected
