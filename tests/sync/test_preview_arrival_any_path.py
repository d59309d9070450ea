"""A preview goes as soon as its records arrive, whatever brought them: the office's bundle by file or sync folder
as well as by the hub. The laptop never shows an enterprise's report as a record and as awaiting the office."""

from __future__ import annotations

from safety_desk.services.hub_previews import HubPreviewService

from preview_helpers import enterprise_upload
from sync_helpers import exchange, hazard_of


def test_records_brought_by_a_bundle_file_drop_the_preview_they_settle(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    assert HubPreviewService(inspector.store).count() == 1

    # The hub is out of reach for the laptop; the office's bundle comes on a USB stick (or a sync folder).
    exchange(enterprise, office, tmp_path / "up")
    exchange(office, inspector, tmp_path / "down")

    hazard = hazard_of(inspector.store, "隐患1")
    assert "reported_rectified" in [e.kind for e in inspector.store.hazards.events(hazard.id)]
    assert HubPreviewService(inspector.store).count() == 0
    assert HubPreviewService(inspector.store).for_hazard(hazard.id) == []


def test_a_bundle_without_the_records_leaves_the_preview(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    exchange(office, inspector, tmp_path / "down")  # the office has not had the enterprise's upload yet
    assert HubPreviewService(inspector.store).count() == 1


def test_an_enterprise_that_leaves_the_laptops_scope_takes_its_preview_with_it(english, world, tmp_path) -> None:
    """The office moves the enterprise to another district: the laptop drops it and all of its records, and its
    report awaiting the office too (it would name an enterprise the laptop may no longer see)."""
    from safety_desk.services.enterprises import EnterpriseService  # noqa: PLC0415

    from sync_helpers import as_person  # noqa: PLC0415

    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    EnterpriseService(as_person(office, "admin")).move(entry["enterprise_id"], office.store.districts.by_code("D2").id)
    exchange(office, inspector, tmp_path / "down")

    assert inspector.store.enterprises.get(entry["enterprise_id"]) is None
    assert HubPreviewService(inspector.store).count() == 0
    inspector.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert "灭火器已更换".encode("utf-8") not in inspector.store.path.read_bytes()


def test_a_report_from_a_pc_a_year_ahead_goes_when_its_capped_records_arrive(english, world, tmp_path) -> None:
    """The office caps the clocks of a PC running a year ahead: the records the laptop gets carry the office's capped
    clocks, not the preview's, and are the same report all the same."""
    from test_clock_integrity import _run_a_year_ahead  # noqa: PLC0415

    office, inspector, enterprise = world
    _run_a_year_ahead(enterprise)
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    exchange(enterprise, office, tmp_path / "up")
    exchange(office, inspector, tmp_path / "down")

    hazard = hazard_of(inspector.store, "隐患1")
    assert "reported_rectified" in [e.kind for e in inspector.store.hazards.events(hazard.id)]
    assert HubPreviewService(inspector.store).count() == 0


def test_the_part_of_a_preview_already_a_record_is_not_shown_again(english, world, tmp_path) -> None:
    """The enterprise uploads its report, then (before the office's next exchange) a new hazard: its second upload
    holds both. The office took the first in the meantime and the laptop holds it as a record; of the preview, only
    the new hazard still awaits the office."""
    from safety_desk.media.files import media_path  # noqa: PLC0415
    from safety_desk.services.hazards import HazardService  # noqa: PLC0415
    from safety_desk.store.changes import export_changes  # noqa: PLC0415
    from safety_desk.sync.change_codec import encode_changes  # noqa: PLC0415

    from preview_helpers import TAKEN_MS, last_seq  # noqa: PLC0415
    from sync_helpers import add_photo, as_person, enterprise_finds  # noqa: PLC0415

    office, inspector, enterprise = world
    before = last_seq(enterprise)
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后 分两次")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "灭火器已更换", [photo])
    exchange(enterprise, office, tmp_path / "first")  # the office took the first upload ...
    enterprise_finds(enterprise, "self_inspection", "配电箱门未关闭")
    own = enterprise.store.enterprises.every()[0]
    second = {"bundle_id": "ent-0002", "sender": enterprise.device_id, "sender_name": "enterprise",
              "enterprise_id": own.id, "taken_ms": TAKEN_MS, "photos": [photo],
              "changes": encode_changes(list(export_changes(enterprise.store.db, before))).decode()}
    photos = {photo: media_path(enterprise.store.media_dir, photo).read_bytes()}
    HubPreviewService(inspector.store).take([second], photos.__getitem__)  # ... the second awaits it
    exchange(office, inspector, tmp_path / "down")

    assert "reported_rectified" in [e.kind for e in inspector.store.hazards.events(hazard.id)]
    assert HubPreviewService(inspector.store).for_hazard(hazard.id) == []
    [pending] = HubPreviewService(inspector.store).pending()
    assert [line for line in pending.lines if "配电箱门未关闭" in line] and \
        not [line for line in pending.lines if "灭火器已更换" in line]


def test_a_listing_naming_an_upload_whose_records_are_here_adds_nothing(english, world, tmp_path) -> None:
    """The office's records came by sync folder while the hub still lists the upload (the office has not yet
    exchanged with the hub): the next listing does not bring the preview back beside the record."""
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    exchange(enterprise, office, tmp_path / "up")
    exchange(office, inspector, tmp_path / "down")
    assert HubPreviewService(inspector.store).count() == 0

    taken = HubPreviewService(inspector.store).take([entry], photos.__getitem__)
    assert taken.added == 0 and HubPreviewService(inspector.store).count() == 0
