"""The one source of "now" and "today" (Beijing time): injected everywhere, so the program runs on any date."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

from safety_desk.domain.china_time import BEIJING


class Clock:
    """Beijing time. Every service, page, report and command asks its clock, never the system, for the date."""

    def now(self) -> datetime:
        """This moment as an aware Beijing datetime."""
        return datetime.fromtimestamp(self.epoch_ms() / 1000, BEIJING)

    def epoch_ms(self) -> int:
        """Milliseconds since the Unix epoch (what the hybrid logical clocks count in)."""
        raise NotImplementedError

    def today(self) -> date:
        """The Beijing calendar day: the office's day, whatever the computer's time zone."""
        return self.now().date()


class SystemClock(Clock):
    """The computer's clock: the only code that asks the system what time it is."""

    def epoch_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock(Clock):
    """A clock that stands where it is set (tests, and "as of" views such as `ledger --as-of`)."""

    def __init__(self, moment: datetime | date) -> None:
        self.set(moment)

    def set(self, moment: datetime | date) -> None:
        """Stand at `moment`; a date means noon of that Beijing day, a naive datetime is Beijing time."""
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, 12, tzinfo=BEIJING)
        elif moment.tzinfo is None:
            moment = moment.replace(tzinfo=BEIJING)
        self._moment = moment

    def advance(self, delta: timedelta) -> None:
        self._moment += delta

    def now(self) -> datetime:
        return self._moment.astimezone(BEIJING)

    def epoch_ms(self) -> int:
        return int(self._moment.timestamp() * 1000)


def end_of_day(day: date) -> datetime:
    """The last moment of a Beijing day: what "as of" a day means for a figure about a period."""
    return datetime(day.year, day.month, day.day, 23, 59, 59, 999000, tzinfo=BEIJING)
