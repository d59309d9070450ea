"""The drill record PDF: particulars, evaluation, findings with their hazards, watermarked photos, signature lines."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from safety_desk.cli import main
from safety_desk.domain.drills import add_months
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.drills import DrillService
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (1600, 1200), colour)
    ImageDraw.Draw(image).ellipse((300, 200, 1300, 1000), outline=(255, 255, 255), width=24)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _recorded_drill(store: Store):
    """A drill recorded by its district's inspector with every §5.4 field, two photos and a finding as hazard."""
    person = store.people.by_login("inspector01a")
    store.db.author_id = person.id
    session = Session(store, person)
    service = DrillService(session.at(AS_OF))
    enterprise = next(e for e in store.enterprises.active() if session.may_see_enterprise(e.id))
    photos = [ingest_bytes(store, _jpeg(colour), f"drill{n}.jpg").id
              for n, colour in enumerate(((180, 70, 40), (40, 90, 160)))]
    drill = service.record(
        None, AS_OF - timedelta(days=3), 46, enterprise_id=enterprise.id, name="液氨泄漏专项应急演练",
        plan_type="专项应急预案", content="综合演练", form="实战演练", scenario="液氨储罐阀门法兰泄漏，现场人员中毒",
        place="液氨储罐区", organiser="王建国", units="企业应急救援队、街道消防站", objectives="检验报警、疏散和堵漏能力",
        evaluation="各小组响应及时，疏散用时 6 分钟，达到演练目标", evaluators="李评估、赵专家",
        findings="", revisions="补充夜间值班人员的报警流程", photos=photos, reported_on=AS_OF - timedelta(days=2))
    hazard = service.add_finding_hazard(drill.id, "应急喷淋装置水压不足", "一般", AS_OF + timedelta(days=10))
    return session, store.drills.get(drill.id), hazard, enterprise


def test_the_drill_record_has_every_field_its_hazards_photos_and_signature_lines(
        demo_db_path: Path, tmp_path: Path, pdf_text, pdf_fonts, pdf_pages) -> None:
    with Store.open(demo_db_path) as store:
        session, drill, hazard, enterprise = _recorded_drill(store)
        target = tmp_path / "drill.pdf"
        ReportService(session.at(AS_OF)).drill_record(drill.id, target)
        text = _squeeze(pdf_text(target))
        for value in ("应急演练记录", drill.name, enterprise.name, enterprise.uscc, "专项应急预案", "综合演练·实战演练",
                      drill.held_on, "液氨储罐区", "王建国", "企业应急救援队、街道消防站", "46人", "李评估、赵专家",
                      "液氨储罐阀门法兰泄漏", "检验报警、疏散和堵漏能力", "疏散用时6分钟", "补充夜间值班人员的报警流程",
                      f"已于{drill.reported_on}报送", "应急喷淋装置水压不足", "待整改",
                      (AS_OF + timedelta(days=10)).isoformat(), "演练组织人（签字）", "评估组负责人（签字）", "演练照片",
                      "评估人员签字", "1李评估", "2赵专家"):
            assert _squeeze(value) in text, value
        # A specific plan's drill: under the national rule (art. 33 as written) the next comprehensive-or-specific
        # one is due 12 months on, high-risk unit or not.
        due = add_months(date.fromisoformat(drill.held_on), 12)
        assert f"下次应演练{due.isoformat()}（综合或专项应急预案演练" in text
        assert all(embedded for _, embedded in pdf_fonts(target))
        assert pdf_pages(target) >= 1


def test_the_photos_are_watermarked(demo_db_path: Path, tmp_path: Path, monkeypatch) -> None:
    import safety_desk.services.reports as reports

    burned: list[list[str]] = []
    real = reports.watermarked

    def spy(jpeg: bytes, lines: list[str], *args):
        burned.append(lines)
        return real(jpeg, lines, *args)

    monkeypatch.setattr(reports, "watermarked", spy)
    with Store.open(demo_db_path) as store:
        session, drill, _hazard, enterprise = _recorded_drill(store)
        ReportService(session.at(AS_OF)).drill_record(drill.id, io.BytesIO())
    assert len(burned) == 2
    assert all(enterprise.name in lines[0] and "王建国" in lines[1] for lines in burned)


def test_a_planned_drill_an_unknown_id_and_scope_are_refused(demo_db_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_db_path) as store:
        planned = store.drills._select("status = 'planned' AND deleted = 0", limit=1)
        held = store.drills._select("status = 'held' AND deleted = 0", limit=1)[0]
        admin = Session(store, store.people.by_login("admin"))
        if planned:
            with pytest.raises(ReportProblem, match="尚未"):
                ReportService(admin).drill_record(planned[0].id, tmp_path / "p.pdf")
        with pytest.raises(ReportProblem, match="不存在"):
            ReportService(admin).drill_record("nope", tmp_path / "n.pdf")
        outsider = next(p for p in store.people.with_role("enterprise") if p.enterprise_id != held.enterprise_id)
        with pytest.raises(PermissionDenied):
            ReportService(Session(store, outsider)).drill_record(held.id, tmp_path / "o.pdf")
        own = next(p for p in store.people.with_role("enterprise") if p.enterprise_id == held.enterprise_id)
        ReportService(Session(store, own)).drill_record(held.id, tmp_path / "own.pdf")
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["own.pdf"]


def test_a_planned_drill_is_refused_even_when_the_demo_has_none(demo_db_path: Path, tmp_path: Path) -> None:
    with Store.open(demo_db_path) as store:
        person = store.people.by_login("inspector01a")
        store.db.author_id = person.id
        session = Session(store, person)
        enterprise = next(e for e in store.enterprises.active() if session.may_see_enterprise(e.id))
        planned = DrillService(session.at(AS_OF)).plan(
            enterprise.id, "消防疏散演练", "现场处置方案", "单项演练", "实战演练", "办公楼火灾", AS_OF + timedelta(days=9))
        with pytest.raises(ReportProblem, match="尚未登记为已举行"):
            ReportService(session.at(AS_OF)).drill_record(planned.id, tmp_path / "planned.pdf")
    assert not (tmp_path / "planned.pdf").exists()


def test_the_command_line_writes_a_drill_record(demo_db_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_db_path) as store:
        held = store.drills._select("status = 'held' AND deleted = 0", order="held_on DESC", limit=1)[0]
        planned = store.drills._select("status = 'planned' AND deleted = 0", limit=1)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(demo_db_path), "report", "drill", held.id, "-o", str(tmp_path / "d.pdf")])
    assert result.exit_code == 0, result.output
    assert _squeeze(held.name) in _squeeze(pdf_text(tmp_path / "d.pdf"))
    missing = runner.invoke(main, ["--db", str(demo_db_path), "report", "drill", "nope", "-o", str(tmp_path / "m.pdf")])
    assert missing.exit_code == 2 and "nope" in missing.output
    if planned:
        refused = runner.invoke(main, ["--db", str(demo_db_path), "report", "drill", planned[0].id, "-o",
                                       str(tmp_path / "p.pdf")])
        assert refused.exit_code == 2 and "尚未" in refused.output
    assert not (tmp_path / "m.pdf").exists() and not (tmp_path / "p.pdf").exists()


def test_the_record_states_when_the_drill_started_and_how_long_it_lasted(
        demo_db_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_db_path) as store:
        session, drill, _hazard, _enterprise = _recorded_drill(store)
        timed = DrillService(session.at(AS_OF)).record(drill.id, drill.held_on, 46, start_time="09:30",
                                                       duration_minutes=90)
        ReportService(session.at(AS_OF)).drill_record(timed.id, tmp_path / "timed.pdf")
        ReportService(session.at(AS_OF)).drill_record(
            DrillService(session.at(AS_OF)).record(drill.id, drill.held_on, 46, start_time="",
                                                   duration_minutes="").id, tmp_path / "old.pdf")
    assert _squeeze(f"演练时间{drill.held_on} 09:30演练时长历时 90 分钟") in _squeeze(pdf_text(tmp_path / "timed.pdf"))
    # A drill recorded before times were kept says so rather than printing nothing.
    assert _squeeze(f"演练时间{drill.held_on} 时刻未记录演练时长未记录") in _squeeze(pdf_text(tmp_path / "old.pdf"))
