"""The status bar's count of enterprise uploads awaiting the office (hub previews); a click lists them."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.store.changed import Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.tasks import in_reader


def _count(session) -> int:
    return HubPreviewService(session.store).count()


class PreviewStatus(QPushButton):
    """Hidden while none awaits; counted on a worker at start and whenever an exchange changes the previews."""

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.count = 0
        self.dialog = None
        self.setObjectName("preview_status")
        self.setFlat(True)
        # By its name: a dialog it opens must not inherit the look.
        self.setStyleSheet("QPushButton#preview_status { color: #e65100; font-weight: 600; border: none;"
                           " padding: 0 6px; }")
        self.setToolTip(self.tr("Uploads the hub showed that the office has not yet confirmed: not in the records"))
        self.hide()
        self.clicked.connect(self.open_list)
        context.changes.changed.connect(self.on_changes)
        self.recount()

    def recount(self) -> None:
        signals = self.context.tasks.start(in_reader(self.context.session, _count))
        signals.finished.connect(self.show_count)

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("hub_preview"):
            self.recount()

    def show_count(self, count: int) -> None:
        self.count = count
        self.setText(self.tr("%1 enterprise uploads awaiting the office").replace("%1", str(count)))
        self.setVisible(count > 0)

    def open_list(self):
        from safety_desk.ui.dialogs.hub_previews import PreviewsDialog

        if self.dialog is None:
            self.dialog = PreviewsDialog(self.context, self.window())
            self.dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
