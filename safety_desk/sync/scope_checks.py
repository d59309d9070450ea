"""Which rows of a non-office sender's bundle are outside its scope, judged row by row (refused, not the bundle).

A row must be within the sender's scope before and after its changes. A row of an enterprise that left the
sender's districts (the office moved it) is still taken when its change was made before the move (its clock
is earlier): the device wrote it while the enterprise was its own; but never once the device has confirmed
having the move in an earlier bundle (the office judges by what it had received, not by the clock claimed). A device never moves a record to another
district: a district it sets on a hazard, inspection, notice, drill or incident must be the one the record
had, or its enterprise's. Rules only: the service hands in the stored rows and the moves (store/scope_moves.py).
"""

from __future__ import annotations

from typing import Any, Callable

from safety_desk.domain.device_scope import ScopeIndex, note_row, row_in_scope
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import TABLE_ORDER, WHOLE_ROW, Change, Refuser

# Records that carry the district they belong to beside their enterprise (the ledgers list them by it).
DISTRICT_LABELLED = frozenset({"hazard", "inspection", "notice", "drill", "incident"})
_PARENT = {"hazard_event": ("hazard", "hazard_id"), "answer": ("inspection", "inspection_id")}

StoredRow = Callable[[str, str], dict[str, Any] | None]
# enterprise id -> (the district it left, the clock of the move), for enterprises moved out of the scope
Moves = dict[str, tuple[str, str]]


def change_key(change: Change) -> tuple[str, str, str, int]:
    """A change's identity through the merge (which may rewrite its clock or references, never these)."""
    return change.table, change.row_id, change.field, change.seq


def _touches(change: Change, column: str) -> bool:
    return change.field == column or (change.field == WHOLE_ROW and isinstance(change.value, dict)
                                      and column in change.value)


def _resent(stored: dict[str, Any] | None, change: Change) -> bool:
    if stored is None:
        return False
    if change.field == WHOLE_ROW:
        return isinstance(change.value, dict) and all(stored.get(k) == v for k, v in change.value.items())
    return stored.get(change.field) == change.value


def scope_refusals(sender_name: str, changes: list[Change], index: ScopeIndex, stored_row: StoredRow,
                   former: Callable[[], tuple[ScopeIndex, Moves]],
                   enterprise_district: Callable[[str], str | None],
                   acknowledged: Callable[[str], bool] = lambda enterprise_id: False) -> dict[tuple, str]:
    """change_key -> why, for every change of a row outside the sender's scope (or moving a record to another
    district). `former()` gives the index of the enterprises moved out of the sender's scope and their moves
    (asked only when a row is outside the scope now). `acknowledged(enterprise)`: the sender had confirmed
    having the enterprise's move in a bundle received before this one, so nothing it sends of it now was
    written while it was the sender's, whatever clock the change claims (the office judges at receipt)."""
    order = {t: i for i, t in enumerate(TABLE_ORDER)}
    rows: dict[tuple[str, str], tuple[dict[str, Any], list[Change]]] = {}
    for change in sorted(changes, key=lambda c: (order[c.table], c.row_id)):
        incoming, row_changes = rows.setdefault((change.table, change.row_id), ({}, []))
        if change.field == WHOLE_ROW and isinstance(change.value, dict):
            incoming.update(change.value)
        else:
            incoming[change.field] = change.value
        row_changes.append(change)
    merged_rows: dict[tuple[str, str], dict[str, Any]] = {}
    refused: dict[tuple, str] = {}
    moved: tuple[ScopeIndex, Moves] | None = None

    def enterprise_of(table: str, row: dict[str, Any]) -> str | None:
        if table in _PARENT:
            parent_table, column = _PARENT[table]
            parent_id = str(row.get(column))
            parent = merged_rows.get((parent_table, parent_id)) or stored_row(parent_table, parent_id) or {}
            return parent.get("enterprise_id")
        return row.get("id") if table == "enterprise" else row.get("enterprise_id")

    for (table, row_id), (incoming, row_changes) in rows.items():
        stored = stored_row(table, row_id)
        merged = {**(stored or {}), **incoming, "id": row_id}
        merged_rows[(table, row_id)] = merged
        if table == "photo":
            note_row(index, table, merged)
            continue
        move = None
        if not ((stored is None or row_in_scope(index, table, stored)) and row_in_scope(index, table, merged)):
            if moved is None:
                moved = former()
            former_index, moves = moved
            enterprise = enterprise_of(table, merged)
            inside_before = ((stored is None or row_in_scope(former_index, table, stored))
                             and row_in_scope(former_index, table, merged))
            move = moves.get(enterprise or "") if inside_before else None
            if move is None:
                for change in row_changes:
                    refused[change_key(change)] = (
                        say(f"{table} {row_id} 不在设备“{sender_name}”的范围内",
                            f"{table} {row_id}: the record is outside the scope of device {sender_name}"))
                continue
            if acknowledged(str(enterprise)):
                for change in row_changes:
                    if _resent(stored, change):
                        continue  # the value held here already (a bundle sent again): nothing is changed
                    refused[change_key(change)] = say(
                        f"{table} {row_id} 字段 {change.field}：所属企业已调到其他片区，设备“{sender_name}”此前的同步包已"
                        "确认收到这次调动，之后发来的修改不论其时钟一律不接收",
                        f"{table} {row_id} field {change.field}: its enterprise moved to another district and an earlier "
                        f"bundle of device {sender_name} acknowledged the move: later changes are not taken, whatever "
                        "their clock")
                continue
            late = [c for c in row_changes if c.clock >= move[1]]
            for change in late:
                refused[change_key(change)] = (
                    say(f"{table} {row_id} 所属企业已调到其他片区，此修改在调动之后，未接收",
                        f"{table} {row_id}: its enterprise moved to another district; this change was made after the move and is not taken"))
            if len(late) == len(row_changes):
                continue
            note_row(former_index, table, merged)  # written while its own: the rows hanging from it pass too
        if table in DISTRICT_LABELLED and any(_touches(c, "district_id") for c in row_changes):
            allowed = {(stored or {}).get("district_id"), enterprise_district(str(merged.get("enterprise_id")))}
            if move is not None:
                allowed.add(move[0])
            if merged.get("district_id") not in allowed:
                for change in row_changes:
                    if _touches(change, "district_id"):
                        refused[change_key(change)] = (
                            say(f"{table} {row_id}: 设备不能把记录改到另一个片区（只有安全办可以调整片区）",
                                f"{table} {row_id}: a device cannot move a {table} to another district: only the safety office moves records between districts"))
                if all(change_key(c) in refused for c in row_changes):
                    continue
        if move is None:
            note_row(index, table, merged)
    return refused


def refusing(refused: dict[tuple, str], then: Refuser | None) -> Refuser | None:
    """The merge's `refuse` hook: the changes refused here, then what `then` refuses of the rest."""
    if not refused:
        return then

    def refuse(table: str, row_id: str, row_changes: list[Change], current: dict[str, Any] | None,
               facts: Any) -> list[tuple[Change, str]]:
        found = [(c, refused[change_key(c)]) for c in row_changes if change_key(c) in refused]
        rest = [c for c in row_changes if change_key(c) not in refused]
        if then is not None and rest:
            found += then(table, row_id, rest, current, facts)
        return found

    return refuse
