"""The 城镇燃气 (建城规〔2023〕4号) and 道路运输/城市客运 (试行, 2023-10-01) lists: each clause read is one 重大 for
the industry its standard judges and none elsewhere; what was not read is neither cited nor invented."""

from datetime import date
from pathlib import Path

import pytest

from safety_desk.domain.checklist import AnswerResult, Checklist, Verification, summarize
from safety_desk.domain.industry import Industry, default_risk_class, is_drill_high_risk, offer_rank
from safety_desk.domain.industry_codes import map_industry
from safety_desk.domain.major_standards import GAS_2023, ROAD_2023, STANDARDS, grades_major
from safety_desk.services.checklist_library import library_paths, load_library, validate_paths

LIBRARY = {c.id: c for c in load_library()}
GAS = LIBRARY["gas-major-2023"]
ROAD = LIBRARY["road-transport-major-2023"]
GAS_CLAUSES = {"M-1": "第四条（一）", "M-2": "第四条（二）", "M-3": "第四条（三）", "M-4": "第四条（四）",
               "M-5": "第四条（五）", "S-1": "第五条（一）", "S-2": "第五条（二）", "S-3": "第五条（三）",
               "U-1": "第九条（一）",
               "U-2": "第九条（二）", "U-3": "第九条（三）", "U-4": "第九条（四）"}
ROAD_CLAUSES = {"C-1": "第三条（一）", "C-2": "第三条（二）", "C-3": "第三条（三）", "C-4": "第三条（四）",
                "P-1": "第四条（一）", "H-1": "第六条（二）"}


def majors(checklist: Checklist, failed: set[str], industry: str) -> dict[str, str]:
    """The 重大 findings (item code -> clause) at an enterprise of `industry` of a sheet failing `failed`."""
    answers = {item.code: AnswerResult.FAIL if item.code in failed else AnswerResult.PASS
               for item in checklist.items()}
    summary = summarize(checklist, answers, {}, is_major=lambda item: grades_major(item, industry))
    found = {code: checklist.item(code).major_if_failed.clause for code in failed
             if grades_major(checklist.item(code), industry)}
    assert summary.major_failed == len(found)
    return found


def test_both_files_are_valid_and_registered_with_the_industry_they_judge():
    paths = [p for p in library_paths() if p.stem in {GAS.id, ROAD.id}]
    checklists, errors = validate_paths(paths)
    assert errors == [] and {c.id for c in checklists} == {GAS.id, ROAD.id}
    assert STANDARDS["建城规〔2023〕4号"] is GAS_2023 and GAS_2023.industries == {"燃气"}
    assert STANDARDS["交办运〔2023〕52号"] is ROAD_2023 and ROAD_2023.industries == {"交通运输"}
    assert (GAS.industries, ROAD.industries) == (("燃气",), ("交通运输",))
    assert GAS.effective == GAS_2023.in_force and ROAD.effective == ROAD_2023.in_force == date(2023, 10, 1)
    assert not GAS.standard_superseded and not ROAD.standard_superseded


@pytest.mark.parametrize("checklist, clauses, industry", [(GAS, GAS_CLAUSES, "燃气"),
                                                           (ROAD, ROAD_CLAUSES, "交通运输")])
def test_each_clause_failed_is_one_major_where_the_standard_judges_and_none_elsewhere(checklist, clauses, industry):
    cited = {i.code: i.major_if_failed.clause for i in checklist.items() if i.major_if_failed}
    assert cited == clauses
    assert majors(checklist, set(), industry) == {}
    for code, clause in clauses.items():
        assert majors(checklist, {code}, industry) == {code: clause}
        # The same failure at an enterprise the standard does not judge is a 一般 hazard (no false major).
        assert majors(checklist, {code}, "房地产") == {}
    assert majors(checklist, set(clauses), industry) == clauses


def test_only_clauses_whose_text_was_read_are_registered():
    # 第四条 has five items, 第五条 only （一）–（三）were read, 第九条 four; nothing of 第六–八条 was reached.
    assert GAS_2023.clauses == {*(f"第四条（{n}）" for n in "一二三四五"), *(f"第五条（{n}）" for n in "一二三"),
                                *(f"第九条（{n}）" for n in "一二三四")}
    assert "第五条（四）" not in GAS_2023.clauses
    assert ROAD_2023.clauses == {*(f"第三条（{n}）" for n in "一二三四五"), "第四条（一）", "第六条（二）"}


def test_situations_read_without_their_number_are_listed_but_not_graded_and_say_so():
    for checklist, codes in ((GAS, {"P-1", "P-2", "B-1"}), (ROAD, {"T-1"})):
        uncited = {i.code for i in checklist.items() if i.major_if_failed is None}
        assert uncited == codes
        for code in codes:
            item = checklist.item(code)
            assert item.tag is Verification.REPORTED and "未核" in item.basis and "改判" in item.guidance
    assert "未能读到" in GAS.description and "未能读到" in ROAD.description
    assert ROAD.item("H-1").tag is Verification.REPORTED  # cited from an inspection report's quotation


def test_a_gas_list_citing_a_clause_not_read_is_refused_at_its_line(tmp_path: Path):
    text = (library_paths()[0].parent / "gas-major-2023.toml").read_text("utf-8")
    path = tmp_path / "gas-major-2023.toml"
    path.write_text(text.replace('clause = "第九条（四）"', 'clause = "第六条（一）"'), encoding="utf-8")
    _, errors = validate_paths([path])
    line = next(n for n, row in enumerate(path.read_text("utf-8").splitlines(), 1) if "第六条（一）" in row)
    assert [str(e).split(": major_if_failed: ")[0] for e in errors] == [f"{path}:{line}"]
    assert "不是建城规〔2023〕4号的条款" in str(errors[0])


def test_every_failing_item_offers_typical_findings_and_measures():
    for checklist in (GAS, ROAD):
        for item in checklist.items():
            assert 1 <= len(item.findings) <= 3 and 1 <= len(item.measures) <= 3, item.code


def test_gas_companies_have_their_own_industry_and_are_offered_their_list_first():
    # GB/T 4754 D45 燃气生产和供应业 (and its 中类/小类, and the office's short forms) is 燃气, no longer 危险化学品.
    for text in ("D45", "45", "燃气生产和供应业", "4511", "4512 液化石油气生产和供应业", "燃气", "天然气"):
        assert map_industry(text) is Industry.GAS, text
    assert default_risk_class(Industry.GAS) == 1 and is_drill_high_risk(Industry.GAS)
    assert offer_rank("燃气", GAS.id, GAS.industries) < offer_rank("燃气", "general", ("*",))
    assert offer_rank("交通运输", ROAD.id, ROAD.industries) < offer_rank("交通运输", "general", ("*",))
    # Neither list is offered first to an industry it does not judge.
    assert offer_rank("危险化学品", GAS.id, GAS.industries) > offer_rank("危险化学品", "general", ("*",))
    assert offer_rank("城市轨道交通", ROAD.id, ROAD.industries) > offer_rank("城市轨道交通", "general", ("*",))
