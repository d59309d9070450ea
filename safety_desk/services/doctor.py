"""`safety-desk doctor`: integrity, text indexes, schema version, audit chain, derived status and photo files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from safety_desk.domain.clock import Clock
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS
from safety_desk.domain.language import say
from safety_desk.media.files import media_path
from safety_desk.services.sync_results import clock_capped_warning
from safety_desk.store import health
from safety_desk.store.audit import head_problems, redacted_count, verify_chain
from safety_desk.store.migrations import latest_version
from safety_desk.store.store import Store

_SHOWN_PROBLEMS = 20


@dataclass
class DoctorReport:
    """One line per check: its name, whether it passed, and what was found."""

    checks: list[tuple[str, bool, str]] = field(default_factory=list)

    def add(self, name: str, problems: list[str], ok_detail: str) -> None:
        if problems:
            detail = "; ".join(problems[:_SHOWN_PROBLEMS])
            if len(problems) > _SHOWN_PROBLEMS:
                detail += say(f"（另有 {len(problems) - _SHOWN_PROBLEMS} 项）", f" (+{len(problems) - _SHOWN_PROBLEMS} more)")
        else:
            detail = ok_detail
        self.checks.append((name, not problems, detail))

    @property
    def ok(self) -> bool:
        return all(passed for _, passed, _ in self.checks)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _photo_problems(store: Store) -> tuple[list[str], int]:
    problems = []
    sizes = health.photo_sizes(store.db)
    for photo_id, size in sizes.items():
        path = media_path(store.media_dir, photo_id)
        if not path.exists():
            problems.append(say(f"照片 {photo_id}：文件缺失（{path}）", f"photo {photo_id}: file missing ({path})"))
        elif path.stat().st_size != size or _sha256_file(path) != photo_id:
            problems.append(say(f"照片 {photo_id}：文件被改动", f"photo {photo_id}: file altered (hash does not match)"))
    for table, row_id, column, photo_id in health.photo_references(store.db):
        if photo_id not in sizes:
            problems.append(say(f"{table} {row_id}: {column} 引用的照片 {photo_id} 不存在",
                                f"{table} {row_id}: {column} names photo {photo_id}, which is not on record"))
    return problems, len(sizes)


def run_doctor(store: Store, *, repair: bool = False) -> DoctorReport:
    """Every check; with `repair`, text indexes found out of step with their tables are rebuilt first."""
    db = store.db
    report = DoctorReport()
    integrity = health.integrity_messages(db)
    report.add(say("完整性", "integrity"), [] if integrity == ["ok"] else integrity, say("正常", "ok"))
    report.add(say("外键", "references"), health.foreign_key_problems(db), say("正常", "ok"))

    text_problems = health.text_index_problems(db)
    rebuilt = False
    if text_problems and repair:
        health.rebuild_text_indexes(db)
        text_problems, rebuilt = health.text_index_problems(db), True
    names = [index for index, _table in health.TEXT_INDEXES]
    report.add(say("全文索引", "text indexes"), text_problems,
               say(f"{'已重建，' if rebuilt else ''}{'、'.join(names)} 与表一致",
                   f"{'rebuilt; ' if rebuilt else ''}{', '.join(names)} agree with their tables"))

    version, expected = health.schema_version(db), latest_version()
    report.add(say("数据库版本", "schema"), [] if version == expected else [say(f"数据库版本 {version}，程序版本 {expected}", f"version {version}, program {expected}")],
               say(f"版本 {version}", f"version {version}"))
    report.add(say("迁移", "migrations"), health.migration_problems(db), say(f"迁移 1..{version} 已完成", f"migrations 1..{version} complete"))

    device = store.local_state.device_id()
    identity_ok = device and store.local_state.private_key()
    report.add(say("设备身份", "device"), [] if identity_ok else [say("没有设备身份：请运行 `safety-desk init`", "no device identity: run `safety-desk init`")],
               device or "")

    entry = say("第 {} 条：{}", "entry {}: {}")
    chain = [entry.format(p.seq, p.message) for p in verify_chain(db.conn)]
    chain += [entry.format(p.seq, p.message) for p in head_problems(db.conn, store.local_state.audit_head())]
    if not health.audit_entry_count(db) and health.write_count(db):
        chain.append(say(f"审计记录为空，但记录了 {health.write_count(db)} 次写入（记录被删除）",
                         f"the audit trail is empty but {health.write_count(db)} writes are logged (entries deleted)"))
    redacted = redacted_count(db.conn)
    intact = health.audit_entry_count(db)
    report.add(say("审计链", "audit chain"), chain,
               say(f"{intact} 条记录完好" + (f"，其中 {redacted} 条的内容已随移出本机范围的记录清除" if redacted else ""),
                   f"{intact} entries intact" + (f", {redacted} of them emptied with the records that left this "
                                                 "device's scope" if redacted else "")))

    report.add(say("隐患状态", "hazard status"), [say(f"隐患 {h}：{problem}", f"hazard {h}: {problem}") for h, problem in store.hazards.state_problems()],
               say(f"{store.hazards.count()} 条隐患与其事件记录一致", f"{store.hazards.count()} hazards match their events"))

    report.add(say("时钟", "clock"), health.far_future_event_clocks(db, db.wall.epoch_ms() + MAX_DRIFT_MS),
               clock_capped_warning(db.clock_capping()) or say(f"与系统时间相差不超过 {MAX_DRIFT_MS // 60000} 分钟",
                                                             f"within {MAX_DRIFT_MS // 60000} min of the wall clock"))

    problems, photo_count = _photo_problems(store)
    report.add(say("照片", "photos"), problems, say(f"{photo_count} 个文件齐全且一致", f"{photo_count} files present and matching"))

    from safety_desk.services.encryption import encryption_status

    encryption = encryption_status(store.path)
    report.add(say("加密", "encryption"), [] if encryption.ok else [encryption.detail], encryption.detail)
    return report


def backup_age_line(db_path: Path, clock: Clock) -> str:
    """One line for `doctor` saying how old the latest backup is (information, not a check that fails)."""
    from safety_desk.services.backups import backups_dir_for, latest_backup

    latest = latest_backup(db_path)
    if latest is None:
        return say(f"备份：尚无备份（{backups_dir_for(db_path)}）", f"backups: none yet ({backups_dir_for(db_path)})")
    age = clock.now() - latest.made_at
    if age.days >= 1:
        ago = say(f"{age.days} 天前", f"{age.days} day(s) ago")
    elif age.total_seconds() >= 3600:
        hours = int(age.total_seconds() // 3600)
        ago = say(f"{hours} 小时前", f"{hours} hour(s) ago")
    else:
        minutes = max(0, int(age.total_seconds() // 60))
        ago = say(f"{minutes} 分钟前", f"{minutes} minute(s) ago")
    return say(f"备份：最近一次 {latest.made_at:%Y-%m-%d %H:%M}（{ago}，{latest.reason}）{latest.path}",
               f"backups: latest {latest.made_at:%Y-%m-%d %H:%M} ({ago}, {latest.reason}) {latest.path}")
