"""End to end through the real hub: the inspector's laptop shows an enterprise's report while the office's program
is off, apart from its records, and in the one exchange after the office judged it holds the record instead (or,
refused by the office, nothing at all)."""

from __future__ import annotations

from safety_desk.services.hazards import HazardService
from safety_desk.services.hub_previews import HubPreviewService

from hub_world import everyone_synced, sync_via
from sync_helpers import add_photo, as_person, hazard_of


def _kinds(replica, hazard_id: str) -> list[str]:
    return [e.kind for e in replica.store.hazards.events(hazard_id)]


def test_the_laptop_shows_the_report_until_its_record_arrives_in_the_same_exchange(hub_world, running_hub) -> None:
    url, _ = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise, office, laptop = world["enterprise"], world["office"], world["laptop1"]
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后 e2e")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "灭火器已更换", [photo])
    sync_via(enterprise, url)

    result = sync_via(laptop, url)
    assert (result.previews, result.preview_problem, result.preview_notes) == (1, "", [])
    [shown] = HubPreviewService(laptop.store).for_hazard(hazard.id)
    assert (shown.event_kind, shown.note, shown.photos) == ("reported_rectified", "灭火器已更换", (photo,))
    assert HubPreviewService(laptop.store).photo(photo) is not None
    assert "reported_rectified" not in _kinds(laptop, hazard.id)
    assert sync_via(world["laptop2"], url).previews == 0  # another district's laptop is shown nothing

    sync_via(office, url)  # the office's program runs: it takes the report in and writes the laptop's bundle
    result = sync_via(laptop, url)
    assert result.previews == 0 and HubPreviewService(laptop.store).pending() == []
    assert _kinds(laptop, hazard.id).count("reported_rectified") == 1
    assert laptop.store.db.conn.execute("SELECT count(*) FROM hub_preview_photo").fetchone()[0] == 0


def test_a_report_the_office_refuses_leaves_nothing_on_the_laptop(hub_world, running_hub) -> None:
    from safety_desk.services.devices import DeviceService  # noqa: PLC0415

    url, _ = running_hub
    world = hub_world
    everyone_synced(world, url)
    enterprise, office, laptop = world["enterprise"], world["office"], world["laptop1"]
    office.refresh()
    DeviceService(office.session).revoke(enterprise.device_id)  # not yet told to the hub
    hazard = hazard_of(enterprise.store, "隐患1")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [add_photo(enterprise.store, "拒")])
    sync_via(enterprise, url)
    assert sync_via(laptop, url).previews == 1

    sync_via(office, url)
    result = sync_via(laptop, url)
    assert result.previews == 0 and HubPreviewService(laptop.store).pending() == []
    assert "reported_rectified" not in _kinds(laptop, hazard.id)
    assert "reported_rectified" not in _kinds(office, hazard.id)  # the office refused it: the hub had taken it
