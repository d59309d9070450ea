"""The passphrase `device enroll` prints once, as a test (or a script) picks it out of the command's output."""

from __future__ import annotations

import re

# 6 groups of 4 base32 characters (services/enrolment_seal.py), not part of a longer key (the recovery key has 8).
_PASSPHRASE = re.compile(r"(?<![A-Z2-7-])[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}(?![A-Z2-7-])")


def passphrase_in(output: str) -> str:
    found = _PASSPHRASE.findall(output)
    assert len(found) == 1, f"one enrolment passphrase expected in: {output}"
    return found[0]
