"""Bad requests to the hub: each refused with an HTTP status and a reason in the hub's language (Chinese unless it
was started with --lang en), the hub's database unchanged; the same bundle twice changes nothing."""

from __future__ import annotations

import json

import httpx
import psycopg
import pytest

from safety_desk.services.devices import DeviceService
from safety_desk.services.hub_sync import HubRefusal, HubSyncService
from safety_desk.sync.hub_protocol import INBOX, UPLOAD, signed_headers
from safety_desk.sync.key_binding import key_binding

from hub_world import hub_passphrase, sync_via

TABLES = ("hub_identity", "device", "photo", "bundle", "bundle_photo", "request_nonce", "device_activity")


def snapshot(database_url: str) -> dict[str, list]:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def headers_of(replica, method: str, path: str, body: bytes = b"", now_ms: int | None = None) -> dict[str, str]:
    local = replica.store.local_state
    me = replica.store.devices.get(replica.device_id)
    return signed_headers(local.private_key(), me.id, method, path, body,
                          now_ms if now_ms is not None else replica.store.db.wall.epoch_ms(),
                          key_binding(me, local.public_key(), local.enrolment_token()))


def bundle_for_office(replica, folder) -> bytes:
    """A bundle as the hub exchange writes it: signed, not sealed (the hub checks it; see SyncService.sync_folder)."""
    office_id = replica.store.local_state.office_device_id()
    return replica.sync.export(folder, for_device=office_id, sealed=False).path.read_bytes()


def test_the_same_bundle_twice_changes_nothing(hub_world, running_hub, tmp_path) -> None:
    url, database = running_hub
    sync_via(hub_world["office"], url)
    enterprise = hub_world["enterprise"]
    body = bundle_for_office(enterprise, tmp_path)
    first = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert first.status_code == 200 and first.json()["duplicate"] is False
    before = snapshot(database)
    again = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    after = snapshot(database)
    for table in ("bundle", "photo", "bundle_photo", "device", "hub_identity"):
        assert after[table] == before[table], table


def test_tampered_replayed_unsigned_late_and_misaddressed_requests_are_refused(hub_world, running_hub,
                                                                              tmp_path) -> None:
    url, database = running_hub
    sync_via(hub_world["office"], url)
    enterprise, laptop1 = hub_world["enterprise"], hub_world["laptop1"]
    body = bundle_for_office(enterprise, tmp_path)
    before = snapshot(database)

    def refused(response: httpx.Response, status: int, words: str) -> None:
        assert response.status_code == status, response.text
        assert words in response.json()["error"]
        assert snapshot(database) == before

    # Tampered: signed for one body, another sent (one byte changed).
    tampered = body[:-1] + bytes([body[-1] ^ 1])
    refused(httpx.post(url + UPLOAD, content=tampered, headers=headers_of(enterprise, "POST", UPLOAD, body)),
            401, "签名无效")
    # Signed for another path.
    refused(httpx.get(url + INBOX, headers=headers_of(enterprise, "GET", "/v1/other")), 401, "签名无效")
    # Unsigned.
    refused(httpx.get(url + INBOX), 401, "缺少设备签名")
    # Signed ten minutes ago (or by a computer whose clock is off).
    stale = enterprise.store.db.wall.epoch_ms() - 10 * 60 * 1000
    refused(httpx.get(url + INBOX, headers=headers_of(enterprise, "GET", INBOX, now_ms=stale)), 401, "时间")
    # Another device uploading the enterprise's bundle.
    refused(httpx.post(url + UPLOAD, content=body, headers=headers_of(laptop1, "POST", UPLOAD, body)), 400,
            "发送方不是上传它的设备")
    # Not a bundle.
    junk = b"PK\x03\x04 not a zip"
    refused(httpx.post(url + UPLOAD, content=junk, headers=headers_of(enterprise, "POST", UPLOAD, junk)), 400, "")
    # A device only the office's list does not hold.
    headers = headers_of(enterprise, "GET", INBOX)
    headers["x-sd-device"] = "0190a1b2-0000-7000-8000-000000000000"
    refused(httpx.get(url + INBOX, headers=headers), 401, "")
    # Replayed: the very same signed request a second time.
    headers = headers_of(enterprise, "GET", INBOX)
    assert httpx.get(url + INBOX, headers=headers).status_code == 200
    before = snapshot(database)
    refused(httpx.get(url + INBOX, headers=headers), 401, "重放")


def test_an_oversized_upload_is_refused_before_it_is_read(hub_world, hub_database, hub_world_template, live_hub,
                                                          tmp_path) -> None:
    from safety_desk.hub.server import init_hub

    init_hub(hub_database, hub_world_template / "hub.sdenroll", passphrase=hub_passphrase(hub_world_template))
    url = live_hub(hub_database, max_body=1024).url
    enterprise = hub_world["enterprise"]
    body = bundle_for_office(enterprise, tmp_path) + b"\0" * 2048
    before = snapshot(hub_database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert response.status_code == 413 and "大小上限" in response.json()["error"]
    assert snapshot(hub_database) == before


def test_a_revoked_device_is_refused_with_the_database_unchanged(hub_world, running_hub) -> None:
    url, database = running_hub
    office, laptop2 = hub_world["office"], hub_world["laptop2"]
    sync_via(office, url)
    sync_via(laptop2, url)
    DeviceService(office.session).revoke("laptop2")
    sync_via(office, url)  # the office's device list tells the hub
    laptop2.store.hazards  # the laptop does not know yet: it tries
    before = snapshot(database)
    with pytest.raises(HubRefusal, match="停用") as refusal:
        HubSyncService(laptop2.sync).exchange(url)
    assert refusal.value.status == 403
    assert snapshot(database) == before


def test_only_the_office_replaces_the_device_list(hub_world, running_hub) -> None:
    url, database = running_hub
    sync_via(hub_world["office"], url)
    laptop1 = hub_world["laptop1"]
    before = snapshot(database)
    body = json.dumps({"issued_ms": 2**52, "devices": []}).encode("utf-8")
    response = httpx.post(url + "/v1/registry", content=body, headers=headers_of(laptop1, "POST", "/v1/registry", body))
    assert response.status_code == 403 and "只有安全办" in response.json()["error"]
    assert snapshot(database) == before


def test_an_unreachable_hub_is_said_and_what_waits_is_sent_later(hub_world, running_hub) -> None:
    from safety_desk.services.hazards import HazardService
    from safety_desk.services.hub_sync import HubUnreachable

    from hub_world import free_port
    from sync_helpers import as_person, hazard_of

    url, _ = running_hub
    sync_via(hub_world["office"], url)
    enterprise = hub_world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "整改中")
    nowhere = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(HubUnreachable, match="集线器无法连接"):
        HubSyncService(enterprise.sync).exchange(nowhere)
    # The device works on: the next exchange with the real hub carries the change.
    assert sync_via(enterprise, url).uploaded == 1
    sync_via(hub_world["office"], url)
    kinds = [e.kind for e in hub_world["office"].store.hazards.events(hazard.id)]
    assert kinds.count("progress") == 1


def test_a_hub_started_in_english_refuses_in_english(english, hub_world, running_hub, tmp_path) -> None:
    """The hub says its reasons in the language it was started with (`safety-desk --lang en hub serve`)."""
    import re

    url, database = running_hub
    sync_via(hub_world["office"], url)
    enterprise, laptop1 = hub_world["enterprise"], hub_world["laptop1"]
    body = bundle_for_office(enterprise, tmp_path)
    answers = {
        "the request carries no device signature": httpx.get(url + INBOX),
        "the request's signature does not hold": httpx.get(
            url + INBOX, headers=headers_of(enterprise, "GET", "/v1/other")),
        "the bundle's sender is not the device that uploads it": httpx.post(
            url + UPLOAD, content=body, headers=headers_of(laptop1, "POST", UPLOAD, body)),
        "only the office may update the device list": httpx.post(
            url + "/v1/registry", content=b"{}", headers=headers_of(laptop1, "POST", "/v1/registry", b"{}")),
    }
    for words, response in answers.items():
        reason = response.json()["error"]
        assert words in reason and not re.search(r"[\u4e00-\u9fff]", reason), reason
