"""The controlled vocabulary: every stored code has one English word, shown only in English; codes never change."""

from __future__ import annotations

import re

import pytest

from safety_desk.domain.campaigns import CampaignKind
from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.grading import AccidentGrade, HazardGrade
from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.domain.industry import Industry
from safety_desk.domain.language import set_language
from safety_desk.domain.risk import RiskLevel
from safety_desk.domain.vocabulary import ACCIDENT_TYPES, INSPECTION_KIND_WORDS, TRAINING_KINDS, inspection_kind, word
from safety_desk.store.inspections import INSPECTION_KINDS

VOCABULARY = [*HazardGrade, *AccidentGrade, *HazardStatus, *RiskLevel, *CampaignKind, *DrillPlanType,
              *DrillContent, *DrillForm, *Industry, *ACCIDENT_TYPES, *TRAINING_KINDS]
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("code", VOCABULARY, ids=str)
def test_each_code_reads_as_itself_in_chinese_and_as_an_english_word_in_english(code) -> None:
    assert word(code) == str(code)
    set_language("en")
    english = word(code)
    assert english and not HAN.search(english)


def test_one_thing_has_one_english_name() -> None:
    set_language("en")
    codes = {str(code) for code in VOCABULARY}
    assert len({word(code) for code in codes}) == len(codes)
    assert [word(status) for status in HazardStatus] == ["Awaiting rectification", "In rectification",
                                                         "Awaiting re-inspection", "Closed"]


def test_every_inspection_kind_has_both_words_and_unknown_text_is_left_alone() -> None:
    assert set(INSPECTION_KIND_WORDS) == set(INSPECTION_KINDS)
    assert inspection_kind("unannounced") == "四不两直"
    set_language("en")
    assert inspection_kind("unannounced") == "Unannounced" and inspection_kind("newer_kind") == "newer_kind"
    assert word("某企业") == "某企业" and word(None) == ""
