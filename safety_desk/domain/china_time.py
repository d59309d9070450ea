"""Beijing time: what official documents and the office's calendar use, whatever the computer's zone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

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
