"""A hazard an enterprise's self-inspection found is its own to describe only until the inspector side acts on it: once
a notice names it, it was re-inspected (复查) or closed, or it is under 挂牌督办, its description, place, photos and
existence are evidence. An owner who then edits its own database to withdraw it or rewrite it is refused at the
office, row by row, and the rest of its bundle applies (domain/ownership.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from safety_desk.services.hazards import HazardService
from safety_desk.services.inspections import HazardFieldDenied, InspectionService
from safety_desk.services.notices import NoticeService
from safety_desk.settings import Settings

from hostile import HostileEdit, table_dump
from sync_helpers import add_photo, as_person, enterprise_finds, exchange


def _notice(office, hazard_id: str) -> None:
    with office.store.transaction():
        office.store.hazards.update(hazard_id, measures="清理配电箱前杂物")
    NoticeService(as_person(office, "admin"), Settings()).issue([hazard_id], reply_due=office.store.db.wall.today()
                                                                 + timedelta(days=40))


def _rejected(office, hazard_id: str) -> None:
    office.store.hazards.append_event(hazard_id, "reported_rectified", reason="已整改")
    HazardService(as_person(office, "admin")).reject(hazard_id, "杂物未清理")


def _closed(office, hazard_id: str) -> None:
    office.store.hazards.append_event(hazard_id, "reported_rectified", reason="已整改")
    HazardService(as_person(office, "admin")).verify(hazard_id, "合格")


def _supervised(office, hazard_id: str) -> None:
    office.store.hazards.update(hazard_id, grade="重大", supervision_level="市")


@pytest.mark.parametrize("act", [_notice, _rejected, _closed, _supervised],
                         ids=["notice", "reinspected", "closed", "supervised"])
def test_an_enterprise_cannot_withdraw_or_rewrite_its_own_finding_once_the_inspector_side_acted(
        english, world, tmp_path, act) -> None:
    office, _, enterprise = world
    store = enterprise.store
    hazard = enterprise_finds(enterprise, "self_inspection", "自查发现：配电箱前堆放杂物", location="二号车间",
                              measures="清理", responsible="张三")
    person = store.people.by_login("e1")
    assert exchange(enterprise, office, tmp_path).refused == []
    act(office, hazard.id)
    exchange(office, enterprise, tmp_path)
    # The enterprise's own program refuses to rewrite what was found, and changes nothing ...
    stored = enterprise.store.hazards.require(hazard.id)
    service = InspectionService(as_person(enterprise, "e1"))
    with pytest.raises(HazardFieldDenied, match="evidence") as refused:
        service.edit_hazard(hazard.id, description="一般问题", location=stored.location, measures=stored.measures,
                            responsible=stored.responsible, deadline=date.fromisoformat(stored.found_on))
    assert refused.value.field == "description"
    assert enterprise.store.hazards.require(hazard.id) == stored
    before = table_dump(office.store, "hazard")
    # ... so its owner does it behind the program's back: withdrawn, played down, moved, its photos swapped; and
    # in the same bundle a progress report that is the enterprise's to write.
    progress = None
    if act is not _closed:  # its rectification work goes on
        progress = HazardService(as_person(enterprise, "e1")).record_progress(hazard.id, "已安排清理")
    photo = add_photo(store, "换过的照片")
    raw = HostileEdit(enterprise)
    for column, value in (("deleted", 1), ("description", "一般问题"), ("location", "别处"),
                          ("photos", f'["{photo}"]')):
        raw.write(f"UPDATE hazard SET {column} = ? WHERE id = ?", (value, hazard.id), "hazard", hazard.id, column,
                  author=person.id)
    raw.commit()
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "hazard") == before
    assert sorted(r.split(":")[0] for r in result.refused) == [f"hazard.{c} {hazard.id}" for c in
                                                               ("deleted", "description", "location", "photos")]
    assert all("evidence" in r for r in result.refused)
    assert {hazard.id} == {c.row_id for c in office.sync.conflicts() if c.kind == "refused"}
    if progress is not None:  # the rest of the bundle applied
        assert progress.id in {e.id for e in office.store.hazards.events(hazard.id)}
    exchange(office, enterprise, tmp_path)
    assert enterprise.sync.changes_waiting(office.device_id) == 0
    assert not enterprise.store.hazards.require(hazard.id).deleted  # the office's row won back


def test_its_measures_and_responsible_person_stay_its_rectification_work_until_closure(english, world,
                                                                                         tmp_path) -> None:
    office, _, enterprise = world
    hazard = enterprise_finds(enterprise, "self_inspection", "自查发现：灭火器过期", measures="更换", responsible="张三")
    exchange(enterprise, office, tmp_path)
    _rejected(office, hazard.id)
    exchange(office, enterprise, tmp_path)
    deadline = enterprise.store.hazards.state(hazard.id).deadline
    service = InspectionService(as_person(enterprise, "e1"))
    service.edit_hazard(hazard.id, description=hazard.description, location="", measures="全部更换并建立台账",
                        responsible="李四", deadline=deadline)
    assert exchange(enterprise, office, tmp_path).refused == []
    assert office.store.hazards.require(hazard.id).responsible == "李四"
    office.store.hazards.append_event(hazard.id, "reported_rectified", reason="已整改")
    HazardService(as_person(office, "admin")).verify(hazard.id, "合格")
    exchange(office, enterprise, tmp_path)
    with pytest.raises(HazardFieldDenied, match="closed"):
        service.edit_hazard(hazard.id, description=hazard.description, location="", measures="事后改写",
                            responsible="李四", deadline=enterprise.store.hazards.state(hazard.id).deadline)
