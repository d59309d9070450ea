"""The foot every editing dialog shares: a red line for the service's refusal, then OK and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"


def add_form_footer(dialog: QDialog, layout: QVBoxLayout, ok_text: str, cancel_text: str,
                    *parts: QLayout | QWidget) -> tuple[QLabel, QDialogButtonBox]:
    """Append `parts`, the message label and the buttons to `layout`; OK calls dialog.on_accept."""
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    message = QLabel()
    message.setObjectName("message")
    message.setStyleSheet(ERROR_STYLE)
    message.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.on_accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return message, buttons
