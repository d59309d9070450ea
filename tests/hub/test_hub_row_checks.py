"""The hub judges a device's upload with the office's own row checks, over its copy of the office's rows: an upload
the office would refuse in part is refused whole (422, the reasons), the hub's database unchanged; a valid one
relays and the office imports it as before."""

from __future__ import annotations

import json

import httpx
import psycopg

from safety_desk.hub.pg_rows import PgRows
from safety_desk.services.hazards import HazardService
from safety_desk.store.scope_moves import ScopeMoves
from safety_desk.sync.hub_protocol import UPLOAD

from hostile import HostileEdit
from hub_world import sync_via
from sync_helpers import add_photo, as_person, enterprise_finds, exchange, hazard_of, later_than
from test_hub_refusals import bundle_for_office, headers_of

TABLES = ("hub_identity", "device", "photo", "bundle", "bundle_photo", "request_nonce", "device_activity",
          "office_row", "office_move", "office_feed")


def snapshot(database_url: str) -> dict[str, list]:
    """Every row of every hub table (the hub's whole database, compared before and after)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
        assert set(TABLES) <= tables
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in sorted(tables)}


def office_id_of(replica) -> str:
    return replica.store.local_state.office_device_id()


def _refused_whole(url: str, database: str, replica, tmp_path, words: str) -> None:
    body = bundle_for_office(replica, tmp_path)
    before = snapshot(database)
    response = httpx.post(url + UPLOAD, content=body, headers=headers_of(replica, "POST", UPLOAD, body))
    assert response.status_code == 422, response.text
    assert words in response.json()["error"], response.json()["error"]
    assert snapshot(database) == before


def _office_row_ids(office, table: str, **where) -> list[str]:
    column, value = next(iter(where.items()))
    return [r[0] for r in office.store.db.conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,))]


def test_an_enterprise_writing_another_enterprises_record_is_refused_whole(hub_world, running_hub, tmp_path) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    other = _office_row_ids(office, "enterprise", name="企业2")[0]
    district = office.store.enterprises.get(other).district_id
    raw = HostileEdit(enterprise)
    raw.conn.execute("PRAGMA foreign_keys = OFF")  # the enterprise's PC never held 企业2
    hazard_id = "0190a000-0000-7000-8000-00000000e2e2"
    raw.write("INSERT INTO hazard (id, enterprise_id, district_id, source, description, grade, found_on) VALUES"
              " (?, ?, ?, 'self_inspection', '替别的企业登记', '一般', '2026-11-05')", (hazard_id, other, district),
              "hazard", hazard_id)
    raw.commit()
    _refused_whole(url, database, enterprise, tmp_path, "不在设备“enterprise”的范围内")


def test_an_inspector_writing_outside_its_districts_is_refused_whole(hub_world, running_hub, tmp_path) -> None:
    url, database = running_hub
    office, laptop2 = hub_world["office"], hub_world["laptop2"]
    sync_via(office, url)
    sync_via(laptop2, url)
    sync_via(office, url)
    in_d1 = hazard_of(office.store, "隐患1")  # 企业1, district D1; laptop2 serves D2
    raw = HostileEdit(laptop2)
    raw.conn.execute("PRAGMA foreign_keys = OFF")
    raw.write("INSERT INTO hazard (id, enterprise_id, district_id, source, description, grade, found_on) VALUES"
              " (?, ?, ?, 'inspection', '别的片区', '一般', '2026-11-05')",
              ("0190a000-0000-7000-8000-00000000d1d1", in_d1.enterprise_id, in_d1.district_id), "hazard",
              "0190a000-0000-7000-8000-00000000d1d1")
    raw.commit()
    _refused_whole(url, database, laptop2, tmp_path, "不在设备“laptop2”的范围内")


def test_a_hazard_event_before_its_created_event_is_refused_whole(hub_world, running_hub, tmp_path) -> None:
    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    person = enterprise.store.people.by_login("e1").id
    raw = HostileEdit(enterprise)
    event_id = "0190a000-0000-7000-8000-00000000abcd"
    # Its own clock sorts before the hazard's `created` event: the office's history would not start with it.
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, reason, photos) VALUES"
              " (?, ?, 'progress', '2026-11-06T10:00:00+08:00', ?, ?, '倒填', '[]')",
              (event_id, hazard.id, person, f"{1_000_000_000_000:013d}-000000-{enterprise.device_id}"),
              "hazard_event", event_id, author=person)
    raw.commit()
    _refused_whole(url, database, enterprise, tmp_path, "早于隐患")


def test_a_valid_upload_relays_and_the_office_imports_it(hub_world, running_hub) -> None:
    url, database = running_hub
    office, enterprise, laptop1 = hub_world["office"], hub_world["enterprise"], hub_world["laptop1"]
    sync_via(office, url)
    with psycopg.connect(database, autocommit=True) as conn:
        # The hub holds the office's rows, whole: uploads are judged from here on.
        assert conn.execute("SELECT complete FROM office_feed").fetchone()[0] is True
        held = conn.execute("SELECT count(*) FROM office_row WHERE tbl = 'hazard'").fetchone()[0]
    assert held == office.store.db.conn.execute("SELECT count(*) FROM hazard").fetchone()[0]
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后")
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
    result = sync_via(enterprise, url)
    assert (result.uploaded, result.refused_uploads) == (1, [])
    sync_via(office, url)
    assert [e.kind for e in office.store.hazards.events(hazard.id)].count("reported_rectified") == 1
    sync_via(laptop1, url)
    assert [e.kind for e in laptop1.store.hazards.events(hazard.id)].count("reported_rectified") == 1
    with psycopg.connect(database, autocommit=True) as conn:
        # The office's next exchange brought the hub its new row (the event it took).
        kinds = [r[0] for r in conn.execute("SELECT data->>'kind' FROM office_row WHERE tbl = 'hazard_event' AND "
                                            "data->>'hazard_id' = %s", (hazard.id,))]
        assert "reported_rectified" in kinds
        # The after-photo is evidence now (attached to a hazard event): its annotations only grow.
        assert PgRows(conn, enterprise.device_id, office.device_id, 0).evidence_photos([photo, "0" * 64]) == {photo}


def test_a_refused_upload_is_set_aside_by_the_device_with_the_reason(hub_world, running_hub, tmp_path) -> None:
    url, _ = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    hazard = hazard_of(enterprise.store, "隐患1")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET source = 'self_inspection' WHERE id = ?", (hazard.id,), "hazard", hazard.id,
              "source")
    raw.commit()
    result = sync_via(enterprise, url)
    assert result.uploaded == 0 and len(result.refused_uploads) == 1
    assert "422" in result.refused_uploads[0] and "安全办不会接收" in result.refused_uploads[0]
    # What the message advises: one sync by file with the office, which refuses that change alone and takes the
    # rest; the hub then takes the device's uploads again.
    assert "用同步文件夹或U盘与安全办同步一次" in result.refused_uploads[0]
    # Until then, each new change brings the refused one again: the report waits on the enterprise's PC.
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [add_photo(enterprise.store, "四")])
    assert sync_via(enterprise, url).refused_uploads
    exchange(enterprise, office, tmp_path / "up")
    exchange(office, enterprise, tmp_path / "down")
    assert "reported_rectified" in [e.kind for e in office.store.hazards.events(hazard.id)]
    assert office.store.hazards.get(hazard.id).source != "self_inspection"
    enterprise_finds(enterprise, "self_inspection", "消防通道堆放杂物")
    again = sync_via(enterprise, url)
    assert (again.uploaded, again.refused_uploads) == (1, []), again.refused_uploads


def test_the_office_rows_come_from_the_office_only_and_in_order(hub_world, running_hub) -> None:
    from safety_desk.services.hub_rows import FeedCursor, acked_counts, office_feed
    from safety_desk.sync.hub_protocol import OFFICE_ROWS

    url, database = running_hub
    office, enterprise = hub_world["office"], hub_world["enterprise"]
    sync_via(office, url)
    sync_via(enterprise, url)  # its key is known from here on
    sync_via(office, url)
    before = snapshot(database)
    body = next(office_feed(office.store, FeedCursor()))  # a whole feed, as for a hub that holds nothing
    refused = httpx.post(url + OFFICE_ROWS, content=body, headers=headers_of(enterprise, "POST", OFFICE_ROWS, body))
    assert refused.status_code == 403, refused.text
    # A part that does not start where the hub stands (after 1, the hub at the office's last write) is refused.
    head, _, rest = body.partition(b"\n")
    header = json.loads(head)
    header["after"], header["upto"] = 1, max(header["upto"], 1)
    gap = json.dumps(header).encode("utf-8") + b"\n" + rest
    refused = httpx.post(url + OFFICE_ROWS, content=gap, headers=headers_of(office, "POST", OFFICE_ROWS, gap))
    assert refused.status_code == 409 and "不衔接" in refused.json()["error"]
    assert snapshot(database) == before
    # Quiet: the office sends nothing when the hub is up to date.
    assert list(office_feed(office.store, FeedCursor(office.store.local_state.sync_epoch(),
                                                     before["office_feed"][0][2], True,
                                                     acked_counts(office.store)))) == []


def test_district_moves_are_judged_at_the_hub_as_at_the_office(hub_world, running_hub) -> None:
    """An edit made before its enterprise moved away still relays; a backdated one after the laptop confirmed
    having the move is refused (tests/sync/test_backdated_moves.py at the office)."""
    url, _ = running_hub
    office, laptop1 = hub_world["office"], hub_world["laptop1"]
    for replica in (office, laptop1, office, laptop1):
        sync_via(replica, url)
    hazard = hazard_of(office.store, "隐患1")
    laptop1.store.hazards.update(hazard.id, description="调动前离线改的")  # offline, before the move
    later_than(office, laptop1)
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, district_id=office.store.districts.by_code("D2").id)
    d1 = office.store.districts.by_code("D1").id
    move_clock = ScopeMoves(office.store.db).moves_out_of({d1})[hazard.enterprise_id][1]
    sync_via(office, url)  # the hub gets the move with the office's rows; the laptop's bundle tells it of the move
    first = sync_via(laptop1, url)  # its edit from before the move, and its ack of the move
    assert (first.uploaded, first.refused_uploads) == (1, [])
    sync_via(office, url)
    office.refresh()
    assert office.store.hazards.require(hazard.id).description == "调动前离线改的"
    raw = HostileEdit(laptop1)
    raw.wall = int(move_clock[:13]) - 2  # a clock from before the move, written after the laptop confirmed it
    raw.write("UPDATE hazard SET grade = '重大' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "grade")
    raw.commit()
    second = sync_via(laptop1, url)
    assert second.uploaded == 0 and len(second.refused_uploads) == 1
    assert "确认收到这次调动" in second.refused_uploads[0]


def _held(database: str) -> dict[str, int]:
    with psycopg.connect(database, autocommit=True) as conn:
        return dict(conn.execute("SELECT tbl, count(*) FROM office_row GROUP BY tbl").fetchall())


def test_the_office_rows_go_in_parts_and_an_interrupted_feed_is_sent_again(hub_world, running_hub,
                                                                          monkeypatch) -> None:
    from safety_desk.domain.sync_model import SYNC_MODE
    from safety_desk.services import hub_rows
    from safety_desk.sync.hub_protocol import OFFICE_ROWS

    monkeypatch.setattr(hub_rows, "_PART_LINES", 7)  # a city's rows in a few lines' worth
    url, database = running_hub
    office = hub_world["office"]
    sync_via(office, url)
    conn = office.store.db.conn
    at_office = {t: n for t in SYNC_MODE if (n := conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])}
    assert _held(database) == at_office
    bodies = list(hub_rows.office_feed(office.store, hub_rows.FeedCursor()))
    assert len(bodies) > 3
    # A whole feed again (as after a restore), cut off after two parts: the hub knows it holds only part.
    for body in bodies[:2]:
        answer = httpx.post(url + OFFICE_ROWS, content=body, headers=headers_of(office, "POST", OFFICE_ROWS, body))
        assert answer.status_code == 200 and answer.json()["complete"] is False
    assert sum(_held(database).values()) < sum(at_office.values())
    sync_via(office, url)  # the next exchange sends it all again from where the hub stands
    with psycopg.connect(database, autocommit=True) as pg:
        assert pg.execute("SELECT complete FROM office_feed").fetchone()[0] is True
    assert _held(database) == at_office
