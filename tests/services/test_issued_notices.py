"""An issued notice is frozen: what it says is stored at issue, a reprint is identical and marked 补打, bad input refused."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.hazards import HazardService
from safety_desk.services.notices import NoticeProblem
from safety_desk.services.reports import ReportService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from tests.services.test_notices import REPLY, TODAY, World


def certified_world(store: Store) -> World:
    """test_notices' world, its administrator holding a 执法证."""
    world = World(store)
    with store.transaction():
        store.people.update(world.admin.id, certificate="鲁安监执 0371024")
    world.admin = store.people.require(world.admin.id)
    return world


@pytest.fixture
def world(store: Store) -> World:
    return certified_world(store)


def _print(world: World, notice_id: str, folder: Path, day: date, name: str) -> Path:
    target = folder / name
    ReportService(Session(world.store, world.admin).at(day)).notice(notice_id, target)
    return target


def test_a_notice_stores_what_was_issued_item_by_item(world: World) -> None:
    first = world.hazard(world.haida, "消防通道堵塞", measures="清理堆放物，保持通道畅通", responsible="赵仓管")
    second = world.hazard(world.haida, "配电箱未接地", measures="配电箱加装接地线并检测", deadline=TODAY + timedelta(days=7))
    notice = world.service().issue([first.id, second.id], reply_due=REPLY, reinspect_on=REPLY + timedelta(days=1),
                                   copy_to="市北区安委办")
    content = json.loads(notice.content)
    assert [(i["description"], i["measures"], i["responsible"], i["deadline"]) for i in content["items"]] == [
        ("消防通道堵塞", "清理堆放物，保持通道畅通", "赵仓管", "2026-03-25"),
        ("配电箱未接地", "配电箱加装接地线并检测", "张总", "2026-03-17"),  # no one named: the principal answers
    ]
    assert (content["reply_due"], content["reinspect_on"]) == ("2026-03-25", "2026-03-26")
    assert content["copy_to"] == "市北区安委办"  # no major hazard: nothing added
    assert content["inspectors"] == [{"name": world.admin.name, "certificate": "鲁安监执 0371024"}]


def test_a_notice_with_a_major_hazard_is_copied_to_the_configured_authority(world: World) -> None:
    major = world.hazard(world.haida, "液氨储罐未设置泄漏报警", grade="重大", deadline=TODAY + timedelta(days=60))
    settings = Settings(major_hazard_authority="青岛市应急管理局")
    notice = world.service(settings=settings).issue([major.id], reply_due=TODAY + timedelta(days=60),
                                                   copy_to="市北区安委办")
    assert notice.copy_to == "市北区安委办、青岛市应急管理局"
    assert json.loads(notice.content)["copy_to"] == notice.copy_to


@pytest.mark.parametrize("problem", ["no measures", "reply before a deadline", "re-inspection on the deadline"])
def test_a_notice_that_cannot_be_issued_is_refused_naming_the_item_and_nothing_is_written(world: World,
                                                                                        problem: str) -> None:
    late = world.hazard(world.haida, "二楼仓库灭火器过期", deadline=TODAY + timedelta(days=20))
    other = world.hazard(world.haida, "消防通道堵塞", measures="" if problem == "no measures" else "清理通道")
    reply, reinspect = TODAY + timedelta(days=20), None
    if problem == "reply before a deadline":
        reply = TODAY + timedelta(days=19)
    elif problem == "re-inspection on the deadline":
        reinspect = TODAY + timedelta(days=20)
    before = world.snapshot()
    with pytest.raises(NoticeProblem) as refused:
        world.service().issue([late.id, other.id], reply_due=reply, reinspect_on=reinspect)
    named = "消防通道堵塞" if problem == "no measures" else "二楼仓库灭火器过期"
    assert named in str(refused.value)
    assert world.snapshot() == before
    if problem == "no measures":  # the issue dialog is refused before it opens (it starts from the preview)
        with pytest.raises(NoticeProblem, match="未填写整改措施"):
            world.service().preview([late.id, other.id])


def test_a_reprint_after_a_deadline_extension_is_the_same_notice_marked_as_reprinted(world: World,
                                                                                    tmp_path: Path) -> None:
    hazard = world.hazard(world.haida, "消防通道堵塞", measures="清理堆放物，保持通道畅通")
    notice = world.service().issue([hazard.id], reply_due=REPLY)
    original = read_sealed_pdf(_print(world, notice.id, tmp_path, TODAY, "original.pdf"))

    later = TODAY + timedelta(days=12)
    HazardService(Session(world.store, world.admin).at(later)).extend_deadline(
        [hazard.id], TODAY + timedelta(days=40), "企业申请延期，等待配件到货")
    assert world.store.hazards.state(hazard.id).deadline == TODAY + timedelta(days=40)
    reprint = read_sealed_pdf(_print(world, notice.id, tmp_path, later, "reprint.pdf"))

    assert reprint.content_json == original.content_json == notice.content
    assert reprint.seal_text == original.seal_text == notice.seal
    page = "".join(reprint.page_text.split())
    assert "2026-03-25" in page and "2026-04-19" not in page  # the deadline issued, not the extended one
    assert f"补打·{later.isoformat()}" in page and "补打" not in "".join(original.page_text.split())
