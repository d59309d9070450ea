"""Tests of accident grading (493号令 art. 3) and hazard grade parsing."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_desk.domain.grading import (
    AccidentGrade,
    HazardGrade,
    grade_accident,
    parse_hazard_grade,
    severity_rank,
)

G = AccidentGrade


# Expected grades come from the art. 3 table: "以上" includes the number, "以下" excludes it.
@pytest.mark.parametrize(
    ("deaths", "expected"),
    [
        (0, G.GENERAL),
        (2, G.GENERAL),
        (3, G.LARGER),
        (9, G.LARGER),
        (10, G.MAJOR),
        (29, G.MAJOR),
        (30, G.ESPECIALLY_MAJOR),
        (31, G.ESPECIALLY_MAJOR),
        (1000, G.ESPECIALLY_MAJOR),
    ],
)
def test_deaths_boundaries(deaths, expected):
    assert grade_accident(deaths, 0, 0) is expected


@pytest.mark.parametrize(
    ("injuries", "expected"),
    [
        (0, G.GENERAL),
        (9, G.GENERAL),
        (10, G.LARGER),
        (49, G.LARGER),
        (50, G.MAJOR),
        (99, G.MAJOR),
        (100, G.ESPECIALLY_MAJOR),
        (101, G.ESPECIALLY_MAJOR),
    ],
)
def test_serious_injuries_boundaries(injuries, expected):
    assert grade_accident(0, injuries, 0) is expected


@pytest.mark.parametrize(
    ("loss", "expected"),
    [
        (0, G.GENERAL),
        (9_999_999, G.GENERAL),
        (9_999_999.99, G.GENERAL),
        (Decimal("9999999.99"), G.GENERAL),
        (10_000_000, G.LARGER),
        (10_000_000.0, G.LARGER),
        (Decimal("10000000.00"), G.LARGER),
        (49_999_999, G.LARGER),
        (49_999_999.99, G.LARGER),
        (Decimal("49999999.99"), G.LARGER),
        (50_000_000, G.MAJOR),
        (Decimal("50000000"), G.MAJOR),
        (99_999_999, G.MAJOR),
        (99_999_999.99, G.MAJOR),
        (100_000_000, G.ESPECIALLY_MAJOR),
        (100_000_000.0, G.ESPECIALLY_MAJOR),
        (Decimal("1E8"), G.ESPECIALLY_MAJOR),
        (Fraction(200_000_001, 2), G.ESPECIALLY_MAJOR),
        (5_000_000_000, G.ESPECIALLY_MAJOR),
    ],
)
def test_direct_loss_boundaries(loss, expected):
    assert grade_accident(0, 0, loss) is expected


@pytest.mark.parametrize(
    ("deaths", "injuries", "loss", "expected"),
    [
        # The highest criterion wins, whichever argument reaches it.
        (2, 9, 9_999_999, G.GENERAL),
        (2, 10, 0, G.LARGER),
        (3, 0, 50_000_000, G.MAJOR),
        (0, 100, 10_000_000, G.ESPECIALLY_MAJOR),
        (30, 0, 0, G.ESPECIALLY_MAJOR),
        (9, 49, 49_999_999, G.LARGER),
        (9, 50, 0, G.MAJOR),
        (1, 1, 100_000_000, G.ESPECIALLY_MAJOR),
        (10, 10, 10_000_000, G.MAJOR),
        (29, 99, 99_999_999, G.MAJOR),
    ],
)
def test_highest_criterion_wins(deaths, injuries, loss, expected):
    assert grade_accident(deaths, injuries, loss) is expected


@pytest.mark.parametrize("three", [3.0, Decimal("3"), Decimal("3.000"), Fraction(6, 2)])
def test_integral_non_int_death_counts_are_accepted(three):
    assert grade_accident(three, 0, 0) is G.LARGER


@pytest.mark.parametrize("fifty", [50.0, Decimal("50"), Decimal("5E1"), Fraction(100, 2)])
def test_integral_non_int_injury_counts_are_accepted(fifty):
    assert grade_accident(0, fifty, 0) is G.MAJOR


BAD_PEOPLE = [
    -1,
    -0.0001,
    2.5,
    9.999,
    Decimal("2.5"),
    Fraction(5, 2),
    True,
    False,
    None,
    "3",
    "",
    float("nan"),
    float("inf"),
    float("-inf"),
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("sNaN"),
    complex(3, 0),
    [3],
]


@pytest.mark.parametrize("value", BAD_PEOPLE)
def test_bad_deaths_raise_naming_the_argument(value):
    with pytest.raises(ValueError, match="deaths") as info:
        grade_accident(value, 0, 0)
    assert "serious_injuries" not in str(info.value)


@pytest.mark.parametrize("value", BAD_PEOPLE)
def test_bad_serious_injuries_raise_naming_the_argument(value):
    with pytest.raises(ValueError, match="serious_injuries"):
        grade_accident(0, value, 0)


@pytest.mark.parametrize(
    "value",
    [
        -1,
        -0.01,
        Decimal("-0.01"),
        True,
        False,
        None,
        "10000000",
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        Decimal("sNaN"),
        complex(1, 1),
    ],
)
def test_bad_loss_raises_naming_the_argument(value):
    with pytest.raises(ValueError, match="direct_loss_yuan"):
        grade_accident(0, 0, value)


def test_error_message_shows_the_offending_value():
    with pytest.raises(ValueError, match=r"2\.5"):
        grade_accident(2.5, 0, 0)
    with pytest.raises(ValueError, match="-7"):
        grade_accident(0, -7, 0)


def test_grades_order_by_severity_not_by_code_point():
    ordered = [G.GENERAL, G.LARGER, G.MAJOR, G.ESPECIALLY_MAJOR]
    assert [g.rank for g in ordered] == [0, 1, 2, 3]
    assert [severity_rank(g) for g in ordered] == [0, 1, 2, 3]
    # Code-point order of the Chinese names is different, so sorting must use severity.
    assert sorted(["重大", "一般", "特别重大", "较大"]) != [g.value for g in ordered]
    assert sorted(reversed(ordered)) == ordered
    assert max(G.GENERAL, G.MAJOR, G.LARGER) is G.MAJOR
    assert G.GENERAL < G.LARGER < G.MAJOR < G.ESPECIALLY_MAJOR
    assert G.ESPECIALLY_MAJOR > G.MAJOR >= G.MAJOR
    assert G.LARGER <= G.LARGER
    assert not G.MAJOR < G.LARGER


def test_grade_values_and_str_equality():
    assert [g.value for g in G] == ["一般", "较大", "重大", "特别重大"]
    assert G.MAJOR == "重大"
    assert {G.MAJOR: 1}["重大"] == 1


def test_comparing_with_a_grade_name_uses_severity_from_either_side():
    # Code-point order is 一般 < 特别重大 < 较大 < 重大, so these disagree with it on purpose.
    assert G.ESPECIALLY_MAJOR > "重大"
    assert "重大" < G.ESPECIALLY_MAJOR
    assert G.MAJOR > "一般"
    assert "一般" < G.MAJOR
    assert not "特别重大" < G.LARGER
    assert G.LARGER <= "较大"


@pytest.mark.parametrize("other", ["严重", "", 1, None])
def test_comparing_grade_with_non_grade_is_refused(other):
    with pytest.raises(TypeError):
        _ = G.MAJOR < other
    with pytest.raises(TypeError):
        _ = other > G.MAJOR


@pytest.mark.parametrize(
    ("grade", "expected"),
    [(G.GENERAL, False), (G.LARGER, True), (G.MAJOR, True), (G.ESPECIALLY_MAJOR, True)],
)
def test_is_larger_or_above(grade, expected):
    assert grade.is_larger_or_above is expected


people = st.integers(min_value=0, max_value=500)
money = st.integers(min_value=0, max_value=300_000_000)


@given(people, people, money, people, people, money)
def test_grade_is_monotonic_in_every_criterion(d, i, m, extra_d, extra_i, extra_m):
    assert grade_accident(d + extra_d, i + extra_i, m + extra_m) >= grade_accident(d, i, m)


@given(people, people, money)
def test_grade_is_at_least_each_single_criterion(d, i, m):
    combined = grade_accident(d, i, m)
    assert combined == max(grade_accident(d, 0, 0), grade_accident(0, i, 0), grade_accident(0, 0, m))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一般", HazardGrade.GENERAL), ("重大", HazardGrade.MAJOR), ("  重大\n", HazardGrade.MAJOR)],
)
def test_parse_hazard_grade(text, expected):
    assert parse_hazard_grade(text) is expected


@pytest.mark.parametrize("text", ["", "较大", "major", "重 大", None, 1])
def test_parse_hazard_grade_rejects_unknown_and_lists_choices(text):
    with pytest.raises(ValueError) as info:
        parse_hazard_grade(text)
    message = str(info.value)
    assert "一般" in message and "重大" in message
    assert repr(text) in message
