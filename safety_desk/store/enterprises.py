"""Repository of enterprises: USCC-validated, searchable by name, USCC or pinyin initials."""

from __future__ import annotations

import dataclasses
from datetime import date

from safety_desk.domain.clock import end_of_day
from safety_desk.domain.industry import parse_industry
from safety_desk.domain.language import say
from safety_desk.domain.uscc import validate_uscc
from safety_desk.store.records import Enterprise
from safety_desk.store.repository import Repository


def pinyin_initials(name: str) -> str:
    """'中国建筑集团' -> 'zgjzjt', so typing initials finds an enterprise."""
    from pypinyin import Style, lazy_pinyin  # loaded on first use: it is not needed at start-up

    return "".join(part[:1] for part in lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()


def districts_left_after(db, day: date) -> dict[str, str]:
    """Enterprise id -> the district it was in at the end of `day`, for each moved to another since (the first
    later move's audit entry keeps the district it left)."""
    left: dict[str, str] = {}
    for row_id, before in db.conn.execute(
            "SELECT row_id, json_extract(before, '$.district_id') FROM audit WHERE tbl = 'enterprise'"
            " AND action = 'update' AND at > ? AND json_valid(before)"
            " AND json_extract(before, '$.district_id') IS NOT NULL ORDER BY seq", (end_of_day(day).isoformat(),)):
        left.setdefault(row_id, before)
    return left


class EnterpriseRepository(Repository[Enterprise]):
    table = "enterprise"
    record_type = Enterprise

    def validate(self, record: Enterprise) -> Enterprise:
        if not record.name.strip():
            raise ValueError(say("企业名称不能为空", "enterprise name: must not be empty"))
        try:
            uscc = validate_uscc(record.uscc)
        except ValueError as exc:
            raise ValueError(say(f"统一社会信用代码：{exc}", f"enterprise USCC: {exc}")) from None
        industry = parse_industry(record.industry)
        if record.risk_class not in (1, 2, 3):
            raise ValueError(say(f"{record.risk_class!r} 应为 1、2 或 3",
                                 f"enterprise risk_class: {record.risk_class!r} must be 1, 2 or 3"))
        return dataclasses.replace(record, uscc=uscc, industry=industry.value, name=record.name.strip(),
                                   name_initials=pinyin_initials(record.name.strip()))

    def update(self, record_id: str, **changes: object) -> Enterprise:
        # The base update writes only the named fields, but name_initials follows from the name (validate
        # recomputes it): name it too, or a renamed enterprise is found only by its old initials.
        if "name" in changes and "name_initials" not in changes:
            changes["name_initials"] = ""
        with self.db.transaction():
            before = self.require(record_id).district_id
            updated = super().update(record_id, **changes)
            if updated.district_id != before:
                self._relabel(record_id, updated.district_id)
        return updated

    def _relabel(self, enterprise_id: str, district_id: str) -> None:
        """A moved enterprise's hazards go with it into the new district's ledger (its inspectors follow them up
        now); inspections, notices, drills and incidents keep the district they happened in."""
        for (row_id,) in self.db.conn.execute("SELECT id FROM hazard WHERE enterprise_id = ? AND district_id != ?"
                                              " ORDER BY id", (enterprise_id, district_id)).fetchall():
            self.db.update("hazard", row_id, {"district_id": district_id})

    def by_uscc(self, uscc: str) -> Enterprise | None:
        found = self._select("uscc = ?", (validate_uscc(uscc),))
        return found[0] if found else None

    def of_district(self, district_id: str) -> list[Enterprise]:
        return self._select("district_id = ? AND deleted = 0", (district_id,), order="name")

    def every(self) -> list[Enterprise]:
        """Every enterprise, tombstoned ones too (an import matching by USCC must not duplicate one)."""
        return self._select(order="name")

    def active(self) -> list[Enterprise]:
        return self._select("deleted = 0", order="name")

    def count_in(self, district_ids: list[str] | None) -> int:
        if district_ids is None:
            return self.db.conn.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
        marks = ",".join("?" * len(district_ids))
        return self.db.conn.execute(f"SELECT count(*) FROM enterprise WHERE deleted = 0 AND district_id IN ({marks})",
                                    list(district_ids)).fetchone()[0]

    def count_as_of(self, district_ids: list[str] | None, day: date) -> int:
        """Enterprises supervised at the end of `day` in these districts (None: all): tracked by then, each in the
        district it was in then (a later move's audit entry keeps the district it left)."""
        left = districts_left_after(self.db, day)
        wanted = None if district_ids is None else set(district_ids)
        return sum(1 for enterprise_id, district_id in self.db.conn.execute(
                       "SELECT id, district_id FROM enterprise WHERE deleted = 0 AND tracked_since <= ?",
                       (day.isoformat(),))
                   if wanted is None or left.get(enterprise_id, district_id) in wanted)

    def search(self, text: str, limit: int = 50) -> list[Enterprise]:
        """Enterprises whose name or USCC contains `text`, or whose pinyin initials hold its letters in order.

        Initials match as a subsequence from the start, so 'zgjt' finds 中国建筑集团 (z-g-j-z-j-t):
        people abbreviate long names by skipping words.
        """
        needle = text.strip()
        if not needle:
            return []
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        letters = [ch for ch in needle.lower() if ch.isascii() and ch.isalpha()]
        prefix = "%".join(letters) + "%" if letters and len(letters) == len(needle) else "\x00"
        return self._select(
            "deleted = 0 AND (name LIKE :like ESCAPE '\\' OR uscc LIKE upper(:like) ESCAPE '\\'"
            " OR name_initials LIKE :prefix ESCAPE '\\')",
            {"like": like, "prefix": prefix}, order="name", limit=limit)

    def search_within(self, text: str, district_ids: list[str] | None, limit: int = 50, *,
                      enterprise_id: str | None = None) -> list[Enterprise]:
        """Like `search`, but only in `district_ids` (None: everywhere) and, given `enterprise_id`, only that
        one, so the limit applies after scoping.

        Filtering `search` results afterwards would let enterprises outside someone's scope use up
        the limit and hide theirs.
        """
        if district_ids is None and enterprise_id is None:
            return self.search(text, limit)
        needle = text.strip()
        if not needle or district_ids == []:
            return []
        like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        letters = [ch for ch in needle.lower() if ch.isascii() and ch.isalpha()]
        prefix = "%".join(letters) + "%" if letters and len(letters) == len(needle) else "\x00"
        districts = {f"d{index}": district_id for index, district_id in enumerate(district_ids or [])}
        scope = f" AND district_id IN ({', '.join(':' + key for key in districts)})" if districts else ""
        if enterprise_id is not None:
            scope += " AND id = :own"
        return self._select(
            f"deleted = 0{scope}"
            " AND (name LIKE :like ESCAPE '\\' OR uscc LIKE upper(:like) ESCAPE '\\'"
            " OR name_initials LIKE :prefix ESCAPE '\\')",
            {"like": like, "prefix": prefix, "own": enterprise_id, **districts}, order="name", limit=limit)
