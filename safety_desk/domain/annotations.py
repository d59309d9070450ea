"""Annotations drawn over a photo (arrow, circle, text): shapes kept apart from the untouched photo file."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any

from safety_desk.domain.language import say

KINDS = ("arrow", "circle", "text")
DEFAULT_COLOUR = "#e53935"
MAX_TEXT = 200
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
_FIELDS = ("kind", "x1", "y1", "x2", "y2", "text", "colour")


@dataclass(frozen=True)
class Annotation:
    """One shape. Coordinates are fractions (0..1) of the photo's width and height, so they hold at any size.

    arrow: from (x1, y1) to the head at (x2, y2); circle: the ellipse inside the box (x1, y1)-(x2, y2);
    text: written from (x1, y1) (x2, y2 are kept but unused).
    """

    kind: str
    x1: float
    y1: float
    x2: float
    y2: float
    text: str = ""
    colour: str = DEFAULT_COLOUR

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(say(f"标注：未知的标注类型 {self.kind!r}；应为 {', '.join(KINDS)}",
                                 f"annotation kind: unknown kind {self.kind!r}; expected one of {', '.join(KINDS)}"))
        for name in ("x1", "y1", "x2", "y2"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(say(f"标注坐标 {name} 必须是数字，实为 {value!r}",
                                     f"annotation {name}: must be a number, got {value!r}"))
            if not math.isfinite(value) or not 0 <= value <= 1:
                raise ValueError(say(f"标注坐标 {name} 须在 0 到 1 之间，实为 {value!r}",
                                     f"annotation {name}: must be a fraction from 0 to 1, got {value!r}"))
            object.__setattr__(self, name, float(value))
        if not isinstance(self.text, str):
            raise ValueError(say(f"标注：文字必须是字符串，实为 {self.text!r}",
                                 f"annotation text: must be a string, got {self.text!r}"))
        text = self.text.strip()
        if self.kind == "text" and not text:
            raise ValueError(say("标注：文字标注不能为空", "annotation text: a text annotation needs text"))
        if self.kind != "text" and text:
            raise ValueError(say(f"标注：只有文字标注带文字（类型 {self.kind}）",
                                 f"annotation text: only text annotations carry text, kind {self.kind}"))
        if len(text) > MAX_TEXT:
            raise ValueError(say(f"标注：文字过长", f"annotation text: longer than {MAX_TEXT} characters"))
        object.__setattr__(self, "text", text)
        colour = self.colour.lower() if isinstance(self.colour, str) else self.colour
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise ValueError(say(f"标注：颜色格式应为 #rrggbb，实为 {self.colour!r}",
                                 f"annotation colour: must be #rrggbb, got {self.colour!r}"))
        object.__setattr__(self, "colour", colour)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> "Annotation":
        """Check and build one shape from stored data; raise ValueError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError(say(f"标注：标注必须是对象，实为 {type(data).__name__}",
                                 f"annotation: must be an object, got {type(data).__name__}"))
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise ValueError(say(f"标注：未知字段 {', '.join(map(str, unknown))}",
                                 f"annotation: unknown fields {', '.join(map(str, unknown))}"))
        missing = [name for name in ("kind", "x1", "y1", "x2", "y2") if name not in data]
        if missing:
            raise ValueError(say(f"标注：缺少字段 {', '.join(missing)}",
                                 f"annotation: missing fields {', '.join(missing)}"))
        return cls(**data)


def parse_shapes(shapes: list[Any]) -> tuple[list[Annotation], list[Any]]:
    """(valid annotations, shapes this version cannot read). Unreadable ones are kept by callers and
    written back unchanged, so a newer program's shapes (or a damaged one) are never silently lost."""
    valid, unreadable = [], []
    for shape in shapes:
        try:
            valid.append(Annotation.from_dict(shape))
        except (TypeError, ValueError):
            unreadable.append(shape)
    return valid, unreadable


def as_shapes(annotations: list[Annotation], keep: list[Any] = ()) -> list[Any]:
    """The stored form of `annotations`, plus `keep` (the unreadable shapes loaded earlier) written back as they were."""
    return [a.to_dict() for a in annotations] + list(keep)
