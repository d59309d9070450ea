"""A device's clock never goes backwards: its new hazard events dated before the writes it sent earlier are refused.

A hybrid clock only moves forward, and a device numbers its writes (seq) in the order it makes them, so a write
numbered after another of the same device carries a later clock. The office keeps, per device and sync
incarnation, the latest-clocked write it received from that device itself (store/local_state.py clock_high). An
enterprise that edits its own database could write an event today with the clock (and time, sync/event_times.py)
of last week, to date a late rectification report before its deadline; numbered after writes whose clocks the
office already holds, it gives itself away and is refused and reported, the rest of the bundle applies.

What is not a mark: clocks capped on receipt (a device running ahead, corrected since, writes below them), and
writes relayed for other devices. A restored device starts a new incarnation and a new mark (its numbers start
over); a late bundle of an older incarnation is judged by nothing here.
"""

from __future__ import annotations

from operator import attrgetter, methodcaller
from typing import Iterable

from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS, clock_time, device_of
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW, Change
from safety_desk.sync.history_checks import StoredEvents
from safety_desk.sync.scope_checks import change_key

Mark = tuple[int, str]  # (seq, clock) of the device's latest-clocked write received
_CLOCK_OF = attrgetter("clock")


def _wall(clock: str) -> int | None:
    head = clock[:13]
    return int(head) if head.isdigit() and len(head) == 13 else None


def latest_write(changes: Iterable[Change], sender_id: str, now_ms: int, tolerance_ms: int = MAX_DRIFT_MS
                 ) -> Mark | None:
    """The sender's own latest-clocked write among `changes` (None: none), leaving out any clock further ahead of
    our wall clock `now_ms` than the tolerance: the merge caps those, and they are no mark to pass."""
    changes = changes if isinstance(changes, list) else list(changes)
    # The common case in C (map, filter, max: a bundle holds 100,000 changes): the latest clock of the sender's own
    # not beyond the cap, when the change carrying it is an ordinary one; otherwise the loop below decides.
    clocks = list(map(_CLOCK_OF, changes))
    cap = f"{now_ms + tolerance_ms:013d}-999999-\uffff"
    best_clock = max(filter(cap.__ge__, filter(methodcaller("endswith", "-" + sender_id), clocks)), default=None)
    if best_clock is None:
        return None
    found = changes[clocks.index(best_clock)]
    if found.seq > 0 and found.capped_from is None and device_of(best_clock) == sender_id:
        return found.seq, best_clock
    best: Mark | None = None
    for change in changes:
        if change.seq <= 0 or change.capped_from is not None or device_of(change.clock) != sender_id:
            continue
        wall = _wall(change.clock)
        if wall is None or wall > now_ms + tolerance_ms:
            continue
        if best is None or change.clock > best[1]:
            best = (change.seq, change.clock)
    return best


def backwards_refusals(changes: Iterable[Change], sender_id: str, mark: Mark | None, stored_events: StoredEvents,
                       tolerance_ms: int = MAX_DRIFT_MS) -> dict[tuple, str]:
    """change_key -> why, for each new hazard event the sender wrote (its write numbered after `mark`, the latest
    write of its own the office held before this bundle) with a clock more than the tolerance before that mark."""
    if mark is None:
        return {}
    mark_seq, mark_clock = mark
    mark_wall = _wall(mark_clock)
    if mark_wall is None:
        return {}
    suspects = [c for c in changes if c.table == "hazard_event" and c.field == WHOLE_ROW and c.seq > mark_seq
                and device_of(c.clock) == sender_id and (_wall(c.clock) or 0) < mark_wall - tolerance_ms]
    if not suspects:
        return {}
    stored = stored_events(sorted({c.row_id for c in suspects}))
    refused: dict[tuple, str] = {}
    for change in suspects:
        if change.row_id in stored:
            continue  # already here: the evidence rule keeps it as it is
        written, before = clock_time(change.clock), clock_time(mark_clock)
        refused[change_key(change)] = say(
            f"hazard_event {change.row_id} 字段 clock：此事件是设备在已发来的修改（序号 {mark_seq}，时间 {before}）之后写的，"
            f"时钟却早于它们（{written}）；设备的时钟不会倒退，未接收",
            f"hazard_event {change.row_id} field clock: the device wrote this event after changes it had already sent "
            f"(seq {mark_seq}, at {before}) but its clock is earlier ({written}); a device's clock never goes "
            "backwards; not taken")
    return refused
