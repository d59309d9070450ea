"""GB/T 9704-2012 on paper: the faces, the type area, "— 1 —" page numbers, Chinese line breaking, no English."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from safety_desk.reports import fonts
from safety_desk.reports.line_breaking import CANNOT_END, CANNOT_START
from safety_desk.reports.pdf import para, styles
from safety_desk.services.auth import SignIn
from safety_desk.services.reports import ReportService
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF

DOCUMENTS = ("weekly", "quarterly", "notice", "inspection", "drill", "hazard")


@pytest.fixture(scope="module")
def documents(tmp_path_factory, copy_of_demo) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("official")
    path = copy_of_demo(folder)
    with Store.open(path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        reports, weekly = ReportService(session.at(AS_OF)), WeeklyService(session.at(AS_OF))
        weekly.write_pdf(weekly.summary(iso_week("2026-W47")), folder / "weekly.pdf")
        reports.quarterly("2026Q4", folder / "quarterly.pdf")
        reports.notice(store.notices._select(limit=1)[0].id, folder / "notice.pdf")
        reports.inspection_record(store.inspections._select("status = 'submitted'", limit=1)[0].id,
                                  folder / "inspection.pdf")
        reports.drill_record(store.drills._select("status = 'held' AND deleted = 0", limit=1)[0].id,
                             folder / "drill.pdf")
        reports.hazard_record(store.hazards._select("photos != '[]'", limit=1)[0].id, folder / "hazard.pdf")
    return {name: folder / f"{name}.pdf" for name in DOCUMENTS}


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, x min, y min, x max, y max, word) of every word, in points from the page's top left (pdftotext)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if found:
            words.append((page, *map(float, found.groups()[:4]), found.group(5)))
    return words


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_prints_in_the_official_faces_all_embedded(documents, name, pdf_fonts) -> None:
    used = {font.split("+")[-1] for font, _ in pdf_fonts(documents[name])}
    assert all(embedded for _, embedded in pdf_fonts(documents[name]))
    # 小标宋 title (AR PL UMing), 仿宋 body (LXGW WenKai standing in), 黑体 headings (WenQuanYi Micro Hei).
    assert {"UMingCN-0", "LXGWWenKai-Regular", "WenQuanYiMicroHei-0"} <= used, used


@pytest.mark.parametrize("name", DOCUMENTS)
def test_text_keeps_to_the_type_area_and_pages_are_numbered_with_dashes(documents, name) -> None:
    words = _words(documents[name])
    pages = max(page for page, *_ in words)
    left, right = 28 * mm, (28 + 156) * mm
    top, bottom = 37 * mm, (37 + 225) * mm
    body = [w for w in words if w[2] < bottom]  # the page numbers and the small footer sit below the type area
    assert min(w[1] for w in body) >= left - 1 and max(w[3] for w in body) <= right + 1
    assert min(w[2] for w in body) >= top - 1
    for number in range(1, pages + 1):
        numbers = [w for w in words if w[0] == number and w[5] == str(number) and w[2] > bottom]
        assert numbers, f"{name} page {number} has no page number below the type area"
    text = subprocess.run(["pdftotext", str(documents[name]), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert f"— {pages} —" in text and "第 1 页" not in text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_english_and_no_hex_numbers_in_a_chinese_document(documents, name, pdf_text) -> None:
    text = pdf_text(documents[name])
    assert "SafetyDesk" not in text and "basis" not in text and "安全检查工作台" in text
    assert not re.search(r"\b[0-9A-F]{12}\b", text)  # record numbers are dates and digits, not id hex


@pytest.mark.parametrize("width", [w * mm for w in range(40, 157, 3)])
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(width) -> None:
    s = styles()
    text = ("被检查单位主要负责人（签收）：经检查，你单位存在下列安全隐患。根据《中华人民共和国安全生产法》第四十一条"
            "和《安全生产事故隐患排查治理暂行规定》的规定，请你单位按下表要求认真整改，并于2026-11-19前将整改情况"
            "（附整改前后照片）书面报送我办；依据“GB 30871-2022”。")
    for paragraph in (para(text, s.body), Paragraph(text.replace("。", "。<br/>"), s.cell)):
        paragraph.wrap(width, 10_000)
        lines = ["".join(getattr(word, "text", word) for word in line[1]) if isinstance(line, (list, tuple))
                 else "".join(frag.text for frag in line.words) for line in paragraph.blPara.lines]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("<br/>", "")
        for before, after in zip(lines, lines[1:]):
            assert after and after[0] not in CANNOT_START, (before, after)
            assert before and before[-1] not in CANNOT_END, (before, after)
        assert not re.search(r"2026-\d*$", lines[0])  # a date is never cut in two


def test_an_office_font_in_the_config_folder_replaces_a_shipped_face(tmp_path, monkeypatch) -> None:
    """An office with a licensed 仿宋 drops it in as FangSong.ttf; a CFF font is skipped for the next choice."""
    monkeypatch.setenv("SAFETY_DESK_CONFIG_DIR", str(tmp_path))
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "FangSong.ttf").write_bytes(Path(fonts.__file__).parent.parent.parent.joinpath(
        "resources", "fonts", "wqy-microhei.ttc").read_bytes())
    (tmp_path / "fonts" / "KaiTi.ttf").write_bytes(b"OTTO" + b"\0" * 64)  # not a TrueType file
    chosen = {style: candidate for style in (fonts.FANGSONG, fonts.KAITI)
              for candidate in [fonts._load(style)[1]]}
    assert chosen[fonts.FANGSONG].path == tmp_path / "fonts" / "FangSong.ttf"
    assert chosen[fonts.KAITI].path != tmp_path / "fonts" / "KaiTi.ttf"
