"""Which hazard events of an enterprise's bundle claim a time that is not when they were written (refused row by row).

An event's `at` is what the ledger shows as the day a hazard was reported rectified (or found, or progressed) and
what a past week's figures fold by (store/state_as_of.py). The app takes it from the wall clock in the transaction
that also takes the clock of the write carrying the event (store/hazards.py append_event), so the two agree to
within the drift a hybrid clock may run ahead of its wall clock. An enterprise that edits its own database could
date a late rectification report before its deadline, or past the end of every week the office will print; such
an event is refused and reported like the other history checks (sync/history_checks.py), the rest applies.

Enterprise devices only: an inspector's laptop imports old ledgers, whose events carry the dates written in the
spreadsheet (services/imports.py); what an enterprise imports is the office's to take (source 'import' hazards
are refused from it by domain/ownership.py anyway).
"""

from __future__ import annotations

from typing import Iterable

from safety_desk.domain.china_time import epoch_ms_of
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS, Timestamp, clock_time
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW, Change
from safety_desk.sync.history_checks import StoredEvents
from safety_desk.sync.scope_checks import change_key


def event_time_refusals(changes: Iterable[Change], stored_events: StoredEvents,
                        tolerance_ms: int = MAX_DRIFT_MS) -> dict[tuple, str]:
    """change_key -> why, for every new hazard event whose time is more than `tolerance_ms` from the wall time of
    the write that carries it. Events already stored are left to the evidence rule: they never change."""
    arriving = [c for c in changes if c.table == "hazard_event" and c.field == WHOLE_ROW and isinstance(c.value, dict)]
    if not arriving:
        return {}
    stored = stored_events(sorted({c.row_id for c in arriving}))
    refused: dict[tuple, str] = {}
    minutes = tolerance_ms // 60_000
    for change in arriving:
        if change.row_id in stored:
            continue
        at = change.value.get("at")
        at_ms = epoch_ms_of(at)  # not a time at all: sync/history_checks.py refuses it with its own reason
        try:
            written_ms = Timestamp.parse(change.clock).wall_ms
        except ValueError:
            continue  # a malformed write clock is the clock checks' to report (store/merge_clocks.py)
        if at_ms is None or abs(at_ms - written_ms) <= tolerance_ms:
            continue
        written = clock_time(change.clock)
        refused[change_key(change)] = say(
            f"hazard_event {change.row_id} 字段 at：事件时间 {at} 与写入它的时间 {written} 相差超过 {minutes} 分钟，"
            "事件只能记录写入时的时间（请核对发送设备的日期和时间），未接收",
            f"hazard_event {change.row_id} field at: the event's time {at} is more than {minutes} minutes from when "
            f"it was written ({written}): an event records the time it is written (check the sending device's date "
            "and time); not taken")
    return refused
