"""Accounts travel: a person the office adds signs in on a laptop; their own new password reaches the office; a
disabled person is refused on the laptop after the next sync; and a laptop may not change another's account."""

from __future__ import annotations

import pytest
from sync_helpers import as_person, exchange

from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.organisation import OrganisationService


def test_a_new_inspector_signs_in_on_the_laptop_changes_the_password_and_is_disabled(world, tmp_path):
    office, laptop, _enterprise = world
    org = OrganisationService(as_person(office, "admin"))
    made = org.add_person("insp2", "新检查员", "inspector", ["D1"])
    exchange(office, laptop, tmp_path)

    # First sign-in on the laptop: the one-time password works and asks for a new one.
    session = SignIn(laptop.store).sign_in("insp2", made.one_time)
    assert session.person.must_change_password
    OrganisationService(session).change_password("insp2", made.one_time, "laptop-password")
    result = exchange(laptop, office, tmp_path)
    assert not result.refused
    # The office took the person's own new password: it signs in there too, and nothing asks again.
    assert not SignIn(office.store).sign_in("insp2", "laptop-password").person.must_change_password

    org.disable("insp2")
    assert SignIn(laptop.store).sign_in("insp2", "laptop-password")  # not synced yet
    exchange(office, laptop, tmp_path)
    with pytest.raises(SignInFailed, match="停用"):
        SignIn(laptop.store).sign_in("insp2", "laptop-password")
    with pytest.raises(SignInFailed, match="密码错误"):  # a wrong password learns nothing of the account
        SignIn(laptop.store).sign_in("insp2", "wrong-password")
    # Their records stay: the person row is still on the laptop, only disabled.
    assert laptop.store.people.by_login("insp2").active is False


def test_the_office_refuses_a_laptop_changing_someone_elses_account(world, tmp_path):
    office, laptop, _enterprise = world
    org = OrganisationService(as_person(office, "admin"))
    org.add_person("insp2", "新检查员", "inspector", ["D1"], password="first-password")
    org.add_person("insp3", "另一位", "inspector", ["D1"], password="other-password")
    exchange(office, laptop, tmp_path)
    # insp2, signed in on the laptop, writes insp3's password past the service (a hostile laptop).
    as_person(laptop, "insp2")
    target = laptop.store.people.by_login("insp3")
    from safety_desk.services.passwords import hash_password

    laptop.store.people.update(target.id, password_hash=hash_password("taken-over"), active=True)
    result = exchange(laptop, office, tmp_path)
    assert result.refused
    with pytest.raises(SignInFailed):
        SignIn(office.store).sign_in("insp3", "taken-over")
    assert SignIn(office.store).sign_in("insp3", "other-password")
