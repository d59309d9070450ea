"""Translations and fonts: compile the .ts files at first run, install the translator, register the CJK font."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from safety_desk.paths import config_dir, resources_dir

TS_DIR = resources_dir() / "i18n"
FONT_FILE = resources_dir() / "fonts" / "wqy-microhei.ttc"


def _lrelease() -> Path:
    return Path(PySide6.__file__).parent / "lrelease"


def compiled_translation(language: str) -> Path | None:
    """The .qm for `language`, compiled from its .ts when missing or older (no .qm lives in git)."""
    source = TS_DIR / f"safety_desk_{language}.ts"
    if not source.exists():
        return None
    bundled = source.with_suffix(".qm")  # a frozen bundle ships it compiled at build time (and no lrelease)
    if bundled.exists() and (getattr(sys, "frozen", False) or bundled.stat().st_mtime >= source.stat().st_mtime):
        return bundled
    target = config_dir() / "i18n" / f"safety_desk_{language}.qm"
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(_lrelease()), "-silent", str(source), "-qm", str(target)], check=True,
                       stdin=subprocess.DEVNULL, capture_output=True)
    return target


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Ours plus Qt's own (for standard buttons and dialogs); English needs none."""
    installed = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    qm = compiled_translation(language)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def register_font() -> str | None:
    """Register the shipped WenQuanYi Micro Hei so Chinese never renders as boxes; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def apply_font(app, family: str | None) -> None:
    if family:
        font = QFont(family)
        font.setPointSize(10)
        app.setFont(font)
