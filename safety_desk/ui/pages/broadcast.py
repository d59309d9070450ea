"""Pages follow the window's broadcast of committed writes: the page on screen reads again, the others when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from safety_desk.store.changed import Changes
from safety_desk.ui.context import AppContext


def follow_changes(page: QWidget, context: AppContext) -> None:
    """Call `page.on_changes(changes)` for every commit while the page is on screen (or stands alone, as in a
    dialog or a test); a page behind another one reads everything again in its `on_shown` when it comes forward."""
    def heard(changes: Changes) -> None:
        if page.isVisible() or page.parentWidget() is None:
            page.on_changes(changes)
    context.changes.changed.connect(heard)
    page.destroyed.connect(lambda *_: _disconnect(context, heard))


def _disconnect(context: AppContext, heard) -> None:
    try:
        context.changes.changed.disconnect(heard)
    except (RuntimeError, TypeError):
        pass  # the bus went first (the window is closing)
