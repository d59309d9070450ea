"""Qt's own dialogs (file, print) read in Chinese only when the UI is Chinese: no English label left over."""

from __future__ import annotations

import re

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QCheckBox, QFileDialog, QGroupBox, QLabel, QPushButton, QRadioButton, QWidget

from safety_desk.ui.i18n import install_translators

_ENGLISH = re.compile(r"[A-Za-z]{3}")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _english_labels(dialog: QWidget) -> set[str]:
    texts = set()
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLabel, QPushButton, QCheckBox, QRadioButton)):
            texts.add(widget.text())
        if isinstance(widget, QGroupBox):
            texts.add(widget.title())
    return {t for t in texts if _ENGLISH.search(t) and not _CHINESE.search(t)}


def test_the_file_and_print_dialogs_are_chinese(qtbot, qapp) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            files = QFileDialog(None)
            files.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # what Linux without a desktop theme shows
            files.setAcceptMode(mode)
            qtbot.addWidget(files)
            files.show()
            assert _english_labels(files) == set()
        printer = QPrinter()  # held: the dialog does not own it
        printing = QPrintDialog(printer)
        qtbot.addWidget(printing)
        printing.show()
        assert _english_labels(printing) == set()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
