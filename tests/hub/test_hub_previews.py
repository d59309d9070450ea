"""Previews at the hub: an enterprise's upload the hub took is shown to its district's inspector while the office's
program is off, to nobody else, and no longer once the office has judged it."""

from __future__ import annotations

import hashlib

import httpx
import psycopg

from safety_desk.domain.sync_model import SYNC_MODE
from safety_desk.services.hazards import HazardService
from safety_desk.services.hub_sync import HubRefusal, HubSyncService
from safety_desk.sync.change_codec import decode_changes
from safety_desk.sync.hub_protocol import PREVIEW_PHOTO, PREVIEWS

from hub_world import everyone_synced, sync_via
from sync_helpers import add_photo, as_person, enterprise_finds, hazard_of


def _ask(replica, url: str, path: str) -> httpx.Response:
    """A signed GET of `path` as the replica's device (what its exchange sends)."""
    replica.refresh()
    client = HubSyncService(replica.sync)
    with httpx.Client(base_url=url, timeout=30) as http:
        return client._request(http, "GET", path)


def _previews(replica, url: str) -> list[dict]:
    return _ask(replica, url, PREVIEWS).json()["previews"]


def _changes(replica, preview: dict) -> list:
    columns = {t: set(replica.store.db.columns(t)) for t in SYNC_MODE}
    return decode_changes(preview["changes"].encode("utf-8"), columns, "preview")


def test_an_enterprise_report_is_shown_to_its_inspector_until_the_office_judges_it(hub_world, running_hub) -> None:
    url, database = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise = world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后照片")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已更换灭火器", [photo])
    assert sync_via(enterprise, url).uploaded == 1

    shown = _previews(world["laptop1"], url)
    assert len(shown) == 1
    preview = shown[0]
    assert preview["sender"] == enterprise.device_id and preview["photos"] == [photo]
    events = [c for c in _changes(world["laptop1"], preview) if c.table == "hazard_event"]
    assert [(e.value["kind"], e.value["hazard_id"], e.value["reason"]) for e in events] == [
        ("reported_rectified", hazard.id, "已更换灭火器")]
    data = _ask(world["laptop1"], url, f"{PREVIEW_PHOTO}/{photo}").content
    assert hashlib.sha256(data).hexdigest() == photo
    # The laptop of the other district, and the enterprise itself, are shown nothing; the photo is not theirs.
    assert _previews(world["laptop2"], url) == [] and _previews(enterprise, url) == []
    for other in (world["laptop2"], enterprise):
        try:
            _ask(other, url, f"{PREVIEW_PHOTO}/{photo}")
        except HubRefusal as exc:
            assert exc.status == 404
        else:
            raise AssertionError("a photo shown to someone else")
    # Not a record on the laptop: only the office's bundle makes it one.
    sync_via(world["laptop1"], url)
    assert "reported_rectified" not in [e.kind for e in world["laptop1"].store.hazards.events(hazard.id)]

    # The office's program runs: it judges the upload, writes the laptop's bundle, then acknowledges.
    sync_via(world["office"], url)
    assert _previews(world["laptop1"], url) == []
    sync_via(world["laptop1"], url)
    assert [e.kind for e in world["laptop1"].store.hazards.events(hazard.id)].count("reported_rectified") == 1
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM preview").fetchone()[0] == 0


def test_a_second_upload_before_the_office_shows_both_in_one_preview(hub_world, running_hub) -> None:
    url, _ = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise = world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "第一次上报", [add_photo(enterprise.store, "一")])
    sync_via(enterprise, url)
    found = enterprise_finds(enterprise, "self_inspection", "配电箱门未关闭")
    sync_via(enterprise, url)
    shown = _previews(world["laptop1"], url)
    assert len(shown) == 1  # the first upload is superseded: the office is offered the second, which holds both
    changes = _changes(world["laptop1"], shown[0])
    assert {c.row_id for c in changes if c.table == "hazard"} >= {found.id}
    assert any(c.table == "hazard_event" and c.value.get("reason") == "第一次上报" for c in changes)


def test_a_preview_never_carries_a_password_hash(hub_world, running_hub) -> None:
    url, _ = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise = world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    # The enterprise's officer changes their password on its PC (a write of the person's own), and reports.
    session = as_person(enterprise, "e1")
    from safety_desk.services.passwords import hash_password  # noqa: PLC0415

    with enterprise.store.transaction():
        enterprise.store.people.update(session.person.id, password_hash=hash_password("另一个口令-2026"))
    HazardService(session).report_rectified(hazard.id, "已整改", [add_photo(enterprise.store, "二")])
    sync_via(enterprise, url)
    shown = _previews(world["laptop1"], url)
    assert shown, "the upload is shown"
    for preview in shown:
        assert [c for c in _changes(world["laptop1"], preview) if c.table == "person"] == [] or all(
            c.field != "password_hash" for c in _changes(world["laptop1"], preview))
        assert "password_hash" not in preview["changes"]

