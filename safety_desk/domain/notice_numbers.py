"""Rectification notice numbers (发文字号): a pattern such as 国资安通〔{year}〕{seq}号 applied to (year, sequence)."""

from __future__ import annotations

import string

from safety_desk.domain.language import say

# GB/T 9704-2012 §7.2.4: organ code, year in 〔〕, number, 号; no 第 before the number, no leading zeros.
DEFAULT_NOTICE_PATTERN = "国资安通〔{year}〕{seq}号"
DEFAULT_BLOCK_SIZE = 100
MAX_BLOCK_SIZE = 10_000
_FIELDS = ("year", "seq")


class NoticePatternError(ValueError):
    """A numbering pattern that cannot number notices; the message says what is wrong."""


def validate_notice_pattern(pattern: str) -> str:
    """The pattern, stripped, if it names {year} and {seq} and nothing else; NoticePatternError otherwise.

    Both fields are required: a number without the year repeats every year, one without the sequence
    number repeats every notice. Format specifications such as {seq:03d} are allowed.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise NoticePatternError(say("通知书编号格式不能为空", "the notice number pattern is empty"))
    pattern = pattern.strip()
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError:
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”的花括号不成对",
                                     f"unbalanced braces in the notice number pattern “{pattern}”; write {{year}} and {{seq}}")) from None
    unknown = sorted({name for name in names if name not in _FIELDS})
    if unknown:
        shown = "、".join("{" + name + "}" for name in unknown)
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”含有未知字段 {shown}，只能使用 {{year}} 和 {{seq}}",
                                     f"notice number pattern “{pattern}”: unknown fields {shown}; only {{year}} and {{seq}} are allowed"))
    missing = [name for name in _FIELDS if name not in names]
    if missing:
        shown = "、".join("{" + name + "}" for name in missing)
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”必须包含 {{year}} 和 {{seq}}，缺少 {shown}",
                                     f"the notice number pattern “{pattern}” must contain {{year}} and {{seq}}; missing {shown}"))
    try:
        first, second = pattern.format(year=2026, seq=1), pattern.format(year=2026, seq=2)
    except (ValueError, TypeError, IndexError, KeyError):
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”无法使用",
                                     f"the notice number pattern “{pattern}” cannot be applied; check the text inside the braces")) from None
    if first == second:
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”不能区分序号",
                                     f"the notice number pattern “{pattern}” gives the same number for different sequence numbers"))
    if "第{seq" in pattern:
        raise NoticePatternError(say(f"通知书编号格式“{pattern}”中序号前不加“第”：发文字号写作 国资安通〔2026〕4号",
                                     f"the notice number pattern “{pattern}” puts 第 before the sequence number: a "
                                     "document number is written without it, like 国资安通〔2026〕4号"))
    return pattern


def without_ordinal(pattern: str) -> str:
    """A pattern of an earlier version (国资安通〔{year}〕第{seq}号) as a 文号 is written: the 第 dropped."""
    return pattern.replace("第{seq", "{seq")


def format_notice_number(pattern: str, year: int, seq: int) -> str:
    """The number of the seq-th notice of `year`, e.g. 国资安通〔2026〕12号."""
    if seq < 1:
        raise ValueError(f"notice sequence number {seq} must be 1 or more")
    return validate_notice_pattern(pattern).format(year=year, seq=seq)


def validate_block_size(size: int) -> int:
    """A block of notice numbers holds 1 to MAX_BLOCK_SIZE numbers."""
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_BLOCK_SIZE:
        raise ValueError(say(f"编号段大小必须在 1 到 {MAX_BLOCK_SIZE} 之间",
                             f"a block of notice numbers holds 1 to {MAX_BLOCK_SIZE} numbers, not {size!r}"))
    return size
