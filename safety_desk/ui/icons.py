"""Icons from Material Design Icons (via qtawesome), looked up by the names the pages use."""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")

import qtawesome  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402

_COLOUR = "#37474f"


def icon(name: str, colour: str = _COLOUR) -> QIcon:
    """An icon of the mdi6 set, e.g. icon('home')."""
    return qtawesome.icon(f"mdi6.{name}", color=colour)
