"""Repositories for checklist templates, inspections and their answers."""

from __future__ import annotations

import dataclasses
from datetime import date

from safety_desk.domain.language import say
from safety_desk.store.connection import StoreError
from safety_desk.store.records import Answer, ChecklistRecord, Inspection
from safety_desk.store.repository import Repository

INSPECTION_KINDS = ("routine", "campaign", "special", "seasonal", "holiday", "unannounced",
                    "self_inspection", "re_inspection")
ANSWER_RESULTS = ("pass", "fail", "na", "value")


class SubmittedInspection(StoreError):
    """A submitted inspection is evidence: it is never changed; a correction is a new record."""


class ChecklistRepository(Repository[ChecklistRecord]):
    table = "checklist"
    record_type = ChecklistRecord

    def update(self, record_id: str, **changes: object) -> ChecklistRecord:
        raise StoreError("a checklist template is immutable per version: publish a new version")

    def ensure(self, record: ChecklistRecord) -> bool:
        """Store a template unless that id@version is already there; True when it was added."""
        existing = self.get(record.id)
        if existing is None:
            self.add(record)
            return True
        if existing.body != record.body:
            raise StoreError(say(f"检查表 {record.id}：同一版本内容不同",
                                 f"checklist {record.id}: a different template with the same id and version is already stored; bump the version"))
        return False

    def latest(self) -> list[ChecklistRecord]:
        return self._select("version = (SELECT max(version) FROM checklist c2 WHERE c2.code = checklist.code)",
                            order="code")


class InspectionRepository(Repository[Inspection]):
    table = "inspection"
    record_type = Inspection

    def validate(self, record: Inspection) -> Inspection:
        if record.kind not in INSPECTION_KINDS:
            raise ValueError(f"inspection kind: {record.kind!r} is not one of {', '.join(INSPECTION_KINDS)}")
        if record.status not in ("draft", "submitted"):
            raise ValueError(f"inspection status: {record.status!r} is not draft or submitted")
        return record

    def update(self, record_id: str, **changes: object) -> Inspection:
        if self.require(record_id).status == "submitted":
            raise SubmittedInspection(say(f"检查 {record_id} 已提交，不能修改",
                                          f"inspection {record_id} is submitted and read-only"))
        return super().update(record_id, **changes)

    def submit(self, record_id: str, signature_inspector: str | None = None,
               signature_enterprise: str | None = None) -> Inspection:
        return self.update(record_id, status="submitted", finished_at=self.db.now_iso(),
                           signature_inspector=signature_inspector,
                           signature_enterprise=signature_enterprise)

    def of_enterprise(self, enterprise_id: str) -> list[Inspection]:
        return self._select("enterprise_id = ?", (enterprise_id,), order="started_at DESC")

    def count_since(self, district_ids: list[str] | None, day: date) -> int:
        where, params = "started_at >= ?", [day.isoformat()]
        if district_ids is not None:
            where += f" AND district_id IN ({','.join('?' * len(district_ids))})"
            params += list(district_ids)
        return self.db.conn.execute(f"SELECT count(*) FROM inspection WHERE {where}", params).fetchone()[0]

    def recent_submitted(self, district_ids: list[str] | None, enterprise_id: str | None = None,
                         limit: int = 30) -> list[Inspection]:
        """Submitted inspections, newest first, in some districts (None: all) or of one enterprise."""
        where, params = _scoped("status = 'submitted'", None if enterprise_id else district_ids, enterprise_id)
        return self._select(where, params, order="coalesce(finished_at, started_at) DESC", limit=limit)

    def listed(self, district_ids: list[str] | None, enterprise_id: str | None, day_from: str | None,
               day_to: str | None) -> list[Inspection]:
        """Inspections (drafts and submitted), newest first, started within [day_from, day_to] (ISO days, Beijing),
        in some districts (None: all) and of one enterprise (None: any)."""
        where, params = _scoped("1", district_ids, enterprise_id)
        for condition, day in (("substr(started_at, 1, 10) >= ?", day_from), ("substr(started_at, 1, 10) <= ?", day_to)):
            if day is not None:
                where += f" AND {condition}"
                params.append(day)
        return self._select(where, params, order="started_at DESC, id")

    def drafts(self) -> list[Inspection]:
        return self._select("status = 'draft'", order="started_at DESC")

    def corrections_of(self, inspection_id: str) -> list[Inspection]:
        """Inspections linked to this one by corrects_id, oldest first."""
        return self._select("corrects_id = ?", (inspection_id,), order="started_at, id")


def _scoped(where: str, district_ids: list[str] | None, enterprise_id: str | None) -> tuple[str, list]:
    """`where` narrowed to one enterprise and to some districts (None: no narrowing), with its parameters."""
    params: list = []
    if enterprise_id is not None:
        where += " AND enterprise_id = ?"
        params.append(enterprise_id)
    if district_ids is not None:
        where += f" AND district_id IN ({','.join('?' * len(district_ids))})"
        params += list(district_ids)
    return where, params


class AnswerRepository(Repository[Answer]):
    table = "answer"
    record_type = Answer

    def validate(self, record: Answer) -> Answer:
        if record.result not in ANSWER_RESULTS:
            raise ValueError(f"answer {record.item_code} result: {record.result!r} is not one of "
                             f"{', '.join(ANSWER_RESULTS)}")
        return record

    def of_inspection(self, inspection_id: str) -> list[Answer]:
        return self._select("inspection_id = ?", (inspection_id,), order="answered_at")

    def record(self, inspection_id: str, item_code: str, result: str, *, value: str | None = None,
               note: str = "", photos: list[str] | None = None) -> Answer:
        """Commit one answer now (insert, or change the previous answer to the same item)."""
        with self.db.transaction():
            status = self.db.conn.execute("SELECT status FROM inspection WHERE id = ?",
                                          (inspection_id,)).fetchone()
            if status is None:
                raise StoreError(f"inspection {inspection_id} does not exist")
            if status[0] == "submitted":
                raise SubmittedInspection(say(f"检查 {inspection_id} 已提交，不能修改答案",
                                              f"inspection {inspection_id} is submitted"))
            existing = self._select("inspection_id = ? AND item_code = ?", (inspection_id, item_code))
            answer = Answer(id=existing[0].id if existing else self.db.new_id(),
                            inspection_id=inspection_id, item_code=item_code, result=result,
                            answered_at=self.db.now_iso(), value=value, note=note, photos=list(photos or []))
            if existing:
                changes = dataclasses.asdict(answer)
                del changes["id"]
                return self.update(answer.id, **changes)
            return self.add(answer)
