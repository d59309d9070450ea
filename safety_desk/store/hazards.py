"""Repositories for hazards, their append-only events (status = fold of events) and notices."""

from __future__ import annotations

import dataclasses
import itertools
import operator
from datetime import date, datetime
from typing import Callable

from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.grading import parse_hazard_grade
from safety_desk.domain.hazard_status import (
    HazardEventFact, HazardEventKind, HazardState, allowed_next, fold_hazard_events,
)
from safety_desk.domain.language import say
from safety_desk.domain.ownership import RowFacts
from safety_desk.store.codec import codec_for, record_from_row
from safety_desk.store.connection import StoreError
from safety_desk.store.records import Hazard, HazardEvent, HazardStateRow, Notice
from safety_desk.store.repository import Repository
from safety_desk.store.row_facts import hazard_facts

HAZARD_SOURCES = ("inspection", "self_inspection", "drill", "report", "enforcement", "import")
# The six elements of a major hazard's treatment plan (16号令 art. 15, regulations.md §2.1 [V]).
TREATMENT_PLAN_ELEMENTS = ("objectives", "methods", "funding", "responsible", "deadline", "safety_measures")


class InvalidHazardEvent(StoreError):
    """An event that does not apply in the hazard's current status."""


def fact_of(event: HazardEvent) -> HazardEventFact:
    return HazardEventFact(kind=HazardEventKind(event.kind), at=datetime.fromisoformat(event.at),
                           deadline=date.fromisoformat(event.deadline) if event.deadline else None)


def _beijing(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)  # written without an offset: Beijing


def state_row(hazard_id: str, state: HazardState) -> dict:
    return {
        "hazard_id": hazard_id, "status": state.status.value,
        "deadline": state.deadline.isoformat() if state.deadline else None,
        "rectified_at": state.rectified_at.isoformat() if state.rectified_at else None,
        "closed_at": state.closed_at.isoformat() if state.closed_at else None,
    }


_first = operator.itemgetter(0)
_KIND = {kind.value: kind for kind in HazardEventKind}  # a dict lookup, not Enum's call (an unknown kind still raises)

_UPSERT_STATE = (
    "INSERT INTO hazard_state (hazard_id, status, deadline, rectified_at, closed_at)"
    " VALUES (:hazard_id, :status, :deadline, :rectified_at, :closed_at)"
    " ON CONFLICT (hazard_id) DO UPDATE SET status = excluded.status, deadline = excluded.deadline,"
    " rectified_at = excluded.rectified_at, closed_at = excluded.closed_at")


class HazardRepository(Repository[Hazard]):
    table = "hazard"
    record_type = Hazard

    def validate(self, record: Hazard) -> Hazard:
        if not record.description.strip():
            raise ValueError(say("隐患描述不能为空", "hazard description: must not be empty"))
        if record.source not in HAZARD_SOURCES:
            raise ValueError(f"hazard source: {record.source!r} is not one of {', '.join(HAZARD_SOURCES)}")
        grade = parse_hazard_grade(record.grade)
        date.fromisoformat(record.found_on)
        if record.treatment_plan is not None:
            unknown = set(record.treatment_plan) - set(TREATMENT_PLAN_ELEMENTS)
            if unknown:
                raise ValueError(f"hazard treatment_plan: unknown elements {', '.join(sorted(unknown))}")
        return dataclasses.replace(record, grade=grade.value)

    def open_hazard(self, hazard: Hazard, *, deadline: date | None, at: str | None = None) -> Hazard:
        """Register a hazard with its created event (carrying the first deadline) in one transaction."""
        with self.db.transaction():
            hazard = self.add(hazard)
            self.append_event(hazard.id, HazardEventKind.CREATED, at=at, by_id=hazard.found_by,
                              deadline=deadline)
        return hazard

    def of_inspection(self, inspection_id: str, item_code: str | None = None) -> list[Hazard]:
        """Hazards opened from an inspection (tombstoned ones included), optionally for one item."""
        if item_code is None:
            return self._select("inspection_id = ?", (inspection_id,), order="id")
        return self._select("inspection_id = ? AND item_code = ?", (inspection_id, item_code), order="id")

    def of_drill(self, drill_id: str) -> list[Hazard]:
        """Hazards registered from what a drill exposed (tombstoned ones left out), oldest first."""
        return self._select("deleted = 0 AND drill_id = ?", (drill_id,), order="found_on, id")

    def open_of_enterprise(self, enterprise_id: str) -> list[Hazard]:
        return self._select("deleted = 0 AND enterprise_id = ? AND id IN (SELECT hazard_id FROM hazard_state"
                            " WHERE status IN ('待整改', '整改中', '待复查'))", (enterprise_id,), order="found_on DESC")

    def existing_keys(self, enterprise_ids: list[str]) -> set[tuple[str, str, str]]:
        """(enterprise id, found on, description) of the live hazards of some enterprises: spots re-imports."""
        keys: set[tuple[str, str, str]] = set()
        for start in range(0, len(enterprise_ids), 500):
            chunk = enterprise_ids[start:start + 500]
            rows = self.db.conn.execute(
                f"SELECT enterprise_id, found_on, description FROM hazard WHERE deleted = 0"
                f" AND enterprise_id IN ({','.join('?' * len(chunk))})", chunk)
            keys.update((row[0], row[1], row[2].strip()) for row in rows)
        return keys

    def scope_counts(self, district_ids: list[str] | None, today: date) -> dict[str, int]:
        """Open, overdue (open past its deadline day) and open major hazards in some districts (None: all)."""
        where, params = "h.deleted = 0 AND s.status IN ('待整改', '整改中', '待复查')", [today.isoformat()]
        if district_ids is not None:
            where += f" AND h.district_id IN ({','.join('?' * len(district_ids))})"
            params += list(district_ids)
        row = self.db.conn.execute(
            "SELECT count(*), sum(s.status IN ('待整改', '整改中') AND s.deadline < ?), sum(h.grade = '重大')"
            f" FROM hazard h JOIN hazard_state s ON s.hazard_id = h.id WHERE {where}", params).fetchone()
        return {"open": row[0], "overdue": row[1] or 0, "major": row[2] or 0}

    def add_many_with_events(self, hazards: list[Hazard], events: list[HazardEvent], summary: str) -> None:
        """Bulk-register new hazards with their complete event histories (generated or imported data)."""
        known = {h.id for h in hazards}
        stray = {e.hazard_id for e in events} - known
        if stray:
            raise StoreError(f"events for hazards outside this batch: {', '.join(sorted(stray)[:3])}")
        event_codec = codec_for(HazardEvent)
        with self.db.transaction():
            self.add_many(hazards, summary)
            rows = [event_codec.to_row({n: getattr(e, n) for n in event_codec.columns}) for e in events]
            self.db.insert_many("hazard_event", rows, summary=summary)
            ordered = sorted(events, key=lambda e: (e.hazard_id, e.clock, e.id))
            states = [state_row(hazard_id, fold_hazard_events([fact_of(e) for e in group]))
                      for hazard_id, group in itertools.groupby(ordered, key=lambda e: e.hazard_id)]
            self.db.conn.executemany(_UPSERT_STATE, states)

    def append_event(self, hazard_id: str, kind: HazardEventKind | str, *, at: str | None = None,
                     by_id: str | None = None, deadline: date | None = None, reason: str = "",
                     photos: list[str] | None = None,
                     document: Callable[[HazardEvent], tuple[str, str] | None] | None = None) -> HazardEvent:
        """Append one event after checking it applies in the hazard's current status.

        `document`, given the event about to be written, returns the (content, seal) of the document issued
        with it (a verdict's 整改复查意见书), kept on the event row itself: written once, with the event."""
        kind = HazardEventKind(kind)
        with self.db.transaction():
            self.require(hazard_id)
            current = self.state(hazard_id)
            if kind not in allowed_next(current.status if current else None):
                shown = current.status.value if current else say("未登记", "not recorded")
                raise InvalidHazardEvent(say(f"隐患 {hazard_id}：{kind.value} 不适用于状态 {shown}",
                                             f"hazard {hazard_id}: {kind.value} not allowed in status {shown}"))
            if kind in (HazardEventKind.DEADLINE_SET, HazardEventKind.DEADLINE_EXTENDED) and deadline is None:
                raise ValueError(f"hazard {hazard_id}: {kind.value} needs a deadline date")
            clock = self.db.clock.now()
            event = HazardEvent(id=self.db.new_id(), hazard_id=hazard_id, kind=kind.value,
                                at=at or self.db.now_iso(), clock=clock, by_id=by_id,
                                deadline=deadline.isoformat() if deadline else None, reason=reason,
                                photos=list(photos or []))
            issued = document(event) if document is not None else None
            if issued is not None:
                event.opinion, event.opinion_seal = issued
            self.db.insert("hazard_event", codec_for(HazardEvent).to_row(dataclasses.asdict(event)))
            self.refresh_state(hazard_id)
        return event

    def opinion_seal(self, prefix: str) -> str | None:
        """The seal, starting with `prefix` (its kind and number), of an opinion issued with a verdict here."""
        row = self.db.conn.execute("SELECT opinion_seal FROM hazard_event WHERE opinion_seal IS NOT NULL"
                                   " AND substr(opinion_seal, 1, length(?)) = ? ORDER BY clock LIMIT 1",
                                   (prefix, prefix)).fetchone()
        return row[0] if row else None

    def events(self, hazard_id: str) -> list[HazardEvent]:
        rows = self.db.conn.execute("SELECT * FROM hazard_event WHERE hazard_id = ? ORDER BY clock, id",
                                    (hazard_id,))
        return [record_from_row(HazardEvent, row) for row in rows]

    def state(self, hazard_id: str, until: datetime | None = None) -> HazardState | None:
        """The fold of the hazard's events (None before its created event), or of those up to `until`: how it
        stood then (a signed record reprints the deadline it was given, not one extended since)."""
        facts = [fact_of(e) for e in self.events(hazard_id)]
        if until is not None:
            facts = [f for f in facts if _beijing(f.at) <= _beijing(until)]
        if not any(f.kind == HazardEventKind.CREATED for f in facts):
            return None  # synced events can arrive before the created event they follow
        return fold_hazard_events(facts)

    def ownership_facts(self, hazard_id: str) -> RowFacts:
        """Whether the hazard is closed or was re-inspected, as the ownership rule reads it (domain/ownership.py):
        the same facts the office's import judges a device's edit of it by (store/row_facts.py)."""
        return hazard_facts(self.db.conn, [hazard_id]).get(hazard_id, RowFacts())

    def refresh_state(self, hazard_id: str) -> None:
        self.db.touched("hazard", (hazard_id,))  # a new status or deadline: whoever shows the hazard redraws
        state = self.state(hazard_id)
        if state is not None:
            self.db.record_derived(_UPSERT_STATE, state_row(hazard_id, state))

    def refresh_states(self, hazard_ids: list[str]) -> None:
        """refresh_state for many hazards with one read of their events per 500 (sync applies thousands)."""
        ids = sorted(set(hazard_ids))
        self.db.touched("hazard", ids)  # a new status or deadline: whoever shows these hazards redraws
        from_iso, from_iso_date, created = datetime.fromisoformat, date.fromisoformat, HazardEventKind.CREATED
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            # Only the columns the fold reads, as plain tuples (sqlite3.Row lookups by name cost more than the SQL).
            rows = self.db.conn.cursor()
            rows.row_factory = None
            rows.execute(f"SELECT hazard_id, kind, at, deadline FROM hazard_event WHERE hazard_id IN"
                         f" ({','.join('?' * len(chunk))}) ORDER BY hazard_id, clock, id", chunk)
            states = []
            for hazard_id, group in itertools.groupby(rows, key=_first):
                facts = [HazardEventFact(_KIND.get(kind) or HazardEventKind(kind), from_iso(at),
                                         from_iso_date(deadline) if deadline else None)
                         for _, kind, at, deadline in group]
                # The kinds are members of HazardEventKind (or raised above): a member is CREATED only as itself.
                if any(f.kind is created for f in facts):
                    states.append(state_row(hazard_id, fold_hazard_events(facts)))
            self.db.record_derived_many(_UPSERT_STATE, states)

    def cached_state(self, hazard_id: str) -> HazardStateRow | None:
        row = self.db.conn.execute("SELECT * FROM hazard_state WHERE hazard_id = ?", (hazard_id,)).fetchone()
        return record_from_row(HazardStateRow, row) if row else None

    def mismatched_states(self) -> list[str]:
        """Hazards whose cached status differs from a fresh fold of their events (for doctor)."""
        return [hazard_id for hazard_id, _ in self.state_problems()]

    def state_problems(self) -> list[tuple[str, str]]:
        """(hazard, what is wrong) for every hazard whose cached status is not the fold of its events, or whose
        events fold to nothing (a damaged history: no created event, an unknown kind or date). Never raises:
        doctor reports what it finds."""
        cached = {row["hazard_id"]: dict(row) for row in self.db.conn.execute("SELECT * FROM hazard_state")}
        folded: dict[str, dict] = {}
        damaged: dict[str, str] = {}
        rows = self.db.conn.execute("SELECT * FROM hazard_event ORDER BY hazard_id, clock, id")
        for hazard_id, group in itertools.groupby(rows, key=lambda row: row["hazard_id"]):
            try:
                facts = [fact_of(record_from_row(HazardEvent, row)) for row in group]
                folded[hazard_id] = state_row(hazard_id, fold_hazard_events(facts))
            except (ValueError, TypeError, KeyError) as exc:
                damaged[hazard_id] = say(f"事件记录已损坏：{exc}", f"damaged event history: {exc}")
        problems = []
        for (hazard_id,) in self.db.conn.execute("SELECT id FROM hazard"):
            if hazard_id in damaged:
                problems.append((hazard_id, damaged[hazard_id]))
            elif folded.get(hazard_id) != cached.get(hazard_id):
                problems.append((hazard_id, say("缓存状态与事件不符", "cached status differs from its events")))
        return problems


class NoticeRepository(Repository[Notice]):
    table = "notice"
    record_type = Notice

    def validate(self, record: Notice) -> Notice:
        if date.fromisoformat(record.reply_due) < date.fromisoformat(record.issued_on):
            raise ValueError(say("回复期限早于发出日期", "notice reply_due: reply due before the issue date"))
        return record

    def by_number(self, number: str) -> Notice | None:
        found = self._select("number = ?", (number.strip(),), limit=1)
        return found[0] if found else None
