"""The drills tab: who is due or overdue for a drill, then the planned and held drills, and their actions."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from safety_desk.services.errors import ServiceError
from safety_desk.services.reports import ReportService
from safety_desk.store.records import Drill
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.drill_editor import DrillEditorDialog
from safety_desk.ui.dialogs.drill_finding import DrillFindingDialog
from safety_desk.ui.dialogs.report_preview import ReportDialog, preview_document
from safety_desk.ui.icons import icon
from safety_desk.ui.models.activity_models import DrillDueModel, DrillRecordsModel
from safety_desk.ui.widgets.record_table import make_table
from safety_desk.ui.pages.activity_common import heading, primary_button

DUE_WINDOW_DAYS = 30
_MUTED = "#546e7a"


class DrillsTab(QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = context.session.clock.today
        self.service = context.desk.drills
        self.dialog = None  # the dialog open now, if any

        self.due_model = DrillDueModel(parent=self)
        self.records_model = DrillRecordsModel(parent=self)
        self.due_table = make_table(self.due_model, DrillDueModel.ENTERPRISE, "drills_due")
        self.records_table = make_table(self.records_model, DrillRecordsModel.NAME, "drill_records")
        if context.session.role == "enterprise":
            # Every row is its own enterprise's: its name and district in each would only crowd the drill out.
            self.due_table.setColumnHidden(DrillDueModel.ENTERPRISE, True)
            self.due_table.setColumnHidden(DrillDueModel.DISTRICT, True)
            self.due_table.horizontalHeader().setSectionResizeMode(DrillDueModel.DUE, QHeaderView.ResizeMode.Stretch)
            self.records_table.setColumnHidden(DrillRecordsModel.ENTERPRISE, True)
        self.due_table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.records_table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.records_table.doubleClicked.connect(lambda _index: self.on_record_clicked())

        self.plan_button = primary_button(icon("calendar-plus", "white"), self.tr("Plan drill…"), "plan_drill")
        self.plan_button.clicked.connect(self.on_plan_clicked)
        self.record_button = QPushButton(icon("clipboard-edit-outline"), self.tr("Record drill…"))
        self.record_button.setObjectName("record_drill")
        self.record_button.setToolTip(self.tr("Record a held drill; choose a planned one below to record it"))
        self.record_button.clicked.connect(self.on_record_clicked)
        self.finding_button = QPushButton(icon("alert-plus-outline"), self.tr("Add finding as hazard…"))
        self.finding_button.setObjectName("add_finding")
        self.finding_button.clicked.connect(self.on_finding_clicked)
        self.cancel_button = QPushButton(icon("calendar-remove-outline"), self.tr("Cancel plan"))
        self.cancel_button.setObjectName("cancel_plan")
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        for button in (self.plan_button, self.record_button, self.finding_button, self.cancel_button):
            button.setVisible(self.service.may_record())
        self.print_button = QPushButton(icon("printer-outline"), self.tr("Print record…"))
        self.print_button.setObjectName("print_drill")
        self.print_button.setToolTip(self.tr("The drill record as PDF, for a held drill"))
        self.print_button.clicked.connect(self.on_print_clicked)

        self.due_label = QLabel()
        self.due_label.setObjectName("due_summary")
        self.due_label.setStyleSheet(f"color: {_MUTED};")
        self.records_label = QLabel()
        self.records_label.setStyleSheet(f"color: {_MUTED};")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Drills due in the next %1 days and overdue").replace(
            "%1", str(DUE_WINDOW_DAYS))))
        bar.addWidget(self.due_label, 1, Qt.AlignmentFlag.AlignBottom)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.record_button)
        bar.addWidget(self.finding_button)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.due_table, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        records_bar = QHBoxLayout()
        records_bar.addWidget(heading(self.tr("Planned and held drills")))
        records_bar.addWidget(self.records_label, 1, Qt.AlignmentFlag.AlignBottom)
        records_bar.addWidget(self.print_button)
        records_bar.addWidget(self.cancel_button)
        bottom_layout.addLayout(records_bar)
        bottom_layout.addWidget(self.records_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.on_selection_changed()

    # -- refreshing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        as_of = self.today()
        due = self.service.drills_due(as_of, DUE_WINDOW_DAYS)
        self.due_model.set_rows(due)
        overdue = sum(1 for d in due if d.overdue)
        self.due_label.setText(self.tr("%1 overdue · %2 due soon").replace("%1", str(overdue))
                               .replace("%2", str(len(due) - overdue)))
        drills = self.service.planned() + self.service.records()
        names = self.service.enterprise_names() if drills else {}
        self.records_model.today = as_of.isoformat()
        self.records_model.set_drills(drills, names)
        planned = sum(1 for d in drills if d.status == "planned")
        self.records_label.setText(self.tr("%1 planned · %2 held").replace("%1", str(planned))
                                   .replace("%2", str(len(drills) - planned)))
        self.on_selection_changed()

    def selected_drill(self) -> Drill | None:
        rows = self.records_table.selectionModel().selectedRows()
        return self.records_model.row_at(rows[0].row()) if rows else None

    def selected_due_enterprise(self) -> str | None:
        rows = self.due_table.selectionModel().selectedRows()
        return self.due_model.row_at(rows[0].row()).enterprise_id if rows else None

    def on_selection_changed(self, *_args) -> None:
        drill = self.selected_drill()
        self.finding_button.setEnabled(drill is not None and drill.status == "held")
        self.cancel_button.setEnabled(drill is not None and drill.status == "planned")
        self.print_button.setEnabled(drill is not None and drill.status == "held")
        self.record_button.setText(self.tr("Record planned drill…") if drill is not None and drill.status == "planned"
                                   else self.tr("Record drill…"))

    # -- actions --------------------------------------------------------------------------------
    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.destroyed.connect(self.on_dialog_closed)
        dialog.open()  # window-modal without a nested event loop

    def on_dialog_closed(self) -> None:
        self.dialog = None

    def on_plan_clicked(self) -> DrillEditorDialog:
        dialog = DrillEditorDialog(self.context, self.service, "plan", enterprise_id=self.selected_due_enterprise(),
                                   today=self.today(), parent=self)
        self._open(dialog)
        return dialog

    def on_record_clicked(self) -> DrillEditorDialog:
        drill = self.selected_drill()
        dialog = DrillEditorDialog(self.context, self.service, "record", drill=drill,
                                   enterprise_id=None if drill else self.selected_due_enterprise(),
                                   today=self.today(), parent=self)
        self._open(dialog)
        return dialog

    def on_finding_clicked(self) -> DrillFindingDialog | None:
        drill = self.selected_drill()
        if drill is None or drill.status != "held":
            return None
        dialog = DrillFindingDialog(self.service, drill, self, ops=self.context.ops)
        self._open(dialog)
        return dialog

    def on_print_clicked(self) -> ReportDialog | None:
        """Preview the 应急演练记录 of the held drill chosen, to print or save."""
        drill = self.selected_drill()
        if drill is None or drill.status != "held":
            return None
        name = f"演练记录-{drill.name}-{drill.held_on}.pdf"
        return preview_document(self.context, self, self.tr("Drill record"), name,
                                lambda path, session: ReportService(session).drill_record(drill.id, path))

    def on_cancel_clicked(self) -> None:
        drill = self.selected_drill()
        if drill is None or drill.status != "planned":
            return
        answer = QMessageBox.question(self, self.tr("Cancel plan"), self.tr("Cancel the drill planned for %1: %2?")
                                      .replace("%1", drill.held_on).replace("%2", drill.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.context.ops.call("drills", "cancel_plan", drill.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Cancel plan"), str(exc))
            return
        self.refresh()
