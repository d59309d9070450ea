"""The changes.jsonl member of a bundle: one line per row and write, written compactly and read back checked.

Decoding trusts nothing: every line must be a well-formed change of a known table and field with a valid
clock; one bad line rejects the whole bundle, naming the line. The line format is described in sync/bundle.py.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from safety_desk.domain.sync_model import APPEND_ONLY, PER_FIELD, SYNC_MODE, WHOLE_ROW, Change
from safety_desk.sync.bundle import BundleRejected

_CLOCK = re.compile(r"^\d{13}-\d{6}-[0-9A-Za-z_.:-]{1,64}$")
_SCALARS = frozenset({str, int, float, type(None)})  # exact types: a bool is not a stored value
_PHOTO_ID = re.compile(r"^[0-9a-f]{64}$")

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_changes(changes: Iterable[Change]) -> bytes:
    """changes.jsonl: one line per row and write, [table, row_id, clock, author, seq, capped_from, cells], where
    cells maps each field the write set to its value ("*" to the whole row for records merged as rows)."""
    groups: dict[tuple, dict[str, Any]] = {}
    for c in changes:
        groups.setdefault((c.table, c.row_id, c.clock, c.author, c.seq, c.capped_from), {})[c.field] = c.value
    encode = _ENCODER.encode
    lines = [encode([*key, cells]) for key, cells in groups.items()]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def decode_changes(data: bytes, columns: dict[str, set[str]], name: str) -> list[Change]:
    """Parse and check every line of changes.jsonl; any malformed line rejects the bundle, naming the line."""
    changes: list[Change] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(f"{name}: changes.jsonl 不是 UTF-8 文本 (changes.jsonl is not UTF-8 text); "
                             "数据库未作任何更改 (nothing was changed)") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        # One parse for the whole member (JSON text never holds a raw newline); line by line only to name
        # the line that is wrong.
        items = json.loads("[" + ",".join(lines) + "]")
    except ValueError:
        items = None
    if items is None or len(items) != len(lines):
        items = []
        for number, line in enumerate(lines, start=1):
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise BundleRejected(f"{name}: changes.jsonl 第 {number} 行无效 (line {number} of changes.jsonl is "
                                     f"not valid JSON: {exc}); 数据库未作任何更改 (nothing was changed)") from None
    clocks: set[str] = set()
    pairs = _field_pairs(columns)
    for number, item in enumerate(items, start=1):
        try:
            _checked_line(item, columns, pairs, clocks, changes)
        except (ValueError, TypeError, KeyError) as exc:
            raise BundleRejected(f"{name}: changes.jsonl 第 {number} 行无效 (line {number} of changes.jsonl is not a "
                                 f"valid change: {exc}); 数据库未作任何更改 (nothing was changed)") from None
    return changes


def _checked_line(item: Any, columns: dict[str, set[str]], pairs: frozenset, clocks: set[str],
                  out: list[Change]) -> None:
    if type(item) is not list or len(item) != 7:
        raise ValueError("not a list of 7 values")
    table, row_id, clock, author, seq, capped, cells = item
    if type(row_id) is not str or not 0 < len(row_id) <= 100:
        raise ValueError("bad row id")
    if clock not in clocks:
        if type(clock) is not str or not _CLOCK.match(clock):
            raise ValueError(f"bad clock {clock!r}")
        clocks.add(clock)
    if capped is not None and (type(capped) is not str or not _CLOCK.match(capped)):
        raise ValueError("bad capped_from clock")
    if type(author) is not str or len(author) > 100 or type(seq) is not int or seq < 0:
        raise ValueError("bad author or seq")
    if type(cells) is not dict or not cells:
        raise ValueError("no cells")
    if WHOLE_ROW in cells:
        value = cells[WHOLE_ROW]
        if len(cells) != 1 or table not in columns or SYNC_MODE[table] not in ("row", APPEND_ONLY):
            raise ValueError(f"{table!r} is not a table merged as whole rows")
        if type(value) is not dict or value.get("id") != row_id or not columns[table].issuperset(value):
            raise ValueError("a whole row with unknown columns or another id")
        for cell in value.values():
            if type(cell) not in _SCALARS:
                raise ValueError("a value that is not text or a number")
        if table == "photo" and not _PHOTO_ID.match(row_id):
            raise ValueError("a photo id is its sha256")
        out.append(Change(table, row_id, WHOLE_ROW, clock, author, value, seq, capped))
        return
    for field_name, value in cells.items():
        if (table, field_name) not in pairs:
            raise ValueError(f"unknown field {table!r}.{field_name!r}")
        if type(value) not in _SCALARS:
            raise ValueError("a value that is not text or a number")
        out.append(Change(table, row_id, field_name, clock, author, value, seq, capped))



def _field_pairs(columns: dict[str, set[str]]) -> frozenset:
    """(table, column) pairs a per-field change may name."""
    return frozenset((t, c) for t, names in columns.items() if SYNC_MODE[t] == PER_FIELD for c in names if c != "id")
