"""Concurrent decisions on one hazard: two hazard events that decide differently, made without seeing each other.

Hazard events are append-only, so both arrive everywhere and the status fold keeps the later one; the other is a
decision someone took that now counts for nothing, and people must be told. Which pairs clash:
- a re-inspection verified on one device and rejected on another;
- two deadline decisions (set or extended) for different dates.
Whether the two saw each other is the store's to judge (what the sender had acknowledged); this is only the kinds.
"""

from __future__ import annotations

from typing import Any

from safety_desk.domain.hazard_status import HazardEventKind

_REVIEW = frozenset({HazardEventKind.VERIFIED.value, HazardEventKind.REJECTED.value})
_DEADLINE = frozenset({HazardEventKind.DEADLINE_SET.value, HazardEventKind.DEADLINE_EXTENDED.value})
DECISION_KINDS = _REVIEW | _DEADLINE
DECISION_FIELD = "decision"  # the conflict's field: a conflict on hazard_event rows of this field is such a pair


def decisions_clash(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two hazard events (rows with kind and deadline) decide the same question differently."""
    kinds = {a.get("kind"), b.get("kind")}
    if kinds == _REVIEW:
        return True
    return kinds <= _DEADLINE and a.get("deadline") != b.get("deadline")
