"""This device's local state (store/local_state.py): typed values, defaults, and the keys databases already hold."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from safety_desk.store.store import Store


def _raw(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM local_state"))
    finally:
        conn.close()


def test_a_new_database_has_no_identity_and_counts_from_zero(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db", create=True) as store:
        state = store.local_state
        assert state.device_id() is None
        assert state.private_key() is None and state.public_key() is None
        assert state.enrolment_token() is None and state.office_device_id() is None
        assert state.issued_token("some-device") is None
        assert state.bundle_counter() == 0
        assert state.clock_ahead_ms("some-device") == 0
        assert state.acknowledged_seq() == 0
        assert state.last_clock() is None


def test_values_come_back_typed_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "device.db"
    with Store.open(path, create=True) as store:
        state = store.local_state
        with store.transaction():
            state.set_private_key("PRIVATE PEM")
            state.set_public_key("PUBLIC PEM")
            state.record_enrolment(token="t0ken", office_device_id="office-1", role="inspector")
            state.set_bundle_counter(41)
            state.set_clock_ahead_ms("laptop", 3_600_000)
            state.set_acknowledged_seq(17)
    with Store.open(path) as store:
        state = store.local_state
        assert (state.private_key(), state.public_key()) == ("PRIVATE PEM", "PUBLIC PEM")
        assert (state.enrolment_token(), state.office_device_id()) == ("t0ken", "office-1")
        assert state.bundle_counter() == 41
        assert state.clock_ahead_ms("laptop") == 3_600_000 and state.clock_ahead_ms("other") == 0
        assert state.acknowledged_seq() == 17


def test_each_enrolment_token_is_spent_on_its_own(tmp_path: Path) -> None:
    with Store.open(tmp_path / "office.db", create=True) as store:
        state = store.local_state
        with store.transaction():
            for device in ("a", "b", "c"):
                state.set_issued_token(device, f"token-{device}")
            state.mark_token_used("a")
            state.mark_token_revoked("b")
        assert state.issued_token("c") == "token-c"
        assert state.issued_token("a") not in (None, "token-a")
        assert state.issued_token("b") not in (None, "token-b", state.issued_token("a"))


def test_the_keys_are_those_existing_databases_hold(tmp_path: Path) -> None:
    """No migration: a database written by an earlier version reads the same, and writes land where it looks."""
    path = tmp_path / "old.db"
    earlier = {"device_id": "dev-1", "private_key": "PRIV", "public_key": "PUB", "enrol_token": "tok",
               "office_device_id": "office-1", "enrolled_role": "enterprise", "bundle_counter": "7",
               "clock_ahead:office-1": "120000", "acknowledged_seq": "99", "enrol_token:dev-2": "used"}
    with Store.open(path, create=True):
        pass
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?)", earlier.items())
    conn.close()
    with Store.open(path) as store:
        state = store.local_state
        assert store.db.device_id == state.device_id() == "dev-1"
        assert (state.private_key(), state.public_key(), state.enrolment_token()) == ("PRIV", "PUB", "tok")
        assert state.office_device_id() == "office-1"
        assert (state.bundle_counter(), state.clock_ahead_ms("office-1"), state.acknowledged_seq()) == (7, 120000, 99)
        assert state.issued_token("dev-2") == "used"
        with store.transaction():
            state.set_bundle_counter(8)
            state.set_clock_ahead_ms("office-1", 0)
            state.mark_token_revoked("dev-3")
    stored = _raw(path)
    assert stored["bundle_counter"] == "8" and stored["clock_ahead:office-1"] == "0"
    assert stored["enrol_token:dev-3"] == "revoked"
    assert stored["hlc"].endswith("-dev-1")  # the commit kept the device's clock under its old key
