"""The lists of standards now in force: AQ 3067-2026 for 危险化学品 and 化工, and the gas alarm of 安全生产法 36(4)."""

from datetime import date

import pytest

from safety_desk.domain.checklist import AnswerResult, Verification, summarize
from safety_desk.domain.industry import offer_rank
from safety_desk.domain.major_standards import AQ_3067_2026, grades_major
from safety_desk.services.checklist_library import load_library

LIBRARY = {c.id: c for c in load_library()}
AQ = LIBRARY["chemical-major-aq3067-2026"]


def test_aq3067_has_its_53_items_in_5_1_to_5_7_once_each():
    clauses = [item.major_if_failed.clause for item in AQ.items()]
    assert len(clauses) == 53 and sorted(clauses) == sorted(AQ_3067_2026.clauses)
    assert {s.code: len(s.items) for s in AQ.sections} == {
        "5.1": 5, "5.2": 10, "5.3": 6, "5.4": 9, "5.5": 12, "5.6": 4, "5.7": 7}
    assert all(item.major_if_failed.standard == "AQ 3067-2026" for item in AQ.items())


# The four items whose conditions no source quoted: still general knowledge (M), never R or V.
NOT_QUOTED = {"5.2.8", "5.2.10", "5.3.4", "5.3.6"}


def test_aq3067_is_honest_about_what_was_read():
    # Clause numbers from an index of the official PDF [R]; v2 takes 49 items' conditions from a quiz bank's answers,
    # which quote the clause by number [R]; the other four were not read: M. Nothing is V: no official text was read.
    assert AQ.version == 2
    assert {i.code for i in AQ.items() if i.tag is Verification.UNVERIFIED} == NOT_QUOTED
    assert {i.code for i in AQ.items() if i.tag is Verification.REPORTED} == {i.code for i in AQ.items()} - NOT_QUOTED
    for item in AQ.items():
        if item.code in NOT_QUOTED:
            assert "未读到" in item.guidance, item.code
        else:
            assert f"题库解析引第{item.code}条 [R]" in item.guidance and "不是标准原文" in item.guidance, item.code
    assert AQ.effective == date(2026, 9, 30) and not AQ.standard_superseded
    assert "未读到原文" in AQ.description and "题库" in AQ.description


def test_aq3067_v2_corrects_what_v1_guessed_from_the_topic_alone():
    # v1 guessed 5.4.9 was about an accident-chlorine absorber; the quoted condition is an enclosed tank building.
    assert "封闭式结构" in AQ.item("5.4.9").text and "吸收" not in AQ.item("5.4.9").text
    assert "6 人" in AQ.item("5.7.4").text and "2 人" in AQ.item("5.7.4").text
    assert "万向管道充装系统" in AQ.item("5.4.4").text


@pytest.mark.parametrize("code", sorted(AQ_3067_2026.clauses))
def test_each_aq3067_item_failed_is_one_major_for_chemicals_and_none_elsewhere(code):
    def majors(failed: set[str], industry: str) -> int:
        answers = {i.code: AnswerResult.FAIL if i.code in failed else AnswerResult.PASS for i in AQ.items()}
        return summarize(AQ, answers, {}, is_major=lambda item: grades_major(item, industry)).major_failed

    assert AQ.item(code).major_if_failed.clause == code
    assert majors({code}, "危险化学品") == 1
    assert majors(set(), "危险化学品") == 0
    assert majors({code}, "机械") == 0  # AQ 3067 does not judge a 工贸 enterprise: a 一般 hazard there


def test_aq3067_takes_over_from_121_on_its_day():
    old = LIBRARY["chemical-major-121"]
    assert old.superseded_on == AQ.effective == date(2026, 9, 30)
    # A chemical enterprise is offered its sector's list first.
    assert offer_rank("危险化学品", AQ.id, AQ.industries) < offer_rank("危险化学品", "general", ("*",))


def test_a_failed_aq3067_item_is_one_major_with_its_clause():
    answers = {item.code: AnswerResult.PASS for item in AQ.items()}
    answers["5.4.2"] = AnswerResult.FAIL
    assert summarize(AQ, answers, {}).major_failed == 1
    assert AQ.item("5.4.2").major_if_failed.clause == "5.4.2"
    answers["5.4.2"] = AnswerResult.NOT_APPLICABLE
    assert summarize(AQ, answers, {}).major_failed == 0


def test_restaurants_and_canteens_using_gas_need_a_gas_alarm():
    general = LIBRARY["general"]
    item = next(i for i in general.items() if "第三十六条第四款" in i.basis)
    assert "可燃气体报警" in item.text and "食堂" in item.text and "不适用" in item.guidance
    assert item.major_if_failed is None  # the gas standard's clause could not be checked


def test_every_item_that_can_fail_offers_typical_findings_and_measures():
    for checklist in LIBRARY.values():
        for item in checklist.items():
            if item.kind.value == "text":
                continue  # a text answer is recorded, never failed
            assert 1 <= len(item.findings) <= 3 and 1 <= len(item.measures) <= 3, (checklist.id, item.code)
            assert not any(f.startswith("不符合要求") for f in item.findings), (checklist.id, item.code)
