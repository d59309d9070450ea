"""Whether a hazard's basis (判定依据) may stand on an official document: not 待核, not a superseded edition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safety_desk.domain.language import say


@dataclass(frozen=True)
class Superseded:
    """An edition that stopped counting on `until`, and what replaced it (regulations.md §0, with its tag)."""

    cited: str  # as it is written in a basis
    replacement: str
    until: date  # the replacement's first day in force
    tag: str


SUPERSEDED = (
    Superseded("GB 35181-2017", "GB 35181-2025《重大火灾隐患判定规则》", date(2025, 11, 1), "V"),
    Superseded("安监总管三〔2017〕121号", "AQ 3067-2026《化工和危险化学品生产经营企业重大生产安全事故隐患判定准则》",
               date(2026, 9, 30), "R"),
    Superseded("国资委令第21号", "国务院国资委令第44号《中央企业安全生产监督管理办法》", date(2024, 3, 1), "V"),
    # Repealed by 2024版 第十八条 on its issue [V]; the issue date 2024-12-13 is reported [R]
    # (checklists/construction-major-2024.toml header).
    Superseded("建质规〔2022〕2号", "《房屋市政工程生产安全重大事故隐患判定标准（2024版）》（建质规〔2024〕5号）",
               date(2024, 12, 13), "R"),
)
UNRESOLVED = "待核"


def basis_problem(basis: str, on: date) -> str | None:
    """Why `basis` cannot be cited in a document dated `on` (in the current language), or None when it can."""
    text = (basis or "").replace(" ", "")
    for edition in SUPERSEDED:
        if edition.cited.replace(" ", "") in text and on >= edition.until:
            day = edition.until
            return say(f"判定依据“{basis}”引用的 {edition.cited} 已于 {day.year}年{day.month}月{day.day}日被 {edition.replacement} 替代",
                       f"the basis “{basis}” cites {edition.cited}, replaced by {edition.replacement} "
                       f"on {day.isoformat()}")
    if UNRESOLVED in text:
        return say(f"判定依据“{basis}”尚待核实", f"the basis “{basis}” is still to be checked")
    return None


def unfit_bases(hazards, on: date, what: str | None = None) -> str | None:
    """One message naming every item whose basis cannot stand in a `what` dated `on`, or None.

    `hazards` are in the document's order (anything with .description and .basis).
    """
    problems = []
    for number, hazard in enumerate(hazards, start=1):
        problem = basis_problem(hazard.basis, on)
        if problem:
            short = hazard.description if len(hazard.description) <= 20 else hazard.description[:19] + "…"
            problems.append(say(f"第{number}项“{short}”：{problem}", f"item {number} “{short}”: {problem}"))
    if not problems:
        return None
    if what is None:
        what = say("整改通知书", "the notice")
    return say(f"{what}不能出具：" + "；".join(problems) + "。请先在隐患详情中更正判定依据。",
               f"{what} cannot be issued: " + "; ".join(problems) + ". Correct the basis on the hazard first.")
