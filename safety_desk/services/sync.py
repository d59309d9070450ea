"""Sync without a server: export and import signed bundles, the sync folder, peers and conflicts.

Topology: the office's database is the hub. Every enrolled device exchanges bundles with the office only;
the office relays what each device's scope allows to the others. A bundle holds every cell written after
what the recipient acknowledged (acknowledgements travel back in the recipient's bundles), so a lost
bundle is covered by the next one and a bundle imported twice is a reported no-op.

Import is all or nothing: the bundle is checked completely (names, sizes, signature of an enrolled,
unrevoked sender, hashes, shape of every change, the sender's scope, photos present) before the database
is touched; then a backup is taken and the changes are merged in one transaction (store/merge.py).
Rows outside the sender's scope refuse the whole bundle (a device that sends them is broken or not what
it claims). Changes to fields the sender's role does not own are refused one by one, recorded in the
conflicts table and reported, and the rest of the bundle applies: a device's offline work should not be
held back by one stray cell, and the refusal stays visible.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from safety_desk.domain.china_time import BEIJING
from safety_desk.media.ingest import write_file_atomically
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.settings import Settings
from safety_desk.store.changes import TABLE_ORDER, Change
from safety_desk.store.database import APPEND_ONLY, SYNC_MODE, WHOLE_ROW
from safety_desk.store.merge import CLOCK_TOLERANCE_MS, MergeContext, MergeReport, merge_changes
from safety_desk.store.photos import media_path
from safety_desk.store.records import Device
from safety_desk.store.sync_log import ConflictRow, SyncLog
from safety_desk.sync.bundle import (
    ENROL_SUFFIX, SUFFIX, BundleRejected, OpenedBundle, open_bundle, write_bundle,
)
from safety_desk.sync.hlc import HybridClock, Timestamp
from safety_desk.sync.ids import new_id
from safety_desk.sync.scope import Scope, note_row, ownership_problem, row_in_scope

Progress = Callable[[int, int], None]
_CLOCK = re.compile(r"^\d{13}-\d{6}-[0-9A-Za-z_.:-]{1,64}$")
_SCALARS = frozenset({str, int, float, type(None)})  # exact types: a bool is not a stored value


class SyncProblem(ValueError):
    """A sync request that cannot be done as asked (no such peer, no folder set, a revoked device...)."""


def no_progress(done: int, total: int) -> None:
    pass


def clock_time(clock: str | None) -> str | None:
    """An HLC value's wall time as Beijing ISO text (what people see as 'when')."""
    if not clock:
        return None
    moment = datetime.fromtimestamp(Timestamp.parse(clock).wall_ms / 1000, tz=timezone.utc)
    return moment.astimezone(BEIJING).isoformat(timespec="seconds")


def binding_proof(token: str, device_id: str, public_key: str) -> str:
    """HMAC of a joined device's new public key with its enrolment's one-time token."""
    message = f"safety-desk-key-binding\n{device_id}\n{public_key}".encode("utf-8")
    return hmac.new(token.encode("ascii"), message, hashlib.sha256).hexdigest()


# -- the changes member ---------------------------------------------------------------------------

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_changes(changes: Iterable[Change]) -> bytes:
    """changes.jsonl: one line per row and write, [table, row_id, clock, author, seq, capped_from, cells], where
    cells maps each field the write set to its value ("*" to the whole row for records merged as rows)."""
    groups: dict[tuple, dict[str, Any]] = {}
    for c in changes:
        groups.setdefault((c.table, c.row_id, c.clock, c.author, c.seq, c.capped_from), {})[c.field] = c.value
    encode = _ENCODER.encode
    lines = [encode([*key, cells]) for key, cells in groups.items()]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def decode_changes(data: bytes, columns: dict[str, set[str]], name: str) -> list[Change]:
    """Parse and check every line of changes.jsonl; any malformed line rejects the bundle, naming the line."""
    changes: list[Change] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected(f"{name}: changes.jsonl 不是 UTF-8 文本 (changes.jsonl is not UTF-8 text); "
                             "数据库未作任何更改 (nothing was changed)") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        # One parse for the whole member (JSON text never holds a raw newline); line by line only to name
        # the line that is wrong.
        items = json.loads("[" + ",".join(lines) + "]")
    except ValueError:
        items = None
    if items is None or len(items) != len(lines):
        items = []
        for number, line in enumerate(lines, start=1):
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise BundleRejected(f"{name}: changes.jsonl 第 {number} 行无效 (line {number} of changes.jsonl is "
                                     f"not valid JSON: {exc}); 数据库未作任何更改 (nothing was changed)") from None
    clocks: set[str] = set()
    pairs = _field_pairs(columns)
    for number, item in enumerate(items, start=1):
        try:
            _checked_line(item, columns, pairs, clocks, changes)
        except (ValueError, TypeError, KeyError) as exc:
            raise BundleRejected(f"{name}: changes.jsonl 第 {number} 行无效 (line {number} of changes.jsonl is not a "
                                 f"valid change: {exc}); 数据库未作任何更改 (nothing was changed)") from None
    return changes


def _checked_line(item: Any, columns: dict[str, set[str]], pairs: frozenset, clocks: set[str],
                  out: list[Change]) -> None:
    if type(item) is not list or len(item) != 7:
        raise ValueError("not a list of 7 values")
    table, row_id, clock, author, seq, capped, cells = item
    if type(row_id) is not str or not 0 < len(row_id) <= 100:
        raise ValueError("bad row id")
    if clock not in clocks:
        if type(clock) is not str or not _CLOCK.match(clock):
            raise ValueError(f"bad clock {clock!r}")
        clocks.add(clock)
    if capped is not None and (type(capped) is not str or not _CLOCK.match(capped)):
        raise ValueError("bad capped_from clock")
    if type(author) is not str or len(author) > 100 or type(seq) is not int or seq < 0:
        raise ValueError("bad author or seq")
    if type(cells) is not dict or not cells:
        raise ValueError("no cells")
    if WHOLE_ROW in cells:
        value = cells[WHOLE_ROW]
        if len(cells) != 1 or table not in columns or SYNC_MODE[table] not in ("row", APPEND_ONLY):
            raise ValueError(f"{table!r} is not a table merged as whole rows")
        if type(value) is not dict or value.get("id") != row_id or not columns[table].issuperset(value):
            raise ValueError("a whole row with unknown columns or another id")
        for cell in value.values():
            if type(cell) not in _SCALARS:
                raise ValueError("a value that is not text or a number")
        if table == "photo" and not _PHOTO_ID.match(row_id):
            raise ValueError("a photo id is its sha256")
        out.append(Change(table, row_id, WHOLE_ROW, clock, author, value, seq, capped))
        return
    for field_name, value in cells.items():
        if (table, field_name) not in pairs:
            raise ValueError(f"unknown field {table!r}.{field_name!r}")
        if type(value) not in _SCALARS:
            raise ValueError("a value that is not text or a number")
        out.append(Change(table, row_id, field_name, clock, author, value, seq, capped))


_PHOTO_ID = re.compile(r"^[0-9a-f]{64}$")


def _field_pairs(columns: dict[str, set[str]]) -> frozenset:
    """(table, column) pairs a per-field change may name."""
    return frozenset((t, c) for t, names in columns.items() if SYNC_MODE[t] == "field" for c in names if c != "id")


# -- results the GUI and CLI show -----------------------------------------------------------------

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
            return (f"{self.path.name}: 已导入过，未作更改 (already imported; nothing changed) — 来自 from "
                    f"{self.sender_name}")
        text = (f"{self.path.name}: 来自 from {self.sender_name}: {self.changes} 项修改 changes, 应用 applied "
                f"{self.applied}, 未变 unchanged {self.unchanged}, 照片 photos {self.photos}, 冲突 conflicts "
                f"{self.conflicts}")
        if self.refused:
            text += f", 拒收 refused {len(self.refused)}"
        return text


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


# -- the service ------------------------------------------------------------------------------------

class SyncService:
    """Bundles, the sync folder, peers and conflicts for one open store (the CLI's or the GUI's session)."""

    def __init__(self, session: Session, settings: Settings | None = None, *,
                 wall_ms: Callable[[], int] | None = None, tolerance_ms: int = CLOCK_TOLERANCE_MS) -> None:
        self.session = session
        self.store = session.store
        self.db = session.store.db
        self.log = SyncLog(self.db)
        self.settings = settings or Settings()
        self._wall_ms = wall_ms or session.clock.epoch_ms
        self.tolerance_ms = tolerance_ms

    # -- identity and peers -----------------------------------------------------------------------
    def this_device(self) -> Device:
        device = self.store.devices.get(self.db.device_id)
        if device is None:
            raise SyncProblem("此数据库不是已登记的设备 (this database is not an enrolled device: run "
                              "`safety-desk init` for an office, or `safety-desk device join FILE` for another)")
        return device

    def is_office(self) -> bool:
        return self.this_device().role == "office"

    def _peer_devices(self) -> list[Device]:
        me = self.this_device()
        devices = self.store.devices.active()
        if me.role == "office":
            return [d for d in devices if d.id != me.id and d.role != "office"]
        office = self.db.local("office_device_id")
        return [d for d in devices if d.id == office or (d.role == "office" and d.id != me.id and not office)]

    def peers(self) -> list[PeerInfo]:
        """The devices this one exchanges bundles with, with their last exchange and changes waiting."""
        result = []
        for device in self._peer_devices():
            state = self.log.peer(device.id)
            result.append(PeerInfo(device.id, device.name, device.role, state.last_export_at, state.last_import_at,
                                   self.log.waiting_rows(state.acked_seq, device.id), device.revoked_at is not None,
                                   bool(device.public_key)))
        return result

    def changes_waiting(self, peer_id: str) -> int:
        """Records changed here that the peer has not acknowledged (those it sent us excepted)."""
        return self.log.waiting_rows(self.log.peer(peer_id).acked_seq, peer_id)

    def _resolve_peer(self, wanted: str | None) -> Device:
        peers = self._peer_devices()
        if wanted:
            matches = [d for d in peers if d.id == wanted or d.name == wanted]
            if not matches:
                raise SyncProblem(f"--for {wanted}: 没有这个同步对象 (no peer device with this id or name)")
            if len(matches) > 1:
                raise SyncProblem(f"--for {wanted}: 有多台设备同名，请用设备编号 (several devices have this name: "
                                  "give the device id)")
            return matches[0]
        live = [d for d in peers if d.revoked_at is None]
        if len(live) != 1:
            raise SyncProblem("请用 --for 指定接收设备 (name the receiving device with --for; this device has "
                              f"{len(live)} peers)")
        return live[0]

    def _scope_of(self, device: Device) -> Scope:
        return Scope.of(device.id, device.role, device.scope)

    # -- export ----------------------------------------------------------------------------------
    def export(self, to: Path | str, for_device: str | None = None, report: Progress | None = None) -> ExportResult:
        """Write a bundle for one peer into folder `to` (named <sender>-<n>.sdsync), or to the file `to`."""
        peer = self._resolve_peer(for_device)
        to = Path(to)
        return self._export(peer, to if to.suffix in (SUFFIX, ENROL_SUFFIX) else None,
                            to if to.suffix not in (SUFFIX, ENROL_SUFFIX) else None, report or no_progress)

    def _export(self, peer: Device, file: Path | None, folder: Path | None, report: Progress,
                kind: str = "sync", extra: dict[str, Any] | None = None) -> ExportResult:
        me = self.this_device()
        if me.revoked_at is not None:
            raise SyncProblem("此设备已被安全办停用，不能再导出 (this device was revoked by the safety office)")
        if peer.revoked_at is not None and kind != "sync":
            raise SyncProblem(f"设备“{peer.name}”已被停用 (device {peer.name} was revoked)")
        state = self.log.peer(peer.id)
        upto = self.log.last_seq()
        index = self.log.scope_index(self._scope_of(peer))
        after = state.acked_seq
        if kind == "sync" and self.log.cell_seq("device", peer.id, "scope") > after:
            after = 0  # the device's scope changed: send everything it now covers (it drops nothing it has)
        changes = list(self.log.export_for(index, peer.id, after, upto))
        if after and not index.scope.everything:
            # An enterprise moved into the device's districts: all its records go, not only what changed lately.
            sent = {(c.table, c.row_id, c.field) for c in changes}
            for enterprise_id in self.log.moved_enterprises(after):
                if enterprise_id not in index.enterprise_ids:
                    continue
                only = self.log.scope_index(Scope(peer.id, "enterprise", enterprise_id=enterprise_id))
                changes.extend(c for c in self.log.export_for(index, peer.id, 0, upto, only=only)
                               if (c.table, c.row_id, c.field) not in sent)
        if peer.revoked_at is not None:
            # A revoked device gets nothing more but the news of its revocation (its own device record).
            changes = [c for c in changes if c.table == "device" and c.row_id == peer.id]
        held = self.log.photos_held_by(peer.id, state.acked_seq)
        photo_rows = {c.row_id for c in changes if c.table == "photo"}
        wanted = (photo_rows | self.log.referenced_photo_ids(changes)) - held
        present = self.log.photo_ids_present(sorted(wanted))
        changes = [c for c in changes if c.table != "photo" or c.row_id in present]
        for photo_id in sorted(present - photo_rows):
            extra_row = self.log.whole_row_change("photo", photo_id)
            if extra_row is not None:
                changes.append(extra_row)
        photos = sorted(present)
        for photo_id in photos:
            if not media_path(self.store.media_dir, photo_id).exists():
                raise SyncProblem(f"照片文件缺失：{photo_id[:12]}… (the file of photo {photo_id} is missing; run "
                                  "`safety-desk doctor`); 未导出 (nothing was exported)")
        total = len(changes) + len(photos)
        report(0, total)
        bundle_id = new_id()
        clocks = [c.clock for c in changes]
        manifest: dict[str, Any] = {
            "kind": kind, "bundle_id": bundle_id, "sender": me.id, "sender_role": me.role, "recipient": peer.id,
            "scope": self._scope_of(peer).as_json(), "created": self.store.db.now_iso(), "created_ms": self._wall_ms(),
            "clock_min": min(clocks) if clocks else None, "clock_max": max(clocks) if clocks else None,
            "after_seq": state.acked_seq, "upto_seq": upto, "ack": state.received_seq,
            "previous": state.last_manifest or "", "counts": {"changes": len(changes), "photos": len(photos)},
            "clock_ahead_ms": int(self.db.local(f"clock_ahead:{peer.id}") or 0),
        }
        binding = self._key_binding(me)
        if binding:
            manifest["key_binding"] = binding
        manifest.update(extra or {})
        data = encode_changes(changes)
        report(len(changes), total)

        def photo_files():
            for done, photo_id in enumerate(photos, start=1):
                yield photo_id, media_path(self.store.media_dir, photo_id)
                report(len(changes) + done, total)

        private = self.db.local("private_key")
        if not private:
            raise SyncProblem("此数据库没有设备密钥 (this database has no device key)")
        with self.db.transaction():
            # The counter is read inside the write transaction: two processes of this device never pick one name.
            counter = int(self.db.local("bundle_counter") or 0) + 1
            name = f"{me.id}-{counter:08d}{SUFFIX if kind == 'sync' else ENROL_SUFFIX}"
            target = file if file is not None else Path(folder) / name
            path, digest = write_bundle(target, manifest, data, photo_files(), private)
            try:
                self.db.set_local("bundle_counter", str(counter))
                self.log.note_export(peer.id, at=self.store.db.now_iso(), sent_ack=state.received_seq, sent_upto=upto,
                                     file_name=path.name, manifest_sha256=digest)
                self.log.note_photos_sent(peer.id, photos, upto)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        report(total, total)
        return ExportResult(path, bundle_id, peer.id, len(changes), len(photos))

    def _key_binding(self, me: Device) -> dict[str, str] | None:
        token = self.db.local("enrol_token")
        public = self.db.local("public_key")
        if me.role == "office" or not token or not public:
            return None
        return {"device_id": me.id, "public_key": public, "proof": binding_proof(token, me.id, public)}

    # -- import ----------------------------------------------------------------------------------
    def _public_key_for(self, manifest: dict[str, Any]) -> str:
        name = manifest.get("_file", "bundle")
        me = self.this_device()
        if manifest.get("kind") != "sync":
            raise BundleRejected(f"{name}: 这是设备登记文件，请用 `safety-desk device join` (an enrolment file: use "
                                 "`device join` on a new installation); 数据库未作任何更改 (nothing was changed)")
        if manifest["recipient"] != me.id:
            raise BundleRejected(f"{name}: 此同步包是发给另一台设备的 (the bundle is addressed to another device, "
                                 f"{manifest['recipient']}); 数据库未作任何更改 (nothing was changed)")
        sender = self.store.devices.get(manifest["sender"])
        if sender is None or sender.deleted:
            raise BundleRejected(f"{name}: 发送设备未登记 (the sender {manifest['sender']} is not an enrolled "
                                 "device); 数据库未作任何更改 (nothing was changed)")
        if sender.revoked_at is not None:
            raise BundleRejected(f"{name}: 发送设备“{sender.name}”已被停用 (the sender was revoked on "
                                 f"{sender.revoked_at}); 数据库未作任何更改 (nothing was changed)")
        if me.role != "office" and sender.role != "office":
            raise BundleRejected(f"{name}: 只接收安全办的同步包 (this device takes bundles from the office only); "
                                 "数据库未作任何更改 (nothing was changed)")
        binding = manifest.get("key_binding")
        if sender.public_key:
            if isinstance(binding, dict) and binding.get("public_key") not in (None, sender.public_key):
                raise BundleRejected(f"{name}: 设备“{sender.name}”的登记文件已被另一台电脑使用 (the enrolment of "
                                     f"{sender.name} was already used by another installation: this one holds "
                                     "another key); 数据库未作任何更改 (nothing was changed)")
            return sender.public_key
        token = self.db.local(f"enrol_token:{sender.id}")
        if not (isinstance(binding, dict) and token and binding.get("device_id") == sender.id
                and isinstance(binding.get("public_key"), str) and isinstance(binding.get("proof"), str)
                and hmac.compare_digest(binding["proof"], binding_proof(token, sender.id, binding["public_key"]))):
            raise BundleRejected(f"{name}: 设备“{sender.name}”的密钥无法确认 (the new device's key does not prove "
                                 "its enrolment); 数据库未作任何更改 (nothing was changed)")
        return binding["public_key"]

    def open(self, path: Path | str) -> OpenedBundle:
        path = Path(path)

        def key_for(manifest: dict[str, Any]) -> str:
            return self._public_key_for({**manifest, "_file": path.name})

        return open_bundle(path, key_for)

    def import_bundle(self, path: Path | str, report: Progress | None = None) -> ImportResult:
        """Check and apply one bundle (all or nothing); a bundle seen before is a reported no-op."""
        report = report or no_progress
        path = Path(path)
        opened = self.open(path)
        manifest = opened.manifest
        sender = self.store.devices.require(manifest["sender"])
        result = ImportResult(path, manifest["bundle_id"], sender.id, sender.name)
        if self.log.bundle_seen(manifest["bundle_id"]):
            result.duplicate = True
            return result
        columns = {t: set(self.db.columns(t)) for t in SYNC_MODE}
        changes = decode_changes(opened.changes_bytes(), columns, path.name)
        counts = manifest.get("counts")
        if not isinstance(counts, dict) or counts.get("changes") != len(changes):
            raise BundleRejected(f"{path.name}: 修改条数与清单不符 (the number of changes does not match the "
                                 "manifest); 数据库未作任何更改 (nothing was changed)")
        if sender.role != "office":
            self._check_sender_scope(path.name, sender, changes)
        bundled = set(opened.photo_ids)
        photo_rows = sorted({c.row_id for c in changes if c.table == "photo"})
        missing = [p for p in photo_rows if p not in bundled and not self._photo_file_ok(p)]
        if missing:
            raise BundleRejected(f"{path.name}: 缺少照片 {missing[0][:12]}… (photo {missing[0]} is listed but its "
                                 "file is neither in the bundle nor here); 数据库未作任何更改 (nothing was changed)")
        result.changes = len(changes)
        result.backup = self.backup()
        for photo_id in sorted(bundled):
            target = media_path(self.store.media_dir, photo_id)
            if not self._photo_file_ok(photo_id):
                write_file_atomically(target, opened.photo_bytes(photo_id))
        result.photos = len(bundled)
        peer = self.log.peer(sender.id)
        now_ms = self._wall_ms()
        ctx = MergeContext(source=sender.id, received_before=peer.received_seq,
                           sender_ack=min(manifest["ack"], self.log.last_seq()), now_ms=now_ms,
                           tolerance_ms=self.tolerance_ms,
                           refuse=self._refuser(sender, changes) if sender.role != "office" else None,
                           on_row=report)
        ahead = manifest.get("clock_ahead_ms")
        if isinstance(ahead, int) and ahead > 0:
            ctx.distrust_own_after_ms = manifest["created_ms"] + self.tolerance_ms
        try:
            with self.db.transaction():
                if self.log.bundle_seen(manifest["bundle_id"]):
                    # Another process of this device (the GUI and a script) imported it meanwhile.
                    result.duplicate = True
                    return result
                merged = merge_changes(self.db, changes, ctx)
                if sender.id in merged.drift:
                    # Told back to the device in our next bundles, so it lets our values win over its own
                    # far-future cells (store/merge.py); cleared when its changes arrive with sane clocks.
                    self.db.set_local(f"clock_ahead:{sender.id}", str(merged.drift[sender.id][0]))
                elif changes and self.db.local(f"clock_ahead:{sender.id}"):
                    self.db.set_local(f"clock_ahead:{sender.id}", "0")
                if not sender.public_key:
                    binding = manifest["key_binding"]
                    self.store.devices.update(sender.id, public_key=binding["public_key"])
                    self.db.set_local(f"enrol_token:{sender.id}", "used")
                received = manifest["upto_seq"] if manifest["after_seq"] <= peer.received_seq else peer.received_seq
                self.log.note_import(sender.id, at=self.store.db.now_iso(), acked_seq=min(manifest["ack"], self.log.last_seq()),
                                     received_seq=received)
                self.log.record_bundle(bundle_id=manifest["bundle_id"], sender=sender.id, recipient=self.db.device_id,
                                       file_name=path.name, manifest_sha256=opened.manifest_sha256, at=self.store.db.now_iso(),
                                       changes=len(changes), applied=merged.cells_applied)
                self.log.note_photos_received(sender.id, sorted(bundled | set(photo_rows)))
        except BaseException:
            self._reset_clock()
            raise
        self._fill(result, merged, manifest, now_ms)
        return result

    def _fill(self, result: ImportResult, merged: MergeReport, manifest: dict[str, Any], now_ms: int) -> None:
        result.applied = merged.cells_applied
        result.unchanged = merged.cells_unchanged
        result.conflicts = merged.conflicts
        result.unique_clashes = merged.unique_clashes
        result.refused = [f"{c.table}.{c.field} {c.row_id}: {reason}" for c, reason in merged.refused]
        for device, (ahead, count) in merged.drift.items():
            result.warnings.append(f"设备 {device} 的时钟超前约 {ahead // 60000} 分钟；{count} 项修改的时钟已截止 "
                                   f"(the clock of device {device} is about {ahead // 60000} min ahead; {count} "
                                   "changes were capped)")
        mine = Timestamp.parse(self.db.clock.last).wall_ms
        if mine > max(now_ms, manifest["created_ms"]) + self.tolerance_ms:
            result.warnings.append("本机的时钟超前，请校准系统时间 (this device's clock runs ahead: set the system "
                                   "time right)")
        if merged.aliased:
            result.warnings.append(f"{merged.aliased} 项修改属于重复登记而未保留的记录 (changes of rows that lost a "
                                   "unique-key clash went to the kept row's conflicts)")

    def _reset_clock(self) -> None:
        stored = self.db.local("hlc")
        self.db.clock = HybridClock(self.db.device_id, Timestamp.parse(stored) if stored else None,
                                    wall=self.db.wall.epoch_ms)

    def _photo_file_ok(self, photo_id: str) -> bool:
        path = media_path(self.store.media_dir, photo_id)
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() == photo_id
        except OSError:
            return False

    def _check_sender_scope(self, name: str, sender: Device, changes: list[Change]) -> None:
        """Every row a non-office sender touches must be within its scope, before and after the change."""
        index = self.log.scope_index(self._scope_of(sender))
        order = {t: i for i, t in enumerate(TABLE_ORDER)}
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for change in sorted(changes, key=lambda c: (order[c.table], c.row_id)):
            incoming = rows.setdefault((change.table, change.row_id), {})
            if change.field == WHOLE_ROW:
                incoming.update(change.value)
            else:
                incoming[change.field] = change.value
        for (table, row_id), incoming in sorted(rows.items(), key=lambda item: order[item[0][0]]):
            stored = self.log.row_scope_values(table, row_id)
            merged = {**(stored or {}), **incoming, "id": row_id}
            if table == "photo":
                note_row(index, table, merged)
                continue
            if (stored is not None and not row_in_scope(index, table, stored)) or not row_in_scope(index, table, merged):
                raise BundleRejected(f"{name}: 含有发送设备范围以外的记录 ({table} {row_id} is outside the scope of "
                                     f"device {sender.name}); 数据库未作任何更改 (nothing was changed)")
            note_row(index, table, merged)

    def _refuser(self, sender: Device, changes: list[Change]):
        new_hazard_sources = {c.row_id: (c.value if c.field == "source" else None)
                              for c in changes if c.table == "hazard" and c.field == "source"}

        def hazard_source(hazard_id: str) -> str | None:
            return new_hazard_sources.get(hazard_id) or self.log.hazard_source(hazard_id)

        def refuse(table: str, row_id: str, row_changes: list[Change], current: dict | None):
            after = dict(current or {})
            for change in row_changes:
                if change.field == WHOLE_ROW:
                    after.update(change.value)
                else:
                    after[change.field] = change.value
            refused = []
            for change in row_changes:
                reason = ownership_problem(sender.role, table, change.field, after, current is None, hazard_source)
                if reason:
                    refused.append((change, reason))
            return refused

        return refuse

    def backup(self) -> Path:
        """A copy of the database before an import, in the backups folder with the others (services/backups.py:
        rotated with the other pre-import backups; listed and restorable from Settings)."""
        from safety_desk.services.backups import take_backup

        return take_backup(self.store, reason="import").path

    # -- the sync folder ---------------------------------------------------------------------------
    def folder(self, path: Path | str | None = None) -> Path:
        chosen = path or self.settings.sync_folder
        if not chosen:
            raise SyncProblem("未设置同步文件夹 (no sync folder: give PATH or set it in the settings)")
        folder = Path(chosen)
        if not folder.is_dir():
            raise SyncProblem(f"{folder}: 同步文件夹不存在或无法访问 (the sync folder does not exist or cannot be "
                              "reached)")
        return folder

    @staticmethod
    def inbox(folder: Path, device_id: str) -> Path:
        return folder / f"to-{device_id}"

    def sync_folder(self, path: Path | str | None = None, report: Progress | None = None) -> FolderResult:
        """One pass: import every new bundle addressed to this device (from <folder>/to-<this device id>/,
        deleting each once imported), then write one into each peer's to-<id>/ that has something new for
        it (changes, or an acknowledgement). Bundles are written under a temporary name and renamed, so
        devices using the folder at the same time never read half a file."""
        report = report or no_progress
        folder = self.folder(path)
        result = FolderResult(folder)
        me = self.this_device()
        inbox = self.inbox(folder, me.id)
        waiting = sorted(p for p in inbox.glob(f"*{SUFFIX}") if not p.name.startswith(".")) if inbox.is_dir() else []
        peers = self._peer_devices()
        total = len(waiting) + len(peers)
        done = 0
        seen = self.log.imported_file_names()
        for bundle in waiting:
            try:
                if bundle.name not in seen:
                    result.imported.append(self.import_bundle(bundle))
                bundle.unlink(missing_ok=True)
            except BundleRejected as exc:
                result.rejected.append(str(exc))
                try:
                    bundle.replace(bundle.with_name(bundle.name + ".rejected"))
                except OSError:
                    pass  # another process of this device set it aside first
            done += 1
            report(done, total)
        # A revoked device still gets its revocation (and nothing else: see _export); one that has just learnt
        # of its own revocation writes nothing.
        if self.this_device().revoked_at is not None:
            peers = []
        for peer in peers:
            state = self.log.peer(peer.id)
            outbox = self.inbox(folder, peer.id)
            if self.log.last_seq() > state.sent_upto or state.received_seq > state.sent_ack:
                outbox.mkdir(parents=True, exist_ok=True)
                exported = self._export(peer, None, outbox, no_progress)
                if exported.changes or exported.photos or state.received_seq > state.sent_ack:
                    result.exported.append(exported)
                    # Our older bundles still waiting there hold nothing the new one does not (it starts at the
                    # peer's latest acknowledgement): remove them, so a peer away for weeks finds one file.
                    for older in outbox.glob(f"{me.id}-*{SUFFIX}"):
                        if older.name != exported.path.name:
                            try:
                                older.unlink()
                            except OSError:
                                pass  # the peer has it open (Windows): it is harmless to read it as well
                else:
                    with self.db.transaction():
                        self.log.note_export(peer.id, at=self.store.db.now_iso(), sent_ack=state.received_seq,
                                             sent_upto=self.log.last_seq(), file_name=state.last_bundle or "",
                                             manifest_sha256=state.last_manifest or "")
                    exported.path.unlink(missing_ok=True)
            done += 1
            report(done, total)
        report(total, total)
        return result

    def folder_status(self, path: Path | str | None = None) -> FolderStatus:
        chosen = str(path or self.settings.sync_folder or "")
        if not chosen:
            return FolderStatus("", False, False, 0, {})
        folder = Path(chosen)
        if not folder.is_dir():
            return FolderStatus(chosen, True, False, 0, {})
        me = self.db.device_id
        inbox = self.inbox(folder, me)
        incoming = len([p for p in inbox.glob(f"*{SUFFIX}") if not p.name.startswith(".")]) if inbox.is_dir() else 0
        outgoing = {}
        for peer in self._peer_devices():
            box = self.inbox(folder, peer.id)
            outgoing[peer.id] = len(list(box.glob(f"{me}-*{SUFFIX}"))) if box.is_dir() else 0
        return FolderStatus(chosen, True, True, incoming, outgoing)

    # -- conflicts -----------------------------------------------------------------------------
    def _who(self, author: str | None, clock: str | None) -> str:
        if author:
            person = self.store.people.get(author)
            if person is not None:
                return person.name
            device = self.store.devices.get(author)
            if device is not None:
                return device.name
        if clock:
            device = self.store.devices.get(Timestamp.parse(clock).device)
            if device is not None:
                return device.name
        return author or ""

    def _device_name(self, device_id: str) -> str:
        device = self.store.devices.get(device_id) if device_id else None
        return device.name if device else device_id

    def conflicts(self, include_resolved: bool = False) -> list[ConflictView]:
        """What merges did not keep, newest first: the field, both values, who wrote each and when."""
        views = []
        for row in self.log.conflicts(include_resolved=include_resolved):
            views.append(self._view(row))
        return views

    def _view(self, row: ConflictRow) -> ConflictView:
        return ConflictView(
            id=row.id, kind=row.kind, table=row.tbl, row_id=row.row_id, field=row.field, kept_value=row.kept_value,
            kept_by=self._who(row.kept_author, row.kept_clock), kept_at=clock_time(row.kept_clock),
            other_value=row.lost_value, other_by=self._who(row.lost_author, row.lost_clock),
            other_at=clock_time(row.lost_clock), source=self._device_name(row.source),
            detected_at=row.detected_at, note=row.note, resolved=row.resolved_at is not None,
            can_keep_other=row.kind == "value" and row.resolved_at is None and SYNC_MODE.get(row.tbl) != APPEND_ONLY)

    def keep_other(self, conflict_id: str) -> ConflictView:
        """Write the value that lost as a new change (it syncs like any edit) and mark the conflict resolved."""
        row = self.log.conflict(conflict_id)
        if row is None:
            raise SyncProblem(f"冲突 {conflict_id} 不存在 (no such conflict)")
        if row.kind != "value" or SYNC_MODE.get(row.tbl) == APPEND_ONLY:
            raise SyncProblem("只有字段值冲突可以改用另一个值 (only a field's value conflict can keep the other value)")
        if row.resolved_at is not None:
            raise SyncProblem("此冲突已处理 (this conflict was already resolved)")
        current = self.log.row_scope_values(row.tbl, row.row_id)
        if current is None:
            raise SyncProblem(f"{row.tbl} {row.row_id} 不存在 (the record is not here)")
        values = ({k: v for k, v in row.lost_value.items() if k != "id"} if row.field == WHOLE_ROW
                  else {row.field: row.lost_value})
        me = self.this_device()
        for column in values:
            reason = ownership_problem(me.role, row.tbl, column, {**current, **values}, False,
                                       self.log.hazard_source)
            if reason:
                raise PermissionDenied(reason)
        if row.tbl == "hazard" or "enterprise_id" in current:
            enterprise_id = current.get("enterprise_id") if row.tbl != "enterprise" else row.row_id
            if enterprise_id:
                self.session.require_enterprise(enterprise_id)
        with self.db.transaction():
            self.db.update(row.tbl, row.row_id, values)
            self.log.resolve_conflict(conflict_id, at=self.store.db.now_iso(), resolution="kept_other")
        return self._view(self.log.conflict(conflict_id))

    def dismiss(self, conflict_id: str) -> None:
        """Mark a conflict reviewed, keeping the merged value."""
        with self.db.transaction():
            self.log.resolve_conflict(conflict_id, at=self.store.db.now_iso(), resolution="kept")
