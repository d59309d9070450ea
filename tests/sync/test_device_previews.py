"""Previews on an inspector's device: an enterprise's upload the hub shows while the office has not judged it is
kept apart (never a record, a figure, an export or a bundle), replaced whole by each listing, and read by people."""

from __future__ import annotations

import hashlib

import pytest

from safety_desk.services.hub_previews import HubPreviewService, PreviewListingProblem
from safety_desk.services.ledger import LedgerService
from safety_desk.store.changes import export_changes
from safety_desk.store.ledger import LedgerFilter

from preview_helpers import enterprise_upload, last_seq
from sync_helpers import db_digest, hazard_of


def _previews(replica) -> HubPreviewService:
    return HubPreviewService(replica.store)


def _rows(replica, table: str) -> int:
    return replica.store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_listing_is_taken_shown_and_replaced_whole(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    hazard = hazard_of(inspector.store, "隐患1")

    taken = _previews(inspector).take([entry], photos.__getitem__)
    assert (taken.added, taken.dropped, taken.skipped) == (1, 0, [])
    [item] = _previews(inspector).pending()
    assert item.enterprise_name == "企业1" and item.taken_at == "2026-12-05 09:30"
    assert item.photos == tuple(photos)
    assert "new hazard: 配电箱门未关闭" in item.lines
    assert "Reported rectified (hazard: 隐患1): 灭火器已更换" in item.lines
    [banner] = _previews(inspector).for_hazard(hazard.id)
    assert (banner.event_kind, banner.note, banner.photos) == ("reported_rectified", "灭火器已更换", tuple(photos))
    assert _previews(inspector).photo(next(iter(photos))) == next(iter(photos.values()))

    # Taken again: nothing fetched again, nothing changed.
    again = _previews(inspector).take([entry], lambda sha: pytest.fail("fetched a photo held already"))
    assert (again.added, again.kept, again.dropped) == (0, 1, 0)

    # The office judged it: the next listing no longer has it, and nothing of it stays.
    gone = _previews(inspector).take([], photos.__getitem__)
    assert (gone.dropped, gone.pending) == (1, 0)
    assert _previews(inspector).pending() == [] and _previews(inspector).for_hazard(hazard.id) == []
    assert _rows(inspector, "hub_preview") == _rows(inspector, "hub_preview_photo") == 0


def test_malformed_entries_are_skipped_and_a_malformed_listing_changes_nothing(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    _previews(inspector).take([entry], photos.__getitem__)
    held = db_digest(inspector.store)

    for listing in ({"previews": []}, "[]", None, [entry] * 10_001):
        with pytest.raises(PreviewListingProblem, match="nothing was changed"):
            _previews(inspector).take(listing, photos.__getitem__)
    assert db_digest(inspector.store) == held

    broken_changes = {**entry, "bundle_id": "ent-0002", "changes": '["hazard","x"]\n'}
    unknown_column = {**entry, "bundle_id": "ent-0003",
                      "changes": entry["changes"].replace('"description"', '"no_such_column"')}
    bad_time = {**entry, "bundle_id": "ent-0004", "taken_ms": "soon"}
    bad_photo_name = {**entry, "bundle_id": "ent-0005", "photos": ["../../etc/passwd"]}
    taken = _previews(inspector).take([entry, broken_changes, unknown_column, bad_time, bad_photo_name, 7],
                                      photos.__getitem__)
    assert (taken.added, taken.kept, taken.dropped) == (0, 1, 0)
    assert len(taken.skipped) == 5
    assert any("preview 2" in s for s in taken.skipped) and any("ent-0004: an invalid time" in s
                                                               for s in taken.skipped)
    assert [p.bundle_id for p in _previews(inspector).pending()] == ["ent-0001"]


def test_a_photo_not_named_by_its_content_or_not_a_jpeg_is_skipped_not_the_preview(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    [sha] = photos
    for served in (photos[sha] + b"tampered", b"not a jpeg"):
        fake_name = sha if served.endswith(b"tampered") else hashlib.sha256(served).hexdigest()
        listing = [{**entry, "photos": [fake_name]}]
        taken = _previews(inspector).take(listing, lambda _sha: served)
        assert taken.added == 1 and len(taken.skipped) == 1, taken.skipped
        assert ("does not match its name" in taken.skipped[0]) or ("not a JPEG" in taken.skipped[0])
        [item] = _previews(inspector).pending()
        assert item.photos == ()
        _previews(inspector).take([], photos.__getitem__)


def test_a_photo_not_fetched_is_asked_for_again_at_the_next_listing(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)

    def hub_down(_sha: str) -> bytes:
        raise ValueError("the hub refused the request (503)")

    first = _previews(inspector).take([entry], hub_down)
    assert first.added == 1 and "not fetched" in first.skipped[0]
    assert _previews(inspector).pending()[0].photos == ()
    again = _previews(inspector).take([entry], photos.__getitem__)
    assert (again.added, again.kept, again.skipped) == (0, 1, [])
    assert _previews(inspector).pending()[0].photos == tuple(photos)


def test_a_preview_is_never_a_record_a_figure_an_export_or_part_of_a_bundle(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    hazard = hazard_of(inspector.store, "隐患1")
    status_before = inspector.store.hazards.cached_state(hazard.id).status
    hazards_before = _rows(inspector, "hazard")
    unsynced_before = inspector.store.db.unsynced_count()
    write_log_before = last_seq(inspector)
    ledger = LedgerService(inspector.session)
    ledger_before = [(r.hazard_id, r.status, r.rectified_at) for r in ledger.every_row(LedgerFilter())]
    assert hazard.id in {row[0] for row in ledger_before}

    _previews(inspector).take([entry], photos.__getitem__)

    assert [(r.hazard_id, r.status, r.rectified_at) for r in ledger.every_row(LedgerFilter())] == ledger_before

    assert _rows(inspector, "hazard") == hazards_before
    assert inspector.store.hazards.cached_state(hazard.id).status == status_before == "待整改"
    assert last_seq(inspector) == write_log_before and inspector.store.db.unsynced_count() == unsynced_before
    assert not any(c.table.startswith("hub_preview") for c in export_changes(inspector.store.db))
    # The inspector's next bundle to the office carries nothing of it: the office sees no new hazard from it.
    exported = inspector.sync.export(tmp_path / "out", for_device=office.device_id)
    office.sync.import_bundle(exported.path)
    assert all(h.description != "配电箱门未关闭" for h in office.store.hazards._select())
    assert office.store.hazards.cached_state(hazard.id).status == "待整改"


def test_a_dropped_preview_leaves_no_trace_in_the_database_file(english, world) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    conn = inspector.store.db.conn
    conn.execute("PRAGMA secure_delete = 0")  # as Python's own SQLite on Windows has it (Debian's build: 1)
    _previews(inspector).take([entry], photos.__getitem__)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    note = "灭火器已更换".encode("utf-8")
    assert note in inspector.store.path.read_bytes()

    _previews(inspector).take([], photos.__getitem__)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = inspector.store.path.read_bytes()
    assert note not in data and next(iter(photos.values()))[-64:] not in data


def test_a_preview_whose_records_arrived_goes_with_the_exchange_that_brought_them(english, world, tmp_path) -> None:
    """The office acknowledged the upload after the laptop's listing: the laptop's same exchange imports the
    office's bundle with the records, and the preview goes with it instead of at the next exchange."""
    from sync_helpers import exchange  # noqa: PLC0415

    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    _previews(inspector).take([entry], photos.__getitem__)
    assert _previews(inspector).drop_arrived() == 0  # nothing of it is here yet
    exchange(enterprise, office, tmp_path / "up")
    exchange(office, inspector, tmp_path / "down")
    inspector.refresh()
    assert _previews(inspector).pending() == []  # the import that brought the records dropped it and _rows(inspector, "hub_preview_photo") == 0
