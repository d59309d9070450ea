"""Qt's own dialog strings its Chinese catalogue (qtbase_zh_CN.qm) leaves in English, translated in ours instead.

Listed here so lupdate keeps them in resources/i18n; Qt asks every installed translator, ours included.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
