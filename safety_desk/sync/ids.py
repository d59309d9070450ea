"""Record identifiers: UUIDv7 text ids made on the device that creates the record."""

from __future__ import annotations

import random
import uuid

import uuid6


def new_id() -> str:
    """A fresh UUIDv7: time-ordered, so ids made on one device sort by creation and index well."""
    return str(uuid6.uuid7())


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
