"""Validation and check-digit computation of the 统一社会信用代码 (GB 32100-2015)."""

from __future__ import annotations

import unicodedata
from typing import Any

from safety_desk.domain.language import say

# GB 32100-2015 code alphabet: digits and capitals without I, O, Z, S, V (easily misread).
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_LENGTH = 18
# Weight of position i (0-based) is 3**i mod 31 for the first 17 characters.
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CHAR_VALUES = {char: value for value, char in enumerate(USCC_CHARSET)}
# 0-based slice of the 登记管理机关行政区划码 (positions 3-8), which is always six digits.
_DIVISION_CODE = slice(2, 8)


def _normalise(code: str) -> str:
    # NFKC folds full-width letters, digits and the ideographic space to ASCII.
    return unicodedata.normalize("NFKC", code).strip().upper()


def _check_characters(text: str) -> None:
    """Raise ValueError if `text` (body or full code) breaks the charset or division rule."""
    for index, char in enumerate(text):
        if char not in _CHAR_VALUES:
            raise ValueError(
                say(f"统一社会信用代码第{index + 1}位字符非法: {char!r}；允许的字符：{USCC_CHARSET}",
                    f"USCC: invalid character at position {index + 1}: {char!r}; allowed: {USCC_CHARSET}")
            )
    division = text[_DIVISION_CODE]
    if not division.isdigit() or not division.isascii():
        raise ValueError(
            say(f"统一社会信用代码第3-8位行政区划码必须为数字，实为 {division!r}",
                f"USCC positions 3-8, the administrative division code, must be digits: got {division!r}")
        )


def _check_char(body: str) -> str:
    weighted_sum = sum(_CHAR_VALUES[char] * weight for char, weight in zip(body, USCC_WEIGHTS))
    check = 31 - weighted_sum % 31
    return USCC_CHARSET[0 if check == 31 else check]


def validate_uscc(code: Any) -> str:
    """The normalised 18-character code, or ValueError naming the rule that failed.

    Accepts lower case, surrounding spaces and full-width characters. Checks length,
    character set, digits in positions 3-8 and the check digit; positions 1-2
    (registration authority and organisation type) are only checked against the charset.
    """
    if not isinstance(code, str):
        raise ValueError(
            say(f"统一社会信用代码必须是字符串，实为 {type(code).__name__}: {code!r}",
                f"USCC: the code must be text, got {type(code).__name__}: {code!r}")
        )
    normalised = _normalise(code)
    if len(normalised) != USCC_LENGTH:
        raise ValueError(
            say(f"统一社会信用代码长度应为18位，实为 {len(normalised)}: {code!r}",
                f"USCC: the length must be 18, got {len(normalised)}: {code!r}")
        )
    _check_characters(normalised)  # covers the check character (position 18) too
    check = normalised[-1]
    expected = _check_char(normalised[:-1])
    if check != expected:
        raise ValueError(
            say(f"统一社会信用代码校验位错误：应为 {expected!r}，实为 {check!r}",
                f"USCC check digit: expected {expected!r}, got {check!r}")
        )
    return normalised


def make_uscc(body17: Any) -> str:
    """The 18-character code made of `body17` (normalised) plus its check digit."""
    if not isinstance(body17, str):
        raise ValueError(
            say(f"统一社会信用代码本体必须是字符串，实为 {type(body17).__name__}: {body17!r}",
                f"USCC body must be text, got {type(body17).__name__}: {body17!r}")
        )
    body = _normalise(body17)
    if len(body) != USCC_LENGTH - 1:
        raise ValueError(
            say(f"统一社会信用代码本体长度应为17位，实为 {len(body)}: {body17!r}",
                f"USCC body: the length must be 17, got {len(body)}: {body17!r}")
        )
    _check_characters(body)
    return body + _check_char(body)
