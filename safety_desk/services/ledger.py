"""The hazard ledger (隐患台账) as the signed-in person may see it: scoped counts and pages of hazards."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Iterator

from safety_desk.domain.language import say
from safety_desk.domain.ledger import LedgerValues
from safety_desk.services.session import Session
from safety_desk.store.hazards import HAZARD_SOURCES
from safety_desk.store.ledger import SORT_COLUMNS, LedgerFilter, LedgerQuery, LedgerRow
from safety_desk.store.records import Campaign, District

__all__ = ["HAZARD_SOURCES", "SORT_COLUMNS", "LedgerFilter", "LedgerRow", "LedgerService"]


class LedgerService:
    """Applies the session's scope to every ledger query; the UI cannot widen it by what it passes."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store
        self.query = LedgerQuery(session.store.db)

    def as_of(self) -> date:
        return self.session.clock.today()

    def scoped(self, flt: LedgerFilter) -> LedgerFilter | None:
        """The filter narrowed to what this person may see; None when it can match nothing."""
        scoped = dataclasses.replace(flt, district_ids=self.session.district_ids())
        if self.session.role == "enterprise":
            own = self.session.person.enterprise_id
            if flt.enterprise_id is not None and flt.enterprise_id != own:
                return None
            scoped = dataclasses.replace(scoped, enterprise_id=own)
        return scoped

    def count(self, flt: LedgerFilter) -> int:
        scoped = self.scoped(flt)
        return 0 if scoped is None else self.query.count(scoped, self.as_of())

    def page(self, flt: LedgerFilter, sort_column: str = "found_on", descending: bool = True,
             offset: int = 0, limit: int = 200, total: int | None = None) -> list[LedgerRow]:
        """A page of rows; with the `total` the caller counted, deep pages are read from the nearer end."""
        scoped = self.scoped(flt)
        if scoped is None:
            return []
        return self.query.page(scoped, self.as_of(), sort_column, descending, offset, limit, total)

    def first_page(self, flt: LedgerFilter, sort_column: str = "found_on", descending: bool = True,
                   limit: int = 200) -> tuple[list[LedgerRow], int]:
        """The first page and how many hazards match in all (one query when they fit on the page)."""
        scoped = self.scoped(flt)
        if scoped is None:
            return [], 0
        return self.query.first_page(scoped, self.as_of(), sort_column, descending, limit)

    def every_row(self, flt: LedgerFilter, sort_column: str = "found_on", descending: bool = True
                  ) -> Iterator[LedgerRow]:
        scoped = self.scoped(flt)
        if scoped is not None:
            yield from self.query.every_row(scoped, self.as_of(), sort_column, descending)

    def every_value_row(self, flt: LedgerFilter, sort_column: str = "found_on", descending: bool = True
                        ) -> Iterator[LedgerValues]:
        """every_row as named tuples (the same fields): what a 200,000-row export streams."""
        scoped = self.scoped(flt)
        if scoped is not None:
            yield from self.query.every_value_row(scoped, self.as_of(), sort_column, descending)

    def filter_for(self, *, district_code: str | None = None, uscc: str | None = None, grade: str | None = None,
                   status: str | None = None, overdue: bool = False) -> LedgerFilter:
        """The filter that codes and names describe (the command line's options); ValueError names an unknown
        district or USCC."""
        flt = LedgerFilter(grade=grade, status=status, overdue_only=overdue)
        if district_code is not None:
            district = self.store.districts.by_code(district_code)
            if district is None:
                raise ValueError(say(f"--district: 片区代码 {district_code} 不存在",
                                     f"--district: no district with the code {district_code}"))
            flt = dataclasses.replace(flt, district_id=district.id)
        if uscc is not None:
            try:
                enterprise = self.store.enterprises.by_uscc(uscc.strip().upper())
            except ValueError as exc:
                raise ValueError(f"--enterprise {uscc}: {exc}") from None
            if enterprise is None:
                raise ValueError(say(f"--enterprise: 统一社会信用代码 {uscc} 不存在",
                                     f"--enterprise: no enterprise with the USCC {uscc}"))
            flt = dataclasses.replace(flt, enterprise_id=enterprise.id)
        return flt

    def districts(self) -> list[District]:
        """The districts this person sees, by code: the choices of the ledger's district filter."""
        scope = self.session.district_ids()
        districts = self.store.districts.active()
        return districts if scope is None else [d for d in districts if d.id in scope]

    def campaigns(self) -> list[Campaign]:
        return self.store.campaigns.active()
