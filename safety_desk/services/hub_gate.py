"""The hub's gate: who may call it and which uploaded bundles it keeps, judged with the office's own sync checks.

The hub (safety_desk/hub/) relays bundles between the office and its devices; it never merges them. What it
checks is what the office checks of a bundle before reading its rows, with the very same functions:
`accepted_sender` (a sync bundle of an enrolled, unrevoked sender, and only the office sends to devices),
`sender_key` (the key in the device's record, or before the office has one the key the binding proves with the
enrolment token) and `open_bundle` (names, sizes, the manifest signature, every member's sha256, zip bombs).
The row checks (scope, the ownership rule, append-only records, clocks, hazard histories) run on a device's
upload too, once the office has sent the hub its rows: services/hub_rows.py runs the office's own sequence
(sync/row_checks.py) over the hub's copy of them and the hub refuses (422) an upload the office would refuse in part.

The hub learns who is who from the office: its enrolment file carries the office's key and the device list,
and the office sends the list again, signed like any request of it, at each exchange (`registry_of`): a new
device can use the hub once the office has synced with it after enrolling it, and a revocation takes effect there
at the office's next exchange.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from safety_desk.domain.ids import new_id
from safety_desk.domain.language import say
from safety_desk.services.enrolment_seal import unseal_with
from safety_desk.store.local_state import TOKEN_REVOKED, TOKEN_USED
from safety_desk.store.records import Device
from safety_desk.store.store import Store
from safety_desk.sync.bundle import BundleRejected, OpenedBundle, open_bundle, write_bundle
from safety_desk.sync.hub_protocol import MAX_SKEW_MS, BadRequestHeaders, parse_headers, signature_holds
from safety_desk.sync.key_binding import sender_key
from safety_desk.sync.seal import Recipient
from safety_desk.sync.sender_checks import accepted_sender

HUB_ENROL_KIND = "hub-enrolment"


class HubRefused(Exception):
    """A request the hub refuses: an HTTP status and the reason in the hub's language; nothing was written."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class RegisteredDevice:
    """A device as the hub knows it from the office: its record, and its enrolment token until its key is known."""

    device: Device
    token: str | None = None

    def as_json(self) -> dict[str, Any]:
        d = self.device
        return {"id": d.id, "name": d.name, "role": d.role, "scope": d.scope, "public_key": d.public_key,
                "revoked_at": d.revoked_at, "token": self.token}

    @classmethod
    def of_json(cls, value: Mapping[str, Any]) -> "RegisteredDevice":
        for key in ("id", "name", "role", "public_key"):
            if not isinstance(value.get(key), str):
                raise ValueError(f"device list: {key}")
        scope = value.get("scope") or {}
        revoked = value.get("revoked_at")
        token = value.get("token")
        if not isinstance(scope, dict) or not isinstance(revoked, (str, type(None))) \
                or not isinstance(token, (str, type(None))):
            raise ValueError("device list: scope, revoked_at or token")
        return cls(Device(id=value["id"], name=value["name"], role=value["role"], public_key=value["public_key"],
                          enrolled_at="", scope=scope, revoked_at=revoked), token)


Registry = Mapping[str, RegisteredDevice]


def registry_of(store: Store) -> dict[str, Any]:
    """The office's device list for the hub: every device with its key, revocation and, while its key is not yet
    known here, the enrolment token its first bundle's key binding is checked with (the hub checks it as we do)."""
    devices = []
    for device in store.devices.active():
        token = store.local_state.issued_token(device.id) if not device.public_key else None
        if token in (TOKEN_USED, TOKEN_REVOKED):
            token = None
        devices.append(RegisteredDevice(device, token).as_json())
    return {"issued_ms": store.db.wall.epoch_ms(), "devices": devices}


def parse_registry(value: Any) -> tuple[int, list[RegisteredDevice]]:
    if not isinstance(value, dict) or not isinstance(value.get("issued_ms"), int) \
            or not isinstance(value.get("devices"), list):
        raise HubRefused(400, say("设备清单格式错误", "the device list is malformed"))
    try:
        return value["issued_ms"], [RegisteredDevice.of_json(item) for item in value["devices"]]
    except (ValueError, AttributeError, TypeError):
        raise HubRefused(400, say("设备清单格式错误", "the device list is malformed")) from None


# -- the hub's enrolment file -------------------------------------------------------------------

def write_hub_enrolment(store: Store, office: Device, office_name: str, name: str, output: Path,
                        seal_to: Callable[[str], Recipient] | None = None) -> str:
    """The office's signed file that makes a hub (`hub init --enrolment`): the office's key and the device list
    (with the tokens of devices not yet joined); `seal_to(hub id)`: whom the file is sealed to (its passphrase)."""
    hub_id = new_id()
    registry = registry_of(store)
    manifest = {"kind": HUB_ENROL_KIND, "bundle_id": new_id(), "sender": office.id, "sender_role": "office",
                "recipient": hub_id, "scope": {}, "created": store.db.now_iso(), "created_ms": store.db.wall.epoch_ms(),
                "after_seq": 0, "upto_seq": 0, "ack": 0, "previous": "", "counts": {"changes": 0, "photos": 0},
                "enrolment": {"hub_id": hub_id, "name": name, "office_device_id": office.id,
                              "office_public_key": office.public_key, "office_name": office_name},
                "registry": registry}
    private = store.local_state.private_key()
    if not private:
        raise BundleRejected(say("此数据库没有设备密钥", "this database has no device key"))
    write_bundle(output, manifest, b"", iter(()), private, seal_to=seal_to(hub_id) if seal_to else None)
    return hub_id


def read_hub_enrolment(path: Path | str, passphrase: str | None = None
                       ) -> tuple[dict[str, Any], int, list[RegisteredDevice]]:
    """The enrolment section and device list of a hub enrolment file whose signature holds (trusted on first use,
    as a device's enrolment file is: hand it over in person), opened with its `passphrase` when it is sealed."""
    path = Path(path)
    unseal = unseal_with(path, passphrase)

    def key_for(manifest: dict[str, Any]) -> str:
        enrolment = manifest.get("enrolment")
        if manifest.get("kind") != HUB_ENROL_KIND or not isinstance(enrolment, dict):
            raise BundleRejected(say(f"{path.name}: 不是集线器登记文件（请用 `safety-desk device enroll --role hub` 生成）",
                                      f"{path.name}: not a hub enrolment file (make one with `safety-desk device enroll --role hub`)"))
        for key in ("hub_id", "name", "office_device_id", "office_public_key"):
            if not isinstance(enrolment.get(key), str) or not enrolment[key]:
                raise BundleRejected(say(f"{path.name}: 登记信息缺少 {key}", f"{path.name}: the enrolment lacks {key}"))
        if manifest["sender"] != enrolment["office_device_id"]:
            raise BundleRejected(say(f"{path.name}: 登记文件的发送方不符",
                                      f"{path.name}: the enrolment file's sender is not the office it names"))
        return enrolment["office_public_key"]

    opened = open_bundle(path, key_for, unseal)
    try:
        issued, devices = parse_registry(opened.manifest.get("registry"))
    except HubRefused as exc:
        raise BundleRejected(f"{path.name}: {exc.reason}") from None
    return opened.manifest["enrolment"], issued, devices


# -- requests and uploads -------------------------------------------------------------------------

def authenticate(headers: Mapping[str, str], method: str, path: str, body_sha256: str, registry: Registry,
                 now_ms: int) -> tuple[RegisteredDevice, str]:
    """The enrolled, unrevoked device that signed this request, and its nonce (the caller refuses one seen)."""
    try:
        request = parse_headers(headers)
    except BadRequestHeaders as exc:
        raise HubRefused(401, str(exc)) from None
    entry = registry.get(request.device_id)
    if entry is None or entry.device.deleted:
        raise HubRefused(401, say("设备未在安全办登记", "the device is not enrolled with the office"))
    if entry.device.revoked_at is not None:
        raise HubRefused(403, say(f"设备“{entry.device.name}”已被安全办停用",
                                  f"the device “{entry.device.name}” was revoked by the office"))
    try:
        key = sender_key(say("请求", "request"), entry.device, request.binding, entry.token)
    except BundleRejected:
        raise HubRefused(401, say(f"设备“{entry.device.name}”的密钥无法确认",
                                  f"the key of the device “{entry.device.name}” cannot be confirmed")) from None
    if not signature_holds(request, key, method, path, body_sha256):
        raise HubRefused(401, say("请求签名无效：请求被改动，或不是该设备所签",
                                  "the request's signature does not hold: the request was changed, or that device did not sign it"))
    if abs(request.time_ms - now_ms) > MAX_SKEW_MS:
        raise HubRefused(401, say("请求时间与集线器时间相差超过 5 分钟：请校准电脑时间",
                                  "the request's time is more than 5 minutes from the hub's: set the computer's clock right"))
    return entry, request.nonce


def check_upload(path: Path, uploader: RegisteredDevice, registry: Registry) -> OpenedBundle:
    """An uploaded bundle the office would open: addressed along the relay's one rule (devices to the office, the
    office to devices), sent by the device that uploads it, enrolled and unrevoked, with its signature and hashes
    holding. Raises HubRefused (400/403) with the reason otherwise."""

    def key_for(manifest: dict[str, Any]) -> str:
        if not hmac.compare_digest(str(manifest["sender"]), uploader.device.id):
            raise BundleRejected(say("同步包的发送方不是上传它的设备", "the bundle's sender is not the device that uploads it"))
        recipient = registry.get(manifest["recipient"])
        if recipient is None:
            raise BundleRejected(say("同步包的接收设备未登记", "the bundle's recipient is not an enrolled device"))
        label = say("同步包", "bundle")
        sender = accepted_sender(label, manifest, recipient.device, uploader.device)
        return sender_key(label, sender, manifest.get("key_binding"), uploader.token)

    try:
        return open_bundle(path, key_for)
    except BundleRejected as exc:
        raise HubRefused(400, reason_of(str(exc))) from None


def reason_of(message: str) -> str:
    """A bundle refusal without the file name it begins with ("file: why"): the hub's file names are its own."""
    return message.split(": ", 1)[1] if ": " in message else message
