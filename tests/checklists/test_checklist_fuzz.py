"""Fuzzing the checklist loader: random text and mutated checklists never raise anything but ChecklistError,
and never take long (a deadline per example). A short run is always on; a long one is marked slow."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety_desk.domain.checklist import Checklist, ChecklistError, parse_checklist

LIBRARY = Path(__file__).resolve().parents[2] / "checklists"
SMALL = """\
id = "fuzz"
version = 1
title = "模糊测试检查表"
effective = 2026-01-01
standard = "GB 00000-2026"
standard_superseded = false
industries = ["*"]
description = "d"

[[sections]]
code = "A"
title = "基础管理"

[[sections.items]]
code = "A.1"
text = "安全生产责任制已建立"
guidance = "查制度文件"
basis = "《安全生产法》第二十二条"
kind = "pass_fail"
weight = 2
photo_on_fail = true
tag = "M"

[[sections]]
code = "B"
title = "特种设备"
gate = "是否使用特种设备？"

[[sections.items]]
code = "B.1"
text = "压力表在检定有效期内"
guidance = "看标签"
basis = "TSG 21"
kind = "choice"
choices = ["有效", "过期", "无标签"]
fail_choices = ["过期", "无标签"]
weight = 1
photo_on_fail = false
tag = "R"

[[sections.items]]
code = "B.2"
text = "储罐压力"
guidance = "读表"
basis = "TSG 21"
kind = "number"
unit = "MPa"
min = 0.1
max = 1.6
weight = 1
photo_on_fail = false
tag = "R"
"""
SEEDS = [SMALL, (LIBRARY / "fire-major-gb35181-2017.toml").read_text("utf-8")]
# Tokens that matter to TOML and to the loader's own pre-parse counts and limits.
TOKENS = ["[", "]", "[[", "]]", "[[sections]]", "[[sections.items]]", "{", "}", "=", ",", '"', "'", '"""', "'''",
          "\\", "\\u", "\\U0010FFFF", "\n", "\r", "\t", "#", "nan", "inf", "-inf", "1e999", "0x", "9" * 40,
          "true", "1979-05-27T07:32:00Z", "kind = \"number\"", "min = ", "max = ", "major_if_failed = {",
          "choices = [", "\x00", "\ud800", "\u202e", "版本", " " * 30]
DEADLINE_SECONDS = 1.0


def _check(text: str) -> None:
    start = time.perf_counter()
    try:
        result = parse_checklist(text, "fuzz.toml")
    except ChecklistError as error:
        assert error.line >= 1 and str(error)  # it says where and what
    else:
        assert isinstance(result, Checklist)
    assert time.perf_counter() - start < DEADLINE_SECONDS


mutation = st.tuples(
    st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate", "swap_lines"]),
    st.floats(0, 1), st.floats(0, 1),
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)),
)


def _mutate(text: str, mutations: list[tuple[str, float, float, str]]) -> str:
    for op, a, b, payload in mutations:
        n = len(text)
        i, j = sorted((int(a * n), int(b * n)))
        if op == "insert":
            text = text[:i] + payload + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + payload + text[i + max(1, len(payload)):]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "truncate":
            text = text[:i]
        else:
            lines = text.splitlines(keepends=True)
            if len(lines) > 1:
                x, y = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
                lines[x], lines[y] = lines[y], lines[x]
                text = "".join(lines)
    return text


SHORT = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_seeds_are_valid_checklists() -> None:
    for seed in SEEDS:
        assert isinstance(parse_checklist(seed, "seed.toml"), Checklist)


@SHORT
@given(st.text(max_size=400))
def test_random_text_is_parsed_or_refused_with_a_checklist_error(text: str) -> None:
    _check(text)


@SHORT
@given(st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=6))
def test_mutated_checklists_are_parsed_or_refused_with_a_checklist_error(seed: str, mutations) -> None:
    _check(_mutate(seed, mutations))


@SHORT
@given(st.lists(st.sampled_from(TOKENS + ["a", "1", " "]), max_size=60))
def test_token_soup_is_parsed_or_refused_with_a_checklist_error(tokens: list[str]) -> None:
    _check("".join(tokens))


@pytest.mark.slow
@LONG
@given(st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=12))
def test_many_mutated_checklists_are_parsed_or_refused(seed: str, mutations) -> None:
    _check(_mutate(seed, mutations))


@pytest.mark.slow
@LONG
@given(st.one_of(st.text(max_size=2000), st.lists(st.sampled_from(TOKENS), max_size=200).map("".join)))
def test_much_random_text_is_parsed_or_refused(text: str) -> None:
    _check(text)
