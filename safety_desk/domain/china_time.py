"""Beijing time: what official documents and the office's calendar use, whatever the computer's zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# China keeps one time zone (UTC+8, no daylight saving).
BEIJING = timezone(timedelta(hours=8))


def beijing_minute(text: str | None) -> str:
    """An ISO timestamp as Beijing "YYYY-MM-DD HH:MM" ('' for none); a naive one is taken as already local."""
    if not text:
        return ""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(BEIJING)
    return moment.strftime("%Y-%m-%d %H:%M")


def beijing_day(text: str | None) -> date | None:
    """An ISO date, or the Beijing calendar day of an ISO timestamp (None for none); naive is taken as local."""
    if not text:
        return None
    if len(text) == 10:
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    return (moment.astimezone(BEIJING) if moment.tzinfo else moment).date()


def epoch_ms_of(text: object) -> int | None:
    """An ISO timestamp as milliseconds since the epoch, a naive one taken as Beijing time (every stored moment
    is: store/database.py now_iso); None for anything that is not such a text."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return int(moment.timestamp() * 1000)


def beijing_minute_of_ms(epoch_ms: int) -> str:
    """Milliseconds since the epoch as Beijing "YYYY-MM-DD HH:MM"."""
    return datetime.fromtimestamp(epoch_ms / 1000, BEIJING).strftime("%Y-%m-%d %H:%M")
