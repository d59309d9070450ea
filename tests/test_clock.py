"""One clock: nothing but domain/clock.py asks the system for the date or time, and services answer to the clock."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.clock import FixedClock, SystemClock, end_of_day

PACKAGE = Path(__file__).resolve().parent.parent / "safety_desk"
THE_CLOCK = PACKAGE / "domain" / "clock.py"
# What reads the system's date or wall time, called or passed on (`default_factory=date.today`). Monotonic and
# perf counters measure durations, not dates; fromtimestamp converts a number it is given.
SYSTEM_TIME = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
               ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime")}


def _system_time_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in SYSTEM_TIME:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_only_the_clock_module_reads_the_system_time() -> None:
    offenders = [call for path in sorted(PACKAGE.rglob("*.py")) if path != THE_CLOCK
                 for call in _system_time_calls(path)]
    assert offenders == []


def test_the_walk_finds_a_new_reading_of_the_system_date(tmp_path: Path) -> None:
    module = tmp_path / "late.py"
    module.write_text("from datetime import date\n\ndef due():\n    return date.today()\n", "utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        assert _system_time_calls(module) == ["late.py:4 date.today"]
    finally:
        PACKAGE = saved


def test_a_fixed_clock_stands_on_a_beijing_day_whatever_the_zone() -> None:
    clock = FixedClock(datetime(2026, 12, 31, 16, 30, tzinfo=timezone.utc))  # 00:30 on 1 January in Beijing
    assert clock.today() == date(2027, 1, 1)  # already the new year in Beijing
    assert clock.now().utcoffset() == timedelta(hours=8)
    clock.advance(timedelta(days=1))
    assert clock.today() == date(2027, 1, 2)
    assert FixedClock(date(2026, 11, 27)).today() == date(2026, 11, 27)
    assert end_of_day(date(2026, 11, 27)).date() == date(2026, 11, 27)


def test_the_system_clock_agrees_with_its_own_milliseconds() -> None:
    clock = SystemClock()
    assert abs(clock.now().timestamp() * 1000 - clock.epoch_ms()) < 5_000


def test_services_answer_to_the_sessions_clock(store) -> None:
    from safety_desk.app import Desk

    admin = store.people.by_login("admin")
    desk = Desk.open(store.path, clock=FixedClock(date(2030, 6, 1)), person=admin)
    try:
        assert desk.ledger.as_of() == date(2030, 6, 1)
        assert desk.hazards.as_of() == date(2030, 6, 1)
        assert desk.at(date(2029, 1, 1)).ledger.as_of() == date(2029, 1, 1)
        with desk.store.transaction():
            desk.store.db.audit_event("test", "office", None, None, {})
        entry = desk.store.db.conn.execute("SELECT at FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
        assert entry.startswith("2030-06-01")  # the audit trail's time is the injected clock's too
    finally:
        desk.close()
