"""Restores lose nothing: a device or the office restored from a backup starts a new sync incarnation."""

from __future__ import annotations

from datetime import date

from safety_desk.services.backups import restore_backup, take_backup
from safety_desk.services.hazards import HazardService
from safety_desk.store.records import Hazard
from safety_desk.store.store import Store

from sync_helpers import USCC, Replica, as_person, hazard_of


def _rounds(hub, *replicas, times: int = 3) -> None:
    for _ in range(times):
        for replica in replicas:
            replica.sync.sync_folder(hub)
            replica.refresh()


def _open_hazard(replica: Replica, description: str) -> None:
    """A new hazard of enterprise 1 (in every device's scope), written on `replica`."""
    store = replica.store
    enterprise = store.enterprises.by_uscc(USCC[0])
    with store.transaction():
        store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            source="inspection", description=description, grade="一般", found_on="2026-11-03"),
            deadline=date(2026, 12, 1))


def _progress(enterprise: Replica, note: str) -> None:
    HazardService(as_person(enterprise, "e1")).record_progress(hazard_of(enterprise.store, "隐患1").id, note)
    enterprise.refresh()


def _restore(replica: Replica, backup) -> Replica:
    path = replica.store.path
    replica.close()
    restore_backup(path, backup.path)
    return Replica(replica.name, Store.open(path))


def _descriptions(replica: Replica) -> set[str]:
    return {h.description for h in replica.store.hazards._select("1 = 1", ())}


def _progress_notes(replica: Replica) -> set[str]:
    hazard = hazard_of(replica.store, "隐患1")
    return {e.reason for e in replica.store.hazards.events(hazard.id) if e.kind == "progress"}


def test_a_restored_inspector_laptop_loses_nothing_either_way(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, inspector, enterprise, office)
    _open_hazard(inspector, "检查员备份前")
    _rounds(hub, inspector, enterprise, office)
    backup = take_backup(inspector.store)
    _open_hazard(inspector, "检查员备份后已同步")
    _open_hazard(office, "安全办备份后")
    _progress(enterprise, "企业备份后")
    _rounds(hub, inspector, enterprise, office)
    assert "检查员备份后已同步" in _descriptions(office)
    inspector = _restore(inspector, backup)
    assert "检查员备份后已同步" not in _descriptions(inspector)
    _open_hazard(inspector, "检查员恢复后")
    _open_hazard(office, "安全办恢复后")
    _progress(enterprise, "企业恢复后")
    # The office's bundle written before it knew of the restore does not make the new writes look delivered.
    office.sync.sync_folder(hub)
    inspector.sync.sync_folder(hub)
    assert inspector.sync.changes_waiting(office.device_id) > 0
    _rounds(hub, inspector, enterprise, office, inspector, times=4)
    everything = {"检查员备份前", "检查员备份后已同步", "安全办备份后", "检查员恢复后", "安全办恢复后"}
    for replica in (office, inspector, enterprise):
        assert everything <= _descriptions(replica), replica.name
        assert {"企业备份后", "企业恢复后"} <= _progress_notes(replica), replica.name
    assert inspector.sync.changes_waiting(office.device_id) == 0
    assert not list(hub.rglob("*.sdsync"))
    inspector.close()


def test_a_bundle_of_a_restored_device_is_never_taken_for_one_already_imported(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    backup = take_backup(inspector.store)
    _open_hazard(inspector, "恢复前")
    _rounds(hub, inspector, office)
    inspector = _restore(inspector, backup)
    _open_hazard(inspector, "恢复后")
    exported = inspector.sync.sync_folder(hub).exported
    assert exported and exported[0].path.name not in office.sync.log.imported_file_names()
    office.sync.sync_folder(hub)
    assert "恢复后" in _descriptions(office)
    inspector.close()


def test_a_restored_office_loses_none_of_the_devices_writes(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, inspector, enterprise, office)
    backup = take_backup(office.store)
    _open_hazard(inspector, "检查员备份后")
    _progress(enterprise, "企业备份后")
    _rounds(hub, inspector, enterprise, office)
    assert "检查员备份后" in _descriptions(office)
    office = _restore(office, backup)
    assert "检查员备份后" not in _descriptions(office)
    _open_hazard(inspector, "检查员恢复后")
    _open_hazard(office, "安全办恢复后")
    _progress(enterprise, "企业恢复后")
    _rounds(hub, office, inspector, enterprise, office, times=4)
    everything = {"检查员备份后", "检查员恢复后", "安全办恢复后"}
    for replica in (office, inspector, enterprise):
        assert everything <= _descriptions(replica), replica.name
        assert {"企业备份后", "企业恢复后"} <= _progress_notes(replica), replica.name
    for replica in (inspector, enterprise):
        assert replica.sync.changes_waiting(office.device_id) == 0
    office.close()


def test_a_late_bundle_of_the_replaced_incarnation_still_brings_its_writes(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, inspector, office)
    backup = take_backup(inspector.store)
    _open_hazard(inspector, "恢复前写的")
    late = inspector.sync.export(tmp_path / "late.sdsync", for_device=office.device_id)
    inspector = _restore(inspector, backup)
    _open_hazard(inspector, "恢复后写的")
    office.sync.import_bundle(inspector.sync.export(tmp_path / "new.sdsync", for_device=office.device_id).path)
    office.refresh()
    office.sync.import_bundle(late.path)
    office.refresh()
    _open_hazard(inspector, "再写一条")
    _rounds(hub, inspector, office, times=3)
    for replica in (office, inspector):
        assert {"恢复前写的", "恢复后写的", "再写一条"} <= _descriptions(replica), replica.name
    assert inspector.sync.changes_waiting(office.device_id) == 0
    assert office.sync.changes_waiting(inspector.device_id) == 0
    inspector.close()


def test_a_restored_enterprise_pc_gets_back_what_it_lost_and_sends_what_it_writes(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, enterprise, office)
    backup = take_backup(enterprise.store)
    _progress(enterprise, "企业备份后")
    _open_hazard(office, "安全办备份后")
    _rounds(hub, enterprise, office)
    enterprise = _restore(enterprise, backup)
    assert "企业备份后" not in _progress_notes(enterprise)
    _progress(enterprise, "企业恢复后")
    _rounds(hub, office, enterprise, inspector, office, enterprise, inspector, times=3)
    for replica in (office, inspector, enterprise):
        assert {"企业备份后", "企业恢复后"} <= _progress_notes(replica), replica.name
        assert "安全办备份后" in _descriptions(replica), replica.name
    assert enterprise.sync.changes_waiting(office.device_id) == 0
    enterprise.close()
