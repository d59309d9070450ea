"""手机传图 in the window: the QR code's address takes a real phone upload into the strip's current item."""

from __future__ import annotations

import http.client
import uuid

from safety_desk.ui.dialogs import phone_upload as dialog_module
from safety_desk.ui.widgets.photo_strip import PhotoStrip


def _post(url: str, name: str, data: bytes) -> int:
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{name}\"\r\n"
            "Content-Type: image/jpeg\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("POST", "/" + path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_photo_sent_from_the_phone_lands_in_the_strip(context, store, jpeg, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(dialog_module, "local_addresses", lambda: [("lo", "127.0.0.1")])
    kept = []

    def keep(prepared):
        from safety_desk.services.photos import store_prepared

        photo = store_prepared(store, prepared, context.session.person.id, context.session.clock)
        kept.append(photo.id)
        return photo

    strip = PhotoStrip(context, keep=keep)
    qtbot.addWidget(strip)
    strip.set_photos([], owner="4.1")
    strip.upload_label = "检查项 4.1 灭火器"
    dialog = strip.open_phone_upload()
    assert not dialog.qr.pixmap().isNull() and dialog.url.text().startswith("http://127.0.0.1:")
    with qtbot.waitSignal(strip.photos_added, timeout=10_000) as added:
        assert _post(dialog.url.text(), "IMG_1.jpg", jpeg()) == 200
    assert added.args[0] == kept and strip.photos() == kept
    assert dialog.received == 1

    url = dialog.url.text()
    with qtbot.waitSignal(dialog.destroyed):
        strip.set_photos([], owner="4.2")  # the inspector moved on: the dialog and its address are gone
    assert strip.phone_dialog is None
    try:
        status = _post(url, "IMG_2.jpg", jpeg())
    except OSError:
        status = None  # the server is stopped: nothing listens there any more
    assert status in (None, 404) and strip.photos() == []


def test_without_a_network_the_dialog_says_how_to_connect(context, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(dialog_module, "local_addresses", lambda: [])
    strip = PhotoStrip(context, keep=lambda prepared: None)
    qtbot.addWidget(strip)
    dialog = strip.open_phone_upload()
    assert dialog.server is None and "Wi-Fi" in dialog.instructions.text()
    assert dialog.qr.pixmap().isNull()
    with qtbot.waitSignal(dialog.destroyed):  # closed, it is gone, and a new one can be opened
        dialog.close()
    assert strip.phone_dialog is None
