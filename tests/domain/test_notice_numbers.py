"""Notice numbers: the pattern applied to (year, seq), and patterns that cannot number notices refused."""

from __future__ import annotations

import json
import re

import pytest

from safety_desk.domain.language import set_language
from safety_desk.domain.notice_numbers import (
    DEFAULT_NOTICE_PATTERN, NoticePatternError, format_notice_number, validate_block_size, validate_notice_pattern,
)
from safety_desk.settings import Settings


def test_the_default_pattern_gives_the_commissions_numbers() -> None:
    assert format_notice_number(DEFAULT_NOTICE_PATTERN, 2026, 12) == "国资安通〔2026〕12号"
    assert format_notice_number("青国资安督〔{year}〕{seq}号", 2027, 1) == "青国资安督〔2027〕1号"


def test_a_pattern_may_pad_the_sequence_number_and_put_the_year_anywhere() -> None:
    assert format_notice_number("SD-{seq:04d}/{year}", 2026, 7) == "SD-0007/2026"
    assert format_notice_number("  〔{year}〕{seq}号 ", 2026, 3) == "〔2026〕3号"  # surrounding blanks dropped


@pytest.mark.parametrize("pattern, says, english", [
    ("国资安通第{seq}号", "缺少 {year}", "missing {year}"),
    ("国资安通〔{year}〕", "缺少 {seq}", "missing {seq}"),
    ("国资安通〔{year}〕第{n}号{seq}", "未知字段 {n}", "unknown fields {n}"),
    ("国资安通〔{year}〕第{seq号", "花括号不成对", "unbalanced braces"),
    ("{year}-{seq:s}", "无法使用", "cannot be applied"),
    ("   ", "不能为空", "is empty"),
])
def test_a_pattern_without_year_and_seq_or_with_other_fields_is_refused_with_a_reason(pattern, says,
                                                                                      english) -> None:
    with pytest.raises(NoticePatternError, match=re.escape(says)) as caught:
        validate_notice_pattern(pattern)
    assert isinstance(caught.value, ValueError)
    set_language("en")
    with pytest.raises(NoticePatternError, match=re.escape(english)) as caught:
        validate_notice_pattern(pattern)
    assert not re.search(r"[\u4e00-\u9fff]", str(caught.value).replace(pattern.strip(), ""))  # English but the pattern


def test_a_number_with_an_ordinal_is_refused_and_an_old_saved_pattern_loses_it(tmp_path) -> None:
    """GB/T 9704-2012: 国资安通〔2026〕4号, never 〔2026〕第4号; a pattern saved before keeps its own prefix."""
    with pytest.raises(NoticePatternError, match="不加“第”"):
        validate_notice_pattern("国资安通〔{year}〕第{seq}号")
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"notice_pattern": "青国资安督〔{year}〕第{seq}号"}), "utf-8")
    assert Settings.load(path).notice_pattern == "青国资安督〔{year}〕{seq}号"


def test_block_sizes_are_bounded() -> None:
    assert validate_block_size(100) == 100
    for bad in (0, -5, 10_001, True, "100"):
        with pytest.raises(ValueError, match="编号段大小"):
            validate_block_size(bad)


def test_settings_keep_a_good_pattern_and_fall_back_from_a_broken_one(tmp_path) -> None:
    path = tmp_path / "settings.json"
    Settings(notice_pattern="SD〔{year}〕{seq}", notice_block_size=50).save(path)
    loaded = Settings.load(path)
    assert (loaded.notice_pattern, loaded.notice_block_size) == ("SD〔{year}〕{seq}", 50)

    path.write_text(json.dumps({"notice_pattern": "第{seq}号", "notice_block_size": 0, "deadline_days_general": 9}),
                    "utf-8")
    loaded = Settings.load(path)
    assert loaded.notice_pattern == DEFAULT_NOTICE_PATTERN and loaded.notice_block_size == 100
    assert loaded.deadline_days_general == 9  # the rest of the file still counts
