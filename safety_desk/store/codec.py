"""Row <-> dataclass conversion: JSON for list/dict fields, 0/1 for booleans, derived from annotations."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator, TypeVar

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


def records_of(record_type: type[T], cursor: Any) -> Iterator[T]:
    """Each row of a query as a record, its columns matched to the record's fields by name (SELECT ... AS field).

    A query whose columns are the record's fields in their order takes the short way (measured: reading the
    whole ledger by keyword costs half as much again); any other order goes by keyword.
    """
    names = [column[0] for column in cursor.description]
    if names == [f.name for f in dataclasses.fields(record_type)][:len(names)]:
        for row in cursor:
            yield record_type(*row)
    else:
        for values in named_rows(cursor):
            yield record_type(**values)


def named_rows(cursor: Any) -> Iterator[dict[str, Any]]:
    """Each row of a query as {column name or alias: value}: read by name, a new column never shifts the others."""
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row))
