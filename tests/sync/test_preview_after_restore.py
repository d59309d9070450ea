"""A restored backup brings back no preview: what the hub showed then may have been refused by the office since, and
only the hub's listing says what still awaits it."""

from __future__ import annotations

from safety_desk.services.backups import restore_backup, take_backup
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.store.store import Store

from preview_helpers import enterprise_upload
from sync_helpers import Replica, hazard_of


def test_a_restored_laptop_shows_no_preview_of_its_backup(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    backup = take_backup(inspector.store)
    HubPreviewService(inspector.store).take([], photos.__getitem__)  # the office refused it: the hub lists none

    path = inspector.store.path
    inspector.close()
    restore_backup(path, backup.path)
    restored = Replica(inspector.name, Store.open(path))
    try:
        previews = HubPreviewService(restored.store)
        assert previews.count() == 0 and previews.pending() == []
        assert previews.for_hazard(hazard_of(restored.store, "隐患1").id) == []
        assert restored.store.db.conn.execute("SELECT count(*) FROM hub_preview_photo").fetchone()[0] == 0
    finally:
        restored.close()
