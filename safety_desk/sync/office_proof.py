"""The office's proof that it wrote a change: a keyed hash only the office can make, and check, again.

An office restored from a backup lacks what it wrote after that backup; the devices that received those writes
hand them back (DESIGN.md §4, invariant 8). A device must not be able to write in the office's name that way, so
every change the office writes itself travels to devices with a proof: a keyed BLAKE2b hash (a MAC) of the change
(table, row, field, the clock it was written with, author, value), keyed by a key derived from the office's
private signing key. Devices keep the proof beside the cell and send it back with the cell; the office, restored or not, takes
a change in its own name only with a proof that matches. Only the office needs to check a proof, so a keyed hash
(fast, 8 bytes) does what a signature would; the key is in every backup of the office, as its signing key is.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

from safety_desk.domain.sync_model import Change

_KEY_LABEL = b"safety-desk office proof v1\0"  # the key: sha256 of this label and the private key
PROOF_CHARS = 12  # 8 bytes, base64: a 64-bit tag, enough when only the office checks it, one bundle at a time
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode


def proof_key(private_pem: str) -> bytes:
    """The office's proof key, derived from its private signing key (never leaves the office either)."""
    return hashlib.sha256(_KEY_LABEL + private_pem.encode("utf-8")).digest()


def written_clock(change: Change) -> str:
    """The clock the change was written with (before any receiver capped it)."""
    return change.capped_from or change.clock


def proof_of(key: bytes, change: Change) -> str:
    # The statement: the change's names joined by a separator no id, clock or field holds, then its value: a
    # scalar's repr (it tells 1 from "1"), a whole row as sorted JSON.
    value = change.value
    shown = _ENCODE(value) if type(value) is dict else repr(value)
    statement = (f"{change.table}\x1f{change.row_id}\x1f{change.field}\x1f{written_clock(change)}\x1f{change.author}"
                 f"\x1f{shown}").encode("utf-8")
    return base64.b64encode(hashlib.blake2b(statement, key=key, digest_size=8).digest()).decode("ascii")


def proven(key: bytes, change: Change) -> bool:
    """Whether the change carries the office's proof for exactly this change."""
    return isinstance(change.proof, str) and hmac.compare_digest(change.proof, proof_of(key, change))
