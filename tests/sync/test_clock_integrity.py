"""Clocks a hostile or wrong device cannot use: event clocks capped on receipt, manifest timing ignored, a device's
own clock back to normal once its wall clock is right, and capped changes relayed without blaming the relayer."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.clock import FixedClock
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS, HybridClock, Timestamp
from safety_desk.domain.language import set_language
from safety_desk.services.hazards import HazardService
from safety_desk.store.store import Store
from safety_desk.sync.identity import sign

from sync_helpers import Replica, add_photo, as_person, exchange, hazard_of, unseal_in_place

YEAR_MS = 365 * 24 * 3600 * 1000


def _run_a_year_ahead(replica) -> int:
    """Make the replica's wall clock (and so its hybrid clock) run a year ahead, as a mis-set PC does: the times its
    records carry (an event's `at`) are read from that wall clock too."""
    last = Timestamp.parse(replica.store.db.clock.last)
    wall = last.wall_ms + YEAR_MS
    replica.store.db.wall = FixedClock(datetime.fromtimestamp(wall / 1000, BEIJING))
    replica.store.db.clock = HybridClock(replica.device_id, last, wall=lambda: wall)
    replica.store.db.set_local("hlc", replica.store.db.clock.last)
    return wall


def _report_rectified(enterprise, hazard_id: str) -> None:
    photo = add_photo(enterprise.store, "整改后 " + hazard_id)
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard_id, "已整改", [photo])


def _status(replica, hazard_id: str) -> str:
    return replica.store.hazards.cached_state(hazard_id).status


def test_a_year_ahead_enterprise_event_does_not_outrank_the_inspectors_later_decisions(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    _run_a_year_ahead(enterprise)
    _report_rectified(enterprise, hazard.id)
    result = exchange(enterprise, office, tmp_path)
    assert any("ahead" in w for w in result.warnings)
    assert _status(office, hazard.id) == "待复查"
    # The event's own clock, which orders the status fold, was capped with the write that carried it.
    event = next(e for e in office.store.hazards.events(hazard.id) if e.kind == "reported_rectified")
    assert Timestamp.parse(event.clock).wall_ms <= office.sync._wall_ms() + MAX_DRIFT_MS
    # The inspector rejects afterwards (on the laptop, after syncing): the rejection counts, here and at the office.
    exchange(office, inspector, tmp_path)
    assert _status(inspector, hazard.id) == "待复查"
    inspector.store.hazards.append_event(hazard.id, "rejected", reason="整改不到位")
    assert _status(inspector, hazard.id) == "整改中"
    exchange(inspector, office, tmp_path)
    assert _status(office, hazard.id) == "整改中"
    assert office.store.hazards.mismatched_states() == []


def test_an_event_clock_edited_far_ahead_in_the_senders_own_database_is_capped(english, world, tmp_path) -> None:
    """The hostile owner: a correct wall clock, but its event row's own clock edited to the far future (and one to
    something that is not a clock) in its own SQLite; the app signs the bundle with its own key."""
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    _report_rectified(enterprise, hazard.id)
    event = next(e for e in enterprise.store.hazards.events(hazard.id) if e.kind == "reported_rectified")
    raw = sqlite3.connect(enterprise.store.path)
    with raw:
        raw.execute("UPDATE hazard_event SET clock = ? WHERE id = ?",
                    (f"9999999999999-000000-{enterprise.device_id}", event.id))
    raw.close()
    result = exchange(enterprise, office, tmp_path)
    assert any("rows" in w and enterprise.device_id in w for w in result.warnings)
    stored = next(e for e in office.store.hazards.events(hazard.id) if e.id == event.id)
    assert Timestamp.parse(stored.clock).wall_ms <= office.sync._wall_ms() + MAX_DRIFT_MS
    assert any(c.kind == "clock" and c.row_id == enterprise.device_id for c in office.sync.conflicts())
    office.store.hazards.append_event(hazard.id, "rejected", reason="整改不到位")
    assert _status(office, hazard.id) == "整改中"


def _forged_manifest(path: Path, private_pem: str, **fields) -> Path:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    manifest = {**json.loads(members["manifest.json"]), **fields}
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    members.update({"manifest.json": data, "manifest.sig": base64.b64encode(sign(private_pem, data))})
    forged = path.with_name("forged-" + path.name)
    with zipfile.ZipFile(forged, "w") as archive:
        for name, member in members.items():
            archive.writestr(name, member, compress_type=zipfile.ZIP_DEFLATED)
    return forged


def test_manifest_timing_fields_decide_nothing(world, tmp_path) -> None:
    """A signed manifest claiming the office's clock ran ahead (clock_ahead_ms) and a creation time of 1970 must not
    make the office's own later values lose to the sender's older ones."""
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    enterprise.store.hazards.update(hazard.id, treatment_plan={"objectives": "企业旧的"})
    office.store.db.clock.observe(enterprise.store.db.clock.last)
    office.store.hazards.update(hazard.id, treatment_plan={"objectives": "安全办后来的"})
    exported = enterprise.sync.export(tmp_path, for_device=office.device_id)
    unseal_in_place(exported.path, office)
    forged = _forged_manifest(exported.path, enterprise.store.db.local("private_key"), created_ms=0,
                              created="1970-01-01T08:00:00.000+08:00", clock_ahead_ms=YEAR_MS,
                              clock_min=None, clock_max=None)
    office.sync.import_bundle(forged)
    assert office.store.hazards.require(hazard.id).treatment_plan == {"objectives": "安全办后来的"}


def test_a_device_whose_clock_was_a_year_ahead_returns_to_normal_with_a_warning(world, tmp_path) -> None:
    office, _, enterprise = world
    wall = _run_a_year_ahead(enterprise)
    hazard = hazard_of(enterprise.store, "隐患1")
    enterprise.store.hazards.update(hazard.id, treatment_plan={"objectives": "时钟超前时写的"})
    assert Timestamp.parse(enterprise.store.db.local("hlc")).wall_ms >= wall
    path = enterprise.store.path
    enterprise.close()
    # The wall clock is set right: the device reopens with its own stored clock a year ahead.
    store = Store.open(path)
    try:
        now_ms = store.db.wall.epoch_ms()
        assert Timestamp.parse(store.db.clock.last).wall_ms <= now_ms + MAX_DRIFT_MS
        store.hazards.update(hazard.id, treatment_plan={"objectives": "时钟校准后写的"})
        assert Timestamp.parse(store.db.local("hlc")).wall_ms <= store.db.wall.epoch_ms() + MAX_DRIFT_MS
        assert Timestamp.parse(store.db.cell_clocks("hazard", hazard.id)["treatment_plan"][0]).wall_ms \
            <= store.db.wall.epoch_ms() + MAX_DRIFT_MS
        assert store.db.clock_capping() is not None
    finally:
        store.close()
    runner = CliRunner()
    status = runner.invoke(main, ["--lang", "en", "--db", str(path), "sync", "status"], catch_exceptions=False)
    assert "clock had run about" in status.output and "capped" in status.output
    doctor = runner.invoke(main, ["--lang", "en", "--db", str(path), "doctor"], catch_exceptions=False)
    assert "clock had run about" in doctor.output
    # And the value written after the correction is the one the office ends up with.
    enterprise = Replica("enterprise", Store.open(path))
    try:
        exchange(enterprise, office, tmp_path)
        assert office.store.hazards.require(hazard.id).treatment_plan == {"objectives": "时钟校准后写的"}
    finally:
        enterprise.close()


def test_a_capped_change_relayed_by_the_office_is_not_blamed_on_the_office(world, tmp_path) -> None:
    """The office caps the enterprise's year-ahead clocks; a laptop whose clock is two minutes behind the office's
    (well within the tolerance) receives them relayed, with the office's own writes after them: nothing there is
    taken for a clock running ahead, and the office is never told its clock runs ahead."""
    office, inspector, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    _run_a_year_ahead(enterprise)
    _report_rectified(enterprise, hazard.id)
    exchange(enterprise, office, tmp_path)
    office.store.hazards.update(hazard.id, measures="安全办随后写的")  # the relayer's own write, just after
    from safety_desk.services.sync import SyncService

    behind = office.sync._wall_ms() - 2 * 60 * 1000
    exported = office.sync.export(tmp_path, for_device=inspector.device_id)
    result = SyncService(inspector.session, wall_ms=lambda: behind).import_bundle(exported.path)
    assert not [w for w in result.warnings if "of device" in w], result.warnings
    assert inspector.store.local_state.clock_ahead_ms(office.device_id) == 0
    assert not [c for c in inspector.sync.conflicts() if c.kind == "clock"]
    assert _status(inspector, hazard.id) == "待复查"
    assert inspector.store.hazards.require(hazard.id).measures == "安全办随后写的"


def test_a_change_capped_where_it_arrives_by_a_relayer_names_its_writer() -> None:
    """A receiver whose clock is far behind caps a relayed change: the note names the device whose clock it is and
    says the relayer is not at fault."""
    from safety_desk.domain.sync_model import WHOLE_ROW, Change
    from safety_desk.store.merge_clocks import cap_clocks, clock_notes

    now = 1_800_000_000_000
    ahead = f"{now + YEAR_MS:013d}-000003-writer"
    event = {"id": "e1", "hazard_id": "h1", "kind": "comment", "clock": ahead}
    changes, found = cap_clocks([Change("hazard_event", "e1", WHOLE_ROW, ahead, "p", event)], now_ms=now,
                                tolerance_ms=MAX_DRIFT_MS, source="relayer", clocked_tables=frozenset({"hazard_event"}))
    assert changes[0].clock == f"{now:013d}-000003-writer" and changes[0].capped_from == ahead
    assert changes[0].value["clock"] == changes[0].clock
    assert set(found.drift) == {"writer"} and found.relayed_by == {"writer": "relayer"}
    [(device, _, note)] = clock_notes(found, MAX_DRIFT_MS)
    assert device == "writer" and "由设备 relayer 转来（转发设备无过错）" in note and "relayed" not in note
    set_language("en")
    [(_, _, note)] = clock_notes(found, MAX_DRIFT_MS)
    assert "relayed by device relayer, which is not at fault" in note and "转来" not in note
