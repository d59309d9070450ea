"""The weekly summary's charts: every value is printed, and no two value labels run into each other."""

from __future__ import annotations

import itertools

import pytest
from reportlab.graphics.shapes import String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from safety_desk.reports.pdf import CONTENT_WIDTH
from safety_desk.reports.weekly import bar_chart

HALF = (CONTENT_WIDTH - 4 * mm) / 2


def _boxes(drawing) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The text the drawing prints beside the chart itself (title aside), each with its extent."""
    title, *labels = [item for item in drawing.contents if isinstance(item, String)]
    boxes = []
    for label in labels:
        width = stringWidth(label.text, label.fontName, label.fontSize)
        left = {"middle": label.x - width / 2, "end": label.x - width}.get(label.textAnchor, label.x)
        boxes.append((label.text, (left, label.y - 0.2 * label.fontSize, left + width, label.y + 0.8 * label.fontSize)))
    return boxes


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


WEEKS = [f"{month}/{day}" for month, day in zip([9] * 3 + [10] * 5 + [11] * 4, [14, 21, 28, 5, 12, 19, 26, 2, 9, 16, 23, 30])]


@pytest.mark.parametrize("found, closed", [
    ([18, 23, 37, 38, 82, 66, 23, 67, 22, 50, 51, 38], [13, 9, 27, 18, 28, 50, 54, 46, 44, 41, 51, 33]),
    ([51] * 12, [51] * 12),                                   # equal neighbours: the labels would print "5151"
    ([0, 5, 0, 7, 7, 0, 3, 3, 0, 0, 1, 2], [0, 0, 4, 7, 6, 0, 0, 3, 1, 0, 1, 2]),
    ([988, 989, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999], [997, 996, 995, 994, 993, 992, 991, 990, 989,
                                                                    988, 987, 986]),  # too wide for the bars
])
def test_every_value_is_printed_and_no_labels_collide(found, closed) -> None:
    drawing = bar_chart("近12周隐患发现与销号", WEEKS, [("发现", found, colors.orange), ("销号", closed, colors.green)], HALF)
    boxes = _boxes(drawing)
    printed = [text for text, _ in boxes]
    for value in found + closed:
        if value:
            assert str(value) in printed
    for (a_text, a), (b_text, b) in itertools.combinations(boxes, 2):
        assert not _overlaps(a, b), f"{a_text} runs into {b_text}"
    for _, box in boxes:  # nothing climbs into the legend and title over the plot
        assert box[3] <= drawing.height - 22


def test_districts_print_their_counts_over_the_bars() -> None:
    drawing = bar_chart("各片区未销号隐患", ["东城片区", "西城片区", "高新区片区"],
                        [("未销号", [48, 66, 0], colors.blue)], HALF)
    assert sorted(text for text, _ in _boxes(drawing)) == ["48", "66"]  # an empty district's 0 is not printed


@pytest.mark.parametrize("top", [1, 2, 3, 7, 12, 51, 380])
def test_the_value_axis_prints_each_whole_number_once(top) -> None:
    """One enterprise's week holds 0 or 1 hazards: its axis read "0, 0, 1, 1, 2" (ticks at halves printed "%d")."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    drawing = bar_chart("近12周隐患发现与销号", WEEKS, [("发现", [0, top] + [0] * 10, colors.orange)], CONTENT_WIDTH)
    chart = next(item for item in drawing.contents if isinstance(item, VerticalBarChart))
    axis = chart.valueAxis
    axis.configure(chart.data)
    ticks = list(axis._tickValues)
    assert all(float(t).is_integer() for t in ticks), ticks
    labels = [axis.labelTextFormat % t for t in ticks]
    assert len(labels) == len(set(labels)) and ticks[-1] >= top, labels
