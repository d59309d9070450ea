"""User settings, each declared once with its type and default, kept as JSON in the config dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from safety_desk.domain.drills import DrillRule
from safety_desk.domain.notice_numbers import (
    DEFAULT_BLOCK_SIZE, DEFAULT_NOTICE_PATTERN, validate_block_size, validate_notice_pattern, without_ordinal,
)
from safety_desk.paths import config_dir


@dataclass
class Settings:
    language: str = "zh_CN"
    # Default rectification periods by hazard grade (days from the day it is found).
    deadline_days_general: int = 15
    deadline_days_major: int = 60
    sync_folder: str = ""
    # The network sync hub (https://host:port), "" for none; synced every hub_interval_minutes when reachable.
    hub_url: str = ""
    hub_interval_minutes: int = 5
    # Show what is overdue or due soon at start and once a day.
    reminders: bool = True
    # Rectification notice numbers: the pattern must name {year} and {seq}; see domain/notice_numbers.py.
    notice_pattern: str = DEFAULT_NOTICE_PATTERN
    # How many notice numbers the office gives a device at a time (per year).
    notice_block_size: int = DEFAULT_BLOCK_SIZE
    # The weekly summary's distribution and sign-off (报送/抄送, 编制/审核/签发: names, or blank lines to sign on)
    # and the office's own plan for next week, printed under what the data says is due.
    weekly_report_to: str = ""
    weekly_copy_to: str = ""
    weekly_compiled_by: str = ""
    weekly_reviewed_by: str = ""
    weekly_signed_by: str = ""
    weekly_next_week_plan: str = ""
    # 抄送 of a notice listing a major hazard: the authority major hazards are reported to (16号令 art. 9).
    major_hazard_authority: str = "市应急管理局"
    # Drill frequency of high-risk units: "national" (应急预案管理办法 art. 33 as written) or
    # "local_half_yearly" (a stricter local rule: their comprehensive or specific drill every 6 months too).
    drill_rule: str = DrillRule.NATIONAL.value

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        """Settings from disk; unknown keys and values of the wrong type fall back to the defaults."""
        path = path or settings_path()
        try:
            stored = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        values = {}
        for f in fields(cls):
            default = getattr(cls(), f.name)
            if f.name in stored and isinstance(stored[f.name], type(default)):
                values[f.name] = stored[f.name]
        if "notice_pattern" in values:  # saved by an earlier version with 第: keep the office's own prefix
            values["notice_pattern"] = without_ordinal(values["notice_pattern"])
        for name, check in (("notice_pattern", validate_notice_pattern), ("notice_block_size", validate_block_size),
                            ("drill_rule", lambda value: DrillRule(value).value)):
            if name in values:
                try:
                    values[name] = check(values[name])
                except ValueError:
                    del values[name]  # a hand-edited file with a broken value: the default numbers safely
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), "utf-8")
        temporary.replace(path)  # a crash mid-write never leaves a half-written settings file


def settings_path() -> Path:
    return config_dir() / "settings.json"
