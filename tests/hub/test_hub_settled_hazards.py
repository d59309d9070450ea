"""The hub refuses, as the office does, an enterprise's raw withdrawal of a hazard its self-inspection found once the
inspector re-inspected (复查) or closed it: the same rule over the hub's copy of the office's rows, where whether
a hazard was re-inspected or is closed is read from its events (hub/pg_rows.py, sync/row_checks.py); and a photo
that is not one as devices keep them."""

from __future__ import annotations


import pytest

from safety_desk.services.hazards import HazardService

from hostile import HostileEdit
from hub_world import sync_via
from sync_helpers import as_person, enterprise_finds
from test_hub_row_checks import _refused_whole


@pytest.mark.parametrize("verdict, words", [("reject", "已经检查员复查，已是证据"), ("verify", "已销号，已是证据")])
def test_a_reinspected_or_closed_self_found_hazard_is_not_withdrawn_through_the_hub(
        hub_world, running_hub, tmp_path, verdict, words) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = enterprise_finds(enterprise, "self_inspection", "自查发现：安全出口堵塞")
    person = enterprise.store.people.by_login("e1")
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
