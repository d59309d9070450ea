"""The weekly summary: every JSON figure equals an independent count; the PDF prints them with its charts."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.clock import end_of_day
from safety_desk.domain.hazard_status import (
    HazardEventKind, HazardState, HazardStatus, fold_hazard_events, overdue_days,
)
from safety_desk.services.auth import SignIn
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.reports import ReportProblem
from safety_desk.services.weekly import WeeklyService, date_range, iso_week
from safety_desk.store.hazards import fact_of
from safety_desk.store.store import Store

AS_OF = date(2026, 11, 27)
KEYS = {"week", "scope", "inspections", "enterprises_inspected", "enterprises_total", "hazards_found_general",
        "hazards_found_major", "hazards_closed", "hazards_open", "hazards_overdue", "drills_held", "incidents",
        "liable_incidents_larger_or_above"}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("weekly") / "demo.db"
    build_demo(path, DemoSpec(enterprises=30, weeks=16, seed=12, as_of=AS_OF, larger_incident=True))
    return path


def test_iso_weeks_and_ranges() -> None:
    week = iso_week("2026-W48")
    assert (week.start, week.end, week.key) == (date(2026, 11, 23), date(2026, 11, 29), "2026-W48")
    assert iso_week("2026w1").start == date(2025, 12, 29)
    for bad in ("2026-W54", "W48", "2026-48", ""):
        with pytest.raises(ReportProblem, match="2026-W48"):
            iso_week(bad)
    with pytest.raises(ReportProblem):
        date_range(date(2026, 11, 2), date(2026, 11, 1))


def _state_as_of(store: Store, hazard_id: str, as_of: date) -> HazardState | None:
    """The hazard's events up to the end of `as_of`, folded; None when it was not registered by then."""
    end = end_of_day(as_of)
    facts = [fact_of(e) for e in store.hazards.events(hazard_id) if datetime.fromisoformat(e.at) <= end]
    return fold_hazard_events(facts) if any(f.kind == HazardEventKind.CREATED for f in facts) else None


def _independent(store: Store, start: date, end: date, as_of: date, district_id: str | None = None) -> dict:
    """The weekly figures counted in Python from the records, without the statistics queries."""
    def inside(record) -> bool:
        return district_id is None or record.district_id == district_id
    # Hazards as they stood at the end of as_of: registered by then, their events folded up to then.
    folded = {h.id: _state_as_of(store, h.id, as_of) for h in store.hazards._select("deleted = 0") if inside(h)}
    hazards = [h for h in store.hazards._select("deleted = 0") if folded.get(h.id) is not None]
    states = {h.id: folded[h.id] for h in hazards}
    found = [h for h in hazards if start.isoformat() <= h.found_on <= end.isoformat()]
    closed = [h for h in hazards if states[h.id].closed_at and start <= states[h.id].closed_at.date() <= end]
    inspections = [i for i in store.inspections._select("status = 'submitted'") if inside(i)
                   and i.kind != "self_inspection" and start.isoformat() <= i.started_at[:10] <= end.isoformat()]
    drills = [d for d in store.drills._select("deleted = 0 AND status = 'held'") if inside(d)
              and start.isoformat() <= d.held_on <= end.isoformat()]
    incidents = [i for i in store.incidents._select("deleted = 0") if inside(i)
                 and start.isoformat() <= i.occurred_at[:10] <= end.isoformat()]
    return {
        "inspections": len(inspections), "enterprises_inspected": len({i.enterprise_id for i in inspections}),
        "enterprises_total": len([e for e in store.enterprises.active() if inside(e)]),
        "hazards_found_general": sum(h.grade == "一般" for h in found),
        "hazards_found_major": sum(h.grade == "重大" for h in found), "hazards_closed": len(closed),
        "hazards_open": sum(states[h.id].status is not HazardStatus.CLOSED for h in hazards),
        "hazards_overdue": sum(overdue_days(states[h.id], as_of) > 0 for h in hazards),
        "drills_held": len(drills), "incidents": len(incidents),
        "liable_incidents_larger_or_above": sum(
            i.liable is True and store.incidents.grade(i).is_larger_or_above for i in incidents),
    }


@pytest.mark.parametrize("week", ["2026-W47", "2026-W45", "2026-W42"])
def test_the_figures_equal_an_independent_count(demo_path: Path, week: str) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        period = iso_week(week)
        figures = WeeklyService(session.at(AS_OF)).summary(period).as_json()
        assert KEYS <= set(figures) and figures["week"] == week and figures["scope"] == "city"
        expected = _independent(store, period.start, period.end, min(AS_OF, period.end))
        assert {key: figures[key] for key in expected} == expected
        assert figures["inspections"] > 0 and figures["hazards_found_general"] > 0


def test_a_district_summary_counts_only_that_district(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        district = store.districts.active()[1]
        period = iso_week("2026-W46")
        figures = WeeklyService(session.at(AS_OF)).summary(period, district.code).as_json()
        assert figures["scope"] == district.code and figures["scope_name"] == district.name
        expected = _independent(store, period.start, period.end, period.end, district.id)
        assert {key: figures[key] for key in expected} == expected


def test_the_pdf_prints_the_goal_sections_and_charts(demo_path: Path, tmp_path: Path, pdf_text, pdf_fonts) -> None:
    with Store.open(demo_path) as store:
        session = SignIn(store).sign_in("admin", "demo")
        service = WeeklyService(session.at(AS_OF))
        quiet = service.summary(iso_week("2026-W44"))
        service.write_pdf(quiet, tmp_path / "w44.pdf")
        larger = [i for i in store.incidents._select("deleted = 0") if store.incidents.grade(i).is_larger_or_above]
        day = date.fromisoformat(larger[0].occurred_at[:10]).isocalendar()
        broken = service.summary(iso_week(f"{day.year}-W{day.week:02d}"))
        service.write_pdf(broken, tmp_path / "broken.pdf")
    text = "".join(pdf_text(tmp_path / "w44.pdf").split())
    for heading in ("一、工作开展情况", "二、隐患排查治理情况", "三、专项行动进展", "四、宣教培训", "五、应急演练",
                    "六、事故情况", "七、下周到期整改事项", "近12周隐患发现与销号", "各片区未销号隐患"):
        assert heading in text
    assert f"本期开展检查{quiet.work.inspections}次" in text
    if not quiet.incidents:
        assert "零报告" in text
    assert quiet.goal.holds and "目标保持" in text and "目标未实现" not in text
    # The week of the demo's liable 较大 accident: the goal is broken and the accident is listed with its grade.
    broken_text = "".join(pdf_text(tmp_path / "broken.pdf").split())
    assert not broken.goal.holds and "目标未实现" in broken_text and "较大" in broken_text
    assert broken.as_json()["liable_incidents_larger_or_above"] == 1
    assert all(embedded for _, embedded in pdf_fonts(tmp_path / "w44.pdf"))


def test_the_command_line(demo_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(demo_path), "report", "weekly", "--week", "2026-W47", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["week"] == "2026-W47"
    pdf = runner.invoke(main, ["--db", str(demo_path), "report", "weekly", "--from", "2026-11-01", "--to",
                               "2026-11-20", "-o", str(tmp_path / "r.pdf")])
    assert pdf.exit_code == 0 and (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    for args in (["--week", "2026-W99", "--json"], ["--week", "2026-W47"], ["--from", "2026-11-01", "--json"],
                 ["--week", "2026-W47", "--district", "NOPE", "--json"]):
        bad = runner.invoke(main, ["--db", str(demo_path), "report", "weekly", *args])
        assert bad.exit_code == 2, args


def test_a_week_with_no_data_says_so(demo_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_path) as store:
        service = WeeklyService(SignIn(store).sign_in("admin", "demo").at(AS_OF))
        empty = service.summary(iso_week("2025-W10"))  # long before the demo's first week
        service.write_pdf(empty, tmp_path / "empty.pdf")
    figures = empty.as_json()
    assert empty.quiet and figures["inspections"] == figures["hazards_found_general"] == figures["drills_held"] == 0
    text = "".join(pdf_text(tmp_path / "empty.pdf").split())
    assert "本期无检查、新发现或销号隐患、培训、演练和事故记录" in text and "零报告" in text
    assert "本期开展检查0次" in text and "本期新发现隐患0条" in text


def test_the_printed_summary_carries_the_json_figures(demo_path: Path, tmp_path: Path, pdf_text) -> None:
    with Store.open(demo_path) as store:
        service = WeeklyService(SignIn(store).sign_in("admin", "demo").at(AS_OF))
        summary = service.summary(iso_week("2026-W47"))
        service.write_pdf(summary, tmp_path / "w47.pdf")
    f = summary.as_json()
    text = "".join(pdf_text(tmp_path / "w47.pdf").split())
    for phrase in (f"本期开展检查{f['inspections']}次", f"覆盖企业{f['enterprises_inspected']}家",
                   f"共{f['enterprises_total']}家", f"其中一般隐患{f['hazards_found_general']}条",
                   f"重大隐患{f['hazards_found_major']}条", f"本期整改销号{f['hazards_closed']}条",
                   f"未销号隐患{f['hazards_open']}条", f"其中逾期{f['hazards_overdue']}条",
                   f"本期开展演练{f['drills_held']}次"):
        assert phrase in text, phrase
