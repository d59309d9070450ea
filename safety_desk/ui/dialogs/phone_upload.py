"""手机传图: a QR code the inspector's phone scans to send photos straight into the item or hazard on screen."""

from __future__ import annotations

import ipaddress
from typing import Any

import segno
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from safety_desk.services.phone_upload import PhoneUpload, Ticket
from safety_desk.ui.context import AppContext

QR_PIXELS = 300


def local_addresses() -> list[tuple[str, str]]:
    """(interface, IPv4 address) of each running private-network interface: where a phone on the same Wi-Fi or
    the laptop's hotspot can reach it. Never a public address: the page must not be served to the internet."""
    found = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & QNetworkInterface.InterfaceFlag.IsUp and flags & QNetworkInterface.InterfaceFlag.IsRunning):
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            text = address.toString()
            if ipaddress.ip_address(text).is_private:
                found.append((interface.humanReadableName(), text))
    return found


def qr_pixmap(text: str, size: int = QR_PIXELS) -> QPixmap:
    """The QR code of `text`, black on white with its quiet zone, `size` pixels square."""
    code = segno.make(text, error="m")
    rows = [list(row) for row in code.matrix_iter(scale=1, border=4)]
    cell = max(1, size // len(rows))
    pixmap = QPixmap(cell * len(rows), cell * len(rows))
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * cell, y * cell, cell, cell, QColor("black"))
    painter.end()
    return pixmap


class PhoneUploadDialog(QDialog):
    """Serves the upload page while open; each photo the phone sends goes into `strip` as if added here.

    It closes when the strip moves to another item (the old address stops working with it)."""

    # From the server's thread: Qt queues it to the window's thread, where the strip takes the photo.
    photo_arrived = Signal(object, bytes, str)
    received_changed = Signal(int)

    def __init__(self, context: AppContext, strip, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.strip = strip
        self.label_text = label
        self.target: Any = strip.owner()
        self.server: PhoneUpload | None = None
        self.ticket: Ticket | None = None
        self.received = 0
        self.setWindowTitle(self.tr("Photos from the phone"))

        self.address = QComboBox()
        self.address.setObjectName("address")
        for name, ip in local_addresses():
            self.address.addItem(f"{ip}（{name}）", ip)
        self.address.currentIndexChanged.connect(self.serve)
        self.qr = QLabel()
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(QR_PIXELS, QR_PIXELS)
        self.instructions = QLabel()
        self.instructions.setObjectName("instructions")
        self.instructions.setWordWrap(True)
        self.url = QLabel()
        self.url.setObjectName("url")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url.setStyleSheet("color: #546e7a;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet("font-weight: 600;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.address)
        layout.addWidget(self.qr)
        layout.addWidget(self.instructions)
        layout.addWidget(self.url)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.photo_arrived.connect(self.on_photo_arrived)
        strip.owner_changed.connect(self.close)  # another item: this address is not for it
        self.expiry = QTimer(self)
        self.expiry.setSingleShot(True)
        self.expiry.timeout.connect(self.on_expired)
        self.finished.connect(self.stop)
        self.serve()

    def serve(self, *_args) -> None:
        """(Re)start the page on the chosen address with a fresh one-time address."""
        self.stop()
        ip = self.address.currentData()
        if ip is None:
            self.address.hide()
            self.qr.clear()
            self.instructions.setText(self.tr(
                "This computer is not on a network. Connect the phone and this computer to the same Wi-Fi, or "
                "turn on this computer's hotspot and connect the phone to it, then open this again."))
            return
        self.address.setVisible(self.address.count() > 1)
        self.server = PhoneUpload(self.context.session.clock, self._deliver, host=ip)
        self.server.start()
        self.ticket = self.server.open_ticket(self.target, self.label_text)
        url = self.server.url(self.ticket)
        self.qr.setPixmap(qr_pixmap(url))
        self.url.setText(url)
        until = self.ticket.expires_at.strftime("%H:%M")
        self.instructions.setText(self.tr(
            "Scan with the phone's camera or WeChat (on the same Wi-Fi or this computer's hotspot), then take or "
            "choose photos. They go to: %1. The code works until %2.").replace("%1", self.label_text)
            .replace("%2", until))
        remaining_ms = (self.ticket.expires_at - self.context.session.clock.now()).total_seconds() * 1000
        self.expiry.start(max(0, int(remaining_ms)))
        self._show_count()

    def _deliver(self, target: Any, data: bytes, name: str) -> None:
        self.photo_arrived.emit(target, data, name)  # on the server's thread

    @Slot(object, bytes, str)
    def on_photo_arrived(self, target: Any, data: bytes, name: str) -> None:
        if target != self.strip.owner():
            return  # the strip moved on between the upload and now: the photo was for another item
        self.strip.add_image_data(data, name)
        self.received += 1
        self._show_count()
        self.received_changed.emit(self.received)

    def _show_count(self) -> None:
        self.status.setText(self.tr("Received: %1 photos").replace("%1", str(self.received)))

    def on_expired(self) -> None:
        if self.server is not None:
            self.server.close_ticket()
        self.qr.clear()
        self.instructions.setText(self.tr("The code has expired. Close this and open it again for a new one."))

    def stop(self, *_args) -> None:
        self.expiry.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None
