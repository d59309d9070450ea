"""What the sync use cases (services/sync.py) return to the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safety_desk.domain.hybrid_clock import MAX_DRIFT_MS
from safety_desk.domain.language import say
from safety_desk.store.merge import MergeReport


@dataclass(frozen=True)
class PeerInfo:
    device_id: str
    name: str
    role: str
    last_export_at: str | None
    last_import_at: str | None
    waiting: int          # rows changed here that the peer has not acknowledged (an upper bound)
    revoked: bool
    key_known: bool       # False until the device's first bundle arrived with its key


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    recipient: str
    changes: int
    photos: int
    notices: int = 0      # refusals and enterprises gone from the scope the manifest tells the recipient


@dataclass
class ImportResult:
    path: Path
    bundle_id: str
    sender: str
    sender_name: str
    duplicate: bool = False
    changes: int = 0
    applied: int = 0
    unchanged: int = 0
    refused: list[str] = field(default_factory=list)
    conflicts: int = 0
    unique_clashes: int = 0
    photos: int = 0
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None

    def describe(self) -> str:
        if self.duplicate:
            return say(f"{self.path.name}: 已导入过，未作更改 — 来自 {self.sender_name}",
                       f"{self.path.name}: already imported; nothing changed — from {self.sender_name}")
        text = say(f"{self.path.name}: 来自 {self.sender_name}：{self.changes} 项修改，应用 {self.applied}，"
                   f"未变 {self.unchanged}，照片 {self.photos}，冲突 {self.conflicts}",
                   f"{self.path.name}: from {self.sender_name}: {self.changes} changes, applied {self.applied}, "
                   f"unchanged {self.unchanged}, photos {self.photos}, conflicts {self.conflicts}")
        if self.refused:
            text += say(f"，拒收 {len(self.refused)}", f", refused {len(self.refused)}")
        return text

    def add_merge(self, merged: MergeReport, own_clock_ahead: bool) -> None:
        """What the merge did, and the warnings about it people should act on."""
        self.applied = merged.cells_applied
        self.unchanged = merged.cells_unchanged
        self.conflicts = merged.conflicts
        self.unique_clashes = merged.unique_clashes
        self.refused = [f"{c.table}.{c.field} {c.row_id}: {reason}" for c, reason in merged.refused]
        for device in sorted(set(merged.drift) | set(merged.row_clocks)):
            ahead, count = merged.drift.get(device, (0, 0))
            rows = merged.row_clocks.get(device, 0)
            relayer = merged.relayed_by.get(device)
            via_zh = f"（由设备 {relayer} 转来，转发设备无过错）" if relayer else ""
            via_en = f"; relayed by device {relayer}, which is not at fault" if relayer else ""
            if count:
                self.warnings.append(say(f"设备 {device} 的时钟超前约 {ahead // 60000} 分钟；{count} 项修改的时钟已截止{via_zh}",
                                         f"the clock of device {device} is about {ahead // 60000} min ahead; {count} changes were capped{via_en}"))
            if rows:
                self.warnings.append(say(f"设备 {device} 的 {rows} 条记录自身的时钟晚于其写入时钟，已改为写入时钟{via_zh}",
                                         f"{rows} rows of device {device} carried their own clock later than their write's: set to the write's clock{via_en}"))
        if own_clock_ahead:
            self.warnings.append(say("本机的时钟超前，请校准系统时间", "this device's clock runs ahead: set the system time right"))
        if merged.aliased:
            self.warnings.append(say(f"{merged.aliased} 项修改属于重复登记而未保留的记录",
                                     f"{merged.aliased} changes of rows that lost a unique-key clash went to the kept row's conflicts"))


@dataclass
class FolderResult:
    folder: Path
    imported: list[ImportResult] = field(default_factory=list)
    exported: list[ExportResult] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FolderStatus:
    path: str
    configured: bool
    reachable: bool
    incoming: int                  # bundles addressed to this device waiting in the folder
    outgoing: dict[str, int]       # peer id -> bundles of ours it has not picked up yet


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str
    table: str
    row_id: str
    field: str
    kept_value: Any
    kept_by: str
    kept_at: str | None
    other_value: Any
    other_by: str
    other_at: str | None
    source: str
    detected_at: str
    note: str
    resolved: bool
    can_keep_other: bool


def clock_capped_warning(capping: dict | None) -> str | None:
    """The warning shown by `sync status`, the Sync page and doctor once this device's own clock was capped."""
    if not capping:
        return None
    try:
        ahead_min = max(0, (int(capping["from_ms"]) - int(capping["to_ms"])) // 60000)
    except (KeyError, TypeError, ValueError):
        return None
    at, drift = capping.get("at", "?"), MAX_DRIFT_MS // 60000
    return (say(f"本机时钟曾超前约 {ahead_min} 分钟，已于 {at} 截止到系统时间 + {drift} 分钟；请确认系统时间正确",
                f"this device's clock had run about {ahead_min} min ahead of its wall clock and was capped to wall + {drift} min at {at}; check that the system time is right"))
