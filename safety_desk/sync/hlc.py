"""Hybrid logical clock: (wall ms, counter, device id) as sortable text that never goes backwards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

# Fixed widths make the text form sort exactly like the (wall, counter, device) tuple.
_WALL_DIGITS = 13
_COUNTER_DIGITS = 6
_MAX_COUNTER = 10**_COUNTER_DIGITS - 1
_PATTERN = re.compile(r"^(\d{13})-(\d{6})-(.+)$")


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
    """Issues timestamps for one device; `observe` folds in clocks seen from peers or other processes."""

    def __init__(self, device: str, last: Timestamp | None = None, *, wall: Callable[[], int]) -> None:
        self.device = device
        self._wall = wall
        self._last_wall = last.wall_ms if last else 0
        self._last_counter = last.counter if last else 0

    def now(self) -> str:
        """A timestamp later than every one issued or observed before, as sortable text."""
        wall = self._wall()
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
        """Never issue a timestamp at or below `text` again (HLC receive rule)."""
        seen = Timestamp.parse(text)
        if (seen.wall_ms, seen.counter) > (self._last_wall, self._last_counter):
            self._last_wall, self._last_counter = seen.wall_ms, seen.counter

    @property
    def last(self) -> str:
        return str(Timestamp(self._last_wall, self._last_counter, self.device))
