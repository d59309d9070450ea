"""What an enterprise's upload awaiting the office holds, in facts a person reads: new hazards, reports, drills."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Container, Iterable

from safety_desk.domain.sync_model import WHOLE_ROW, Change

NEW_HAZARD = "new_hazard"
HAZARD_EVENT = "hazard_event"
SELF_INSPECTION = "self_inspection"
DRILL = "drill"


@dataclass(frozen=True)
class PreviewFact:
    """One thing the upload reports: `what` is one of the kinds above; `event_kind` a hazard event's code."""

    what: str
    row_id: str
    hazard_id: str = ""
    event_kind: str = ""
    text: str = ""
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreviewContent:
    facts: tuple[PreviewFact, ...]
    other_rows: int  # rows changed that none of the facts names (photos' records, answers, edits of fields)


def _rows(changes: Iterable[Change]) -> dict[tuple[str, str], dict[str, Any]]:
    """(table, row id) -> the values the changes set (a whole row's, or cell by cell)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        cells = rows.setdefault((change.table, change.row_id), {})
        if change.field == WHOLE_ROW and isinstance(change.value, dict):
            cells.update(change.value)
        else:
            cells[change.field] = change.value
    return rows


def _photos(value: Any) -> tuple[str, ...]:
    try:
        names = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return ()
    return tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()


def summarise(changes: Iterable[Change], known_hazards: Container[str]) -> PreviewContent:
    """The facts of an upload's changes; a hazard is new when this device does not hold it (`known_hazards`)."""
    rows = _rows(changes)
    facts: list[PreviewFact] = []
    explained: set[tuple[str, str]] = set()
    new_hazards = {row_id for (table, row_id), cells in rows.items()
                   if table == "hazard" and row_id not in known_hazards and "description" in cells}
    for (table, row_id), cells in rows.items():
        if table == "hazard" and row_id in new_hazards:
            facts.append(PreviewFact(NEW_HAZARD, row_id, row_id, text=str(cells.get("description") or ""),
                                     photos=_photos(cells.get("photos"))))
        elif table == "hazard_event" and isinstance(cells.get("hazard_id"), str):
            if cells.get("kind") == "created" and cells["hazard_id"] in new_hazards:
                pass  # the new hazard's own first event: the hazard says it
            else:
                facts.append(PreviewFact(HAZARD_EVENT, row_id, cells["hazard_id"], str(cells.get("kind") or ""),
                                         str(cells.get("reason") or ""), _photos(cells.get("photos"))))
        elif table == "inspection" and cells.get("kind") == "self_inspection":
            facts.append(PreviewFact(SELF_INSPECTION, row_id, text=str(cells.get("started_at") or "")[:10]))
        elif table == "drill" and "name" in cells:
            facts.append(PreviewFact(DRILL, row_id, text=str(cells.get("name") or "")))
        else:
            continue
        explained.add((table, row_id))
    # A hazard's, inspection's or drill's photo records and an inspection's answers come with them: not "other".
    followers = {"photo", "photo_annotation", "answer"}
    other = sum(1 for key in rows if key not in explained and key[0] not in followers)
    return PreviewContent(tuple(facts), other)
