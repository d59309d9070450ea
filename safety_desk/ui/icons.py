"""Icons of Material Design Icons, drawn from the icon font that the qtawesome package ships.

Importing qtawesome itself costs about 130 ms at start (through qtpy it imports every Qt module), so the font
and its name-to-glyph map are read directly and glyphs painted here.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap

from safety_desk.paths import resources_dir

_COLOUR = "#37474f"
FONT_FILE = "materialdesignicons6-webfont-6.9.96.ttf"
CHARMAP_FILE = "materialdesignicons6-webfont-charmap-6.9.96.json"
_SIZES = (16, 20, 22, 24, 32, 48)


def font_dir() -> Path:
    """Where the icon font lies: inside a bundle under resources/fonts/mdi, from source in qtawesome's package."""
    bundled = resources_dir() / "fonts" / "mdi"
    if (bundled / FONT_FILE).exists():
        return bundled
    spec = importlib.util.find_spec("qtawesome")  # finds the folder without running qtawesome's __init__
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the Material Design Icons font (package qtawesome) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "fonts"


@lru_cache(maxsize=1)
def _font() -> tuple[str, dict[str, str]]:
    folder = font_dir()
    font_id = QFontDatabase.addApplicationFont(str(folder / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise RuntimeError(f"cannot load the icon font {folder / FONT_FILE}")
    charmap = json.loads((folder / CHARMAP_FILE).read_text("utf-8"))
    return families[0], charmap


@lru_cache(maxsize=512)
def icon(name: str, colour: str = _COLOUR) -> QIcon:
    """An icon of the mdi6 set by name, e.g. icon('home'), in `colour`; sharp at the usual sizes."""
    family, charmap = _font()
    try:
        glyph = chr(int(charmap[name], 16))
    except KeyError:
        raise KeyError(f"no Material Design icon named {name!r}") from None
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        font = QFont(family)
        font.setPixelSize(size)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
        painter.end()
        result.addPixmap(pixmap)
    return result
