"""Row <-> dataclass conversion: JSON for list/dict fields, 0/1 for booleans, derived from annotations."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class TableCodec:
    columns: tuple[str, ...]
    json_columns: frozenset[str]
    bool_columns: frozenset[str]

    def to_row(self, values: dict[str, Any]) -> dict[str, Any]:
        """Column values as SQLite stores them."""
        row = {}
        for key, value in values.items():
            if key in self.json_columns and value is not None:
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            elif key in self.bool_columns and value is not None:
                value = int(bool(value))
            row[key] = value
        return row

    def from_row(self, row: Any) -> dict[str, Any]:
        """Python values from a sqlite3.Row (or mapping) of this table."""
        values = {}
        for key in self.columns:
            value = row[key]
            if key in self.json_columns and value is not None:
                value = json.loads(value)
            elif key in self.bool_columns and value is not None:
                value = bool(value)
            values[key] = value
        return values


@cache
def codec_for(record_type: type) -> TableCodec:
    columns, json_columns, bool_columns = [], set(), set()
    for f in dataclasses.fields(record_type):
        columns.append(f.name)
        annotation = str(f.type)
        if annotation.startswith(("list", "dict")):
            json_columns.add(f.name)
        elif annotation.startswith("bool"):
            bool_columns.add(f.name)
    return TableCodec(tuple(columns), frozenset(json_columns), frozenset(bool_columns))


def record_from_row(record_type: type[T], row: Any) -> T:
    return record_type(**codec_for(record_type).from_row(row))
