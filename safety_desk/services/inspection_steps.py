"""Where an inspection run stands, without any widget: its steps in order, the current one, what is left to answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from safety_desk.domain.checklist import AnswerResult, Checklist, Item, Section
from safety_desk.domain.language import say

if TYPE_CHECKING:  # the service module imports this one for its submission check
    from safety_desk.services.inspections import RunnerState


@dataclass(frozen=True)
class Step:
    """One stop of the runner: a section's gate question (item None) or an item."""

    section: Section
    item: Item | None = None

    @property
    def is_gate(self) -> bool:
        return self.item is None


def runner_steps(checklist: Checklist, gate_answers: Mapping[str, bool]) -> list[Step]:
    """Gate questions before their sections' items; a section answered "no" keeps only its gate."""
    steps: list[Step] = []
    for section in checklist.sections:
        if section.gate is not None:
            steps.append(Step(section))
            if gate_answers.get(section.code) is False:
                continue
        steps.extend(Step(section, item) for item in section.items)
    return steps


@dataclass(frozen=True)
class SubmissionProblem:
    """One thing that stops an inspection from being submitted, on one item."""

    item_code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item_code} {self.reason}"


def submission_problems(state: RunnerState) -> list[SubmissionProblem]:
    """What stops submission: visible items without an answer, failed items missing a required photo."""
    problems = []
    for item in state.visible_items:
        answer = state.answers.get(item.code)
        if answer is None:
            problems.append(SubmissionProblem(item.code, say("未作答", "not answered")))
        elif answer.result == AnswerResult.FAIL.value and item.photo_on_fail and not answer.photos:
            problems.append(SubmissionProblem(item.code, say("不合格项需要照片", "a failed item needs a photo")))
    return problems


def grouped_by_reason(problems: list[SubmissionProblem], most: int = 40) -> str:
    """The problems as "reason: code、code、…" so a long list stays readable; at most `most` codes a reason."""
    by_reason: dict[str, list[str]] = {}
    for problem in problems:
        by_reason.setdefault(problem.reason, []).append(problem.item_code)
    parts = []
    for reason, codes in by_reason.items():
        shown = "、".join(codes[:most]) + (f" … (+{len(codes) - most})" if len(codes) > most else "")
        parts.append(f"{reason}: {shown}")
    return "；".join(parts)


class InspectionSteps:
    """The steps of one inspection and the one being shown; the runner widget draws it and asks it where to go."""

    def __init__(self) -> None:
        self.state: RunnerState | None = None
        self.steps: list[Step] = []
        self.current = -1

    def set_state(self, state: RunnerState) -> None:
        """Take the inspection as the service now reads it (after each write); a gate answer changes the steps."""
        self.state = state
        self.steps = runner_steps(state.checklist, state.inspection.gate_answers)
        self.current = min(self.current, len(self.steps) - 1)

    # -- where it stands ------------------------------------------------------------------------
    @property
    def current_step(self) -> Step | None:
        return self.steps[self.current] if 0 <= self.current < len(self.steps) else None

    @property
    def current_item(self) -> Item | None:
        step = self.current_step
        return step.item if step else None

    def move_to(self, index: int) -> int:
        """Make `index` (kept within the steps) the current step; -1 when there are none."""
        self.current = max(0, min(index, len(self.steps) - 1)) if self.steps else -1
        return self.current

    def item_index(self, item_code: str) -> int | None:
        return next((i for i, step in enumerate(self.steps) if step.item is not None and step.item.code == item_code),
                    None)

    def gate_index(self, section_code: str) -> int | None:
        return next((i for i, step in enumerate(self.steps) if step.is_gate and step.section.code == section_code),
                    None)

    def is_pending(self, step: Step) -> bool:
        """The step still waits for an answer."""
        answers = self.state.answers
        if step.is_gate:
            # A gate nobody answered while its items are being answered anyway is not worth going back to.
            return (step.section.code not in self.state.inspection.gate_answers
                    and not any(item.code in answers for item in step.section.items))
        return step.item.code not in answers

    # -- where to go ----------------------------------------------------------------------------
    def resume_index(self) -> int:
        """Where an opened inspection starts: a submitted one at the top, a draft at its first pending step,
        else at the first unanswered visible item (the last one when all are answered)."""
        if self.state.read_only:
            return 0
        pending = next((i for i, step in enumerate(self.steps) if self.is_pending(step)), None)
        if pending is not None:
            return pending
        visible = self.state.visible_items
        if visible:
            return self.item_index(visible[self.state.first_unanswered()].code)
        return 0

    def next_index(self) -> int | None:
        return self.current + 1 if self.current < len(self.steps) - 1 else None

    def previous_index(self) -> int | None:
        return self.current - 1 if self.current > 0 else None

    def next_pending_index(self) -> int | None:
        """The next step still waiting for an answer, wrapping round; None when everything is answered."""
        order = [*range(self.current + 1, len(self.steps)), *range(0, self.current + 1)]
        return next((i for i in order if self.is_pending(self.steps[i])), None)

    # -- submitting -----------------------------------------------------------------------------
    def submission_problems(self) -> list[SubmissionProblem]:
        return submission_problems(self.state)

    @property
    def can_submit(self) -> bool:
        return self.state is not None and not self.state.read_only and not self.submission_problems()
