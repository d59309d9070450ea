"""Settings by role: everyone chooses their language; only the office sees and changes deadlines and notice numbering."""

from __future__ import annotations

import pytest

from safety_desk.settings import Settings
from safety_desk.ui.pages.settings import SettingsPage


@pytest.mark.parametrize("login", ["inspector01a", "leader01", "ent0001"])
def test_others_see_the_office_policy_but_change_only_their_language(qtbot, context_for, login) -> None:
    page = SettingsPage(context_for(login))
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    before = Settings.load()
    assert page.office_only.isVisible()
    # Only what the role may change is shown: the office's policy fields are not on the page at all.
    assert not any(field.isVisible() or field.isEnabled() for field in page.office_fields)
    assert page.language.isVisible()
    page.major_days.setValue(before.deadline_days_major + 5)  # even if a value were changed somehow
    page.language.setCurrentIndex(page.language.findData("en"))
    page.on_save()
    after = Settings.load()
    assert after.language == "en" and after.deadline_days_major == before.deadline_days_major
    assert after.notice_pattern == before.notice_pattern


def test_the_office_changes_the_policy(qtbot, context_for) -> None:
    page = SettingsPage(context_for("admin"))
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    assert not page.office_only.isVisible()
    assert all(field.isVisible() and field.isEnabled() for field in page.office_fields)
    page.major_days.setValue(45)
    page.on_save()
    assert Settings.load().deadline_days_major == 45
