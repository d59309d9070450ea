"""A USCC in a document's particulars table stays on one line, however wide its letters are in 仿宋."""

from __future__ import annotations

from safety_desk.reports.pdf import CONTENT_WIDTH, key_value_table


def _lines_of_value(value: str) -> int:
    table = key_value_table([("统一社会信用代码", value), ("单位名称", "某某有限公司")], CONTENT_WIDTH)
    table.wrap(CONTENT_WIDTH, 1000)
    [paragraph] = table._cellvalues[0][1]  # a cell holds its flowables
    return len(paragraph.blPara.lines)


def test_a_wide_uscc_is_not_broken_over_two_lines() -> None:
    # W, M, X, H, G and D are the widest letters a USCC may hold (I, O, S, V, Z are never used).
    assert _lines_of_value("91370211DGHAAXWPMB") == 1
    assert _lines_of_value("91MWHMWHMWHMWHMWHM") == 1
    assert _lines_of_value("91370200MA3C12345X") == 1


def test_ordinary_text_still_wraps() -> None:
    assert _lines_of_value("青岛市某某区某某街道某某路一百二十三号院内东侧第二栋楼") > 1
