"""整改复查意见书: printed after a re-inspection with the last verdict as recorded; refused before one, or outside scope."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.china_time import beijing_day
from safety_desk.services.auth import SignIn
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.services.session import PermissionDenied
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("reinspection"))


def _last_verdict(store: Store, hazard_id: str):
    return max((e for e in store.hazards.events(hazard_id) if e.kind in ("verified", "rejected")),
               key=lambda e: e.clock)


@pytest.mark.parametrize("kind", ["verified", "rejected"])
def test_the_opinion_states_the_last_verdict_its_day_and_inspector(demo_path: Path, tmp_path: Path, pdf_text,
                                                                    kind: str) -> None:
    with Store.open(demo_path) as store:
        # A hazard whose last re-inspection was of this kind.
        hazard_id = next(h for (h,) in store.db.conn.execute(
            "SELECT DISTINCT hazard_id FROM hazard_event WHERE kind IN ('verified', 'rejected')")
            if _last_verdict(store, h).kind == kind)
        verdict = _last_verdict(store, hazard_id)
        hazard = store.hazards.get(hazard_id)
        office = SignIn(store).sign_in("admin", "demo")
        ReportService(office.at(AS_OF)).reinspection(hazard_id, tmp_path / "r.pdf")
        inspector = store.people.require(verdict.by_id).name
        state = store.hazards.state(hazard_id)
        enterprise = store.enterprises.require(hazard.enterprise_id).name
    text = "".join(pdf_text(tmp_path / "r.pdf").split())
    assert "整改复查意见书" in text and enterprise in text
    assert f"复查人员（签字）：{inspector}" in text and f"复查日期：{beijing_day(verdict.at).isoformat()}" in text
    if kind == "verified":
        assert "同意销号" in text and "整改不符合要求" not in text
    else:
        assert "整改不符合要求" in text and f"整改期限至{state.deadline.isoformat()}" in text


def test_refused_before_a_re_inspection_and_outside_the_enterprise(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        unchecked = next(h for (h,) in store.db.conn.execute("SELECT id FROM hazard WHERE deleted = 0")
                         if not any(e.kind in ("verified", "rejected") for e in store.hazards.events(h)))
        office = ReportService(SignIn(store).sign_in("admin", "demo").at(AS_OF))
        with pytest.raises(ReportProblem, match="尚未复查"):
            office.reinspection(unchecked, io.BytesIO())
        officer = SignIn(store).sign_in("ent0001", "demo")
        theirs = next(h for (h,) in store.db.conn.execute(
            "SELECT hazard_id FROM hazard_event WHERE kind = 'verified'")
            if store.hazards.get(h).enterprise_id != officer.person.enterprise_id)
        with pytest.raises(PermissionDenied):
            ReportService(officer.at(AS_OF)).reinspection(theirs, io.BytesIO())


def test_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_path) as store:
        checked = store.db.conn.execute("SELECT hazard_id FROM hazard_event WHERE kind = 'verified'").fetchone()[0]
    runner = CliRunner()
    ok = runner.invoke(main, ["--db", str(demo_path), "report", "reinspection", checked, "-o", str(tmp_path / "r.pdf")])
    assert ok.exit_code == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF"), ok.output
    missing = runner.invoke(main, ["--db", str(demo_path), "report", "reinspection", "nope", "-o", str(tmp_path / "n.pdf")])
    assert missing.exit_code == 2 and "不存在" in missing.output and not (tmp_path / "n.pdf").exists()
