"""The office's exchange with the hub: a refused feed is reported, the rest goes on; moves confirmed as the office counts."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import httpx
import psycopg

from safety_desk.services import hub_rows
from safety_desk.services.hazards import HazardService
from safety_desk.services.hub_sync import HubSyncService
from safety_desk.store.sync_log import SyncLog
from safety_desk.sync.hub_protocol import OFFICE_ROWS, UPLOAD
from safety_desk.sync.identity import sign

from hub_world import sync_via
from sync_helpers import add_photo, as_person, hazard_of
from test_hub_refusals import headers_of


class _RacingOffice(httpx.HTTPTransport):
    """The office's transport, with another process of the office sending the start of a whole feed (as after a
    restore) just after this one asked where the hub stands: this one's next part no longer follows on (409)."""

    def __init__(self, office, url: str) -> None:
        super().__init__()
        self.office, self.url = office, url

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method == "GET" and request.url.path == OFFICE_ROWS:
            response.read()
            body = next(hub_rows.office_feed(self.office.store, hub_rows.FeedCursor()))
            other = httpx.post(self.url + OFFICE_ROWS, content=body,
                               headers=headers_of(self.office, "POST", OFFICE_ROWS, body))
            assert other.status_code == 200 and other.json()["complete"] is False, other.text
        return response


def _feed_of(database: str) -> tuple[int, bool]:
    with psycopg.connect(database, autocommit=True) as conn:
        return conn.execute("SELECT upto, complete FROM office_feed").fetchone()


def test_a_refused_feed_is_reported_and_the_offices_uploads_and_acknowledgements_still_go(
        hub_world, running_hub, monkeypatch) -> None:
    monkeypatch.setattr(hub_rows, "_PART_LINES", 7)  # the other process's feed comes in parts
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
    assert sync_via(enterprise, url).uploaded == 1
    with office.store.transaction():
        office.store.hazards.update(hazard.id, measures="安全办补充的措施")

    office.refresh()
    result = HubSyncService(office.sync, transport=_RacingOffice(office, url)).exchange(url)
    office.refresh()

    assert "409" in result.feed_problem and "安全办的数据" in result.feed_problem
    # The enterprise's report was imported and acknowledged at the hub, the office's bundles uploaded.
    assert [e.kind for e in office.store.hazards.events(hazard.id)].count("reported_rectified") == 1
    assert result.uploaded >= 1 and result.refused_uploads == []
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM bundle WHERE recipient = %s AND acked_ms IS NULL "
                            "AND superseded_by IS NULL", (office.device_id,)).fetchone()[0] == 0
    assert office.store.local_state.hub_synced_at() == result.synced_at
    laptop1 = hub_world["laptop1"]  # of the enterprise's district
    sync_via(laptop1, url)
    assert laptop1.store.hazards.require(hazard.id).measures == "安全办补充的措施"
    # The hub holds only the start of the other process's feed; the next exchange sends it all from there.
    assert _feed_of(database)[1] is False
    again = sync_via(office, url)
    assert again.feed_problem == ""
    assert _feed_of(database) == (SyncLog(office.store.db).last_seq(), True)


def test_the_command_line_says_the_refused_feed_and_fails(hub_world, running_hub, monkeypatch) -> None:
    from click.testing import CliRunner

    from safety_desk.cli import main

    monkeypatch.setattr(hub_rows, "_PART_LINES", 7)
    url, _ = running_hub
    office = hub_world["office"]
    sync_via(office, url)
    with office.store.transaction():
        office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="安全办补充的措施")
    made = HubSyncService.__init__

    def racing(self, sync, **kwargs) -> None:
        made(self, sync, **kwargs)
        self.transport = _RacingOffice(office, url)

    monkeypatch.setattr(HubSyncService, "__init__", racing)
    synced = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "hub", url], catch_exceptions=False)
    assert synced.exit_code == 1, synced.output
    assert "上传 3" in synced.output and "集线器未收下安全办的数据，下次同步时重发" in synced.output, synced.output


def test_the_status_bar_says_the_refused_feed(qtbot) -> None:
    from types import SimpleNamespace

    from safety_desk.services.hub_sync import HubResult
    from safety_desk.settings import Settings
    from safety_desk.ui.hub_syncer import HubOutcome, HubSyncer

    syncer = HubSyncer(SimpleNamespace(settings=Settings(hub_url="https://hub.example")))
    said = []
    syncer.status_changed.connect(lambda text, ok: said.append((text, ok)))
    result = HubResult("https://hub.example", feed_problem="集线器未收下安全办的数据",
                       synced_at="2026-12-05T17:02:00.000+08:00")
    syncer.on_finished(HubOutcome(result=result))
    assert said == [("Hub: last synced 12-05 17:02, the hub did not take the office's rows (sent again next time)",
                     False)]


def test_a_restored_office_still_takes_an_edit_made_before_a_move_and_so_does_the_hub(hub_world, running_hub) -> None:
    """The hub counts what a device confirmed having of the office's writes as the office does: after the office
    was restored from a backup, a laptop's confirmation of the replaced incarnation's writes (whose numbers the
    restored office uses again) does not count, at the office nor at the hub."""
    from safety_desk.services.backups import restore_backup, take_backup
    from safety_desk.store.store import Store

    from sync_helpers import Replica, later_than

    url, _ = running_hub
    office, laptop1 = hub_world["office"], hub_world["laptop1"]
    for replica in (office, laptop1, office, laptop1):
        sync_via(replica, url)
    hazard = hazard_of(office.store, "隐患1")
    backup = take_backup(office.store)
    for n in range(30):  # the office writes on after its backup; the laptop confirms having all of it
        with office.store.transaction():
            office.store.hazards.update(hazard.id, measures=f"措施{n}")
    for replica in (office, laptop1, office):
        sync_via(replica, url)
    path = office.store.path
    office.close()
    restore_backup(path, backup.path)
    office = hub_world["office"] = Replica("office", Store.open(path))
    laptop1.store.hazards.update(hazard.id, description="调动前离线改的")  # offline, before the move
    later_than(office, laptop1)
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, district_id=office.store.districts.by_code("D2").id)
    sync_via(office, url)  # the restored office's rows, with the move, and its bundle to the laptop
    first = sync_via(laptop1, url)  # learns of the move; its edit from before the move goes
    assert (first.uploaded, first.refused_uploads) == (1, [])
    sync_via(office, url)
    assert office.store.hazards.require(hazard.id).description == "调动前离线改的"


class _MiscountedUpload(httpx.HTTPTransport):
    """A laptop whose bundle's manifest miscounts its changes (signed all the same): the hub keeps it (it does not
    count them), the office refuses it whole at its import, and acknowledges it at the hub all the same."""

    def __init__(self, laptop) -> None:
        super().__init__()
        self.laptop = laptop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "POST" or request.url.path != UPLOAD:
            return super().handle_request(request)
        with zipfile.ZipFile(io.BytesIO(request.read())) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
        manifest = json.loads(members["manifest.json"])
        manifest["counts"]["changes"] += 1
        members["manifest.json"] = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
        members["manifest.sig"] = base64.b64encode(sign(self.laptop.store.local_state.private_key(),
                                                        members["manifest.json"]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        body = out.getvalue()
        headers = {**headers_of(self.laptop, "POST", UPLOAD, body), "content-type": "application/zip"}
        return super().handle_request(httpx.Request("POST", request.url, content=body, headers=headers))


def test_a_bundle_the_office_refused_whole_does_not_confirm_a_move_at_the_hub(hub_world, running_hub) -> None:
    """The office does not count the acknowledgement of a bundle it refused whole; nor does the hub, though the
    office acknowledges that bundle there: the laptop's edit made before the move, sent again, goes."""
    from sync_helpers import later_than

    url, _ = running_hub
    office, laptop1 = hub_world["office"], hub_world["laptop1"]
    for replica in (office, laptop1, office, laptop1):
        sync_via(replica, url)
    hazard = hazard_of(office.store, "隐患1")
    laptop1.store.hazards.update(hazard.id, description="调动前离线改的")  # offline, before the move
    later_than(office, laptop1)
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, district_id=office.store.districts.by_code("D2").id)
    sync_via(office, url)
    laptop1.refresh()
    miscounted = HubSyncService(laptop1.sync, transport=_MiscountedUpload(laptop1)).exchange(url)
    laptop1.refresh()
    assert (miscounted.uploaded, miscounted.refused_uploads) == (1, [])  # it confirms having the move
    refused = sync_via(office, url)
    assert len(refused.rejected) == 1 and "修改条数与清单不符" in refused.rejected[0]
    assert office.store.hazards.require(hazard.id).description == "隐患1"
    with office.store.transaction():  # news for the laptop: its next bundle sends its edit again
        office.store.hazards.update(hazard_of(office.store, "隐患2").id, measures="安全办新写的")
    sync_via(office, url)
    again = sync_via(laptop1, url)
    assert (again.uploaded, again.refused_uploads) == (1, [])
    sync_via(office, url)
    assert office.store.hazards.require(hazard.id).description == "调动前离线改的"
