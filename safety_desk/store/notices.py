"""Notice numbering blocks (per device and year) and the reads behind notices: their hazards and replies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safety_desk.domain.language import say
from safety_desk.store.codec import record_from_row
from safety_desk.store.records import Hazard, Notice, NoticeBlock
from safety_desk.store.repository import Repository

# A hazard still being rectified: the enterprise has not yet replied for it. A hazard whose created event
# has not arrived yet (sync order) has no state row and counts as not yet replied.
_OUTSTANDING = "(s.status IS NULL OR s.status IN ('待整改', '整改中'))"


class NoticeBlockRepository(Repository[NoticeBlock]):
    """Append-only ranges of sequence numbers, each owned by one device for one year."""

    table = "notice_block"
    record_type = NoticeBlock

    def validate(self, record: NoticeBlock) -> NoticeBlock:
        if not 2000 <= record.year <= 9999:
            raise ValueError(say(f"{record.year} 不是有效年份",
                                 f"notice_block year: {record.year} is not a valid year"))
        if record.first_seq < 1 or record.last_seq < record.first_seq:
            raise ValueError(say(f"编号段 {record.first_seq}–{record.last_seq} 无效",
                                 f"notice_block {record.first_seq}–{record.last_seq}: a block runs from 1 or more up to a number not below its first"))
        clash = self.db.conn.execute(
            "SELECT first_seq, last_seq FROM notice_block WHERE year = ? AND first_seq <= ? AND last_seq >= ?"
            " LIMIT 1", (record.year, record.last_seq, record.first_seq)).fetchone()
        if clash is not None:
            raise ValueError(say(f"{record.year} 年编号段 {record.first_seq}–{record.last_seq} 与已分配的 {clash[0]}–{clash[1]} 重叠",
                                 f"notice_block {record.year} {record.first_seq}–{record.last_seq} overlaps the block {clash[0]}–{clash[1]} already allocated"))
        used = self.db.conn.execute("SELECT number FROM notice WHERE year = ? AND seq BETWEEN ? AND ? LIMIT 1",
                                    (record.year, record.first_seq, record.last_seq)).fetchone()
        if used is not None:
            raise ValueError(say(f"{record.year} 年编号段 {record.first_seq}–{record.last_seq} 含已使用的编号 {used[0]}",
                                 f"notice_block {record.year} {record.first_seq}–{record.last_seq} holds the number {used[0]}, already used"))
        return record

    def of_device(self, device_id: str, year: int) -> list[NoticeBlock]:
        return self._select("device_id = ? AND year = ?", (device_id, year), order="first_seq")

    def of_year(self, year: int) -> list[NoticeBlock]:
        return self._select("year = ?", (year,), order="first_seq")

    def next_free_seq(self, year: int) -> int:
        """The first sequence number of `year` above every block and every notice this database knows.

        Notices numbered before blocks existed (older databases) count too, so a new block never
        reuses their numbers. Only the office allocates, and it sees every block it gave out.
        """
        row = self.db.conn.execute(
            "SELECT max(coalesce((SELECT max(last_seq) FROM notice_block WHERE year = :year), 0),"
            " coalesce((SELECT max(seq) FROM notice WHERE year = :year), 0))", {"year": year}).fetchone()
        return row[0] + 1

    def allocate(self, device_id: str, year: int, size: int, *, allocated_on: str,
                 allocated_by: str | None, block_id: str | None = None) -> NoticeBlock:
        """The next free range of `size` numbers of `year`, recorded as `device_id`'s, in one transaction."""
        if size < 1:
            raise ValueError(f"notice_block size: {size} must be 1 or more")
        with self.db.transaction():
            first = self.next_free_seq(year)
            return self.add(NoticeBlock(id=block_id or self.db.new_id(), device_id=device_id, year=year,
                                        first_seq=first, last_seq=first + size - 1, allocated_on=allocated_on,
                                        allocated_by=allocated_by))

    def highest_used(self, block: NoticeBlock) -> int | None:
        """The highest sequence number of the block that a notice already carries (None: none yet)."""
        row = self.db.conn.execute("SELECT max(seq) FROM notice WHERE year = ? AND seq BETWEEN ? AND ?",
                                   (block.year, block.first_seq, block.last_seq)).fetchone()
        return row[0]

    def next_seq(self, device_id: str, year: int) -> int | None:
        """The device's next sequence number for `year`, or None when its blocks are used up (or it has none).

        Numbering continues after the highest number used in a block; gaps below it are never filled,
        so a number once seen is never given to a second notice.
        """
        for block in self.of_device(device_id, year):
            used = self.highest_used(block)
            if used is None:
                return block.first_seq
            if used < block.last_seq:
                return used + 1
        return None

    def remaining(self, device_id: str, year: int) -> int:
        """How many numbers of `year` the device may still issue from its blocks."""
        total = 0
        for block in self.of_device(device_id, year):
            used = self.highest_used(block)
            total += block.last_seq - (block.first_seq - 1 if used is None else used)
        return total


@dataclass(frozen=True)
class NoticeCountsRow:
    """A notice with its enterprise's name, how many hazards it lists, and how many are not yet replied."""

    notice: Notice
    enterprise_name: str
    hazards: int
    outstanding: int


_COUNTED_HAZARDS = "(SELECT count(*) FROM hazard hc WHERE hc.notice_id = n.id AND hc.deleted = 0)"


class NoticeQuery:
    """Reads across notices and their hazards; scoping is the caller's (the service's) business."""

    def __init__(self, db) -> None:
        self.db = db

    def hazards_of(self, notice_id: str) -> list[Hazard]:
        rows = self.db.conn.execute("SELECT * FROM hazard WHERE notice_id = ? AND deleted = 0"
                                    " ORDER BY found_on, id", (notice_id,))
        return [record_from_row(Hazard, row) for row in rows]

    def of_enterprise(self, enterprise_id: str) -> list[NoticeCountsRow]:
        """The enterprise's notices, newest first."""
        sql = (f"SELECT n.*, e.name AS enterprise_name, {_COUNTED_HAZARDS} AS hazard_count,"
               " (SELECT count(*) FROM hazard h LEFT JOIN hazard_state s ON s.hazard_id = h.id"
               f"  WHERE h.notice_id = n.id AND h.deleted = 0 AND {_OUTSTANDING}) AS outstanding"
               " FROM notice n JOIN enterprise e ON e.id = n.enterprise_id"
               " WHERE n.deleted = 0 AND n.enterprise_id = ? ORDER BY n.issued_on DESC, n.year DESC, n.seq DESC")
        return [self._row(row) for row in self.db.conn.execute(sql, (enterprise_id,))]

    def awaiting_reply(self, district_ids: list[str] | None, enterprise_id: str | None) -> list[NoticeCountsRow]:
        """Notices with a hazard still 待整改 or 整改中, soonest reply due first.

        Starts from the open hazards (a few percent of all, found through the status index) rather
        than from every notice ever issued.
        """
        params: dict[str, Any] = {}
        where = ["n.deleted = 0"]
        if district_ids is not None:
            names = []
            for index, district_id in enumerate(district_ids):
                params[f"d{index}"] = district_id
                names.append(f":d{index}")
            where.append(f"n.district_id IN ({', '.join(names)})" if names else "0")
        if enterprise_id is not None:
            where.append("n.enterprise_id = :enterprise_id")
            params["enterprise_id"] = enterprise_id
        sql = ("SELECT n.*, e.name AS enterprise_name, " + _COUNTED_HAZARDS + " AS hazard_count,"
               " o.outstanding AS outstanding FROM"
               " (SELECT h.notice_id AS id, count(*) AS outstanding FROM hazard_state s"
               "  JOIN hazard h ON h.id = s.hazard_id WHERE s.status IN ('待整改', '整改中')"
               "  AND h.notice_id IS NOT NULL AND h.deleted = 0 GROUP BY h.notice_id) o"
               " JOIN notice n ON n.id = o.id JOIN enterprise e ON e.id = n.enterprise_id"
               f" WHERE {' AND '.join(where)} ORDER BY n.reply_due, n.year, n.seq")
        return [self._row(row) for row in self.db.conn.execute(sql, params)]

    @staticmethod
    def _row(row) -> NoticeCountsRow:
        return NoticeCountsRow(notice=record_from_row(Notice, row), enterprise_name=row["enterprise_name"],
                               hazards=row["hazard_count"], outstanding=row["outstanding"])


def notice_with_number(db, number: str) -> Notice | None:
    """The notice carrying `number`, deleted or not (numbers are never given twice)."""
    row = db.conn.execute("SELECT * FROM notice WHERE number = ?", (number,)).fetchone()
    return record_from_row(Notice, row) if row else None
