"""Above the inspection runner: the submitted banner, enterprise and checklist, live counts, print and submit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from safety_desk.domain.vocabulary import inspection_kind
from safety_desk.services.inspections import RunnerState
from safety_desk.ui.icons import icon

_MUTED = "#546e7a"


class RunnerHeader(QWidget):
    """What is being inspected and how far it has come; the runner connects the print and submit buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("#banner { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
                                  " border-radius: 4px; padding: 6px 10px; font-weight: 600; }")
        self.banner.hide()
        self.enterprise_label = QLabel()
        self.enterprise_label.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.enterprise_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checklist_label = QLabel()
        self.checklist_label.setStyleSheet(f"color: {_MUTED};")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.setStyleSheet("QProgressBar { background: #e3e8ec; border: none; border-radius: 3px; }"
                                    "QProgressBar::chunk { background: #1e88e5; border-radius: 3px; }")
        self.submit_button = QPushButton(icon("send-check-outline", "white"), self.tr("Submit…"))
        self.submit_button.setObjectName("submit")
        self.submit_button.setToolTip(self.tr("Check, sign and submit (Ctrl+Enter)"))
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.setStyleSheet(
            "#submit { background: #1e88e5; color: white; border: none; border-radius: 4px; padding: 7px 16px;"
            " font-weight: 600; } #submit:disabled { background: #b0bec5; }")
        self.print_button = QPushButton(icon("printer-outline"), self.tr("Print record…"))
        self.print_button.setObjectName("print_record")
        self.print_button.setToolTip(self.tr("The inspection record as PDF, to check, print or save "
                                             "(a draft is marked as not yet submitted)"))
        self.print_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.enterprise_label)
        text.addWidget(self.checklist_label)
        text.addWidget(self.counts_label)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addLayout(row)
        heading.addWidget(self.progress)
        # The runner's spacing between the banner and the heading, as when they were laid out in it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addLayout(heading)

    def show_state(self, state: RunnerState | None) -> None:
        """Counts and progress as the inspection now stands; print with any record, submit only a draft."""
        self.print_button.setEnabled(state is not None)
        self.submit_button.setEnabled(state is not None and not state.read_only)
        if state is None:
            return
        self.enterprise_label.setText(state.enterprise.name)
        kind = inspection_kind(state.inspection.kind)
        self.checklist_label.setText(f"{state.checklist.title} · {kind}")
        summary = state.summary
        score = "—" if summary.score is None else f"{summary.score:.1f}"
        self.counts_label.setText(
            self.tr("Answered %1 / %2 · failures %3 · major hazards %4 · score %5")
            .replace("%1", str(summary.answered)).replace("%2", str(summary.applicable))
            .replace("%3", str(summary.failed)).replace("%4", str(summary.major_failed)).replace("%5", score))
        self.progress.setMaximum(max(1, summary.applicable))
        self.progress.setValue(summary.answered)
        if state.read_only:
            finished = (state.inspection.finished_at or "")[:16].replace("T", " ")
            self.banner.setText(self.tr("Submitted %1 — this record is read-only").replace("%1", finished))
        self.banner.setVisible(state.read_only)
