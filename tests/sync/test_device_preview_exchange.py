"""An inspector's exchange with the hub asks for the previews before it lists its inbox (so a preview the office
judged is always matched by the office's bundle listed next), and a hub refusing them does not stop the exchange."""

from __future__ import annotations

import httpx

from safety_desk.services.hub_sync import HubSyncService
from safety_desk.sync.hub_protocol import INBOX, PREVIEW_PHOTO, PREVIEWS

from preview_helpers import enterprise_upload, fake_hub


def test_previews_are_asked_before_the_inbox_and_counted(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    asked: list[str] = []
    hub = HubSyncService(inspector.sync, transport=fake_hub([entry], photos, asked))
    result = hub.exchange("http://hub.test")
    assert asked.index(f"GET {PREVIEWS}") < asked.index(f"GET {INBOX}")
    assert f"GET {PREVIEW_PHOTO}/{entry['photos'][0]}" in asked
    assert (result.previews, result.preview_problem, result.preview_notes) == (1, "", [])

    asked.clear()
    result = HubSyncService(inspector.sync, transport=fake_hub([], photos, asked)).exchange("http://hub.test")
    assert result.previews == 0 and asked[0] == f"GET {PREVIEWS}"


def test_a_hub_refusing_previews_does_not_stop_the_exchange(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubSyncService(inspector.sync, transport=fake_hub([entry], photos, [])).exchange("http://hub.test")

    asked: list[str] = []
    refused = httpx.Response(500, json={"error": "database restarting"})
    result = HubSyncService(inspector.sync, transport=fake_hub(refused, photos, asked)).exchange("http://hub.test")
    assert f"GET {INBOX}" in asked and result.synced_at
    assert "database restarting" in result.preview_problem and result.previews == 1  # kept until a listing says

    # A hub of an earlier version has no previews: nothing said, nothing dropped.
    old_hub = httpx.Response(404, json={"error": "not found"})
    result = HubSyncService(inspector.sync, transport=fake_hub(old_hub, photos, [])).exchange("http://hub.test")
    assert (result.preview_problem, result.previews) == ("", 1)

    garbage = httpx.Response(200, content=b"<html>proxy error</html>")
    result = HubSyncService(inspector.sync, transport=fake_hub(garbage, photos, [])).exchange("http://hub.test")
    assert "malformed" in result.preview_problem and result.previews == 1


def test_only_inspector_and_leader_devices_ask_for_previews(english, world) -> None:
    office, inspector, enterprise = world
    asked: list[str] = []
    HubSyncService(enterprise.sync, transport=fake_hub([], {}, asked)).exchange("http://hub.test")
    assert f"GET {INBOX}" in asked and f"GET {PREVIEWS}" not in asked


def test_the_previews_step_alone(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    asked: list[str] = []
    result = HubSyncService(inspector.sync, transport=fake_hub([entry], photos, asked)).refresh_previews(
        "http://hub.test")
    assert result.previews == 1 and asked[0] == f"GET {PREVIEWS}" and f"GET {INBOX}" not in asked
    assert inspector.store.db.conn.execute("SELECT count(*) FROM hub_preview_photo").fetchone()[0] == 1
