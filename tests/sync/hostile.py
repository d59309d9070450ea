"""The hostile owner of a device: edits its own SQLite file behind the app's back and records the writes so the
device's next bundle (signed with its own key) carries them, as a tampered installation would."""

from __future__ import annotations

import json
import sqlite3
from typing import Any


class HostileEdit:
    """Raw writes to one replica's database file; each `write` logs a clock (of this device, or of `device`)."""

    def __init__(self, replica) -> None:
        self.replica = replica
        self.conn = sqlite3.connect(replica.store.path)
        last = self.conn.execute("SELECT max(clock) FROM write_log").fetchone()[0] or "0" * 13
        self.wall = int(last[:13]) + 1000

    def write(self, sql: str, params: tuple, table: str, row_id: str, field: str = "*", *,
              author: str | None = None, device: str | None = None) -> None:
        self.conn.execute(sql, params)
        self.log(table, row_id, field, author=author, device=device)

    def log(self, table: str, row_id: str, field: str = "*", *, author: str | None = None,
            device: str | None = None) -> None:
        self.wall += 1
        clock = f"{self.wall:013d}-000000-{device or self.replica.device_id}"
        seq = self.conn.execute("INSERT INTO write_log (clock, author) VALUES (?, ?)",
                                (clock, author if author is not None else self.replica.device_id)).lastrowid
        found = self.conn.execute("SELECT fields FROM row_clock WHERE tbl = ? AND row_id = ?",
                                  (table, row_id)).fetchone()
        fields: dict[str, Any] = json.loads(found[0]) if found else {}
        if field == "*":
            fields = {"*": seq}
        else:
            fields[field] = seq
        self.conn.execute("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES (?, ?, ?, ?) ON CONFLICT"
                          " (tbl, row_id) DO UPDATE SET fields = excluded.fields, last_seq = excluded.last_seq",
                          (table, row_id, json.dumps(fields, sort_keys=True), seq))

    def commit(self) -> None:
        self.conn.commit()
        self.conn.close()


def table_dump(store, table: str) -> list[tuple]:
    return [tuple(r) for r in store.db.conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
