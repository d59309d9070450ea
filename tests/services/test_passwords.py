"""Password hashes: the production cost is about a quarter of a second; old hashes verify and are upgraded at sign-in."""

from __future__ import annotations

import base64
import hashlib
import time

import pytest

from safety_desk.services import passwords
from safety_desk.services.auth import SignIn
from safety_desk.services.passwords import hash_password, needs_rehash, verify_password


def test_the_production_cost_is_memory_hard_enough_for_a_quarter_of_a_second(monkeypatch):
    # The CPU time itself is a figure of bench/password_cost.py (a timed assertion fails on a busy machine); what
    # the test holds is the work every hash must do: scrypt at N=2^16, r=10, 80 MiB, really used, not just named.
    monkeypatch.setattr(passwords, "COST", passwords.PRODUCTION_COST)
    stored = hash_password("correct horse")
    _, n, r, p, salt, digest = stored.split("$")
    assert (int(n), int(r), int(p)) == passwords.PRODUCTION_COST == (2**16, 10, 1)
    assert 128 * int(n) * int(r) >= 80 * 1024 * 1024
    again = hashlib.scrypt(b"correct horse", salt=base64.b64decode(salt), n=2**16, r=10, p=1, dklen=32,
                           maxmem=512 * 1024 * 1024)
    assert base64.b64decode(digest) == again
    assert verify_password("correct horse", stored) and not verify_password("wrong horse", stored)
    assert not needs_rehash(stored)


def _old_hash(password: str) -> str:
    """A hash as the previous version made them: scrypt N=2^14, r=8, p=1."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_an_old_hash_still_verifies_and_is_upgraded_at_the_next_sign_in(store):
    admin = store.people.by_login("admin")
    with store.transaction():
        store.people.update(admin.id, password_hash=_old_hash("old-password"))
    assert needs_rehash(store.people.get(admin.id).password_hash)
    session = SignIn(store).sign_in("admin", "old-password")
    upgraded = store.people.get(admin.id).password_hash
    assert session.person.password_hash == upgraded
    assert upgraded.startswith("scrypt$%d$%d$%d$" % passwords.COST) and not needs_rehash(upgraded)
    assert SignIn(store).sign_in("admin", "old-password")  # the new hash verifies the same password


@pytest.mark.parametrize("stored", ["", None, "scrypt$1$8$1$x$y", "bcrypt$x", "scrypt$1048576$64$16$AAAA$AAAA",
                                    "scrypt$16384$8$1$!!!$AAAA"])
def test_a_damaged_or_hostile_hash_never_verifies_nor_runs_for_long(stored):
    started = time.monotonic()
    assert not verify_password("anything", stored)
    assert time.monotonic() - started < 5


def test_a_one_time_password_is_hashed_cheaper_and_replaced_at_full_cost_when_changed(monkeypatch, store):
    monkeypatch.setattr(passwords, "COST", passwords.PRODUCTION_COST)
    one_time = passwords.one_time_password()
    stored = hash_password(one_time, one_time=True)
    assert stored.startswith("scrypt$%d$%d$%d$" % passwords.ONE_TIME_COST) and needs_rehash(stored)
    assert verify_password(one_time, stored)
    # The office resets a password: the one-time one is cheap, the person's own one is at full cost.
    from safety_desk.services.organisation import OrganisationService
    from safety_desk.services.session import Session

    org = OrganisationService(Session(store, store.people.by_login("admin")))
    with store.transaction():
        made = org.reset_password("admin")
    assert store.people.by_login("admin").password_hash.startswith("scrypt$%d$" % passwords.ONE_TIME_COST[0])
    with store.transaction():
        org.change_password("admin", made.one_time, "a-new-password")
    assert store.people.by_login("admin").password_hash.startswith("scrypt$%d$10$1$" % 2**16)
