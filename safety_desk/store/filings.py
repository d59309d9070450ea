"""Filed (报出) statistics: append-only snapshots by kind, period and scope, kept on the device that filed them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from safety_desk.store.database import Database


@dataclass(frozen=True)
class Filing:
    """One filed statistic: what was filed (canonical JSON), its digest and seal, when and by whom."""

    id: str
    kind: str  # "quarterly", "annual", ...
    period: str  # "2026Q3", "2026"
    scope: str  # "" for the whole of the filer's scope, else a district code or an enterprise's USCC
    number: str
    content: str
    digest: str
    seal: str
    filed_on: str
    filed_by: str | None = None


class FilingRepository:
    """Filings are written once and never changed (triggers refuse UPDATE and DELETE); they do not sync."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _one(self, where: str, params: tuple) -> Filing | None:
        row = self.db.conn.execute(f"SELECT * FROM filing WHERE {where}", params).fetchone()
        return Filing(**{key: row[key] for key in row.keys()}) if row else None

    def find(self, kind: str, period: str, scope: str) -> Filing | None:
        return self._one("kind = ? AND period = ? AND scope = ?", (kind, period, scope))

    def by_number(self, number: str) -> Filing | None:
        return self._one("number = ?", (number.strip(),))

    def add(self, filing: Filing) -> Filing:
        """Record a filing in one transaction, with its audit entry; a second filing of the same kind, period
        and scope is refused by the UNIQUE constraint (the caller checks first to say so in words)."""
        row = asdict(filing)
        with self.db.transaction():
            self.db.record_derived(f"INSERT INTO filing ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})",
                                   row)
            self.db.touched("filing", (filing.id,))
            self.db.audit_event("file", "filing", filing.id, None,
                                {"kind": filing.kind, "period": filing.period, "scope": filing.scope,
                                 "number": filing.number, "digest": filing.digest})
        return filing
