"""Photos as the UI reaches them: prepared off the UI thread, described, viewed and annotated within the scope.

Keeping a photo (its file and its record) is the job of the service whose record it is evidence for, with that
record's checks: InspectionService.keep_photo, HazardService.keep_photo, DrillService.keep_photo. They share
`store_prepared` below, which checks nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safety_desk.domain.annotations import Annotation, as_shapes, parse_shapes
from safety_desk.domain.clock import Clock
from safety_desk.domain.language import say
from safety_desk.domain.ownership import RowFacts, ownership_problem
from safety_desk.media.files import keep_file, media_path
from safety_desk.media.ingest import ProcessedPhoto, process_file, process_image
from safety_desk.media.thumbnails import (
    THUMBNAIL_SIZE, MissingPhotoFile, ensure_thumbnail, make_thumbnail, save_thumbnail, thumbnail_file,
)
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.annotations import annotation_id_for
from safety_desk.store.records import Photo
from safety_desk.store.store import Store


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo checked, normalised and thumbnailed in a worker, not yet kept: hand it to a keep_photo."""

    processed: ProcessedPhoto
    thumbnail: bytes | None  # None when making it failed: it is only a cache, made again when shown

    @property
    def name(self) -> str:
        return self.processed.original_name


@dataclass(frozen=True)
class PhotoView:
    """What the photo viewer shows: the record, its file (None when missing here) and its annotations."""

    photo: Photo
    file: Path | None
    annotations: list[Annotation]
    unreadable: list[Any]  # shapes this version cannot read: written back unchanged on save


def _prepared(processed: ProcessedPhoto) -> PreparedPhoto:
    try:
        thumbnail = make_thumbnail(processed.jpeg, THUMBNAIL_SIZE)
    except Exception:  # noqa: BLE001 - a thumbnail is only a cache; it is made again when shown
        thumbnail = None
    return PreparedPhoto(processed, thumbnail)


def store_photo(store: Store, processed: ProcessedPhoto, *, taken_by: str | None, added_at: str,
                thumbnail: bytes | None = None) -> Photo:
    """Write the photo's file and its record (no checks: the calling service has made them); a photo already
    on record is returned unchanged, its file put back if it was missing."""
    existing = store.photos.get(processed.sha256)
    created = keep_file(store.media_dir, processed.sha256, processed.jpeg)
    if existing is not None:
        return existing
    try:
        photo = store.photos.add(Photo(
            id=processed.sha256, size=len(processed.jpeg), width=processed.width, height=processed.height,
            added_at=added_at, taken_at=processed.taken_at, gps_lat=processed.gps_lat, gps_lon=processed.gps_lon,
            taken_by=taken_by, original_name=processed.original_name))
    except Exception:
        recorded = _recorded(store, processed.sha256)
        if recorded is not None:
            return recorded  # another writer recorded the same photo first: same bytes, same file
        if created:
            media_path(store.media_dir, processed.sha256).unlink(missing_ok=True)
        raise
    if thumbnail is not None and not thumbnail_file(store.media_dir, photo.id).exists():
        try:
            save_thumbnail(store.media_dir, photo.id, thumbnail)
        except OSError:
            pass  # only a cache: it is made again when shown
    return photo


def _recorded(store: Store, sha256: str) -> Photo | None:
    try:
        return store.photos.get(sha256)
    except Exception:  # noqa: BLE001 - the original error is the one worth reporting
        return None


def store_prepared(store: Store, prepared: PreparedPhoto, person_id: str, clock: Clock) -> Photo:
    """Keep a prepared photo as taken by `person_id`, now (for the keep_photo methods, after their checks)."""
    return store_photo(store, prepared.processed, taken_by=person_id, added_at=_moment(clock),
                       thumbnail=prepared.thumbnail)


def ingest_bytes(store: Store, data: bytes, original_name: str, *, taken_by: str | None = None) -> Photo:
    """Process and keep one image held in memory, unchecked (the demo's and the tests' own photos)."""
    return store_photo(store, process_image(data, original_name), taken_by=taken_by, added_at=store.db.now_iso())


def _moment(clock: Clock) -> str:
    # The store's form of a moment (store/database.py now_iso): Beijing time to the millisecond.
    return clock.now().isoformat(timespec="milliseconds")


class PhotoService:
    """Preparing photos (any thread, no database), their thumbnails, and reading and annotating them in scope."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store
        self._seen: set[str] = set()  # photos already found in the person's scope

    # -- preparing: pure work on the file, safe in a worker thread -----------------------------------------
    @staticmethod
    def prepare_file(path: Path | str) -> PreparedPhoto:
        """Check and normalise an image file (PhotoRejected, a ValueError, says why it cannot be a photo)."""
        return _prepared(process_file(path))

    @staticmethod
    def prepare_bytes(data: bytes, name: str) -> PreparedPhoto:
        """Check and normalise an image held in memory (pasted, dropped or drawn)."""
        return _prepared(process_image(data, name))

    # -- thumbnails: a cache beside the files, reached by the photo's hash; no database, so any thread --------
    def cached_thumbnail(self, photo_id: str) -> Path | None:
        """The thumbnail if it is made already (cheap: the UI thread asks this first)."""
        path = thumbnail_file(self.store.media_dir, photo_id)
        return path if path.exists() else None

    def thumbnail(self, photo_id: str, size: int = THUMBNAIL_SIZE) -> Path | None:
        """The thumbnail, made first if need be (in a worker); None when the photo's file is not here (yet)."""
        try:
            return ensure_thumbnail(self.store.media_dir, photo_id, size)
        except MissingPhotoFile:
            return None

    # -- reading ------------------------------------------------------------------------------------------
    def photo(self, photo_id: str) -> Photo | None:
        """The photo's record (name, when taken, size), or None when it is not on record here."""
        if self.store.photos.get(photo_id) is None:
            return None
        return self._visible(photo_id)

    def view(self, photo_id: str) -> PhotoView:
        """The record, the file and the annotations of one photo, for the viewer."""
        photo = self._visible(photo_id)
        path = media_path(self.store.media_dir, photo_id)
        record = self.store.annotations.for_photo(photo_id)
        annotations, unreadable = parse_shapes(record.shapes) if record else ([], [])
        return PhotoView(photo, path if path.exists() else None, annotations, unreadable)

    # -- annotating ---------------------------------------------------------------------------------------
    def save_annotations(self, photo_id: str, annotations: list[Annotation], keep: list[Any] = ()) -> None:
        """Replace the photo's shapes (plus `keep`, the unreadable ones the view held); the file never changes.

        Inspectors, leaders and the office mark up any photo in their scope; an enterprise only the photos it
        took itself: the inspector's evidence stays as it was taken.
        """
        photo = self._visible(photo_id)
        if not (self.session.may(Action.EDIT_HAZARD) or photo.taken_by == self.session.person.id):
            raise PermissionDenied(say("企业只能标注本企业拍摄的照片", "an enterprise marks up only the photos it took itself"))
        shapes = as_shapes(annotations, keep)
        stored = self.store.annotations.get(annotation_id_for(photo_id))
        if stored is not None:
            before = {"photo_id": photo_id, "shapes": stored.shapes, "deleted": int(stored.deleted)}
            problem = ownership_problem(self.session.role, "photo_annotation", "shapes", before,
                                        {**before, "shapes": shapes, "deleted": 0},
                                        RowFacts(evidence_photo=self.store.annotations.of_evidence(photo_id)))
            if problem:
                raise PermissionDenied(problem)
        self.store.annotations.save_shapes(photo_id, shapes)

    def _visible(self, photo_id: str) -> Photo:
        """The photo if a record in the person's scope names it, or, named by none yet, the person took it."""
        photo = self.store.photos.require(photo_id)
        if photo_id in self._seen or self.session.role == "office" or photo.taken_by == self.session.person.id:
            return photo
        named = False
        for enterprise_id in self.store.photos.enterprises_naming(photo_id):
            if self.session.may_see_enterprise(enterprise_id):
                # The scope does not change under a service: a strip showing the photo again asks no more.
                self._seen.add(photo_id)
                return photo
            named = True
        raise PermissionDenied(say("无权查看该照片", "the photo belongs to records outside your scope") if named else
                               say("无权查看该照片", "the photo is on no record yet, and another person took it"))
