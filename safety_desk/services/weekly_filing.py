"""Filing (报出) the weekly summary: its content is frozen and sealed once, and every later print of the week is
that copy (issue date, figures, 生成于, seal), with how a recomputation today differs from what was filed."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from safety_desk.domain.filing_diff import differences
from safety_desk.domain.language import say
from safety_desk.services.filings import FILING_ROLES, FiledFigures, FilingProblem, FilingService
from safety_desk.services.reports import ReportService

WEEKLY = "weekly"


def weekly_figures(summary) -> dict[str, Any]:
    """The summary's figures as compared with the filed ones: the numbers of its `--json` and its top categories."""
    figures = {key: value for key, value in summary.as_json().items()
               if isinstance(value, (int, float)) and not isinstance(value, bool)}
    figures["top_categories"] = [{"name": t.name or "未分类", "found": t.found} for t in summary.top_categories]
    return figures


def weekly_content(summary, number: str, generated_at: datetime) -> dict[str, Any]:
    """What is frozen and sealed: the whole summary as printed, its figures, and the moment its footer shows."""
    from safety_desk.reports.snapshots import to_snapshot

    return {"number": number, "generated_at": generated_at.isoformat(), "figures": weekly_figures(summary),
            "summary": to_snapshot(summary)}


def _filing_scope(session, district_code: str | None) -> str | None:
    """The scope a weekly is filed under: "" the city, a district's code, an enterprise's id; None for a person's
    own set of districts, which is never filed (it must not reprint the city's)."""
    visible, enterprise_id, _ = ReportService(session).scope(district_code)
    if enterprise_id is not None:
        return enterprise_id
    if district_code is not None:
        return district_code
    return "" if visible is None else None


def print_weekly(weekly, period, target: Path | str | BinaryIO, district_code: str | None, file: bool) -> FiledFigures:
    """Print the week's summary (`weekly`: the WeeklyService): the filed copy when it was filed, after filing it
    when asked, else computed now as before."""
    from safety_desk.reports.sealed_pdf import seal_block
    from safety_desk.reports.snapshots import from_snapshot
    from safety_desk.reports.weekly import render_weekly
    from safety_desk.services.weekly import WeeklySummary

    session = weekly.session
    summary = weekly.summary(period, district_code)
    scope = _filing_scope(session, district_code)
    filings = FilingService(session)
    if file:
        if "-W" not in period.key:  # a free period (--from/--to) is no issue of the weekly
            raise FilingProblem(say(f"只能报出一个自然周的周报，{period.label} 不是自然周",
                                    f"only the summary of one ISO week can be filed, not {period.key}"))
        if scope is None and session.role in FILING_ROLES:  # one who may not file is told so by file() below
            raise FilingProblem(say("请选择全市或一个片区后再报出周报",
                                    "choose the city or one district to file the weekly summary"))
        number = f"{period.key}·{summary.scope}"
        content = weekly_content(summary, number, session.clock.now())
        filing = filings.file(WEEKLY, period.key, scope or "", number, content, period_end=period.end)
        figures = FiledFigures(content, filing, None)
    else:
        filing = filings.filed(WEEKLY, period.key, scope) if scope is not None else None
        if filing is None:
            weekly.write_pdf(summary, target)  # as before filing existed
            return FiledFigures(weekly_figures(summary), None, None)
        content = json.loads(filing.content)
        figures = FiledFigures(content, filing, differences(content["figures"], weekly_figures(summary)))
    # The filed copy exactly as filed: no reprint mark and no differences on the page (they are reported beside
    # it), so that every print of the week is the same document.
    render_weekly(from_snapshot(WeeklySummary, content["summary"]), target,
                  generated_at=datetime.fromisoformat(content["generated_at"]),
                  tail=seal_block(filing.seal, filing.content, number=filing.number))
    return figures
