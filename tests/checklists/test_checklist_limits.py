"""Hostile or oversized checklist text is refused quickly with a clear error."""

import time
import tomllib

import pytest

from safety_desk.domain import checklist
from safety_desk.domain.checklist import (
    MAX_ITEMS,
    MAX_SECTIONS,
    MAX_TEXT_BYTES,
    ChecklistError,
    parse_checklist,
)

HEAD = """\
id = "t"
version = 1
title = "t"
effective = 2026-01-01
standard = "S"
standard_superseded = false
industries = ["*"]
description = "d"
"""
ITEM = """
[[sections.items]]
code = "I{n}"
text = "t"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = false
tag = "M"
"""
SECTION = '\n[[sections]]\ncode = "S{n}"\ntitle = "t"\n'


@pytest.fixture
def parser_calls(monkeypatch) -> list[int]:
    """How many times the TOML parser ran: tomllib alone needs over a second for a million values, so a refusal
    that is quick is one made by the pre-parse counts, before the parser runs (no wall-clock bound: those fail on
    a busy machine)."""
    calls: list[int] = []
    parse = tomllib.loads

    def counted(text: str, **kwargs):
        calls.append(len(text))
        return parse(text, **kwargs)

    monkeypatch.setattr(checklist.tomllib, "loads", counted)
    return calls


def timed_refusal(text: str) -> tuple[ChecklistError, float]:
    start = time.perf_counter()
    err = refuse(text)
    return err, time.perf_counter() - start


def refuse(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as info:
        parse_checklist(text, "big.toml")
    return info.value


def test_text_over_2_mb_is_refused_before_parsing(parser_calls):
    err = refuse(HEAD + 'junk = "' + "x" * MAX_TEXT_BYTES + '"\n')
    assert (err.line, err.field) == (1, "file")
    assert parser_calls == []


def test_size_counts_utf8_bytes_not_characters():
    # 800k Chinese characters are 2.4 MB of UTF-8 although fewer than 2M characters.
    err = refuse(HEAD + 'description2 = "' + "中" * 800_000 + '"\n')
    assert err.field == "file"


def test_million_item_array_is_refused_before_parsing(parser_calls):
    text = HEAD + SECTION.format(n=1) + "items = [" + "0," * 1_000_000 + "0]\n"
    assert len(text.encode()) < MAX_TEXT_BYTES  # under the size limit: the value count must catch it
    err = refuse(text)
    assert err.field == "file" and "values" in err.message
    assert err.line == 13  # HEAD is 8 lines; SECTION adds a blank, header, code, title
    assert parser_calls == []


def test_too_many_item_headers_points_at_the_first_extra_one(parser_calls):
    text = HEAD + SECTION.format(n=1) + "".join(ITEM.format(n=n) for n in range(MAX_ITEMS + 1))
    err = refuse(text)
    item_lines = ITEM.count("\n")
    first_item_header = HEAD.count("\n") + SECTION.count("\n") + 2
    assert (err.line, err.field) == (first_item_header + MAX_ITEMS * item_lines, "items")
    assert parser_calls == []


def test_too_many_sections_is_refused():
    text = HEAD + "".join(SECTION.format(n=n) + ITEM.format(n=n) for n in range(MAX_SECTIONS + 1))
    err = refuse(text)
    assert err.field == "sections" and str(MAX_SECTIONS) in err.message


def test_too_many_items_in_inline_form_is_refused_after_parsing():
    # Inline tables have no headers to count, so the item limit is enforced while building.
    items = ", ".join('{code = "x"}' for _ in range(MAX_ITEMS + 1))
    err = refuse(HEAD + SECTION.format(n=1) + f"items = [{items}]\n")
    assert err.field == "items" and str(MAX_ITEMS) in err.message


def test_exactly_the_item_limit_is_accepted():
    per_section = MAX_ITEMS // 10
    text = HEAD + "".join(
        SECTION.format(n=s) + "".join(ITEM.format(n=f"{s}-{i}") for i in range(per_section))
        for s in range(10))
    assert sum(1 for _ in parse_checklist(text, "ok.toml").items()) == MAX_ITEMS


def test_deep_nesting_is_an_error_not_a_crash():
    err = refuse(HEAD + "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert err.field in {"toml", "file"}


def test_escaped_quote_runs_do_not_make_the_scan_quadratic():
    # A naive string regex rescans the rest of the line from every quote: 500k quotes would hang. Judged by how
    # the time grows (ten times the quotes: about ten times the time, a hundred if quadratic), not by a wall-clock
    # limit a loaded machine can miss.
    _, small = timed_refusal(HEAD + 'x = "' + '\\"' * 50_000 + "\n")
    err, seconds = timed_refusal(HEAD + 'x = "' + '\\"' * 500_000 + "\n")
    assert err.field == "toml"
    assert seconds < 30 * max(small, 0.005), f"50k quotes {small:.3f}s, 500k quotes {seconds:.3f}s"
