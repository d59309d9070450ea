"""设置: language, the default rectification periods by hazard grade, and how notices are numbered."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from safety_desk.domain.notice_numbers import (
    MAX_BLOCK_SIZE, NoticePatternError, format_notice_number, validate_notice_pattern,
)
from safety_desk.ui.context import AppContext

_ERROR_STYLE = "color: #c62828;"
_SAVED_STYLE = "color: #2e7d32;"
_MUTED = "#546e7a"


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.general_days = QSpinBox()
        self.general_days.setRange(1, 365)
        self.general_days.setSuffix(self.tr(" days"))
        self.major_days = QSpinBox()
        self.major_days.setRange(1, 730)
        self.major_days.setSuffix(self.tr(" days"))
        self.notice_pattern = QLineEdit()
        self.notice_pattern.setObjectName("notice_pattern")
        self.notice_pattern.setToolTip(self.tr("Write {year} for the year and {seq} for the notice's sequence "
                                               "number in that year, e.g. 国资安通〔{year}〕第{seq}号"))
        self.notice_pattern.textChanged.connect(self.on_pattern_edited)
        self.pattern_preview = QLabel()
        self.pattern_preview.setObjectName("pattern_preview")
        self.pattern_preview.setWordWrap(True)
        self.block_size = QSpinBox()
        self.block_size.setObjectName("block_size")
        self.block_size.setRange(1, MAX_BLOCK_SIZE)
        self.block_size.setToolTip(self.tr("How many notice numbers the safety office gives a device at a time; "
                                           "a device numbers its notices only from its own blocks, so devices "
                                           "working offline never give out the same number."))
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.on_save)
        form = QFormLayout()
        form.addRow(self.tr("Language (after restart)"), self.language)
        form.addRow(self.tr("Default deadline, general hazard"), self.general_days)
        form.addRow(self.tr("Default deadline, major hazard"), self.major_days)
        form.addRow(self.tr("Notice number pattern"), self.notice_pattern)
        form.addRow("", self.pattern_preview)
        form.addRow(self.tr("Notice numbers per block"), self.block_size)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def on_shown(self) -> None:
        settings = self.context.settings
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.general_days.setValue(settings.deadline_days_general)
        self.major_days.setValue(settings.deadline_days_major)
        self.notice_pattern.setText(settings.notice_pattern)
        self.block_size.setValue(settings.notice_block_size)
        self.note.clear()

    def on_pattern_edited(self, text: str) -> None:
        try:
            example = format_notice_number(text, date.today().year, 12)
        except NoticePatternError as exc:
            self.pattern_preview.setText(str(exc))
            self.pattern_preview.setStyleSheet(_ERROR_STYLE)
            return
        self.pattern_preview.setText(self.tr("For example: %1").replace("%1", example))
        self.pattern_preview.setStyleSheet(f"color: {_MUTED};")

    def on_save(self) -> None:
        try:
            pattern = validate_notice_pattern(self.notice_pattern.text())
        except NoticePatternError as exc:
            # Nothing is saved: a half-valid form would number notices with a pattern nobody checked.
            self.note.setText(str(exc))
            self.note.setStyleSheet(_ERROR_STYLE)
            self.notice_pattern.setFocus()
            return
        settings = self.context.settings
        settings.notice_pattern = pattern
        settings.notice_block_size = self.block_size.value()
        settings.language = self.language.currentData()
        settings.deadline_days_general = self.general_days.value()
        settings.deadline_days_major = self.major_days.value()
        settings.save()
        self.note.setText(self.tr("Saved."))
        self.note.setStyleSheet(_SAVED_STYLE)
