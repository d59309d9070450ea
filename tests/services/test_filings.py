"""Filed (报出) statistics: stored once, reprinted exactly, and a recomputation after later changes shows the difference."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.filing_diff import Difference, differences
from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.filings import FilingProblem
from safety_desk.services.reports import ReportService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.store import Store
from tests.services.test_notices import World


@pytest.fixture
def clocked(db_path: Path):
    clock = FixedClock(date(2026, 3, 1))
    with Store.open(db_path, clock=clock) as store:
        yield store, clock, World(store)


def _reports(world: World, clock: FixedClock, person=None) -> ReportService:
    return ReportService(Session(world.store, person or world.admin, clock=clock))


def test_a_filed_quarter_reprints_as_filed_and_shows_how_todays_figures_differ(clocked, tmp_path: Path) -> None:
    store, clock, world = clocked
    world.hazard(world.haida, "消防通道堵塞", deadline=date(2026, 3, 20))
    world.hazard(world.haida, "配电箱未接地", deadline=date(2026, 3, 20), grade="重大")

    clock.set(date(2026, 4, 5))
    filed = _reports(world, clock).quarterly("2026Q1", tmp_path / "filed.pdf", file=True)
    assert filed.filing is not None and filed.differences is None
    assert filed.filing.filed_on == "2026-04-05" and filed.content["total"]["found"] == 2
    with pytest.raises(FilingProblem, match="已于 2026-04-05 报出"):
        _reports(world, clock).quarterly("2026Q1", tmp_path / "again.pdf", file=True)

    # Later: a hazard an inspector's laptop recorded offline in March arrives (its events dated then); the
    # figures of Q1 recomputed now differ from the filed ones.
    clock.set(date(2026, 3, 25))
    world.hazard(world.hengxin, "叉车未年检", deadline=date(2026, 4, 30))
    clock.set(date(2026, 4, 20))
    reprint = _reports(world, clock).quarterly("2026Q1", tmp_path / "reprint.pdf")
    assert reprint.filing == filed.filing and reprint.content == filed.content
    assert Difference("合计 · 发现", 2, 3) in reprint.differences
    printed = read_sealed_pdf(tmp_path / "reprint.pdf")
    assert printed.content_json == filed.filing.content == read_sealed_pdf(tmp_path / "filed.pdf").content_json
    page = "".join(printed.page_text.split())
    assert "与报出数据的差异" in page and "补打" in page and "合计·发现" in page
    assert DocumentSeals(Session(store, world.admin, clock=clock)).check_pdf(tmp_path / "reprint.pdf").valid


def test_a_quarter_not_over_and_a_person_who_does_not_file_are_refused_with_nothing_stored(clocked,
                                                                                          tmp_path: Path) -> None:
    store, clock, world = clocked
    clock.set(date(2026, 3, 31))
    with pytest.raises(FilingProblem, match="尚未结束"):
        _reports(world, clock).quarterly("2026Q1", tmp_path / "early.pdf", file=True)
    clock.set(date(2026, 4, 2))
    with pytest.raises(PermissionDenied):
        _reports(world, clock, world.inspector).quarterly("2026Q1", tmp_path / "inspector.pdf", file=True)
    assert store.filings.find("quarterly", "2026Q1", "") is None
    assert not (tmp_path / "early.pdf").exists()


def test_differences_name_each_changed_figure_by_its_row() -> None:
    filed = {"total": {"found": 5, "closed": 2}, "by_enterprise": [{"key": "e1", "name": "海达", "found": 3}],
             "as_of": "2026-03-31"}
    now = {"total": {"found": 6, "closed": 2}, "by_enterprise": [{"key": "e1", "name": "海达", "found": 3},
                                                               {"key": "e2", "name": "恒信", "found": 1}],
           "as_of": "2026-04-20"}
    assert differences(filed, now) == [Difference("合计 · 发现", 5, 6), Difference("按企业 · 恒信 · 发现", None, 1)]
    assert differences(filed, json.loads(json.dumps(filed))) == []
