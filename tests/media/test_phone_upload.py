"""扫码传图 over real HTTP on loopback: a phone's upload reaches its target; hostile and stale ones are refused."""

from __future__ import annotations

import http.client
import uuid
from datetime import datetime, timedelta

import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.services import phone_upload
from safety_desk.services.phone_upload import MAX_PHOTOS_PER_TICKET, PhoneUpload


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 5, 10, 0))


@pytest.fixture
def server(clock):
    delivered: list[tuple[object, bytes, str]] = []
    upload = PhoneUpload(clock, lambda target, data, name: delivered.append((target, data, name)))
    upload.delivered = delivered
    upload.start()
    yield upload
    upload.stop()


def _multipart(files: list[tuple[str, bytes]], content_type: str = "image/jpeg") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = b""
    for name, data in files:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{name}\"\r\n"
                 f"Content-Type: {content_type}\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _request(server: PhoneUpload, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, str]:
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def _post(server: PhoneUpload, token: str, files: list[tuple[str, bytes]], **options) -> tuple[int, str]:
    body, content_type = _multipart(files, **options)
    return _request(server, "POST", f"/p/{token}", body, {"Content-Type": content_type})


def test_the_page_names_the_target_and_a_photo_reaches_it(server, jpeg) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1 灭火器")
    status, page = _request(server, "GET", f"/p/{ticket.token}")
    assert status == 200 and "检查项 4.1 灭火器" in page and 'type="file"' in page and "10:10" in page
    assert server.url(ticket).endswith(f"/p/{ticket.token}")
    photo = jpeg()
    status, page = _post(server, ticket.token, [("IMG_0001.jpg", photo), ("IMG_0002.jpg", jpeg(colour=(0, 200, 0)))])
    assert status == 200 and "已收到 2 张照片" in page
    assert [(target, name) for target, _data, name in server.delivered] == [("4.1", "IMG_0001.jpg"),
                                                                           ("4.1", "IMG_0002.jpg")]
    assert server.delivered[0][1] == photo


def test_a_file_that_is_not_an_image_is_refused_in_chinese_and_nothing_delivered(server) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    status, page = _post(server, ticket.token, [("notes.jpg", b"%PDF-1.7 not a photo at all")])
    assert status == 415 and "未能上传" in page and "notes.jpg" in page
    assert server.delivered == []


def test_an_expired_address_is_refused(server, clock, jpeg) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    clock.advance(timedelta(minutes=10))
    status, page = _post(server, ticket.token, [("a.jpg", jpeg())])
    assert status == 410 and "已过期" in page and server.delivered == []
    assert _request(server, "GET", f"/p/{ticket.token}")[0] == 410


def test_the_previous_items_address_stops_when_the_inspector_moves_on(server, jpeg) -> None:
    old = server.open_ticket("4.1", "检查项 4.1")
    new = server.open_ticket("4.2", "检查项 4.2")
    status, page = _post(server, old.token, [("a.jpg", jpeg())])
    assert status == 404 and "失效" in page and server.delivered == []
    assert _post(server, new.token, [("a.jpg", jpeg())])[0] == 200
    assert [target for target, _d, _n in server.delivered] == ["4.2"]


@pytest.mark.parametrize("path", ["/p/guessed-token", "/", "/p/", "/p/../../etc/passwd", "/p/x/y"])
def test_unknown_addresses_show_nothing(server, path) -> None:
    server.open_ticket("4.1", "检查项 4.1 灭火器")
    status, page = _request(server, "GET", path)
    assert status == 404 and "灭火器" not in page


def test_an_oversized_upload_is_refused_before_it_is_read(server, monkeypatch) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    monkeypatch.setattr(phone_upload, "MAX_REQUEST_BYTES", 1000)
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.putrequest("POST", f"/p/{ticket.token}")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(10**9))  # claims a gigabyte and sends nothing
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413 and "太大" in response.read().decode()
    connection.close()
    assert server.delivered == []


def test_no_length_no_form_and_a_form_without_files_are_refused(server, jpeg) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    status, _page = _request(server, "POST", f"/p/{ticket.token}", b"raw bytes", {"Content-Type": "image/jpeg"})
    assert status == 415
    body, content_type = _multipart([("", b"")])  # what a browser sends when no photo was chosen
    assert _request(server, "POST", f"/p/{ticket.token}", body, {"Content-Type": content_type})[0] == 400
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.putrequest("POST", f"/p/{ticket.token}", skip_accept_encoding=True)
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.endheaders()
    assert connection.getresponse().status == 411
    connection.close()
    assert server.delivered == []


def test_a_path_in_the_file_name_is_dropped(server, jpeg) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    assert _post(server, ticket.token, [("../../etc/cron.d/x.jpg", jpeg())])[0] == 200
    assert server.delivered[0][2] == "x.jpg"


def test_one_address_takes_a_bounded_number_of_photos(server, jpeg) -> None:
    ticket = server.open_ticket("4.1", "检查项 4.1")
    ticket.received = MAX_PHOTOS_PER_TICKET - 1
    status, page = _post(server, ticket.token, [("a.jpg", jpeg()), ("b.jpg", jpeg())])
    assert status == 429 and "收满" in page and server.delivered == []


def test_stopping_the_server_closes_the_address(clock, jpeg) -> None:
    upload = PhoneUpload(clock, lambda *args: None)
    upload.start()
    ticket = upload.open_ticket("4.1", "检查项 4.1")
    host, port = upload.address
    upload.stop()
    with pytest.raises(OSError):
        connection = http.client.HTTPConnection(host, port, timeout=2)
        connection.request("GET", f"/p/{ticket.token}")
        connection.getresponse()
