"""Signing an inspection: the inspector and the enterprise's representative sign, then it is submitted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from safety_desk.domain.vocabulary import inspection_kind
from safety_desk.services.errors import ServiceError
from safety_desk.services.photos import PhotoService
from safety_desk.store.records import Inspection
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon
from safety_desk.ui.widgets.signature_pad import SignaturePad

_ERROR_STYLE = "color: #c62828;"


class SignInspectionDialog(QDialog):
    """Two signature pads; OK hands both signatures to the service, which keeps them and submits the inspection."""

    def __init__(self, context: AppContext, inspection_id: str, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.inspections
        self.inspection_id = inspection_id
        self.inspection: Inspection | None = None  # the submitted record, once OK succeeded
        state = self.service.state(inspection_id)
        self.setWindowTitle(self.tr("Sign and submit the inspection"))
        self.setMinimumWidth(720)

        summary = state.summary
        kind = inspection_kind(state.inspection.kind)
        about = QLabel(f"{state.enterprise.name} · {state.checklist.title} · {kind}")
        about.setWordWrap(True)
        about.setStyleSheet("font-weight: 600;")
        counts = QLabel(self.tr("%1 items answered, %2 failed, %3 major hazards. After submitting, the record "
                                "can no longer be changed.")
                        .replace("%1", str(summary.answered)).replace("%2", str(summary.failed))
                        .replace("%3", str(summary.major_failed)))
        counts.setWordWrap(True)
        counts.setStyleSheet("color: #546e7a;")

        person = context.session.person
        self.inspector_name = QLabel(person.name)
        self.inspector_pad = SignaturePad()
        self.inspector_pad.setObjectName("inspector_pad")
        self.enterprise_name = QLineEdit(state.enterprise.safety_officer or state.enterprise.principal)
        self.enterprise_name.setObjectName("enterprise_name")
        self.enterprise_name.setPlaceholderText(self.tr("Name of the enterprise's representative"))
        self.enterprise_pad = SignaturePad()
        self.enterprise_pad.setObjectName("enterprise_pad")

        pads = QHBoxLayout()
        pads.addWidget(self._pad_box(self.tr("Inspector"), self.inspector_name, self.inspector_pad))
        pads.addWidget(self._pad_box(self.tr("Enterprise representative"), self.enterprise_name, self.enterprise_pad))

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Submit"))
        self.ok_button.setIcon(icon("send-check-outline", "white"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(counts)
        layout.addLayout(pads, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _pad_box(self, title: str, name, pad: SignaturePad) -> QGroupBox:
        box = QGroupBox(title)
        clear = QPushButton(icon("eraser"), self.tr("Clear"))
        clear.clicked.connect(pad.clear)
        pad.drawn.connect(lambda: self.message.clear())
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Name")), 0, 0)
        grid.addWidget(name, 0, 1)
        grid.addWidget(clear, 0, 2)
        grid.addWidget(pad, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return box

    def on_accept(self) -> None:
        if self.inspector_pad.is_empty() or self.enterprise_pad.is_empty():
            self.message.setText(self.tr("Both the inspector and the enterprise's representative must sign."))
            return
        representative = self.enterprise_name.text().strip()
        if not representative:
            self.message.setText(self.tr("Enter the name of the enterprise's representative."))
            self.enterprise_name.setFocus()
            return
        try:
            inspector = PhotoService.prepare_bytes(self.inspector_pad.to_png(), "signature-inspector.png")
            # The representative has no account; the name they gave travels with their signature.
            enterprise = PhotoService.prepare_bytes(self.enterprise_pad.to_png(),
                                                    f"signature-enterprise-{representative}.png")
            self.inspection = self.context.ops.call("inspections", "sign_and_submit", self.inspection_id, inspector_signature=inspector,
                                                           enterprise_signature=enterprise)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
