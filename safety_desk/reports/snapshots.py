"""A document's figures as plain JSON and back: what a filed (报出) statistic stores and reprints from."""

from __future__ import annotations

import dataclasses
import enum
import json
import typing
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")


def to_snapshot(figures: Any) -> dict[str, Any]:
    """The dataclass of a document's figures (nested dataclasses, lists and dicts of them) as JSON values: a day
    as its ISO text, an enumeration as its value (from_snapshot reads both back by the field's type)."""
    return json.loads(json.dumps(dataclasses.asdict(figures), ensure_ascii=False, default=_plain))


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not a snapshot value")


def _rebuild(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum) and value is not None:
        return kind(value)
    if dataclasses.is_dataclass(kind) and isinstance(value, dict):
        return from_snapshot(kind, value)
    if origin in (list, tuple) and isinstance(value, list):
        (inner, *_) = typing.get_args(kind) or (Any,)
        return origin(_rebuild(inner, item) for item in value)
    if origin is dict and isinstance(value, dict):
        _, inner = typing.get_args(kind) or (Any, Any)
        return {key: _rebuild(inner, item) for key, item in value.items()}
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        for option in typing.get_args(kind):
            if dataclasses.is_dataclass(option) and isinstance(value, dict):
                return from_snapshot(option, value)
            if option is date and isinstance(value, str):
                return date.fromisoformat(value)
    return value


def from_snapshot(kind: type[T], snapshot: dict[str, Any]) -> T:
    """The dataclass `kind` of a snapshot to_snapshot made; fields a later version added take their defaults."""
    hints = typing.get_type_hints(kind)
    values = {field.name: _rebuild(hints[field.name], snapshot[field.name])
              for field in dataclasses.fields(kind) if field.name in snapshot}
    return kind(**values)
