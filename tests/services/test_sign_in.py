"""Sign-in slows down after repeated failures, and every refusal says how long to wait."""

from __future__ import annotations

import re

import pytest

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.store.store import Store


def _refusal(sign_in: SignIn, password: str) -> str:
    with pytest.raises(SignInFailed) as caught:
        sign_in.sign_in("admin", password)
    return str(caught.value)


def _seconds(message: str) -> int:
    match = re.search(r"请 (\d+) 秒后再试", message)
    assert match, f"the message does not say how long to wait: {message}"
    return int(match.group(1))


def test_the_wait_doubles_after_three_failures_and_the_message_says_how_long(store: Store) -> None:
    now = [1000.0]
    sign_in = SignIn(store, clock=lambda: now[0])
    for _ in range(2):
        assert "秒后再试" not in _refusal(sign_in, "bad")  # the first failures cost nothing
    waits = []
    for _ in range(8):
        waits.append(_seconds(_refusal(sign_in, "bad")))
        now[0] += waits[-1]  # wait exactly as told, then fail again
    assert waits == [2, 4, 8, 16, 32, 60, 60, 60]


def test_trying_too_soon_is_refused_even_with_the_right_password_and_says_the_time_left(store: Store) -> None:
    now = [50.0]
    sign_in = SignIn(store, clock=lambda: now[0])
    for _ in range(3):
        _refusal(sign_in, "bad")
    now[0] += 2
    _refusal(sign_in, "bad")
    assert sign_in.wait_seconds() == 4
    now[0] += 3.2
    message = _refusal(sign_in, "pw")
    assert "尝试次数过多" in message and _seconds(message) == 1  # 0.8 s left: rounded up
    now[0] += 0.8
    assert sign_in.sign_in("admin", "pw").person.login == "admin"
    # Success resets the count: the next failure is free again.
    assert "秒后再试" not in _refusal(sign_in, "bad")
