"""Quarterly hazard statistics: the printed figures equal independent counts; bad input is refused."""

from __future__ import annotations

import json
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


def _independent(store: Store, first: str, last: str, enterprise_id: str | None = None) -> dict:
    """The art. 14 figures counted in Python from the hazard records and their current state (the demo ends on
    AS_OF, so nothing happened after the period's figures were folded)."""
    def mine(h) -> bool:
        return enterprise_id is None or h.enterprise_id == enterprise_id
    hazards = [h for h in store.hazards._select("deleted = 0") if mine(h)]
    states = {h.id: store.hazards.state(h.id) for h in hazards}
    found = [h for h in hazards if first <= h.found_on <= last]
    majors = [h for h in hazards if h.grade == "重大" and h.found_on <= last
              and (h in found or states[h.id].status is not HazardStatus.CLOSED)]
    return {
        "found": len(found), "general": sum(h.grade == "一般" for h in found),
        "major": sum(h.grade == "重大" for h in found),
        "closed": sum(states[h.id].status is HazardStatus.CLOSED for h in found),
        "major_hazards_new": sum(h.grade == "重大" for h in found),
        "major_hazards_under_treatment": sum(h.grade == "重大" and states[h.id].status is not HazardStatus.CLOSED
                                             for h in hazards if h.found_on <= last),
        "major_hazards_planned": sum(h.treatment_plan is not None for h in majors),
        "major_hazards_funded": sum(bool((h.treatment_plan or {}).get("funding")) for h in majors),
        "major_hazards_supervised_by_level": {level: sum(h.supervision_level == level for h in majors)
                                              for level in ("省", "市", "县")},
    }


@pytest.mark.parametrize("args, first, last", [(["quarterly", "--quarter", "2026Q4"], "2026-10-01", "2026-12-31"),
                                               (["annual", "--year", "2026"], "2026-01-01", "2026-12-31")])
def test_quarterly_and_annual_figures_equal_an_independent_count(demo_path: Path, args: list[str], first: str,
                                                                 last: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(demo_path), "report", *args, "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    with Store.open(demo_path) as store:
        expected = _independent(store, first, last)
    assert {key: figures[key] for key in expected} == expected
    assert figures["major_hazards_new"] > 0 and figures["major_hazards_planned"] > 0
    assert figures["due"] == ("2027-01-15" if args[0] == "quarterly" else "2027-01-31")
    assert figures["analysis"] and f"发现隐患 {expected['found']} 条" in figures["analysis"][0]


def test_the_annual_form_prints_majors_plans_funding_supervision_and_analysis(demo_path: Path, tmp_path: Path,
                                                                              pdf_text) -> None:
    target = tmp_path / "annual.pdf"
    result = CliRunner().invoke(main, ["--db", str(demo_path), "report", "annual", "--year", "2026", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = "".join(pdf_text(target).split())
    # The office's aggregate: not an enterprise's art. 14 form, and it says so.
    for phrase in ("隐患排查治理情况汇总统计表", "2026年度", "重大事故隐患治理情况", "列入治理计划", "落实治理资金",
                   "挂牌督办", "统计分析", "不代替各企业", "审核人（签字）", "五、按企业"):
        assert phrase in text, phrase


def test_an_enterprise_filing_is_its_own_and_an_enterprise_installation_prints_only_its_own(
        demo_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_path) as store:
        officer = SignIn(store).sign_in("ent0001", "demo")
        own = store.enterprises.require(officer.person.enterprise_id)
        other = next(e for e in store.enterprises.active() if e.id != own.id)
        service = ReportService(officer.at(AS_OF))
        service.annual("2026", tmp_path / "own.pdf")  # no --enterprise: an enterprise's scope is itself
        service.quarterly("2026Q4", tmp_path / "own-q.pdf", uscc=own.uscc)
        with pytest.raises(PermissionDenied):
            service.annual("2026", tmp_path / "other.pdf", uscc=other.uscc)
        assert not (tmp_path / "other.pdf").exists()
        office = ReportService(SignIn(store).sign_in("admin", "demo").at(AS_OF))
        office.annual("2026", tmp_path / "office-copy.pdf", uscc=own.uscc)
        expected = _independent(store, "2026-01-01", "2026-12-31", own.id)
    for name in ("own.pdf", "own-q.pdf", "office-copy.pdf"):
        text = "".join(pdf_text(tmp_path / name).split())
        assert own.name in text and other.name not in text and "五、按企业" not in text
        assert f"单位主要负责人（签字）：{own.principal}" in text and "隐患排查治理情况统计分析表" in text
        assert "年度统计分析表由单位主要负责人签字，于2027-01-31前报送" in text or "季度统计分析表由单位主要负责人签字" in text
    text = "".join(pdf_text(tmp_path / "own.pdf").split())
    assert f"本年度排查发现隐患{expected['found']}条" in text


def test_an_unknown_enterprise_or_a_bad_year_is_refused(demo_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for args, reason in ((["annual", "--year", "26"], "格式应为 2026"), (["annual", "--year", "2099"], "尚未到来"),
                         (["annual", "--year", "2026", "--enterprise", "91000000000000000K"], "不对应任何企业")):
        result = runner.invoke(main, ["--db", str(demo_path), "report", *args, "-o", str(tmp_path / "x.pdf")])
        assert result.exit_code == 2 and reason in result.output, result.output
        assert not (tmp_path / "x.pdf").exists()
