"""扫码传图: a small page the laptop serves on the local network, through which a phone sends photos straight into
the item or hazard being worked on — a one-time address, valid ten minutes, for that one target, with limits."""

from __future__ import annotations

import html
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from safety_desk.domain.clock import Clock
from safety_desk.media.ingest import MAX_FILE_BYTES
from safety_desk.services.photos import PhotoService, PreparedPhoto

TICKET_LIFETIME = timedelta(minutes=10)
MAX_PHOTOS_PER_TICKET = 30
# One post may carry several photos; a phone's photo is 2-8 MB. More than this is refused before it is read.
MAX_REQUEST_BYTES = min(MAX_FILE_BYTES, 48 * 1024 * 1024)
MAX_PARTS = 12              # files in one post
MAX_CONCURRENT_UPLOADS = 3  # a phone sends one post at a time; the rest wait or are refused
REQUEST_TIMEOUT_S = 60      # a connection that stalls (a lost Wi-Fi, or someone holding it open) is dropped

# What the page says, in Chinese: the phone's owner is an inspector in the field.
_MESSAGES = {
    "unknown": "二维码无效或已失效，请在电脑上重新打开“手机传图”。",
    "expired": "二维码已过期（有效期 10 分钟），请在电脑上重新打开“手机传图”。",
    "too_big": f"照片太大：一次最多上传 {MAX_REQUEST_BYTES // 2**20} MB，请少选几张再试。",
    "too_many": f"这个二维码已收满 {MAX_PHOTOS_PER_TICKET} 张照片，请在电脑上重新打开“手机传图”。",
    "no_file": "没有收到照片，请先选择照片再点“上传”。",
    "bad_form": "上传的内容无法识别，请用手机浏览器的“选择照片”上传。",
    "length": "无法上传：请求缺少长度信息，请换用手机自带浏览器或微信打开。",
    "busy": "电脑正在接收其他照片，请稍后再试。",
}


@dataclass
class Ticket:
    """One target's upload address: what the phone's page names, until when it works, how many it took."""

    token: str
    target: Any       # the strip's owner: an item code, a hazard id
    label: str        # shown on the phone: 检查项 4.1 灭火器…
    expires_at: datetime
    received: int = 0


class UploadRefused(Exception):
    def __init__(self, status: HTTPStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class PhoneUpload:
    """The server: `open_ticket` makes the address for the current target (the previous one stops working);
    each photo that passes the photo pipeline is handed to `deliver(target, data, name)` on the server's thread."""

    def __init__(self, clock: Clock, deliver: Callable[[Any, bytes, str], None], *, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.clock = clock
        self.deliver = deliver
        self._ticket: Ticket | None = None
        self._lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(MAX_CONCURRENT_UPLOADS)
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, name="phone-upload", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving: every address stops working at once."""
        with self._lock:
            self._ticket = None
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def open_ticket(self, target: Any, label: str) -> Ticket:
        """A new address for `target`; the one before it (another item's) stops working."""
        ticket = Ticket(secrets.token_urlsafe(18), target, label, self.clock.now() + TICKET_LIFETIME)
        with self._lock:
            self._ticket = ticket
        return ticket

    def close_ticket(self) -> None:
        with self._lock:
            self._ticket = None

    def url(self, ticket: Ticket) -> str:
        host, port = self.address
        return f"http://{host}:{port}/p/{ticket.token}"

    # -- what the handler asks ------------------------------------------------------------------
    def ticket_for(self, token: str) -> Ticket:
        with self._lock:
            ticket = self._ticket
        if ticket is None or not secrets.compare_digest(ticket.token.encode(), token.encode()):
            raise UploadRefused(HTTPStatus.NOT_FOUND, _MESSAGES["unknown"])
        if self.clock.now() >= ticket.expires_at:
            raise UploadRefused(HTTPStatus.GONE, _MESSAGES["expired"])
        return ticket

    def receive(self, token: str, files: list[tuple[str, bytes]]) -> tuple[int, list[str]]:
        """Check and deliver uploaded files: (how many were taken, why each other one was not)."""
        ticket = self.ticket_for(token)
        if not files:
            raise UploadRefused(HTTPStatus.BAD_REQUEST, _MESSAGES["no_file"])
        if ticket.received + len(files) > MAX_PHOTOS_PER_TICKET:
            raise UploadRefused(HTTPStatus.TOO_MANY_REQUESTS, _MESSAGES["too_many"])
        taken, refused = 0, []
        for name, data in files:
            try:
                PhotoService.prepare_bytes(data, name)  # the same pipeline the laptop's own photos go through
            except ValueError as exc:
                refused.append(_chinese_part(str(exc)) or f"{name}：不是可用的照片")
                continue
            with self._lock:
                if self._ticket is not ticket:  # the inspector moved on meanwhile: not for this item any more
                    raise UploadRefused(HTTPStatus.GONE, _MESSAGES["unknown"])
                ticket.received += 1
            self.deliver(ticket.target, data, name)
            taken += 1
        return taken, refused


def _chinese_part(message: str) -> str:
    """The Chinese of a "中文 (English): 文件名" message, with the file name it ends with."""
    head, _, rest = message.partition(" (")
    tail = rest.rpartition(")")[2] if rest else ""
    return (head + tail).strip()


def _page(title: str, body: str, *, form_for: str | None = None) -> bytes:
    form = "" if form_for is None else (
        f'<form method="post" action="/p/{html.escape(form_for)}" enctype="multipart/form-data">'
        '<input type="file" name="photo" accept="image/*" multiple required>'
        '<button type="submit">上传</button></form>')
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1.2em;font-size:18px}button,input{font-size:18px;margin:.6em 0;"
        "width:100%}button{padding:.6em;background:#1565c0;color:#fff;border:0;border-radius:6px}"
        ".muted{color:#607d8b;font-size:15px}</style></head><body>"
        f"<h2>{html.escape(title)}</h2>{body}{form}</body></html>").encode("utf-8")


def _handler_for(upload: PhoneUpload) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = REQUEST_TIMEOUT_S
        server_version = "SafetyDesk"
        sys_version = ""

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's name
            pass  # nothing of the phone's requests goes to the laptop's terminal

        def _token(self) -> str | None:
            parts = self.path.split("?", 1)[0].split("/")
            return parts[2] if len(parts) == 3 and parts[1] == "p" and parts[2] else None

        def _send(self, status: HTTPStatus, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def _refuse(self, refusal: UploadRefused, token: str | None = None) -> None:
            again = token if refusal.status in (HTTPStatus.BAD_REQUEST, HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                                HTTPStatus.REQUEST_ENTITY_TOO_LARGE) else None
            self._send(refusal.status, _page("未能上传", f"<p>{html.escape(refusal.reason)}</p>", form_for=again))

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            token = self._token()
            try:
                ticket = upload.ticket_for(token or "")
            except UploadRefused as refusal:
                self._refuse(refusal)
                return
            until = ticket.expires_at.strftime("%H:%M")
            self._send(HTTPStatus.OK, _page(
                f"上传照片到：{ticket.label}",
                f'<p class="muted">拍照或从相册选择，可多选。此二维码 {until} 前有效。</p>', form_for=token))

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            token = self._token()
            if not upload.slots.acquire(blocking=False):
                self._refuse(UploadRefused(HTTPStatus.SERVICE_UNAVAILABLE, _MESSAGES["busy"]))
                return
            try:
                upload.ticket_for(token or "")  # before reading a byte of the body
                files = self._read_files()
                taken, refused = upload.receive(token or "", files)
            except UploadRefused as refusal:
                self._refuse(refusal, token)
                return
            finally:
                upload.slots.release()
            lines = [f"<p>已收到 {taken} 张照片，已放入电脑上的当前记录。</p>"] if taken else []
            lines += [f'<p style="color:#c62828">{html.escape(reason)}</p>' for reason in refused]
            status = HTTPStatus.OK if taken else HTTPStatus.UNSUPPORTED_MEDIA_TYPE
            self._send(status, _page("上传完成" if taken else "未能上传", "".join(lines), form_for=token))

        def _read_files(self) -> list[tuple[str, bytes]]:
            length_text = self.headers.get("Content-Length")
            if length_text is None or not length_text.strip().isdigit():
                raise UploadRefused(HTTPStatus.LENGTH_REQUIRED, _MESSAGES["length"])
            length = int(length_text)
            if length > MAX_REQUEST_BYTES:
                raise UploadRefused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, _MESSAGES["too_big"])
            content_type = self.headers.get("Content-Type", "")
            if not content_type.lower().startswith("multipart/form-data") or "boundary=" not in content_type:
                raise UploadRefused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, _MESSAGES["bad_form"])
            body = self.rfile.read(length)
            if len(body) < length:
                raise UploadRefused(HTTPStatus.BAD_REQUEST, _MESSAGES["bad_form"])
            message = BytesParser(policy=HTTP).parsebytes(
                b"Content-Type: " + content_type.encode("latin-1") + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)
            if not message.is_multipart():
                raise UploadRefused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, _MESSAGES["bad_form"])
            files = []
            for part in message.iter_parts():
                name = part.get_filename()
                if name is None:
                    continue  # a plain form field: nothing to keep
                if len(files) == MAX_PARTS:
                    raise UploadRefused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, _MESSAGES["too_big"])
                data = part.get_payload(decode=True) or b""
                # Only the file's own name is kept ("../../x.jpg" is "x.jpg"); the pipeline stores by content.
                files.append((name.replace("\\", "/").rsplit("/", 1)[-1][:120] or "phone.jpg", data))
            return [(name, data) for name, data in files if data]

    return Handler
