"""Record identifiers: UUIDv7 text ids made on the device that creates the record."""

from __future__ import annotations

import random
import uuid
from functools import cache


@cache
def _uuid7():
    # Imported on first use: uuid6 reads its own package metadata at import (importlib.metadata, ~20 ms),
    # which the sign-in window need not wait for.
    from uuid6 import uuid7

    return uuid7


def new_id() -> str:
    """A fresh UUIDv7: time-ordered, so ids made on one device sort by creation and index well."""
    return str(_uuid7()())


class SeededIds:
    """UUIDv7 ids from a seeded generator and a simulated time, so a demo data set is reproducible."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def at(self, unix_ms: int) -> str:
        """A valid UUIDv7 whose timestamp is `unix_ms` and whose random bits come from the seed."""
        rand_a = self._random.getrandbits(12)
        rand_b = self._random.getrandbits(62)
        value = (unix_ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
        return str(uuid.UUID(int=value))
