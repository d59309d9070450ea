"""A hostile or broken hub's listing: a time no calendar holds is skipped with its reason, and neither the exchange
nor anything that shows previews (the list, a hazard's page, `sync previews`) fails on it."""

from __future__ import annotations

import pytest

from safety_desk.services.hub_previews import HubPreviewService

from preview_helpers import enterprise_upload
from sync_helpers import hazard_of


@pytest.mark.parametrize("taken_ms", [10**15, 2**63, 10**30])
def test_a_time_out_of_the_calendar_is_skipped_not_kept(english, world, taken_ms) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    good = dict(entry, bundle_id="ent-0002")
    previews = HubPreviewService(inspector.store)

    taken = previews.take([dict(entry, taken_ms=taken_ms), good], photos.__getitem__)

    assert taken.added == 1 and len(taken.skipped) == 1 and "invalid time" in taken.skipped[0]
    assert [p.bundle_id for p in previews.pending()] == ["ent-0002"]
    hazard = hazard_of(inspector.store, "隐患1")
    assert [p.bundle_id for p in previews.for_hazard(hazard.id)] == ["ent-0002"]
