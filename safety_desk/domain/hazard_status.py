"""Hazard rectification status (待整改 → 整改中 → 待复查 → 已销号) derived by folding events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Sequence


class HazardStatus(StrEnum):
    """Closed-loop status of a hazard; the value is the Chinese name shown in the ledger."""

    OPEN = "待整改"
    IN_PROGRESS = "整改中"
    AWAITING_REVIEW = "待复查"
    CLOSED = "已销号"


class HazardEventKind(StrEnum):
    """Kind of a recorded hazard event; the value is the stable code stored in the event log."""

    CREATED = "created"
    DEADLINE_SET = "deadline_set"
    DEADLINE_EXTENDED = "deadline_extended"
    PROGRESS = "progress"
    REPORTED_RECTIFIED = "reported_rectified"
    VERIFIED = "verified"
    REJECTED = "rejected"
    REOPENED = "reopened"
    COMMENT = "comment"


@dataclass(frozen=True)
class HazardEventFact:
    """The part of a hazard event the fold needs; `deadline` only on deadline-bearing kinds."""

    kind: HazardEventKind
    at: datetime
    deadline: date | None = None


@dataclass(frozen=True)
class HazardState:
    """Status and dates of a hazard after folding its events."""

    status: HazardStatus
    deadline: date | None
    created_at: datetime
    rectified_at: datetime | None
    closed_at: datetime | None
    rejections: int
    ignored: tuple[int, ...] = field(default=())


_DEADLINE_KINDS = frozenset({HazardEventKind.DEADLINE_SET, HazardEventKind.DEADLINE_EXTENDED})
_NOT_CLOSED = (HazardStatus.OPEN, HazardStatus.IN_PROGRESS, HazardStatus.AWAITING_REVIEW)

# Status after an event of `kind` in `status`; kinds absent for a status do not apply there.
# Deadline and comment events apply but keep the status.
_TRANSITIONS: dict[HazardStatus, dict[HazardEventKind, HazardStatus]] = {
    HazardStatus.OPEN: {
        HazardEventKind.PROGRESS: HazardStatus.IN_PROGRESS,
        HazardEventKind.REPORTED_RECTIFIED: HazardStatus.AWAITING_REVIEW,
    },
    HazardStatus.IN_PROGRESS: {
        HazardEventKind.PROGRESS: HazardStatus.IN_PROGRESS,
        HazardEventKind.REPORTED_RECTIFIED: HazardStatus.AWAITING_REVIEW,
    },
    HazardStatus.AWAITING_REVIEW: {
        HazardEventKind.VERIFIED: HazardStatus.CLOSED,
        HazardEventKind.REJECTED: HazardStatus.IN_PROGRESS,
    },
    HazardStatus.CLOSED: {
        HazardEventKind.REOPENED: HazardStatus.IN_PROGRESS,
    },
}
for _status in _NOT_CLOSED:
    for _kind in _DEADLINE_KINDS:
        _TRANSITIONS[_status][_kind] = _status
for _status in HazardStatus:
    _TRANSITIONS[_status][HazardEventKind.COMMENT] = _status
del _status, _kind


def allowed_next(status: HazardStatus | None) -> frozenset[HazardEventKind]:
    """Event kinds that apply in `status`; None (no event yet) allows only created.

    Deadline events additionally need a deadline date to apply.
    """
    if status is None:
        return frozenset({HazardEventKind.CREATED})
    return frozenset(_TRANSITIONS[HazardStatus(status)])


def fold_hazard_events(events: Sequence[HazardEventFact]) -> HazardState:
    """The state reached by applying `events` in their recorded order.

    Events from several devices may interleave after sync, so the fold never raises on
    order: an event that does not apply in the current status (anything before created,
    a second created, verified while 待整改, a deadline event without a date …) is skipped
    and its index listed in `ignored`. Only an empty sequence is an error.
    """
    if len(events) == 0:
        raise ValueError(
            "cannot fold an empty hazard event sequence: at least a created event is needed"
        )
    status: HazardStatus | None = None
    deadline: date | None = None
    created_at: datetime | None = None
    rectified_at: datetime | None = None
    closed_at: datetime | None = None
    rejections = 0
    ignored: list[int] = []

    for index, event in enumerate(events):
        kind = event.kind
        if status is None:
            if kind != HazardEventKind.CREATED:
                ignored.append(index)
                continue
            status = HazardStatus.OPEN
            created_at = event.at
            deadline = event.deadline
            continue
        if kind not in _TRANSITIONS[status] or (kind in _DEADLINE_KINDS and event.deadline is None):
            ignored.append(index)
            continue
        if kind in _DEADLINE_KINDS:
            deadline = event.deadline
        elif kind == HazardEventKind.REPORTED_RECTIFIED:
            rectified_at = event.at
        elif kind == HazardEventKind.VERIFIED:
            closed_at = event.at
        elif kind == HazardEventKind.REJECTED:
            # The pending rectification report was not accepted, so nothing stands rectified.
            rejections += 1
            rectified_at = None
        elif kind == HazardEventKind.REOPENED:
            # A reopened hazard is no longer rectified: the accepted report no longer stands.
            closed_at = None
            rectified_at = None
        status = _TRANSITIONS[status][kind]

    if status is None or created_at is None:
        # Without a created event there is no hazard to describe; this is data, not order.
        raise ValueError(
            f"hazard events contain no created event (kinds: {[str(e.kind) for e in events]})"
        )
    return HazardState(
        status=status,
        deadline=deadline,
        created_at=created_at,
        rectified_at=rectified_at,
        closed_at=closed_at,
        rejections=rejections,
        ignored=tuple(ignored),
    )


_RECTIFYING = frozenset({HazardStatus.OPEN, HazardStatus.IN_PROGRESS})


def overdue_days(state: HazardState, as_of: date) -> int:
    """Days past the deadline while still 待整改/整改中; 0 otherwise. Derived, never stored."""
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    if state.status not in _RECTIFYING or state.deadline is None:
        return 0
    deadline = state.deadline.date() if isinstance(state.deadline, datetime) else state.deadline
    return max(0, (as_of - deadline).days)


def is_overdue(state: HazardState, as_of: date) -> bool:
    """Whether the hazard is past its deadline and still being rectified on `as_of`."""
    return overdue_days(state, as_of) > 0
