"""Conflicts reach the office: a device sends the conflicts it recorded in its next bundles, until acknowledged.

A losing value or a pair of concurrent decisions is found by whichever replica merges the two sides first; when
that is a device, the office would otherwise never know. The device lists its value conflicts (store/
forwarded_conflicts.py) in the manifest of its bundles to the office, numbered; the office keeps each under its
own id (once, whichever side found it), as an open conflict from that device, and acknowledges the highest
number in its own bundles. What the office takes in is checked like any change: a conflict naming a record
outside the sender's scope, or malformed, is refused and reported, and changes nothing.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from safety_desk.domain.concurrent_decisions import DECISION_FIELD
from safety_desk.domain.device_scope import ScopeIndex, row_in_scope
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import SYNC_MODE, WHOLE_ROW
from safety_desk.store.database import Database
from safety_desk.store.forwarded_conflicts import (
    already_recorded, conflicts_to_forward, is_json_text, last_conflict_number, record_forwarded, record_refused,
)
from safety_desk.store.local_state import LocalState

MAX_FORWARDED = 200              # conflicts per bundle; the rest go in the next ones
_BUDGET = 2 * 1024 * 1024        # bytes of conflicts per manifest (the manifest is capped at 4 MiB)
_MAX_ITEM = 256 * 1024           # one conflict's bytes at most
_MAX_NAME = 80                   # ids, clocks, field names


def outgoing(db: Database, local_state: LocalState, *, me_office: bool, peer_id: str,
             peer_office: bool) -> dict[str, Any]:
    """What a bundle says of conflicts: a device's to the office lists them, the office's acknowledges them."""
    if me_office:
        return {"conflicts_ack": local_state.conflicts_from(peer_id)}
    if not peer_office:
        return {}
    listed, size = [], 0
    for item in conflicts_to_forward(db, local_state.conflicts_forwarded(), MAX_FORWARDED):
        length = len(json.dumps(item, ensure_ascii=False))
        if listed and size + length > _BUDGET:
            break
        listed.append(item)
        size += length
    return {"conflicts": listed} if listed else {}


def take_acknowledgement(db: Database, local_state: LocalState, manifest: dict[str, Any]) -> None:
    """On a device, from the office's bundle (whose acknowledgement counts for our epoch)."""
    ack = manifest.get("conflicts_ack")
    if isinstance(ack, int) and not isinstance(ack, bool) and ack > local_state.conflicts_forwarded():
        local_state.set_conflicts_forwarded(min(ack, last_conflict_number(db)))


def _problem(item: Any, columns: dict[str, set[str]]) -> str | None:
    if not isinstance(item, dict):
        return say("不是对象", "not an object")
    number = item.get("n")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        return say("编号无效", "no valid number")
    for key in ("id", "tbl", "row_id", "field"):
        if not isinstance(item.get(key), str) or not 0 < len(item[key]) <= _MAX_NAME:
            return say(f"{key} 无效", f"{key} is missing or malformed")
    for key in ("kept_clock", "lost_clock", "kept_author", "lost_author"):
        if item.get(key) is not None and (not isinstance(item[key], str) or len(item[key]) > _MAX_NAME):
            return say(f"{key} 无效", f"{key} is malformed")
    if not isinstance(item.get("note", ""), str) or len(item.get("note", "")) > 4000:
        return say("说明无效", "the note is malformed")
    if item["tbl"] not in SYNC_MODE:
        return say(f"没有表 {item['tbl']}", f"no such table {item['tbl']}")
    known = columns[item["tbl"]] | {WHOLE_ROW} | ({DECISION_FIELD} if item["tbl"] == "hazard_event" else set())
    if item["field"] not in known:
        return say(f"{item['tbl']} 没有字段 {item['field']}", f"{item['tbl']} has no field {item['field']}")
    for key in ("kept_value", "lost_value"):
        text = item.get(key)
        if text is not None and (not isinstance(text, str) or len(text) > _MAX_ITEM):
            return say(f"{key} 过大或无效", f"{key} is too large or malformed")
        try:
            if not is_json_text(text):
                return say(f"{key} 不是 JSON", f"{key} is not JSON")
        except RecursionError:
            return say(f"{key} 嵌套过深", f"{key} is nested too deeply")
    return None


def take_in(db: Database, local_state: LocalState, manifest: dict[str, Any], *, sender_id: str, sender_name: str,
            index: ScopeIndex, row_values: Callable[[str, str], dict[str, Any] | None]) -> tuple[int, list[str]]:
    """At the office, in the import's transaction: keep the conflicts the device lists (each once). Returns how
    many were new here and the refusals (each naming the record, the field and the reason)."""
    listed = manifest.get("conflicts")
    if listed is None:
        return 0, []
    if not isinstance(listed, list) or len(listed) > MAX_FORWARDED:
        return 0, [say(f"冲突记录清单无效，未接收",
                       f"the list of conflicts recorded on {sender_name} is malformed or too long: none was taken")]
    columns = {table: set(db.columns(table)) for table in SYNC_MODE}
    recorded, refused = 0, []
    highest = local_state.conflicts_from(sender_id)
    note = say(f"在设备“{sender_name}”上合并时记录", f"recorded on device {sender_name} when it merged")
    for item in listed:
        number = item.get("n") if isinstance(item, dict) else None
        if isinstance(number, int) and not isinstance(number, bool):
            highest = max(highest, number)  # acknowledged even when refused: reported once, not sent for ever
        problem = _problem(item, columns)
        if problem is None:
            row = row_values(item["tbl"], item["row_id"])
            if row is None or not row_in_scope(index, item["tbl"], row):
                problem = say("记录不在该设备的范围内或不存在", "the record is not here or not within the device's scope")
        if problem is not None:
            named = item if isinstance(item, dict) else {}
            table, row_id, field = (str(named.get(k, "?"))[:_MAX_NAME] for k in ("tbl", "row_id", "field"))
            reason = say(f"设备转来的冲突记录未接收：{problem}", f"a conflict record the device sent was not taken in: {problem}")
            record_refused(db, table=table, row_id=row_id, field=field, source=sender_id, reason=reason)
            refused.append(f"{table}.{field} {row_id}: {reason}")
            continue
        if already_recorded(db, item):
            continue
        original = item.get("note") or ""
        record_forwarded(db, item, source=sender_id, note=f"{note}; {original}" if original else note)
        recorded += 1
    local_state.set_conflicts_from(sender_id, highest)
    return recorded, refused
