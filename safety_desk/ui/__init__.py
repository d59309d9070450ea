"""Qt user interface; the only package that imports PySide6."""

from safety_desk.ui.none_guard import protect_none

protect_none()
