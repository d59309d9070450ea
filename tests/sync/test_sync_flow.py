"""Office, inspector laptop and enterprise PC: enrolment, join, scopes, acknowledgements, photos, conflicts."""

from __future__ import annotations

import pytest

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.devices import AlreadyJoined, DeviceProblem, DeviceService, join
from safety_desk.services.hazards import HazardService
from safety_desk.services.session import PermissionDenied
from safety_desk.sync.bundle import BundleRejected

from sync_helpers import USCC, add_photo, as_person, db_digest, exchange, hazard_of, later_than


def test_enrolment_gives_each_device_its_scope_and_blocks(world) -> None:
    office, inspector, enterprise = world
    # The inspector's laptop holds its district's two enterprises and their hazards, not district D2's.
    assert sorted(e.name for e in inspector.store.enterprises._select()) == ["企业1", "企业2"]
    assert sorted(h.description for h in inspector.store.hazards._select()) == ["隐患1", "隐患2"]
    assert inspector.session.role == "inspector"
    assert len(inspector.session.district_ids()) == 1
    # Notice numbers to issue offline: this year's and next year's blocks came with the enrolment.
    years = {b.year for b in inspector.store.notice_blocks._select("device_id = ?", (inspector.device_id,))}
    assert len(years) == 2
    # The enterprise PC holds only its own enterprise, and is locked to it.
    assert [e.uscc for e in enterprise.store.enterprises._select()] == [USCC[0]]
    assert [h.description for h in enterprise.store.hazards._select()] == ["隐患1"]
    assert enterprise.session.role == "enterprise"
    assert enterprise.session.person.enterprise_id == enterprise.store.enterprises._select()[0].id
    # Office-side password hashes never reach the enterprise PC; its own people's do.
    people = {p.login: p for p in enterprise.store.people._select()}
    assert people["admin"].password_hash is None and people["e1"].password_hash == "x"
    assert "e2" not in people
    assert inspector.store.people.by_login("insp").password_hash == "y"


def test_an_enterprise_installation_signs_in_only_its_own_people(world) -> None:
    _, _, enterprise = world
    with enterprise.store.transaction():
        enterprise.store.db.conn.execute("UPDATE person SET password_hash = ?", ("x",))
    from safety_desk.services import auth

    signin = SignIn(enterprise.store)
    original = auth.verify_password
    auth.verify_password = lambda password, stored: True
    try:
        assert signin.sign_in("e1", "pw").person.login == "e1"
        # Not on the PC's sign-in list: refused as a wrong password is, whatever hash the database holds.
        with pytest.raises(SignInFailed, match="密码错误"):
            signin.sign_in("admin", "pw")
    finally:
        auth.verify_password = original


def test_join_refuses_a_database_with_data_and_a_used_enrolment_is_refused_at_the_office(english, world, tmp_path) -> None:
    office, inspector, _ = world
    enrol = tmp_path / "laptop2.sdenroll"
    passphrase = DeviceService(office.session).enroll("inspector", "laptop2", enrol, district_codes=["D2"]).passphrase
    with pytest.raises(AlreadyJoined):
        join(office.store.path, enrol, passphrase=passphrase)
    copy = tmp_path / "copied-before-use.sdenroll"
    copy.write_bytes(enrol.read_bytes())
    join(tmp_path / "first.db", enrol, passphrase=passphrase)
    with pytest.raises(DeviceProblem, match="used by another installation"):
        join(tmp_path / "unused.db", enrol, passphrase=passphrase)  # the file that joined once is marked used
    join(tmp_path / "second.db", copy, passphrase=passphrase)  # a copy taken before: the second computer makes its own key
    from sync_helpers import Replica
    from safety_desk.store.store import Store

    first, second = Replica("first", Store.open(tmp_path / "first.db")), Replica("second", Store.open(tmp_path / "second.db"))
    office.refresh()
    exchange(first, office, tmp_path)
    before = db_digest(office.store)
    with pytest.raises(BundleRejected, match="another installation"):
        exchange(second, office, tmp_path)
    assert db_digest(office.store) == before
    first.close()
    second.close()


def test_enrolment_checks_its_input(english, world, tmp_path) -> None:
    office, inspector, _ = world
    service = DeviceService(office.session)
    with pytest.raises(DeviceProblem, match="D9"):
        service.enroll("inspector", "x", tmp_path / "x.sdenroll", district_codes=["D9"])
    with pytest.raises(DeviceProblem, match="--enterprise"):
        service.enroll("enterprise", "y", tmp_path / "y.sdenroll", district_codes=["D1"])
    with pytest.raises(DeviceProblem, match="exists already"):
        service.enroll("inspector", "inspector", tmp_path / "z.sdenroll", district_codes=["D1"])
    with pytest.raises(PermissionDenied):
        DeviceService(inspector.session).enroll("inspector", "w", tmp_path / "w.sdenroll", district_codes=["D1"])


def test_edits_on_all_three_meet_and_acknowledgements_shrink_the_next_bundle(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(inspector.store, "隐患1")
    inspector.store.hazards.update(hazard.id, measures="加装防护罩", grade="重大")
    photo = add_photo(enterprise.store, "after-1")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "已订购防护罩", [photo])
    exchange(inspector, office, tmp_path)
    exchange(enterprise, office, tmp_path)
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    for replica in (office, inspector, enterprise):
        merged = replica.store.hazards.require(hazard.id)
        assert (merged.measures, merged.grade) == ("加装防护罩", "重大")
        assert [e.kind for e in replica.store.hazards.events(hazard.id)] == ["created", "progress"]
        assert replica.store.hazards.cached_state(hazard.id).status == "整改中"
    # Everything was acknowledged: the next bundles carry nothing new.
    exchange(inspector, office, tmp_path)
    exchange(enterprise, office, tmp_path)
    assert exchange(office, inspector, tmp_path).changes == 0
    assert exchange(office, enterprise, tmp_path).changes == 0
    assert inspector.sync.export(tmp_path).changes == 0
    assert enterprise.sync.export(tmp_path).changes == 0
    assert [p.waiting for p in inspector.sync.peers()] == [0]
    assert inspector.sync.changes_waiting(office.device_id) == 0
    inspector.store.hazards.update(hazard.id, location="三号车间")
    assert inspector.sync.changes_waiting(office.device_id) == 1


def test_photos_travel_once_and_arrive_intact(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "evidence")
    HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "整改中", [photo])
    first = enterprise.sync.export(tmp_path)
    assert first.photos == 1
    resent = enterprise.sync.export(tmp_path)  # not acknowledged yet: sent again
    assert resent.photos == 1
    office.sync.import_bundle(first.path)
    assert office.sync.import_bundle(resent.path).applied == 0
    exchange(office, enterprise, tmp_path)  # carries the acknowledgement back
    assert enterprise.sync.export(tmp_path).photos == 0
    # The inspector gets it once from the office (its district holds the enterprise).
    to_inspector = office.sync.export(tmp_path, for_device=inspector.device_id)
    assert to_inspector.photos == 1
    inspector.sync.import_bundle(to_inspector.path)
    import hashlib

    from safety_desk.media.files import media_path

    assert hashlib.sha256(media_path(inspector.store.media_dir, photo).read_bytes()).hexdigest() == photo
    exchange(inspector, office, tmp_path)
    assert office.sync.export(tmp_path, for_device=inspector.device_id).photos == 0
    # The enterprise of the other district never gets it.
    assert not enterprise.store.photos.get(photo) is None


def test_the_same_bundle_twice_is_a_reported_no_op(english, world, tmp_path) -> None:
    office, inspector, _ = world
    inspector.store.hazards.update(hazard_of(inspector.store, "隐患2").id, measures="整改")
    bundle = inspector.sync.export(tmp_path)
    first = office.sync.import_bundle(bundle.path)
    assert first.applied == 1 and not first.duplicate
    before = db_digest(office.store)
    again = office.sync.import_bundle(bundle.path)
    assert again.duplicate and "already imported" in again.describe()
    assert db_digest(office.store) == before


def test_a_concurrent_edit_keeps_the_loser_and_keep_other_syncs(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, measures="办公室的措施")
    later_than(inspector, office)
    inspector.store.hazards.update(hazard.id, measures="检查员的措施")  # later clock: it wins everywhere
    exchange(office, inspector, tmp_path)
    exchange(inspector, office, tmp_path)
    assert office.store.hazards.require(hazard.id).measures == "检查员的措施"
    assert inspector.store.hazards.require(hazard.id).measures == "检查员的措施"
    # The inspector saw the office's value arrive after its own later edit: it keeps the loser for review.
    view = next(c for c in inspector.sync.conflicts() if c.field == "measures")
    assert (view.kept_value, view.other_value) == ("检查员的措施", "办公室的措施")
    assert view.kept_by == "inspector" and view.other_by == office.store.devices.get(office.device_id).name
    assert view.other_at and view.kept_at >= view.other_at and view.can_keep_other
    inspector.sync.keep_other(view.id)
    assert inspector.store.hazards.require(hazard.id).measures == "办公室的措施"
    assert not any(c.id == view.id for c in inspector.sync.conflicts())
    exchange(inspector, office, tmp_path)
    assert office.store.hazards.require(hazard.id).measures == "办公室的措施"


def test_fields_the_enterprise_does_not_own_are_refused_and_reported(english, world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    enterprise.store.hazards.update(hazard.id, grade="重大", treatment_plan={"objectives": "消除"})
    from datetime import date

    enterprise.store.hazards.append_event(hazard.id, "deadline_extended", deadline=date(2027, 1, 1), reason="延期")
    result = exchange(enterprise, office, tmp_path)
    assert len(result.refused) == 2
    assert any("hazard.grade" in r and "inspector side" in r for r in result.refused)
    assert any("deadline_extended" in r for r in result.refused)
    merged = office.store.hazards.require(hazard.id)
    assert merged.grade == "一般" and merged.treatment_plan == {"objectives": "消除"}
    assert [e.kind for e in office.store.hazards.events(hazard.id)] == ["created"]
    assert {c.kind for c in office.sync.conflicts()} == {"refused"}


def test_a_revoked_device_is_refused_and_learns_it(english, world, tmp_path) -> None:
    office, inspector, _ = world
    exchange(inspector, office, tmp_path)
    inspector.store.hazards.update(hazard_of(inspector.store, "隐患1").id, measures="停用前写的")
    late = inspector.sync.export(tmp_path)
    DeviceService(office.session).revoke("inspector")
    office.store.hazards.update(hazard_of(office.store, "隐患2").id, measures="不再发给停用的设备")
    before = db_digest(office.store)
    with pytest.raises(BundleRejected, match="revoked"):
        office.sync.import_bundle(late.path)
    assert db_digest(office.store) == before
    # The office sends the revoked device nothing but its revocation.
    news = office.sync.export(tmp_path, for_device="inspector")
    inspector.sync.import_bundle(news.path)
    inspector.refresh()
    assert inspector.store.hazards.require(hazard_of(inspector.store, "隐患2").id).measures == ""
    from safety_desk.services.sync import SyncProblem

    with pytest.raises(SyncProblem, match="revoked"):
        inspector.sync.export(tmp_path)


def test_a_far_future_clock_is_capped_reported_and_does_not_win_forever(english, world, tmp_path) -> None:
    office, inspector, enterprise = world
    from safety_desk.domain.hybrid_clock import HybridClock, Timestamp

    year_ms = 365 * 24 * 3600 * 1000
    hazard = hazard_of(inspector.store, "隐患1")
    last = Timestamp.parse(inspector.store.db.clock.last)
    wall = last.wall_ms + year_ms
    inspector.store.db.clock = HybridClock(inspector.device_id, last, wall=lambda: wall)
    inspector.store.db.set_local("hlc", inspector.store.db.clock.last)  # as if the laptop's clock were a year ahead
    inspector.store.hazards.update(hazard.id, measures="未来的措施")
    result = exchange(inspector, office, tmp_path)
    assert result.warnings and "ahead" in result.warnings[0]
    assert any(c.kind == "clock" for c in office.sync.log.conflicts(kinds=("clock",)))
    # The office's HLC was not dragged a year ahead.
    assert Timestamp.parse(office.store.db.clock.last).wall_ms < wall - year_ms // 2
    # Everyone holds the value, and the laptop takes the capped clock for its own cell.
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    for replica in (office, inspector, enterprise):
        assert replica.store.hazards.require(hazard.id).measures == "未来的措施"
    clocks = {r.name: r.store.db.cell_clocks("hazard", hazard.id)["measures"][0] for r in (office, inspector, enterprise)}
    assert len(set(clocks.values())) == 1 and Timestamp.parse(clocks["office"]).wall_ms < wall - year_ms // 2
    # A later edit anywhere wins everywhere.
    office.store.hazards.update(hazard.id, measures="办公室后来的措施")
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    for replica in (office, inspector, enterprise):
        assert replica.store.hazards.require(hazard.id).measures == "办公室后来的措施"


def test_two_devices_registering_the_same_key_keep_one_row_and_record_the_other(world, tmp_path) -> None:
    office, inspector, _ = world
    from safety_desk.store.changes import Change
    from safety_desk.store.merge import merge_changes

    district = office.store.districts.by_code("D1")
    # A district with code D1 made on another office database (another id): the row with the smaller id stays.
    other_id = "00000000-0000-7000-8000-000000000001"
    clock = office.store.db.clock.now()
    row = {"code": "D1", "name": "另一个东城片区", "leader_id": None, "deleted": 0}
    report = merge_changes(office.store.db, [Change("district", other_id, k, clock, "", v) for k, v in row.items()])
    assert report.unique_clashes == 1
    kept = office.store.districts.by_code("D1")
    assert kept.id == other_id  # the smaller id
    # Everything that pointed at the row that went now points at the kept one.
    assert all(e.district_id == other_id for e in office.store.enterprises._select() if e.district_id in (other_id, district.id))
    assert office.store.districts.get(district.id) is None
    clash = [c for c in office.sync.conflicts() if c.kind == "unique"]
    assert clash and clash[0].other_value["name"] == "东城片区"
    # Later changes to the row that went land nowhere (it is an alias), and never fail.
    office.store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert merge_changes(office.store.db, [Change("district", district.id, "name", office.store.db.clock.now(), "",
                                                  "改名")]).aliased == 1


def test_an_exception_midway_through_an_import_leaves_the_database_as_it_was(world, tmp_path, monkeypatch) -> None:
    office, inspector, _ = world
    for n in range(3):
        inspector.store.hazards.update(hazard_of(inspector.store, "隐患2").id, measures=f"措施{n}")
    inspector.store.hazards.update(hazard_of(inspector.store, "隐患1").id, measures="另一个")
    bundle = inspector.sync.export(tmp_path)
    before = db_digest(office.store)
    from safety_desk.store import merge

    calls = {"n": 0}
    original = merge._Merger.merge_row

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("injected failure")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(merge._Merger, "merge_row", failing)
    with pytest.raises(RuntimeError, match="injected"):
        office.sync.import_bundle(bundle.path)
    assert db_digest(office.store) == before
    monkeypatch.setattr(merge._Merger, "merge_row", original)
    assert office.sync.import_bundle(bundle.path).applied == 2  # and it still applies afterwards


def test_an_enterprise_moved_into_the_inspectors_district_arrives_whole(world, tmp_path) -> None:
    office, inspector, _ = world
    third = office.store.enterprises.by_uscc(USCC[2])  # in district D2: not the inspector's
    exchange(inspector, office, tmp_path)
    exchange(office, inspector, tmp_path)
    assert inspector.store.enterprises.get(third.id) is None
    office.store.enterprises.update(third.id, district_id=office.store.districts.by_code("D1").id)
    hazard = hazard_of(office.store, "隐患3")
    office.store.hazards.update(hazard.id, district_id=office.store.districts.by_code("D1").id)
    exchange(office, inspector, tmp_path)
    assert inspector.store.enterprises.require(third.id).name == "企业3"
    arrived = inspector.store.hazards.require(hazard.id)
    assert arrived.description == "隐患3" and [e.kind for e in inspector.store.hazards.events(hazard.id)] == ["created"]
    assert inspector.store.people.by_login("e3") is not None


def test_trainings_reach_the_enterprises_they_name(world, tmp_path) -> None:
    office, inspector, enterprise = world
    from safety_desk.store.records import Training

    e1, e2, e3 = (office.store.enterprises.by_uscc(u) for u in USCC)
    for title, named in (("两家联合培训", [e2.id, e1.id]), ("别家的培训", [e2.id]), ("西城培训", [e3.id])):
        office.store.trainings.add(Training(id=office.store.db.new_id(), title=title, held_on="2026-11-10",
                                            enterprise_id=named[0], enterprise_ids=named))
    exchange(office, enterprise, tmp_path)
    exchange(office, inspector, tmp_path)
    assert [t.title for t in enterprise.store.trainings._select()] == ["两家联合培训"]
    assert sorted(t.title for t in inspector.store.trainings._select()) == ["两家联合培训", "别家的培训"]


def test_a_self_inspection_hazard_from_the_enterprise_is_accepted(world, tmp_path) -> None:
    office, _, enterprise = world
    from datetime import date

    from safety_desk.store.records import Hazard

    e1 = enterprise.store.enterprises._select()[0]
    found = enterprise.store.hazards.open_hazard(Hazard(
        id=enterprise.store.db.new_id(), enterprise_id=e1.id, district_id=e1.district_id, source="self_inspection",
        description="自查发现：配电箱未上锁", grade="一般", found_on="2026-11-05"), deadline=date(2026, 11, 30))
    result = exchange(enterprise, office, tmp_path)
    assert result.refused == []
    assert office.store.hazards.require(found.id).description == "自查发现：配电箱未上锁"
    assert office.store.hazards.cached_state(found.id).status == "待整改"


def test_keep_other_needs_the_field_to_be_ours(world, tmp_path) -> None:
    office, _, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, treatment_plan={"objectives": "办公室的"})
    later_than(enterprise, office)
    enterprise.store.hazards.update(hazard.id, treatment_plan={"objectives": "企业的"})  # later: it wins
    exchange(office, enterprise, tmp_path)
    mine = next(c for c in enterprise.sync.conflicts() if c.field == "treatment_plan")
    assert "办公室的" in mine.other_value and "企业的" in mine.kept_value
    enterprise.sync.keep_other(mine.id)  # the plan is the enterprise's to write
    exchange(enterprise, office, tmp_path)
    for replica in (office, enterprise):
        assert replica.store.hazards.require(hazard.id).treatment_plan == {"objectives": "办公室的"}
    # A conflict on a field the enterprise does not own cannot be settled from its PC.
    from safety_desk.store.changes import Change
    from safety_desk.store.merge import merge_changes

    merge_changes(enterprise.store.db, [Change("hazard", hazard.id, "grade", "0000000000001-000000-x", "", "重大", 1)])
    conflict = next(c for c in enterprise.sync.conflicts() if c.field == "grade")
    with pytest.raises(PermissionDenied):
        enterprise.sync.keep_other(conflict.id)


def test_a_tampered_enrolment_file_makes_no_database(world, tmp_path, monkeypatch) -> None:
    office = world[0]
    enrol = tmp_path / "laptop3.sdenroll"
    passphrase = DeviceService(office.session).enroll("leader", "laptop3", enrol, district_codes=["D1", "D2"]).passphrase
    data = bytearray(enrol.read_bytes())
    data[len(data) // 3] ^= 0x01
    broken = tmp_path / "broken.sdenroll"
    broken.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="broken.sdenroll"):  # sealed: the changed chunk does not authenticate
        join(tmp_path / "laptop3.db", broken, passphrase=passphrase)
    assert not (tmp_path / "laptop3.db").exists()
    # A failure midway through applying the starter data leaves no half-made database behind either.
    from safety_desk.store import merge

    def failing(self, *args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(merge._Merger, "merge_chunk", failing)
    with pytest.raises(RuntimeError):
        join(tmp_path / "laptop3.db", enrol, passphrase=passphrase)
    assert not (tmp_path / "laptop3.db").exists()
    monkeypatch.undo()
    result = join(tmp_path / "laptop3.db", enrol, passphrase=passphrase)
    assert result.role == "leader"


def test_a_relayed_newer_value_over_an_older_relayed_one_is_no_conflict(world, tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, treatment_plan={"objectives": "第一版"})
    exchange(office, inspector, tmp_path)
    exchange(office, enterprise, tmp_path)
    enterprise.store.hazards.update(hazard.id, treatment_plan={"objectives": "企业改过"})  # having seen it
    exchange(enterprise, office, tmp_path)
    exchange(office, inspector, tmp_path)
    assert inspector.store.hazards.require(hazard.id).treatment_plan == {"objectives": "企业改过"}
    for replica in (office, inspector, enterprise):
        assert [c for c in replica.sync.conflicts() if c.kind == "value"] == []


def test_an_enrolled_device_does_not_make_its_own_first_account(english, world) -> None:
    _, inspector, _ = world
    from safety_desk.services.auth import create_first_account

    with inspector.store.transaction():
        inspector.store.db.conn.execute("UPDATE person SET password_hash = NULL")
    with pytest.raises(SignInFailed, match="enrolled"):
        create_first_account(inspector.store, office_name="x", name="我", login="me", password="1234")


def test_the_same_notice_number_issued_on_two_devices_keeps_the_offices_on_both(world, tmp_path) -> None:
    """An issued notice is evidence: a clash is never settled by id order; the office's stands, the device's is
    refused there (and reported), and the device takes the office's record over its own copy."""
    office, inspector, _ = world
    from safety_desk.store.records import Notice

    e1 = office.store.enterprises.by_uscc(USCC[0])
    made = {}
    for replica in (inspector, office):  # both number a notice 〔2026〕第900号 offline (a misconfigured block)
        notice = replica.store.notices.add(Notice(
            id=replica.store.db.new_id(), number="〔2026〕第900号", year=2026, seq=900, enterprise_id=e1.id,
            district_id=e1.district_id, issued_on="2026-11-05", reply_due="2026-11-20"))
        hazard = hazard_of(replica.store, "隐患1")
        replica.store.hazards.update(hazard.id, notice_id=notice.id)
        made[replica.name] = notice.id
    result = exchange(inspector, office, tmp_path)
    assert any(line.startswith("notice.") for line in result.refused)
    exchange(office, inspector, tmp_path)
    kept = made["office"]
    for replica in (office, inspector):
        numbered = replica.store.notices._select("number = ?", ("〔2026〕第900号",))
        assert [n.id for n in numbered] == [kept]
        assert replica.store.hazards.require(hazard_of(replica.store, "隐患1").id).notice_id == kept
        assert replica.store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert any(c.kind == "refused" and c.table == "notice" for c in office.sync.conflicts())
    assert any(c.kind == "unique" and c.table == "notice" for c in inspector.sync.conflicts())
