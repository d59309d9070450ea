"""The hub lists a preview only to a device whose districts hold the enterprise now: an enterprise the office moved
out of the laptop's district, while one of its uploads awaited the office, is not shown there any more."""

from __future__ import annotations

import httpx
import psycopg

from safety_desk.hub import pg_store
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.hazards import HazardService
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.services.hub_sync import HubSyncService
from safety_desk.sync.hub_protocol import INBOX, PREVIEWS

from hub_world import everyone_synced, sync_via
from sync_helpers import add_photo, as_person, hazard_of


def _listed(replica, url: str) -> list[dict]:
    replica.refresh()
    with httpx.Client(base_url=url, timeout=30) as http:
        return HubSyncService(replica.sync)._request(http, "GET", PREVIEWS).json()["previews"]


class _UploadAfterInbox(httpx.BaseTransport):
    """The office's connection; once the office has listed its inbox, the enterprise uploads (it arrives while the
    office imports: judged by the rows the hub held, and not acknowledged in this exchange)."""

    def __init__(self, upload) -> None:
        self.inner = httpx.HTTPTransport()
        self.upload = upload

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "GET" and request.url.path == INBOX and self.upload is not None:
            response.read()
            upload, self.upload = self.upload, None
            upload()
        return response

    def close(self) -> None:
        self.inner.close()


def test_an_enterprise_moved_away_is_no_longer_shown_to_its_former_district(hub_world, running_hub) -> None:
    url, database = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise, office, laptop1 = world["enterprise"], world["office"], world["laptop1"]
    hazard = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "灭火器已更换",
                                                                [add_photo(enterprise.store, "移走")])

    # The office moves the enterprise to D2 and syncs; the enterprise's report comes in during that exchange.
    office.refresh()
    EnterpriseService(as_person(office, "admin")).move(hazard.enterprise_id, office.store.districts.by_code("D2").id)
    transport = _UploadAfterInbox(lambda: sync_via(enterprise, url))
    HubSyncService(office.sync, transport=transport).exchange(url)
    assert transport.upload is None, "the enterprise uploaded during the office's exchange"

    sync_via(laptop1, url)  # the laptop drops the enterprise (and its records): it is D2's now
    assert laptop1.store.enterprises.get(hazard.enterprise_id) is None
    assert _listed(laptop1, url) == []
    # /metrics counts what each device is shown now: the preview the hub still holds for the laptop is not.
    with psycopg.connect(database, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM preview WHERE recipient = %s", (laptop1.device_id,)).fetchone()[0]
        shown = {d["id"]: d["previews"] for d in pg_store.metrics(conn)["devices"]}
    assert shown[laptop1.device_id] == 0
    sync_via(laptop1, url)
    assert HubPreviewService(laptop1.store).count() == 0
