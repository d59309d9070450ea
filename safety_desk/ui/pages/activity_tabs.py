"""The training, incidents and campaigns tabs of the activities page."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.campaign_editor import CampaignEditorDialog
from safety_desk.ui.dialogs.incident_editor import IncidentEditorDialog
from safety_desk.ui.dialogs.training_editor import TrainingEditorDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.models.activity_models import CampaignModel, IncidentModel, TrainingModel
from safety_desk.ui.widgets.record_table import make_table
from safety_desk.ui.pages.activity_common import ProgressDelegate, heading, primary_button

_MUTED = "#546e7a"
_SHOWN_UNINSPECTED = 12


class _Tab(QWidget):
    """A tab that opens one dialog at a time and refreshes when it is accepted."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = context.session.clock.today
        self.dialog = None

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.destroyed.connect(self._closed)
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None

    def refresh(self) -> None:
        raise NotImplementedError


class TrainingTab(_Tab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(context, parent)
        self.service = context.desk.training
        self.model = TrainingModel(parent=self)
        self.table = make_table(self.model, TrainingModel.AUDIENCE, "trainings")
        first = self.today()
        self.start = QDateEdit(QDate(first.year, 1, 1))
        self.end = QDateEdit(QDate(first.year, first.month, first.day))
        for edit, name in ((self.start, "from"), (self.end, "to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("training_summary")
        self.summary.setStyleSheet(f"color: {_MUTED};")
        self.record_button = primary_button(icon("school-outline", "white"), self.tr("Record training…"),
                                            "record_training")
        self.record_button.setVisible(self.service.may_record())
        self.record_button.clicked.connect(self.on_record_clicked)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Training sessions")))
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self, *_args) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        rows = self.service.in_period(start, end) if start <= end else []
        self.model.set_rows(rows)
        hours = sum(row.training.hours * row.training.attendees for row in rows)
        self.summary.setText(self.tr("%1 sessions · %2 attendances · %3 person-hours")
                             .replace("%1", str(len(rows)))
                             .replace("%2", f"{sum(r.training.attendees for r in rows):,}")
                             .replace("%3", f"{hours:,.0f}"))

    def on_record_clicked(self) -> TrainingEditorDialog:
        dialog = TrainingEditorDialog(self.context, self.service, self.today(), self)
        self._open(dialog)
        return dialog


class IncidentsTab(_Tab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(context, parent)
        self.service = context.desk.incidents
        self.model = IncidentModel(parent=self)
        self.table = make_table(self.model, IncidentModel.TITLE, "incidents")
        for column in (IncidentModel.ENTERPRISE, IncidentModel.DISTRICT):  # an enterprise sees only its own
            self.table.setColumnHidden(column, context.session.role == "enterprise")
        self.table.doubleClicked.connect(lambda _index: self.on_edit_clicked())
        self.goal = QLabel()
        self.goal.setObjectName("goal")
        self.goal.setTextFormat(Qt.TextFormat.RichText)
        self.goal.setWordWrap(True)
        self.year = QComboBox()
        self.year.setObjectName("year")
        this_year = self.today().year
        for year in range(this_year, this_year - 5, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(self.refresh)
        self.record_button = primary_button(icon("alert-octagon-outline", "white"), self.tr("Record incident…"),
                                            "record_incident")
        self.edit_button = QPushButton(icon("pencil-outline"), self.tr("Edit…"))
        self.edit_button.setObjectName("edit_incident")
        for button in (self.record_button, self.edit_button):
            button.setVisible(self.service.may_record())
        self.record_button.clicked.connect(self.on_record_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Incidents")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.record_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.goal)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def refresh(self, *_args) -> None:
        year = self.year.currentData()
        as_of = self.today()
        self.model.set_rows(self.service.in_year(year))
        status = self.service.goal_status(year, min(as_of, date(year, 12, 31)))
        if status.holds:
            since = (self.tr("%1 days since the last one").replace("%1", str(status.days_since_last))
                     if status.days_since_last is not None else
                     self.tr("none recorded; %1 days into the year").replace("%1", str(status.days_this_year)))
            text = self.tr("Goal holds: no liable accident of grade Larger or above in %1 (%2)").replace(
                "%1", str(year)).replace("%2", since)
            style = "background: #e8f5e9; color: #1b5e20;"
        else:
            text = self.tr("Goal broken: %1 liable accidents of grade Larger or above in %2; the last one %3 days ago")\
                .replace("%1", str(status.count)).replace("%2", str(year)).replace("%3", str(status.days_since_last))
            style = "background: #ffebee; color: #b71c1c;"
        self.goal.setText(f"<b>{text}</b>")
        self.goal.setStyleSheet(f"{style} padding: 8px 12px; border-radius: 4px; font-size: 14px;")

    def _now(self) -> datetime:
        return self.context.session.clock.now()

    def on_record_clicked(self) -> IncidentEditorDialog:
        dialog = IncidentEditorDialog(self.context, self.service, self._now(), parent=self)
        self._open(dialog)
        return dialog

    def on_edit_clicked(self) -> IncidentEditorDialog | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.service.may_record():
            return None
        incident = self.model.row_at(rows[0].row()).incident
        dialog = IncidentEditorDialog(self.context, self.service, self._now(), incident, self)
        self._open(dialog)
        return dialog


class CampaignsTab(_Tab):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(context, parent)
        self.service = context.desk.campaigns
        self.model = CampaignModel(parent=self)
        self.table = make_table(self.model, CampaignModel.NAME, "campaigns")
        self.table.setItemDelegateForColumn(CampaignModel.PROGRESS, ProgressDelegate(CampaignModel.SHARE_ROLE,
                                                                                     self.table))
        self.table.horizontalHeader().setSectionResizeMode(CampaignModel.PROGRESS,
                                                           self.table.horizontalHeader().ResizeMode.Fixed)
        self.table.horizontalHeader().resizeSection(CampaignModel.PROGRESS, 180)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.on_edit_clicked())
        self.detail = QLabel()
        self.detail.setObjectName("campaign_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setStyleSheet(f"color: {_MUTED}; padding: 6px 2px;")
        self.new_button = primary_button(icon("flag-plus-outline", "white"), self.tr("New campaign…"), "new_campaign")
        self.edit_button = QPushButton(icon("pencil-outline"), self.tr("Edit…"))
        self.edit_button.setObjectName("edit_campaign")
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.service.may_manage())
        self.new_button.clicked.connect(self.on_new_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Campaigns: progress is the share of target enterprises inspected in the "
                                      "period")))
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def refresh(self, *_args) -> None:
        self.model.set_rows(self.service.all_progress(self.today()))
        if self.model.rowCount():
            self.table.selectRow(0)
        self.on_selection_changed()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def on_selection_changed(self, *_args) -> None:
        progress = self.selected()
        self.edit_button.setEnabled(progress is not None)
        if progress is None:
            self.detail.clear()
            return
        names = []
        for enterprise_id in progress.uninspected_ids[:_SHOWN_UNINSPECTED]:
            enterprise = self.context.store.enterprises.get(enterprise_id)
            names.append(enterprise.name if enterprise else enterprise_id)
        more = len(progress.uninspected_ids) - len(names)
        waiting = "、".join(names) + (self.tr(" and %1 more").replace("%1", str(more)) if more > 0 else "")
        parts = [f"<b>{progress.campaign.name}</b>"]
        if progress.campaign.target:
            parts.append(progress.campaign.target)
        parts.append(self.tr("Hazards found: %1 (general %2, major %3), %4 closed").replace("%1", str(progress.hazards))
                     .replace("%2", str(progress.hazards_by_grade.get("一般", 0)))
                     .replace("%3", str(progress.hazards_by_grade.get("重大", 0))).replace("%4", str(progress.closed)))
        if waiting:
            parts.append(self.tr("Not yet inspected: %1").replace("%1", waiting))
        self.detail.setText("<br>".join(parts))

    def on_new_clicked(self) -> CampaignEditorDialog:
        dialog = CampaignEditorDialog(self.context, self.service, self.today(), parent=self)
        self._open(dialog)
        return dialog

    def on_edit_clicked(self) -> CampaignEditorDialog | None:
        progress = self.selected()
        if progress is None or not self.service.may_manage():
            return None
        dialog = CampaignEditorDialog(self.context, self.service, self.today(), progress.campaign, self)
        self._open(dialog)
        return dialog
