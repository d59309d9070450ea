"""Password hashing with scrypt: 'scrypt$n$r$p$salt$hash', verified in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from safety_desk.domain.language import say

_N, _R, _P = 2**14, 8, 1
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


def hash_password(password: str) -> str:
    if not password:
        raise ValueError(say("密码不能为空", "password: must not be empty"))
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encode = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${_N}${_R}${_P}${encode(salt)}${encode(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)
