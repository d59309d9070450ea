"""Recording concurrent hazard decisions found by an import (domain/concurrent_decisions.py says which clash)."""

from __future__ import annotations

import json
from typing import Any

from safety_desk.domain.concurrent_decisions import DECISION_FIELD, DECISION_KINDS, decisions_clash
from safety_desk.domain.hybrid_clock import device_of
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW
from safety_desk.store.database import Database

_CHUNK = 500
_SHOWN = ("id", "hazard_id", "kind", "deadline", "reason", "by_id", "clock")


def _seq_of(db: Database, event_id: str) -> int | None:
    return db.fields_of("hazard_event", event_id).get(WHOLE_ROW)


def new_decision_ids(db: Database, event_ids: list[str]) -> set[str]:
    """Of these hazard event ids, those not here yet (call before the merge)."""
    present: set[str] = set()
    for start in range(0, len(event_ids), _CHUNK):
        chunk = event_ids[start:start + _CHUNK]
        present.update(r[0] for r in db.conn.execute(
            f"SELECT id FROM hazard_event WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return set(event_ids) - present


def record_concurrent_decisions(db: Database, arrived: set[str], *, source: str, sender_ack: int,
                                before_seq: int) -> int:
    """After a merge from `source`: for each decision event that arrived, every decision on the same hazard that
    was here before the import (seq <= before_seq), that the sender had not seen (not acknowledged, not from it)
    and that clashes with it, is recorded as a conflict of the event the status fold overrides. Returns how many."""
    conn = db.conn
    found = 0
    kinds = sorted(DECISION_KINDS)
    for event_id in sorted(arrived):
        row = conn.execute("SELECT * FROM hazard_event WHERE id = ?", (event_id,)).fetchone()
        if row is None or row["kind"] not in DECISION_KINDS:
            continue
        incoming = dict(row)
        others = conn.execute(f"SELECT * FROM hazard_event WHERE hazard_id = ? AND id != ? AND kind IN"
                              f" ({','.join('?' * len(kinds))})", (incoming["hazard_id"], event_id, *kinds))
        for other in [dict(r) for r in others]:
            if other["id"] in arrived or not decisions_clash(incoming, other):
                continue
            seq = _seq_of(db, other["id"])
            if seq is None or seq > before_seq or seq <= sender_ack:
                continue
            written = conn.execute("SELECT clock, received_from FROM write_log WHERE seq = ?", (seq,)).fetchone()
            if written is None or written[1] == source or device_of(written[0]) == device_of(incoming["clock"]):
                continue
            kept, lost = (incoming, other) if incoming["clock"] > other["clock"] else (other, incoming)
            if _recorded(db, kept["clock"], lost["clock"]):
                continue
            _record(db, kept, lost, source)
            found += 1
    return found


def _recorded(db: Database, kept_clock: str, lost_clock: str) -> bool:
    return db.conn.execute(
        "SELECT 1 FROM conflict WHERE tbl = 'hazard_event' AND field = ? AND ((kept_clock = ? AND lost_clock = ?)"
        " OR (kept_clock = ? AND lost_clock = ?))",
        (DECISION_FIELD, kept_clock, lost_clock, lost_clock, kept_clock)).fetchone() is not None


def _shown(event: dict[str, Any]) -> str:
    return json.dumps({k: event.get(k) for k in _SHOWN}, ensure_ascii=False, sort_keys=True)


def _record(db: Database, kept: dict[str, Any], lost: dict[str, Any], source: str) -> None:
    note = (say("两台设备对同一隐患作出了不同决定，以时间较晚的为准",
                "two devices decided differently on this hazard without seeing each other; the later decision counts"))
    db.conn.execute(
        "INSERT INTO conflict (id, kind, tbl, row_id, field, kept_value, kept_clock, kept_author, lost_value,"
        " lost_clock, lost_author, source, detected_at, note) VALUES (?, 'value', 'hazard_event', ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?)",
        (db.new_id(), lost["id"], DECISION_FIELD, _shown(kept), kept["clock"], kept.get("by_id"), _shown(lost),
         lost["clock"], lost.get("by_id"), source, db.now_iso(), note))


def open_conflicts_of_hazard(db: Database, hazard_id: str) -> list[dict[str, Any]]:
    """The unresolved value conflicts on the hazard's fields and on its events (concurrent decisions), oldest
    first; values decoded."""
    rows = db.conn.execute(
        "SELECT field, kept_value, lost_value, tbl FROM conflict WHERE kind = 'value' AND resolved_at IS NULL AND"
        " ((tbl = 'hazard' AND row_id = ?) OR (tbl = 'hazard_event' AND row_id IN"
        " (SELECT id FROM hazard_event WHERE hazard_id = ?))) ORDER BY detected_at, id", (hazard_id, hazard_id))
    return [{"field": r[0], "kept": _loads(r[1]), "lost": _loads(r[2]), "table": r[3]} for r in rows]


def _loads(text: str | None) -> Any:
    try:
        return None if text is None else json.loads(text)
    except (ValueError, RecursionError):
        return text
