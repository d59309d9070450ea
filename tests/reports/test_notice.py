"""The rectification notice PDF: number, unit, every hazard with its deadline, signatures, seal and receipt."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.auth import SignIn
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("notice"))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_the_notice_lists_its_hazards_and_has_a_receipt(demo_path: Path, tmp_path: Path, pdf_text,
                                                        pdf_fonts) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        notice = store.notices._select(order="issued_on DESC", limit=1)[0]
        hazards = store.hazards._select("notice_id = ?", (notice.id,))
        enterprise = store.enterprises.require(notice.enterprise_id)
        target = tmp_path / "notice.pdf"
        ReportService(session.at(AS_OF)).notice(notice.id, target)
        text = _squeeze(pdf_text(target))
        assert _squeeze(notice.number) in text and enterprise.name in text and enterprise.uscc in text
        cells = _squeeze(pdf_text(target, layout=False))
        assert hazards and all(_squeeze(h.description) in cells for h in hazards)
        for hazard in hazards:
            # The deadline as it stood when the notice was issued: a later extension is not printed on it.
            given = [e.deadline for e in store.hazards.events(hazard.id)
                     if e.deadline and e.at[:10] <= notice.issued_on]
            assert given[-1] in text
        assert notice.reply_due in text and "回执" in text and "（盖章）" in text and "签收" in text
        assert all(embedded for _, embedded in pdf_fonts(target))


def test_notice_scope_and_unknown_ids(demo_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_path) as store:
        notice = store.notices._select(limit=1)[0]
        outsider = next(p for p in store.people.with_role("enterprise") if p.enterprise_id != notice.enterprise_id)
        with pytest.raises(PermissionDenied):
            ReportService(Session(store, outsider)).notice(notice.id, tmp_path / "x.pdf")
        with pytest.raises(ReportProblem):
            ReportService(SignIn(store).sign_in("admin", "demo")).notice("nope", tmp_path / "y.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_the_command_line_finds_a_notice_by_number(demo_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_path) as store:
        number = store.notices._select(limit=1)[0].number
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(demo_path), "report", "notice", number, "-o", str(tmp_path / "n.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "n.pdf").read_bytes()[:5] == b"%PDF-"
    missing = runner.invoke(main, ["--db", str(demo_path), "report", "notice", "第999号", "-o", str(tmp_path / "m.pdf")])
    assert missing.exit_code == 2 and "第999号" in missing.output
