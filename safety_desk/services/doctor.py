"""`safety-desk doctor`: integrity, text indexes, schema version, audit chain, derived status and photo files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from safety_desk.domain.clock import Clock
from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS
from safety_desk.media.files import media_path
from safety_desk.services.sync_results import clock_capped_warning
from safety_desk.store import health
from safety_desk.store.audit import head_problems, verify_chain
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
                detail += f" (+{len(problems) - _SHOWN_PROBLEMS} more)"
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
            problems.append(f"photo {photo_id}: 文件缺失 file missing ({path})")
        elif path.stat().st_size != size or _sha256_file(path) != photo_id:
            problems.append(f"photo {photo_id}: 文件被改动 file altered (hash does not match)")
    for table, row_id, column, photo_id in health.photo_references(store.db):
        if photo_id not in sizes:
            problems.append(f"{table} {row_id}: {column} 引用的照片 {photo_id} 不存在 (photo not on record)")
    return problems, len(sizes)


def run_doctor(store: Store, *, repair: bool = False) -> DoctorReport:
    """Every check; with `repair`, text indexes found out of step with their tables are rebuilt first."""
    db = store.db
    report = DoctorReport()
    integrity = health.integrity_messages(db)
    report.add("integrity 完整性", [] if integrity == ["ok"] else integrity, "ok")
    report.add("references 外键", health.foreign_key_problems(db), "ok")

    text_problems = health.text_index_problems(db)
    rebuilt = ""
    if text_problems and repair:
        health.rebuild_text_indexes(db)
        text_problems, rebuilt = health.text_index_problems(db), "已重建，"
    report.add("text index 全文索引", text_problems,
               f"{rebuilt}{'、'.join(index for index, _table in health.TEXT_INDEXES)} 与表一致")

    version, expected = health.schema_version(db), latest_version()
    report.add("schema 数据库版本", [] if version == expected else [f"version {version}, program {expected}"],
               f"version {version}")
    report.add("migrations 迁移", health.migration_problems(db), f"migrations 1..{version} complete")

    device = store.local_state.device_id()
    identity_ok = device and store.local_state.private_key()
    report.add("device 设备身份", [] if identity_ok else ["no device identity: run `safety-desk init`"],
               device or "")

    chain = [f"entry {p.seq}: {p.message}" for p in verify_chain(db.conn)]
    chain += [f"entry {p.seq}: {p.message}" for p in head_problems(db.conn, store.local_state.audit_head())]
    if not health.audit_entry_count(db) and health.write_count(db):
        chain.append(f"审计记录为空 the audit trail is empty but {health.write_count(db)} writes are logged "
                     "(entries deleted)")
    report.add("audit chain 审计链", chain, f"{health.audit_entry_count(db)} entries intact")

    report.add("hazard status 隐患状态", [f"hazard {h}: {problem}" for h, problem in store.hazards.state_problems()],
               f"{store.hazards.count()} hazards match their events")

    report.add("clock 时钟", health.far_future_event_clocks(db, db.wall.epoch_ms() + MAX_DRIFT_MS),
               clock_capped_warning(db.clock_capping()) or f"within {MAX_DRIFT_MS // 60000} min of the wall clock")

    problems, photo_count = _photo_problems(store)
    report.add("photos 照片", problems, f"{photo_count} files present and matching")
    return report


def backup_age_line(db_path: Path, clock: Clock) -> str:
    """One line for `doctor` saying how old the latest backup is (information, not a check that fails)."""
    from safety_desk.services.backups import backups_dir_for, latest_backup

    latest = latest_backup(db_path)
    if latest is None:
        return f"备份 backups: 尚无备份 none yet ({backups_dir_for(db_path)})"
    age = clock.now() - latest.made_at
    if age.days >= 1:
        ago = f"{age.days} 天前 {age.days} day(s) ago"
    elif age.total_seconds() >= 3600:
        hours = int(age.total_seconds() // 3600)
        ago = f"{hours} 小时前 {hours} hour(s) ago"
    else:
        minutes = max(0, int(age.total_seconds() // 60))
        ago = f"{minutes} 分钟前 {minutes} minute(s) ago"
    return (f"备份 backups: 最近一次 latest {latest.made_at:%Y-%m-%d %H:%M} ({ago}, {latest.reason}) "
            f"{latest.path}")
