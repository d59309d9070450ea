"""What sync exchanges, as plain values: how each table merges, the order tables apply in, and one changed cell."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from itertools import compress
from typing import Any, Callable, Container, Iterable, Iterator

# How each synced table merges (DESIGN.md §4): per field, per row (single author), or append-only.
PER_FIELD = "field"
PER_ROW = "row"
APPEND_ONLY = "append"
SYNC_MODE = {
    "office": PER_FIELD, "device": PER_FIELD, "district": PER_FIELD, "enterprise": PER_FIELD,
    "person": PER_FIELD, "district_member": PER_FIELD, "campaign": PER_FIELD, "notice": PER_FIELD,
    "drill": PER_FIELD, "hazard": PER_FIELD, "training": PER_FIELD, "incident": PER_FIELD,
    "checklist": PER_ROW, "inspection": PER_ROW, "answer": PER_ROW,
    "hazard_event": APPEND_ONLY, "photo": APPEND_ONLY, "photo_annotation": PER_FIELD,
    "notice_block": APPEND_ONLY,
}
WHOLE_ROW = "*"  # the field name of a change to a record written whole

# Parents before children, so foreign keys hold while a change set is applied in one pass.
TABLE_ORDER = ("office", "device", "person", "district", "enterprise", "district_member", "checklist",
               "campaign", "inspection", "answer", "notice_block", "notice", "drill", "hazard", "hazard_event",
               "training", "incident", "photo", "photo_annotation")


@dataclass(slots=True)
class Change:
    """One cell (or, for records written whole, one row) and the clock and author that wrote it.

    Treated as immutable (dataclasses.replace makes changed copies); not frozen, because a sync bundle makes
    100,000 of them and frozen dataclasses are several times slower to construct."""

    table: str
    row_id: str
    field: str
    clock: str
    author: str
    value: Any
    seq: int = 0                    # the sender's write_log seq of this cell (0: unknown)
    capped_from: str | None = None  # the clock it first had, when a receiver capped a clock far ahead
    proof: str | None = None        # the office's proof that it wrote this change (sync/office_proof.py)


_TABLE_OF = operator.attrgetter("table")


def of_tables(changes: list[Change], tables: Container[str]) -> Iterator[Change]:
    """The changes of `tables` (a set or dict), in order, picked in C: a bundle holds 100,000 changes, mostly of
    other tables, and a Python loop over them all costs more than the work on the few it keeps."""
    return compress(changes, map(tables.__contains__, map(_TABLE_OF, changes)))


def folded_rows(changes: Iterable[Change]) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> row id -> the values the changes bring, in order: a record written whole and single cells folded
    into one dict per row."""
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for change in changes:
        row = rows.setdefault(change.table, {}).setdefault(change.row_id, {})
        if change.field == WHOLE_ROW:
            row.update(change.value)
        else:
            row[change.field] = change.value
    return rows


# (table, row_id, changes of that row, stored row or None, the facts of its parent as stored before the change
# set: domain/ownership.RowFacts) -> [(change, reason)] to refuse
Refuser = Callable[[str, str, list[Change], dict[str, Any] | None, Any], list[tuple[Change, str]]]
