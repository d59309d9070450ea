"""The hazard page: particulars, before and after photos side by side, the timeline, and the loop's actions by role."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from typing import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QScrollArea, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.hazard_status import HazardEventKind
from safety_desk.domain.language import say
from safety_desk.domain.vocabulary import word
from safety_desk.services.errors import ServiceError
from safety_desk.services.hazards import (
    EVENT_KIND_LABELS_EN, EXTEND_DEADLINE, RECORD_PROGRESS, REJECT, REOPEN, REPORT_RECTIFIED, SUPERVISION,
    SUPERVISION_LEVELS, SUPERVISION_LEVELS_EN, TREATMENT_PLAN, TREATMENT_PLAN_LABELS, TREATMENT_PLAN_LABELS_EN, VERIFY,
    WRITEOFF, HazardDetail,
)
from safety_desk.services.hub_previews import HazardPreview
from safety_desk.services.photos import PreparedPhoto
from safety_desk.services.reports import ReportService
from safety_desk.store.changed import Changes
from safety_desk.store.records import Photo
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.hazard_reason import ReasonDialog
from safety_desk.ui.dialogs.hub_previews import AWAITING_STYLE
from safety_desk.ui.dialogs.hazard_report import RectificationReportDialog
from safety_desk.ui.dialogs.report_preview import ReportDialog, preview_document
from safety_desk.ui.dialogs.supervision import SupervisionDialog
from safety_desk.ui.dialogs.writeoff import WriteoffDialog
from safety_desk.ui.dialogs.treatment_plan import TreatmentPlanDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.widgets.photo_strip import PhotoStrip
from safety_desk.ui.screen_fit import fit_to_screen

_MUTED = "#546e7a"
_MAJOR = "#6a1b9a"
_OVERDUE = "#c62828"
STATUS_COLOURS = {"待整改": "#ef6c00", "整改中": "#1e88e5", "待复查": "#00897b", "已销号": "#2e7d32"}
_PHOTO_IDS = Qt.ItemDataRole.UserRole
_PRIMARY = ("QPushButton { background: #1e88e5; color: white; border: none; border-radius: 4px; padding: 5px 12px;"
            " font-weight: 600; } QPushButton:hover { background: #1976d2; }")
_BADGE = ("color: white; background: %s; border-radius: 4px; padding: 3px 10px; font-weight: 600;"
          " font-size: 15px;")


def _plan_labels() -> dict[str, str]:
    """The six elements of a treatment plan named in the window's language (the printed plan keeps the Chinese)."""
    return {key: say(label, TREATMENT_PLAN_LABELS_EN[key].capitalize())
            for key, label in TREATMENT_PLAN_LABELS.items()}


def _local(at: datetime) -> str:
    """Beijing time, as the office reads it, whatever zone this computer is set to."""
    if at.tzinfo is not None:
        at = at.astimezone(BEIJING)
    return at.strftime("%Y-%m-%d %H:%M")


class HazardDetailDialog(QDialog):
    """Everything about one hazard and the buttons for what the signed-in person may do to it now.

    Each action opens a small dialog (kept in `action_dialog` while open); its OK calls the service.
    A refusal is shown in a message box and changes nothing; a success refreshes this page and emits
    `changed` with the hazard's id.
    """

    changed = Signal(str)

    def __init__(self, context: AppContext, hazard_id: str, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.hazard_id = hazard_id
        self.service = context.desk.hazards
        self.detail: HazardDetail | None = None
        self.action_dialog: QDialog | None = None
        self._action_run: Callable[[QDialog], object] | None = None
        self.setWindowTitle(self.tr("Hazard"))
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 1280, 820)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(self._build_header())
        # What the enterprise sent about this hazard through the hub that the office has not confirmed yet: shown
        # apart, never as the hazard's status (services/hub_previews.py).
        self.preview_banner = QLabel()
        self.preview_banner.setObjectName("preview_banner")
        self.preview_banner.setWordWrap(True)
        self.preview_banner.setTextFormat(Qt.TextFormat.RichText)
        self.preview_banner.setStyleSheet(AWAITING_STYLE)
        self.preview_banner.hide()
        layout.addWidget(self.preview_banner)
        layout.addSpacing(4)
        layout.addLayout(self._build_actions())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_particulars())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 760])
        layout.addWidget(splitter, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()
        context.changes.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        """An exchange in the background took or dropped the hub's previews (the office judged a report; its record
        may have come in the same commit): the banner, and the hazard with it, are read again."""
        if changes.touches("hub_preview") and self.isVisible():
            self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _build_header(self) -> QVBoxLayout:
        self.description = QLabel()
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grade_badge = QLabel()
        self.grade_badge.setObjectName("grade")
        self.status_badge = QLabel()
        self.status_badge.setObjectName("status")
        top = QHBoxLayout()
        top.addWidget(self.grade_badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.description, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)
        self.facts = QLabel()
        self.facts.setObjectName("facts")
        self.facts.setStyleSheet(f"color: {_MUTED};")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadline")
        self.deadline_label.setTextFormat(Qt.TextFormat.RichText)
        second = QHBoxLayout()
        second.addWidget(self.facts, 1)
        second.addWidget(self.deadline_label)
        header = QVBoxLayout()
        header.setSpacing(6)
        header.addLayout(top)
        header.addLayout(second)
        return header

    def _build_actions(self) -> QVBoxLayout:
        specs = (
            (REPORT_RECTIFIED, self.tr("Report rectified…"), "send-check-outline", self.on_report_clicked),
            (RECORD_PROGRESS, self.tr("Record progress…"), "progress-wrench", self.on_progress_clicked),
            (VERIFY, self.tr("Accept (close)…"), "check-decagram", self.on_verify_clicked),
            (REJECT, self.tr("Reject…"), "close-octagon-outline", self.on_reject_clicked),
            (EXTEND_DEADLINE, self.tr("Extend deadline…"), "calendar-clock", self.on_extend_clicked),
            (REOPEN, self.tr("Reopen…"), "restore", self.on_reopen_clicked),
            (TREATMENT_PLAN, self.tr("Treatment plan…"), "file-document-edit-outline", self.on_plan_clicked),
            (SUPERVISION, self.tr("Supervision…"), "flag-outline", self.on_supervision_clicked),
            (WRITEOFF, self.tr("Write-off…"), "stamper", self.on_writeoff_clicked),
        )
        self.action_buttons: dict[str, QPushButton] = {}
        self._icon_names: dict[str, str] = {}
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for name, text, icon_name, slot in specs:
            button = QPushButton(icon(icon_name, "#37474f"), text)
            button.setObjectName(name)
            self._icon_names[name] = icon_name
            button.setIconSize(QSize(18, 18))
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.action_buttons[name] = button
        bar.addStretch(1)
        self.notice_button = QPushButton(icon("printer-outline"), self.tr("Print notice…"))
        self.notice_button.setObjectName("print_notice")
        self.notice_button.setToolTip(self.tr("The rectification notice this hazard is on, as PDF"))
        self.notice_button.clicked.connect(self.on_print_notice_clicked)
        bar.addWidget(self.notice_button)
        self.reinspection_button = QPushButton(icon("printer-outline"), self.tr("Print re-inspection opinion…"))
        self.reinspection_button.setObjectName("print_reinspection")
        self.reinspection_button.setToolTip(self.tr("The opinion of the last re-inspection of this hazard, as PDF"))
        self.reinspection_button.clicked.connect(self.on_print_reinspection_clicked)
        bar.addWidget(self.reinspection_button)
        self.record_button = QPushButton(icon("printer-outline"), self.tr("Print record…"))
        self.record_button.setObjectName("print_record")
        self.record_button.setToolTip(self.tr("The hazard record with its photos before and after rectification, "
                                              "as PDF"))
        self.record_button.clicked.connect(self.on_print_record_clicked)
        bar.addWidget(self.record_button)
        self.blocked_label = QLabel()
        self.blocked_label.setObjectName("blocked")
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setStyleSheet("color: #e65100;")
        # Sync conflicts on this hazard: a value that lost, decisions taken at once on two devices.
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("sync_conflicts")
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setStyleSheet("color: #c62828;")
        actions = QVBoxLayout()
        actions.setSpacing(4)
        actions.addLayout(bar)
        actions.addWidget(self.blocked_label)
        actions.addWidget(self.conflicts_label)
        return actions

    def _build_particulars(self) -> QWidget:
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(8)
        self.particulars = self._particulars()
        for key, caption, _value in self.particulars:
            form.addRow(self._caption(caption), self._value(key))
        particulars = QGroupBox(self.tr("Particulars"))
        particulars.setLayout(form)

        self.plan_box = QGroupBox(self.tr("Treatment plan (major hazard)"))
        self.plan_box.setObjectName("plan_box")
        plan_form = QFormLayout(self.plan_box)
        plan_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in _plan_labels().items():
            plan_form.addRow(self._caption(label), self._value(f"plan.{key}"))
        self.supervision_box = QGroupBox(self.tr("Listed supervision"))
        supervision_form = QFormLayout(self.supervision_box)
        supervision_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        supervision_form.addRow(self._caption(self.tr("Level")), self._value("supervision_level"))
        supervision_form.addRow(self._caption(self.tr("Referred to regulator")), self._value("referred_on"))
        supervision_form.addRow(self._caption(self.tr("Written off by the authority")), self._value("writeoff"))

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(particulars)
        column.addWidget(self.plan_box)
        column.addWidget(self.supervision_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _particulars(self) -> tuple[tuple[str, str, Callable[[HazardDetail], str]], ...]:
        """The hazard's particulars, each once: (label name, caption, its text from the detail)."""
        return (
            ("location", self.tr("Location"), lambda detail: detail.hazard.location),
            ("category", self.tr("Category"), lambda detail: detail.hazard.category),
            ("accident_type", self.tr("Possible accident"), lambda detail: word(detail.hazard.accident_type)),
            ("basis", self.tr("Basis"), lambda detail: detail.hazard.basis),
            ("measures", self.tr("Measures"), lambda detail: detail.hazard.measures),
            ("responsible", self.tr("Responsible"), lambda detail: detail.hazard.responsible),
            ("notice", self.tr("Notice"), lambda detail: detail.notice_number or ""),
            ("inspection", self.tr("Found in"), lambda detail: detail.source_inspection_shown or ""),
            ("found", self.tr("Found by"), lambda detail: f"{detail.found_by_name} · {detail.hazard.found_on}"),
            ("source", self.tr("Source"), lambda detail: self._source_label(detail.hazard.source)),
        )

    def _source_label(self, source: str) -> str:
        labels = {"inspection": self.tr("Inspection"), "self_inspection": self.tr("Self-inspection"),
                  "drill": self.tr("Drill"), "report": self.tr("Public report"),
                  "enforcement": self.tr("Enforcement"), "import": self.tr("Import")}
        return labels.get(source, source)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"color: {_MUTED};")
        return label

    def _value(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(key)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = label
        return label

    def _build_right(self) -> QWidget:
        self.before_strip = PhotoStrip(self.context)
        self.before_strip.setObjectName("before_photos")
        self.before_strip.set_read_only(True)
        self.after_strip = PhotoStrip(self.context)
        self.after_strip.setObjectName("after_photos")
        self.after_strip.set_read_only(True)
        self.before_box = QGroupBox()
        QVBoxLayout(self.before_box).addWidget(self.before_strip)
        self.after_box = QGroupBox()
        after_layout = QVBoxLayout(self.after_box)
        after_layout.addWidget(self.after_strip)
        self.after_caption = QLabel()
        self.after_caption.setObjectName("after_caption")
        self.after_caption.setStyleSheet(f"color: {_MUTED};")
        self.after_caption.setWordWrap(True)
        after_layout.addWidget(self.after_caption)
        self.before_caption = QLabel()
        self.before_caption.setStyleSheet(f"color: {_MUTED};")
        self.before_box.layout().addWidget(self.before_caption)
        photos = QHBoxLayout()
        photos.addWidget(self.before_box, 1)
        photos.addWidget(self.after_box, 1)

        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"),
                                       self.tr("Photos")])
        header = self.timeline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline.setToolTip(self.tr("Double-click an event with photos to open them."))
        self.timeline.itemDoubleClicked.connect(self.on_timeline_double_clicked)
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setStyleSheet("font-weight: 600;")

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 0, 0, 0)
        column.addLayout(photos)
        column.addSpacing(4)
        column.addWidget(timeline_title)
        column.addWidget(self.timeline, 1)
        return right

    # -- showing --------------------------------------------------------------------------------
    def _show_previews(self, previews: list[HazardPreview]) -> None:
        parts = []
        for preview in previews:
            if preview.event_kind == HazardEventKind.REPORTED_RECTIFIED:
                said = self.tr("The enterprise has reported it rectified, awaiting the office's confirmation")
            else:
                said = self.tr("The enterprise sent: %1, awaiting the office's confirmation").replace(
                    "%1", preview.label)
            facts = self.tr("%1 · sent %2 · %3 photos").replace("%1", preview.enterprise_name).replace(
                "%2", preview.taken_at).replace("%3", str(len(preview.photos)))
            note = "<br>" + html.escape(self.tr("Note: %1").replace("%1", preview.note)) if preview.note else ""
            parts.append(f"<b>{html.escape(said)}</b>{note}<br><small>{html.escape(facts)}</small>")
        self.preview_banner.setText("<hr>".join(parts))
        self.preview_banner.setVisible(bool(parts))

    def refresh(self) -> None:
        """Read the hazard again and show it; the buttons follow what the service now allows."""
        detail = self.detail = self.service.detail(self.hazard_id)
        hazard = detail.hazard
        self.setWindowTitle(self.tr("Hazard: %1").replace("%1", hazard.description[:40]))
        self.description.setText(hazard.description)
        self.grade_badge.setText(word(hazard.grade))
        if detail.major:
            self.grade_badge.setStyleSheet(_BADGE % _MAJOR)
        else:
            self.grade_badge.setStyleSheet(f"color: {_MUTED}; border: 1px solid #b0bec5; border-radius: 4px;"
                                           " padding: 2px 10px;")
        status = word(detail.status) or self.tr("not yet registered")
        self.status_badge.setText(status)
        self.status_badge.setStyleSheet(_BADGE % STATUS_COLOURS.get(detail.status or "", "#78909c"))
        self.facts.setText(" · ".join([detail.enterprise_name, detail.district_name,
                                       self.tr("found %1").replace("%1", hazard.found_on)]))
        self.deadline_label.setText(self._deadline_html(detail))
        self._show_previews(self.context.desk.hub_previews.for_hazard(self.hazard_id))

        for key, _caption, value in self.particulars:
            self.values[key].setText(value(detail) or "—")
        self.plan_box.setVisible(detail.major)
        self.supervision_box.setVisible(detail.major)
        plan = hazard.treatment_plan or {}
        for key in TREATMENT_PLAN_LABELS:
            label, text = self.values[f"plan.{key}"], str(plan.get(key, "")).strip()
            label.setText(text or self.tr("Not filled in"))
            label.setStyleSheet("" if text else f"color: {_OVERDUE};")
        level = hazard.supervision_level
        self.values["supervision_level"].setText(
            self.tr("%1 level").replace("%1", say(level, SUPERVISION_LEVELS_EN.get(level, level)))
            if level else self.tr("Not listed"))
        self.values["referred_on"].setText(hazard.referred_on or "—")
        self.values["writeoff"].setText(" ".join(part for part in (
            hazard.writeoff_on, hazard.writeoff_authority, hazard.writeoff_number) if part) or "—")

        self.before_strip.set_photos(detail.before_photos)
        self.after_strip.set_photos(detail.after_photos)
        self.before_box.setTitle(self.tr("Before rectification (%1)").replace("%1", str(len(detail.before_photos))))
        self.after_box.setTitle(self.tr("After rectification (%1)").replace("%1", str(len(detail.after_photos))))
        self.before_caption.setText("" if detail.before_photos else self.tr("No photos were taken when it was found."))
        if detail.reports:
            latest = detail.reports[0]
            caption = self.tr("Latest report %1 by %2").replace("%1", _local(latest.at)).replace(
                "%2", latest.author_name)
            if len(detail.reports) > 1:
                caption += " · " + self.tr("%1 reports, latest first").replace("%1", str(len(detail.reports)))
            self.after_caption.setText(caption)
        else:
            self.after_caption.setText(self.tr("Not reported rectified yet."))
        self._fill_timeline(detail)

        primary = self._primary_action(detail)
        for name, button in self.action_buttons.items():
            button.setVisible(name in detail.actions)
            button.setProperty("primary", name == primary)  # the main step, drawn blue
            button.setStyleSheet(_PRIMARY if name == primary else "")
            button.setIcon(icon(self._icon_names[name], "white" if name == primary else "#37474f"))
        self.notice_button.setVisible(bool(hazard.notice_id))
        self.reinspection_button.setVisible(any(view.event.kind in ("verified", "rejected") for view in detail.events))
        hint, colour = detail.report_blocked or "", "#e65100"
        if not hint and detail.status == "待复查" and VERIFY not in detail.actions:
            hint, colour = self.tr("Reported rectified: waiting for the inspector's re-inspection."), _MUTED
        self.blocked_label.setText(hint)
        self.blocked_label.setStyleSheet(f"color: {colour};")
        self.blocked_label.setVisible(bool(hint))
        if detail.conflicts:
            heading = self.tr("Sync conflicts on this hazard (review them on the Sync page):")
            self.conflicts_label.setText("\n".join([heading, *("· " + line for line in detail.conflicts)]))
        self.conflicts_label.setVisible(bool(detail.conflicts))

    def _primary_action(self, detail: HazardDetail) -> str | None:
        """The step this person is here for, shown as the main button: the enterprise reports its rectification,
        the inspector and the office re-inspect what was reported; anything else is no one's main step."""
        if self.context.session.role == "enterprise":
            return REPORT_RECTIFIED if REPORT_RECTIFIED in detail.actions else None
        return VERIFY if VERIFY in detail.actions else None

    def _deadline_html(self, detail: HazardDetail) -> str:
        if detail.state is None:
            return ""
        parts = []
        if detail.deadline is not None:
            parts.append(self.tr("Deadline %1").replace("%1", detail.deadline.isoformat()))
        if detail.overdue_days > 0:
            overdue = self.tr("overdue %1 days").replace("%1", str(detail.overdue_days))
            parts.append(f"<b style='color:{_OVERDUE}'>{html.escape(overdue)}</b>")
        if detail.state.closed_at is not None:
            parts.append(self.tr("closed %1").replace("%1", _local(detail.state.closed_at)[:10]))
        return " &nbsp;·&nbsp; ".join(p if p.startswith("<b") else html.escape(p) for p in parts)

    def _fill_timeline(self, detail: HazardDetail) -> None:
        self.timeline.clear()
        for view in detail.events:
            event = view.event
            details = event.reason
            if event.deadline and event.kind != HazardEventKind.CREATED:
                details = (self.tr("new deadline %1").replace("%1", event.deadline)
                           + (say("：", ": ") + details if details else ""))
            elif event.kind == HazardEventKind.CREATED and event.deadline:
                details = self.tr("deadline %1").replace("%1", event.deadline)
            item = QTreeWidgetItem([_local(view.at), view.author_name,
                                    say(view.kind_label, EVENT_KIND_LABELS_EN.get(view.event.kind, view.kind_label)),
                                    details,
                                    str(len(event.photos)) if event.photos else ""])
            item.setData(0, _PHOTO_IDS, list(event.photos))
            item.setToolTip(3, details)
            if event.kind == HazardEventKind.REJECTED:
                item.setForeground(2, QColor(_OVERDUE))
            elif event.kind == HazardEventKind.VERIFIED:
                item.setForeground(2, QColor("#2e7d32"))
            if event.photos:
                item.setIcon(4, icon("image-multiple-outline"))
            self.timeline.addTopLevelItem(item)
        if self.timeline.topLevelItemCount():
            self.timeline.scrollToItem(self.timeline.topLevelItem(self.timeline.topLevelItemCount() - 1))

    def on_timeline_double_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        photos = item.data(0, _PHOTO_IDS) or []
        if photos:
            self.after_strip.open_viewer(photos[0])

    # -- actions --------------------------------------------------------------------------------
    def _open_action(self, dialog: QDialog, run: Callable[[QDialog], object]) -> QDialog:
        # `run` gets the dialog as its argument: a slot on the dialog's own signal that held the dialog
        # in a closure would keep its wrapper in a cycle PySide tears down badly when Qt deletes it.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self.on_action_submitted)
        dialog.finished.connect(self.on_action_finished)
        self.action_dialog, self._action_run = dialog, run
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def on_action_submitted(self) -> None:
        dialog, run = self.action_dialog, self._action_run
        if dialog is None or run is None:
            return
        try:
            run(dialog)
        except ServiceError as exc:
            QMessageBox.warning(dialog, self.tr("Not done"), str(exc))
            return
        dialog.accept()
        self.refresh()
        self.changed.emit(self.hazard_id)

    def on_action_finished(self, _result: int = 0) -> None:
        self.action_dialog, self._action_run = None, None  # deleted on close: never hand out the dead wrapper

    def on_print_notice_clicked(self) -> ReportDialog | None:
        """Preview the 整改通知书 the hazard is on, to print or save."""
        notice_id, number = self.detail.hazard.notice_id, self.detail.notice_number or ""
        if not notice_id:
            return None
        return preview_document(self.context, self, self.tr("Rectification notice"), f"整改通知书-{number}.pdf",
                                lambda path, session: ReportService(session).notice(notice_id, path))

    def on_print_reinspection_clicked(self) -> ReportDialog | None:
        """Preview the 整改复查意见书 of the hazard's last re-inspection, to print or save.

        Its first print issues it (kept with its seal, a write of milliseconds on the writer thread); the preview
        then reads the kept copy on a connection of its own, as every later print does."""
        hazard_id = self.hazard_id
        try:
            self.context.ops.call("reports", "issue_reinspection", hazard_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Re-inspection opinion"), str(exc))
            return None
        return preview_document(self.context, self, self.tr("Re-inspection opinion"),
                                f"整改复查意见书-{self.detail.hazard.found_on}.pdf",
                                lambda path, session: ReportService(session).reinspection(hazard_id, path))

    def on_print_record_clicked(self) -> ReportDialog | None:
        """Preview the 安全隐患整改记录 (before and after photos side by side), to print or save."""
        hazard_id = self.hazard_id
        name = f"隐患整改记录-{self.detail.hazard.found_on}.pdf" if self.detail else "隐患整改记录.pdf"
        return preview_document(self.context, self, self.tr("Hazard record"), name,
                                lambda path, session: ReportService(session).hazard_record(hazard_id, path))

    def _upload_label(self) -> str:
        """What a phone's photos are for, on its upload page (手机传图)."""
        return self.tr("Hazard: %1").replace("%1", self.detail.hazard.description[:40])

    def keep_photo(self, prepared: PreparedPhoto) -> Photo:
        """Where a report's strip keeps a new photo: the service, which checks the person may report on it."""
        return self.context.ops.call("hazards", "keep_photo", self.hazard_id, prepared)

    def on_report_clicked(self) -> None:
        dialog = RectificationReportDialog(
            self.context, self.tr("Report rectified"),
            self.tr("Describe what was done and add photos taken after rectification. The inspector then "
                    "re-inspects and accepts or rejects it."), self, keep=self.keep_photo, photos_required=True)
        dialog.strip.upload_label = self._upload_label()
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "report_rectified", self.hazard_id, d.text(),
                                                                        d.photos()))

    def on_progress_clicked(self) -> None:
        dialog = RectificationReportDialog(
            self.context, self.tr("Record progress"), self.tr("Record a step of the rectification."), self,
            keep=self.keep_photo, photos_required=False, note_required=True)
        dialog.ok_button.setText(self.tr("Record"))
        dialog.strip.upload_label = self._upload_label()
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "record_progress", self.hazard_id, d.text(),
                                                                       d.photos()))

    def on_verify_clicked(self) -> None:
        dialog = ReasonDialog(self.tr("Accept the rectification"),
                              self.tr("The re-inspection found the hazard rectified: it is Closed."), self,
                              reason_label=self.tr("Note"), reason_required=False, ok_text=self.tr("Accept and close"))
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "verify", self.hazard_id, d.reason()))

    def on_reject_clicked(self) -> None:
        detail = self.detail
        today = self.service.as_of()
        found = date.fromisoformat(detail.hazard.found_on)
        # The old deadline while it is still ahead; once passed, a new one is needed (the service insists).
        start = detail.deadline if detail.deadline and detail.deadline > today else (
            self.service.default_deadline(detail.hazard.grade, today))
        dialog = ReasonDialog(self.tr("Reject the rectification"),
                              self.tr("The hazard goes back In rectification. Say what is still wrong, "
                                      "and by when it must be rectified."),
                              self, date_label=self.tr("New deadline"), initial_date=start,
                              minimum_date=max(found, today + timedelta(days=1)), ok_text=self.tr("Reject"))
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "reject", self.hazard_id, d.reason(),
                                                                  d.chosen_date()))

    def on_extend_clicked(self) -> None:
        detail = self.detail
        found = date.fromisoformat(detail.hazard.found_on)
        start = max(detail.deadline or found, self.service.as_of())
        dialog = ReasonDialog(self.tr("Extend the deadline"), self.tr("The new deadline and why it is needed."),
                              self, date_label=self.tr("New deadline"), initial_date=start + timedelta(days=15),
                              minimum_date=found, ok_text=self.tr("Extend"))
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "extend_deadline", [self.hazard_id], d.chosen_date(),
                                                                       d.reason()))

    def on_reopen_clicked(self) -> None:
        found = date.fromisoformat(self.detail.hazard.found_on)
        suggested = self.service.as_of() + timedelta(days=self.context.settings.deadline_days_general)
        dialog = ReasonDialog(self.tr("Reopen the hazard"),
                              self.tr("The closed hazard is back In rectification."), self,
                              date_label=self.tr("New deadline"), date_optional=True, minimum_date=found,
                              initial_date=suggested,
                              ok_text=self.tr("Reopen"))
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "reopen", self.hazard_id, d.reason(), d.chosen_date()))

    def on_plan_clicked(self) -> None:
        dialog = TreatmentPlanDialog(_plan_labels(), self.detail.hazard.treatment_plan, self)
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "save_treatment_plan", self.hazard_id, d.plan()))

    def on_writeoff_clicked(self) -> None:
        hazard = self.detail.hazard
        dialog = WriteoffDialog(date.fromisoformat(hazard.found_on), self.service.as_of(), self)
        self._open_action(dialog, lambda d: self.context.ops.call(
            "hazards", "record_writeoff", self.hazard_id, d.chosen_day(), d.authority.text(), d.number.text()))

    def on_supervision_clicked(self) -> None:
        hazard = self.detail.hazard
        dialog = SupervisionDialog(SUPERVISION_LEVELS, hazard.supervision_level,
                                   date.fromisoformat(hazard.referred_on) if hazard.referred_on else None,
                                   date.fromisoformat(hazard.found_on), self.service.as_of(), self)
        self._open_action(dialog, lambda d: self.context.ops.call("hazards", "set_supervision", 
            self.hazard_id, d.chosen_level(), d.chosen_referred_on()))
