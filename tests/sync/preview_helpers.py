"""Helpers for the preview tests: an enterprise's upload as the hub lists it, and a fake hub that records requests."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx

from safety_desk.media.files import media_path
from safety_desk.services.hazards import HazardService
from safety_desk.store.changes import export_changes
from safety_desk.sync.change_codec import encode_changes
from safety_desk.sync.hub_protocol import INBOX, PREVIEW_PHOTO, PREVIEWS, UPLOAD

from sync_helpers import add_photo, as_person, enterprise_finds, hazard_of

# When the hub took the upload: 2026-12-05 09:30 in Beijing, 01:30 UTC.
TAKEN_MS = int(datetime(2026, 12, 5, 1, 30, tzinfo=timezone.utc).timestamp() * 1000)


def last_seq(replica) -> int:
    return replica.store.db.conn.execute("SELECT coalesce(max(seq), 0) FROM write_log").fetchone()[0]


def enterprise_upload(enterprise, bundle_id: str = "ent-0001") -> tuple[dict, dict[str, bytes]]:
    """The enterprise reports 隐患1 rectified (note, after-photo) and finds a new hazard on its own: the preview
    entry the hub would list for the inspector, and the photos it would serve."""
    before = last_seq(enterprise)
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后 " + bundle_id)
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "灭火器已更换", [photo])
    enterprise_finds(enterprise, "self_inspection", "配电箱门未关闭")
    changes = list(export_changes(enterprise.store.db, before))
    own = enterprise.store.enterprises.by_uscc(enterprise.store.enterprises.every()[0].uscc)
    entry = {"bundle_id": bundle_id, "sender": enterprise.device_id, "sender_name": "enterprise",
             "enterprise_id": own.id, "taken_ms": TAKEN_MS, "changes": encode_changes(changes).decode(),
             "photos": [photo]}
    return entry, {photo: media_path(enterprise.store.media_dir, photo).read_bytes()}



def fake_hub(previews_answer, photos: dict[str, bytes], asked: list[str]) -> httpx.MockTransport:
    """A hub that records what it is asked: previews as given, an empty inbox, every upload taken."""

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(f"{request.method} {request.url.path}")
        path = request.url.path
        if path == PREVIEWS:
            return previews_answer if isinstance(previews_answer, httpx.Response) else \
                httpx.Response(200, json={"previews": previews_answer})
        if path.startswith(PREVIEW_PHOTO + "/"):
            name = path.rsplit("/", 1)[1]
            return httpx.Response(200, content=photos[name]) if name in photos else \
                httpx.Response(404, json={"error": "no such photo"})
        if path == INBOX:
            return httpx.Response(200, json={"bundles": []})
        if path == UPLOAD and request.method == "POST":
            return httpx.Response(200, json={"duplicate": False})
        return httpx.Response(200, json={})

    return httpx.MockTransport(handle)
