"""What ends a filed (报出) statistic: the 与报出数据的差异 section on a reprint after changes, then its seal."""

from __future__ import annotations

from typing import Sequence

from reportlab.platypus import Flowable

from safety_desk.domain.filing_diff import Difference
from safety_desk.reports.pdf import CONTENT_WIDTH, grid_table, para, styles
from safety_desk.reports.sealed_pdf import seal_block


def _shown(value) -> str:
    return "—" if value is None else str(value)


def filing_tail(*, seal_text: str, content_json: str, number: str, filed_on: str, printed_on: str,
                differences: Sequence[Difference] | None) -> list[Flowable]:
    """The flowables after a filed statistic's figures (which are the filed ones, unchanged); `differences`
    None on the print made as it is filed."""
    s = styles()
    story: list[Flowable] = [] if differences is None else [para("与报出数据的差异", s.heading)]
    if differences is None:
        pass
    elif differences:
        story.append(para(f"以上为 {filed_on} 报出的数据。按 {printed_on} 的记录重新统计，下列数字与报出数据不同"
                          "（报出数据不作更改，如需更正请另行报送说明）：", s.body))
        rows = [["项目", "报出数据", "现统计"]] + [[d.label, _shown(d.filed), _shown(d.now)] for d in differences]
        story.append(grid_table(rows, [CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2]))
    else:
        story.append(para(f"以上为 {filed_on} 报出的数据；按 {printed_on} 的记录重新统计，结果与报出数据一致。", s.body))
    reprinted = printed_on if printed_on != filed_on else None
    return story + seal_block(seal_text, content_json, number=number, reprinted_on=reprinted)
