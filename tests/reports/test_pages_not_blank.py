"""Every page of every document renders (pdftoppm) to something a reader would see: never a blank page."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from safety_desk.services.auth import SignIn
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.reports import ReportService
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.store import Store

AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("documents")
    path = folder / "demo.db"
    build_demo(path, DemoSpec(enterprises=12, weeks=8, seed=21, as_of=AS_OF))
    made = []
    with Store.open(path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        reports = ReportService(session.at(AS_OF))
        weekly = WeeklyService(session.at(AS_OF))
        weekly.write_pdf(weekly.summary(iso_week("2026-W47")), folder / "weekly.pdf")
        reports.quarterly("2026Q4", folder / "quarterly.pdf")
        notice = store.notices._select(limit=1)[0]
        reports.notice(notice.id, folder / "notice.pdf")
        inspection = store.inspections._select("status = 'submitted'", limit=1)[0]
        reports.inspection_record(inspection.id, folder / "inspection.pdf")
        drill = store.drills._select("status = 'held' AND deleted = 0", limit=1)[0]
        reports.drill_record(drill.id, folder / "drill.pdf")
        made = [folder / f"{name}.pdf" for name in ("weekly", "quarterly", "notice", "inspection", "drill")]
    return made


@pytest.mark.parametrize("index", range(5))
def test_every_page_has_ink(documents: list[Path], index: int, tmp_path: Path) -> None:
    pdf = documents[index]
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert pages, pdf
    for page in pages:
        image = Image.open(page).convert("L")
        dark = sum(image.histogram()[:200])  # pixels clearly darker than paper: text, rules, charts
        assert dark > 0.005 * image.width * image.height, f"{pdf.name} {page.name} looks blank"
        assert ImageStat.Stat(image).stddev[0] > 5
