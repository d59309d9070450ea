"""Which backups to keep: the newest of each of the last 7 days and 4 ISO weeks, and a few of each other kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Why a backup was made. Only DAILY backups rotate by day and week; the others have their own rule below.
DAILY = "daily"            # automatic, when the program starts (at most once a day)
MANUAL = "manual"          # asked for by a person (Settings page, `safety-desk backup` without -o)
IMPORT = "import"          # just before a spreadsheet or sync import writes
MIGRATION = "migration"    # just before the schema is upgraded
BEFORE_RESTORE = "before-restore"  # the database a restore replaced
REASONS = (DAILY, MANUAL, IMPORT, MIGRATION, BEFORE_RESTORE)

KEEP_DAYS = 7
KEEP_WEEKS = 4
# Backups made before an import, a migration or a restore: the newest few of each kind are enough to undo the
# last few of those operations; older ones would only fill the disk (each is a whole copy of the database).
KEEP_PER_EVENT_KIND = 3


@dataclass(frozen=True)
class BackupStamp:
    """A backup as the rule sees it: a name that identifies it, when it was made (Beijing time) and why."""

    name: str
    made_at: datetime
    reason: str


def _iso_week(day: date) -> tuple[int, int]:
    calendar = day.isocalendar()
    return calendar.year, calendar.week


def backups_to_keep(backups: list[BackupStamp]) -> set[str]:
    """The names to keep.

    DAILY: the newest backup of each of the 7 most recent calendar days that have one, and the newest of each
    of the 4 most recent ISO weeks that have one (counted over days that have backups, not over the calendar:
    a program left unused for a month still keeps its last 7 daily backups). At most 7 + 4 files.
    MANUAL: always kept (a person asked for it; they delete it themselves).
    IMPORT, MIGRATION, BEFORE_RESTORE: the newest 3 of each kind.
    A backup whose reason is unknown (a newer program's) is kept.
    """
    keep: set[str] = set()
    # Within one second the longer name is the later copy (name_2 < name_10; the first has no number).
    newest_first = sorted(backups, key=lambda b: (b.made_at, len(b.name), b.name), reverse=True)
    days: dict[date, str] = {}
    weeks: dict[tuple[int, int], str] = {}
    counts: dict[str, int] = {}
    for backup in newest_first:
        if backup.reason == DAILY:
            day = backup.made_at.date()
            if day not in days and len(days) < KEEP_DAYS:
                days[day] = backup.name
            week = _iso_week(day)
            if week not in weeks and len(weeks) < KEEP_WEEKS:
                weeks[week] = backup.name
        elif backup.reason in (IMPORT, MIGRATION, BEFORE_RESTORE):
            counts[backup.reason] = counts.get(backup.reason, 0) + 1
            if counts[backup.reason] <= KEEP_PER_EVENT_KIND:
                keep.add(backup.name)
        else:
            keep.add(backup.name)
    return keep | set(days.values()) | set(weeks.values())


def daily_backup_due(backups: list[BackupStamp], today: date) -> bool:
    """True unless a DAILY backup was already made on `today` (the automatic backup runs at most daily)."""
    return not any(b.reason == DAILY and b.made_at.date() == today for b in backups)
