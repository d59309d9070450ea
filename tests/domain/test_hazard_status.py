"""Tests of the hazard status fold (待整改 → 整改中 → 待复查 → 已销号) and overdue rules."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_desk.domain.hazard_status import (
    HazardEventFact,
    HazardEventKind,
    HazardState,
    HazardStatus,
    allowed_next,
    fold_hazard_events,
    is_overdue,
    overdue_days,
)

K = HazardEventKind
S = HazardStatus
T0 = datetime(2025, 3, 1, 9, 0)
DEADLINE = date(2025, 3, 15)


def ev(kind, minutes=0, deadline=None):
    return HazardEventFact(kind=kind, at=T0 + timedelta(minutes=minutes), deadline=deadline)


def fold(*kinds):
    """Fold a created event followed by events of `kinds`, one minute apart."""
    return fold_hazard_events([ev(K.CREATED)] + [ev(k, i + 1) for i, k in enumerate(kinds)])


def test_enum_values():
    assert [s.value for s in S] == ["待整改", "整改中", "待复查", "已销号"]
    assert [k.value for k in K] == [
        "created", "deadline_set", "deadline_extended", "progress", "reported_rectified",
        "verified", "rejected", "reopened", "comment",
    ]


def test_created_only():
    state = fold_hazard_events([ev(K.CREATED, deadline=DEADLINE)])
    assert state == HazardState(
        status=S.OPEN, deadline=DEADLINE, created_at=T0, rectified_at=None,
        closed_at=None, rejections=0, ignored=(),
    )


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ((K.PROGRESS,), S.IN_PROGRESS),
        ((K.PROGRESS, K.PROGRESS), S.IN_PROGRESS),
        ((K.REPORTED_RECTIFIED,), S.AWAITING_REVIEW),
        ((K.PROGRESS, K.REPORTED_RECTIFIED), S.AWAITING_REVIEW),
        ((K.REPORTED_RECTIFIED, K.VERIFIED), S.CLOSED),
        ((K.REPORTED_RECTIFIED, K.REJECTED), S.IN_PROGRESS),
        ((K.REPORTED_RECTIFIED, K.REJECTED, K.REPORTED_RECTIFIED), S.AWAITING_REVIEW),
        ((K.REPORTED_RECTIFIED, K.VERIFIED, K.REOPENED), S.IN_PROGRESS),
        ((K.REPORTED_RECTIFIED, K.VERIFIED, K.REOPENED, K.REPORTED_RECTIFIED, K.VERIFIED), S.CLOSED),
        ((K.COMMENT,), S.OPEN),
        ((K.PROGRESS, K.COMMENT), S.IN_PROGRESS),
        ((K.REPORTED_RECTIFIED, K.COMMENT), S.AWAITING_REVIEW),
        ((K.REPORTED_RECTIFIED, K.VERIFIED, K.COMMENT), S.CLOSED),
    ],
)
def test_valid_paths(kinds, expected):
    state = fold(*kinds)
    assert state.status is expected
    assert state.ignored == ()


def test_dates_along_a_full_cycle():
    events = [
        ev(K.CREATED, 0, DEADLINE),
        ev(K.PROGRESS, 10),
        ev(K.REPORTED_RECTIFIED, 20),
        ev(K.REJECTED, 30),
        ev(K.REPORTED_RECTIFIED, 40),
        ev(K.VERIFIED, 50),
    ]
    state = fold_hazard_events(events)
    assert state.status is S.CLOSED
    assert state.created_at == T0
    assert state.rectified_at == T0 + timedelta(minutes=40)
    assert state.closed_at == T0 + timedelta(minutes=50)
    assert state.rejections == 1
    assert state.deadline == DEADLINE


def test_rectified_at_is_pending_report_and_rejection_clears_it():
    assert fold(K.REPORTED_RECTIFIED).rectified_at == T0 + timedelta(minutes=1)
    rejected = fold(K.REPORTED_RECTIFIED, K.REJECTED)
    assert rejected.rectified_at is None
    assert rejected.rejections == 1
    assert fold(K.REPORTED_RECTIFIED, K.REJECTED, K.REPORTED_RECTIFIED, K.REJECTED).rejections == 2


def test_reopen_clears_closed_at_and_rectified_at():
    state = fold(K.REPORTED_RECTIFIED, K.VERIFIED, K.REOPENED)
    assert state.closed_at is None
    assert state.rectified_at is None
    again = fold(K.REPORTED_RECTIFIED, K.VERIFIED, K.REOPENED, K.REPORTED_RECTIFIED, K.VERIFIED)
    assert again.closed_at == T0 + timedelta(minutes=5)
    assert again.rectified_at == T0 + timedelta(minutes=4)


@pytest.mark.parametrize("prefix", [(), (K.PROGRESS,), (K.REPORTED_RECTIFIED,)])
@pytest.mark.parametrize("kind", [K.DEADLINE_SET, K.DEADLINE_EXTENDED])
def test_deadline_events_apply_in_every_non_closed_status(prefix, kind):
    new_deadline = date(2025, 4, 30)
    events = [ev(K.CREATED, 0, DEADLINE)] + [ev(k, 1) for k in prefix] + [ev(kind, 2, new_deadline)]
    state = fold_hazard_events(events)
    assert state.deadline == new_deadline
    assert state.ignored == ()
    assert state.status is fold(*prefix).status  # deadline events keep the status


@pytest.mark.parametrize("kind", [K.DEADLINE_SET, K.DEADLINE_EXTENDED])
def test_deadline_events_are_ignored_when_closed(kind):
    events = [
        ev(K.CREATED, 0, DEADLINE), ev(K.REPORTED_RECTIFIED, 1), ev(K.VERIFIED, 2),
        ev(kind, 3, date(2025, 5, 1)),
    ]
    state = fold_hazard_events(events)
    assert state.deadline == DEADLINE
    assert state.ignored == (3,)


@pytest.mark.parametrize("kind", [K.DEADLINE_SET, K.DEADLINE_EXTENDED])
def test_deadline_event_without_a_date_is_ignored(kind):
    state = fold_hazard_events([ev(K.CREATED, 0, DEADLINE), ev(kind, 1, None)])
    assert state.deadline == DEADLINE
    assert state.ignored == (1,)


def test_deadline_set_after_creation_without_deadline():
    state = fold_hazard_events([ev(K.CREATED), ev(K.DEADLINE_SET, 1, DEADLINE)])
    assert state.deadline == DEADLINE


# Every (status, kind) that does not apply, reached by a valid prefix, then the bad event.
PREFIX_FOR = {
    S.OPEN: (),
    S.IN_PROGRESS: (K.PROGRESS,),
    S.AWAITING_REVIEW: (K.REPORTED_RECTIFIED,),
    S.CLOSED: (K.REPORTED_RECTIFIED, K.VERIFIED),
}
NOT_APPLYING = [
    (S.OPEN, K.CREATED),
    (S.OPEN, K.VERIFIED),
    (S.OPEN, K.REJECTED),
    (S.OPEN, K.REOPENED),
    (S.IN_PROGRESS, K.CREATED),
    (S.IN_PROGRESS, K.VERIFIED),
    (S.IN_PROGRESS, K.REJECTED),
    (S.IN_PROGRESS, K.REOPENED),
    (S.AWAITING_REVIEW, K.CREATED),
    (S.AWAITING_REVIEW, K.PROGRESS),
    (S.AWAITING_REVIEW, K.REPORTED_RECTIFIED),
    (S.AWAITING_REVIEW, K.REOPENED),
    (S.CLOSED, K.CREATED),
    (S.CLOSED, K.PROGRESS),
    (S.CLOSED, K.REPORTED_RECTIFIED),
    (S.CLOSED, K.VERIFIED),
    (S.CLOSED, K.REJECTED),
]


@pytest.mark.parametrize(("status", "kind"), NOT_APPLYING)
def test_event_that_does_not_apply_is_ignored_and_recorded(status, kind):
    prefix = PREFIX_FOR[status]
    before = fold(*prefix)
    after = fold(*prefix, kind)
    assert before.status is status
    assert after.status is status
    assert after.ignored == (len(prefix) + 1,)
    assert (after.closed_at, after.rectified_at, after.rejections) == (
        before.closed_at, before.rectified_at, before.rejections,
    )


def test_second_created_does_not_reset_anything():
    events = [ev(K.CREATED, 0, DEADLINE), ev(K.PROGRESS, 1), ev(K.CREATED, 2, date(2030, 1, 1))]
    state = fold_hazard_events(events)
    assert (state.status, state.deadline, state.created_at, state.ignored) == (
        S.IN_PROGRESS, DEADLINE, T0, (2,),
    )


def test_events_before_created_are_ignored():
    events = [ev(K.COMMENT, 0), ev(K.VERIFIED, 1), ev(K.DEADLINE_SET, 2, DEADLINE), ev(K.CREATED, 3)]
    state = fold_hazard_events(events)
    assert state.status is S.OPEN
    assert state.ignored == (0, 1, 2)
    assert state.deadline is None
    assert state.created_at == T0 + timedelta(minutes=3)


def test_recorded_order_is_kept_even_if_clock_goes_backwards():
    # Device clocks disagree; the fold follows the given order and never re-sorts.
    events = [ev(K.CREATED, 100), ev(K.REPORTED_RECTIFIED, 50), ev(K.VERIFIED, 0)]
    state = fold_hazard_events(events)
    assert state.status is S.CLOSED
    assert state.closed_at == T0


def test_empty_sequence_raises():
    with pytest.raises(ValueError, match="empty"):
        fold_hazard_events([])


def test_sequence_without_created_raises():
    with pytest.raises(ValueError, match="no created event"):
        fold_hazard_events([ev(K.PROGRESS), ev(K.COMMENT, 1)])


def test_unknown_kind_string_is_ignored():
    state = fold_hazard_events([ev(K.CREATED), HazardEventFact(kind="teleported", at=T0)])
    assert state.ignored == (1,)


def test_plain_string_kinds_from_storage_work():
    events = [HazardEventFact(kind=k, at=T0) for k in ("created", "reported_rectified", "verified")]
    assert fold_hazard_events(events).status is S.CLOSED


def test_allowed_next():
    assert allowed_next(None) == {K.CREATED}
    assert allowed_next(S.OPEN) == {
        K.DEADLINE_SET, K.DEADLINE_EXTENDED, K.PROGRESS, K.REPORTED_RECTIFIED, K.COMMENT,
    }
    assert allowed_next(S.IN_PROGRESS) == allowed_next(S.OPEN)
    assert allowed_next(S.AWAITING_REVIEW) == {
        K.DEADLINE_SET, K.DEADLINE_EXTENDED, K.VERIFIED, K.REJECTED, K.COMMENT,
    }
    assert allowed_next(S.CLOSED) == {K.REOPENED, K.COMMENT}
    assert isinstance(allowed_next(S.OPEN), frozenset)
    assert allowed_next("已销号") == {K.REOPENED, K.COMMENT}


# --- independent reference model for property tests, written from the spec ---------------

MODEL = {
    ("待整改", "progress"): "整改中",
    ("整改中", "progress"): "整改中",
    ("待整改", "reported_rectified"): "待复查",
    ("整改中", "reported_rectified"): "待复查",
    ("待复查", "verified"): "已销号",
    ("待复查", "rejected"): "整改中",
    ("已销号", "reopened"): "整改中",
}
for _s in ("待整改", "整改中", "待复查"):
    MODEL[(_s, "deadline_set")] = _s
    MODEL[(_s, "deadline_extended")] = _s
for _s in ("待整改", "整改中", "待复查", "已销号"):
    MODEL[(_s, "comment")] = _s


def model_fold(kinds):
    status, ignored = None, []
    for i, kind in enumerate(kinds):
        if status is None:
            if kind == "created":
                status = "待整改"
            else:
                ignored.append(i)
        elif (status, kind) in MODEL:
            status = MODEL[(status, kind)]
        else:
            ignored.append(i)
    return status, tuple(ignored)


def facts(kinds):
    # Every deadline-bearing event carries a date so only the status rules decide.
    return [ev(k, i, DEADLINE + timedelta(days=i)) for i, k in enumerate(kinds)]


@st.composite
def kind_lists(draw):
    """Random kinds with at least one created somewhere (not necessarily first)."""
    kinds = draw(st.lists(st.sampled_from(list(K)), min_size=0, max_size=40))
    position = draw(st.integers(min_value=0, max_value=len(kinds)))
    return kinds[:position] + [K.CREATED] + kinds[position:]


@given(kind_lists())
def test_random_sequences_never_raise_when_created_is_present(kinds):
    state = fold_hazard_events(facts(kinds))
    assert state.status in set(S)
    assert all(0 <= i < len(kinds) for i in state.ignored)
    assert list(state.ignored) == sorted(set(state.ignored))


@given(kind_lists())
def test_fold_matches_reference_model(kinds):
    state = fold_hazard_events(facts(kinds))
    expected_status, expected_ignored = model_fold([str(k) for k in kinds])
    assert state.status == expected_status
    assert state.ignored == expected_ignored
    assert (state.closed_at is not None) == (state.status is S.CLOSED)
    assert state.rejections == sum(
        1 for i, k in enumerate(kinds) if k == "rejected" and i not in expected_ignored
    )


@given(st.lists(st.sampled_from([k for k in K if k != K.CREATED]), min_size=1, max_size=20))
def test_sequences_without_created_raise_value_error_only(kinds):
    with pytest.raises(ValueError):
        fold_hazard_events(facts(kinds))


@given(st.data())
def test_created_then_valid_random_walk_ends_where_the_walk_ends(data):
    status = "待整改"
    kinds = [K.CREATED]
    for _ in range(data.draw(st.integers(min_value=0, max_value=25))):
        choices = sorted(k for (s, k) in MODEL if s == status)
        kind = data.draw(st.sampled_from(choices))
        kinds.append(K(kind))
        status = MODEL[(status, kind)]
    state = fold_hazard_events(facts(kinds))
    assert state.status == status
    assert state.ignored == ()
    assert allowed_next(state.status) == {K(k) for (s, k) in MODEL if s == status}


# --- overdue ---------------------------------------------------------------------------

def state_with(status, deadline):
    return HazardState(
        status=status, deadline=deadline, created_at=T0, rectified_at=None,
        closed_at=None, rejections=0,
    )


@pytest.mark.parametrize("status", [S.OPEN, S.IN_PROGRESS])
def test_overdue_while_rectifying(status):
    state = state_with(status, DEADLINE)
    assert overdue_days(state, date(2025, 3, 14)) == 0
    assert overdue_days(state, DEADLINE) == 0  # the deadline day itself is not overdue
    assert not is_overdue(state, DEADLINE)
    assert overdue_days(state, date(2025, 3, 16)) == 1
    assert is_overdue(state, date(2025, 3, 16))
    assert overdue_days(state, date(2025, 4, 15)) == 31
    assert overdue_days(state, datetime(2025, 3, 16, 23, 59)) == 1


@pytest.mark.parametrize("status", [S.AWAITING_REVIEW, S.CLOSED])
def test_never_overdue_once_reported_or_closed(status):
    state = state_with(status, DEADLINE)
    assert overdue_days(state, date(2026, 1, 1)) == 0
    assert not is_overdue(state, date(2026, 1, 1))


def test_never_overdue_without_deadline():
    assert overdue_days(state_with(S.OPEN, None), date(2030, 1, 1)) == 0


def test_overdue_from_fold_and_extension():
    events = [ev(K.CREATED, 0, DEADLINE), ev(K.PROGRESS, 1)]
    assert overdue_days(fold_hazard_events(events), date(2025, 3, 20)) == 5
    extended = events + [ev(K.DEADLINE_EXTENDED, 2, date(2025, 3, 31))]
    assert overdue_days(fold_hazard_events(extended), date(2025, 3, 20)) == 0
    reopened = events + [ev(K.REPORTED_RECTIFIED, 2), ev(K.VERIFIED, 3), ev(K.REOPENED, 4)]
    assert overdue_days(fold_hazard_events(reopened), date(2025, 3, 20)) == 5
