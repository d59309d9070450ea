"""End to end on loopback: the office, two inspector laptops and an enterprise sync through a real hub on a real
PostgreSQL, in any order, and converge; the enterprise's rectification report reaches its district's inspector."""

from __future__ import annotations

import random

import psycopg

from safety_desk.services.hazards import HazardService

from hub_world import hub_passphrase, sync_via
from sync_helpers import add_photo, as_person, hazard_of


def _rows(database_url: str, table: str) -> int:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _until_quiet(world, url: str, order: list[str], rounds: int = 6) -> int:
    """Exchanges in `order` until a whole round uploads nothing; returns the rounds it took."""
    for number in range(1, rounds + 1):
        results = [sync_via(world[name], url) for name in order]
        if not any(r.uploaded for r in results) and not any(r.imported for r in results):
            return number
    raise AssertionError("no quiet round")


def test_devices_converge_through_the_hub_and_the_report_reaches_the_inspector(hub_world, running_hub) -> None:
    url, database = running_hub
    world = hub_world
    enterprise = world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后")
    # The enterprise's first exchange: its key is not yet known to the office, so its binding proves it.
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
    order = ["enterprise", "laptop1", "laptop2", "office"]
    random.Random(18).shuffle(order)
    order.remove("office")
    order.insert(0, "office")  # the office first: the hub learns the device list from it
    _until_quiet(world, url, order)
    for name in ("office", "laptop1"):
        store = world[name].store
        kinds = [e.kind for e in store.hazards.events(hazard.id)]
        assert kinds.count("reported_rectified") == 1, (name, kinds)
        assert store.photos.get(photo) is not None
    # Scope: the laptop of the other district never sees the enterprise's hazard.
    assert world["laptop2"].store.hazards.get(hazard.id) is None
    # The office now knows every device's key, and the hub holds each bundle once, the photo once.
    assert all(d.public_key for d in world["office"].store.devices.active())
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT bundle_id) FROM bundle").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM photo WHERE sha256 = %s", (photo,)).fetchone()[0] == 1
        waiting = conn.execute("SELECT count(*) FROM bundle WHERE acked_ms IS NULL AND superseded_by IS NULL"
                               ).fetchone()[0]
    assert waiting == 0
    # Quiet: another round in another order moves nothing.
    for name in ("laptop2", "enterprise", "office", "laptop1"):
        result = sync_via(world[name], url)
        assert (result.uploaded, result.downloaded, result.imported) == (0, 0, [])
    assert world["enterprise"].store.local_state.hub_synced_at()


def test_metrics_and_health(hub_world, hub_database, hub_world_template, live_hub) -> None:
    import httpx

    from safety_desk.hub.server import init_hub

    init_hub(hub_database, hub_world_template / "hub.sdenroll", passphrase=hub_passphrase(hub_world_template))
    url = live_hub(hub_database, metrics_token="monitor-0123456789abcdef").url
    sync_via(hub_world["office"], url)
    sync_via(hub_world["laptop1"], url)
    health = httpx.get(url + "/health")  # open: it says up or down, nothing about the devices
    assert health.json()["status"] == "ok" and health.json()["hub"] == "市集线器"
    assert hub_world["laptop1"].device_id not in health.text
    # Devices' names and last syncs go to the monitoring system only: the bearer of the token the hub was started with.
    for headers in ({}, {"authorization": "Bearer 0123456789abcdef"}, {"authorization": "Basic monitor-0123456789abcdef"}):
        refused = httpx.get(url + "/metrics", headers=headers)
        assert refused.status_code == 401 and "令牌" in refused.json()["error"], refused.text
        assert hub_world["laptop1"].device_id not in refused.text
    text = httpx.get(url + "/metrics", headers={"authorization": "Bearer monitor-0123456789abcdef"}).text
    assert "safety_desk_hub_devices_seen 2" in text
    laptop2 = hub_world["laptop2"].device_id
    assert f'safety_desk_hub_changes_waiting{{device="{laptop2}",role="inspector"}}' in text
    assert f'safety_desk_hub_last_sync_seconds{{device="{hub_world["laptop1"].device_id}"' in text


def test_a_device_enrolled_later_uses_the_hub_once_the_office_has_synced(hub_world, running_hub, tmp_path) -> None:
    from safety_desk.services.hub_sync import HubRefusal, HubSyncService
    from sync_helpers import USCC, enrol_and_join

    import pytest

    url, _ = running_hub
    office = hub_world["office"]
    sync_via(office, url)
    late = enrol_and_join(office, tmp_path, "late", "enterprise", uscc=USCC[2])
    try:
        with pytest.raises(HubRefusal, match="未在安全办登记") as refusal:
            HubSyncService(late.sync).exchange(url)
        assert refusal.value.status == 401
        sync_via(office, url)  # the office hands the hub its device list, with the new device's token
        assert sync_via(late, url).uploaded == 1  # its first bundle, its key bound by the token
        sync_via(office, url)
        office.refresh()
        assert office.store.devices.get(late.device_id).public_key  # the office took its key
    finally:
        late.close()


def test_metrics_are_off_without_a_token(hub_world, running_hub) -> None:
    import httpx

    url, _ = running_hub
    sync_via(hub_world["office"], url)
    refused = httpx.get(url + "/metrics")
    assert refused.status_code == 404 and "--metrics-token-file" in refused.json()["error"]
    assert hub_world["office"].device_id not in refused.text
