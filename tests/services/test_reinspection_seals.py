"""The 整改复查意见书 is an issued document: sealed as the office prints it, verified offline, and a forgery fails."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader, PdfWriter

from safety_desk.cli import main
from safety_desk.domain.document_seal import parse_seal
from safety_desk.reports.reinspection import ReinspectionOpinion, render_reinspection
from safety_desk.reports.sealed_pdf import CONTENT_KEY, read_sealed_pdf
from safety_desk.services.auth import SignIn
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.reports import ReportService
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("reinspection-seals"))


def _accepted_hazard(store: Store) -> str:
    return next(h for (h,) in store.db.conn.execute(
        "SELECT DISTINCT hazard_id FROM hazard_event WHERE kind = 'verified' ORDER BY hazard_id"))


@pytest.fixture(scope="module")
def opinion(demo_path: Path, tmp_path_factory) -> tuple[Path, str]:
    pdf = tmp_path_factory.mktemp("opinion") / "复查意见书.pdf"
    with Store.open(demo_path) as store:
        hazard_id = _accepted_hazard(store)
        ReportService(SignIn(store).sign_in("admin", "demo").at(AS_OF)).reinspection(hazard_id, pdf)
    return pdf, hazard_id


def _verify(demo_path: Path, pdf: Path):
    return CliRunner().invoke(main, ["--db", str(demo_path), "verify", str(pdf)])


def test_a_printed_opinion_carries_its_number_and_seal_and_verifies(demo_path: Path, opinion) -> None:
    pdf, hazard_id = opinion
    sealed = read_sealed_pdf(pdf)
    seal = parse_seal(sealed.seal_text)
    content = json.loads(sealed.content_json)
    assert seal.kind == "R" and seal.kind_name == "整改复查意见书" and seal.number == "".join(content["number"].split())
    assert content["hazard_id"] == hazard_id and content["accepted"] and seal.day == content["reinspected_on"]
    text = "".join(sealed.page_text.split())
    assert f"文件编号：{seal.number}" in text and "同意销号" in text
    result = _verify(demo_path, pdf)
    assert result.exit_code == 0 and "验证通过：整改复查意见书" in result.output, result.output


def test_a_reprint_signs_the_same_seal(demo_path: Path, opinion) -> None:
    pdf, hazard_id = opinion
    again = io.BytesIO()
    with Store.open(demo_path) as store:
        ReportService(SignIn(store).sign_in("admin", "demo").at(AS_OF)).reinspection(hazard_id, again)
    again.seek(0)
    assert read_sealed_pdf(again).seal_text == read_sealed_pdf(pdf).seal_text


def test_an_opinion_whose_content_was_changed_is_rejected(demo_path: Path, opinion, tmp_path: Path) -> None:
    pdf, _ = opinion
    writer = PdfWriter(clone_from=PdfReader(pdf))
    content = json.loads(read_sealed_pdf(pdf).content_json)
    content["accepted"] = False
    writer.add_metadata({"/" + CONTENT_KEY: json.dumps(content, ensure_ascii=False)})
    tampered = tmp_path / "tampered.pdf"
    with tampered.open("wb") as out:
        writer.write(out)
    result = _verify(demo_path, tampered)
    assert result.exit_code == 1 and "文件已被改动" in result.output, result.output


def test_an_opinion_printing_another_verdict_under_a_genuine_seal_is_rejected(demo_path: Path, opinion,
                                                                              tmp_path: Path) -> None:
    pdf, _ = opinion
    genuine = read_sealed_pdf(pdf)
    content = json.loads(genuine.content_json)
    item = content["items"][0]
    forged = tmp_path / "forged.pdf"
    # The genuine seal and content, under pages that say the rectification failed.
    render_reinspection(ReinspectionOpinion(
        office="安全办", reference=content["number"], enterprise=content["enterprise"]["name"], unit=[("单位名称", content["enterprise"]["name"])],
        hazard=[(key, item[key]) for key in ("description", "measures", "responsible", "deadline")],
        reported=content["reported"], reported_on=content["reported_on"], reinspected_on=content["reinspected_on"],
        reinspectors=content["reinspectors"], accepted=False, reason="", next_deadline="2027-01-31",
        seal_text=genuine.seal_text, content_json=genuine.content_json), forged, generated_at=datetime(2026, 12, 5))
    with Store.open(demo_path) as store:
        result = DocumentSeals(SignIn(store).sign_in("admin", "demo").at(AS_OF)).check_pdf(forged)
    assert not result.valid and "页面文字与原件不符" in result.message and "同意销号" in result.message


def test_an_enterprise_copy_is_not_sealed_by_the_enterprise(demo_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_path) as store:
        # The first enterprise account whose enterprise had a hazard verified (which one is the demo's draw).
        verified = {store.hazards.get(h).enterprise_id: h for (h,) in store.db.conn.execute(
            "SELECT hazard_id FROM hazard_event WHERE kind = 'verified' ORDER BY hazard_id DESC")}
        login = next(p.login for p in sorted(store.people.with_role("enterprise"), key=lambda p: p.login)
                     if p.enterprise_id in verified)
        officer = SignIn(store).sign_in(login, "demo")
        own = verified[officer.person.enterprise_id]
        ReportService(officer.at(AS_OF)).reinspection(own, tmp_path / "own.pdf")
    assert read_sealed_pdf(tmp_path / "own.pdf").seal_text is None
