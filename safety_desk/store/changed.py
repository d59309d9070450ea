"""What a committed transaction changed (tables and row ids): the screens refresh from it, Anki's OpChanges-style."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

# Tables whose rows make up what a person calls "a hazard": a page showing hazards refreshes on any of them.
HAZARD_TABLES = frozenset({"hazard", "hazard_event", "notice", "photo", "photo_annotation"})


@dataclass(frozen=True)
class Changes:
    """Rows written by one or more commits: table -> row ids. A table with no ids means "some rows"."""

    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, written: Mapping[str, Iterable[str]]) -> "Changes":
        return cls({table: frozenset(ids) for table, ids in written.items()})

    def __bool__(self) -> bool:
        return bool(self.rows)

    def touches(self, *tables: str) -> bool:
        """Whether any of `tables` was written: what a page asks before it re-reads."""
        return any(table in self.rows for table in tables)

    def ids(self, table: str) -> frozenset[str]:
        return self.rows.get(table, frozenset())
