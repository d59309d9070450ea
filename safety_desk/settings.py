"""User settings, each declared once with its type and default, kept as JSON in the config dir."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from safety_desk.paths import config_dir


@dataclass
class Settings:
    language: str = "zh_CN"
    # Default rectification periods by hazard grade (days from the day it is found).
    deadline_days_general: int = 15
    deadline_days_major: int = 60
    sync_folder: str = ""
    # Show what is overdue or due soon at start and once a day.
    reminders: bool = True

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
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), "utf-8")
        temporary.replace(path)  # a crash mid-write never leaves a half-written settings file


def settings_path() -> Path:
    return config_dir() / "settings.json"
