"""Checking and capping every clock that orders anything, on receipt, before the merge compares them.

Two kinds of clock travel in a bundle (DESIGN.md §4):
- the write clock of each change (which value wins a cell): one further ahead of our wall clock than the
  tolerance is lowered to our wall clock now, keeping its counter and device so it stays unique, and the
  clock it came with travels on as `capped_from`. Now, not now + tolerance: observing the capped clock then
  does not drag this device's own clock ahead, so what it writes next orders after the capped change, and
  relaying the capped change does not make a peer whose clock is a little behind ours cap it again and
  take the relayer's own later writes for a clock running ahead;
- the clock a row carries as data (hazard_event.clock, which orders a hazard's status fold): it must be a
  clock and no later than the (capped) write that carried it, as every honest write makes it (the event's
  clock is taken in the transaction that writes it, before the write's own). Otherwise it becomes that
  write's clock, so a device whose clock ran a year ahead cannot order its events after everyone else's;
  at the office, the event's time (`at`), read from the same wall clock, is then capped to that write's time
  too (on a device, a clock the office sends may only look ahead because ours runs behind: its times stand).

Nothing in a bundle's manifest (created, created_ms, clock_min/clock_max) is used for any of this: only our
own wall clock and the change clocks themselves. Drift is attributed to the device named in the clock (the
writer), never to the device that relayed the change.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import compress
from itertools import count as _count
from typing import Iterable

from safety_desk.domain.china_time import BEIJING, epoch_ms_of
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS, device_of
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW, Change

_CLOCK = re.compile(r"^\d{13}-\d{6}-[0-9A-Za-z_.:-]{1,64}$")
ROW_CLOCK_COLUMN = "clock"
TIME_COLUMN = "at"  # when a clocked row says it was written: capped with its clock (_capped_moment)
_CLOCK_OF = operator.attrgetter("clock")
_TABLE_OF = operator.attrgetter("table")


def wall_of(clock: str) -> int:
    return int(clock[:13])


def cap_clock(clock: str, cap_wall: int) -> str:
    """The same clock with its wall part lowered to `cap_wall` (counter and device kept, so it stays unique)."""
    return f"{cap_wall:013d}{clock[13:]}"


@dataclass
class ClockFindings:
    """What capping found, per writing device: how far ahead and how many write clocks were capped, how many
    row clocks were set back, and which device relayed them when it was not the writer."""

    drift: dict[str, tuple[int, int]] = field(default_factory=dict)  # device -> (most ms ahead, changes capped)
    row_clocks: dict[str, int] = field(default_factory=dict)        # device -> rows whose own clock was reset
    relayed_by: dict[str, str] = field(default_factory=dict)        # writing device -> the sender that relayed


def cap_clocks(changes: list[Change], *, now_ms: int | None, tolerance_ms: int, source: str,
               clocked_tables: frozenset[str], cap_times: bool = False) -> tuple[list[Change], ClockFindings]:
    """The changes with every ordering clock checked and capped (see the module docstring), in place; with
    `cap_times` (at the office, from a device), the time of a row whose clock is set back too."""
    found = ClockFindings()
    if not changes:
        return changes, found
    cap_wall = None if now_ms is None else now_ms + tolerance_ms
    # Scans of every change run in C (map, attrgetter, compress): a bundle holds 100,000 of them.
    caps_writes = cap_wall is not None and wall_of(max(map(_CLOCK_OF, changes))) > cap_wall
    if caps_writes:
        indexes: Iterable[int] = range(len(changes))
    else:  # only row clocks to check: the changes of clocked tables
        indexes = list(compress(_count(), map(clocked_tables.__contains__, map(_TABLE_OF, changes))))
    for index in indexes:
        change = changes[index]
        if caps_writes and wall_of(change.clock) > cap_wall:
            device = device_of(change.clock)
            ahead, count = found.drift.get(device, (0, 0))
            found.drift[device] = (max(ahead, wall_of(change.clock) - now_ms), count + 1)
            if source and device != source:
                found.relayed_by[device] = source
            change = replace(change, clock=cap_clock(change.clock, now_ms),
                             capped_from=change.capped_from or change.clock)
        if change.table in clocked_tables:
            value = change.value
            own = value.get(ROW_CLOCK_COLUMN) if change.field == WHOLE_ROW and type(value) is dict else None
            if type(own) is not str or own > change.clock or not _CLOCK.match(own):  # else: as _checked_row_clock
                change = _checked_row_clock(change, found, source, cap_times)
        changes[index] = change
    return changes, found


def _checked_row_clock(change: Change, found: ClockFindings, source: str, cap_times: bool = False) -> Change:
    if change.field == WHOLE_ROW:
        if not isinstance(change.value, dict) or ROW_CLOCK_COLUMN not in change.value:
            return change
        own = change.value[ROW_CLOCK_COLUMN]
    elif change.field == ROW_CLOCK_COLUMN:
        own = change.value
    else:
        return change
    if isinstance(own, str) and _CLOCK.match(own) and own <= change.clock:
        return change
    device = device_of(change.clock)
    found.row_clocks[device] = found.row_clocks.get(device, 0) + 1
    if source and device != source:
        found.relayed_by[device] = source
    if change.field == WHOLE_ROW:
        return replace(change, value={**change.value, ROW_CLOCK_COLUMN: change.clock,
                                      **(_capped_moment(change.value, change.clock) if cap_times else {})})
    return replace(change, value=change.clock)


def _capped_moment(row: dict, clock: str) -> dict[str, str]:
    """{TIME_COLUMN: the write's time} when the row's own time is later than that (by more than the stated drift),
    else {}. The row's clock was set back because its device's clock ran ahead; its time, taken from the same
    wall clock, ran ahead with it, and a past period's figures fold events by that time (store/state_as_of.py):
    an event dated a year ahead would be left out of every figure until then."""
    moment_ms = epoch_ms_of(row.get(TIME_COLUMN))
    if moment_ms is None or moment_ms <= wall_of(clock) + MAX_DRIFT_MS:
        return {}  # (not a time: sync/history_checks.py refuses such an event from a device)
    return {TIME_COLUMN: datetime.fromtimestamp(wall_of(clock) / 1000, BEIJING).isoformat(timespec="milliseconds")}


def clock_notes(found: ClockFindings, tolerance_ms: int) -> list[tuple[str, int, str]]:
    """(device, most ms ahead, note) for each writing device whose clocks were capped: what the conflicts table
    keeps and the import reports. The note names the relaying device as a relayer, not as the one at fault."""
    notes = []
    minutes = tolerance_ms // 60000
    for device in sorted(set(found.drift) | set(found.row_clocks)):
        ahead, count = found.drift.get(device, (0, 0))
        rows = found.row_clocks.get(device, 0)
        zh, en = [], []
        if count:
            zh.append(f"设备 {device} 的时钟超前约 {ahead // 60000} 分钟（超过 {minutes} 分钟的容差），{count} 项修改"
                      "的时钟已改为本机当前时间")
            en.append(f"the clock of device {device} is about {ahead // 60000} min ahead (more than the {minutes} "
                      f"min tolerance); {count} changes were capped to our time")
        if rows:
            zh.append(f"{rows} 条记录自身的时钟晚于写入它的时钟或无效，已改为写入时钟")
            en.append(f"{rows} rows carried their own clock later than the write that carried them (or not a "
                      "clock): set to that write's clock")
        relayer = found.relayed_by.get(device)
        if relayer:
            zh.append(f"由设备 {relayer} 转来（转发设备无过错）")
            en.append(f"relayed by device {relayer}, which is not at fault")
        notes.append((device, ahead, say("；".join(zh), "; ".join(en))))
    return notes
