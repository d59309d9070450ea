"""The daily reminder: what is overdue or due soon for the signed-in person, each line opening its rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from safety_desk.services.reminders import DRILL_DAYS, DUE_SOON_DAYS, Reminder


class RemindersDialog(QDialog):
    """One button per reminder; a click shows the records behind it and closes the reminder."""

    ledger_requested = Signal(object, str)
    page_requested = Signal(str)

    def __init__(self, reminders: list[Reminder], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders"))
        self.setMinimumWidth(440)
        intro = QLabel(self.tr("Today needs your attention:"))
        intro.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.buttons: dict[str, QCommandLinkButton] = {}
        for reminder in reminders:
            text = self.describe(reminder)
            button = QCommandLinkButton(text)
            button.setObjectName(f"reminder_{reminder.key}")
            button.clicked.connect(lambda _=False, r=reminder, t=text: self.on_chosen(r, t))
            layout.addWidget(button)
            self.buttons[reminder.key] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def describe(self, reminder: Reminder) -> str:
        texts = {
            "overdue": self.tr("%1 hazards are past their deadline"),
            "due_soon": self.tr("%1 hazards are due within %2 days").replace("%2", str(DUE_SOON_DAYS)),
            "awaiting_review": self.tr("%1 rectified hazards await re-inspection"),
            "drills_due": self.tr("%1 enterprises have a drill due within %2 days or overdue").replace(
                "%2", str(DRILL_DAYS)),
            "notices_awaiting": self.tr("%1 rectification notices await a reply"),
        }
        return texts.get(reminder.key, reminder.key + " %1").replace("%1", f"{reminder.count:,}")

    def on_chosen(self, reminder: Reminder, text: str) -> None:
        if reminder.ledger is not None:
            self.ledger_requested.emit(reminder.ledger, text)
        elif reminder.page is not None:
            self.page_requested.emit(reminder.page)
        self.accept()
