"""Tests of 统一社会信用代码 validation and check-digit generation (GB 32100-2015)."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from safety_desk.domain.uscc import make_uscc, validate_uscc

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

# Codes of well-known companies as published on their business licences / the national
# credit-information system (their check digits were not computed by this module).
REAL_CODES = [
    "91350100M000100Y43",  # sample widely cited in GB 32100 explanations
    "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
    "914403001922038216",  # 华为技术有限公司
    "91330100716105852F",  # 阿里巴巴（中国）有限公司
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert validate_uscc(code) == code


@pytest.mark.parametrize("code", REAL_CODES)
def test_make_uscc_reproduces_real_check_digits(code):
    assert make_uscc(code[:17]) == code


def test_hand_computed_check_digit():
    # 91350100M000100Y4: values 9,1,3,5,0,1,0,0,21(M),0,0,0,1,0,0,30(Y),4 times weights
    # 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 give
    # 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31-28 = 3.
    assert make_uscc("91350100M000100Y4")[-1] == "3"
    # A body whose weighted sum is 0 mod 31 gives 31, which maps to "0".
    assert make_uscc("00000000000000000") == "000000000000000000"


@pytest.mark.parametrize(
    "raw",
    [
        "91350100m000100y43",
        "  91350100M000100Y43\t",
        "\u300091350100M000100Y43\u3000",  # ideographic spaces
        "９１３５０１００Ｍ０００１００Ｙ４３",  # full-width digits and letters
        "９１３５０１００ｍ０００１００ｙ４３",
    ],
)
def test_normalises_case_spaces_and_full_width(raw):
    assert validate_uscc(raw) == "91350100M000100Y43"


@pytest.mark.parametrize("bad", [None, 91350100, b"91350100M000100Y43", ["91350100M000100Y43"]])
def test_non_string_is_refused(bad):
    with pytest.raises(ValueError, match="统一社会信用代码必须是字符串"):
        validate_uscc(bad)


@pytest.mark.parametrize(
    ("bad", "length"),
    [("", 0), ("91350100M000100Y4", 17), ("91350100M000100Y433", 19), ("9135 0100M000100Y43", 19)],
)
def test_wrong_length_is_refused(bad, length):
    with pytest.raises(ValueError, match=rf"长度应为18位，实为 {length}"):
        validate_uscc(bad)


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V", "-", "*", "中"])
def test_forbidden_character_is_refused_with_its_position(english, letter):
    code = "91350100M000100Y43"
    bad = code[:10] + letter + code[11:]  # position 11 (1-based)
    with pytest.raises(ValueError) as info:
        validate_uscc(bad)
    message = str(info.value)
    assert "position 11" in message and repr(letter) in message


def test_forbidden_check_character_is_refused(english):
    with pytest.raises(ValueError, match="position 18"):
        validate_uscc("91350100M000100Y4I")


@pytest.mark.parametrize("bad", ["91A50100M000100Y43", "913501H0M000100Y43", "9135010AM000100Y43"])
def test_division_code_must_be_digits(english, bad):
    with pytest.raises(ValueError, match=r"positions 3-8"):
        validate_uscc(bad)


def test_wrong_check_digit_message():
    with pytest.raises(ValueError) as info:
        validate_uscc("91350100M000100Y44")
    assert str(info.value) == "统一社会信用代码校验位错误：应为 '3'，实为 '4'"


def test_wrong_check_digit_message_in_english(english):
    with pytest.raises(ValueError) as info:
        validate_uscc("91350100M000100Y44")
    assert str(info.value) == "USCC check digit: expected '3', got '4'"


@pytest.mark.parametrize("bad", ["91350100M000100Y", "91350100M000100Y43", "91350100M00O100Y4", None])
def test_make_uscc_refuses_bad_bodies(bad):
    with pytest.raises(ValueError):
        make_uscc(bad)


def test_make_uscc_normalises_the_body():
    assert make_uscc(" 91350100m000100y4 ") == "91350100M000100Y43"


bodies = st.builds(
    lambda head, division, tail: head + division + tail,
    st.text(alphabet=CHARSET, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=CHARSET, min_size=9, max_size=9),
)


@given(bodies)
def test_any_valid_body_with_its_check_digit_validates(body):
    code = make_uscc(body)
    assert len(code) == 18 and code[:17] == body and code[17] in CHARSET
    assert validate_uscc(code) == code
    assert validate_uscc(code.lower()) == code


@given(bodies, st.integers(min_value=0, max_value=17), st.sampled_from(CHARSET))
def test_any_single_substitution_is_rejected(body, position, replacement):
    code = make_uscc(body)
    assume(code[position] != replacement)
    with pytest.raises(ValueError):
        validate_uscc(code[:position] + replacement + code[position + 1 :])


@given(bodies, st.integers(min_value=0, max_value=15))
def test_adjacent_transposition_in_body_is_rejected(body, position):
    code = make_uscc(body)
    assume(code[position] != code[position + 1])
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    with pytest.raises(ValueError):
        validate_uscc(swapped)
