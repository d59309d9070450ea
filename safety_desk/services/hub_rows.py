"""The office's rows at the network hub: the office sends them, the hub judges devices' uploads by them.

The office sends the hub every change of its whole data (`office_feed`, at each exchange: services/hub_sync.py),
in parts that start where the hub stands (its cursor: the office's sync incarnation and write seq), so the hub
holds the current state of every row (hub/pg_rows.py), and how far each device has confirmed having the office's
writes as the office counts it (`acked_counts`). A device's upload to the office is then judged at the hub
with the office's own row checks (`upload_refusals`: sync/row_checks.py, the very sequence the office's import
runs): if the office would refuse any change of it, the hub refuses the whole upload (HTTP 422, the reasons) and
keeps nothing. Password hashes never go to the hub: it holds their sha256 (`masked`), enough to tell a changed
password from a resent one.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator

from safety_desk.domain.hybrid_clock import device_of
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import SYNC_MODE, Change
from safety_desk.media.received import received_photo_problem
from safety_desk.store.records import Device
from safety_desk.store.scope_moves import ScopeMoves
from safety_desk.store.store import Store
from safety_desk.store.sync_log import SyncLog
from safety_desk.sync.bundle import MAX_CHANGE_CELLS, MAX_CHANGE_LINES
from safety_desk.sync.change_codec import decode_changes, encode_changes
from safety_desk.sync.hub_protocol import MAX_JSON_BODY
from safety_desk.sync.office_proof import written_clock
from safety_desk.sync.row_checks import JudgedRows, device_refuser, refusals, row_facts_of

# The hub's copy of a person holds no password hash, only this digest of it.
_MASKED = frozenset({("person", "password_hash")})
# One part of the feed: its first line (the part's header) and its changes within a JSON request's limit, and
# within what decoding reads of one member (sync/bundle.py).
_PART_BYTES = MAX_JSON_BODY * 3 // 4
_PART_LINES = MAX_CHANGE_LINES * 9 // 10
_PART_CELLS = MAX_CHANGE_CELLS * 9 // 10
_LISTED = 10  # reasons named in a refusal (the count says how many there are)
_NUL_SHOWN = "\ufffd"  # what the hub holds for a NUL character (PostgreSQL holds none)


@dataclass(frozen=True)
class FeedCursor:
    """Where the hub's copy of the office's rows stands: the office's sync incarnation and the last write seq it
    holds, and whether it holds every row (a first feed cut short holds only part)."""

    epoch: str | None = None
    upto: int = 0
    complete: bool = False
    acked: dict[str, int] = field(default_factory=dict)  # the office's counts it holds (acked_counts)


@dataclass(frozen=True)
class FeedPart:
    """One part of the feed as the hub reads it: changes of the office's writes after `after` up to `upto`; the
    `final` one moves the hub's cursor to `upto` and brings every enterprise's latest move."""

    epoch: str
    after: int
    upto: int
    first: bool
    final: bool
    columns: dict[str, set[str]]
    moves: dict[str, tuple[str | None, str | None, str]]  # enterprise -> (district left, district now, clock)
    changes: list[Change]
    acked: dict[str, int]  # the final part's acked_counts (empty in the others)


def _pg_text(value: Any) -> Any:
    """`value` with every NUL character of its strings replaced and an infinite or NaN number as its text
    (PostgreSQL's text and JSONB hold neither)."""
    if isinstance(value, str):
        return value.replace("\x00", _NUL_SHOWN)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {_pg_text(k): _pg_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_pg_text(v) for v in value]
    return value


def _pg_safe(changes: list[Change]) -> list[Change]:
    """The changes as the hub can hold and query them in PostgreSQL: a NUL in an id, clock, author or value (a text
    the office took, a hostile device's id) replaced, an infinite number (JSON as Python writes it: a device's photo
    GPS reading) as its text, the same way in the office's rows and in an upload, so the hub compares them as it
    would the originals."""
    return [replace(c, row_id=_pg_text(c.row_id), clock=_pg_text(c.clock), author=_pg_text(c.author),
                    value=_pg_text(c.value), capped_from=_pg_text(c.capped_from)) for c in changes]


def _unsafe(data: bytes) -> bool:
    """Whether JSON text may hold what PostgreSQL cannot: a NUL (\\u0000), Infinity or NaN (a cheap test, which
    may say yes for a text that merely spells them)."""
    return b"\\u0000" in data or b"Infinity" in data or b"NaN" in data


def _noting_unsafe(lines: Iterable[bytes], seen: list[bool]) -> Iterator[bytes]:
    """The lines as they are, noting in `seen` whether any may hold what PostgreSQL cannot (_unsafe)."""
    for line in lines:
        if _unsafe(line):
            seen[0] = True
        yield line


def masked(change: Change) -> Change:
    """The change as the hub keeps and judges it: a password hash replaced by its sha256."""
    if (change.table, change.field) in _MASKED and isinstance(change.value, str) and change.value:
        return replace(change, value="sha256:" + hashlib.sha256(change.value.encode("utf-8")).hexdigest())
    return change


# -- at the office ----------------------------------------------------------------------------

def acked_counts(store: Store) -> dict[str, int]:
    """Each device's confirmation of our writes as our import counts it (the seq of ours it has confirmed having,
    from the bundles of it we imported: not one we refused whole, not one of our replaced incarnation). The hub
    judges a device's district moves by it: a count of its own (from the acknowledgements it relays) could be
    higher than ours and refuse an edit made before a move that we take."""
    return {peer.device_id: peer.acked_seq for peer in SyncLog(store.db).peers()}


def office_feed(store: Store, cursor: FeedCursor) -> Iterator[bytes]:
    """The request bodies that bring the hub's copy of our rows up to date from `cursor` (none when it is): from
    the beginning when the hub holds another incarnation of ours (a restore) or nothing yet. Streamed from the
    store part by part (a city's whole data is never held at once); a part's cells may come in any order, as the
    hub keeps each cell's latest write by seq, so an interrupted feed is simply sent again from the cursor."""
    epoch = store.local_state.sync_epoch()
    log = SyncLog(store.db)
    last = log.last_seq()
    after = cursor.upto if cursor.epoch == epoch and cursor.upto <= last else 0
    acked = acked_counts(store)
    if after and after == last and cursor.complete and cursor.acked == acked:
        return
    columns = {table: sorted(store.db.columns(table)) for table in SYNC_MODE}

    def body(lines: list[bytes], first: bool, final: bool) -> bytes:
        header = {"epoch": epoch, "after": after, "upto": last, "first": first, "final": final, "columns": columns,
                  # Every enterprise's latest move (the scope check's `former`): the hub replaces its own.
                  "moves": ({e: list(m) for e, m in ScopeMoves(store.db).latest_moves().items()} if final else {}),
                  "acked": acked if final else {}}
        return json.dumps(header).encode("utf-8") + b"\n" + b"".join(lines)

    lines: list[bytes] = []
    size = cells = 0
    first = True
    for change in log.export_for(None, None, after, last):
        line = encode_changes([masked(change)])
        lines.append(line)
        size += len(line)
        cells += len(change.value) if isinstance(change.value, dict) else 1
        if size >= _PART_BYTES or len(lines) >= _PART_LINES or cells >= _PART_CELLS:
            yield body(lines, first, False)
            lines, size, cells, first = [], 0, 0, False
    yield body(lines, first, True)


# -- at the hub -------------------------------------------------------------------------------

class BadFeed(ValueError):
    """A part of the office's feed the hub cannot read."""


def read_feed_part(body: bytes) -> FeedPart:
    head, _, lines = body.partition(b"\n")
    try:
        header = json.loads(head)
        columns = {str(t): set(map(str, c)) for t, c in header["columns"].items()}
        epoch, after, upto = header["epoch"], header["after"], header["upto"]
        first, final = header["first"], header["final"]
        moves = {_pg_text(str(e)): (_pg_text(m[0]), _pg_text(m[1]), _pg_text(str(m[2])))
                 for e, m in header["moves"].items()}
        acked = header.get("acked", {})  # (none from an office of an earlier version: no device counts as confirmed)
        acked = {_pg_text(str(d)): n for d, n in acked.items() if isinstance(n, int) and not isinstance(n, bool)}
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise BadFeed(say("安全办数据的格式错误", "the office's rows: a malformed header")) from None
    if not (isinstance(epoch, str) and "\x00" not in epoch and isinstance(after, int) and isinstance(upto, int)
            and 0 <= after <= upto and isinstance(first, bool) and isinstance(final, bool)) \
            or not set(SYNC_MODE) <= set(columns) \
            or not all(m[i] is None or isinstance(m[i], str) for m in moves.values() for i in (0, 1)):
        raise BadFeed(say("安全办数据的格式错误", "the office's rows: a malformed header"))
    changes = decode_changes(lines, columns, "office-rows")
    return FeedPart(epoch, after, upto, first, final, columns, moves,
                    _pg_safe(changes) if _unsafe(lines) else changes, acked)


def upload_changes(change_lines: Iterable[bytes], columns: dict[str, set[str]], name: str,
                   sender_id: str | None = None) -> list[Change]:
    """A device's changes as the hub judges them: decoded as the office decodes them, less those written by
    others with the office's proof of that very cell (a restored office takes them back by that proof, which only
    it can check). A change written with the sender's own clock is judged whatever proof its line carries: the
    office judges it so (services/sync.py, _office_claims)."""
    proofs: list[tuple[str, str, str, dict[str, str]]] = []
    nul = [False]
    if isinstance(change_lines, (bytes, bytearray)):
        nul[0] = _unsafe(bytes(change_lines))
    else:
        change_lines = _noting_unsafe(change_lines, nul)
    changes = decode_changes(change_lines, columns, name, proofs)
    by_line = {(table, row_id, clock): cells for table, row_id, clock, cells in proofs}
    kept = [masked(c) for c in changes
            if (sender_id is not None and device_of(written_clock(c)) == sender_id)
            or by_line.get((c.table, c.row_id, c.clock), {}).get(c.field) is None]
    return _pg_safe(kept) if nul[0] else kept


def upload_refusals(sender: Device, changes: list[Change], rows: JudgedRows) -> list[str]:
    """Why the office would refuse changes of this upload of `sender` (a device, not the office): each reason,
    from the office's own row checks run over the hub's copy of its rows. Empty: the office takes every one."""
    if not changes:
        return []
    refuse = device_refuser(sender, changes, rows)
    return [reason for _, reason in refusals(changes, refuse, rows, row_facts_of(changes, rows))]


def photo_refusals(photos: Iterable[tuple[str, bytes]]) -> list[str]:
    """Why the office would refuse photos of an upload, (sha256, bytes) each: those that are not photos as devices
    keep them (media/received.py), which the office does not keep and whose records it refuses."""
    return [say(f"照片 {photo_id}：{problem}，未接收", f"photo {photo_id}: {problem}; not taken")
            for photo_id, data in photos if (problem := received_photo_problem(data))]


def refusal_text(sender: Device, reasons: list[str]) -> str:
    """The one message of a refused upload (the hub's 422), in the reader's language."""
    listed = say("；", "; ").join(reasons[:_LISTED]) + (say("；……", "; ...") if len(reasons) > _LISTED else "")
    return say(f"设备“{sender.name}”的同步包中有 {len(reasons)} 项修改安全办不会接收，整个同步包未保存：{listed}",
               f"{len(reasons)} changes of the bundle of device {sender.name} would be refused by the office; "
               f"the bundle was not kept: {listed}")



def judged_keys(changes: list[Change]) -> set[tuple[str, str]]:
    """The rows judging `changes` reads first (theirs and their parents'): read in one go, not one by one."""
    keys = {(c.table, c.row_id) for c in changes}
    for change in changes:
        value = change.value if isinstance(change.value, dict) else {change.field: change.value}
        for column, table in (("hazard_id", "hazard"), ("inspection_id", "inspection"), ("enterprise_id", "enterprise"),
                              ("photo_id", "photo")):
            if isinstance(value.get(column), str):
                keys.add((table, value[column]))
    return keys
