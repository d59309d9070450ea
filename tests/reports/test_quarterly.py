"""Quarterly hazard statistics: the printed figures equal independent counts; bad input is refused."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.hazard_status import HazardStatus, overdue_days
from safety_desk.services.auth import SignIn
from safety_desk.services.reports import ReportProblem, ReportService, parse_quarter
from safety_desk.services.session import PermissionDenied
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("quarterly"))


def test_parse_quarter() -> None:
    assert parse_quarter("2026Q4") == (2026, 4, date(2026, 10, 1), date(2026, 12, 31))
    assert parse_quarter("2026-q1") == (2026, 1, date(2026, 1, 1), date(2026, 3, 31))
    for bad in ("2026Q5", "Q4", "2026", "26Q1"):
        with pytest.raises(ReportProblem, match="2026Q4"):
            parse_quarter(bad)


def test_printed_totals_equal_an_independent_count(demo_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        target = tmp_path / "q.pdf"
        ReportService(session.at(AS_OF)).quarterly("2026Q4", target)
        hazards = [h for h in store.hazards._select("deleted = 0") if "2026-10-01" <= h.found_on <= "2026-12-31"]
        states = {h.id: store.hazards.state(h.id) for h in hazards}
        closed = sum(states[h.id].status is HazardStatus.CLOSED for h in hazards)
        overdue = sum(overdue_days(states[h.id], AS_OF) > 0 for h in hazards)
    text = pdf_text(target).replace("\n", "")
    match = re.search(r"本季度排查发现隐患 (\d+) 条，其中一般隐患 (\d+) 条、重大隐患 (\d+) 条；\s*已整改销号 (\d+) 条", text)
    assert match, text[:400]
    assert [int(g) for g in match.groups()] == [len(hazards), sum(h.grade == "一般" for h in hazards),
                                                sum(h.grade == "重大" for h in hazards), closed]
    assert re.search(rf"其中逾期\s*{overdue}\s*条", text)
    assert len(hazards) > 20
    # The office aggregate is not an enterprise's art. 14 form: it says so and is not signed as one.
    assert "单位主要负责人（签字）" not in text and "审核人（签字）" in text
    compact = re.sub(r"\s+", "", text)
    assert "第十四条报送的季度统计分析表" in compact and "次年1月31日前" in compact


def test_a_district_report_and_scope_checks(demo_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_path) as store:
        inspector = SignIn(store).sign_in("inspector01a", "demo")
        mine = set(inspector.district_ids())
        inside = next(d for d in store.districts.active() if d.id in mine)
        outside = next(d for d in store.districts.active() if d.id not in mine)
        service = ReportService(inspector.at(AS_OF))
        service.quarterly("2026Q4", tmp_path / "mine.pdf", inside.code)
        assert inside.name in pdf_text(tmp_path / "mine.pdf")
        with pytest.raises(PermissionDenied):
            service.quarterly("2026Q4", tmp_path / "theirs.pdf", outside.code)
        assert not (tmp_path / "theirs.pdf").exists()


def test_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["--db", str(demo_path), "report", "quarterly", "--quarter", "2026Q4",
                              "-o", str(tmp_path / "q.pdf")])
    assert ok.exit_code == 0 and (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
    bad = runner.invoke(main, ["--db", str(demo_path), "report", "quarterly", "--quarter", "Q9",
                               "-o", str(tmp_path / "bad.pdf")])
    assert bad.exit_code == 2 and "2026Q4" in bad.output and not (tmp_path / "bad.pdf").exists()
    unknown = runner.invoke(main, ["--db", str(demo_path), "report", "quarterly", "--quarter", "2026Q4",
                                   "--district", "NOPE", "-o", str(tmp_path / "n.pdf")])
    assert unknown.exit_code == 2 and "NOPE" in unknown.output
