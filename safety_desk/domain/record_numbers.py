"""Record numbers a person can read and say: the day and six digits from the record's id, e.g. 20260929-418327."""

from __future__ import annotations

from datetime import date


def printed_number(record_id: str, day: date | str) -> str:
    """The number printed on a record's documents, the same on every device and every reprint.

    Ids are UUIDv7 hex made on the device that created the record: its last twelve hex digits are random, so
    six decimal digits from them tell the records of one day apart without a counter devices would have to share.
    """
    day = date.fromisoformat(day[:10]) if isinstance(day, str) else day
    digits = "".join(c for c in record_id.lower() if c in "0123456789abcdef")[-12:] or "0"
    return f"{day:%Y%m%d}-{int(digits, 16) % 1_000_000:06d}"
