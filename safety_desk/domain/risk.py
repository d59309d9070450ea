"""LEC (作业条件危险性评价法) risk scoring and the four-colour risk levels of 双重预防."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Mapping


class RiskLevel(StrEnum):
    """Four-colour risk level (安委办〔2016〕11号); the value is the Chinese name."""

    MAJOR = "重大风险"
    SIGNIFICANT = "较大风险"
    GENERAL = "一般风险"
    LOW = "低风险"

    @property
    def colour(self) -> str:
        """Colour the level is shown in: red, orange, yellow or blue."""
        return _LEVEL_COLOURS[self]


_LEVEL_COLOURS = {
    RiskLevel.MAJOR: "red",
    RiskLevel.SIGNIFICANT: "orange",
    RiskLevel.GENERAL: "yellow",
    RiskLevel.LOW: "blue",
}

# Factor tables, regulations.md §6. Keys are the scores as users type them (int where whole).
LIKELIHOOD_SCORES: Mapping[int | float, str] = {
    10: "完全可以预料",
    6: "相当可能",
    3: "可能，但不经常",
    1: "可能性小，完全意外",
    0.5: "很不可能，可以设想",
    0.2: "极不可能",
    0.1: "实际不可能",
}
EXPOSURE_SCORES: Mapping[int | float, str] = {
    10: "连续暴露",
    6: "每天工作时间内暴露",
    3: "每周一次或偶然暴露",
    2: "每月一次暴露",
    1: "每年几次暴露",
    0.5: "非常罕见地暴露",
}
CONSEQUENCE_SCORES: Mapping[int | float, str] = {
    100: "大灾难，许多人死亡",
    40: "灾难，数人死亡",
    15: "非常严重，一人死亡",
    7: "严重，重伤",
    3: "重大，致残",
    1: "引人注目，需要救护",
}


def _exact(value: int | float | Decimal) -> Decimal:
    # Going through repr turns the float 0.1 into Decimal("0.1") rather than its binary
    # expansion, so products like 0.1 × 10 × 70 land exactly on a band boundary.
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _is_finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    return math.isfinite(value)


@dataclass(frozen=True)
class LecThresholds:
    """Lower bounds of the three upper risk bands on D; local standards differ, so configurable.

    With `inclusive=False` (the common mapping) a band starts strictly above its bound
    (D > 320 is 重大风险); with `inclusive=True` it starts at the bound (D ≥ 320).
    """

    major_above: int | float | Decimal = 320
    significant_above: int | float | Decimal = 160
    general_above: int | float | Decimal = 70
    inclusive: bool = False

    def __post_init__(self) -> None:
        for name in ("major_above", "significant_above", "general_above"):
            bound = getattr(self, name)
            if not _is_finite_number(bound):
                raise ValueError(f"LEC threshold {name} must be a finite number, got {bound!r}")
            if bound < 0:
                raise ValueError(f"LEC threshold {name} must not be negative, got {bound!r}")
        if not isinstance(self.inclusive, bool):
            raise ValueError(
                f"LEC threshold inclusive must be True or False, got {self.inclusive!r}"
            )
        if not (self.major_above > self.significant_above > self.general_above):
            raise ValueError(
                "LEC thresholds must descend strictly (major_above > significant_above > "
                f"general_above), got {self.major_above!r}, {self.significant_above!r}, "
                f"{self.general_above!r}"
            )


DEFAULT_THRESHOLDS = LecThresholds()


@dataclass(frozen=True)
class LecResult:
    """Outcome of an LEC evaluation: D = L × E × C and the risk level it falls in."""

    score: float
    level: RiskLevel


def _exact_table(table: Mapping[int | float, str]) -> frozenset[Decimal]:
    return frozenset(_exact(score) for score in table)


_ALLOWED_EXACT = {
    "L": _exact_table(LIKELIHOOD_SCORES),
    "E": _exact_table(EXPOSURE_SCORES),
    "C": _exact_table(CONSEQUENCE_SCORES),
}
_ALLOWED_SHOWN = {
    "L": LIKELIHOOD_SCORES,
    "E": EXPOSURE_SCORES,
    "C": CONSEQUENCE_SCORES,
}


def _factor(name: str, value: Any) -> Decimal:
    """`value` as an exact factor score, or ValueError naming the factor and its allowed values."""
    allowed = ", ".join(str(score) for score in _ALLOWED_SHOWN[name])
    if not _is_finite_number(value):
        raise ValueError(f"LEC factor {name} must be one of {allowed}, got {value!r}")
    exact = _exact(value)
    if exact not in _ALLOWED_EXACT[name]:
        raise ValueError(f"LEC factor {name} must be one of {allowed}, got {value!r}")
    return exact


def _reaches(score: Decimal, bound: int | float | Decimal, inclusive: bool) -> bool:
    exact_bound = _exact(bound)
    return score >= exact_bound if inclusive else score > exact_bound


def risk_level_for_score(
    score: int | float | Decimal, thresholds: LecThresholds = DEFAULT_THRESHOLDS
) -> RiskLevel:
    """The risk level of a D score under `thresholds` (default: >320 / >160 / >70)."""
    if not _is_finite_number(score) or score < 0:
        raise ValueError(f"LEC score D must be a finite non-negative number, got {score!r}")
    exact = _exact(score)
    if _reaches(exact, thresholds.major_above, thresholds.inclusive):
        return RiskLevel.MAJOR
    if _reaches(exact, thresholds.significant_above, thresholds.inclusive):
        return RiskLevel.SIGNIFICANT
    if _reaches(exact, thresholds.general_above, thresholds.inclusive):
        return RiskLevel.GENERAL
    return RiskLevel.LOW


def lec(  # noqa: E741 - L, E, C are the method's own names for its factors
    l: Any, e: Any, c: Any, thresholds: LecThresholds = DEFAULT_THRESHOLDS
) -> LecResult:
    """Evaluate D = L × E × C; each factor must be a value from its §6 table."""
    score = _factor("L", l) * _factor("E", e) * _factor("C", c)
    # The band is decided on the exact Decimal product; float is only for display and storage.
    return LecResult(score=float(score), level=risk_level_for_score(score, thresholds))
