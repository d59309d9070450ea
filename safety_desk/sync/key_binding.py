"""Binding a joined device's new key to its enrolment: the proof the device sends, the office's check of it.

The enrolment file carries a one-time token. `device join` makes a fresh key pair, and every bundle of the
joined device carries a key_binding: its public key and an HMAC of it with the token. The office takes the key
from the first bundle whose binding proves the token; from then on the key in the device record is the only one
accepted, so another installation joined from the same file is refused.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from safety_desk.domain.language import say
from safety_desk.store.records import Device
from safety_desk.sync.bundle import BundleRejected


def binding_proof(token: str, device_id: str, public_key: str) -> str:
    """HMAC of a joined device's new public key with its enrolment's one-time token."""
    message = f"safety-desk-key-binding\n{device_id}\n{public_key}".encode("utf-8")
    return hmac.new(token.encode("ascii"), message, hashlib.sha256).hexdigest()


def key_binding(device: Device, public_key: str | None, token: str | None) -> dict[str, str] | None:
    """The manifest's key_binding for a bundle of `device` (None for the office, or a device not joined)."""
    if device.role == "office" or not token or not public_key:
        return None
    return {"device_id": device.id, "public_key": public_key, "proof": binding_proof(token, device.id, public_key)}


def sender_key(file_name: str, sender: Device, binding: Any, issued_token: str | None) -> str:
    """The public key to check the sender's signature with: the one in its device record, or, before the office
    has one, the key its binding proves with the token issued for it. Raises BundleRejected otherwise."""
    if sender.public_key:
        if isinstance(binding, dict) and binding.get("public_key") not in (None, sender.public_key):
            raise BundleRejected(say(f"{file_name}: 设备“{sender.name}”的登记文件已被另一台电脑使用；数据库未作任何更改",
                                     f"{file_name}: the enrolment of {sender.name} was already used by another installation: this one holds another key; nothing was changed"))
        return sender.public_key
    if not (isinstance(binding, dict) and issued_token and binding.get("device_id") == sender.id
            and isinstance(binding.get("public_key"), str) and isinstance(binding.get("proof"), str)
            and hmac.compare_digest(binding["proof"], binding_proof(issued_token, sender.id, binding["public_key"]))):
        raise BundleRejected(say(f"{file_name}: 设备“{sender.name}”的密钥无法确认；数据库未作任何更改",
                                 f"{file_name}: the key of the new device “{sender.name}” does not prove its enrolment; nothing was changed"))
    return binding["public_key"]
