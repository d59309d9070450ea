"""Which hazard events of a non-office bundle would damage a hazard's history (refused row by row, not the bundle).

A hazard's status is the fold of its events in clock order, and the fold starts at its `created` event: an
event of an unknown kind, without a valid time or deadline date, one that would sort before the `created` event
(or arrive for a hazard that has none), or a second `created`, would make the office's history of the hazard
start with something else or fold to something no one recorded. Such events are refused and reported; the rest
of the bundle applies. Rules only: the service hands in what the office holds of each hazard's history.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, Iterable

from safety_desk.domain.hazard_status import HazardEventKind
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW, Change, Refuser
from safety_desk.sync.scope_checks import change_key

_KINDS = frozenset(kind.value for kind in HazardEventKind)
_CREATED = HazardEventKind.CREATED.value
_DEADLINE_KINDS = frozenset({HazardEventKind.DEADLINE_SET.value, HazardEventKind.DEADLINE_EXTENDED.value})

# hazard ids -> {hazard id: (clock, id) of its stored created event}; event ids -> those stored here
CreatedEvents = Callable[[list[str]], dict[str, tuple[str, str]]]
StoredEvents = Callable[[list[str]], set[str]]


def _order(change: Change) -> tuple[str, str]:
    """Where the event sorts in its hazard's fold: by its own clock (never later than the write carrying it)."""
    own = change.value.get("clock")
    clock = own if isinstance(own, str) and own and own <= change.clock else change.clock
    return clock, change.row_id


def _valid_date(value: Any, parse: Callable[[str], Any]) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _shape_problem(row: dict[str, Any]) -> str | None:
    kind = row.get("kind")
    if kind not in _KINDS:
        return say(f"未知的隐患事件类型“{kind}”", f"unknown hazard event kind “{kind}”")
    if not _valid_date(row.get("at"), datetime.fromisoformat):
        return say(f"隐患事件“{kind}”的时间“{row.get('at')}”不是有效的时间",
                   f"the time “{row.get('at')}” of the hazard event “{kind}” is not a valid time")
    deadline = row.get("deadline")
    if kind in _DEADLINE_KINDS and not _valid_date(deadline, date.fromisoformat):
        return say(f"隐患事件“{kind}”缺少有效的整改期限", f"the hazard event “{kind}” has no valid rectification deadline")
    if deadline is not None and not _valid_date(deadline, date.fromisoformat):
        return say(f"隐患事件“{kind}”的期限“{deadline}”不是有效的日期",
                   f"the deadline “{deadline}” of the hazard event “{kind}” is not a valid date")
    return None


def history_refusals(changes: Iterable[Change], created_events: CreatedEvents,
                     stored_events: StoredEvents) -> dict[tuple, str]:
    """change_key -> why, for every new hazard event that would damage its hazard's history (module docstring).
    Events already stored here are left to the evidence rule (store/merge.py): they are never rewritten."""
    arriving = [c for c in changes if c.table == "hazard_event" and c.field == WHOLE_ROW and isinstance(c.value, dict)]
    if not arriving:
        return {}
    stored = stored_events(sorted({c.row_id for c in arriving}))
    new = [c for c in arriving if c.row_id not in stored]
    if not new:
        return {}
    refused: dict[tuple, str] = {}
    created = created_events(sorted({str(c.value.get("hazard_id")) for c in new}))
    first_created: dict[str, tuple[str, str]] = dict(created)
    for change in sorted(new, key=_order):
        row = change.value
        hazard_id = str(row.get("hazard_id"))
        problem = _shape_problem(row)
        if problem is None and row.get("kind") == _CREATED:
            if hazard_id in first_created:
                problem = say("隐患已有“登记”事件，不能再登记一次",
                              "the hazard has a “created” event already: it cannot be created twice")
            else:
                first_created[hazard_id] = _order(change)
        elif problem is None:
            start = first_created.get(hazard_id)
            if start is None:
                problem = say(f"隐患 {hazard_id} 没有“登记”（created）事件，其事件记录必须以登记开始",
                              f"hazard {hazard_id} has no “created” event: its history must begin with it")
            elif _order(change) < start:
                problem = say(f"此事件的时钟早于隐患 {hazard_id} 的“登记”事件，事件记录必须以登记开始",
                              f"the event's clock is before the “created” event of hazard {hazard_id}: its history must begin with it")
        if problem:
            refused[change_key(change)] = say(f"hazard_event {change.row_id} 字段 kind：{problem}，未接收",
                                              f"hazard_event {change.row_id} field kind: {problem}; not taken")
    return refused


def refusing_rest(first: Refuser | None, refused: dict[tuple, str]) -> Refuser | None:
    """The merge's `refuse` hook: what `first` refuses, then the changes refused here among the rest (so a forged
    author or clock is reported as such, not as a history problem)."""
    if not refused:
        return first

    def refuse(table: str, row_id: str, row_changes: list[Change], current: dict[str, Any] | None,
               facts: Any) -> list[tuple[Change, str]]:
        found = first(table, row_id, row_changes, current, facts) if first is not None else []
        gone = {id(c) for c, _ in found}
        return found + [(c, refused[change_key(c)]) for c in row_changes
                        if id(c) not in gone and change_key(c) in refused]

    return refuse
