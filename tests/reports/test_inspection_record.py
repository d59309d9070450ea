"""The inspection record PDF: every answer, failures marked, photos watermarked, both signatures, font embedded."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from safety_desk.services.photos import ingest_bytes
from safety_desk.media.watermark import watermarked
from safety_desk.services.inspections import InspectionService
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.store import Store

def _jpeg(colour: tuple[int, int, int], size=(1600, 1200)) -> bytes:
    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle((200, 200, 1400, 1000), outline=(255, 255, 255), width=20)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def submitted(demo_db_path: Path):
    """A submitted general-checklist inspection with two failures (photos) and both signatures, in the demo."""
    store = Store.open(demo_db_path)
    person = store.people.by_login("inspector01a")
    store.db.author_id = person.id
    session = Session(store, person)
    service = InspectionService(session)
    enterprise = next(e for e in store.enterprises.active() if session.may_see_enterprise(e.id))
    checklist = next(c for c in service.checklists_for(enterprise.id) if c.code == "general")
    inspection = service.start(enterprise.id, checklist.id, "routine")
    items = service.state(inspection.id).visible_items
    failed = [items[2].code, items[7].code]
    for item in items:
        if item.code in failed:
            service.answer(inspection.id, item.code, "fail")
            service.add_photos(inspection.id, item.code, [ingest_bytes(store, _jpeg((150, 60, 40)), "a.jpg").id])
            service.set_note(inspection.id, item.code, "灭火器压力不足")
        elif item.kind.value == "pass_fail":
            service.answer(inspection.id, item.code, "pass")
        else:
            low = item.min_value if item.min_value is not None else 1
            service.answer(inspection.id, item.code, None, value=item.choices[0] if item.choices else str(low))
    for problem in service.submission_problems(inspection.id):
        service.add_photos(inspection.id, problem.item_code, [ingest_bytes(store, _jpeg((40, 60, 150)), "v.jpg").id])
    signature = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(signature).line((20, 150, 300, 40, 580, 160), fill="black", width=6)
    buffer = io.BytesIO()
    signature.save(buffer, "PNG")
    signed = ingest_bytes(store, buffer.getvalue(), "sign.png")
    service.submit(inspection.id, inspector_signature=signed.id, enterprise_signature=signed.id)
    yield store, session, inspection, enterprise, failed, items
    store.close()


def test_the_record_lists_every_answer_and_embeds_its_fonts(submitted, tmp_path, pdf_text, pdf_fonts) -> None:
    store, session, inspection, enterprise, failed, items = submitted
    target = tmp_path / "record.pdf"
    ReportService(session).inspection_record(inspection.id, target)
    text = pdf_text(target)
    assert "安全生产检查记录" in text and enterprise.name in text and enterprise.uscc in text
    squeezed = text.replace(" ", "")
    for item in items:
        assert item.code in squeezed
    assert squeezed.count("不合格") >= len(failed)
    assert f"不合格{len(failed)}项" in squeezed.replace("，", "").replace(",", "") or f"不合格 {len(failed)} 项" in text
    assert "—1—" in squeezed and "SafetyDesk" not in text and "basis" not in text
    assert "2026-01-01起施行" in squeezed.replace("\n", "")  # the edition of the list it used
    fonts = pdf_fonts(target)
    assert fonts and all(embedded for _, embedded in fonts)
    assert not any("Helvetica" in name for name, _ in fonts)
    images = subprocess.run(["pdfimages", "-list", str(target)], check=True, capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) - 2 >= len(failed) + 2  # the photos and both signatures


def test_a_burned_in_watermark_changes_the_bottom_band_only() -> None:
    original = _jpeg((200, 200, 200))
    marked = Image.open(io.BytesIO(watermarked(original, ["2026-11-27 10:00 · 某某有限公司", "检查人员 张三"])))
    assert max(marked.size) == 1200
    bottom = marked.getpixel((marked.width // 2, marked.height - 5))
    top = marked.getpixel((marked.width // 2, 5))
    assert sum(bottom) < sum(top) - 200  # a dark band with the text, over a light photo


def test_the_record_is_refused_outside_the_scope_or_for_an_unknown_id(submitted, tmp_path, context=None) -> None:
    store, session, inspection, enterprise, failed, items = submitted
    other = next(p for p in store.people.with_role("enterprise") if p.enterprise_id != enterprise.id)
    with pytest.raises(PermissionDenied):
        ReportService(Session(store, other)).inspection_record(inspection.id, tmp_path / "x.pdf")
    with pytest.raises(ReportProblem):
        ReportService(session).inspection_record("no-such-id", tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
