"""Previews: an enterprise's uploads the hub has taken and the office has not judged, kept apart on a device.

An inspector's or leader's device asks the hub for them at each exchange (services/hub_sync.py) and `take`s the
listing: it is the complete set still pending, so it replaces what the device held in one transaction. A preview is
never part of the records: its rows sit in their own local tables (store/hub_previews.py), no write_log, no ledger,
no figure, no document, no bundle; it is shown as 待安全办确认 until the office's judgement makes it go away (its
bundle then brings the rows, or nothing when the office refused them).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator

from safety_desk.domain.china_time import beijing_minute_of_ms
from safety_desk.domain.language import say
from safety_desk.domain.preview_summary import (
    DRILL, HAZARD_EVENT, NEW_HAZARD, SELF_INSPECTION, PreviewContent, PreviewFact, summarise,
)
from safety_desk.domain.sync_model import SYNC_MODE, Change
from safety_desk.media.received import received_photo_problem
from safety_desk.services.hazards import EVENT_KIND_LABELS, EVENT_KIND_LABELS_EN
from safety_desk.store.hub_previews import (
    StoredPreview, add_preview, add_preview_photos, drop_previews, held_photos, preview_ids, preview_photo,
    stored_previews,
)
from safety_desk.store.store import Store
from safety_desk.store.sync_log import SyncLog
from safety_desk.sync.change_codec import decode_changes

_BUNDLE_ID = re.compile(r"^[0-9A-Za-z-]{1,160}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# A preview is shown, not kept: a listing far larger than any upload is refused whole rather than stored.
MAX_PREVIEWS = 10_000
MAX_PHOTOS_EACH = 200
MAX_PHOTO_BYTES = 16 * 1024 * 1024


class PreviewListingProblem(ValueError):
    """The hub's listing of previews is not one: nothing was changed."""


@dataclass
class PreviewTake:
    """What one listing did: previews added, dropped (judged by the office), kept; entries and photos skipped."""

    added: int = 0
    dropped: int = 0
    kept: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return self.added + self.kept


@dataclass(frozen=True)
class PendingPreview:
    """One upload awaiting the office, as a person reads it."""

    bundle_id: str
    enterprise_id: str | None
    enterprise_name: str
    taken_at: str  # Beijing "YYYY-MM-DD HH:MM"
    lines: tuple[str, ...]
    facts: tuple[PreviewFact, ...]
    photos: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "enterprise_id": self.enterprise_id,
                "enterprise": self.enterprise_name, "taken_at": self.taken_at,
                "items": [{"what": f.what, "event_kind": f.event_kind or None, "hazard_id": f.hazard_id or None,
                           "text": f.text} for f in self.facts],
                "summary": list(self.lines), "photos": len(self.photos)}


@dataclass(frozen=True)
class HazardPreview:
    """An event of one hazard awaiting the office (a rectification report, progress), for its detail's banner."""

    bundle_id: str
    enterprise_name: str
    taken_at: str
    event_kind: str
    label: str
    note: str
    photos: tuple[str, ...]


def _shown_time(taken_ms: int) -> bool:
    """Whether the time is one a calendar shows (every reader of a kept preview prints it; SQLite holds 64 bits)."""
    try:
        beijing_minute_of_ms(taken_ms)
    except (ValueError, OverflowError, OSError):
        return False
    return True


def _entry(item: Any) -> tuple[StoredPreview, list[str]]:
    """One listed preview checked (PreviewListingProblem naming what is wrong); its photos' names."""
    if not isinstance(item, dict):
        raise PreviewListingProblem(say("不是一个对象", "not an object"))
    bundle_id, sender, taken_ms = item.get("bundle_id"), item.get("sender"), item.get("taken_ms")
    name, enterprise_id, changes, photos = (item.get("sender_name", ""), item.get("enterprise_id"),
                                            item.get("changes"), item.get("photos", []))
    if not isinstance(bundle_id, str) or not _BUNDLE_ID.match(bundle_id):
        raise PreviewListingProblem(say("同步包编号无效", "an invalid bundle id"))
    if not isinstance(sender, str) or not 0 < len(sender) <= 64 or not isinstance(name, str) or len(name) > 200:
        raise PreviewListingProblem(say(f"{bundle_id}：发送设备无效", f"{bundle_id}: an invalid sender"))
    if not (enterprise_id is None or isinstance(enterprise_id, str) and len(enterprise_id) <= 64):
        raise PreviewListingProblem(say(f"{bundle_id}：企业编号无效", f"{bundle_id}: an invalid enterprise id"))
    if type(taken_ms) is not int or taken_ms < 0 or not _shown_time(taken_ms):
        raise PreviewListingProblem(say(f"{bundle_id}：时间无效", f"{bundle_id}: an invalid time"))
    if not isinstance(changes, str):
        raise PreviewListingProblem(say(f"{bundle_id}：缺少修改内容", f"{bundle_id}: no changes"))
    if not isinstance(photos, list) or len(photos) > MAX_PHOTOS_EACH \
            or not all(isinstance(p, str) and _SHA256.match(p) for p in photos):
        raise PreviewListingProblem(say(f"{bundle_id}：照片列表无效", f"{bundle_id}: an invalid list of photos"))
    return StoredPreview(bundle_id, sender, name, enterprise_id, taken_ms, changes, ""), list(dict.fromkeys(photos))


class HubPreviewService:
    """The previews of one store: take the hub's listing, and read them for people."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def _columns(self) -> dict[str, set[str]]:
        return {table: set(self.db.columns(table)) for table in SYNC_MODE}

    def _decode(self, preview: StoredPreview, columns: dict[str, set[str]]) -> list[Change]:
        return decode_changes(preview.changes.encode("utf-8"), columns, preview.bundle_id)

    # -- taking the hub's listing ------------------------------------------------------------------
    def take(self, listing: Any, fetch_photo: Callable[[str], bytes]) -> PreviewTake:
        """Make the device's previews the hub's listing (the complete set pending for it), in one transaction.

        A malformed entry or one whose changes do not decode is skipped with its reason (a preview held before under
        its id is kept); a photo that cannot be fetched, is not named by its sha256 or is not a whole JPEG is
        skipped (noted). `fetch_photo(sha256)` gives a photo's bytes (raising ValueError when the hub refuses)."""
        if not isinstance(listing, list) or len(listing) > MAX_PREVIEWS:
            raise PreviewListingProblem(say("集线器的待确认上报列表格式错误；未作任何更改",
                                            "the hub's list of uploads awaiting the office is malformed; nothing "
                                            "was changed"))
        result = PreviewTake()
        held = preview_ids(self.db)
        listed: set[str] = set()
        new: list[tuple[StoredPreview, dict[str, bytes]]] = []
        columns = self._columns()
        fetched: dict[str, bytes | None] = {}
        adding: set[str] = set()
        held_names = held_photos(self.db)
        log = SyncLog(self.db)
        refetched: list[tuple[str, dict[str, bytes]]] = []
        for index, item in enumerate(listing, start=1):
            if isinstance(item, dict) and isinstance(item.get("bundle_id"), str):
                listed.add(item["bundle_id"])  # listed, so still pending, even if this entry cannot be read
            try:
                preview, photos = _entry(item)
                if preview.bundle_id in held:
                    # A preview never changes under its id: what is held stands, but for a photo that could not
                    # be fetched last time, asked for again.
                    missing = [sha for sha in photos if sha not in held_names.get(preview.bundle_id, set())]
                    later = {sha: data for sha in missing
                             if (data := self._fetched(sha, fetched, fetch_photo, result.skipped)) is not None}
                    if later:
                        refetched.append((preview.bundle_id, later))
                    continue
                if preview.bundle_id in adding:
                    continue  # listed twice: the first stands
                if _all_here(self._decode(preview, columns), log.cell_first_clock):
                    continue  # its records came another way (sync folder, file) before the office told the hub
            except ValueError as exc:
                result.skipped.append(say(f"待确认上报第 {index} 项：{exc}", f"preview {index}: {exc}"))
                continue
            kept = {sha: data for sha in photos
                    if (data := self._fetched(sha, fetched, fetch_photo, result.skipped)) is not None}
            new.append((preview, kept))
            adding.add(preview.bundle_id)
        gone = held - listed
        if gone or new or refetched:
            with self.store.transaction():
                now = self.db.now_iso()
                drop_previews(self.db, gone)
                for preview, photos in new:
                    add_preview(self.db, replace(preview, received_at=now), photos)
                for bundle_id, photos in refetched:
                    add_preview_photos(self.db, bundle_id, photos)
        result.added, result.dropped, result.kept = len(new), len(gone), len(held - gone)
        return result

    def _fetched(self, sha: str, fetched: dict[str, bytes | None], fetch_photo: Callable[[str], bytes],
                 notes: list[str]) -> bytes | None:
        """A photo's checked bytes, fetched once per listing (None: skipped, noted)."""
        if sha not in fetched:
            fetched[sha] = self._photo(sha, fetch_photo, notes)
        return fetched[sha]

    @staticmethod
    def _photo(sha: str, fetch_photo: Callable[[str], bytes], notes: list[str]) -> bytes | None:
        try:
            data = fetch_photo(sha)
        except ValueError as exc:
            notes.append(say(f"照片 {sha[:12]}…未取到：{exc}", f"photo {sha[:12]}… not fetched: {exc}"))
            return None
        problem = None
        if not isinstance(data, bytes) or len(data) > MAX_PHOTO_BYTES:
            problem = say("过大或不是文件", "too large or not a file")
        elif hashlib.sha256(data).hexdigest() != sha:
            problem = say("内容与名称（sha256）不符", "its content does not match its name (sha256)")
        else:
            problem = received_photo_problem(data)
        if problem:
            notes.append(say(f"照片 {sha[:12]}…已跳过：{problem}", f"photo {sha[:12]}… skipped: {problem}"))
            return None
        return data

    def drop_arrived(self) -> int:
        """Drop the previews whose every change this device now holds as a record, by the clock each cell here was
        written with (store/sync_log.py cell_first_clock, the sender's own even when the office capped it): the
        office's bundle that brought them is being imported. The record is then shown, not both."""
        columns = self._columns()
        cell_clock = SyncLog(self.db).cell_first_clock
        arrived = set()
        for preview in stored_previews(self.db):
            try:
                changes = self._decode(preview, columns)
            except ValueError:
                continue
            if _all_here(changes, cell_clock):
                arrived.add(preview.bundle_id)
        if arrived:
            with self.store.transaction():
                drop_previews(self.db, arrived)
        return len(arrived)

    def drop_unheld(self) -> int:
        """Drop the previews of enterprises this device no longer holds (an import took them out of its scope: a
        district changed hands, the enterprise moved), as the records of those enterprises went."""
        gone = {p.bundle_id for p in stored_previews(self.db)
                if p.enterprise_id and self.store.enterprises.get(p.enterprise_id) is None}
        if gone:
            with self.store.transaction():
                drop_previews(self.db, gone)
        return len(gone)

    # -- reading them ------------------------------------------------------------------------------
    def count(self) -> int:
        return len(preview_ids(self.db))

    def photo(self, sha256: str) -> bytes | None:
        """A preview photo's JPEG bytes (for a thumbnail); None when no pending preview holds it."""
        return preview_photo(self.db, sha256)

    def pending(self) -> list[PendingPreview]:
        """Every upload awaiting the office, oldest first, as a person reads it."""
        return self._readable(stored_previews(self.db))

    def _summaries(self, previews: list[StoredPreview]) -> Iterator[tuple[StoredPreview, PreviewContent]]:
        """Each preview with what it reports (domain/preview_summary.py) of what is not a record here already."""
        columns = self._columns()
        cell_clock = SyncLog(self.db).cell_first_clock
        known = _Known(self.store)
        for stored in previews:
            try:
                changes = self._decode(stored, columns)
            except ValueError:
                changes = []  # stored by a version with other columns: shown with what the listing said
            # What is a record here already is not shown again as awaiting the office (a later upload of the
            # enterprise holds its earlier one, which the office may have taken meanwhile).
            yield stored, summarise([c for c in changes if not _here(c, cell_clock)], known)

    def _readable(self, previews: list[StoredPreview]) -> list[PendingPreview]:
        items = []
        for stored, content in self._summaries(previews):
            descriptions = {f.hazard_id: f.text for f in content.facts if f.what == NEW_HAZARD}
            lines = [self._line(fact, descriptions) for fact in content.facts]
            if content.other_rows:
                lines.append(say(f"另有 {content.other_rows} 项其他修改", f"{content.other_rows} other changes"))
            items.append(PendingPreview(stored.bundle_id, stored.enterprise_id, self._enterprise_name(stored),
                                        beijing_minute_of_ms(stored.taken_ms), tuple(lines), content.facts,
                                        stored.photos))
        return items

    def hazards_reported(self) -> set[str]:
        """The hazards with an event awaiting the office (a rectification report, progress ...): the ledger marks
        them. Nothing is decoded while no preview is held (the ledger reads this at each refresh)."""
        if not self.count():
            return set()
        return {fact.hazard_id for _, content in self._summaries(stored_previews(self.db)) for fact in content.facts
                if fact.what == HAZARD_EVENT and fact.hazard_id}

    def for_hazard(self, hazard_id: str) -> list[HazardPreview]:
        """The events of `hazard_id` awaiting the office (a rectification report, progress ...), oldest first."""
        found = []
        # Only the uploads that name the hazard are read whole (a hazard's page opens on the window's thread).
        for item in self._readable([p for p in stored_previews(self.db) if hazard_id in p.changes]):
            for fact in item.facts:
                if fact.what == HAZARD_EVENT and fact.hazard_id == hazard_id:
                    found.append(HazardPreview(item.bundle_id, item.enterprise_name, item.taken_at, fact.event_kind,
                                               _event_label(fact.event_kind), fact.text,
                                               tuple(p for p in fact.photos if p in item.photos)))
        return found

    def _enterprise_name(self, stored: StoredPreview) -> str:
        enterprise = self.store.enterprises.get(stored.enterprise_id) if stored.enterprise_id else None
        return enterprise.name if enterprise is not None else stored.sender_name or stored.sender_id

    def _line(self, fact: PreviewFact, new_descriptions: dict[str, str]) -> str:
        if fact.what == NEW_HAZARD:
            return say(f"新隐患：{fact.text}", f"new hazard: {fact.text}")
        if fact.what == HAZARD_EVENT:
            hazard = self.store.hazards.get(fact.hazard_id)
            about = hazard.description if hazard is not None else new_descriptions.get(fact.hazard_id, fact.hazard_id)
            note = say(f"：{fact.text}", f": {fact.text}") if fact.text else ""
            return say(f"{_event_label(fact.event_kind)}（隐患：{about}）{note}",
                       f"{_event_label(fact.event_kind)} (hazard: {about}){note}")
        if fact.what == SELF_INSPECTION:
            return say(f"企业自查 {fact.text}", f"self-inspection {fact.text}")
        if fact.what == DRILL:
            return say(f"应急演练：{fact.text}", f"emergency drill: {fact.text}")
        return fact.text


def _here(change: Change, cell_clock: Callable[[str, str, str], str | None]) -> bool:
    """Whether this device holds the change as a record, or a later write of its cell (`cell_clock`: the clock each
    cell here was written with, before any capping: store/sync_log.py cell_first_clock)."""
    return (cell_clock(change.table, change.row_id, change.field) or "") >= change.clock


def _all_here(changes: list[Change], cell_clock: Callable[[str, str, str], str | None]) -> bool:
    return bool(changes) and all(_here(c, cell_clock) for c in changes)


def _event_label(kind: str) -> str:
    return say(EVENT_KIND_LABELS.get(kind, kind), EVENT_KIND_LABELS_EN.get(kind, kind))


class _Known:
    """The hazards this device holds, asked one id at a time (an upload names few)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __contains__(self, hazard_id: object) -> bool:
        return isinstance(hazard_id, str) and self.store.hazards.get(hazard_id) is not None
