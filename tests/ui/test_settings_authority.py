"""Settings: the authority a major-hazard notice is copied (抄送) to is kept and used by the next notice."""

from __future__ import annotations

from pathlib import Path

from safety_desk.settings import Settings
from safety_desk.ui.pages.settings import SettingsPage


def test_the_authority_for_major_hazards_is_saved(qtbot, demo_context, tmp_path: Path) -> None:
    page = SettingsPage(demo_context)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    assert page.authority.text() == "市应急管理局"
    page.authority.setText("  青岛市应急管理局 ")
    page.on_save()
    assert demo_context.settings.major_hazard_authority == "青岛市应急管理局"
    assert Settings.load().major_hazard_authority == "青岛市应急管理局"
    page.grab().save(str(tmp_path / "settings_authority.png"))
