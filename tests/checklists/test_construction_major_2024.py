"""房屋市政 2024版 (建质规〔2024〕5号): every situation of 第四–十七条 once, graded 重大 at construction sites only."""

from datetime import date

import pytest

from safety_desk.domain.checklist import AnswerResult, Checklist, Verification, summarize
from safety_desk.domain.industry import Industry, offer_rank
from safety_desk.domain.industry_codes import industry_from_list
from safety_desk.domain.major_standards import CONSTRUCTION_2024, grades_major, lint_checklist
from safety_desk.services.checklist_library import library_paths, load_library, validate_paths

LIBRARY = {c.id: c for c in load_library()}
BUILD = LIBRARY["construction-major-2024"]
STANDARD = "建质规〔2024〕5号"
ITEMS = [item.code for item in BUILD.items()]


def majors_at(industry: str, failed: set[str], checklist: Checklist = BUILD) -> int:
    """How many 重大 an answer sheet failing `failed` (passing the rest) records at an enterprise of `industry`."""
    answers = {item.code: AnswerResult.FAIL if item.code in failed else AnswerResult.PASS
               for item in checklist.items()}
    return summarize(checklist, answers, {}, lambda item: grades_major(item, industry)).major_failed


def test_all_53_situations_of_articles_4_to_17_each_once():
    clauses = [item.major_if_failed.clause for item in BUILD.items()]
    assert len(clauses) == 53 and sorted(clauses) == sorted(CONSTRUCTION_2024.clauses)
    # 第四–十五条 as numbered in the text read (zjj.dg.gov.cn DOCX), 第十六、十七条 whole articles.
    assert {s.code: len(s.items) for s in BUILD.sections} == {
        "4": 5, "5": 4, "6": 4, "7": 3, "8": 9, "9": 5, "10": 2, "11": 4, "12": 2, "13": 7, "14": 3, "15": 3,
        "16": 1, "17": 1}
    for item in BUILD.items():
        assert item.major_if_failed.standard == STANDARD, item.code
        assert item.major_if_failed.clause in item.basis, item.code
        assert item.tag is Verification.VERIFIED, item.code


@pytest.mark.parametrize("code", ITEMS)
def test_each_failed_item_is_one_major_at_a_construction_site_and_none_elsewhere(code):
    assert majors_at("建筑施工", {code}) == 1
    assert majors_at("建筑施工", set()) == 0
    # The standard judges construction sites (第三条): the same answer at a developer or a factory is no 重大.
    assert majors_at("房地产", {code}) == 0 and majors_at("机械", {code}) == 0


def test_dangerous_works_plans_expert_review_and_acceptance():
    plan = BUILD.item("4.4")
    assert plan.major_if_failed.clause == "第四条（四）"
    for word in ("专项施工方案", "审核", "严重缺陷", "超过一定规模", "专家论证"):
        assert word in plan.text, word
    assert "严重缺陷清单" in plan.guidance and "建办质〔2018〕31号" in plan.guidance
    acceptance = BUILD.item("4.5")
    assert acceptance.major_if_failed.clause == "第四条（五）" and "验收合格" in acceptance.text


def test_situations_that_need_two_things_missing_pass_with_one():
    # 第十一条（一）: unidentified AND unsigned; 第九条（四）: a lift shaft open AND without a gate.
    assert "或" in BUILD.item("11.1").text and "两者都没有" in BUILD.item("11.1").guidance
    assert "防护门" in BUILD.item("9.4").text and "才不合格" in BUILD.item("9.4").guidance
    # 第七条（二）: no ties at all or a whole storey missing; one loose tie is a 一般 hazard.
    assert "整层" in BUILD.item("7.2").text and "一般隐患" in BUILD.item("7.2").guidance
    # 第五条（四）: the four warning signs are one situation, not four majors.
    signs = BUILD.item("5.4")
    assert all(sign in signs.text for sign in ("设计控制值", "流土", "管涌", "桩径"))


def test_2024_items_that_2022_lacked_are_there():
    # The 2024 edition adds, among others, tower-crane spacing, scrapped rigging, overhead lines, piled loads.
    texts = {item.major_if_failed.clause: item.text for item in BUILD.items()}
    assert "群塔" in texts["第八条（八）"] and "报废" in texts["第八条（九）"]
    assert "外电架空线路" in texts["第十条（二）"] and "吊运人员" in texts["第十五条（三）"]
    assert "专职安全生产管理人员" in texts["第十一条（三）"]


def test_edition_in_force_from_issue_and_sources_named():
    assert BUILD.effective == CONSTRUCTION_2024.in_force == date(2024, 12, 13)
    assert not BUILD.standard_superseded and BUILD.superseded_on is None
    assert CONSTRUCTION_2024.superseded_on is None
    assert "zjj.dg.gov.cn" in BUILD.description and "2022 版" in BUILD.description
    assert BUILD.industries == ("建筑施工",) and CONSTRUCTION_2024.industries == {"建筑施工"}


def test_every_failing_item_offers_typical_findings_and_measures():
    for item in BUILD.items():
        assert 1 <= len(item.findings) <= 3 and 1 <= len(item.measures) <= 3, item.code


def test_the_validator_accepts_the_list_and_refuses_a_clause_the_2024_text_lacks(tmp_path):
    assert lint_checklist(BUILD) == []
    [path] = [p for p in library_paths() if p.name == "construction-major-2024.toml"]
    text = path.read_text(encoding="utf-8")
    # 第八条 has nine items in 2024; a tenth, or the closing 第十八条, is no clause to grade by.
    bad = tmp_path / "construction-major-2024.toml"
    bad.write_text(text.replace('clause = "第八条（九）"', 'clause = "第八条（十）"'), encoding="utf-8")
    _, errors = validate_paths([bad])
    line = next(n for n, row in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "第八条（十）" in row)
    assert [(e.line, "第八条（十）" in e.message) for e in errors] == [(line, True)]


def test_a_construction_enterprise_is_offered_the_list_first():
    assert offer_rank("建筑施工", BUILD.id, BUILD.industries) == (0, 0)
    assert offer_rank("建筑施工", BUILD.id, BUILD.industries) < offer_rank("建筑施工", "general", ("*",))
    # GB/T 4754 建筑业 (门类 E, 大类 47–50) maps to 建筑施工, so a list imported by code gets it first too.
    for cell in ("E", "E47 房屋建筑业", "48", "4813", "50 建筑装饰、装修和其他建筑业"):
        industry = industry_from_list(cell)
        assert industry is Industry.CONSTRUCTION, cell
        assert offer_rank(industry.value, BUILD.id, BUILD.industries)[0] == 0
    assert offer_rank("房地产", BUILD.id, BUILD.industries)[0] == 3
