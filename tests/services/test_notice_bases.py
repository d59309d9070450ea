"""A notice whose item cites a basis 待核 or a superseded edition is neither issued nor printed, naming the item."""

from __future__ import annotations

from datetime import timedelta

import pytest

from safety_desk.services.auth import SignIn
from safety_desk.services.notices import NoticeProblem
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF
from tests.services.test_notices import TODAY, World, world  # noqa: F401 - the fixture


def test_issuing_is_refused_naming_the_item_and_nothing_is_written(world: World) -> None:  # noqa: F811
    fine = world.hazard(world.haida)
    stale = world.hazard(world.haida, "安全出口上锁")
    world.store.hazards.update(stale.id, basis="GB 35181-2017 6.5")
    before = world.snapshot()
    with pytest.raises(NoticeProblem, match="第2项“安全出口上锁”.*GB 35181-2025"):
        world.service().issue([fine.id, stale.id], reply_due=TODAY + timedelta(days=20))
    assert world.snapshot() == before


def test_a_notice_whose_basis_became_unresolved_is_not_printed(demo_db_path, tmp_path) -> None:
    with Store.open(demo_db_path) as store:
        session = SignIn(store).sign_in("admin", "demo").at(AS_OF)
        notice = store.notices._select(limit=1)[0]
        hazard = store.hazards._select("notice_id = ?", (notice.id,))[0]
        store.hazards.update(hazard.id, basis="应急管理部令第10号 第四条（项次待核）")
        with pytest.raises(ReportProblem, match=f"{notice.number} 不能打印.*尚待核实"):
            ReportService(session).notice(notice.id, tmp_path / "notice.pdf")
    assert not (tmp_path / "notice.pdf").exists()
