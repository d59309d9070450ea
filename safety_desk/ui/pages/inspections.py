"""检查: inspections in progress and recently submitted on the left, the runner for the open one on the right."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from safety_desk.domain.checklist import ChecklistSummary
from safety_desk.domain.vocabulary import inspection_kind
from safety_desk.services.errors import ServiceError
from safety_desk.services.session import Action
from safety_desk.store.changed import Changes
from safety_desk.store.records import Inspection
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.issue_notice import IssueNoticeDialog
from safety_desk.ui.dialogs.new_inspection import NewInspectionDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.pages.broadcast import follow_changes
from safety_desk.ui.widgets.inspection_runner import InspectionRunner

_ID_ROLE = Qt.ItemDataRole.UserRole
_MUTED = "#546e7a"
RECENT_LIMIT = 30


class InspectionsPage(QWidget):
    """Left: drafts to resume and recent inspections in scope; right: the runner."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        self.service = context.desk.inspections
        self.new_dialog: NewInspectionDialog | None = None
        self._titles: dict[str, str] = {}
        self._names: dict[str, str] = {}

        self.runner = InspectionRunner(context)
        self.runner.inspection_submitted.connect(self.on_inspection_submitted)
        self.runner.answer_recorded.connect(self.on_answer_recorded)
        empty = QLabel(self.tr("Choose a self-inspection on the left to continue it,\nor start a new one (Ctrl+N).")
                       if context.session.role == "enterprise" else
                       self.tr("Choose an inspection on the left to continue it,\nor start a new one (Ctrl+N)."))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet(f"color: {_MUTED}; font-size: 15px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(self.runner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(True)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([236, 1000])  # "7/114 · 日常检查 · 2026-12-03" whole; the runner keeps the rest
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(splitter, 1)

        # The whole window's while this page shows: after Ctrl+3 or a click the focus stays on the navigation,
        # where a page-only shortcut never fired. A hidden page's shortcuts are inactive, so no other page is
        # affected.
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: self.new_inspection())

    def _build_left(self) -> QWidget:
        title = QLabel(self.tr("Inspections"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self_inspects = self.context.session.role == "enterprise"  # an enterprise inspects itself (自查)
        self.new_button = QPushButton(icon("plus"), self.tr("New self-inspection") if self_inspects
                                      else self.tr("New inspection"))
        self.new_button.setObjectName("new_inspection")
        self.new_button.setToolTip(self.tr("Start an inspection (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_inspection())
        self.drafts = self._list("drafts")
        self.recent = self._list("recent")
        self.drafts_label = QLabel()
        self.drafts_label.setStyleSheet("font-weight: 600;")
        recent_label = QLabel(self.tr("Recently submitted"))
        recent_label.setStyleSheet("font-weight: 600;")

        left = QWidget()
        left.setMinimumWidth(180)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.new_button)
        layout.addSpacing(4)
        layout.addWidget(self.drafts_label)
        layout.addWidget(self.drafts, 2)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 3)
        return left

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setIconSize(QSize(16, 16))
        widget.setStyleSheet(f"#{name} {{ border: 1px solid #dde3ea; border-radius: 4px; }}"
                             f" #{name}::item {{ padding: 4px 2px; border-bottom: 1px solid #eef1f4; }}"
                             f" #{name}::item:selected {{ background: #e3f2fd; color: #0d47a1; }}")
        widget.itemActivated.connect(self.on_entry_chosen)
        widget.itemClicked.connect(self.on_entry_chosen)
        return widget

    # -- public ---------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Drafts and recent inspections are read again; the runner keeps its place and focus."""
        if changes.touches("inspection", "answer"):
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()
        if self.stack.currentWidget() is self.runner:
            self.runner.setFocus()

    def refresh(self) -> None:
        drafts = self.service.drafts()
        self.drafts_label.setText(self.tr("In progress (%1)").replace("%1", str(len(drafts))))
        self._fill(self.drafts, drafts, with_progress=True)
        self._fill(self.recent, self.service.recent(RECENT_LIMIT), with_progress=False)

    def open_inspection(self, inspection_id: str) -> None:
        try:
            self.runner.load(inspection_id)
        except ServiceError as exc:
            self.stack.setCurrentIndex(0)
            self.stack.widget(0).setText(str(exc))
            return
        self.stack.setCurrentWidget(self.runner)
        for widget in (self.drafts, self.recent):
            for row in range(widget.count()):
                if widget.item(row).data(_ID_ROLE) == inspection_id:
                    widget.setCurrentRow(row)
        self.runner.setFocus()
        self.runner.show_step(self.runner.current)  # now visible: give the keyboard to the right field

    def new_inspection(self, enterprise_id: str | None = None) -> NewInspectionDialog:
        dialog = NewInspectionDialog(self.context, enterprise_id, self)
        dialog.inspection_started.connect(self.on_inspection_started)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    # -- slots ----------------------------------------------------------------------------------
    def on_inspection_started(self, inspection_id: str) -> None:
        self.refresh()
        self.open_inspection(inspection_id)

    def on_inspection_submitted(self, inspection_id: str) -> None:
        self.refresh()
        self.offer_notice()

    def offer_notice(self):
        """After a submission that found hazards: offer the 整改通知书 for them at once, prefilled (it used to take
        eight steps through the ledger). Returns the question, or None when there is nothing to notify."""
        state = self.runner.state
        if state is None or not self.context.session.may(Action.EDIT_HAZARD):
            return None
        open_ids = [hazard.id for hazard in state.hazards.values() if not hazard.notice_id]
        if not open_ids:
            return None
        question = QMessageBox(QMessageBox.Icon.Question, self.tr("Inspection submitted"),
                               self.tr("The inspection found %1 hazards. Issue the rectification notice for them "
                                       "now?").replace("%1", str(len(open_ids))), parent=self)
        issue = question.addButton(self.tr("Issue notice…"), QMessageBox.ButtonRole.AcceptRole)
        question.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(issue)
        question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        question.buttonClicked.connect(lambda button: self.issue_notice(open_ids) if button is issue else None)
        self.notice_question = question
        question.open()
        return question

    def issue_notice(self, hazard_ids: list[str]):
        try:
            dialog = IssueNoticeDialog(self.context, hazard_ids, self)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Issue notice"), str(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def on_answer_recorded(self, _item_code: str) -> None:
        # Keep the draft's progress in the list current without reading every draft again.
        state = self.runner.state
        for row in range(self.drafts.count()):
            entry = self.drafts.item(row)
            if entry.data(_ID_ROLE) == state.inspection.id:
                entry.setText(self._entry_text(state.inspection, state.summary))

    def on_entry_chosen(self, item: QListWidgetItem) -> None:
        inspection_id = item.data(_ID_ROLE)
        if inspection_id and inspection_id != self.runner.inspection_id:
            self.open_inspection(inspection_id)
        elif inspection_id:
            self.stack.setCurrentWidget(self.runner)
            self.runner.setFocus()

    # -- filling the lists ----------------------------------------------------------------------
    def _fill(self, widget: QListWidget, inspections: list[Inspection], with_progress: bool) -> None:
        current = self.runner.inspection_id
        widget.clear()
        for inspection in inspections:
            summary = self.service.state(inspection.id).summary if with_progress else None
            text = self._entry_text(inspection, summary)
            item = QListWidgetItem(icon("progress-clock" if with_progress else "check-decagram-outline",
                                        "#fb8c00" if with_progress else "#43a047"), text)
            item.setData(_ID_ROLE, inspection.id)
            item.setToolTip(f"{text}\n{self._checklist_title(inspection.checklist_id)}")
            widget.addItem(item)
            if inspection.id == current:
                widget.setCurrentItem(item)
        if not inspections:
            placeholder = QListWidgetItem(self.tr("None") if with_progress else self.tr("None yet"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)

    def _entry_text(self, inspection: Inspection, summary: ChecklistSummary | None) -> str:
        when = (inspection.finished_at or inspection.started_at)[:10]
        detail = [inspection_kind(inspection.kind), when]
        if summary is not None:
            detail.insert(0, f"{summary.answered}/{summary.applicable}")  # first: the rest may be cut off
        return f"{self._enterprise_name(inspection.enterprise_id)}\n{' · '.join(detail)}"

    def _enterprise_name(self, enterprise_id: str) -> str:
        if enterprise_id not in self._names:
            enterprise = self.context.store.enterprises.get(enterprise_id)
            self._names[enterprise_id] = enterprise.name if enterprise else enterprise_id
        return self._names[enterprise_id]

    def _checklist_title(self, checklist_id: str) -> str:
        if checklist_id not in self._titles:
            record = self.context.store.checklists.get(checklist_id)
            self._titles[checklist_id] = record.title if record else checklist_id
        return self._titles[checklist_id]
