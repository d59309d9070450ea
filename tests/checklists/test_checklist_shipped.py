"""The shipped checklists/*.toml files: valid, complete, tagged and flagged as regulations.md says."""

from datetime import date

import pytest

from safety_desk.domain.checklist import AnswerKind, Verification
from safety_desk.domain.industry import GONGMAO
from safety_desk.services.checklist_library import library_paths, load_library, validate_paths

EXPECTED_FILES = {"general.toml", "gongmao-major-10.toml", "chemical-major-121.toml",
                  "fire-major-gb35181-2017.toml"}
LIBRARY = {c.id: c for c in load_library()}
GENERAL = LIBRARY["general"]
GONGMAO_10 = LIBRARY["gongmao-major-10"]
CHEMICAL = LIBRARY["chemical-major-121"]
FIRE = LIBRARY["fire-major-gb35181-2017"]


def test_all_shipped_files_are_present_and_valid():
    paths = library_paths()
    assert EXPECTED_FILES <= {p.name for p in paths}
    checklists, errors = validate_paths(paths)
    assert errors == []
    assert {p.stem for p in paths} == {c.id for c in checklists}  # file name = id, by convention


def test_versions_after_the_december_2026_audit():
    # Every audited file changed, so each is a new version; v1 lives on in the databases that used it.
    assert {c.id: c.version for c in LIBRARY.values()} == {
        "general": 3, "gongmao-major-10": 2, "chemical-major-121": 2, "fire-major-gb35181-2017": 2,
        "chemical-major-aq3067-2026": 2,
        "gas-major-2023": 2, "road-transport-major-2023": 1,
        "construction-major-2024": 1, "fire-major-gb35181-2025": 1}


def test_effective_dates():
    assert GENERAL.effective == date(2026, 1, 1)
    assert GONGMAO_10.effective == date(2023, 5, 15)


def test_general_has_the_12_categories_with_at_least_5_items_each():
    assert [s.code for s in GENERAL.sections] == [str(n) for n in range(1, 13)]
    titles = [s.title for s in GENERAL.sections]
    for word in ["管理", "培训", "特种作业", "消防", "电气", "特种设备", "危险化学品", "有限空间",
                 "动火", "高处", "劳动防护", "应急"]:
        assert any(word in t for t in titles), word
    assert all(len(s.items) >= 5 for s in GENERAL.sections)
    assert GENERAL.industries == ("*",)


def test_general_gates_the_activity_specific_sections():
    gated = {s.title for s in GENERAL.sections if s.gate}
    assert gated == {"特种设备", "危险化学品", "有限空间作业", "动火作业", "高处作业"}
    assert GENERAL.sections[7].gate.question == "企业是否有有限空间作业（含外包作业）？"


def test_general_has_number_choice_and_text_items():
    kinds = {i.kind for i in GENERAL.items()}
    assert kinds == set(AnswerKind)
    oxygen = GENERAL.item("8.5")
    assert (oxygen.kind, oxygen.unit, oxygen.min_value, oxygen.max_value) == (AnswerKind.NUMBER, "%", 19.5, 23.5)
    gauge = GENERAL.item("4.2")
    assert gauge.kind is AnswerKind.CHOICE and set(gauge.fail_choices) == {"红区", "黄区"}


def test_general_tags_follow_regulations_md():
    verified = {i.code for i in GENERAL.items() if i.tag is Verification.VERIFIED}
    assert verified == {"1.8", "4.8", "4.13", "4.14", "8.5", "12.3", "12.4", "12.5"}
    reported = {i.code for i in GENERAL.items() if i.tag is Verification.REPORTED}
    assert reported == {"2.1", "2.7", "2.8", "6.8", "7.5", "7.9", "7.12", "11.1"}


def test_general_marks_the_major_hazard_points():
    majors = {i.code: i.major_if_failed for i in GENERAL.items() if i.major_if_failed}
    # regulations.md §4 points tagged [重大], one item per situation, and only where the clause could be checked
    # (audit-2026-12.md 10–13; GB 35181-2025 and 房屋市政 2024 clauses are graded by the inspector).
    # 121号 stopped on 2026-09-30: the current list no longer grades by it (AQ 3067-2026 does).
    assert set(majors) == {"1.6", "3.2", "5.6", "8.2"}
    assert majors["1.6"].clause == "第三条（一）"
    assert majors["8.2"].clause == "第十三条（二）"


@pytest.mark.parametrize("checklist", LIBRARY.values(), ids=lambda c: c.id)
def test_every_major_item_names_standard_and_clause(checklist):
    for item in checklist.items():
        if item.major_if_failed:
            assert item.major_if_failed.standard.strip() and item.major_if_failed.clause.strip(), item.code


@pytest.mark.parametrize("checklist", LIBRARY.values(), ids=lambda c: c.id)
def test_every_item_has_text_guidance_basis_and_positive_weight(checklist):
    for item in checklist.items():
        assert item.text.strip() and item.guidance.strip() and item.basis.strip(), item.code
        assert item.weight > 0 and isinstance(item.tag, Verification)


def test_superseded_flags():
    assert CHEMICAL.standard_superseded and CHEMICAL.superseded_by == "AQ 3067-2026 (2026-09-30 起施行) [R]"
    assert FIRE.standard_superseded
    assert FIRE.superseded_by == "GB 35181-2025《重大火灾隐患判定规则》(2025-11-01 起施行)"
    assert not GENERAL.standard_superseded and not GONGMAO_10.standard_superseded
    assert "2017" in FIRE.title
    assert "转录" in FIRE.description and "转录" in CHEMICAL.description


def test_gongmao_covers_the_management_and_special_field_items():
    codes = [i.code for i in GONGMAO_10.items()]
    expected = (["G-1", "G-2", "G-3"] + [f"D-{n}" for n in range(1, 11)]
                + ["A-1", "A-2", "C-1", "C-2", "S-1"])
    assert codes[:len(expected)] == expected
    assert set(GONGMAO_10.industries) == {i.value for i in GONGMAO}
    gated = {s.code for s in GONGMAO_10.sections if s.gate}
    assert {"D", "A", "C", "YJ", "YS", "JC", "JX", "QG", "FZ", "YC"} == gated


def test_gongmao_items_are_all_major_under_order_10():
    for item in GONGMAO_10.items():
        assert item.major_if_failed.standard == "应急管理部令第10号", item.code
    assert GONGMAO_10.item("D-7").major_if_failed.clause == "第十一条（七）"
    assert GONGMAO_10.item("S-1").major_if_failed.clause == "第十四条"
    assert GONGMAO_10.item("D-10").tag is Verification.VERIFIED
    assert GONGMAO_10.item("D-9").tag is Verification.VERIFIED


def test_chemical_has_20_items_1_to_15_verified_16_to_20_reported():
    items = {i.code: i for i in CHEMICAL.items()}
    assert set(items) == {f"HC-{n}" for n in range(1, 21)}
    chinese = "一二三四五六七八九十"
    for n in range(1, 21):
        item = items[f"HC-{n}"]
        assert item.tag is (Verification.VERIFIED if n <= 15 else Verification.REPORTED), n
        number = chinese[n - 1] if n <= 10 else ("十" + chinese[n - 11] if n < 20 else "二十")
        assert item.major_if_failed.clause == f"第{number}项"
        assert item.major_if_failed.standard == "安监总管三〔2017〕121号"
    assert CHEMICAL.industries == ("危险化学品",)


def test_fire_has_items_6_1_to_6_10_all_verified():
    items = {i.code: i for i in FIRE.items()}
    assert set(items) == {f"6.{n}" for n in range(1, 11)}
    for code, item in items.items():
        assert item.tag is Verification.VERIFIED
        assert (item.major_if_failed.standard, item.major_if_failed.clause) == ("GB 35181-2017", code)
    assert FIRE.industries == ("*",)


def test_the_2025_fire_list_cites_no_clause_it_could_not_read():
    # GB 35181-2025's clauses were not reachable: its four reported new situations are listed, tagged R, with no
    # clause number and no automatic 重大; it is what a fire inspection is offered once the 2017 list stopped.
    fire_2025 = LIBRARY["fire-major-gb35181-2025"]
    items = list(fire_2025.items())
    assert len(items) == 4 and all(item.tag == "R" and item.major_if_failed is None for item in items)
    assert fire_2025.effective == FIRE.superseded_on == date(2025, 11, 1)
    assert all(item.findings and item.measures for item in items)
