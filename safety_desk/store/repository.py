"""Base repository: get, list, add and update for one table, returning its dataclass."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Generic, Iterable, TypeVar

from safety_desk.domain.language import say
from safety_desk.store.codec import codec_for, record_from_row
from safety_desk.store.connection import StoreError
from safety_desk.store.database import Database

T = TypeVar("T")


class NotFound(StoreError):
    pass


class Repository(Generic[T]):
    """Reads and writes one table. Subclasses add validation and their own queries."""

    table: ClassVar[str]
    record_type: ClassVar[type]

    def __init__(self, db: Database) -> None:
        self.db = db
        self.codec = codec_for(self.record_type)

    def validate(self, record: T) -> T:
        """Normalise and check a record before it is written; raise ValueError naming the field."""
        return record

    def get(self, record_id: str) -> T | None:
        row = self.db.conn.execute(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,)).fetchone()
        return record_from_row(self.record_type, row) if row else None

    def require(self, record_id: str) -> T:
        record = self.get(record_id)
        if record is None:
            raise NotFound(say(f"{self.table} {record_id} 不存在", f"{self.table} {record_id} does not exist"))
        return record

    def _select(self, where: str = "", params: Iterable[Any] = (), order: str = "",
                limit: int | None = None) -> list[T]:
        sql = f"SELECT * FROM {self.table}"
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        bound = params if isinstance(params, dict) else tuple(params)
        return [record_from_row(self.record_type, row) for row in self.db.conn.execute(sql, bound)]

    def count(self) -> int:
        return self.db.conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0]

    def _stored(self, record: T) -> dict[str, Any]:
        # getattr per column rather than dataclasses.asdict: no deep copies, it runs millions of times.
        return self.codec.to_row({name: getattr(record, name) for name in self.codec.columns})

    def add(self, record: T) -> T:
        record = self.validate(record)
        with self.db.transaction():
            self.db.insert(self.table, self._stored(record))
        return record

    def add_many(self, records: list[T], summary: str) -> list[T]:
        """Bulk insert with one clock and one audit entry; for imports and generated data."""
        records = [self.validate(r) for r in records]
        with self.db.transaction():
            self.db.insert_many(self.table, [self._stored(r) for r in records], summary=summary)
        return records

    def update(self, record_id: str, **changes: Any) -> T:
        current = self.require(record_id)
        unknown = set(changes) - set(self.codec.columns) | ({"id"} & set(changes))
        if unknown:
            raise ValueError(f"{self.table}: cannot change {', '.join(sorted(unknown))}")
        proposed = self.validate(dataclasses.replace(current, **changes))
        new_values = {k: getattr(proposed, k) for k in changes}
        with self.db.transaction():
            self.db.update(self.table, record_id, self.codec.to_row(new_values))
        return proposed

    def delete(self, record_id: str) -> T:
        """Tombstone: records several devices edit are never removed, only marked deleted."""
        if "deleted" not in self.codec.columns:
            raise StoreError(f"{self.table} records cannot be deleted")
        return self.update(record_id, deleted=True)
