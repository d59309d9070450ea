"""The hazard record (report hazard ID): before and after photos side by side, watermarked; photos on the other documents."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from safety_desk.cli import main
from safety_desk.services.auth import SignIn
from safety_desk.services.hazards import HazardService
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.reports import ReportProblem, ReportService
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (1600, 1200), colour)
    ImageDraw.Draw(image).rectangle((300, 200, 1300, 1000), outline=(255, 255, 255), width=24)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


def _images(pdf: Path) -> list[list[str]]:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in listing.splitlines()[2:]]


def _word_boxes(pdf: Path, word: str) -> list[tuple[float, float]]:
    """(x, y) of each occurrence of `word` (its top left, in points)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [(float(x), float(y)) for x, y, text in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>',
                                                              html) if word in text]


@pytest.fixture
def rectified(demo_db_path: Path):
    """A general hazard with its before-photo, reported rectified with an after-photo."""
    with Store.open(demo_db_path) as store:
        session = SignIn(store).sign_in("admin", "demo").at(AS_OF)
        hazards = HazardService(session)
        hazard = next(h for h in store.hazards._select("photos != '[]' AND grade = '一般'")
                      if "report_rectified" in hazards.available_actions(h.id))
        after = ingest_bytes(store, _jpeg((40, 160, 90)), "after.jpg", taken_by=session.person.id)
        hazards.report_rectified(hazard.id, "已加装防护罩并张贴警示标识", [after.id])
        yield store, session, store.hazards.get(hazard.id)


def test_the_hazard_record_prints_before_and_after_side_by_side(rectified, tmp_path, pdf_text) -> None:
    store, session, hazard = rectified
    target = tmp_path / "hazard.pdf"
    ReportService(session).hazard_record(hazard.id, target)
    text = "".join(pdf_text(target).split())
    # In content order a long name that wraps in its cell stays whole (the layout view interleaves the next cell).
    raw = "".join(subprocess.run(["pdftotext", "-raw", str(target), "-"], check=True, capture_output=True,
                                 text=True).stdout.split())
    enterprise = store.enterprises.get(hazard.enterprise_id)
    assert "".join(enterprise.name.split()) in raw
    for value in ("安全隐患整改记录", hazard.grade, "整改前", "整改后", "报告整改完成",
                  "已加装防护罩并张贴警示标识", "复查人员（签字）"):
        assert "".join(value.split()) in text, value
    assert len(_images(target)) == len(hazard.photos) + 1
    captions = _word_boxes(target, "照片1")  # 整改前 照片1 and 整改后（…报告） 照片1
    assert any(abs(y - y2) < 2 and x2 > x + 150 for x, y in captions for x2, y2 in captions)  # side by side


def test_printed_photos_carry_the_watermark(rectified, tmp_path, monkeypatch) -> None:
    import safety_desk.services.print_photos as print_photos

    store, session, hazard = rectified
    burned: list[list[str]] = []
    real = print_photos.watermarked
    monkeypatch.setattr(print_photos, "watermarked", lambda data, lines: burned.append(lines) or real(data, lines))
    ReportService(session).hazard_record(hazard.id, tmp_path / "hazard.pdf")
    enterprise = store.enterprises.get(hazard.enterprise_id)
    assert len(burned) == len(hazard.photos) + 1
    for lines in burned:
        assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d · ", lines[0]) and enterprise.name in lines[0]
        assert lines[1].split()[-1] not in ("", "—")  # who took it


def test_a_photo_whose_file_has_not_arrived_prints_as_a_note(rectified, tmp_path, pdf_text) -> None:
    from safety_desk.media.files import media_path

    store, session, hazard = rectified
    media_path(store.media_dir, hazard.photos[0]).unlink()
    target = tmp_path / "hazard.pdf"
    ReportService(session).hazard_record(hazard.id, target)
    assert "照片文件不在本机" in "".join(pdf_text(target).split())


def test_the_inspection_record_and_the_notice_print_the_hazards_photos(demo_db_path, tmp_path, pdf_text) -> None:
    with Store.open(demo_db_path) as store:
        session = SignIn(store).sign_in("admin", "demo").at(AS_OF)
        hazard = store.hazards._select("inspection_id IS NOT NULL AND notice_id IS NOT NULL")[0]
        store.db.author_id = session.person.id
        photos = [ingest_bytes(store, _jpeg(colour), f"h{n}.jpg").id for n, colour in enumerate(((200, 60, 40),
                                                                                              (60, 60, 200)))]
        store.hazards.update(hazard.id, photos=photos)
        hazard = store.hazards.get(hazard.id)
        reports = ReportService(session)
        reports.inspection_record(hazard.inspection_id, tmp_path / "inspection.pdf")
        reports.notice(hazard.notice_id, tmp_path / "notice.pdf")
        on_notice = sum(len(h.photos) for h in store.hazards._select("notice_id = ?", (hazard.notice_id,)))
    assert len(_images(tmp_path / "inspection.pdf")) >= len(hazard.photos)
    assert len(_images(tmp_path / "notice.pdf")) == on_notice
    assert "附件：隐患照片" in "".join(pdf_text(tmp_path / "notice.pdf").split())


def test_report_hazard_on_the_command_line(rectified, tmp_path, monkeypatch) -> None:
    store, _session, hazard = rectified
    monkeypatch.setenv("SAFETY_DESK_PASSWORD", "demo")
    target = tmp_path / "h.pdf"
    db = str(store.db.path)
    result = CliRunner().invoke(main, ["--db", db, "report", "hazard", hazard.id, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")
    missing = CliRunner().invoke(main, ["--db", db, "report", "hazard", "no-such-hazard", "-o", str(target)])
    assert missing.exit_code == 2 and "不存在" in missing.output  # refused input, as for the other documents


def test_an_unknown_hazard_is_refused(rectified, tmp_path) -> None:
    _store, session, _hazard = rectified
    with pytest.raises(ReportProblem, match="不存在"):
        ReportService(session).hazard_record("nope", tmp_path / "x.pdf")
