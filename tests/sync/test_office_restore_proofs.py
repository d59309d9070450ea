"""An office restored from a backup gets back what it wrote after that backup from the devices that hold it, each
write with the office's own proof (sync/office_proof.py); a device writing in the office's name, without a proof or
with one that does not match, is refused and reported (issue 13, invariant 8)."""

from __future__ import annotations

from datetime import date, timedelta

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.backups import restore_backup, take_backup
from safety_desk.services.hazards import HazardService
from safety_desk.store.records import Enterprise
from safety_desk.store.store import Store
from safety_desk.domain.uscc import make_uscc

from hostile import HostileEdit
from sync_helpers import Replica, as_person, hazard_of

NEW_USCC = make_uscc("91370200000000099")


def _rounds(hub, *replicas, times: int = 2) -> None:
    for _ in range(times):
        for replica in replicas:
            replica.sync.sync_folder(hub)
            replica.refresh()


def _restore(replica: Replica, backup) -> Replica:
    path = replica.store.path
    replica.close()
    restore_backup(path, backup.path)
    return Replica(replica.name, Store.open(path))


def _office_writes_after_the_backup(office: Replica) -> dict[str, str]:
    """A deadline extension and a rejection on 隐患1, a new enterprise of district D1 with a changed name."""
    service = HazardService(as_person(office, "admin"))
    hazard = hazard_of(office.store, "隐患1")
    service.extend_deadline([hazard.id], service.as_of() + timedelta(days=15), "企业申请延期")  # still ahead at the rejection
    office.store.hazards.append_event(hazard.id, "reported_rectified", reason="已整改")
    rejected = service.reject(hazard.id, "整改不到位")
    store = office.store
    d1 = store.enterprises.by_uscc(store.enterprises.require(hazard.enterprise_id).uscc).district_id
    with store.transaction():
        enterprise = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=NEW_USCC, name="备份后新增企业", district_id=d1, industry="机械", risk_class=3,
            tracked_since="2026-11-01"))
    with store.transaction():
        store.enterprises.update(enterprise.id, name="备份后新增企业（更名）")
    return {"hazard": hazard.id, "rejected": rejected.id, "enterprise": enterprise.id}


def test_a_restored_office_gets_back_its_own_writes_from_the_devices(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, office, inspector, enterprise, office)
    backup = take_backup(office.store)
    made = _office_writes_after_the_backup(office)
    _rounds(hub, office, inspector)
    assert inspector.store.enterprises.get(made["enterprise"]) is not None
    office = _restore(office, backup)
    assert office.store.enterprises.get(made["enterprise"]) is None
    assert made["rejected"] not in {e.id for e in office.store.hazards.events(made["hazard"])}
    _rounds(hub, office, inspector, enterprise, office, inspector, enterprise, office)
    back = office.store.enterprises.get(made["enterprise"])
    assert back is not None and back.name == "备份后新增企业（更名）"
    kinds = [e.kind for e in office.store.hazards.events(made["hazard"])]
    assert kinds[-3:] == ["deadline_extended", "reported_rectified", "rejected"]
    assert office.store.hazards.state(made["hazard"]).status.value == "整改中"
    assert not [c for c in office.sync.conflicts(include_resolved=True) if c.kind == "refused"]
    for replica in (inspector, enterprise):
        assert replica.sync.changes_waiting(office.device_id) == 0
    office.close()


def test_a_device_writing_in_the_restored_offices_name_is_refused_and_reported(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hub = tmp_path / "hub"
    hub.mkdir()
    _rounds(hub, office, inspector, office)
    backup = take_backup(office.store)
    made = _office_writes_after_the_backup(office)
    _rounds(hub, office, inspector)
    office = _restore(office, backup)
    office.sync.sync_folder(hub)  # the restored office's first bundle waits for the laptop
    admin = office.store.people.by_login("admin").id
    raw = HostileEdit(inspector)
    # A verification 隐患2 never had, written with the office's clock and the office's administrator as author.
    hazard2 = hazard_of(inspector.store, "隐患2")
    forged_event = "0190ffff-0000-7000-8000-00000000f001"
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos) VALUES"
              " (?, ?, 'verified', '2026-11-22T10:00:00+08:00', ?, ?, NULL, '', '[]')",
              (forged_event, hazard2.id, admin, f"{raw.wall + 1:013d}-000000-{office.device_id}"),
              "hazard_event", forged_event, author=admin, device=office.device_id)
    # The genuine new enterprise's name, changed under the office's genuine clock and proof.
    raw.conn.execute("UPDATE enterprise SET name = '伪造的企业名' WHERE id = ?", (made["enterprise"],))
    raw.commit()
    inspector.sync.sync_folder(hub)
    inspector.refresh()
    result = office.sync.import_bundle(next((hub / f"to-{office.device_id}").glob("*.sdsync")))
    office.refresh()
    assert forged_event not in {e.id for e in office.store.hazards.events(hazard2.id)}
    assert office.store.hazards.state(hazard2.id).status.value == "待整改"
    held = office.store.enterprises.get(made["enterprise"])
    assert held is None or held.name != "伪造的企业名"
    # What the office wrote itself still came back with its proofs.
    assert made["rejected"] in {e.id for e in office.store.hazards.events(made["hazard"])}
    forged = [r for r in result.refused if "安全办" in r and "凭证" in r]
    assert {r.split(":")[0] for r in forged} == {f"hazard_event.* {forged_event}", f"enterprise.name {made['enterprise']}"}
    shown = {(c.table, c.field, c.row_id) for c in office.sync.conflicts() if c.kind == "refused" and "凭证" in c.note}
    assert shown == {("hazard_event", "*", forged_event), ("enterprise", "name", made["enterprise"])}
    listed = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "conflicts", "--all"])
    assert listed.exit_code == 0
    assert {line.split("\t")[2] for line in listed.output.splitlines() if "凭证" in line} == {
        "hazard_event.*", "enterprise.name"}
    office.close()
