"""Drills & activities: emergency drills, training, incidents and campaigns, one tab each."""

from __future__ import annotations


from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from safety_desk.store.changed import HAZARD_TABLES, Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon
from safety_desk.ui.pages.activity_tabs import CampaignsTab, IncidentsTab, TrainingTab
from safety_desk.ui.pages.broadcast import follow_changes
from safety_desk.ui.pages.drills_tab import DrillsTab


class ActivitiesPage(QWidget):
    DRILLS, TRAINING, INCIDENTS, CAMPAIGNS = range(4)

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        title = QLabel(self.tr("Drills & activities"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.drills = DrillsTab(context)
        self.training = TrainingTab(context)
        self.incidents = IncidentsTab(context)
        self.campaigns = CampaignsTab(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activity_tabs")
        self.tabs.addTab(self.drills, icon("run-fast"), self.tr("Drills"))
        self.tabs.addTab(self.training, icon("school-outline"), self.tr("Training"))
        self.tabs.addTab(self.incidents, icon("alert-octagon-outline"), self.tr("Incidents"))
        self.tabs.addTab(self.campaigns, icon("flag-outline"), self.tr("Campaigns"))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*HAZARD_TABLES, "drill", "training", "incident", "campaign", "inspection"):
            self.on_shown()

    def on_shown(self) -> None:
        """Re-read the tab in view: drills, training and hazards change on other pages and by sync."""
        self.tabs.currentWidget().refresh()

    def on_tab_changed(self, _index: int) -> None:
        self.tabs.currentWidget().refresh()

    def show_tab(self, name: str) -> None:
        """Bring one tab forward by name: drills, training, incidents or campaigns."""
        tab = {"drills": self.drills, "training": self.training, "incidents": self.incidents,
               "campaigns": self.campaigns}.get(name)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
