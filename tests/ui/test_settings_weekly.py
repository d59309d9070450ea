"""Settings: the weekly summary's 报送/抄送, 编制/审核/签发 and next week's plan are set by the office only."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_desk.settings import Settings
from safety_desk.ui.pages.settings import SettingsPage


def _fill(page: SettingsPage) -> None:
    page.weekly_report_to.setText(" 市安委会办公室 ")
    page.weekly_copy_to.setText("各片区、各成员单位")
    page.weekly_compiled_by.setText("张敏")
    page.weekly_reviewed_by.setText("李强")
    page.weekly_signed_by.setText("王立新")
    page.weekly_plan.setPlainText("1. 开展节前安全大检查。\n2. 督办逾期隐患整改。\n")


def test_the_office_saves_the_weekly_distribution_sign_off_and_plan(qtbot, context_for, tmp_path: Path) -> None:
    context = context_for("admin")
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.on_shown()
    assert all(field.isEnabled() for field in (page.weekly_report_to, page.weekly_plan))
    _fill(page)
    page.on_save()
    saved = Settings.load()
    assert (saved.weekly_report_to, saved.weekly_copy_to) == ("市安委会办公室", "各片区、各成员单位")
    assert (saved.weekly_compiled_by, saved.weekly_reviewed_by, saved.weekly_signed_by) == ("张敏", "李强", "王立新")
    assert saved.weekly_next_week_plan == "1. 开展节前安全大检查。\n2. 督办逾期隐患整改。"
    assert context.settings.weekly_signed_by == "王立新"  # the next weekly printed in this window signs with it
    reopened = SettingsPage(context)
    qtbot.addWidget(reopened)
    reopened.on_shown()
    assert reopened.weekly_plan.toPlainText() == saved.weekly_next_week_plan
    assert reopened.weekly_reviewed_by.text() == "李强"
    page.grab().save(str(tmp_path / "settings_weekly.png"))


@pytest.mark.parametrize("login", ["inspector01a", "leader01", "ent0001"])
def test_others_cannot_change_the_weekly_fields(qtbot, context_for, login) -> None:
    page = SettingsPage(context_for(login))
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    before = Settings.load()
    weekly = (page.weekly_report_to, page.weekly_copy_to, page.weekly_compiled_by, page.weekly_reviewed_by,
              page.weekly_signed_by, page.weekly_plan)
    assert not any(field.isEnabled() for field in weekly)
    _fill(page)  # even if the values were changed somehow
    page.on_save()
    after = Settings.load()
    assert (after.weekly_report_to, after.weekly_signed_by, after.weekly_next_week_plan) == (
        before.weekly_report_to, before.weekly_signed_by, before.weekly_next_week_plan)
