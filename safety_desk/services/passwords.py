"""Password hashing with scrypt: 'scrypt$n$r$p$salt$hash', verified in constant time.

The cost (COST) is about a quarter of a second of CPU here (N=2^16, r=10: 80 MiB; measured 0.26-0.28 s of CPU
time per hash on the development machine, bench/password_cost.py prints it). The
parameters travel in the hash, so an older, cheaper hash still verifies; `needs_rehash` tells sign-in to replace it
with one at today's cost. The test suite sets COST low in tests/conftest.py (it signs in thousands of times).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from safety_desk.domain.language import say

PRODUCTION_COST = (2**16, 10, 1)  # N, r, p
COST = PRODUCTION_COST  # what new hashes use (tests/conftest.py lowers it for the suite)
# A one-time password is random (10 of 55 symbols: 58 bits), so guessing it is hopeless at any cost; it is hashed
# at about 10 ms (importing 2,000 enterprise officers would take 9 minutes at COST) and replaced at first sign-in.
ONE_TIME_COST = (2**12, 8, 1)
_MAX_MEMORY = 512 * 1024 * 1024  # hashlib's default (32 MiB) is below 128 * r * N
MIN_LENGTH = 8
# One-time passwords are read off a screen and typed: no 0/O, 1/l/I.
_ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ONE_TIME_LENGTH = 10


def password_problem(password: str, login: str) -> str | None:
    """Why `password` may not be a real account's password (None: it may). The demo database's `demo` accounts
    are made by services/demo.py with hash_password directly: the only path that skips this rule."""
    if len(password) < MIN_LENGTH:
        return say(f"密码至少{MIN_LENGTH}位", f"at least {MIN_LENGTH} characters")
    if password.strip().casefold() == login.strip().casefold():
        return say("密码不能与登录名相同", "must differ from the login")
    return None


def one_time_password() -> str:
    """A random password the office hands to a person once; they must replace it at first sign-in."""
    return "".join(secrets.choice(_ONE_TIME_ALPHABET) for _ in range(ONE_TIME_LENGTH))


def hash_password(password: str, *, one_time: bool = False) -> str:
    """The hash of `password` at today's cost; `one_time`: a password one_time_password() made (cheaper)."""
    if not password:
        raise ValueError(say("密码不能为空", "password: must not be empty"))
    n, r, p = min(COST, ONE_TIME_COST, key=lambda c: c[0] * c[1] * c[2]) if one_time else COST
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=_MAX_MEMORY)
    encode = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${n}${r}${p}${encode(salt)}${encode(digest)}"


def needs_rehash(stored: str | None) -> bool:
    """Whether a hash that just verified was made at another cost than today's (an older or one-time one)."""
    if not stored:
        return False
    parts = stored.split("$")
    return len(parts) != 6 or parts[0] != "scrypt" or tuple(parts[1:4]) != tuple(str(v) for v in COST)


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        if int(n) * int(r) * int(p) > 2**24:  # a damaged or hostile hash must not take minutes or gigabytes
            return False
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected), maxmem=_MAX_MEMORY)
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)
