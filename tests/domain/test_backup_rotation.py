"""The rotation rule: 7 daily and 4 weekly backups, a few of each event kind, manual ones always kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from safety_desk.domain.backup_rotation import (
    BackupStamp, backups_to_keep, daily_backup_due,
)
from safety_desk.domain.china_time import BEIJING


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BEIJING)


def _daily(day: date, hour: int = 9) -> BackupStamp:
    return BackupStamp(f"{day.isoformat()}-{hour:02d}-daily", _at(day, hour), "daily")


def test_the_newest_of_each_of_the_last_7_days_and_4_weeks_are_kept() -> None:
    today = date(2026, 11, 27)  # a Friday, ISO week 48
    backups = [_daily(today - timedelta(days=n)) for n in range(60)]
    backups += [_daily(today - timedelta(days=n), hour=8) for n in range(60)]  # an older one the same day
    kept = backups_to_keep(backups)
    days = {f"{(today - timedelta(days=n)).isoformat()}-09-daily" for n in range(7)}  # 21 .. 27 Nov
    # Weeks 48 (newest: today), 47, 46, 45: the newest backup of each is its Sunday, or today.
    weeks = {"2026-11-27-09-daily", "2026-11-22-09-daily", "2026-11-15-09-daily", "2026-11-08-09-daily"}
    assert kept == days | weeks
    assert len(kept) == 9  # 27 and 22 Nov are both among the last 7 days and a week's newest


def test_days_without_a_backup_do_not_count() -> None:
    # The program was used on 9 scattered days: the last 7 of those days are kept, not only this week's.
    used = [date(2026, 9, 1), date(2026, 9, 20), date(2026, 10, 2), date(2026, 10, 3), date(2026, 10, 30),
            date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 27)]
    kept = backups_to_keep([_daily(d) for d in used])
    # 7 days: 2 Oct .. 27 Nov. 4 weeks: W48 (27 Nov), W46 (10 Nov), W45 (2 Nov), W44 (30 Oct), all among them.
    assert kept == {_daily(d).name for d in used[2:]}


def test_event_backups_keep_their_newest_three_and_manual_ones_all() -> None:
    start = _at(date(2026, 11, 1))
    backups = []
    for reason in ("import", "migration", "before-restore", "manual"):
        backups += [BackupStamp(f"{reason}-{n}", start + timedelta(hours=n), reason) for n in range(6)]
    backups.append(BackupStamp("future-kind", start, "something-new"))
    kept = backups_to_keep(backups)
    for reason in ("import", "migration", "before-restore"):
        assert {name for name in kept if name.startswith(reason + "-")} == {f"{reason}-{n}" for n in (3, 4, 5)}
    assert {f"manual-{n}" for n in range(6)} <= kept
    assert "future-kind" in kept


def test_the_daily_backup_is_due_once_per_day() -> None:
    today = date(2026, 11, 27)
    assert daily_backup_due([], today)
    assert daily_backup_due([_daily(today - timedelta(days=1))], today)
    assert not daily_backup_due([_daily(today)], today)
    assert daily_backup_due([BackupStamp("i", _at(today), "import")], today)  # only a daily one counts
