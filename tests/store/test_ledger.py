"""The hazard ledger query and service: filters, scope, sort order, overdue days and paging, against Python."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from safety_desk.domain.hazard_status import overdue_days
from safety_desk.services.ledger import LedgerService
from safety_desk.services.session import Session
from safety_desk.store.ledger import SORT_COLUMNS, LedgerFilter, LedgerQuery, LedgerRow
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("ledger"))


@pytest.fixture
def store(demo_path: Path):
    with Store.open(demo_path) as opened:
        yield opened


@dataclasses.dataclass
class Expected:
    """A hazard as the test works it out: from the records and a fresh fold of its events."""

    row: LedgerRow
    enterprise_id: str
    district_id: str
    campaign_id: str | None


def _expected(store: Store) -> list[Expected]:
    notices = {}
    found = []
    for hazard in store.hazards._select("deleted = 0"):
        state = store.hazards.state(hazard.id)
        if hazard.notice_id and hazard.notice_id not in notices:
            notices[hazard.notice_id] = store.notices.require(hazard.notice_id).number
        enterprise = store.enterprises.require(hazard.enterprise_id)
        district = store.districts.require(hazard.district_id)
        # The last re-inspection: the latest verified or rejected event by its clock.
        checks = [e for e in store.hazards.events(hazard.id) if e.kind in ("verified", "rejected")]
        last = max(checks, key=lambda e: e.clock) if checks else None
        plan = hazard.treatment_plan
        row = LedgerRow(
            hazard_id=hazard.id, found_on=hazard.found_on, enterprise_name=enterprise.name,
            district_name=district.name, grade=hazard.grade, description=hazard.description,
            location=hazard.location, status=state.status.value if state else None,
            deadline=state.deadline.isoformat() if state and state.deadline else None,
            overdue_days=overdue_days(state, AS_OF) if state else 0, source=hazard.source,
            notice_number=notices.get(hazard.notice_id), enterprise_uscc=enterprise.uscc,
            district_code=district.code, photo=hazard.photos[0] if hazard.photos else None,
            category=hazard.category, basis=hazard.basis, measures=hazard.measures, responsible=hazard.responsible,
            closed_at=state.closed_at.isoformat() if state and state.closed_at else None,
            rectified_at=state.rectified_at.isoformat() if state and state.rectified_at else None,
            accident_type=hazard.accident_type,
            treatment_plan=json.dumps(plan, ensure_ascii=False) if plan is not None else None,
            funding=plan.get("funding") if plan else None, supervision_level=hazard.supervision_level,
            referred_on=hazard.referred_on,
            reinspected_by=store.people.require(last.by_id).name if last else None,
            reinspected_at=last.at if last else None, reinspection_kind=last.kind if last else None,
            reinspection_reason=(last.reason or None) if last else None)
        found.append(Expected(row, hazard.enterprise_id, hazard.district_id, hazard.campaign_id))
    return found


def _all_rows(query: LedgerQuery, flt: LedgerFilter, column: str = "found_on", descending: bool = True,
              page_size: int = 37) -> list[LedgerRow]:
    rows, offset = [], 0
    while True:
        page = query.page(flt, AS_OF, column, descending, offset, page_size)
        rows += page
        if len(page) < page_size:
            return rows
        offset += page_size


def test_every_hazard_appears_once_with_its_overdue_days_computed_like_the_domain(store: Store) -> None:
    expected = {e.row.hazard_id: e.row for e in _expected(store)}
    query = LedgerQuery(store.db)
    rows = _all_rows(query, LedgerFilter())
    assert query.count(LedgerFilter(), AS_OF) == len(expected) == len(rows)
    assert len({r.hazard_id for r in rows}) == len(rows)
    # The treatment plan is JSON: compared as what it holds, not as text.
    plans = lambda by_id: {k: json.loads(r.treatment_plan) if r.treatment_plan else None for k, r in by_id.items()}
    got = {r.hazard_id: r for r in rows}
    assert plans(got) == plans(expected)
    assert ({k: dataclasses.replace(r, treatment_plan=None) for k, r in got.items()}
            == {k: dataclasses.replace(r, treatment_plan=None) for k, r in expected.items()})
    assert any(r.reinspection_kind == "rejected" for r in rows) and any(r.supervision_level for r in rows)
    assert any(r.overdue_days > 0 for r in rows), "the demo data should hold overdue hazards"
    assert any(r.notice_number for r in rows), "the demo data should hold hazards on notices"


def _sort_key(row: LedgerRow, column: str):
    value = {"found_on": row.found_on, "district": row.district_name, "enterprise": row.enterprise_name,
             "grade": row.grade, "description": row.description, "location": row.location, "status": row.status,
             "deadline": row.deadline, "overdue_days": row.overdue_days, "source": row.source,
             "notice": row.notice_number, "photo": int(row.photo is not None)}[column]
    # SQLite puts NULL before every value in ascending order; UTF-8 byte order is code point order.
    key = (value is not None, value if value is not None else 0)
    if column == "status":  # the status sort goes on by deadline, the most pressing first within a status
        key += (row.deadline is not None, row.deadline or "")
    return (*key, row.hazard_id)


@pytest.mark.parametrize("column", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_on_each_column_orders_like_python_with_ties_by_id(store: Store, column: str,
                                                                  descending: bool) -> None:
    rows = _all_rows(LedgerQuery(store.db), LedgerFilter(), column, descending, page_size=50)
    assert rows == sorted(rows, key=lambda r: _sort_key(r, column), reverse=descending)


# The sorts read in index order when the filter keeps most hazards (enterprise, district, notice, overdue days:
# a fixed loop over names, or two runs) and from the filter's own index otherwise: both must order alike.
@pytest.mark.parametrize("column", ["found_on", "enterprise", "district", "notice", "overdue_days", "status",
                                    "description", "photo"])
@pytest.mark.parametrize("kind", ["scope", "district", "enterprise", "open", "scope and grade"])
def test_sorts_under_wide_and_narrow_filters_order_like_python(store: Store, column: str, kind: str) -> None:
    expected = _expected(store)
    # Of the enterprises with such a row, the one with most hazards: a narrow filter that still keeps a few.
    hazards_of = Counter(e.enterprise_id for e in expected)
    sample = max((e for e in expected if e.row.notice_number and e.row.overdue_days == 0),
                 key=lambda e: hazards_of[e.enterprise_id])
    scope = sorted({e.district_id for e in expected})[:2]
    flt, keep = {
        "scope": (LedgerFilter(district_ids=scope), lambda e: e.district_id in scope),
        "district": (LedgerFilter(district_id=sample.district_id), lambda e: e.district_id == sample.district_id),
        "enterprise": (LedgerFilter(enterprise_id=sample.enterprise_id),
                       lambda e: e.enterprise_id == sample.enterprise_id),
        "open": (LedgerFilter(open_only=True), lambda e: e.row.status != "已销号"),
        "scope and grade": (LedgerFilter(district_ids=scope, grade="一般"),
                            lambda e: e.district_id in scope and e.row.grade == "一般"),
    }[kind]
    kept = [e.row for e in expected if keep(e)]
    assert len(kept) > 3
    query = LedgerQuery(store.db)
    for descending in (False, True):
        rows = _all_rows(query, flt, column, descending, page_size=7)
        want = sorted(kept, key=lambda r: _sort_key(r, column), reverse=descending)
        assert [r.hazard_id for r in rows] == [r.hazard_id for r in want], (column, kind, descending)
        total = len(want)
        for offset in (0, 5, total // 2, total - 9, total - 3):  # deep pages read from the far end
            page = query.page(flt, AS_OF, column, descending, max(0, offset), 7, total)
            assert [r.hazard_id for r in page] == [r.hazard_id for r in want[max(0, offset):max(0, offset) + 7]]


def test_enterprises_of_the_same_name_sort_their_hazards_together_by_id(demo_path: Path, tmp_path: Path) -> None:
    """The enterprise sort walks enterprises by name: two of one name are one run, ordered by hazard id."""
    path = tmp_path / "same-name.db"
    shutil.copy(demo_path, path)
    with Store.open(path) as store:
        first, second = store.db.conn.execute(
            "SELECT id FROM enterprise WHERE id IN (SELECT enterprise_id FROM hazard) ORDER BY id LIMIT 2").fetchall()
        name = store.enterprises.require(first[0]).name
        with store.transaction():
            store.db.update("enterprise", second[0], {"name": name})
        for descending in (False, True):
            rows = _all_rows(LedgerQuery(store.db), LedgerFilter(), "enterprise", descending, page_size=11)
            assert rows == sorted(rows, key=lambda r: _sort_key(r, "enterprise"), reverse=descending)
            assert sum(r.enterprise_name == name for r in rows) > 1


@pytest.mark.parametrize("field", ["enterprise_name", "district_name", "notice_number", "category", "closed_at"])
def test_any_ledger_field_sorts_by_its_name(store: Store, field: str) -> None:
    """A column added to the ledger's table sorts without its own entry in SORT_COLUMNS."""
    rows = _all_rows(LedgerQuery(store.db), LedgerFilter(), field, descending=False, page_size=50)

    def key(row: LedgerRow):
        value = getattr(row, field)
        return value is not None, value or "", row.hazard_id
    assert rows == sorted(rows, key=key)
    assert len({getattr(row, field) for row in rows}) > 1, "the demo data should hold different values"


def test_an_unknown_sort_column_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown column"):
        LedgerQuery(store.db).page(LedgerFilter(), AS_OF, "found_on; DROP TABLE hazard")


def _filters(expected: list[Expected]) -> list[tuple[LedgerFilter, object]]:
    sample = expected[len(expected) // 2]
    word = sample.row.description[:4]
    campaign = next((e.campaign_id for e in expected if e.campaign_id), None)
    return [
        (LedgerFilter(district_id=sample.district_id), lambda e: e.district_id == sample.district_id),
        (LedgerFilter(enterprise_id=sample.enterprise_id), lambda e: e.enterprise_id == sample.enterprise_id),
        (LedgerFilter(grade="重大"), lambda e: e.row.grade == "重大"),
        (LedgerFilter(status="待整改"), lambda e: e.row.status == "待整改"),
        (LedgerFilter(overdue_only=True), lambda e: e.row.overdue_days > 0),
        (LedgerFilter(found_from=date(2026, 10, 1), found_to=date(2026, 10, 31)),
         lambda e: "2026-10-01" <= e.row.found_on <= "2026-10-31"),
        (LedgerFilter(campaign_id=campaign), lambda e: e.campaign_id == campaign),
        (LedgerFilter(source="self_inspection"), lambda e: e.row.source == "self_inspection"),
        (LedgerFilter(text=word), lambda e: word in e.row.description or word in e.row.location
         or word in e.row.enterprise_name),
        (LedgerFilter(text=sample.row.enterprise_name), lambda e: sample.row.enterprise_name in e.row.description
         or sample.row.enterprise_name in e.row.location or sample.row.enterprise_name in e.row.enterprise_name),
        (LedgerFilter(district_ids=[sample.district_id], grade="一般", overdue_only=True),
         lambda e: e.district_id == sample.district_id and e.row.grade == "一般" and e.row.overdue_days > 0),
        (LedgerFilter(district_ids=[]), lambda e: False),
        # LIKE wildcards typed by the user are text, not patterns.
        (LedgerFilter(text="%"), lambda e: "%" in e.row.description + e.row.location + e.row.enterprise_name),
        (LedgerFilter(text="_"), lambda e: "_" in e.row.description + e.row.location + e.row.enterprise_name),
    ]


def test_each_filter_keeps_exactly_the_matching_hazards(store: Store) -> None:
    expected = _expected(store)
    query = LedgerQuery(store.db)
    for flt, keep in _filters(expected):
        wanted = {e.row.hazard_id for e in expected if keep(e)}
        assert query.count(flt, AS_OF) == len(wanted), flt
        assert {r.hazard_id for r in _all_rows(query, flt)} == wanted, flt


def test_tombstoned_hazards_are_left_out(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_path, copy)
    with Store.open(copy) as store:
        query = LedgerQuery(store.db)
        before = query.count(LedgerFilter(), AS_OF)
        gone = query.page(LedgerFilter(), AS_OF, limit=1)[0].hazard_id
        store.hazards.delete(gone)
        assert query.count(LedgerFilter(), AS_OF) == before - 1
        assert gone not in {r.hazard_id for r in _all_rows(query, LedgerFilter())}


def test_the_service_keeps_each_role_within_its_scope(store: Store) -> None:
    expected = _expected(store)
    inspector = store.people.by_login("inspector01a")
    districts = set(store.members.districts_of(inspector.id))
    service = LedgerService(Session(store, inspector).at(AS_OF))
    wanted = {e.row.hazard_id for e in expected if e.district_id in districts}
    assert 0 < service.count(LedgerFilter()) == len(wanted) < len(expected)
    assert {r.hazard_id for r in service.page(LedgerFilter(), limit=10_000)} == wanted
    # Asking for a district outside the scope, or widening the scope, finds nothing more.
    outside = next(e.district_id for e in expected if e.district_id not in districts)
    assert service.count(LedgerFilter(district_id=outside)) == 0
    assert service.count(LedgerFilter(district_ids=None)) == len(wanted)

    officer = next(p for p in store.people.with_role("enterprise")
                   if any(e.enterprise_id == p.enterprise_id for e in expected))
    own = LedgerService(Session(store, officer).at(AS_OF))
    mine = {e.row.hazard_id for e in expected if e.enterprise_id == officer.enterprise_id}
    assert own.count(LedgerFilter()) == len(mine)
    assert {r.hazard_id for r in own.page(LedgerFilter(), limit=10_000)} == mine
    other = next(e.enterprise_id for e in expected if e.enterprise_id != officer.enterprise_id)
    assert own.count(LedgerFilter(enterprise_id=other)) == 0
    assert own.page(LedgerFilter(enterprise_id=other)) == []

    office = LedgerService(Session(store, store.people.by_login("admin")).at(AS_OF))
    assert office.count(LedgerFilter()) == len(expected)
    assert [d.id for d in office.districts()] == [d.id for d in store.districts.active()]
    assert {d.id for d in service.districts()} == districts


def test_the_first_page_comes_with_the_count(store: Store) -> None:
    query = LedgerQuery(store.db)
    total = query.count(LedgerFilter(), AS_OF)
    rows, count = query.first_page(LedgerFilter(), AS_OF, limit=10)
    assert count == total > 10 and rows == query.page(LedgerFilter(), AS_OF, limit=10)
    rows, count = query.first_page(LedgerFilter(), AS_OF, limit=total + 1)
    assert count == total == len(rows)
    assert query.first_page(LedgerFilter(text="不会出现的文字"), AS_OF) == ([], 0)


@pytest.mark.parametrize("column", ["deadline", "status", "overdue_days"])
def test_a_hazard_whose_created_event_has_not_arrived_still_sorts_into_the_list(tmp_path: Path, demo_path: Path,
                                                                               column: str) -> None:
    """Synced data can hold a hazard before its created event: the fast, index-ordered sort must not drop it.

    Today's ledger, that is: as of a past day only hazards registered by then are listed (test_figures_as_of)."""
    from safety_desk.domain.clock import FixedClock
    from safety_desk.store.records import Hazard

    copy = tmp_path / "copy.db"
    shutil.copy(demo_path, copy)
    with Store.open(copy, clock=FixedClock(AS_OF)) as store:
        some = store.hazards._select("deleted = 0", limit=1)[0]
        orphan = store.hazards.add(Hazard(id=store.db.new_id(), enterprise_id=some.enterprise_id,
                                          district_id=some.district_id, source="inspection",
                                          description="事件尚未同步到的隐患", grade="一般", found_on="2026-11-20"))
        query = LedgerQuery(store.db)
        for descending in (False, True):
            rows = _all_rows(query, LedgerFilter(), column, descending, page_size=50)
            assert orphan.id in {r.hazard_id for r in rows} and len(rows) == query.count(LedgerFilter(), AS_OF)
            assert rows == sorted(rows, key=lambda r: _sort_key(r, column), reverse=descending)
