"""Issued documents verify offline: a genuine notice passes; a tampered PDF, altered code text or foreign key fails."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from safety_desk.domain.document_seal import parse_seal
from safety_desk.reports.notice import NoticeDocument, render_notice
from safety_desk.reports.sealed_pdf import CONTENT_KEY
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.reports import ReportService
from safety_desk.services.session import Session
from safety_desk.services.setup import initialise
from safety_desk.store.store import Store
from tests.services.test_issued_notices import certified_world
from tests.services.test_notices import REPLY, TODAY


@pytest.fixture
def issued(store: Store, tmp_path: Path):
    world = certified_world(store)
    hazard = world.hazard(world.haida, "消防通道堵塞", measures="清理堆放物，保持通道畅通")
    notice = world.service().issue([hazard.id], reply_due=REPLY)
    pdf = tmp_path / "notice.pdf"
    ReportService(Session(world.store, world.admin).at(TODAY)).notice(notice.id, pdf)
    return world, notice, pdf, DocumentSeals(Session(world.store, world.admin).at(TODAY))


def test_a_genuine_notice_verifies_from_its_pdf_and_from_its_code(issued) -> None:
    world, notice, pdf, seals = issued
    result = seals.check_pdf(pdf)
    assert result.valid, result.message
    assert result.seal.number == notice.number and result.seal.kind == "N" and result.seal.day == TODAY.isoformat()
    assert "与本机保存的原件一致" in result.message
    scanned = "\n" + notice.seal[:60] + "\n" + notice.seal[60:] + "  "  # as a scanner may break it
    assert seals.check_text(scanned).valid


def test_a_pdf_whose_content_was_changed_is_rejected(issued, tmp_path: Path) -> None:
    world, notice, pdf, seals = issued
    writer = PdfWriter(clone_from=PdfReader(pdf))
    content = json.loads(notice.content)
    content["items"][0]["deadline"] = (TODAY + timedelta(days=60)).isoformat()
    writer.add_metadata({"/" + CONTENT_KEY: json.dumps(content, ensure_ascii=False)})
    tampered = tmp_path / "tampered.pdf"
    with tampered.open("wb") as out:
        writer.write(out)
    result = seals.check_pdf(tampered)
    assert not result.valid and "文件已被改动" in result.message


def test_a_pdf_printing_other_text_under_a_genuine_seal_is_rejected(issued, tmp_path: Path) -> None:
    world, notice, pdf, seals = issued
    genuine = NoticeDocument.of_content(json.loads(notice.content), seal_text=notice.seal, content_json=notice.content)
    forged_line = dataclasses.replace(genuine.hazards[0], deadline=(TODAY + timedelta(days=60)).isoformat())
    forged = tmp_path / "forged.pdf"
    render_notice(dataclasses.replace(genuine, hazards=[forged_line]), forged, generated_at=world.store.db.wall.now())
    result = seals.check_pdf(forged)
    assert not result.valid and "页面文字与原件不符" in result.message and "2026-05-09" in result.message

    softened = dataclasses.replace(genuine.hazards[0], measures="加强管理")
    render_notice(dataclasses.replace(genuine, hazards=[softened]), forged, generated_at=world.store.db.wall.now())
    result = seals.check_pdf(forged)
    assert not result.valid and "清理堆放物" in result.message


def test_altered_code_text_is_rejected(issued) -> None:
    world, notice, pdf, seals = issued
    seal = parse_seal(notice.seal)
    altered = notice.seal.replace(f"|{seal.day}|", "|2026-03-11|")
    assert not seals.check_text(altered).valid and "签名不符" in seals.check_text(altered).message
    assert not seals.check_text("https://example.com/not-a-seal").valid


def test_a_document_signed_by_another_office_is_rejected(issued, tmp_path: Path) -> None:
    world, notice, pdf, seals = issued
    other_path = tmp_path / "other" / "office.db"
    other_path.parent.mkdir()
    initialise(other_path, office_name="别的安全办", admin_login="admin", admin_password="pw")
    with Store.open(other_path) as other:
        other_seals = DocumentSeals(Session(other, other.people.by_login("admin")).at(TODAY))
        foreign = other_seals.seal("N", notice.number, TODAY.isoformat(), json.loads(notice.content))
        # ... and one that claims to be ours but is signed with the other office's key
        claimed = dataclasses.replace(foreign, signer=world.store.db.device_id, signature="")
        from safety_desk.sync.identity import sign

        impostor = claimed.with_signature(sign(other.local_state.private_key(), claimed.signed_part()))
    result = seals.check_text(foreign.text())
    assert not result.valid and "不是本单位登记的设备" in result.message
    assert not seals.check_text(impostor.text()).valid and "签名不符" in seals.check_text(impostor.text()).message


def test_a_deadline_swapped_for_another_date_of_the_same_notice_is_rejected(store: Store, tmp_path: Path) -> None:
    # Every date on the forged pages is one of the notice's own, and every fact is printed somewhere: only the
    # place of each item's deadline (in its own row) tells that the first item's deadline was moved.
    world = certified_world(store)
    first = world.hazard(world.haida, "消防通道堵塞", deadline=TODAY + timedelta(days=7))
    second = world.hazard(world.haida, "配电箱未接地", measures="配电箱加装接地线并检测", deadline=TODAY + timedelta(days=12))
    notice = world.service().issue([first.id, second.id], reply_due=REPLY)
    seals = DocumentSeals(Session(world.store, world.admin).at(TODAY))
    genuine = NoticeDocument.of_content(json.loads(notice.content), seal_text=notice.seal, content_json=notice.content)
    one, two = genuine.hazards
    assert one.deadline != two.deadline
    forged = tmp_path / "swapped.pdf"
    swapped = [dataclasses.replace(one, deadline=two.deadline), dataclasses.replace(two, deadline=one.deadline)]
    render_notice(dataclasses.replace(genuine, hazards=swapped), forged, generated_at=world.store.db.wall.now())
    result = seals.check_pdf(forged)
    assert not result.valid and "页面文字与原件不符" in result.message and one.deadline in result.message, result.message

    later = [dataclasses.replace(one, deadline=genuine.reply_due), two]  # the reply date, printed elsewhere too
    render_notice(dataclasses.replace(genuine, hazards=later), forged, generated_at=world.store.db.wall.now())
    assert not seals.check_pdf(forged).valid

    genuine_pdf = tmp_path / "genuine.pdf"
    render_notice(genuine, genuine_pdf, generated_at=world.store.db.wall.now())
    assert seals.check_pdf(genuine_pdf).valid
