"""The hub refuses, as the office does, an enterprise's raw withdrawal of a hazard its self-inspection found once the
inspector re-inspected (复查) or closed it: the same rule over the hub's copy of the office's rows, where whether
a hazard was re-inspected or is closed is read from its events (hub/pg_rows.py, sync/row_checks.py); and a photo
that is not one as devices keep them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from safety_desk.services.hazards import HazardService
from safety_desk.store.records import Hazard

from hostile import HostileEdit
from hub_world import sync_via
from sync_helpers import as_person
from test_hub_row_checks import _refused_whole


@pytest.mark.parametrize("verdict, words", [("reject", "已经检查员复查，已是证据"), ("verify", "已销号，已是证据")])
def test_a_reinspected_or_closed_self_found_hazard_is_not_withdrawn_through_the_hub(
        hub_world, running_hub, tmp_path, verdict, words) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    store = enterprise.store
    person = store.people.by_login("e1")
    store.db.author_id = person.id
    own = store.enterprises.by_uscc(store.enterprises._select()[0].uscc)
    found_on = store.db.wall.today()
    hazard = store.hazards.open_hazard(Hazard(
        id=store.db.new_id(), enterprise_id=own.id, district_id=own.district_id, source="self_inspection",
        description="自查发现：安全出口堵塞", grade="一般", found_on=found_on.isoformat(), found_by=person.id),
        deadline=found_on + timedelta(days=30))
    assert sync_via(enterprise, url).refused_uploads == []
    sync_via(office, url)
    office.store.hazards.append_event(hazard.id, "reported_rectified", reason="已整改")
    inspector_side = HazardService(as_person(office, "admin"))
    if verdict == "reject":
        inspector_side.reject(hazard.id, "仍有堵塞")
    else:
        inspector_side.verify(hazard.id, "合格")
    sync_via(office, url)  # the hub's copy has the verdict
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET deleted = 1 WHERE id = ?", (hazard.id,), "hazard", hazard.id, "deleted",
              author=person.id)
    raw.commit()
    _refused_whole(url, database, enterprise, tmp_path, words)


def test_a_photo_that_is_not_a_jpeg_is_refused_at_the_hub_as_the_office_would(hub_world, running_hub, tmp_path
                                                                             ) -> None:
    """Bytes no decoder reads under a photo's hash: the office keeps no such file and refuses its record
    (media/received.py); the hub refuses the upload with that reason and stores nothing."""
    import hashlib

    from safety_desk.media.files import media_path, write_file_atomically
    from safety_desk.store.records import Photo

    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    data = b"\xff\xd8\xff\xe0 not really a JPEG" * 40
    digest = hashlib.sha256(data).hexdigest()
    write_file_atomically(media_path(enterprise.store.media_dir, digest), data)
    with enterprise.store.transaction():
        enterprise.store.photos.add(Photo(id=digest, size=len(data), width=10, height=10,
                                          added_at=enterprise.store.db.now_iso()))
    _refused_whole(url, database, enterprise, tmp_path, f"照片 {digest}")
