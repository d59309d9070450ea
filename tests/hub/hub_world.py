"""The hub's world: an office, two inspector laptops (districts D1, D2), an enterprise PC (in D1), and a hub
enrolment file, made once per run and copied for each test."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from safety_desk.services.devices import DeviceService
from safety_desk.services.hub_sync import HubSyncService
from safety_desk.store.store import Store

from sync_helpers import USCC, Replica, enrol_and_join, make_office

NAMES = ("office", "laptop1", "laptop2", "enterprise")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_hub_world(folder: Path) -> None:
    office = make_office(folder)
    replicas = [office,
                enrol_and_join(office, folder, "laptop1", "inspector", district_codes=["D1"]),
                enrol_and_join(office, folder, "laptop2", "inspector", district_codes=["D2"]),
                enrol_and_join(office, folder, "enterprise", "enterprise", uscc=USCC[0])]
    enrolled = DeviceService(office.session).enroll("hub", "市集线器", folder / "hub.sdenroll")
    (folder / "hub.passphrase").write_text(enrolled.passphrase)  # what the office reads out to the server's admin
    for replica in replicas:
        replica.close()


def hub_passphrase(template: Path) -> str:
    """The passphrase of the world's sealed hub enrolment file (`hub.sdenroll`)."""
    return (template / "hub.passphrase").read_text()


def open_hub_world(template: Path, folder: Path) -> dict[str, Replica]:
    shutil.copytree(template, folder, dirs_exist_ok=True)
    return {name: Replica(name, Store.open(folder / f"{name}.db")) for name in NAMES}


def sync_via(replica: Replica, url: str):
    """One exchange of the replica with the hub (a fresh session, as each CLI run has)."""
    replica.refresh()
    result = HubSyncService(replica.sync).exchange(url)
    replica.refresh()
    return result


def everyone_synced(world: dict[str, Replica], url: str) -> None:
    """Two rounds, the office first: the hub holds the office's device list and rows, every key is known, and the
    laptops and the enterprise hold what the office sends them; the office's program is then off."""
    for name in ("office", "laptop1", "laptop2", "enterprise") * 2:
        sync_via(world[name], url)
