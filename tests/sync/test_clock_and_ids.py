"""Hybrid logical clock and UUIDv7 ids: ordering, monotonicity, reproducible demo ids."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_desk.domain.hybrid_clock import HybridClock, Timestamp
from safety_desk.domain.ids import SeededIds, new_id


class FakeWall:
    def __init__(self, readings: list[int]) -> None:
        self.readings = list(readings)

    def __call__(self) -> int:
        return self.readings.pop(0) if len(self.readings) > 1 else self.readings[0]


@given(st.lists(st.integers(0, 2**41), min_size=1, max_size=50))
def test_clock_never_goes_backwards_whatever_the_wall_clock_does(walls: list[int]) -> None:
    clock = HybridClock("dev-a", wall=FakeWall(walls))
    issued = [clock.now() for _ in walls]
    assert issued == sorted(issued)
    assert len(set(issued)) == len(issued)


def test_text_order_is_tuple_order() -> None:
    a = Timestamp(1_700_000_000_000, 9, "dev-b")
    b = Timestamp(1_700_000_000_001, 0, "dev-a")
    c = Timestamp(1_700_000_000_001, 0, "dev-b")
    assert sorted([str(c), str(b), str(a)]) == [str(a), str(b), str(c)]
    assert Timestamp.parse(str(a)) == a


def test_observing_a_later_peer_clock_moves_ours_past_it() -> None:
    clock = HybridClock("dev-a", wall=lambda: 1000)
    peer = str(Timestamp(5000, 3, "dev-b"))
    clock.observe(peer)
    assert clock.now() > peer


def test_a_clock_restarted_from_its_last_value_continues_after_it() -> None:
    first = HybridClock("dev-a", wall=lambda: 2000)
    last = first.now()
    restarted = HybridClock("dev-a", Timestamp.parse(last), wall=lambda: 1500)  # wall went back
    assert restarted.now() > last


def test_malformed_clock_text_is_refused() -> None:
    with pytest.raises(ValueError, match="not a hybrid logical clock"):
        Timestamp.parse("yesterday")


def test_ids_are_uuid7_and_time_ordered() -> None:
    ids = [new_id() for _ in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert [i[:13] for i in ids] == sorted(i[:13] for i in ids)


def test_seeded_ids_are_reproducible_valid_and_carry_their_time() -> None:
    first = [SeededIds(7).at(1_700_000_000_000 + n) for n in range(5)]
    assert first == [SeededIds(7).at(1_700_000_000_000 + n) for n in range(5)]
    assert first != [SeededIds(8).at(1_700_000_000_000 + n) for n in range(5)]
    value = uuid.UUID(first[0])
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert value.int >> 80 == 1_700_000_000_000


def test_a_full_counter_moves_to_the_next_millisecond_and_text_still_sorts() -> None:
    clock = HybridClock("dev-a", wall=lambda: 1000)
    clock.observe(str(Timestamp(9_999_999_999_000, 999_998, "dev-b")))
    issued = [clock.now() for _ in range(3)]
    assert issued == sorted(issued) and len(set(issued)) == 3
    assert all(Timestamp.parse(text) for text in issued)
    assert Timestamp.parse(issued[1]) == Timestamp(9_999_999_999_001, 0, "dev-a")


def test_a_clock_far_ahead_of_the_wall_is_capped_to_the_stated_drift_and_reported() -> None:
    """Stored, observed or reached by a wall clock set back: never more than max_ahead_ms ahead of the wall."""
    year = 365 * 24 * 3600 * 1000
    capped: list[tuple[int, int]] = []
    wall = [1_000_000]
    clock = HybridClock("dev-a", Timestamp(1_000_000 + year, 5, "dev-a"), wall=lambda: wall[0], max_ahead_ms=600_000,
                        on_capped=lambda seen, to: capped.append((seen, to)))
    assert Timestamp.parse(clock.now()).wall_ms <= 1_600_000 and capped == [(1_000_000 + year, 1_600_000)]
    clock.observe(str(Timestamp(1_000_000 + year, 0, "dev-b")))
    assert Timestamp.parse(clock.now()).wall_ms <= 1_600_000 and len(capped) == 2
    clock.observe(str(Timestamp(1_500_000, 0, "dev-b")))  # within the drift: the usual receive rule
    assert clock.now() > str(Timestamp(1_500_000, 0, "dev-b"))
    wall[0] = 5_000_000 + year  # the wall clock jumps a year ahead, then is set right
    clock.now()
    wall[0] = 5_000_000
    assert Timestamp.parse(clock.now()).wall_ms <= 5_600_000 and len(capped) == 3
