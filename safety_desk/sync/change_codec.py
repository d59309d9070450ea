"""The changes.jsonl member of a bundle: one line per row and write, written compactly and read back checked.

Decoding trusts nothing: every line must be a well-formed change of a known table and field with a valid
clock; one bad line rejects the whole bundle, naming the line. The line format is described in sync/bundle.py.
"""

from __future__ import annotations

import json
import operator
import re
from itertools import repeat
from typing import Any, Iterable, Iterator

from safety_desk.domain.language import say
from safety_desk.domain.sync_model import APPEND_ONLY, PER_FIELD, SYNC_MODE, WHOLE_ROW, Change
from safety_desk.sync.bundle import MAX_CHANGE_CELLS, MAX_CHANGE_LINE_BYTES, MAX_CHANGE_LINES, BundleRejected
from safety_desk.sync.office_proof import PROOF_CHARS

_CLOCK = re.compile(r"^\d{13}-\d{6}-[0-9A-Za-z_.:-]{1,64}$")
_SCALARS = frozenset({str, int, float, type(None)})  # exact types: a bool is not a stored value
_PHOTO_ID = re.compile(r"^[0-9a-f]{64}$")

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_changes(changes: Iterable[Change]) -> bytes:
    """changes.jsonl: one line per row and write, [table, row_id, clock, author, seq, capped_from, cells], where
    cells maps each field the write set to its value ("*" to the whole row for records merged as rows); a line of
    changes carrying the office's proofs (sync/office_proof.py) has an eighth element, field -> proof."""
    groups: dict[tuple, dict[str, Any]] = {}
    proofs: dict[tuple, dict[str, str]] = {}
    for c in changes:
        key = (c.table, c.row_id, c.clock, c.author, c.seq, c.capped_from)
        groups.setdefault(key, {})[c.field] = c.value
        if c.proof is not None:
            proofs.setdefault(key, {})[c.field] = c.proof
    encode = _ENCODER.encode
    if proofs:  # the office's proofs of its own writes ride as an eighth element of their lines
        lines = [encode([*key, cells, proofs[key]]) if key in proofs else encode([*key, cells])
                 for key, cells in groups.items()]
    else:
        lines = [encode([*key, cells]) for key, cells in groups.items()]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def fitting_seq(changes: list[Change], *, max_bytes: int, max_lines: int, max_cells: int) -> int | None:
    """None when the changes encode within `max_bytes`, `max_lines` and `max_cells`; otherwise the largest write
    seq S such that
    the changes with seq <= S do (at least the smallest seq, even if it alone is larger: a single write is never
    split). Exporting the changes up to S, then the rest from S on, keeps every bundle readable within the caps."""
    if len(changes) <= max_lines and _values(changes) <= max_cells and _upper_bytes(changes) <= max_bytes:
        return None  # the usual case, decided without encoding anything
    groups: dict[tuple, dict[str, Any]] = {}
    proofs: dict[tuple, dict[str, str]] = {}
    for c in changes:
        key = (c.table, c.row_id, c.clock, c.author, c.seq, c.capped_from)
        groups.setdefault(key, {})[c.field] = c.value
        if c.proof is not None:
            proofs.setdefault(key, {})[c.field] = c.proof
    encode = _ENCODER.encode

    def size(key: tuple, cells: dict[str, Any]) -> int:  # a line as encode_changes writes it, with its newline
        line = [*key, cells, proofs[key]] if key in proofs else [*key, cells]
        return len(encode(line).encode("utf-8")) + 1

    if len(groups) <= max_lines and _values(changes) <= max_cells and \
            sum(size(key, cells) for key, cells in groups.items()) <= max_bytes:
        return None
    per_seq: dict[int, list[int]] = {}  # seq -> [lines, cells, bytes]
    for key, cells in groups.items():
        counts = per_seq.setdefault(key[4], [0, 0, 0])
        counts[0] += 1
        counts[1] += len(cells[WHOLE_ROW]) if WHOLE_ROW in cells else len(cells)
        counts[2] += size(key, cells)
    lines = cell_count = size = 0
    chosen = None
    for seq in sorted(per_seq):
        lines += per_seq[seq][0]
        cell_count += per_seq[seq][1]
        size += per_seq[seq][2]
        if chosen is not None and (lines > max_lines or cell_count > max_cells or size > max_bytes):
            break
        chosen = seq
    return chosen


def _values(changes: list[Change]) -> int:
    """Values as decoding counts them (sync/bundle.py MAX_CHANGE_CELLS): a cell, or each column of a whole row, and
    the office's proof of either."""
    return sum((len(c.value) if c.field == WHOLE_ROW and type(c.value) is dict else 1) + (c.proof is not None)
               for c in changes)


def _upper_bytes(changes: list[Change]) -> int:
    """At least the size of the changes encoded, cheaply: 6 bytes a character (the longest JSON escape) plus a
    line's keys and punctuation for every change."""
    total = 0
    for c in changes:
        total += 400 + len(c.field) * 6  # room for a line's keys, punctuation and an office proof
        value = c.value
        if type(value) is dict:
            for key, cell in value.items():
                total += 8 + len(key) * 6 + (len(cell) * 6 if type(cell) is str else 32)
        else:
            total += len(value) * 6 if type(value) is str else 32
    return total


def decode_changes(lines: bytes | Iterable[bytes], columns: dict[str, set[str]], name: str,
                   proofs: list[tuple[str, str, str, dict[str, str]]] | None = None) -> list[Change]:
    """Parse and check every line of changes.jsonl (its bytes, or its lines as OpenedBundle.change_lines streams
    them); any malformed line rejects the bundle, naming the line.

    Memory stays bounded by what the lines hold, whatever their shape: lines are parsed a batch at a time, an
    empty, over-long or non-UTF-8 line is refused before it is parsed, and so is one nested deeper than a change
    can be (a change line holds a list, its cells object, at most one whole-row object and the office's proofs:
    four brackets outside its strings), so no parser recursion or pile of tiny containers is ever built from hostile
    input. The office's proofs a line carries (sync/office_proof.py) go to `proofs` as (table, row id, clock,
    {field: proof}), a line at a time (dropped when `proofs` is None)."""
    if isinstance(lines, (bytes, bytearray)):
        lines = _lines_of(bytes(lines))
    changes: list[Change] = []
    clocks: set[str] = set()
    pairs = _field_pairs(columns)
    batch: list[bytes] = []
    batch_bytes = 0
    values = 0  # cells, a whole row counting one per column: what decoding holds grows with it
    first = 1  # the line number of batch[0]
    number = 0
    for line in lines:
        number += 1
        if number > MAX_CHANGE_LINES:
            _check_lines(batch, first, name)
            raise _rejected(name, number, say(f"超过 {MAX_CHANGE_LINES} 行", f"more than {MAX_CHANGE_LINES} lines"))
        # An over-long line is refused before it is kept (the lines of a batch are checked together below).
        if len(line) > MAX_CHANGE_LINE_BYTES:
            _check_lines(batch, first, name)
            raise _rejected(name, number, say(f"超过 {MAX_CHANGE_LINE_BYTES} 字节",
                                                     f"longer than {MAX_CHANGE_LINE_BYTES} bytes"))
        batch.append(line)
        batch_bytes += len(line)
        if len(batch) == _BATCH or batch_bytes >= _BATCH_BYTES:
            _check_lines(batch, first, name)
            values += _decode_batch(batch, first, name, columns, pairs, clocks, changes, proofs)
            first += len(batch)
            batch, batch_bytes = [], 0
            if values > MAX_CHANGE_CELLS:
                raise _rejected(name, number, say(f"共超过 {MAX_CHANGE_CELLS} 个值", f"more than {MAX_CHANGE_CELLS} values in all"))
    if batch:
        _check_lines(batch, first, name)
        values += _decode_batch(batch, first, name, columns, pairs, clocks, changes, proofs)
        if values > MAX_CHANGE_CELLS:
            raise _rejected(name, number, say(f"共超过 {MAX_CHANGE_CELLS} 个值", f"more than {MAX_CHANGE_CELLS} values in all"))
    return changes


def _check_lines(batch: list[bytes], first: int, name: str) -> None:
    """Every line of a batch, before it is parsed: not empty and nested no deeper than a change can be. Counted
    for the whole batch at once (in C); a batch where some line may fail is gone through line by line, naming
    the first line that does."""
    if not batch:
        return
    # _openers_at_most of a line is more than _MAX_OPENERS exactly when its brackets less those right after a
    # quote are (see there), so this is that test for every line.
    counts = [map(bytes.count, batch, repeat(mark)) for mark in (b"[", b"{", b'"[', b'"{')]
    at_most = map(operator.sub, map(operator.add, counts[0], counts[1]), map(operator.add, counts[2], counts[3]))
    if min(map(len, batch)) and max(at_most) <= _MAX_OPENERS:
        return
    for number, line in enumerate(batch, start=first):
        if not line:
            raise _rejected(name, number, say("空行", "an empty line"))
        if _openers_at_most(line) > _MAX_OPENERS and _openers_outside_strings(line) > _MAX_OPENERS:
            raise _rejected(name, number, say("嵌套过深", "nested deeper than a change can be"))


_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")  # a UTF-16 surrogate escaped in JSON (a lone one is not text)
_BATCH = 2000  # lines parsed at once, or fewer when they reach
_BATCH_BYTES = 4 * 1024**2  # bytes: the copies one parse makes stay small
_MAX_OPENERS = 4  # the line, its cells, a whole row, the office's proofs
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def _openers_at_most(line: bytes) -> int:
    """At least as many as the brackets a parser can descend into, cheaply: a bracket right after a quote is
    either inside a string (the quote opens it: a photos list stored as text, "[]") or after a closing quote,
    where the parser fails before descending."""
    raw = line.count(b"[") + line.count(b"{")
    if raw <= _MAX_OPENERS:  # most lines: no need to look for brackets inside strings
        return raw
    return raw - line.count(b'"[') - line.count(b'"{')


def _openers_outside_strings(line: bytes) -> int:
    bare = _STRING.sub(b"", line)
    return bare.count(b"[") + bare.count(b"{")


def _lines_of(data: bytes) -> Iterator[bytes]:
    """The lines of a whole changes.jsonl held in memory (tests, the benchmark), without a list of them all."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        if end < 0:
            yield data[start:]
            return
        yield data[start:end]
        start = end + 1


def _rejected(name: str, number: int, what: str) -> BundleRejected:
    return BundleRejected(say(f"{name}: changes.jsonl 第 {number} 行无效（{what}）；数据库未作任何更改",
                              f"{name}: line {number} of changes.jsonl is not a valid change: {what}; nothing was changed"))


def _decode_batch(batch: list[bytes], first: int, name: str, columns: dict[str, set[str]], pairs: dict[str, frozenset],
                  clocks: set[str], changes: list[Change], proofs: list | None = None) -> int:
    """Decode and check a batch of lines into `changes`; returns how many values they held."""
    try:
        # One parse for the whole batch (JSON text never holds a raw newline); line by line only to name the
        # line that is wrong.
        items = json.loads((b"[" + b",".join(batch) + b"]").decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError included; lines joined may nest deeper than one
        items = None
    if type(items) is not list or len(items) != len(batch):
        items = []
        for number, line in enumerate(batch, start=first):
            try:
                items.append(json.loads(line.decode("utf-8")))
            except UnicodeDecodeError:
                raise BundleRejected(say(f"{name}: changes.jsonl 第 {number} 行不是 UTF-8 文本；数据库未作任何更改",
                                         f"{name}: line {number} of changes.jsonl is not UTF-8 text; nothing was changed")) from None
            except (ValueError, RecursionError) as exc:
                raise BundleRejected(say(f"{name}: changes.jsonl 第 {number} 行无效；数据库未作任何更改",
                                         f"{name}: line {number} of changes.jsonl is not valid JSON: {exc}; nothing was changed")) from None
    if any(_SURROGATE.search(line) for line in batch):
        for number, item in enumerate(items, start=first):
            try:
                json.dumps(item, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for it (SQLite, PostgreSQL and files refuse it)
                raise _rejected(name, number, say("含有无效的 Unicode 字符", "a lone surrogate, not valid Unicode")) from None
    values = 0
    for number, item in enumerate(items, start=first):
        try:
            values += _checked_line(item, columns, pairs, clocks, changes, proofs)
        except (ValueError, TypeError, KeyError) as exc:
            raise _rejected(name, number, say("内容不符合格式", str(exc))) from None
    return values


def _checked_line(item: Any, columns: dict[str, set[str]], pairs: dict[str, frozenset], clocks: set[str],
                  out: list[Change], proofs: list | None = None) -> int:
    if type(item) is list and len(item) == 8:
        return _checked_proven_line(item, columns, pairs, clocks, out, proofs)
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
        if not _SCALARS.issuperset(map(type, value.values())):  # in C; the same check as the cells' below
            raise ValueError("a value that is not text or a number")
        if table == "photo" and not _PHOTO_ID.match(row_id):
            raise ValueError("a photo id is its sha256")
        out.append(Change(table, row_id, WHOLE_ROW, clock, author, value, seq, capped))
        return len(value)
    fields = pairs.get(table)
    # Checked a line at a time (set and map run in C), each cell named only when the line is wrong.
    if fields is None or not fields.issuperset(cells) or not _SCALARS.issuperset(map(type, cells.values())):
        for field_name, value in cells.items():
            if fields is None or field_name not in fields:
                raise ValueError(f"unknown field {table!r}.{field_name!r}")
            if type(value) not in _SCALARS:
                raise ValueError("a value that is not text or a number")
    out.extend([Change(table, row_id, field_name, clock, author, value, seq, capped)
                for field_name, value in cells.items()])
    return len(cells)



def _checked_proven_line(item: list, columns: dict[str, set[str]], pairs: dict[str, frozenset], clocks: set[str],
                         out: list[Change], found: list | None) -> int:
    """A line with the office's proofs of its cells (sync/office_proof.py): field -> proof, for fields of the line."""
    proofs = item[7]
    # Checked a line at a time in C (map, set, dict views), like the cells.
    if (type(proofs) is not dict or not proofs or type(item[6]) is not dict or not proofs.keys() <= item[6].keys()
            or set(map(type, proofs.values())) != _STR or set(map(len, proofs.values())) != _PROOF_LENGTH):
        raise ValueError("bad proofs")
    values = _checked_line(item[:7], columns, pairs, clocks, out)
    if found is not None:
        found.append((item[0], item[1], item[2], proofs))
    return values + len(proofs)  # each proof held counts like a value (the decoded memory stays bounded)


_STR = {str}
_PROOF_LENGTH = {PROOF_CHARS}


def _field_pairs(columns: dict[str, set[str]]) -> dict[str, frozenset]:
    """Per-field table -> the columns a change to it may name."""
    return {t: frozenset(c for c in names if c != "id") for t, names in columns.items() if SYNC_MODE[t] == PER_FIELD}
