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
