"""The language every message a person reads is written in (zh_CN or en), chosen once when the program starts."""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
DEFAULT = "zh_CN"

# One process shows one language: the CLI sets it from --lang or the saved setting, the GUI from its own setting.
_current = DEFAULT


def set_language(code: str | None) -> str:
    """Make `code` the language of every later message (an unknown or missing code means the default)."""
    global _current
    _current = code if code in LANGUAGES else DEFAULT
    return _current


def language() -> str:
    return _current


def say(zh: str, en: str) -> str:
    """The message in the current language: the Chinese text in zh_CN, the English one in en."""
    return en if _current == "en" else zh
