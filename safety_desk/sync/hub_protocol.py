"""The hub's wire protocol: paths, limits, and the Ed25519 request signature a device puts on every request.

A request to the hub carries, in headers, the device id, the sender's wall clock in ms, a random nonce, the
device's key binding while the office has not yet confirmed its key (sync/key_binding.py), and an Ed25519
signature by the device's key of: a fixed label, the method, the path, the device id, the time, the nonce and
the sha256 of the body. The hub refuses a signature that does not hold, a time too far from its own, and a
nonce it has seen (services/hub_gate.py). No password ever crosses the wire.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any, Mapping

from safety_desk.domain.language import say
from safety_desk.sync.identity import sign, verify

DEVICE = "x-sd-device"
TIME = "x-sd-time"
NONCE = "x-sd-nonce"
SIGNATURE = "x-sd-signature"
BINDING = "x-sd-key-binding"
# A request signed more than this far from the hub's clock is refused (and its nonce need not be kept longer).
MAX_SKEW_MS = 5 * 60 * 1000
# What the hub reads of one upload unless configured otherwise (a bundle is cut well below: services/sync.py).
DEFAULT_MAX_BODY = 256 * 1024 * 1024
# A JSON request (acknowledgements, the office's device list) is small.
MAX_JSON_BODY = 4 * 1024 * 1024

UPLOAD = "/v1/bundles"
INBOX = "/v1/inbox"
ACK = "/v1/ack"
REGISTRY = "/v1/registry"
# The office's rows for the hub's row checks (services/hub_rows.py): GET where the hub stands, POST the next part.
OFFICE_ROWS = "/v1/office-rows"
# An enterprise's uploads the hub has taken and the office has not yet judged, shown to the inspectors whose scope
# covers them as "awaiting the office" (services/hub_relay.py at the hub, services/hub_previews.py on a device):
# GET PREVIEWS lists every one still pending for the caller; GET PREVIEW_PHOTO + "/<sha256>" one of their photos.
PREVIEWS = "/v1/previews"
PREVIEW_PHOTO = "/v1/previews/photo"


@dataclass(frozen=True)
class SignedRequest:
    """What a request's headers claim (not yet checked)."""

    device_id: str
    time_ms: int
    nonce: str
    signature: bytes
    binding: dict[str, Any] | None


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def request_message(method: str, path: str, device_id: str, time_ms: int, nonce: str, body_sha256: str) -> bytes:
    return "\n".join(("safety-desk-hub-request-1", method.upper(), path, device_id, str(time_ms), nonce,
                      body_sha256)).encode("utf-8")


def signed_headers(private_pem: str, device_id: str, method: str, path: str, body: bytes, now_ms: int,
                   binding: dict[str, Any] | None = None) -> dict[str, str]:
    """The headers that authenticate one request of this device."""
    nonce = secrets.token_hex(16)
    message = request_message(method, path, device_id, now_ms, nonce, body_digest(body))
    headers = {DEVICE: device_id, TIME: str(now_ms), NONCE: nonce,
               SIGNATURE: base64.b64encode(sign(private_pem, message)).decode("ascii")}
    if binding:
        headers[BINDING] = base64.b64encode(json.dumps(binding, sort_keys=True).encode("utf-8")).decode("ascii")
    return headers


class BadRequestHeaders(ValueError):
    """The request's authentication headers are missing or malformed (the message in the hub's language)."""


def parse_headers(headers: Mapping[str, str]) -> SignedRequest:
    device_id = headers.get(DEVICE, "")
    nonce = headers.get(NONCE, "")
    if not device_id or len(device_id) > 64 or not nonce or len(nonce) > 64:
        raise BadRequestHeaders(say("请求缺少设备签名", "the request carries no device signature"))
    try:
        time_ms = int(headers.get(TIME, ""))
        signature = base64.b64decode(headers.get(SIGNATURE, ""), validate=True)
        raw = headers.get(BINDING)
        binding = json.loads(base64.b64decode(raw, validate=True)) if raw else None
    except ValueError:
        raise BadRequestHeaders(say("请求的签名头格式错误", "the request's signature headers are malformed")) from None
    if binding is not None and not isinstance(binding, dict):
        raise BadRequestHeaders(say("请求的密钥绑定格式错误", "the request's key binding is malformed"))
    return SignedRequest(device_id, time_ms, nonce, signature, binding)


def signature_holds(request: SignedRequest, public_pem: str, method: str, path: str, body_sha256: str) -> bool:
    message = request_message(method, path, request.device_id, request.time_ms, request.nonce, body_sha256)
    try:
        return verify(public_pem, request.signature, message)
    except ValueError:
        return False
