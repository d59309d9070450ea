"""The ledger's text search through the trigram indexes finds exactly what a plain LIKE scan finds, after any write."""

from __future__ import annotations

import random

import pytest

from safety_desk.store.ledger import SORT_COLUMNS, LedgerFilter, LedgerQuery
from tests.demo_data import DEMO_AS_OF as AS_OF


def _scan(store, text: str) -> set[str]:
    """The hazards whose description, location or enterprise name holds `text`: every row read, in Python."""
    rows = store.db.conn.execute(
        "SELECT h.id, h.description, h.location, e.name FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id"
        " WHERE h.deleted = 0").fetchall()
    needle = text.casefold()
    return {row[0] for row in rows if any(needle in (value or "").casefold() for value in row[1:])}


def _found(store, text: str) -> set[str]:
    query = LedgerQuery(store.db)
    flt = LedgerFilter(text=text)
    count = query.count(flt, AS_OF)
    ids = {row.hazard_id for row in query.page(flt, AS_OF, offset=0, limit=100_000)}
    assert count == len(ids)
    return ids


def _substrings(store, seed: int, count: int) -> list[str]:
    rows = store.db.conn.execute(
        "SELECT h.description, h.location, e.name FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id"
    ).fetchall()
    draw = random.Random(seed)
    texts = []
    for _ in range(count):
        source = draw.choice([value for value in draw.choice(rows) if value]) or "灭火器"
        length = draw.randint(1, 8)
        start = draw.randint(0, max(0, len(source) - length))
        texts.append(source[start:start + length])
    return texts


def test_random_substrings_find_what_a_scan_finds(demo_store) -> None:
    for text in _substrings(demo_store, seed=14, count=60) + ["不符合", "GB", "a", "没有这样的隐患", "配电"]:
        assert _found(demo_store, text) == _scan(demo_store, text), text


@pytest.mark.parametrize("text", ['"灭火器"', "灭火器*", "100%", "a_b", "NEAR(配电 箱)", "配电 OR 仓库", "'", "-- x"])
def test_query_syntax_is_searched_as_text(demo_store, text) -> None:
    assert _found(demo_store, text) == _scan(demo_store, text)


def test_edits_imports_and_renames_are_found_at_once(demo_store) -> None:
    hazard_id, enterprise_id = demo_store.db.conn.execute(
        "SELECT id, enterprise_id FROM hazard WHERE deleted = 0 LIMIT 1").fetchone()
    with demo_store.transaction():
        demo_store.db.update("hazard", hazard_id, {"description": "罐区呼吸阀锈死未更换", "location": "东侧罐区"})
        demo_store.db.update("enterprise", enterprise_id, {"name": "青岛新名字化工有限公司"})
    assert hazard_id in _found(demo_store, "呼吸阀锈死") and hazard_id in _found(demo_store, "东侧罐")
    assert hazard_id in _found(demo_store, "新名字化工")
    assert _found(demo_store, "新名字化工") == _scan(demo_store, "新名字化工")
    old = demo_store.db.conn.execute("SELECT description FROM hazard WHERE id != ? LIMIT 1", (hazard_id,)).fetchone()
    assert _found(demo_store, old[0][:6]) == _scan(demo_store, old[0][:6])


@pytest.mark.parametrize("column", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("flt", [LedgerFilter(), LedgerFilter(grade="一般")], ids=["all", "narrowed"])
def test_a_page_read_from_the_far_end_is_the_same_page(demo_store, column, flt) -> None:
    query = LedgerQuery(demo_store.db)
    total = query.count(flt, AS_OF)
    for descending in (False, True):
        for offset in (0, total // 2 - 7, total // 2 + 3, total - 50, total - 20):
            plain = query.page(flt, AS_OF, column, descending, offset, 30)
            reversed_read = query.page(flt, AS_OF, column, descending, offset, 30, total)
            assert [r.hazard_id for r in reversed_read] == [r.hazard_id for r in plain], (column, descending, offset)
