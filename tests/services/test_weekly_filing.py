"""A filed (报出) weekly summary reprints identically whatever changed since; a recomputation's differences are
reported beside it; an unfinished week, a second filing and a person who does not file are refused."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.filing_diff import Difference
from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.filings import FilingProblem
from safety_desk.services.hazards import HazardService
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.store import Store
from tests.services.test_hazard_service import _jpeg
from tests.services.test_notices import World

WEEK = iso_week("2026-W09")  # 23 February to 1 March 2026; World's hazards are found on 1 March


@pytest.fixture
def clocked(db_path: Path):
    clock = FixedClock(datetime(2026, 3, 1, 10, 0))
    with Store.open(db_path, clock=clock) as store:
        yield store, clock, World(store)


def _weekly(world: World, clock: FixedClock, person=None) -> WeeklyService:
    return WeeklyService(Session(world.store, person or world.admin, clock=clock))


def _pages(pdf: Path) -> tuple[str, list[bytes]]:
    """The text of every page and the pixels of every page rendered: what a reader of the paper sees."""
    from PIL import Image

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True)
    images = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    return text, [Image.open(image).tobytes() for image in images]


def test_a_filed_week_reprints_identically_after_late_changes(clocked, tmp_path: Path) -> None:
    store, clock, world = clocked
    late = world.hazard(world.haida, "消防通道堵塞", deadline=date(2026, 3, 20))
    world.hazard(world.hengxin, "配电箱未接地", deadline=date(2026, 3, 20), grade="重大")

    clock.set(datetime(2026, 3, 3, 9, 30))  # Tuesday after the week
    filed = _weekly(world, clock).document(WEEK, tmp_path / "filed.pdf", file=True)
    assert filed.filing is not None and filed.differences is None and filed.filing.filed_on == "2026-03-03"
    assert filed.filing.seal.startswith("SD1|W|")
    with pytest.raises(FilingProblem, match="已于 2026-03-03 报出"):
        _weekly(world, clock).document(WEEK, tmp_path / "again.pdf", file=True)
    assert not (tmp_path / "again.pdf").exists()

    # Since: the hazard is closed late, an enterprise moves district, and an offline laptop's hazard of the week
    # arrives dated 28 February.
    clock.set(datetime(2026, 3, 5, 11, 0))
    hazards = HazardService(Session(store, world.admin, clock=clock))
    hazards.report_rectified(late.id, "已清理", [ingest_bytes(store, _jpeg((0, 160, 0)), "after.jpg").id])
    hazards.verify(late.id, "复查合格")
    EnterpriseService(Session(store, world.admin, clock=clock)).move(world.hengxin.id, world.south.id)
    clock.set(datetime(2026, 2, 28, 15, 0))
    world.hazard(world.nanshan, "叉车未年检", deadline=date(2026, 3, 30))

    clock.set(datetime(2026, 3, 10, 16, 45))  # the next week
    reprint = _weekly(world, clock).document(WEEK, tmp_path / "reprint.pdf")
    assert reprint.filing == filed.filing and reprint.content == filed.content
    assert Difference("本期新发现一般隐患", 1, 2) in reprint.differences
    assert _pages(tmp_path / "reprint.pdf") == _pages(tmp_path / "filed.pdf")
    text = _pages(tmp_path / "reprint.pdf")[0]
    assert "2026年3月3日" in text and "2026年3月10日" not in text and "叉车未年检" not in text
    printed = read_sealed_pdf(tmp_path / "reprint.pdf")
    assert printed.seal_text == filed.filing.seal and printed.content_json == filed.filing.content
    assert DocumentSeals(Session(store, world.admin, clock=clock)).check_pdf(tmp_path / "reprint.pdf").valid

    # Unfiled, the same week's summary of one district is recomputed as before: the late hazard and the moved
    # enterprise's district is in it, and it is issued today.
    unfiled = WeeklyService(Session(store, world.admin, clock=clock)).document(WEEK, tmp_path / "south.pdf", "SN")
    south = "".join(_pages(tmp_path / "south.pdf")[0].split())
    assert unfiled.filing is None and "南山物流" in south and "2026年3月10日" in south


def test_an_unfinished_week_and_a_person_who_does_not_file_are_refused_with_nothing_stored(clocked,
                                                                                          tmp_path: Path) -> None:
    store, clock, world = clocked
    world.hazard(world.haida, "消防通道堵塞", deadline=date(2026, 3, 20))
    with pytest.raises(FilingProblem, match="尚未结束"):  # Sunday 1 March: the week's last day
        _weekly(world, clock).document(WEEK, tmp_path / "early.pdf", file=True)
    clock.set(datetime(2026, 3, 2, 9, 0))
    with pytest.raises(PermissionDenied):
        _weekly(world, clock, world.inspector).document(WEEK, tmp_path / "inspector.pdf", file=True)
    assert store.filings.find("weekly", "2026-W09", "") is None
    assert not (tmp_path / "early.pdf").exists() and not (tmp_path / "inspector.pdf").exists()
