"""Accounts travel: a person the office adds signs in on a laptop; their own new password reaches the office; a
disabled person is refused on the laptop after the next sync; and a laptop may not change another's account."""

from __future__ import annotations

from datetime import date

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


def test_a_hostile_laptop_cannot_set_the_password_of_someone_who_does_not_sign_in_on_it(world, tmp_path):
    """Issue 13: a laptop may write as its own people, and it did set the password of an inspector of another
    district by naming that inspector as the write's author; the office takes a password only from the person
    themself on a device where they sign in (an inspector or leader serving one of its districts)."""
    office, laptop, _enterprise = world
    org = OrganisationService(as_person(office, "admin"))
    org.add_person("insp2", "新检查员", "inspector", ["D1"], password="first-password")
    org.add_person("insp4", "西城检查员", "inspector", ["D2"], password="west-password")
    exchange(office, laptop, tmp_path)
    from safety_desk.services.passwords import hash_password

    target = laptop.store.people.by_login("insp4")
    laptop.store.db.author_id = target.id  # the laptop's owner signs the write as the other inspector
    laptop.store.people.update(target.id, password_hash=hash_password("taken-over"), must_change_password=False)
    result = exchange(laptop, office, tmp_path)
    assert any(f"person.password_hash {target.id}" in text and "不在发送设备上登录" in text
               for text in result.refused), result.refused
    with pytest.raises(SignInFailed):
        SignIn(office.store).sign_in("insp4", "taken-over")
    assert SignIn(office.store).sign_in("insp4", "west-password")
    # The laptop is told, and keeps neither the password the office refused nor the real one: insp4 does not sign
    # in there, so their hash is not the laptop's to hold (issue 19).
    back = exchange(office, laptop, tmp_path)
    assert any("拒收" in w for w in back.warnings), back.warnings
    assert laptop.store.people.by_login("insp4").password_hash is None
    # The person's own change on a laptop of their district still travels.
    session = SignIn(laptop.store).sign_in("insp2", "first-password")
    OrganisationService(session).change_password("insp2", "first-password", "laptop-password")
    assert not exchange(laptop, office, tmp_path).refused
    assert SignIn(office.store).sign_in("insp2", "laptop-password")


def test_a_hostile_laptop_cannot_write_an_event_in_a_colleagues_name(world, tmp_path):
    """A laptop wrote a comment (or a decision) signed by another inspector: the hazard page showed it as theirs.
    An event is by the person who wrote it; the office refuses one naming someone else, and takes the rest."""
    from safety_desk.services.hazards import HazardService
    from sync_helpers import hazard_of

    office, laptop, _enterprise = world
    org = OrganisationService(as_person(office, "admin"))
    org.add_person("insp2", "新检查员", "inspector", ["D1"], password="first-password")
    org.add_person("insp3", "另一位", "inspector", ["D1"], password="other-password")
    exchange(office, laptop, tmp_path)
    hazard = hazard_of(laptop.store, "隐患1")
    colleague = laptop.store.people.by_login("insp3")
    as_person(laptop, "insp2")  # insp2 is signed in; the owner writes events naming insp3 past the service
    forged = laptop.store.hazards.append_event(hazard.id, "comment", by_id=colleague.id, reason="冒名的意见")
    decision = laptop.store.hazards.append_event(hazard.id, "deadline_extended", by_id=colleague.id,
                                                 deadline=date(2027, 3, 1), reason="冒名延期")
    HazardService(as_person(laptop, "insp2")).extend_deadline([hazard.id], date(2027, 1, 15), "本人延期")
    own = next(e for e in laptop.store.hazards.events(hazard.id) if e.reason == "本人延期")
    result = exchange(laptop, office, tmp_path)
    refused = "\n".join(result.refused)
    assert forged.id in refused and decision.id in refused and "署名" in refused, result.refused
    events = {e.id: e for e in office.store.hazards.events(hazard.id)}
    assert forged.id not in events and decision.id not in events
    assert own.id in events and events[own.id].by_id == laptop.store.people.by_login("insp2").id
    # The laptop is told and forgets them: its hazard folds as the office's does.
    exchange(office, laptop, tmp_path)
    held = {e.id for e in laptop.store.hazards.events(hazard.id)}
    assert forged.id not in held and decision.id not in held and own.id in held
