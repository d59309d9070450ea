"""What the office holds of hazards' event histories, read for sync's history checks (sync/history_checks.py)."""

from __future__ import annotations

from typing import Any

_BATCH = 500


def _chunks(ids: list[str]):
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        yield chunk, ",".join("?" * len(chunk))


def created_events(conn: Any, hazard_ids: list[str]) -> dict[str, tuple[str, str]]:
    """hazard id -> (clock, id) of its first stored `created` event, for the hazards that have one."""
    found: dict[str, tuple[str, str]] = {}
    for chunk, marks in _chunks(hazard_ids):
        for hazard_id, clock, event_id in conn.execute(
                f"SELECT hazard_id, clock, id FROM hazard_event WHERE kind = 'created' AND hazard_id IN ({marks})"
                " ORDER BY clock DESC, id DESC", chunk):
            found[hazard_id] = (clock, event_id)  # the last assigned is the first in the fold's order
    return found


def stored_event_ids(conn: Any, event_ids: list[str]) -> set[str]:
    """The ids among `event_ids` of hazard events stored here."""
    found: set[str] = set()
    for chunk, marks in _chunks(event_ids):
        found.update(r[0] for r in conn.execute(f"SELECT id FROM hazard_event WHERE id IN ({marks})", chunk))
    return found
