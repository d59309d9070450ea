"""The seal of an issued document: the compact, signed text its QR code holds, and the digest of its frozen content.

A seal reads `SD1|kind|number|date|digest|signer|signature`: the document's kind (N a rectification notice,
R a re-inspection opinion, Q quarterly and A annual statistics, W a weekly summary), its number, the day it was issued or filed, the SHA-256 of its frozen
content (canonical JSON, base64url), the device whose Ed25519 key signed it, and the signature over everything
before it (base64url). Text only, so a scanned code or a PDF's metadata is checked with no image decoding.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from safety_desk.domain.language import say

PREFIX = "SD1"
KIND_NAMES = {"N": "安全隐患整改通知书", "R": "整改复查意见书", "Q": "隐患排查治理季度统计", "A": "隐患排查治理年度统计",
              "W": "安全生产周报"}
KIND_NAMES_EN = {"N": "rectification notice", "R": "re-inspection opinion", "Q": "quarterly hazard statistics",
                 "A": "annual hazard statistics", "W": "weekly safety summary"}
_FIELDS = 7


class SealProblem(ValueError):
    """Text that is not a document seal of this program; the message says what is wrong with it."""


def canonical(content: dict[str, Any]) -> bytes:
    """The frozen content as bytes that are the same wherever and whenever it is written again."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str, what: str, what_en: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise SealProblem(say(f"验证码中的{what}已损坏", f"the {what_en} in the seal is damaged")) from None


def content_digest(content: dict[str, Any]) -> str:
    """SHA-256 of the canonical content, base64url without padding (43 characters)."""
    return _b64(hashlib.sha256(canonical(content)).digest())


@dataclass(frozen=True)
class Seal:
    kind: str
    number: str
    day: str  # ISO date of issue or filing
    digest: str
    signer: str  # the device id whose key signed it
    signature: str = ""

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def kind_shown(self) -> str:
        """The kind's name in the current language, for a message (kind_name is the document's own, Chinese)."""
        return say(self.kind_name, KIND_NAMES_EN.get(self.kind, self.kind))

    def signed_part(self) -> bytes:
        """What the signature covers: every field but the signature, as the text writes them."""
        return "|".join((PREFIX, self.kind, self.number, self.day, self.digest, self.signer)).encode("utf-8")

    def with_signature(self, signature: bytes) -> "Seal":
        return Seal(self.kind, self.number, self.day, self.digest, self.signer, _b64(signature))

    def signature_bytes(self) -> bytes:
        return _unb64(self.signature, "签名", "signature")

    def text(self) -> str:
        return self.signed_part().decode("utf-8") + "|" + self.signature


def parse_seal(text: str) -> Seal:
    """The seal written in `text` (surrounding blanks and line breaks a scanner adds are ignored)."""
    cleaned = "".join(str(text).split()) if "|" in str(text) else str(text).strip()
    parts = cleaned.split("|")
    if len(parts) != _FIELDS or parts[0] != PREFIX:
        raise SealProblem(say("这不是本系统出具文件的验证码（应以 SD1| 开头，共 7 段）",
                              "this is not the seal of a document of this program: it starts with SD1| and has 7 parts"))
    _, kind, number, day, digest, signer, signature = parts
    if kind not in KIND_NAMES:
        raise SealProblem(say(f"验证码中的文件类型“{kind}”无法识别", f"the seal's document kind “{kind}” is unknown"))
    if not number or not signer or not signature:
        raise SealProblem(say("验证码不完整：缺少编号、签发设备或签名",
                              "the seal is incomplete: its number, signing device or signature is missing"))
    if len(_unb64(digest, "摘要", "digest")) != 32:
        raise SealProblem(say("验证码中的摘要长度不对", "the seal's digest has the wrong length"))
    return Seal(kind, number, day, digest, signer, signature)
