"""Hybrid logical clock: (wall ms, counter, device id) as sortable text that never goes backwards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from safety_desk.domain.china_time import BEIJING

# Fixed widths make the text form sort exactly like the (wall, counter, device) tuple.
_WALL_DIGITS = 13
_COUNTER_DIGITS = 6
_MAX_COUNTER = 10**_COUNTER_DIGITS - 1
_PATTERN = re.compile(r"^(\d{13})-(\d{6})-(.+)$")

# The stated drift: this device's clock never runs more than this ahead of its wall clock, and a peer's clock
# up to this far ahead of ours is taken as it is (store/merge.py caps anything later to our wall + this).
MAX_DRIFT_MS = 10 * 60 * 1000


@dataclass(frozen=True, order=True)
class Timestamp:
    """One HLC reading. Ordering is (wall_ms, counter, device): the last writer wins ties by device."""

    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}-{self.device}"

    @classmethod
    def parse(cls, text: str) -> "Timestamp":
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"not a hybrid logical clock value: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)), match.group(3))


class HybridClock:
    """Issues timestamps for one device; `observe` folds in clocks seen from peers or other processes.

    With `max_ahead_ms`, a starting or observed value more than that ahead of the wall clock is capped to
    wall + max_ahead_ms and `on_capped(seen wall ms, capped wall ms)` is called: a device whose wall clock
    ran ahead (a year, say) and was then set right returns to normal instead of carrying its far-future
    clock for ever. Capping gives up monotonicity across the jump on purpose: the far-future values were
    wrong, and peers cap them on receipt too (store/merge.py)."""

    def __init__(self, device: str, last: Timestamp | None = None, *, wall: Callable[[], int],
                 max_ahead_ms: int | None = None, on_capped: Callable[[int, int], None] | None = None) -> None:
        self.device = device
        self._wall = wall
        self._max_ahead_ms = max_ahead_ms
        self._on_capped = on_capped
        self._last_wall = 0
        self._last_counter = 0
        self._limit = -1  # wall + max_ahead_ms as last read
        if last is not None:
            self._fold(last.wall_ms, last.counter)

    def _fold(self, wall_ms: int, counter: int) -> None:
        if self._max_ahead_ms is not None and wall_ms > self._limit:
            # Read the wall clock only past the last limit read (a merge observes thousands of clocks).
            self._limit = limit = self._wall() + self._max_ahead_ms
            if wall_ms > limit:
                if self._on_capped is not None:
                    self._on_capped(wall_ms, limit)
                wall_ms, counter = limit, 0
        if (wall_ms, counter) > (self._last_wall, self._last_counter):
            self._last_wall, self._last_counter = wall_ms, counter

    def now(self) -> str:
        """A timestamp later than every one issued or observed before, as sortable text."""
        wall = self._wall()
        if self._max_ahead_ms is not None and self._last_wall > wall + self._max_ahead_ms:
            # The wall clock was set back a long way while this clock ran: cap it, and say so.
            if self._on_capped is not None:
                self._on_capped(self._last_wall, wall + self._max_ahead_ms)
            self._last_wall, self._last_counter = wall + self._max_ahead_ms, 0
        if wall > self._last_wall:
            self._last_wall, self._last_counter = wall, 0
        elif self._last_counter < _MAX_COUNTER:
            # The wall clock stood still or went back (NTP step, another process): count instead.
            self._last_counter += 1
        else:
            # The counter is full: borrow the next millisecond so the text keeps its width and order.
            self._last_wall, self._last_counter = self._last_wall + 1, 0
        return str(Timestamp(self._last_wall, self._last_counter, self.device))

    def observe(self, text: str) -> None:
        """Never issue a timestamp at or below `text` again (HLC receive rule), unless `text` is further ahead of
        the wall clock than `max_ahead_ms` (then the clock moves only that far, see the class)."""
        seen = Timestamp.parse(text)
        if (seen.wall_ms, seen.counter) > (self._last_wall, self._last_counter):
            self._fold(seen.wall_ms, seen.counter)

    @property
    def last(self) -> str:
        return str(Timestamp(self._last_wall, self._last_counter, self.device))


def device_of(clock: str) -> str:
    """The device a clock's text names (its last part), read without parsing the rest (the merge reads it often)."""
    return clock[_WALL_DIGITS + 1 + _COUNTER_DIGITS + 1:]


def clock_time(clock: str | None) -> str | None:
    """An HLC value's wall time as Beijing ISO text (what people see as 'when')."""
    if not clock:
        return None
    moment = datetime.fromtimestamp(Timestamp.parse(clock).wall_ms / 1000, tz=timezone.utc)
    return moment.astimezone(BEIJING).isoformat(timespec="seconds")
