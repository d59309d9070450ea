"""Issuing a rectification notice (隐患整改通知书) for selected hazards of one enterprise."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from safety_desk.domain.vocabulary import word
from safety_desk.services.errors import ServiceError
from safety_desk.services.reports import ReportService
from safety_desk.store.records import Notice
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.report_preview import preview_document
from safety_desk.ui.icons import icon
from safety_desk.ui.models.enterprise_models import OVERDUE_FOREGROUND
from safety_desk.ui.models.ledger_model import MAJOR_FOREGROUND

_ERROR_STYLE = "color: #c62828;"
_MUTED = "#546e7a"
# Re-inspection is proposed this many days after the reply is due: time to read the reply and go back.
REINSPECT_AFTER_REPLY_DAYS = 5


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class IssueNoticeDialog(QDialog):
    """Shows the enterprise, its hazards and the number the notice will get; Issue writes it.

    The constructor checks the hazards through the service and raises its NoticeProblem or
    PermissionDenied (mixed enterprises, a closed hazard ...), so a dialog never opens for a choice
    that cannot be issued. After issuing, the dialog stays open showing the number it was given.
    """

    notice_issued = Signal(str)  # notice id

    def __init__(self, context: AppContext, hazard_ids: Iterable[str], parent=None) -> None:
        ids = list(hazard_ids)
        service = context.desk.notices
        preview = service.preview(ids)  # refused before any widget exists: nothing is left behind
        super().__init__(parent)
        self.context = context
        self.hazard_ids = ids
        self.service = service
        self.preview = preview
        self.notice: Notice | None = None
        self._today = context.session.clock.today()
        self.setWindowTitle(self.tr("Issue a rectification notice"))
        self.setMinimumWidth(820)

        enterprise = preview.enterprise
        self.number_label = QLabel()
        self.number_label.setObjectName("number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_note = QLabel()
        self.number_note.setObjectName("number_note")
        self.number_note.setWordWrap(True)
        if preview.number is not None:
            self.number_label.setText(preview.number)
            self.number_label.setStyleSheet("font-size: 18px; font-weight: 600;")
            remaining = self.service.remaining_numbers(preview.year)
            note = self.tr("The number this notice will get. Numbers left on this device this year: %1.")
            self.number_note.setText(note.replace("%1", str(remaining)))
            self.number_note.setStyleSheet(f"color: {_MUTED};")
        else:
            self.number_label.setText(self.tr("No number available"))
            self.number_label.setStyleSheet("font-size: 18px; font-weight: 600; color: #c62828;")
            self.number_note.setText(preview.number_problem or "")
            self.number_note.setStyleSheet(_ERROR_STYLE)
        number_box = QVBoxLayout()
        number_box.setSpacing(2)
        number_box.addWidget(self.number_label)
        number_box.addWidget(self.number_note)

        self.enterprise_label = QLabel(enterprise.name)
        self.enterprise_label.setObjectName("enterprise")
        self.enterprise_label.setStyleSheet("font-size: 16px; font-weight: 600;")
        district = self.context.store.districts.get(enterprise.district_id)
        facts = [enterprise.uscc, district.name if district else "", enterprise.address,
                 self.tr("Principal: %1").replace("%1", enterprise.principal or "—"),
                 self.tr("Safety officer: %1").replace("%1", enterprise.safety_officer or "—")]
        enterprise_facts = QLabel(" · ".join(fact for fact in facts if fact))
        enterprise_facts.setStyleSheet(f"color: {_MUTED};")
        enterprise_facts.setWordWrap(True)

        self.table = self._hazard_table()

        self.reply_due = QDateEdit()
        self.reply_due.setObjectName("reply_due")
        self.reply_due.setCalendarPopup(True)
        self.reply_due.setDisplayFormat("yyyy-MM-dd")
        self.reply_due.setMinimumDate(_qdate(self._today))
        self.reply_due.setDate(_qdate(preview.default_reply_due))
        latest = max((row.deadline for row in preview.hazards if row.deadline is not None), default=None)
        if latest is not None and latest == preview.default_reply_due:
            hint = self.tr("The latest deadline of these hazards: the reply reports on all of them.")
        else:
            hint = self.tr("No deadline of these hazards lies ahead: today plus %1 days.").replace(
                "%1", str(self.context.settings.deadline_days_general))
        self.reply_hint = QLabel(hint)
        self.reply_hint.setStyleSheet(f"color: {_MUTED};")
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_due)
        reply_row.addWidget(self.reply_hint, 1)

        self.reinspect = QCheckBox(self.tr("Re-inspect on"))
        self.reinspect.setObjectName("reinspect")
        self.reinspect.setChecked(True)
        self.reinspect_on = QDateEdit()
        self.reinspect_on.setObjectName("reinspect_on")
        self.reinspect_on.setCalendarPopup(True)
        self.reinspect_on.setDisplayFormat("yyyy-MM-dd")
        self.reinspect_on.setMinimumDate(_qdate(self._today))
        self.reinspect_on.setDate(_qdate(preview.default_reply_due + timedelta(days=REINSPECT_AFTER_REPLY_DAYS)))
        self._reinspect_touched = False
        self.reinspect_on.dateChanged.connect(self.on_reinspect_date_edited)
        self.reinspect.toggled.connect(self.reinspect_on.setEnabled)
        self.reply_due.dateChanged.connect(self.on_reply_due_changed)
        reinspect_row = QHBoxLayout()
        reinspect_row.addWidget(self.reinspect_on)
        reinspect_row.addStretch(1)

        self.copy_to = QLineEdit()
        self.copy_to.setObjectName("copy_to")
        if any(row.hazard.grade == "重大" for row in preview.hazards):
            self.copy_to.setPlaceholderText(self.tr("Major hazards: copy to the regulator, e.g. the district "
                                                    "emergency management bureau"))
        else:
            self.copy_to.setPlaceholderText(self.tr("Who else receives a copy (optional)"))

        form = QFormLayout()
        form.addRow(self.tr("Reply due"), reply_row)
        form.addRow(self.reinspect, reinspect_row)
        form.addRow(self.tr("Copy to"), self.copy_to)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.issued_label = QLabel()
        self.issued_label.setObjectName("issued")
        self.issued_label.setStyleSheet("background: #e8f5e9; color: #1b5e20; border-radius: 4px; padding: 8px;"
                                        " font-size: 15px; font-weight: 600;")
        self.issued_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issued_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Issue notice"))
        self.ok_button.setIcon(icon("file-document-edit-outline"))
        self.ok_button.setEnabled(preview.number is not None)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_issue)
        self.buttons.rejected.connect(self.on_close)

        layout = QVBoxLayout(self)
        layout.addLayout(number_box)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #cfd8dc;")
        layout.addWidget(line)
        layout.addWidget(self.enterprise_label)
        layout.addWidget(enterprise_facts)
        layout.addWidget(QLabel(self.tr("Hazards on this notice: %1").replace("%1", str(len(preview.hazards)))))
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.issued_label)
        layout.addWidget(self.buttons)

    def _hazard_table(self) -> QTableWidget:
        headers = [self.tr("Found"), self.tr("Grade"), self.tr("Description"), self.tr("Location"),
                   self.tr("Status"), self.tr("Deadline")]
        rows = self.preview.hazards
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName("hazards")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for index, row in enumerate(rows):
            hazard = row.hazard
            values = (hazard.found_on, word(hazard.grade), hazard.description, hazard.location or "—",
                      word(row.status) or "—",
                      row.deadline.isoformat() if row.deadline else "—")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setToolTip(value)
                if column == 1 and hazard.grade == "重大":
                    item.setForeground(MAJOR_FOREGROUND)
                if column == 5 and row.overdue_days > 0:
                    item.setForeground(OVERDUE_FOREGROUND)
                    item.setToolTip(self.tr("%1 days overdue").replace("%1", str(row.overdue_days)))
                table.setItem(index, column, item)
        # Tall enough for the rows (up to ten, then it scrolls), so the dialog fits what it lists.
        table.setFixedHeight(26 * min(max(len(rows), 2), 10) + 32)
        return table

    # -- editing --------------------------------------------------------------------------------
    def on_reply_due_changed(self, day: QDate) -> None:
        self.message.clear()
        if not self._reinspect_touched:
            self.reinspect_on.blockSignals(True)  # following the reply date is not the user choosing
            self.reinspect_on.setDate(day.addDays(REINSPECT_AFTER_REPLY_DAYS))
            self.reinspect_on.blockSignals(False)

    def on_reinspect_date_edited(self, _day: QDate) -> None:
        self._reinspect_touched = True
        self.message.clear()

    # -- issuing --------------------------------------------------------------------------------
    def on_close(self) -> None:
        if self.notice is not None:
            self.accept()  # closing after issuing: the notice stands
        else:
            self.reject()

    def on_issue(self) -> None:
        if self.notice is not None:
            return
        reinspect_on = self.reinspect_on.date().toPython() if self.reinspect.isChecked() else None
        try:
            notice = self.context.ops.call("notices", "issue", self.hazard_ids, reply_due=self.reply_due.date().toPython(),
                                        reinspect_on=reinspect_on, copy_to=self.copy_to.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.notice = notice
        self.message.clear()
        self.issued_label.setText(self.tr("Notice %1 issued to %2.").replace("%1", notice.number)
                                  .replace("%2", self.preview.enterprise.name))
        self.issued_label.show()
        self.number_label.setText(notice.number)
        self.number_note.setText(self.tr("Issued on %1.").replace("%1", notice.issued_on))
        for widget in (self.reply_due, self.reinspect, self.reinspect_on, self.copy_to):
            widget.setEnabled(False)
        self.ok_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        # Print straight from here: the notice goes to the enterprise on paper.
        self.print_button = self.buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("print_notice")
        self.print_button.setIcon(icon("printer-outline"))
        self.print_button.clicked.connect(self.print_notice)
        self.notice_issued.emit(notice.id)

    def print_notice(self):
        """Preview the issued notice, to print or save; returns the preview."""
        notice_id, number = self.notice.id, self.notice.number
        self.print_dialog = preview_document(self.context, self, self.tr("Rectification notice"),
                                             f"整改通知书-{number}.pdf",
                                             lambda path, session: ReportService(session).notice(notice_id, path))
        return self.print_dialog
