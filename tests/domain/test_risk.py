"""Tests of LEC risk scoring and the four-colour risk levels (regulations.md §6)."""

import itertools
from decimal import Decimal
from fractions import Fraction

import pytest

from safety_desk.domain.risk import (
    CONSEQUENCE_SCORES,
    DEFAULT_THRESHOLDS,
    EXPOSURE_SCORES,
    LIKELIHOOD_SCORES,
    LecResult,
    LecThresholds,
    RiskLevel,
    lec,
    risk_level_for_score,
)

R = RiskLevel

# The §6 tables, typed out again here so a slip in the module's tables fails a test.
L_VALUES = ["10", "6", "3", "1", "0.5", "0.2", "0.1"]
E_VALUES = ["10", "6", "3", "2", "1", "0.5"]
C_VALUES = ["100", "40", "15", "7", "3", "1"]


def test_factor_tables_match_regulations():
    assert sorted(LIKELIHOOD_SCORES) == sorted(float(v) for v in L_VALUES)
    assert sorted(EXPOSURE_SCORES) == sorted(float(v) for v in E_VALUES)
    assert sorted(CONSEQUENCE_SCORES) == sorted(float(v) for v in C_VALUES)
    assert LIKELIHOOD_SCORES[10] == "完全可以预料"
    assert LIKELIHOOD_SCORES[0.1] == "实际不可能"
    assert EXPOSURE_SCORES[6] == "每天工作时间内暴露"
    assert EXPOSURE_SCORES[0.5] == "非常罕见地暴露"
    assert CONSEQUENCE_SCORES[100] == "大灾难，许多人死亡"
    assert CONSEQUENCE_SCORES[7] == "严重，重伤"


def test_levels_and_colours():
    assert [(r.value, r.colour) for r in RiskLevel] == [
        ("重大风险", "red"),
        ("较大风险", "orange"),
        ("一般风险", "yellow"),
        ("低风险", "blue"),
    ]


def _band_by_regulation(d: Fraction) -> RiskLevel:
    # Common mapping of §6: red D > 320; orange 160 < D ≤ 320; yellow 70 < D ≤ 160; blue D ≤ 70.
    if d > 320:
        return R.MAJOR
    if d > 160:
        return R.SIGNIFICANT
    if d > 70:
        return R.GENERAL
    return R.LOW


@pytest.mark.parametrize(("l", "e", "c"), list(itertools.product(L_VALUES, E_VALUES, C_VALUES)))
def test_every_factor_combination(l, e, c):
    exact = Fraction(l) * Fraction(e) * Fraction(c)
    result = lec(float(l), float(e), float(c))
    assert result.level is _band_by_regulation(exact)
    # The float is the nearest one to the exact product, not the noisy float product.
    assert result.score == float(exact)


# Products nearest each boundary, found by hand from the tables (see §6): 160 and 320
# cannot be reached by any combination, so they are tested via risk_level_for_score.
@pytest.mark.parametrize(
    ("l", "e", "c", "score", "level"),
    [
        (10, 1, 7, 70, R.LOW),  # exactly 70 is still blue
        (1, 10, 7, 70, R.LOW),
        (0.5, 10, 15, 75, R.GENERAL),  # smallest product above 70
        (10, 1, 15, 150, R.GENERAL),  # largest product up to 160
        (1, 1, 100, 100, R.GENERAL),  # C=100 alone with L=E=1
        (6, 2, 15, 180, R.SIGNIFICANT),  # smallest product above 160
        (10, 6, 3, 180, R.SIGNIFICANT),
        (0.5, 6, 100, 300, R.SIGNIFICANT),  # largest product up to 320
        (10, 2, 15, 300, R.SIGNIFICANT),
        (3, 3, 40, 360, R.MAJOR),  # smallest product above 320
        (10, 10, 100, 10000, R.MAJOR),
        (0.1, 0.5, 1, 0.05, R.LOW),
    ],
)
def test_products_next_to_boundaries(l, e, c, score, level):
    assert lec(l, e, c) == LecResult(score=score, level=level)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, R.LOW),
        (70, R.LOW),
        (70.000001, R.GENERAL),
        (Decimal("70.1"), R.GENERAL),
        (160, R.GENERAL),
        (160.5, R.SIGNIFICANT),
        (320, R.SIGNIFICANT),
        (Decimal("320.0001"), R.MAJOR),
        (321, R.MAJOR),
    ],
)
def test_score_boundaries_default(score, level):
    assert risk_level_for_score(score) is level


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (69.99, R.LOW),
        (70, R.GENERAL),
        (159.9, R.GENERAL),
        (160, R.SIGNIFICANT),
        (319.9, R.SIGNIFICANT),
        (320, R.MAJOR),
    ],
)
def test_score_boundaries_inclusive(score, level):
    assert risk_level_for_score(score, LecThresholds(inclusive=True)) is level


def test_inclusive_mode_changes_the_band_of_an_exact_product():
    assert lec(10, 1, 7).level is R.LOW
    assert lec(10, 1, 7, LecThresholds(inclusive=True)).level is R.GENERAL


def test_custom_thresholds():
    strict = LecThresholds(major_above=200, significant_above=100, general_above=50)
    assert lec(6, 2, 15, strict).level is R.SIGNIFICANT  # 180
    assert lec(0.5, 6, 100, strict).level is R.MAJOR  # 300
    assert lec(10, 1, 7, strict).level is R.GENERAL  # 70
    assert lec(10, 1, 15, strict).level is R.SIGNIFICANT  # 150
    assert lec(1, 1, 40, strict).level is R.LOW  # 40
    assert lec(1, 10, 15, strict).level is R.SIGNIFICANT  # 150 > 100 but not > 200


def test_float_noise_never_flips_a_band():
    # In floats 0.1 * 3 == 0.30000000000000004 and 0.2 * 6 == 1.2000000000000002; exactly
    # they equal the bounds, so with strict ">" they must stay in the lower band.
    assert 0.1 * 3 * 1 > 0.3 and 0.2 * 6 * 1 > 1.2  # the noise the module must not see
    tiny = LecThresholds(major_above=3, significant_above=1.2, general_above=0.3)
    assert lec(0.1, 3, 1, tiny) == LecResult(score=0.3, level=R.LOW)
    assert lec(0.2, 6, 1, tiny) == LecResult(score=1.2, level=R.GENERAL)
    assert lec(0.1, 3, 1, LecThresholds(3, 1.2, 0.3, inclusive=True)).level is R.GENERAL


def test_accepts_floats_and_decimals_of_table_values():
    assert lec(10.0, Decimal("6"), Decimal("3.0")).score == 180
    assert lec(Decimal("0.1"), Decimal("0.5"), 100).score == 5


def test_default_thresholds():
    assert DEFAULT_THRESHOLDS == LecThresholds(320, 160, 70, False)


@pytest.mark.parametrize(
    ("args", "factor"),
    [
        ((0.3, 1, 1), "L"),
        ((2, 1, 1), "L"),  # 2 is an E value, not an L value
        ((100, 1, 1), "L"),
        ((0, 1, 1), "L"),
        ((-10, 1, 1), "L"),
        ((True, 1, 1), "L"),  # True == 1 but is not a score
        (("10", 1, 1), "L"),
        ((None, 1, 1), "L"),
        ((float("nan"), 1, 1), "L"),
        ((float("inf"), 1, 1), "L"),
        ((Decimal("NaN"), 1, 1), "L"),
        ((0.30000000000000004, 1, 1), "L"),
        ((1, 0.2, 1), "E"),
        ((1, 0.1, 1), "E"),
        ((1, 100, 1), "E"),
        ((1, False, 1), "E"),
        ((1, "6", 1), "E"),
        ((1, None, 1), "E"),
        ((1, float("-inf"), 1), "E"),
        ((1, 1, 10), "C"),
        ((1, 1, 0.5), "C"),
        ((1, 1, 2), "C"),
        ((1, 1, True), "C"),
        ((1, 1, "100"), "C"),
        ((1, 1, None), "C"),
        ((1, 1, float("nan")), "C"),
        ((1, 1, Decimal("sNaN")), "C"),
    ],
)
def test_bad_factor_names_the_factor_and_allowed_values(args, factor):
    with pytest.raises(ValueError) as info:
        lec(*args)
    message = str(info.value)
    assert f"factor {factor} " in message
    bad_value = args["LEC".index(factor)]
    assert repr(bad_value) in message
    allowed = {"L": L_VALUES, "E": E_VALUES, "C": C_VALUES}[factor]
    assert all(value in message for value in allowed)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"major_above": 160, "significant_above": 160, "general_above": 70},
        {"major_above": 320, "significant_above": 70, "general_above": 160},
        {"major_above": 100, "significant_above": 160, "general_above": 70},
        {"major_above": 320, "significant_above": 160, "general_above": -1},
        {"major_above": float("nan")},
        {"major_above": float("inf")},
        {"significant_above": "160"},
        {"general_above": None},
        {"general_above": True},
        {"inclusive": "yes"},
        {"inclusive": 1},
    ],
)
def test_invalid_thresholds_are_refused(kwargs):
    with pytest.raises(ValueError, match="LEC threshold"):
        LecThresholds(**kwargs)


def test_threshold_order_message_names_values():
    with pytest.raises(ValueError, match=r"descend.*320.*400.*70"):
        LecThresholds(major_above=320, significant_above=400, general_above=70)


@pytest.mark.parametrize("score", [-1, float("nan"), None, "70", True])
def test_risk_level_for_bad_score(score):
    with pytest.raises(ValueError, match="score"):
        risk_level_for_score(score)
