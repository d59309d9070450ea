"""Gates hide sections; summarize counts and scores by weight; judge_value maps values to results."""

import pytest

from safety_desk.domain.checklist import (
    AnswerResult,
    applicable_items,
    judge_value,
    parse_checklist,
    summarize,
)

P, F, NA, VAL = AnswerResult.PASS, AnswerResult.FAIL, AnswerResult.NOT_APPLICABLE, AnswerResult.VALUE


def item(code: str, weight: str, kind: str = "pass_fail", extra: str = "") -> str:
    return (f'\n[[sections.items]]\ncode = "{code}"\ntext = "t"\nguidance = "g"\nbasis = "b"\n'
            f'kind = "{kind}"\nweight = {weight}\nphoto_on_fail = false\ntag = "M"\n{extra}')


MAJOR = 'major_if_failed = { standard = "S", clause = "1" }\n'
TEXT = (
    'id = "t"\nversion = 1\ntitle = "t"\neffective = 2026-01-01\nstandard = "S"\n'
    'standard_superseded = false\nindustries = ["*"]\ndescription = "d"\n'
    '\n[[sections]]\ncode = "A"\ntitle = "常规"\n'
    + item("A-1", "2") + item("A-2", "1", extra=MAJOR) + item("A-3", "3", extra=MAJOR)
    + '\n[[sections]]\ncode = "B"\ntitle = "有限空间"\ngate = "有有限空间作业吗？"\n'
    + item("B-1", "5") + item("B-2", "1", "number", 'unit = "%"\nmin = 19.5\nmax = 23.5\n' + MAJOR)
    + '\n[[sections]]\ncode = "C"\ntitle = "备注"\ngate = "需要备注吗？"\n'
    + item("C-1", "1", "text")
    + '\n[[sections]]\ncode = "D"\ntitle = "灭火器"\n'
    + item("D-1", "0.5", "choice", 'choices = ["绿区", "红区", "黄区"]\nfail_choices = ["红区", "黄区"]\n')
)
CHECKLIST = parse_checklist(TEXT, "scoring.toml")
ANSWERS = {"A-1": P, "A-2": F, "A-3": NA, "B-1": P, "B-2": F, "C-1": VAL}


def codes(items):
    return [i.code for i in items]


def test_gate_answered_no_hides_the_section_and_unanswered_keeps_it():
    assert codes(applicable_items(CHECKLIST, {})) == ["A-1", "A-2", "A-3", "B-1", "B-2", "C-1", "D-1"]
    assert codes(applicable_items(CHECKLIST, {"B": False})) == ["A-1", "A-2", "A-3", "C-1", "D-1"]
    assert codes(applicable_items(CHECKLIST, {"B": True, "C": False})) == [
        "A-1", "A-2", "A-3", "B-1", "B-2", "D-1"]


def test_gate_answer_for_ungated_or_unknown_section_is_rejected():
    with pytest.raises(ValueError):
        applicable_items(CHECKLIST, {"A": False})
    with pytest.raises(ValueError):
        applicable_items(CHECKLIST, {"Z": True})


def test_summarize_counts_and_weighted_score():
    s = summarize(CHECKLIST, ANSWERS, {"B": True})
    # Scored: A-1 pass (2), A-2 fail (1), B-1 pass (5), B-2 fail (1); A-3 is NA, C-1 a value,
    # D-1 unanswered. Score = 100 * (2 + 5) / (2 + 1 + 5 + 1) = 700 / 9.
    assert (s.applicable, s.answered, s.passed, s.failed, s.not_applicable) == (7, 6, 2, 2, 1)
    assert s.major_failed == 2  # A-2 and B-2; A-3 is major but NA
    assert s.score == pytest.approx(77.7777777, abs=1e-6)


def test_summarize_ignores_answers_in_hidden_sections():
    s = summarize(CHECKLIST, ANSWERS, {"B": False})
    # Left: A-1 pass (2), A-2 fail (1), A-3 NA, C-1 value. Score = 100 * 2 / 3.
    assert (s.applicable, s.answered, s.passed, s.failed, s.not_applicable) == (5, 4, 1, 1, 1)
    assert s.major_failed == 1
    assert s.score == pytest.approx(66.6666667, abs=1e-6)


def test_score_uses_fractional_weights():
    s = summarize(CHECKLIST, {"A-1": P, "D-1": F}, {})
    assert s.score == pytest.approx(100 * 2 / 2.5)


def test_score_is_none_when_nothing_is_scored():
    s = summarize(CHECKLIST, {"A-3": NA, "C-1": VAL}, {})
    assert s.score is None
    assert (s.answered, s.passed, s.failed) == (2, 0, 0)


def test_plain_string_answers_are_accepted_and_bad_ones_rejected():
    assert summarize(CHECKLIST, {"A-1": "pass"}, {}).passed == 1
    with pytest.raises(ValueError):
        summarize(CHECKLIST, {"A-1": "ok"}, {})


def test_answer_for_unknown_item_is_an_error():
    with pytest.raises(KeyError):
        summarize(CHECKLIST, {"NOPE": P}, {})


@pytest.mark.parametrize(("value", "result"), [
    (19.5, P), (20.9, P), (23.5, P), (19.4, F), (23.6, F), (0, F),
])
def test_number_outside_range_fails(value, result):
    assert judge_value(CHECKLIST.item("B-2"), value) is result


@pytest.mark.parametrize(("value", "result"), [("绿区", P), ("红区", F), ("黄区", F)])
def test_fail_choices_fail(value, result):
    assert judge_value(CHECKLIST.item("D-1"), value) is result


def test_judge_value_rejects_bad_values():
    with pytest.raises(ValueError):
        judge_value(CHECKLIST.item("D-1"), "蓝区")
    with pytest.raises(ValueError):
        judge_value(CHECKLIST.item("B-2"), float("nan"))
    with pytest.raises(ValueError):
        judge_value(CHECKLIST.item("A-1"), "pass")
    assert judge_value(CHECKLIST.item("C-1"), "备注") is VAL


def test_item_lookup():
    assert CHECKLIST.item("B-2").unit == "%"
    with pytest.raises(KeyError):
        CHECKLIST.item("Z-9")
