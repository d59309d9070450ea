"""Sealing issued documents with this device's Ed25519 key, and checking a seal (scanned text or a PDF) offline.

The office's device signs with the office key; an inspector's laptop that issues a notice offline signs with its
own key, which the office bound to its enrolment (sync/key_binding.py) and which reaches every device in its
device record. A seal checks when its signer is a device of this office's records, the signature holds, and
what it describes matches: the frozen content in the PDF, the text printed on its pages, and the copy this
database keeps of the same document, when it has one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from safety_desk.domain.document_seal import PREFIX, Seal, SealProblem, content_digest, parse_seal
from safety_desk.domain.language import say
from safety_desk.services.session import Session
from safety_desk.sync.identity import sign, verify


class SealingProblem(ValueError):
    """A document cannot be sealed here (this database has no device key)."""


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a seal: whether it holds, what it names, and a sentence saying why."""

    valid: bool
    message: str
    seal: Seal | None = None
    signer_name: str = ""


class DocumentSeals:
    """Seals documents issued on this device and checks seals against the keys of this office's devices."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    # -- sealing ---------------------------------------------------------------------------------
    def seal(self, kind: str, number: str, day: str, content: dict[str, Any]) -> Seal:
        """The signed seal of a document of `kind` numbered `number`, issued on `day`, with `content` frozen."""
        private = self.store.local_state.private_key()
        if not private:
            raise SealingProblem(say("本数据库没有设备密钥，无法为文件加盖电子验证码",
                                     "this database has no device key: it cannot seal a document"))
        unsigned = Seal(kind, number, day, content_digest(content), self.store.db.device_id)
        return unsigned.with_signature(sign(private, unsigned.signed_part()))

    # -- checking --------------------------------------------------------------------------------
    def _public_key(self, device_id: str) -> tuple[str | None, str]:
        device = self.store.devices.get(device_id)
        if device_id == self.store.db.device_id:
            own = self.store.local_state.public_key() or (device.public_key if device else None)
            return own, device.name if device else ""
        if device is None or device.deleted or not device.public_key:
            return None, ""
        return device.public_key, device.name

    def _kept_seal(self, seal: Seal) -> str | None:
        """The seal of the copy this database keeps of the sealed document (None: it keeps none)."""
        if seal.kind == "N":
            notice = self.store.notices.by_number(seal.number)
            return notice.seal if notice is not None and notice.seal else None
        if seal.kind == "R":  # an opinion issued with its verdict is kept on the verdict event, which syncs
            issued = self.store.hazards.opinion_seal("|".join((PREFIX, seal.kind, seal.number, "")))
            if issued is not None:
                return issued
        filing = self.store.filings.by_number(seal.number)
        return filing.seal if filing is not None else None

    def check_text(self, text: str) -> Verification:
        """Check a seal's text (a scanned QR code, or the line printed under it)."""
        try:
            seal = parse_seal(text)
        except SealProblem as exc:
            return Verification(False, str(exc))
        key, signer = self._public_key(seal.signer)
        kept_seal = self._kept_seal(seal)
        if key is None and kept_seal is not None and kept_seal == seal.text():
            # An enterprise's PC knows only the office's key, not each inspector laptop's; the notice itself
            # reached it in the office's signed bundles, so the very same seal on its own copy vouches for it.
            return Verification(True, say(f"验证通过：{seal.kind_name} {seal.number}，{seal.day} 签发，"
                                          "与本机经安全办同步的原件一致",
                                          f"valid: {seal.kind_shown} {seal.number}, issued on {seal.day}, the same as "
                                          "the original this computer received from the office"), seal)
        if key is None:
            return Verification(False, say(f"验证失败：签发设备 {seal.signer} 不是本单位登记的设备，"
                                           "文件可能由其他单位出具或系伪造",
                                           f"not valid: the signing device {seal.signer} is not enrolled here; the "
                                           "document may come from another office or be forged"), seal)
        try:
            signature = seal.signature_bytes()
        except SealProblem as exc:
            return Verification(False, say(f"验证失败：{exc}", f"not valid: {exc}"), seal)
        if not verify(key, signature, seal.signed_part()):
            return Verification(False, say(f"验证失败：{seal.kind_name} {seal.number} 的签名不符，验证码被改动或伪造",
                                           f"not valid: the signature of {seal.kind_shown} {seal.number} does not "
                                           "match; the seal was changed or forged"), seal)
        kept = parse_seal(kept_seal).digest if kept_seal is not None else None
        if kept is not None and kept != seal.digest:
            return Verification(False, say(f"验证失败：{seal.kind_name} {seal.number} 与本机保存的原件内容不一致",
                                           f"not valid: {seal.kind_shown} {seal.number} differs from the original "
                                           "kept on this computer"), seal, signer)
        where = "，与本机保存的原件一致" if kept is not None else ""
        where_en = ", the same as the original kept on this computer" if kept is not None else ""
        return Verification(True, say(f"验证通过：{seal.kind_name} {seal.number}，{seal.day} 由“{signer}”签发{where}",
                                      f"valid: {seal.kind_shown} {seal.number}, issued on {seal.day} by "
                                      f"“{signer}”{where_en}"), seal, signer)

    def check_pdf(self, source: Path | str | BinaryIO) -> Verification:
        """Check a PDF: its seal as check_text does, the frozen content it carries against the seal's digest,
        and that its pages print that seal and the content's number and dates."""
        from safety_desk.reports.sealed_pdf import read_sealed_pdf

        document = read_sealed_pdf(source)
        if document.seal_text is None:
            return Verification(False, say("验证失败：该 PDF 不含本系统的电子验证码（不是已发出的正式文件，或已被改动）",
                                           "not valid: the PDF carries no seal of this program (it is not an issued "
                                           "document, or it was changed)"))
        result = self.check_text(document.seal_text)
        if not result.valid:
            return result
        seal = result.seal
        assert seal is not None
        try:
            content = json.loads(document.content_json or "")
        except ValueError:
            content = None
        if not isinstance(content, dict) or content_digest(content) != seal.digest:
            return Verification(False, say(f"验证失败：{seal.kind_name} {seal.number} 的文件内容与验证码不符，文件已被改动",
                                           f"not valid: the content of {seal.kind_shown} {seal.number} does not match "
                                           "its seal; the file was changed"), seal, result.signer_name)
        printed = "".join(document.page_text.split())
        missing = [text for text in [seal.text(), *printed_facts(content)] if "".join(text.split()) not in printed]
        foreign = sorted(dates_printed(document.page_text) - dates_of(document.content_json or "")) if seal.kind == "N" else []
        misplaced = None if missing or foreign else misplaced_fact(content, printed)
        if missing or foreign or misplaced:
            shown = (say(f"未找到“{missing[0][:40]}”", f"“{missing[0][:40]}” is missing") if missing
                     else say(f"页面上的日期 {foreign[0]} 不是原件的日期", f"the date {foreign[0]} on the page is not "
                              "one of the original's") if foreign else misplaced)
            return Verification(False, say(f"验证失败：{seal.kind_name} {seal.number} 的页面文字与原件不符（{shown}），"
                                           "文件已被改动",
                                           f"not valid: the text on the pages of {seal.kind_shown} {seal.number} "
                                           f"differs from the original ({shown}); the file was changed"),
                                seal, result.signer_name)
        return result


def printed_facts(content: dict[str, Any]) -> list[str]:
    """Texts of the frozen content every print of it shows, each within one table cell or paragraph (so its
    characters follow each other in the page text once line breaks are taken out)."""
    facts = [str(content.get("number", ""))]
    facts += [str(content[key]) for key in ("reply_due", "reinspect_on", "reinspected_on", "next_deadline",
                                            "verdict") if content.get(key)]
    for item in content.get("items", []):
        facts += [str(item.get(key) or "") for key in ("description", "measures", "responsible", "deadline")]
    return [fact for fact in facts if fact]


_ITEM_FIELDS = (("measures", "整改措施", "measures"), ("responsible", "整改责任人", "person responsible"),
                ("deadline", "整改期限", "deadline"))


def misplaced_fact(content: dict[str, Any], printed: str) -> str | None:
    """Where an item's fact is printed elsewhere than in its own item, what to say (None: all in place).

    Each item is printed in order, its measures, responsible person and deadline after its description and
    before the next item's: a date moved from one item to another, or to the reply date, is found this way
    though every date on the page is one of the document's own. `printed` is the page text without blanks.
    """
    items = content.get("items", [])
    starts, at = [], 0
    for index, item in enumerate(items, start=1):
        description = "".join(str(item.get("description") or "").split())
        found = printed.find(description, at)
        if found < 0:
            if index > 1:
                return say(f"第{index}项“{short(description)}”不在第{index - 1}项之后",
                           f"item {index} “{short(description)}” is not after item {index - 1}")
            return say(f"未找到“{short(description)}”", f"“{short(description)}” is missing")
        starts.append(found)
        at = found + len(description)
    for index, item in enumerate(items):
        at, end = starts[index], starts[index + 1] if index + 1 < len(starts) else len(printed)
        for key, name, name_en in _ITEM_FIELDS:
            fact = "".join(str(item.get(key) or "").split())
            if not fact:
                continue
            found = printed.find(fact, at, end)
            if found < 0:
                return say(f"第{index + 1}项的{name}“{short(str(item[key]))}”不在该项中",
                           f"the {name_en} “{short(str(item[key]))}” of item {index + 1} is not in that item")
            at = found + len(fact)
    return None


def short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The reprint's mark says when this copy was printed, not what was issued.
_REPRINT_MARK = re.compile(r"补打[·（(]?\d{4}-\d{2}-\d{2}")


def dates_printed(page_text: str) -> set[str]:
    """Every ISO date on the pages (a date a narrow cell broke over two lines too) but the reprint's own."""
    squeezed = "".join(page_text.split())
    return set(_ISO_DATE.findall(_REPRINT_MARK.sub("", squeezed)))


def dates_of(content_json: str) -> set[str]:
    return set(_ISO_DATE.findall(content_json))
