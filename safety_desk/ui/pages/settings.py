"""设置: language and the default rectification periods by hazard grade."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from safety_desk.ui.context import AppContext


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
        self.note = QLabel()
        self.note.setStyleSheet("color: #2e7d32;")
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.on_save)
        form = QFormLayout()
        form.addRow(self.tr("Language (after restart)"), self.language)
        form.addRow(self.tr("Default deadline, general hazard"), self.general_days)
        form.addRow(self.tr("Default deadline, major hazard"), self.major_days)
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
        self.note.clear()

    def on_save(self) -> None:
        settings = self.context.settings
        settings.language = self.language.currentData()
        settings.deadline_days_general = self.general_days.value()
        settings.deadline_days_major = self.major_days.value()
        settings.save()
        self.note.setText(self.tr("Saved."))
