"""Review: ways round the hub's row checks and malformed input that must be refused with a reason."""

from __future__ import annotations

import httpx

from safety_desk.services.sync import SyncService
from safety_desk.sync.hub_protocol import UPLOAD

from hostile import HostileEdit
from hub_world import sync_via
from sync_helpers import hazard_of
from test_hub_refusals import bundle_for_office, headers_of
from test_hub_row_checks import snapshot


def test_a_bogus_office_proof_on_the_senders_own_change_does_not_skip_the_hubs_checks(hub_world, running_hub,
                                                                                      tmp_path, monkeypatch) -> None:
    """The office judges a device's own write whatever proof it carries (only writes in the office's or a third
    device's name are taken by proof); the hub must not skip judging it because its line has an eighth element."""
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET source = 'self_inspection' WHERE id = ?", (hazard.id,), "hazard", hazard.id,
              "source")
    raw.commit()
    enterprise.refresh()

    def with_bogus_proofs(self, me, peer, changes):  # the enterprise's tampered program
        for change in changes:
            change.proof = "AAAAAAAAAAAA"
        return changes

    monkeypatch.setattr(SyncService, "_with_proofs", with_bogus_proofs)
    body = bundle_for_office(enterprise, tmp_path)
    assert b'"AAAAAAAAAAAA"' in __import__("zipfile").ZipFile(__import__("io").BytesIO(body)).read("changes.jsonl")
    before = snapshot(database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert response.status_code == 422, response.text
    assert snapshot(database) == before


def test_a_nul_character_in_an_id_of_an_upload_is_refused_with_a_reason_not_a_500(hub_world, running_hub,
                                                                                   tmp_path) -> None:
    """PostgreSQL text holds no NUL: the hub reading the office's rows by a device's id must not fail with 500."""
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    raw = HostileEdit(enterprise)
    raw.conn.execute("PRAGMA foreign_keys = OFF")
    bad = "0190a000-0000-7000-8000-0000000000\x00a"
    raw.write("UPDATE hazard SET enterprise_id = ? WHERE id = ?", (bad, hazard.id), "hazard", hazard.id,
              "enterprise_id")
    raw.commit()
    enterprise.refresh()
    body = bundle_for_office(enterprise, tmp_path)
    before = snapshot(database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert response.status_code in (400, 422), response.text
    assert snapshot(database) == before


def test_a_nul_character_the_office_took_does_not_break_its_feed_to_the_hub(hub_world, running_hub) -> None:
    """A text with a NUL the office stored (a device's report, an import) reaches the hub with the office's rows:
    PostgreSQL's JSONB refuses \\u0000, and the office's every exchange then failed (HTTP 500)."""
    url, database = running_hub
    office = hub_world["office"]
    sync_via(office, url)
    hazard = hazard_of(office.store, "隐患1")
    with office.store.transaction():
        office.store.hazards.update(hazard.id, description="整改\x00说明")
    result = sync_via(office, url)
    assert result is not None
    import psycopg
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT complete FROM office_feed").fetchone()[0] is True


def test_an_acknowledgement_of_an_id_with_a_nul_is_refused_with_a_reason_not_a_500(hub_world, running_hub) -> None:
    from safety_desk.sync.hub_protocol import ACK

    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    sync_via(enterprise, url)
    body = b'{"bundle_ids": ["01a0\\u0000"]}'
    before = snapshot(database)
    response = httpx.post(url + ACK, content=body, headers=headers_of(enterprise, "POST", ACK, body))
    assert response.status_code == 400, response.text
    assert snapshot(database) == before


def _raw_line_upload(enterprise, tmp_path, line: list) -> bytes:
    """A bundle of the enterprise for the office whose changes are `line` alone (signed with its own key)."""
    import json as _json

    from safety_desk.sync import change_codec

    original = change_codec.encode_changes

    def encode(changes):
        return (_json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")

    import safety_desk.services.sync as sync_module
    sync_module.encode_changes = encode
    try:
        return bundle_for_office(enterprise, tmp_path)
    finally:
        sync_module.encode_changes = original


def test_an_id_that_is_not_text_in_an_upload_is_refused_with_a_reason_not_a_500(hub_world, running_hub,
                                                                                tmp_path) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    person = enterprise.store.people.by_login("e1").id
    raw = HostileEdit(enterprise)  # one change to export (its line is replaced below)
    raw.write("UPDATE hazard SET description = 'x' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "description")
    raw.commit()
    enterprise.refresh()
    clock = f"{enterprise.store.db.wall.epoch_ms():013d}-000000-{enterprise.device_id}"
    event = {"id": "0190a000-0000-7000-8000-00000000beef", "hazard_id": [hazard.id], "kind": "progress",
             "at": "2026-11-06T10:00:00+08:00", "by_id": person, "clock": clock, "reason": "x", "photos": "[]"}
    body = _raw_line_upload(enterprise, tmp_path, ["hazard_event", event["id"], clock, person, 1, None,
                                                   {"*": event}])
    before = snapshot(database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert response.status_code in (400, 422), response.text
    assert snapshot(database) == before


def test_an_infinite_number_the_office_took_does_not_break_its_feed_to_the_hub(hub_world, running_hub) -> None:
    """A photo's GPS reading of Infinity (JSON as Python writes it; a device's bundle may carry it) is stored by
    SQLite as it is; PostgreSQL's JSONB has no Infinity or NaN."""
    import hashlib

    import psycopg

    from safety_desk.store.records import Photo

    url, database = running_hub
    office = hub_world["office"]
    sync_via(office, url)
    digest = hashlib.sha256(b"inf").hexdigest()
    with office.store.transaction():
        office.store.photos.add(Photo(id=digest, size=3, width=10, height=10, added_at=office.store.db.now_iso(),
                                      gps_lat=float("inf"), gps_lon=float("-inf")))
    sync_via(office, url)
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT complete FROM office_feed").fetchone()[0] is True


def test_an_enterprises_photo_with_an_infinite_gps_reading_does_not_break_the_offices_exchanges(
        hub_world, running_hub) -> None:
    """The enterprise's tampered program records a photo at latitude Infinity: the hub relays it, the office takes
    it, and the office's next exchanges with the hub must still go through (they failed with HTTP 500 for good:
    no device heard from the office through the hub again)."""
    import hashlib

    import psycopg

    from safety_desk.media.files import media_path, write_file_atomically
    from safety_desk.store.records import Photo

    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buffer, "JPEG")  # a photo as devices keep them (media/received.py)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    write_file_atomically(media_path(enterprise.store.media_dir, digest), data)
    with enterprise.store.transaction():
        enterprise.store.photos.add(Photo(id=digest, size=len(data), width=10, height=10,
                                          added_at=enterprise.store.db.now_iso(), gps_lat=float("inf")))
    sync_via(enterprise, url)
    sync_via(office, url)
    assert office.store.photos.get(digest) is not None  # the office took it
    sync_via(office, url)
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT complete FROM office_feed").fetchone()[0] is True
    # The same row sent again is no change at the hub either.
    assert PgRowsCheck(database, enterprise, office, digest)


def PgRowsCheck(database, enterprise, office, digest) -> bool:
    import psycopg

    from safety_desk.hub.pg_rows import PgRows

    with psycopg.connect(database, autocommit=True) as conn:
        return PgRows(conn, enterprise.device_id, office.device_id, 0).row("photo", digest) is not None


def test_a_lone_surrogate_in_an_upload_is_refused_at_the_hub(hub_world, running_hub, tmp_path, monkeypatch) -> None:
    """Relayed, it made the office's import fail with UnicodeEncodeError at each exchange."""
    import safety_desk.services.sync as sync_module

    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET description = 'x' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "description")
    raw.commit()
    enterprise.refresh()
    original = sync_module.encode_changes
    monkeypatch.setattr(sync_module, "encode_changes", lambda changes: original(changes).decode("utf-8").replace(
        '"description":"x"', '"description":"\\ud800"').encode("utf-8"))
    body = bundle_for_office(enterprise, tmp_path)
    before = snapshot(database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(enterprise, "POST", UPLOAD, body))
    assert response.status_code == 400, response.text
    assert snapshot(database) == before


def test_a_download_of_an_id_with_a_nul_is_refused_with_a_reason_not_a_500(hub_world, running_hub) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    sync_via(enterprise, url)
    path = UPLOAD + "/01a0%00"
    response = httpx.get(url + path, headers=headers_of(enterprise, "GET", UPLOAD + "/01a0\x00"))
    if response.status_code == 401:  # signed over the path as the hub reads it
        response = httpx.get(url + path, headers=headers_of(enterprise, "GET", path))
    assert response.status_code in (400, 404), response.text
