"""The passphrase an enrolment file is sealed with: made at `device enroll`, read out once, typed again at join.

A device's enrolment file carries its scope's starter data (enterprises, people, phone numbers) and the one-time
token, a hub's the device list and the unused devices' tokens: written in clear, a lost USB stick gives them away.
So the file is sealed (sync/seal.py, "via": "passphrase") to a key derived with scrypt from a random passphrase of
6 groups of 4 characters (120 bits, the alphabet of the recovery key: store/keyfile.py), shown once to the office;
the office's signature inside is checked as before once it is open. A file written before sealing existed opens
without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safety_desk.domain.language import say
from safety_desk.store.keyfile import new_grouped_secret, parse_grouped_secret
from safety_desk.sync.seal import (
    PASSPHRASE_KEY, Recipient, SealedReader, SealProblem, is_sealed, passphrase_private, passphrase_recipient,
    read_header,
)

PASSPHRASE_BYTES = 15  # 120 bits: 24 characters, 6 groups of 4
PASSPHRASE_ENV = "SAFETY_DESK_ENROL_PASSPHRASE"


class PassphraseNeeded(ValueError):
    """The enrolment file is sealed and no passphrase was given; nothing was changed."""


class WrongPassphrase(ValueError):
    """The passphrase does not open the enrolment file (or the file is damaged); nothing was changed."""


def new_passphrase() -> str:
    return new_grouped_secret(PASSPHRASE_BYTES)


def sealed_to(passphrase: str, recipient_id: str) -> Recipient:
    """Whom `device enroll` seals the file of `recipient_id` to."""
    return passphrase_recipient(_secret(passphrase, None), recipient_id)


def needs_passphrase(path: Path | str) -> bool:
    return is_sealed(Path(path))


def _secret(passphrase: str, path: Path | None) -> bytes:
    secret = parse_grouped_secret(passphrase, PASSPHRASE_BYTES)
    if secret is None:
        where = f"{path.name}: " if path is not None else ""
        raise WrongPassphrase(say(f"{where}登记口令格式不对：应为 24 个字母或数字（6 组，每组 4 个）；未作任何更改",
                                  f"{where}the enrolment passphrase is not in its format: 24 letters or digits "
                                  "(6 groups of 4); nothing was changed"))
    return secret


def unseal_with(path: Path | str, passphrase: str | None) -> tuple[str, dict[str, Any]] | None:
    """What sync/bundle.py's open_bundle needs to open the sealed enrolment file at `path` (None: a plain one),
    after checking that `passphrase` opens it: PassphraseNeeded, WrongPassphrase, naming the file."""
    path = Path(path)
    if not is_sealed(path):
        return None
    if not passphrase or not passphrase.strip():
        raise PassphraseNeeded(say(f"{path.name}: 登记文件已加密：请输入安全办登记时给出的登记口令；未作任何更改",
                                   f"{path.name}: the enrolment file is sealed: give the passphrase the office was "
                                   "shown when it enrolled the device; nothing was changed"))
    secret = _secret(passphrase, path)
    try:
        with open(path, "rb") as handle:
            recipient = read_header(handle).recipient
        keys = {PASSPHRASE_KEY: passphrase_private(secret, recipient)}
        SealedReader(path, recipient, keys).close()  # its last chunk authenticates: the passphrase is right
    except SealProblem as exc:
        if exc.kind == "header":
            raise WrongPassphrase(say(f"{path.name}: 不是登记文件，或文件已损坏；未作任何更改",
                                      f"{path.name}: not an enrolment file, or it is damaged; nothing was changed")) from None
        raise WrongPassphrase(say(f"{path.name}: 登记口令不对，或登记文件已损坏；未作任何更改。请向安全办核对登记口令"
                                  "（6组，每组4个字母或数字）后重新输入",
                                  f"{path.name}: the passphrase is wrong, or the enrolment file is damaged; nothing "
                                  "was changed. Check the passphrase with the safety office (6 groups of 4 letters or "
                                  "digits) and type it again")) from None
    except OSError as exc:
        raise WrongPassphrase(say(f"{path.name}: 无法读取（{exc.strerror or exc}）",
                                  f"{path.name}: cannot be read: {exc.strerror or exc}")) from None
    return recipient, keys
