"""Issue 13: an office restored from a backup lost writes of a device revoked since; those it had relayed come back
from the devices it relayed them to, each with the proof the office gave when it relayed it, and the office is told
of what only the revoked device held."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.backups import restore_backup, take_backup
from safety_desk.services.devices import DeviceService
from safety_desk.services.hazards import HazardService
from safety_desk.store.store import Store

from sync_helpers import Replica, as_person, exchange, hazard_of


def _restore(replica: Replica, backup) -> Replica:
    path = replica.store.path
    replica.close()
    restore_backup(path, backup.path)
    return Replica(replica.name, Store.open(path))


def test_writes_of_a_device_revoked_after_the_office_restore_come_back_from_the_relaying_laptop(world, tmp_path):
    office, inspector, enterprise = world
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    backup = take_backup(office.store)
    hazard = hazard_of(enterprise.store, "隐患1")
    service = HazardService(as_person(enterprise, "e1"))
    relayed = service.record_progress(hazard.id, "已采购护栏")
    tampered = service.record_progress(hazard.id, "已安装一半")
    exchange(enterprise, office, tmp_path)
    exchange(office, inspector, tmp_path)  # the laptop holds both, with the office's proofs
    alone = service.record_progress(hazard.id, "已整改完毕")
    exchange(enterprise, office, tmp_path)  # only the office has this one
    # The laptop's owner changes one relayed event in its own database (the office's proof no longer matches).
    conn = sqlite3.connect(inspector.store.path)
    conn.execute("UPDATE hazard_event SET reason = '已全部安装' WHERE id = ?", (tampered.id,))
    conn.commit()
    conn.close()

    office = _restore(office, backup)
    assert relayed.id not in {e.id for e in office.store.hazards.events(hazard.id)}
    devices = DeviceService(as_person(office, "admin"))
    gap = devices.unreturned_writes("enterprise")
    assert gap and "enterprise" in gap
    listed = CliRunner().invoke(main, ["--db", str(office.store.path), "device", "revoke", "enterprise"])
    assert listed.exit_code == 0 and "无法找回" in listed.output, listed.output
    office.refresh()
    noted = [c for c in office.sync.conflicts() if c.table == "device" and c.row_id == enterprise.device_id]
    assert noted and "无法找回" in noted[0].note
    shown = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "conflicts", "--all"])
    assert "无法找回" in shown.output, shown.output

    exchange(office, inspector, tmp_path)  # the laptop learns of the restore...
    result = exchange(inspector, office, tmp_path)  # ...and hands back what it holds with the office's proofs
    held = {e.id: e for e in office.store.hazards.events(hazard.id)}
    assert relayed.id in held and held[relayed.id].reason == "已采购护栏"
    assert tampered.id not in held and alone.id not in held
    assert any(tampered.id in text and "凭证" in text for text in result.refused), result.refused
    assert any("enterprise" in text and "停用" in text for text in result.warnings), result.warnings
    assert office.store.hazards.state(hazard.id).status.value == "整改中"
    # The laptop is told, and is not stuck.
    back = exchange(office, inspector, tmp_path)
    assert any("拒收" in w for w in back.warnings), back.warnings
    assert not exchange(inspector, office, tmp_path).refused


def test_a_device_that_synced_after_the_restore_leaves_no_gap(world, tmp_path):
    office, inspector, enterprise = world
    exchange(office, enterprise, tmp_path)
    backup = take_backup(office.store)
    assert DeviceService(as_person(office, "admin")).unreturned_writes("enterprise") is None  # never restored
    office = _restore(office, backup)
    assert DeviceService(as_person(office, "admin")).unreturned_writes("enterprise")
    exchange(office, enterprise, tmp_path)
    exchange(enterprise, office, tmp_path)
    assert DeviceService(as_person(office, "admin")).unreturned_writes("enterprise") is None
    DeviceService(as_person(office, "admin")).revoke("enterprise")
    assert not [c for c in office.sync.conflicts() if c.table == "device"]
