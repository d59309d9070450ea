"""Accident grades (国务院令第493号 第三条) and hazard grades (一般/重大事故隐患)."""

from __future__ import annotations

import math
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any

from safety_desk.domain.language import say

# 493号令 art. 3 thresholds. "以上" includes the number and "以下" excludes it, so each
# value below is the smallest count or amount that already reaches the grade.
_LARGER_MIN_DEATHS = 3
_MAJOR_MIN_DEATHS = 10
_ESPECIALLY_MAJOR_MIN_DEATHS = 30
_LARGER_MIN_SERIOUS_INJURIES = 10
_MAJOR_MIN_SERIOUS_INJURIES = 50
_ESPECIALLY_MAJOR_MIN_SERIOUS_INJURIES = 100
_LARGER_MIN_LOSS_YUAN = 10_000_000  # 1000万元
_MAJOR_MIN_LOSS_YUAN = 50_000_000  # 5000万元
_ESPECIALLY_MAJOR_MIN_LOSS_YUAN = 100_000_000  # 1亿元


class AccidentGrade(StrEnum):
    """Grade of a 生产安全事故; the value is the Chinese name. Compares by severity."""

    GENERAL = "一般"
    LARGER = "较大"
    MAJOR = "重大"
    ESPECIALLY_MAJOR = "特别重大"

    @property
    def rank(self) -> int:
        """Severity rank: 0 for 一般 up to 3 for 特别重大."""
        return _ACCIDENT_RANKS[self]

    @property
    def is_larger_or_above(self) -> bool:
        """Whether the grade is 较大 or worse (the work plan's "较大以上" KPI)."""
        return self.rank >= _ACCIDENT_RANKS[AccidentGrade.LARGER]

    # StrEnum would otherwise compare by code point, which orders "一般" above "重大";
    # severity order is the only meaningful one. A plain str naming a grade is compared by
    # severity too (returning NotImplemented would let str fall back to code-point order).
    def __lt__(self, other: object) -> bool:
        other_rank = _rank_of_other(other)
        return NotImplemented if other_rank is None else self.rank < other_rank

    def __le__(self, other: object) -> bool:
        other_rank = _rank_of_other(other)
        return NotImplemented if other_rank is None else self.rank <= other_rank

    def __gt__(self, other: object) -> bool:
        other_rank = _rank_of_other(other)
        return NotImplemented if other_rank is None else self.rank > other_rank

    def __ge__(self, other: object) -> bool:
        other_rank = _rank_of_other(other)
        return NotImplemented if other_rank is None else self.rank >= other_rank

    # Defining comparison methods must not drop str hashing: grades are dict keys.
    __hash__ = StrEnum.__hash__


_ACCIDENT_RANKS = {
    AccidentGrade.GENERAL: 0,
    AccidentGrade.LARGER: 1,
    AccidentGrade.MAJOR: 2,
    AccidentGrade.ESPECIALLY_MAJOR: 3,
}


def _rank_of_other(other: object) -> int | None:
    """Severity rank of the right-hand side of a grade comparison; None if not comparable."""
    if isinstance(other, AccidentGrade):
        return other.rank
    if isinstance(other, str):
        try:
            return AccidentGrade(other).rank
        except ValueError:
            raise TypeError(f"cannot compare an accident grade with {other!r}") from None
    return None


def severity_rank(grade: AccidentGrade) -> int:
    """Severity rank of an accident grade (0 = 一般 … 3 = 特别重大), e.g. as a sort key."""
    return AccidentGrade(grade).rank


def _people_count(name: str, value: Any) -> int:
    """`value` as a whole, non-negative number of people, or ValueError naming `name`."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        raise ValueError(f"{name} must be a whole non-negative number of people, got {value!r}")
    if isinstance(value, int):
        count = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError(f"{name} must be a whole non-negative number of people, got {value!r}")
        count = int(value)
    elif isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise ValueError(f"{name} must be a whole non-negative number of people, got {value!r}")
        count = int(value)
    elif isinstance(value, Fraction):
        if value.denominator != 1:
            raise ValueError(f"{name} must be a whole non-negative number of people, got {value!r}")
        count = int(value)
    else:
        raise ValueError(f"{name} must be a whole non-negative number of people, got {value!r}")
    if count < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")
    return count


def _loss_amount(name: str, value: Any) -> int | float | Decimal | Fraction:
    """`value` as a finite, non-negative amount of yuan, or ValueError naming `name`."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        raise ValueError(f"{name} must be a number of yuan (int, float or Decimal), got {value!r}")
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    if not finite:
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")
    return value


def _grade_by_thresholds(
    amount: int | float | Decimal | Fraction, larger: int, major: int, especially_major: int
) -> AccidentGrade:
    # int/float/Decimal/Fraction all compare exactly with int, so 49,999,999.99 stays below 5000万.
    if amount >= especially_major:
        return AccidentGrade.ESPECIALLY_MAJOR
    if amount >= major:
        return AccidentGrade.MAJOR
    if amount >= larger:
        return AccidentGrade.LARGER
    return AccidentGrade.GENERAL


def grade_accident(deaths: Any, serious_injuries: Any, direct_loss_yuan: Any) -> AccidentGrade:
    """The 493号令 grade: the highest grade reached by deaths, serious injuries or direct loss.

    People counts accept int and integral float/Decimal/Fraction (3.0 counts as 3); a
    fractional count, bool, None, str, NaN or infinity raises ValueError naming the argument.
    The loss accepts any finite, non-negative int, float, Decimal or Fraction of yuan.
    """
    death_count = _people_count("deaths", deaths)
    injury_count = _people_count("serious_injuries", serious_injuries)
    loss = _loss_amount("direct_loss_yuan", direct_loss_yuan)
    return max(
        _grade_by_thresholds(
            death_count, _LARGER_MIN_DEATHS, _MAJOR_MIN_DEATHS, _ESPECIALLY_MAJOR_MIN_DEATHS
        ),
        _grade_by_thresholds(
            injury_count,
            _LARGER_MIN_SERIOUS_INJURIES,
            _MAJOR_MIN_SERIOUS_INJURIES,
            _ESPECIALLY_MAJOR_MIN_SERIOUS_INJURIES,
        ),
        _grade_by_thresholds(
            loss, _LARGER_MIN_LOSS_YUAN, _MAJOR_MIN_LOSS_YUAN, _ESPECIALLY_MAJOR_MIN_LOSS_YUAN
        ),
    )


class HazardGrade(StrEnum):
    """Grade of an 事故隐患 (16号令 art. 3); the value is the Chinese name stored and shown."""

    GENERAL = "一般"
    MAJOR = "重大"


def parse_hazard_grade(text: str) -> HazardGrade:
    """The hazard grade named by `text` (its Chinese name), or ValueError listing the choices."""
    choices = "、".join(grade.value for grade in HazardGrade)
    if not isinstance(text, str):
        raise ValueError(say(f"未知隐患等级 {text!r}；可选：{choices}", f"unknown hazard grade {text!r}; choose one of: {choices}"))
    try:
        return HazardGrade(text.strip())
    except ValueError:
        raise ValueError(
            say(f"未知隐患等级 {text!r}；可选：{choices}", f"unknown hazard grade {text!r}; choose one of: {choices}")
        ) from None
