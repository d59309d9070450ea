"""The sync folder as a hub: one pass imports what is addressed to this device and writes for each peer."""

from __future__ import annotations

import threading

import pytest

from safety_desk.services.sync import SyncProblem, SyncService
from safety_desk.settings import Settings

from sync_helpers import as_person, hazard_of, sealing_keys


def test_folder_passes_bring_all_three_to_the_same_data(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    hazard = hazard_of(office.store, "隐患1")
    inspector.store.hazards.update(hazard.id, measures="检查员写的")
    from safety_desk.services.hazards import HazardService

    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "企业写的")
    for _ in range(3):
        for replica in (inspector, enterprise, office):
            replica.sync.sync_folder(hub)
            replica.refresh()
    for replica in (office, inspector, enterprise):
        assert replica.store.hazards.require(hazard.id).measures == "检查员写的"
        assert [e.kind for e in replica.store.hazards.events(hazard.id)] == ["created", "progress"]
    # Quiet now: a pass writes nothing new, and every inbox is empty.
    for replica in (inspector, enterprise, office):
        assert replica.sync.sync_folder(hub).exported == []
    assert not list(hub.rglob("*.sdsync"))
    status = office.sync.folder_status(hub)
    assert status.reachable and status.incoming == 0 and set(status.outgoing) == {inspector.device_id,
                                                                                  enterprise.device_id}


def test_the_folder_setting_is_used_and_a_missing_folder_is_reported(english, world, tmp_path) -> None:
    office = world[0]
    with pytest.raises(SyncProblem, match="no sync folder"):
        office.sync.sync_folder()
    configured = SyncService(office.session, Settings(sync_folder=str(tmp_path / "nowhere")))
    with pytest.raises(SyncProblem, match="does not exist"):
        configured.sync_folder()
    (tmp_path / "nowhere").mkdir()
    result = configured.sync_folder()
    # The enrolment files carried the starter data: only what changed since goes (the enterprise PC's
    # record, enrolled after the laptop, to the laptop, which lists every device).
    assert [(e.recipient, e.changes) for e in result.exported] == [(world[1].device_id, 7)]


def test_two_devices_writing_into_the_folder_at_once_never_leave_a_half_file(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    for n in range(5):
        inspector.store.hazards.update(hazard_of(inspector.store, "隐患2").id, measures=f"措施{n}")
    errors = []
    seen_partial = []

    def writer(source) -> None:
        # Each device has its own database connection, opened in its thread, as two processes would.
        replica = Replica(source.name, Store.open(source.store.path))
        try:
            for _ in range(4):
                replica.sync.sync_folder(hub)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            replica.close()

    office_id, office_keys = office.device_id, sealing_keys(office)  # read here: the store is this thread's

    def watcher() -> None:
        # A reader listing the office's inbox meanwhile sees only whole bundles (temporary names start with '.').
        inbox = hub / f"to-{office.device_id}"
        for _ in range(2000):
            if inbox.is_dir():
                for path in inbox.iterdir():
                    if path.suffix == ".sdsync" and not path.name.startswith("."):
                        try:
                            from safety_desk.sync.seal import SealedReader

                            SealedReader(path, office_id, office_keys).close()  # checks the last chunk
                        except FileNotFoundError:
                            pass
                        except Exception:  # noqa: BLE001
                            seen_partial.append(path.name)

    from safety_desk.store.store import Store
    from sync_helpers import Replica

    threads = [threading.Thread(target=writer, args=(r,)) for r in (inspector, enterprise)]
    threads.append(threading.Thread(target=watcher))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and seen_partial == []
    result = office.sync.sync_folder(hub)
    assert result.rejected == []
    assert {r.sender for r in result.imported} == {inspector.device_id, enterprise.device_id}
    assert office.store.hazards.require(hazard_of(office.store, "隐患2").id).measures == "措施4"


def test_a_bad_bundle_in_the_folder_is_set_aside_and_reported(world, tmp_path) -> None:
    office, inspector, _ = world
    hub = tmp_path / "hub"
    inbox = hub / f"to-{office.device_id}"
    inbox.mkdir(parents=True)
    (inbox / "junk.sdsync").write_bytes(b"not a zip")
    inspector.sync.sync_folder(hub)
    result = office.sync.sync_folder(hub)
    assert len(result.rejected) == 1 and "junk.sdsync" in result.rejected[0]
    assert (inbox / "junk.sdsync.rejected").exists()
    assert [r.sender for r in result.imported] == [inspector.device_id]


def test_a_peer_away_for_long_finds_one_bundle_holding_everything(world, tmp_path) -> None:
    office, _, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    hazard = hazard_of(office.store, "隐患1")
    for n in range(3):
        office.store.hazards.update(hazard.id, measures=f"第{n}次")
        office.sync.sync_folder(hub)
    waiting = list((hub / f"to-{enterprise.device_id}").glob("*.sdsync"))
    assert len(waiting) == 1
    enterprise.sync.sync_folder(hub)
    assert enterprise.store.hazards.require(hazard.id).measures == "第2次"


def test_a_revoked_device_learns_it_through_the_folder(world, tmp_path) -> None:
    office, inspector, _ = world
    hub = tmp_path / "hub"
    hub.mkdir()
    from safety_desk.services.devices import DeviceService

    DeviceService(office.session).revoke("inspector")
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="停用后写的")
    office.sync.sync_folder(hub)
    inspector.sync.sync_folder(hub)
    inspector.refresh()
    assert inspector.sync.this_device().revoked_at is not None
    assert inspector.store.hazards.require(hazard_of(inspector.store, "隐患1").id).measures == ""
    assert inspector.sync.sync_folder(hub).exported == []  # it writes nothing any more


def test_a_folder_pass_backs_up_once_before_its_first_import(world, tmp_path) -> None:
    from safety_desk.store.backups import list_backups

    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    for replica in (inspector, enterprise):
        replica.store.hazards.update(hazard_of(replica.store, "隐患1").id, measures=f"{replica.name}写的")
        replica.sync.sync_folder(hub)
    before = len(list_backups(office.store.path))
    result = office.sync.sync_folder(hub)
    assert len(result.imported) == 2
    assert result.imported[0].backup == result.imported[1].backup and result.imported[0].backup.exists()
    assert len(list_backups(office.store.path)) == before + 1
    # A bundle imported on its own still backs up first.
    inspector.refresh()
    assert inspector.sync.import_bundle(office.sync.export(tmp_path, for_device=inspector.device_id).path).backup


def test_the_office_forwards_in_the_same_pass_that_brings_a_devices_first_bundle(world, tmp_path) -> None:
    # Found walking the README's hub section: the office's pass that imported an enterprise's first bundle (its key
    # not yet known, its enrolment token then marked used) wrote nothing for it or the others, so the enterprise's
    # hazard reached the inspector only after a second office pass.
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    assert not office.store.devices.require(enterprise.device_id).public_key  # its first bundle is still to come
    from safety_desk.services.hazards import HazardService

    hazard = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "企业写的")
    enterprise.sync.sync_folder(hub)
    result = office.sync.sync_folder(hub)
    assert len(result.imported) == 1
    assert {e.recipient for e in result.exported} >= {inspector.device_id, enterprise.device_id}
    inspector.sync.sync_folder(hub)
    inspector.refresh()
    assert [e.kind for e in inspector.store.hazards.events(hazard.id)] == ["created", "progress"]
