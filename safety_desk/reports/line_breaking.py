"""Chinese line breaking for ReportLab paragraphs: no closing mark at a line's start, no opening one at its end.

ReportLab's CJK wrap (wordWrap="CJK") hangs at most one closing mark in the margin and knows neither the
full-width comma, colon and semicolon nor opening marks, so "（签收）：" ended with "：" alone at the start of a
line and "《" at the end of one. This breaks each line where ReportLab would, then moves the break back over
such marks and over a run of Latin letters and digits (a date, a standard's number), as Chinese typesetting
does (避头尾). `install()` puts it in place of ReportLab's two CJK splitters.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as paragraph_module

# Marks that may not begin a line, and marks that may not end one.
CANNOT_START = frozenset("，。、；：！？”’）》〉」』】〕〗］｝…—·％,.;:!?)]}%")
CANNOT_END = frozenset("“‘（《〈「『【〔〖［｛([{")
_FUZZ = 1e-6


def _glued(left: str, right: str) -> bool:
    """Two characters of one Latin word, number, date or time (GB 30871-2022, 10:00), never parted by a break."""
    return all(c.isascii() and not c.isspace() for c in (left, right))


def _marks(text: Sequence[str], i: int) -> bool:
    """A break before text[i] would start a line with a closing mark or end one with an opening mark."""
    return text[i] in CANNOT_START or text[i - 1] in CANNOT_END


def break_points(text: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
                 forced: Sequence[bool] = ()) -> list[tuple[int, int, float]]:
    """(start, end, width) of each line of `text` (characters and their widths) filling `max_widths` in turn.

    A line ends where the next character no longer fits, moved back (never to fewer than half the line) until
    the next line does not start with a closing mark, this one does not end with an opening mark, and no Latin
    word or number is cut. `forced[i]` ends a line after character i (a <br/>).
    """
    lines: list[tuple[int, int, float]] = []
    start, count = 0, len(text)
    while start < count:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        end, used = start, 0.0
        while end < count:
            if end > start and used + widths[end] > limit + _FUZZ:
                break
            used += widths[end]
            end += 1
            if forced and forced[end - 1]:
                break
        if end < count and not (forced and forced[end - 1]):
            floor = start + max(1, (end - start) // 2)
            # First a break that parts neither marks nor a Latin run; failing that (a number wider than half the
            # line), one that parts no marks; failing that, where the line is full.
            for unbreakable in (lambda i: _marks(text, i) or _glued(text[i - 1], text[i]), lambda i: _marks(text, i)):
                candidate = end
                while candidate > floor and unbreakable(candidate):
                    candidate -= 1
                if not unbreakable(candidate):
                    end = candidate
                    break
            used = sum(widths[start:end])
        lines.append((start, end, used))
        start = end
    return lines


def _word_split(word: str, max_widths: Sequence[float], font_name: str, font_size: float,
                encoding: str = "utf8") -> list[list]:
    """ReportLab's textsplit.wordSplit for a paragraph of one run of text: [extra space, line text] per line."""
    if isinstance(word, bytes):
        word = word.decode(encoding)
    widths = [stringWidth(c, font_name, font_size) for c in word]
    lines = []
    for number, (start, end, used) in enumerate(break_points(word, widths, max_widths)):
        limit = max_widths[min(number, len(max_widths) - 1)]
        lines.append([limit - used, word[start:end].strip(" ")])  # a space at a break is not printed
    return lines


def _frag_split(frags, max_widths, calc_bounds, encoding: str = "utf8"):
    """ReportLab's cjkFragSplit for a paragraph of several runs (styles, <br/>): one ParaLines of CJK lines."""
    units = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        if text:
            units.extend(paragraph_module.cjkU(c, frag, encoding) for c in text)
        else:
            units.append(paragraph_module.cjkU(text, frag, encoding))
    widths = []
    for unit in units:
        width = unit.width
        if hasattr(width, "normalizedValue"):  # a width given as a share of the line
            width._normalizer = max_widths[0]
            width = width.normalizedValue(max_widths[0])
        widths.append(width)
    forced = [hasattr(unit.frag, "lineBreak") for unit in units]
    text = [str(unit) or " " for unit in units]
    lines = []
    for number, (start, end, used) in enumerate(break_points(text, widths, max_widths, forced)):
        limit = max_widths[min(number, len(max_widths) - 1)]
        lines.append(paragraph_module.makeCJKParaLine(units[start:end], limit, used, limit - used, forced[end - 1],
                                                      calc_bounds))
    return paragraph_module.ParaLines(kind=1, lines=lines)


def install() -> None:
    """Use these breakers for every paragraph with wordWrap="CJK" (idempotent)."""
    paragraph_module.wordSplit = _word_split
    paragraph_module.cjkFragSplit = _frag_split
