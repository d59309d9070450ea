"""Each kind of checklist error names the right file, line and field."""

import pytest

from safety_desk.domain.checklist import ChecklistError, parse_checklist

# Line numbers are part of the fixture: tests replace single lines so nothing below them moves.
BASE_LINES = [
    'id = "t"',                 # 1
    "version = 1",              # 2
    'title = "测试"',           # 3
    "effective = 2026-01-01",   # 4
    'standard = "S"',           # 5
    "standard_superseded = false",  # 6
    'industries = ["*"]',       # 7
    'description = "d"',        # 8
    "",                         # 9
    "[[sections]]",             # 10
    'code = "A"',               # 11
    'title = "甲"',             # 12
    "",                         # 13
    "[[sections.items]]",       # 14
    'code = "A-1"',             # 15
    'text = "t1"',              # 16
    'guidance = "g"',           # 17
    'basis = "b"',              # 18
    'kind = "pass_fail"',       # 19
    "weight = 2",               # 20
    "photo_on_fail = false",    # 21
    'tag = "V"',                # 22
    "",                         # 23
    "[[sections]]",             # 24
    'code = "B"',               # 25
    'title = "乙"',             # 26
    'gate = "有吗？"',          # 27
    "",                         # 28
    "[[sections.items]]",       # 29
    'code = "B-1"',             # 30
    'text = "t2"',              # 31
    'guidance = "g"',           # 32
    'basis = "b"',              # 33
    'kind = "pass_fail"',       # 34
    "weight = 1",               # 35
    "photo_on_fail = true",     # 36
    'tag = "M"',                # 37
    'major_if_failed = { standard = "S", clause = "1" }',  # 38
    "",                         # 39
    "[[sections.items]]",       # 40
    'code = "B-2"',             # 41
    'text = "t3"',              # 42
    'guidance = "g"',           # 43
    'basis = "b"',              # 44
    'kind = "number"',          # 45
    "weight = 1.5",             # 46
    "photo_on_fail = true",     # 47
    'tag = "R"',                # 48
    'unit = "%"',               # 49
    "min = 19.5",               # 50
    "max = 23.5",               # 51
]


def text_with(**replacements: str) -> str:
    """BASE with line N replaced by replacements["lN"] (a comment stands in for a removed line)."""
    lines = list(BASE_LINES)
    for key, value in replacements.items():
        lines[int(key[1:]) - 1] = value
    return "\n".join(lines) + "\n"


def error_of(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as info:
        parse_checklist(text, "bad.toml")
    return info.value


def test_base_fixture_is_valid():
    checklist = parse_checklist(text_with(), "ok.toml")
    assert [i.code for i in checklist.items()] == ["A-1", "B-1", "B-2"]


def test_error_str_is_source_line_field_message():
    err = error_of(text_with(l35='weight = "1"'))
    assert str(err) == f"bad.toml:35: sections[2].items[1].weight: {err.message}"
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(("replacements", "line", "field"), [
    # TOML syntax errors: line taken from tomllib's message
    ({"l20": "weight = = 2"}, 20, "toml"),
    ({"l33": 'basis = "b'}, 33, "toml"),
    ({"l26": 'code = "again"'}, 26, "toml"),  # key declared twice in one table
    # missing keys point at the table header
    ({"l17": "# guidance removed"}, 14, "sections[1].items[1].guidance"),
    ({"l34": "# kind removed"}, 29, "sections[2].items[1].kind"),
    ({"l12": "# title removed"}, 10, "sections[1].title"),
    ({"l5": "# standard removed"}, 1, "standard"),
    # wrong types point at the key
    ({"l35": 'weight = "1"'}, 35, "sections[2].items[1].weight"),
    ({"l36": 'photo_on_fail = "yes"'}, 36, "sections[2].items[1].photo_on_fail"),
    ({"l2": 'version = "1"'}, 2, "version"),
    ({"l2": "version = true"}, 2, "version"),
    ({"l4": 'effective = "2026-01-01"'}, 4, "effective"),
    ({"l4": "effective = 2026-01-01T08:00:00"}, 4, "effective"),
    ({"l7": 'industries = "*"'}, 7, "industries"),
    ({"l27": "gate = true"}, 27, "sections[2].gate"),
    # duplicate codes: line of the second one
    ({"l41": 'code = "A-1"'}, 41, "sections[2].items[2].code"),
    ({"l25": 'code = "A"'}, 25, "sections[2].code"),
    # unknown keys: line of the key
    ({"l20": "wieght = 2"}, 20, "sections[1].items[1].wieght"),
    ({"l9": 'autor = "x"'}, 9, "autor"),
    ({"l28": 'gates = "x"'}, 28, "sections[2].gates"),
    # bad enum values
    ({"l19": 'kind = "yes_no"'}, 19, "sections[1].items[1].kind"),
    ({"l37": 'tag = "X"'}, 37, "sections[2].items[1].tag"),
    ({"l37": 'tag = "v"'}, 37, "sections[2].items[1].tag"),
    # choice item without choices: header of the item
    ({"l34": 'kind = "choice"'}, 29, "sections[2].items[1].choices"),
    # weight must be > 0
    ({"l20": "weight = 0"}, 20, "sections[1].items[1].weight"),
    ({"l46": "weight = -1.5"}, 46, "sections[2].items[2].weight"),
    ({"l46": "weight = nan"}, 46, "sections[2].items[2].weight"),
    # major_if_failed needs both standard and clause
    ({"l38": 'major_if_failed = { standard = "S" }'}, 38, "sections[2].items[1].major_if_failed.clause"),
    ({"l38": 'major_if_failed = { clause = "1" }'}, 38, "sections[2].items[1].major_if_failed.standard"),
    ({"l38": 'major_if_failed = { standard = "S", clause = " " }'}, 38,
     "sections[2].items[1].major_if_failed.clause"),
    ({"l38": 'major_if_failed = { standard = "S", clause = "1", level = 2 }'}, 38,
     "sections[2].items[1].major_if_failed.level"),
    # kind-specific keys on the wrong kind, and bad ranges
    ({"l21": 'unit = "m"'}, 21, "sections[1].items[1].unit"),
    ({"l51": "max = 10"}, 51, "sections[2].items[2].max"),
    # other checklist-level rules
    ({"l6": "standard_superseded = true"}, 6, "superseded_by"),
    ({"l7": 'industries = ["化工"]'}, 7, "industries"),
    ({"l7": 'industries = ["*", "冶金"]'}, 7, "industries"),
    ({"l1": 'id = "Has Space"'}, 1, "id"),
    ({"l15": 'code = ""'}, 15, "sections[1].items[1].code"),
])
def test_error_points_at_line_and_field(replacements, line, field):
    err = error_of(text_with(**replacements))
    assert (err.source, err.line, err.field) == ("bad.toml", line, field), str(err)


def test_unknown_key_suggests_the_close_name():
    err = error_of(text_with(l20="wieght = 2"))
    assert "did you mean 'weight'" in err.message


def test_bad_tag_message_lists_allowed_values():
    assert "V, R, M" in error_of(text_with(l37='tag = "X"')).message


def test_empty_section_points_at_its_header():
    text = text_with() + '\n[[sections]]\ncode = "C"\ntitle = "丙"\n'
    assert len(BASE_LINES) == 51  # so the new header is line 53
    err = error_of(text)
    assert (err.line, err.field) == (53, "sections[3].items")


def test_empty_inline_items_array_points_at_the_key():
    text = text_with() + '\n[[sections]]\ncode = "C"\ntitle = "丙"\nitems = []\n'
    err = error_of(text)
    assert (err.line, err.field) == (56, "sections[3].items")


def test_choice_item_needs_two_choices_and_a_passing_one():
    one = text_with(l45='kind = "choice"', l49='choices = ["绿区"]', l50="#", l51="#")
    assert (error_of(one).line, error_of(one).field) == (49, "sections[2].items[2].choices")
    all_fail = text_with(l45='kind = "choice"', l49='choices = ["绿区", "红区"]',
                         l50='fail_choices = ["绿区", "红区"]', l51="#")
    assert (error_of(all_fail).line, error_of(all_fail).field) == (50, "sections[2].items[2].fail_choices")
    stray = text_with(l45='kind = "choice"', l49='choices = ["绿区", "红区"]',
                      l50='fail_choices = ["黄区"]', l51="#")
    assert error_of(stray).line == 50


def test_choices_on_pass_fail_item_points_at_choices():
    err = error_of(text_with(l23='choices = ["a", "b"]'))
    assert (err.line, err.field) == (23, "sections[1].items[1].choices")


def test_strings_that_look_like_headers_do_not_shift_lines():
    # A multi-line description containing header- and key-like lines must not confuse the locator.
    text = text_with(l8='description = """', l9="[[sections.items]]\nweight = 0\n\"\"\"")
    # l9 became three lines, so the old line 20 (weight) is now line 22.
    err = error_of(text.replace("weight = 2", "weight = -2"))
    assert (err.line, err.field) == (22, "sections[1].items[1].weight")


def test_major_if_failed_as_subtable_points_at_its_header():
    text = text_with(l38="[sections.items.major_if_failed]", l39='standard = "S"')
    err = error_of(text)
    assert (err.line, err.field) == (38, "sections[2].items[1].major_if_failed.clause")


def test_syntax_error_at_end_of_document():
    err = error_of(text_with() + 'extra = "unterminated')
    assert (err.line, err.field) == (52, "toml")


def test_inline_sections_form_points_at_the_sections_key():
    text = "\n".join(BASE_LINES[:8]) + '\nsections = [{ code = "A", title = "t", items = [] }]\n'
    err = error_of(text)
    assert (err.line, err.field) == (9, "sections[1].items")
