"""Filing (报出) a period's statistics: the snapshot is stored once and sealed; later prints reprint it exactly.

Generic over the kind of statistic (quarterly, annual, ...): a filing is a kind, a period, a scope and the
figures as JSON. A recomputation after later changes is compared with the filed figures, never written over them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from safety_desk.domain.document_seal import canonical, content_digest
from safety_desk.domain.filing_diff import Difference, differences
from safety_desk.domain.language import say
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.filings import Filing

# The seal's kind letter of each kind of filed statistic (domain/document_seal.py KIND_NAMES).
KIND_CODES = {"quarterly": "Q", "annual": "A", "weekly": "W"}
KIND_NAMES = {"quarterly": "季度统计", "annual": "年度统计", "weekly": "安全生产周报"}
KIND_NAMES_EN = {"quarterly": "the quarterly statistics", "annual": "the annual statistics",
                 "weekly": "the weekly summary figures"}
FILING_ROLES = ("office", "enterprise")  # the office its tables; an enterprise its own art. 14 filing


class FilingProblem(ValueError):
    """A statistic cannot be filed (period not over, already filed); the message says which and why."""


@dataclass(frozen=True)
class FiledFigures:
    """What to print for a period: the filed figures and filing (None: not filed), and how today's differ."""

    content: dict[str, Any]
    filing: Filing | None
    differences: list[Difference] | None  # None on the print made as it is filed


class FilingService:
    """Files statistics within the signed-in person's scope and gives back what was filed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def filed(self, kind: str, period: str, scope: str) -> Filing | None:
        return self.store.filings.find(kind, period, scope)

    def file(self, kind: str, period: str, scope: str, number: str, content: dict[str, Any], *,
             period_end: date) -> Filing:
        """Store and seal the figures of a period that is over; refused when filed before or not over yet."""
        if self.session.role not in FILING_ROLES:
            raise PermissionDenied(say("只有安全办或企业本身可以报出统计数据",
                                       "only the office or the enterprise itself can file statistics"))
        if kind not in KIND_CODES:
            raise FilingProblem(say(f"无法报出“{kind}”类统计", f"statistics of the kind “{kind}” cannot be filed"))
        today = self.session.clock.today()
        what, what_en = KIND_NAMES[kind], KIND_NAMES_EN[kind]
        if period_end >= today:
            raise FilingProblem(say(f"{what} {period} 尚未结束（截至 {period_end.isoformat()}），期满后才能报出",
                                    f"{what_en} of {period} are not over yet (they run to {period_end.isoformat()}): "
                                    "they can be filed once the period is over"))
        existing = self.filed(kind, period, scope)
        if existing is not None:
            raise FilingProblem(say(f"{what} {period} 已于 {existing.filed_on} 报出（编号 {existing.number}），报出的数据不再更改；"
                                    "不加“报出”再次打印即为报出时的内容，并列出与现统计的差异",
                                    f"{what_en} of {period} were filed on {existing.filed_on} (number "
                                    f"{existing.number}) and filed figures do not change; printing again without "
                                    "filing prints them as filed, with the differences from today's figures"))
        seal = DocumentSeals(self.session).seal(KIND_CODES[kind], number, today.isoformat(), content)
        return self.store.filings.add(Filing(
            id=self.store.db.new_id(), kind=kind, period=period, scope=scope, number=number,
            content=canonical(content).decode("utf-8"), digest=content_digest(content), seal=seal.text(),
            filed_on=today.isoformat(), filed_by=self.session.person.id))

    def figures(self, kind: str, period: str, scope: str, now: dict[str, Any]) -> FiledFigures:
        """The figures to print: the filed ones with their differences from `now`, or `now` when not filed."""
        filing = self.filed(kind, period, scope)
        if filing is None:
            return FiledFigures(now, None, None)
        filed = json.loads(filing.content)
        return FiledFigures(filed, filing, differences(filed, now))
