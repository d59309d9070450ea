"""Photos for paper: each burned in with when it was taken, the enterprise and who took it, and captioned."""

from __future__ import annotations

from typing import Iterable

from safety_desk.domain.china_time import beijing_minute
from safety_desk.media.files import UnreadableMedia, read_photo
from safety_desk.services.encryption import photo_key_for
from safety_desk.media.watermark import watermarked
from safety_desk.reports.pdf import CaptionedPhoto


class PrintPhotos:
    """Turns photo ids into watermarked, captioned photos for a document, reading through one store."""

    def __init__(self, store) -> None:
        self.store = store
        self._names: dict[str, str] = {}

    def _name(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        if person_id not in self._names:
            person = self.store.people.get(person_id)
            self._names[person_id] = person.name if person else ""
        return self._names[person_id]

    def photo(self, photo_id: str, enterprise: str, caption: str, *, person_id: str | None = None,
              when: str | None = None, role: str = "检查人员") -> CaptionedPhoto:
        """One photo: its watermark says when (its EXIF time, else when it was stored, else `when`), the enterprise
        and who (`person_id`, else whoever stored the photo) under `role`; a missing file prints as a note."""
        record = self.store.photos.get(photo_id)
        moment = (record.taken_at or record.added_at) if record else (when or "")
        moment = moment[:10] if len(moment) <= 10 else beijing_minute(moment)  # a day alone has no time to print
        who = self._name(person_id) or self._name(record.taken_by if record else None) or "—"
        lines = [f"{moment} · {enterprise}", f"{role} {who}"]
        try:
            data = read_photo(self.store.media_dir, photo_id, photo_key_for(self.store.path))
        except FileNotFoundError:
            return CaptionedPhoto(None, caption)  # not synced yet: the document still prints, saying so
        except UnreadableMedia:
            return CaptionedPhoto(None, caption)  # damaged here (doctor reports it): the document still prints
        return CaptionedPhoto(watermarked(data, lines), caption)

    def photos(self, photo_ids: Iterable[str], enterprise: str, caption: str, **who) -> list[CaptionedPhoto]:
        """Each photo captioned "`caption` 照片 n"."""
        return [self.photo(photo_id, enterprise, f"{caption} 照片{number}", **who)
                for number, photo_id in enumerate(photo_ids, start=1)]
