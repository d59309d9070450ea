"""An enterprise that edits its own database cannot back-date (or post-date) the time of its rectification report:
the event's time is what the office's ledger shows as the rectification date and what a past week's figures fold
by, so an event whose time is not when the write carrying it was made is refused and reported, not the bundle."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from safety_desk.domain.china_time import BEIJING
from safety_desk.services.doctor import run_doctor
from safety_desk.services.hazards import HazardService
from safety_desk.services.session import Session
from safety_desk.services.sync import SyncService

from hostile import HostileEdit, table_dump
from malicious_replica import YEAR, ShiftedClock, reopen
from sync_helpers import add_photo, as_person, exchange, hazard_of

DAY_MS = 24 * 3600 * 1000


def _moment(wall_ms: int) -> str:
    return datetime.fromtimestamp(wall_ms / 1000, tz=timezone.utc).astimezone(BEIJING).isoformat(timespec="milliseconds")


def _event(raw: HostileEdit, hazard_id: str, kind: str, at_ms: int, person: str) -> str:
    """A new event of the enterprise's own kind, written and logged now, claiming the time `at_ms`."""
    event_id = f"0190ffff-0000-7000-8000-{raw.wall:012x}"
    clock = f"{raw.wall + 1:013d}-000000-{raw.replica.device_id}"
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos)"
              " VALUES (?, ?, ?, ?, ?, ?, NULL, '已整改', '[]')",
              (event_id, hazard_id, kind, _moment(at_ms), person, clock), "hazard_event", event_id, author=person)
    return event_id


def test_an_enterprise_cannot_back_date_its_rectification_report(english, world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    person = enterprise.store.people.by_login("e1").id
    before_state = table_dump(office.store, "hazard_state")
    raw = HostileEdit(enterprise)
    # Reported today, but dated ten days ago (before the deadline the inspector set): on time in the ledger.
    backdated = _event(raw, hazard.id, "reported_rectified", raw.wall - 10 * DAY_MS, person)
    # And one dated a year ahead, which no past week's figures would ever fold.
    postdated = _event(raw, hazard.id, "progress", raw.wall + 365 * DAY_MS, person)
    honest = _event(raw, hazard.id, "comment", raw.wall, person)  # written now, dated now: taken
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    held = {e.id for e in office.store.hazards.events(hazard.id)}
    assert honest in held and not {backdated, postdated} & held
    assert table_dump(office.store, "hazard_state") == before_state
    assert office.store.hazards.cached_state(hazard.id).rectified_at is None
    refused = {r.split(":")[0] for r in result.refused}
    assert refused == {f"hazard_event.* {i}" for i in (backdated, postdated)}
    assert all("time" in r for r in result.refused)
    shown = {c.row_id for c in office.sync.conflicts() if c.kind == "refused"}
    assert {backdated, postdated} <= shown
    assert run_doctor(office.store).ok
    # Told back, the enterprise keeps them as conflicts and is not stuck.
    exchange(office, enterprise, tmp_path)
    assert {backdated, postdated} <= {c.row_id for c in enterprise.sync.conflicts() if c.kind == "refused"}
    assert enterprise.sync.changes_waiting(office.device_id) == 0


def test_a_rectification_report_from_a_pc_a_year_ahead_is_dated_when_the_office_received_it(world, tmp_path) -> None:
    """An honest enterprise PC whose date is set a year ahead: its report's clock is capped on receipt, and its
    time with it, or the ledger would show it rectified next year and every figure until then would leave the
    report out (a hazard the inspector then closes would count as open and overdue for a year)."""
    office, _, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    shifted = ShiftedClock()
    shifted.offset = YEAR
    enterprise = reopen(enterprise, shifted)
    try:
        photo = add_photo(enterprise.store, "整改后")
        HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
        exchange(enterprise, office, tmp_path)
    finally:
        enterprise.close()
    reported = next(e for e in office.store.hazards.events(hazard.id) if e.kind == "reported_rectified")
    now = office.store.db.wall.now()
    assert datetime.fromisoformat(reported.at) <= now
    assert office.store.hazards.cached_state(hazard.id).rectified_at[:10] == now.date().isoformat()
    assert office.store.hazards.mismatched_states() == []


def test_an_enterprise_cannot_back_date_a_report_with_its_clocks_too(english, world, tmp_path) -> None:
    """The owner back-dates the report's time, its own clock and the clock of the write that carries it, all ten
    days back; but the office already holds writes of this device from today, and a device's clock never goes
    backwards: the event is refused and reported, the rest of the bundle applies."""
    month_on = ShiftedClock()  # a month after 隐患1 was registered: ten days back is still after that
    month_on.offset = timedelta(days=30)
    office, enterprise = (_living_on(reopen(replica, month_on), month_on) for replica in (world[0], world[2]))
    try:
        _back_date_everything(office, enterprise, tmp_path)
    finally:
        office.close()
        enterprise.close()


def _living_on(replica, clock):
    """The replica with its sessions (and so its sync's wall clock) on `clock` too, as its store is."""
    def refresh() -> None:
        replica.session = Session.of_device(replica.store, clock)
        replica.sync = SyncService(replica.session)
        replica.sync.backup = lambda: None

    replica.refresh = refresh
    refresh()
    return replica


def _back_date_everything(office, enterprise, tmp_path) -> None:
    hazard = hazard_of(office.store, "隐患1")
    person = enterprise.store.people.by_login("e1").id
    raw = HostileEdit(enterprise)
    raw.wall = month_on_ms = enterprise.store.db.wall.epoch_ms()
    first = _event(raw, hazard.id, "comment", month_on_ms, person)  # an honest comment, sent today
    raw.commit()
    assert exchange(enterprise, office, tmp_path).refused == []
    before_state = table_dump(office.store, "hazard_state")
    raw = HostileEdit(enterprise)
    raw.wall -= 10 * DAY_MS
    backdated = _event(raw, hazard.id, "reported_rectified", raw.wall, person)
    raw.wall += 10 * DAY_MS
    honest = _event(raw, hazard.id, "comment", raw.wall, person)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    held = {e.id for e in office.store.hazards.events(hazard.id)}
    assert {first, honest} <= held and backdated not in held
    assert table_dump(office.store, "hazard_state") == before_state
    assert [r.split(":")[0] for r in result.refused] == [f"hazard_event.* {backdated}"]
    assert "backwards" in result.refused[0]
    assert backdated in {c.row_id for c in office.sync.conflicts() if c.kind == "refused"}
    exchange(office, enterprise, tmp_path)
    assert enterprise.sync.changes_waiting(office.device_id) == 0
