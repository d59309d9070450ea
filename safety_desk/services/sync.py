"""Sync without a server: export and import signed bundles, the sync folder, peers and conflicts.

Topology: the office's database is the hub. Every enrolled device exchanges bundles with the office only;
the office relays what each device's scope allows to the others. A bundle holds every cell written after
what the recipient acknowledged (acknowledgements travel back in the recipient's bundles), so a lost
bundle is covered by the next one and a bundle imported twice is a reported no-op.

Import is all or nothing: the bundle is checked completely (names, sizes, signature of an enrolled,
unrevoked sender, hashes, shape of every change, photos present) before the database is touched; then a
backup is taken and the changes are merged in one transaction (store/merge.py). Rows, not bundles, are
refused: rows outside the sender's scope (sync/scope_checks.py), changes to fields its role does not own,
writes it claims for another device or another's people, any change to evidence (domain/ownership.py), hazard
events dated otherwise than when they were written (sync/event_times.py, sync/clock_order.py) and photos that are
not photos as devices keep them (media/received.py) are refused one by one, recorded in the conflicts table and reported, and the rest of the bundle applies, so
no device is ever stuck on one stray row. The sequence of these row checks is sync/row_checks.py, which the network
hub runs too (services/hub_rows.py). The bundle is acknowledged as received all the same (the sender
stops resending what was refused), and the office tells the sender in its next bundles which of its changes
were refused and why, until it acknowledges that; the device keeps them as conflicts. With the refusals go the
cells the office kept of those rows (those the device may hold): the device takes them over its refused writes,
so its copy agrees with the office's.

District moves: an enterprise's district changes only at the office. A device still sending edits of it is
taken when they were made before the move; the office tells the devices of the old district it left
(`out_of_scope`), and each drops its records once its own edits of them reached the office; the devices of
the new district receive all of them (store/sync_log.py, changes_for).

Restores: a database restored from a backup is a new sync incarnation (services/sync_incarnation.py). The office
gives every change it writes itself a proof (sync/office_proof.py) that devices keep; an office restored from a
backup gets its own later writes back from the devices that hold them and takes a change in its own name only with
its proof; the writes of other devices it had relayed come back the same way, with the proof it gave as it relayed
them (their writer may have been revoked since). Hazard events that would damage a hazard's history are refused
like the rest (sync/history_checks.py).

Bundles are sealed to their recipient (sync/seal.py): a shared folder shows only who sent a file to whom.

Where the pieces are: the bundle file in sync/bundle.py, its seal in sync/seal.py, its changes member in sync/change_codec.py, a joined
device's key in sync/key_binding.py, what a sender may send in sync/sender_checks.py, the folder's layout in
sync/folder_layout.py; peers, bundles seen and conflicts in store/sync_log.py, this device's keys and counters in
store/local_state.py, the merge in store/merge.py; what the use cases return in services/sync_results.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from safety_desk.domain.concurrent_decisions import DECISION_KINDS
from safety_desk.domain.device_scope import Scope
from safety_desk.domain.language import say
from safety_desk.domain.ownership import ownership_problem
from safety_desk.domain.hybrid_clock import Timestamp, clock_time, device_of
from safety_desk.domain.ids import new_id
from safety_desk.domain.sync_model import Change, Refuser, of_tables
from safety_desk.media.files import UnreadableMedia, holds, media_path, read_photo, write_media
from safety_desk.media.received import received_photo_problem
from safety_desk.media.thumbnails import THUMBS_DIR
from safety_desk.services import conflict_forwarding
from safety_desk.services.collector_pause import collector_paused
from safety_desk.services.encryption import photo_key_for
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.services.sync_incarnation import manifest_fields, settle_incarnations
from safety_desk.services.sync_scope import (
    StoreRows, after_merge_at_office, cells_taken_back, kept_for, notices_for, take_notices,
)
from safety_desk.services.sync_results import (
    ConflictView, ExportResult, FolderResult, FolderStatus, ImportResult, PeerInfo, clock_capped_warning,
)
from safety_desk.settings import Settings
from safety_desk.store.database import APPEND_ONLY, SYNC_MODE, WHOLE_ROW
from safety_desk.store.decision_conflicts import new_decision_ids, record_concurrent_decisions
from safety_desk.store.hazard_history import stored_event_ids
from safety_desk.store.merge import CLOCK_TOLERANCE_MS, MergeContext, merge_changes
from safety_desk.store.office_proofs import keep_proofs, proofs_of
from safety_desk.store.records import Device
from safety_desk.store.scope_moves import ScopeMoves
from safety_desk.store.sync_log import ConflictRow, SyncLog
from safety_desk.sync.bundle import (
    ENROL_SUFFIX, MAX_CHANGE_CELLS, MAX_CHANGE_LINES, MAX_CHANGES_BYTES, SUFFIX, BundleRejected, OpenedBundle,
    open_bundle, write_bundle,
)
from safety_desk.sync.change_codec import decode_changes, encode_changes, fitting_seq
from safety_desk.sync.clock_order import backwards_refusals, latest_write
from safety_desk.sync.folder_layout import bundle_name, bundles_from, inbox, mark_used, set_aside, waiting_bundles
from safety_desk.sync.key_binding import key_binding, sender_key
from safety_desk.sync.office_proof import proof_key, proof_of, proven, written_clock
from safety_desk.sync.history_checks import refusing_rest
from safety_desk.sync.row_checks import device_refuser
from safety_desk.sync.scope_checks import change_key
from safety_desk.sync.seal import Recipient, device_recipient, enrolment_recipient, my_keys
from safety_desk.sync.sender_checks import accepted_sender, office_claims

Progress = Callable[[int, int], None]
# What one exported bundle holds at most: below what a peer reads (sync/bundle.py), with room to spare.
EXPORT_CHANGES_BYTES = MAX_CHANGES_BYTES * 9 // 10
EXPORT_CHANGE_LINES = MAX_CHANGE_LINES * 9 // 10
EXPORT_CHANGE_CELLS = MAX_CHANGE_CELLS * 9 // 10
_ALWAYS_WHOLE = frozenset({"office", "device", "person", "district", "district_member"})


class SyncProblem(ValueError):
    """A sync request that cannot be done as asked (no such peer, no folder set, a revoked device...)."""


def no_progress(done: int, total: int) -> None:
    pass


# -- the service ------------------------------------------------------------------------------------

class SyncService:
    """Bundles, the sync folder, peers and conflicts for one open store (the CLI's or the GUI's session)."""

    def __init__(self, session: Session, settings: Settings | None = None, *,
                 wall_ms: Callable[[], int] | None = None, tolerance_ms: int = CLOCK_TOLERANCE_MS) -> None:
        self.session = session
        self.store = session.store
        self.db = session.store.db
        self.log = SyncLog(self.db)
        self.local_state = session.store.local_state
        self.settings = settings or Settings()
        self._wall_ms = wall_ms or session.clock.epoch_ms
        self.tolerance_ms = tolerance_ms
        self._in_pass = False  # in a sync-folder pass: one backup for all its imports (backup)
        self._pass_backup: Path | None = None
        self._relayed: list[Change] = []

    # -- identity and peers -----------------------------------------------------------------------
    def this_device(self) -> Device:
        device = self.store.devices.get(self.db.device_id)
        if device is None:
            raise SyncProblem(say("此数据库不是已登记的设备",
                                  "this database is not an enrolled device: run `safety-desk init` for an office, or `safety-desk device join FILE` for another"))
        return device

    def is_office(self) -> bool:
        return self.this_device().role == "office"

    def _peer_devices(self) -> list[Device]:
        me = self.this_device()
        devices = self.store.devices.active()
        if me.role == "office":
            return [d for d in devices if d.id != me.id and d.role != "office"]
        office = self.local_state.office_device_id()
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

    def unsynced(self) -> int:
        """What the status bar says is not yet synced: the Sync page's "changes waiting" for the peer furthest
        behind, the one with the oldest acknowledgement (on a device, its office). Counting every row past the oldest
        acknowledgement instead said 4,103 on a freshly joined laptop whose Sync page said 0: the rows it had just
        received from the office. One count whatever the number of devices: the status bar asks after every write,
        and the office has one peer per enterprise."""
        acked = {state.device_id: state.acked_seq for state in self.log.peers()}
        behind = min((device.id for device in self._peer_devices() if device.revoked_at is None),
                     key=lambda device_id: acked.get(device_id, 0), default=None)
        return 0 if behind is None else self.log.waiting_rows(acked.get(behind, 0), behind)

    def changes_waiting(self, peer_id: str) -> int:
        """Records changed here that the peer has not acknowledged (those it sent us excepted)."""
        return self.log.waiting_rows(self.log.peer(peer_id).acked_seq, peer_id)

    def _resolve_peer(self, wanted: str | None) -> Device:
        peers = self._peer_devices()
        if wanted:
            matches = [d for d in peers if d.id == wanted or d.name == wanted]
            if not matches:
                raise SyncProblem(say(f"--for {wanted}: 没有这个同步对象",
                                      f"--for {wanted}: no peer device with this id or name"))
            if len(matches) > 1:
                raise SyncProblem(say(f"--for {wanted}: 有多台设备同名，请用设备编号",
                                      f"--for {wanted}: several devices have this name: give the device id"))
            return matches[0]
        live = [d for d in peers if d.revoked_at is None]
        if len(live) != 1:
            raise SyncProblem(say("请用 --for 指定接收设备",
                                  f"name the receiving device with --for; this device has {len(live)} peers"))
        return live[0]

    def _scope_of(self, device: Device) -> Scope:
        return Scope.of(device.id, device.role, device.scope)

    # -- export ----------------------------------------------------------------------------------
    def export(self, to: Path | str, for_device: str | None = None, report: Progress | None = None, *,
               sealed: bool = True) -> ExportResult:
        """Write a bundle for one peer into folder `to` (named <sender>-<n>.sdsync), or to the file `to`; `sealed`:
        see sync_folder."""
        peer = self._resolve_peer(for_device)
        to = Path(to)
        return self._export(peer, to if to.suffix in (SUFFIX, ENROL_SUFFIX) else None,
                            to if to.suffix not in (SUFFIX, ENROL_SUFFIX) else None, report or no_progress,
                            sealed=sealed)

    def _export(self, peer: Device, file: Path | None, folder: Path | None, report: Progress,
                kind: str = "sync", extra: dict[str, Any] | None = None, *, sealed: bool = True,
                seal_to: Recipient | None = None) -> ExportResult:
        """`seal_to`: whom to seal the file to instead (an enrolment file: its passphrase's key)."""
        me = self.this_device()
        if me.revoked_at is not None:
            raise SyncProblem(say("此设备已被安全办停用，不能再导出", "this device was revoked by the safety office"))
        if peer.revoked_at is not None and kind != "sync":
            raise SyncProblem(say(f"设备“{peer.name}”已被停用", f"device {peer.name} was revoked"))
        state = self.log.peer(peer.id)
        upto = self.log.last_seq()
        index = self.log.scope_index(self._scope_of(peer))
        after = state.acked_seq
        if kind == "sync" and self.log.cell_seq("device", peer.id, "scope") > after:
            after = 0  # the device's scope changed: send everything it now covers (it drops nothing it has)
        changes = self.log.changes_for(index, peer.id, after, upto, echo_upto=self.local_state.resend_upto(peer.id))
        changes = self._with_proofs(me, peer, changes)  # before the cut: proofs take room in the bundle
        if peer.revoked_at is not None:
            # A revoked device gets nothing more but the news of its revocation (its own device record).
            changes = [c for c in changes if c.table == "device" and c.row_id == peer.id]
        if after == state.acked_seq:
            # More than a peer may read in one bundle (sync/bundle.py caps): send the writes up to a seq that
            # fits; the peer acknowledges it and the next bundle carries on from there. (A full resend after a
            # scope change goes whole: its acknowledgement could not move on part by part.)
            cut = fitting_seq(changes, max_bytes=EXPORT_CHANGES_BYTES, max_lines=EXPORT_CHANGE_LINES,
                              max_cells=EXPORT_CHANGE_CELLS)
            if cut is not None and cut < upto:
                # The few records saying who is who go whole (joining checks them; resent later, harmlessly).
                upto = cut
                changes = [c for c in changes if c.seq <= cut or c.table in _ALWAYS_WHOLE]
        notices = (notices_for(self.db, self.log, peer, self._scope_of(peer), state.acked_seq, index.enterprise_ids)
                   if me.role == "office" else {})
        if notices.get("refused") and peer.revoked_at is None:
            # With each refusal the value we kept (our cell, with its clock), so the peer's copy agrees with ours.
            sent = {(c.table, c.row_id, c.field) for c in changes}
            changes += self._with_proofs(me, peer, [c for c in kept_for(self.log, index, notices)
                                                    if (c.table, c.row_id, c.field) not in sent])
        changes, photos = self.log.with_photos(peer.id, state.acked_seq, changes)
        changes = self._with_proofs(me, peer, changes)  # the photo records added
        for photo_id in photos:
            if not media_path(self.store.media_dir, photo_id).exists():
                raise SyncProblem(say(f"照片文件缺失：{photo_id[:12]}…；未导出",
                                      f"the file of photo {photo_id} is missing; run `safety-desk doctor`; nothing was exported"))
        total = len(changes) + len(photos)
        report(0, total)
        bundle_id = new_id()
        clocks = [c.clock for c in changes]
        manifest: dict[str, Any] = {
            "kind": kind, "bundle_id": bundle_id, "sender": me.id, "sender_role": me.role, "recipient": peer.id,
            "scope": self._scope_of(peer).as_json(), "created": self.db.now_iso(), "created_ms": self._wall_ms(),
            "clock_min": min(clocks) if clocks else None, "clock_max": max(clocks) if clocks else None,
            "after_seq": state.acked_seq, "upto_seq": upto, "ack": state.received_seq,
            "previous": state.last_manifest or "", "counts": {"changes": len(changes), "photos": len(photos)},
            "clock_ahead_ms": self.local_state.clock_ahead_ms(peer.id),
            **manifest_fields(self.local_state, peer.id),
            **conflict_forwarding.outgoing(self.db, self.local_state, me_office=me.role == "office",
                                           peer_id=peer.id, peer_office=peer.role == "office"),
        }
        manifest.update(notices)
        binding = key_binding(me, self.local_state.public_key(), self.local_state.enrolment_token())
        if binding:
            manifest["key_binding"] = binding
        manifest.update(extra or {})
        data = encode_changes(changes)
        report(len(changes), total)

        photo_key = photo_key_for(self.store.path)

        def photo_files():
            # Opened here (a sealed file's plaintext): the bundle carries photos as the signed bundle carries them.
            for done, photo_id in enumerate(photos, start=1):
                try:
                    data = read_photo(self.store.media_dir, photo_id, photo_key)
                except UnreadableMedia:
                    raise SyncProblem(say(f"照片文件已损坏：{photo_id[:12]}…；未导出",
                                          f"the file of photo {photo_id} is damaged; run `safety-desk doctor`; nothing was exported")) from None
                yield photo_id, data
                report(len(changes) + done, total)

        private = self.local_state.private_key()
        if not private:
            raise SyncProblem(say("此数据库没有设备密钥", "this database has no device key"))
        with self.db.transaction():
            # The counter is read inside the write transaction: two processes of this device never pick one name.
            counter = self.local_state.bundle_counter() + 1
            name = bundle_name(me.id, counter, kind, self.local_state.sync_epoch())
            target = file if file is not None else Path(folder) / name
            path, digest = write_bundle(target, manifest, data, photo_files(), private,
                                        seal_to=seal_to or (self._seal_to(peer) if kind == "sync" and sealed
                                                            else None))
            try:
                self.local_state.set_bundle_counter(counter)
                self.local_state.set_epoch_sent(peer.id, self.local_state.sync_epoch())
                self.log.note_export(peer.id, at=self.db.now_iso(), sent_ack=state.received_seq, sent_upto=upto,
                                     file_name=path.name, manifest_sha256=digest)
                self.log.note_photos_sent(peer.id, photos, upto)
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        report(total, total)
        return ExportResult(path, bundle_id, peer.id, len(changes), len(photos),
                            len(notices.get("refused", ())) + len(notices.get("out_of_scope", ())))

    # -- import ----------------------------------------------------------------------------------
    def _public_key_for(self, manifest: dict[str, Any]) -> str:
        name = manifest.get("_file", "bundle")
        sender = accepted_sender(name, manifest, self.this_device(), self.store.devices.get(manifest["sender"]))
        return sender_key(name, sender, manifest.get("key_binding"), self.local_state.issued_token(sender.id))

    def open(self, path: Path | str) -> OpenedBundle:
        path = Path(path)

        def key_for(manifest: dict[str, Any]) -> str:
            return self._public_key_for({**manifest, "_file": path.name})

        keys = my_keys(self.local_state.private_key(), self.local_state.enrolment_token(), self.db.device_id)
        return open_bundle(path, key_for, unseal=(self.db.device_id, keys))

    def _seal_to(self, peer: Device) -> Recipient:
        """The key a bundle to `peer` is sealed to (sync/seal.py): its own, or, until the office has it (it comes
        with the device's first bundle), the one derived from the token of its enrolment. A sync bundle is never
        written in clear."""
        recipient = self._recipient(peer)
        if recipient is None:
            raise SyncProblem(say(f"设备“{peer.name}”的密钥未知，无法为它加密同步包",
                                  f"the key of device {peer.name} is unknown: no bundle can be sealed to it"))
        return recipient

    def _recipient(self, peer: Device) -> Recipient | None:
        if peer.public_key:
            return device_recipient(peer.public_key)
        token = self.local_state.sealing_token(peer.id)
        return enrolment_recipient(token, peer.id) if token else None

    def import_bundle(self, path: Path | str, report: Progress | None = None) -> ImportResult:
        """Check and apply one bundle (all or nothing); a bundle seen before is a reported no-op."""
        with collector_paused():  # bulk decode and merge: see services/collector_pause.py
            return self._import_bundle(path, report)

    def _import_bundle(self, path: Path | str, report: Progress | None = None) -> ImportResult:
        report = report or no_progress
        path = Path(path)
        opened = self.open(path)
        manifest = opened.manifest
        sender = self.store.devices.require(manifest["sender"])
        result = ImportResult(path, manifest["bundle_id"], sender.id, sender.name)
        if self.log.bundle_seen(manifest["bundle_id"]):
            result.duplicate = True
            return result
        self._relayed: list[Change] = []  # other devices' writes handed back with our proof (_office_claims)
        columns = {t: set(self.db.columns(t)) for t in SYNC_MODE}
        proofs: list[tuple[str, str, str, dict[str, str]]] = []  # the office's proofs the lines carry
        changes = decode_changes(opened.change_lines(), columns, path.name, proofs)
        counts = manifest.get("counts")
        if not isinstance(counts, dict) or counts.get("changes") != len(changes):
            raise BundleRejected(say(f"{path.name}: 修改条数与清单不符；数据库未作任何更改",
                                     f"{path.name}: the number of changes does not match the manifest; nothing was changed"))
        # The row checks of a device's changes: one sequence, shared with the network hub (sync/row_checks.py).
        refuse = (device_refuser(sender, changes, StoreRows(self.db, self.log, sender))
                  if sender.role != "office" else None)
        epoch = manifest.get("epoch") if isinstance(manifest.get("epoch"), str) else ""
        latest: tuple[int, str] | None = None  # the sender's latest write here: the mark its later ones must pass
        if sender.role != "office" and self.is_office():
            refuse = self._office_claims(changes, proofs, refuse, sender)
            refuse = refusing_rest(refuse, backwards_refusals(
                changes, sender.id, self.local_state.clock_mark(sender.id, epoch),
                lambda ids: stored_event_ids(self.db.conn, ids), self.tolerance_ms))
            latest = latest_write(changes, sender.id, self._wall_ms(), self.tolerance_ms)
        bundled = set(opened.photo_ids)
        photo_rows = sorted({c.row_id for c in of_tables(changes, {"photo"})})
        missing = [p for p in photo_rows if p not in bundled and not self._photo_file_ok(p, sealed=False)]
        if missing:
            raise BundleRejected(say(f"{path.name}: 缺少照片 {missing[0][:12]}…；数据库未作任何更改",
                                     f"{path.name}: photo {missing[0]} is listed but its file is neither in the bundle nor here; nothing was changed"))
        # A photo that is not one as devices keep them (media/received.py) is not kept; its record is refused.
        unfit = {photo_id: problem for photo_id in sorted(bundled) if not self._photo_file_ok(photo_id)
                 and (problem := received_photo_problem(opened.photo_bytes(photo_id)))}
        if unfit:
            refuse = refusing_rest(refuse, {change_key(c): say(
                f"照片 {c.row_id}：{unfit[c.row_id]}，未接收", f"photo {c.row_id}: {unfit[c.row_id]}; not taken")
                for c in of_tables(changes, {"photo"}) if c.row_id in unfit})
        result.changes = len(changes)
        result.backup = self.backup()
        photo_key = photo_key_for(self.store.path)
        for photo_id in sorted(bundled - set(unfit)):
            target = media_path(self.store.media_dir, photo_id)
            if not self._photo_file_ok(photo_id):
                write_media(target, opened.photo_bytes(photo_id), photo_key)
        result.photos = len(bundled) - len(unfit)
        peer = self.log.peer(sender.id)
        now_ms = self._wall_ms()
        ctx = MergeContext(source=sender.id, received_before=peer.received_seq,
                           sender_ack=min(manifest["ack"], self.log.last_seq()), now_ms=now_ms,
                           tolerance_ms=self.tolerance_ms,
                           refuse=refuse, cap_times=sender.role != "office" and self.is_office(),
                           on_row=report)
        # Our own cells clocked beyond our wall clock + tolerance were written while this device's clock ran
        # ahead: the sender's values win over them. Judged by our wall clock alone, never by the manifest's
        # timing fields (created, created_ms, clock_ahead_ms...), which the sender controls.
        ctx.distrust_own_after_ms = now_ms + self.tolerance_ms
        told: list[str] = []
        dropped_photos: list[str] | None = None  # records left this device's scope: these photos' files go
        try:
            with self.db.transaction():
                if self.log.bundle_seen(manifest["bundle_id"]):
                    # Another process of this device (the GUI and a script) imported it meanwhile.
                    result.duplicate = True
                    return result
                incarnations = settle_incarnations(self.local_state, self.log, manifest, sender.id,
                                                   resend_own=self.is_office())
                peer = self.log.peer(sender.id)
                ctx.received_before = peer.received_seq if incarnations.current else 0
                ctx.sender_ack = min(manifest["ack"], self.log.last_seq()) if incarnations.ack_counts else 0
                before_seq = self.log.last_seq()
                if sender.role == "office" and not self.is_office():
                    ctx.yield_cells = cells_taken_back(self.db, manifest)
                decisions = [c.row_id for c in of_tables(changes, {"hazard_event"}) if c.field == WHOLE_ROW
                             and isinstance(c.value, dict) and c.value.get("kind") in DECISION_KINDS]
                arrived = new_decision_ids(self.db, decisions) if decisions else set()
                merged = merge_changes(self.db, changes, ctx)
                if arrived:
                    merged.conflicts += record_concurrent_decisions(
                        self.db, arrived, source=sender.id, sender_ack=ctx.sender_ack, before_seq=before_seq)
                refusals: list[str] = []
                if sender.role != "office" and self.is_office():
                    forwarded, refusals = conflict_forwarding.take_in(
                        self.db, self.local_state, manifest, sender_id=sender.id, sender_name=sender.name,
                        index=self.log.scope_index(self._scope_of(sender)), row_values=self.log.row_scope_values)
                    merged.conflicts += forwarded
                elif sender.role == "office" and incarnations.ack_counts:
                    conflict_forwarding.take_acknowledgement(self.db, self.local_state, manifest)
                if not incarnations.current and self.is_office():
                    # Writes the sender made before its restore and lost: they go back to it like the others.
                    self.local_state.set_resend_upto(sender.id, self.log.last_seq())
                if sender.role != "office":
                    after_merge_at_office(self.db, sender, changes)
                mark = self.local_state.clock_mark(sender.id, epoch)
                if latest is not None and incarnations.current and (mark is None or latest[1] > mark[1]):
                    self.local_state.set_clock_mark(sender.id, epoch, *latest)
                if sender.id in merged.drift:
                    # Told back to the device in our next bundles, so it lets our values win over its own
                    # far-future cells (store/merge.py); cleared when its changes arrive with sane clocks.
                    self.local_state.set_clock_ahead_ms(sender.id, merged.drift[sender.id][0])
                elif changes and self.local_state.clock_ahead_ms(sender.id):
                    self.local_state.set_clock_ahead_ms(sender.id, 0)
                if not sender.public_key:
                    binding = manifest["key_binding"]
                    self.store.devices.update(sender.id, public_key=binding["public_key"])
                    self.local_state.mark_token_used(sender.id)
                    enrol_file = self.local_state.enrolment_file(sender.id)
                    if enrol_file:  # the file the office wrote, if it is still there, says it was used
                        mark_used(Path(enrol_file), f"used by {sender.name} ({sender.id})")
                received = peer.received_seq
                if incarnations.current and manifest["after_seq"] <= peer.received_seq:
                    received = manifest["upto_seq"]
                now = self.db.now_iso()
                self.log.note_import(sender.id, at=now, acked_seq=ctx.sender_ack, received_seq=received)
                self.log.record_bundle(bundle_id=manifest["bundle_id"], sender=sender.id, recipient=self.db.device_id,
                                       file_name=path.name, manifest_sha256=opened.manifest_sha256, at=now,
                                       changes=len(changes), applied=merged.cells_applied)
                self.log.note_photos_received(sender.id, sorted(bundled | set(photo_rows)))
                if sender.role == "office" and self.this_device().role != "office":
                    keep_proofs(self.db.conn, proofs)
                    told, dropped_photos = take_notices(self.db, self.log, self.this_device(), sender, manifest,
                                                        changes, now)
                    # An enterprise's report held as a preview goes in the transaction that brings its records,
                    # whatever carried the office's bundle (hub, sync folder, file): never shown as both; and with
                    # its enterprise when that left this device's scope.
                    previews = HubPreviewService(self.store)
                    previews.drop_arrived()
                    if dropped_photos is not None:
                        previews.drop_unheld()
        except BaseException:
            self.db.reload_clock()
            raise
        if dropped_photos is not None:
            self._after_scope_drop(dropped_photos)
        mine = Timestamp.parse(self.db.clock.last).wall_ms
        result.add_merge(merged, own_clock_ahead=mine > now_ms + self.tolerance_ms)
        result.refused.extend(refusals)
        if self._relayed:
            result.warnings.extend(self._relayed_taken(sender, self._relayed))
        if sender.role == "office" and self.this_device().role != "office":
            result.warnings.extend(told)
        return result

    def _after_scope_drop(self, photo_ids: list[str]) -> None:
        """After an import that dropped records out of this device's scope (committed): remove the files of the
        photos whose records went (and their thumbnails), and empty the -wal file of the old pages."""
        still = self.log.photo_ids_present(photo_ids)
        for photo_id in photo_ids:
            if photo_id in still:
                continue
            media_path(self.store.media_dir, photo_id).unlink(missing_ok=True)
            for thumbnail in (self.store.media_dir / THUMBS_DIR / photo_id[:2]).glob(f"{photo_id}-*.jpg"):
                thumbnail.unlink(missing_ok=True)
        ScopeMoves(self.db).truncate_wal()

    def _office_claims(self, changes: list[Change], proofs: list[tuple[str, str, str, dict[str, str]]],
                       refuse: Refuser | None, sender: Device) -> Refuser | None:
        """At the office: a device's changes written with our own clock are taken as ours only with our proof
        (sync/office_proof.py; `proofs` as decode_changes gives them): our writes a restore lost, handed back;
        the others are refused. A change of a third device that carries a proof (one we relayed, handed back after
        our restore) is taken as we took it then only when the proof matches, and refused when it does not; one
        without a proof is judged as the sender's like the rest (and refused: it is not the sender's)."""
        me = self.db.device_id
        by_line = {(table, row_id, clock): cells for table, row_id, clock, cells in proofs}
        claimed = [c for c in changes if device_of(written_clock(c)) == me]
        relayed = [c for c in changes if device_of(written_clock(c)) not in (me, sender.id)
                   and by_line.get((c.table, c.row_id, c.clock), {}).get(c.field) is not None]
        if not claimed and not relayed:
            return refuse
        for change in claimed + relayed:
            change.proof = by_line.get((change.table, change.row_id, change.clock), {}).get(change.field)
        key = proof_key(self.local_state.private_key() or "")
        proven_keys = {change_key(c) for c in claimed + relayed if proven(key, c)}
        # What the office is told it took back: those it did not hold already (an echo changes nothing).
        self._relayed = [c for c in relayed if change_key(c) in proven_keys
                         and self.log.cell_clock(c.table, c.row_id, c.field) != c.clock]
        return office_claims(refuse, proven_keys, {change_key(c) for c in claimed + relayed}, self.log.cell_clock)

    def _relayed_taken(self, sender: Device, relayed: list[Change]) -> list[str]:
        """What the office is told of other devices' writes a device handed back after our restore."""
        by_writer: dict[str, int] = {}
        for change in relayed:
            writer = device_of(written_clock(change))
            by_writer[writer] = by_writer.get(writer, 0) + 1
        told = []
        for writer, count in sorted(by_writer.items()):
            device = self.store.devices.get(writer)
            name = device.name if device else writer
            revoked = device.revoked_at if device and device.revoked_at else None
            state = say(f"（已于 {revoked} 停用）", f" (revoked on {revoked})") if revoked else ""
            told.append(say(f"设备“{sender.name}”交回了设备“{name}”{state}的 {count} 项修改：本机恢复备份时丢失，"
                            "凭安全办当初接收时的凭证重新接收",
                            f"device “{sender.name}” handed back {count} change(s) of device “{name}”{state}: lost "
                            "when this computer restored a backup, taken again by the proofs the office gave them"))
        return told

    def _with_proofs(self, me: Device, peer: Device, changes: list[Change]) -> list[Change]:
        """Our own writes with our proof, for a device (the office); the office's writes with the proofs it gave,
        for the office, less writes of third devices we hand back after its restore (they come from their
        writers, and the office would refuse them from us)."""
        if me.role == "office":
            # Every change we send but the recipient's own: our writes, and the writes of other devices we took
            # (a proof says we accepted it). A restored office takes either back from any device that holds it.
            key = proof_key(self.local_state.private_key() or "")
            for change in changes:
                if change.proof is None and device_of(written_clock(change)) != peer.id:
                    change.proof = proof_of(key, change)
            return changes
        if peer.role != "office":
            return changes
        resend = self.local_state.resend_upto(peer.id)
        third = ([c for c in changes if c.seq <= resend and not c.capped_from
                  and device_of(written_clock(c)) not in (me.id, peer.id)] if resend else [])
        theirs = [c for c in changes if c.proof is None and device_of(written_clock(c)) == peer.id] + third
        if theirs:
            kept = proofs_of(self.db.conn, [(c.table, c.row_id, written_clock(c)) for c in theirs])
            for change in theirs:
                change.proof = kept.get((change.table, change.row_id, written_clock(change)), {}).get(change.field)
        if third:
            # Writes of third devices we hold go back to a restored office only with the proof it gave us: it takes
            # them as it took them before (their writer may have been revoked since); the others come from their
            # writers.
            unproven = {id(c) for c in third if c.proof is None}
            changes = [c for c in changes if id(c) not in unproven]
        return changes

    def _photo_file_ok(self, photo_id: str, *, sealed: bool = True) -> bool:
        """The photo's file is here and whole (`sealed`: and sealed when the database is encrypted, else the
        bundle's copy replaces it, sealed)."""
        return holds(media_path(self.store.media_dir, photo_id), photo_id, photo_key_for(self.store.path),
                     sealed=sealed)

    def backup(self) -> Path:
        """A copy of the database before an import, in the backups folder with the others (services/backups.py:
        rotated with the other pre-import backups; listed and restorable from Settings). A pass through a sync
        folder (or the network hub, services/hub_sync.py) backs up once, before its first import: that copy undoes
        the pass, and the office taking in 2,000 enterprises' bundles in one pass copies the city's database once,
        not 2,000 times."""
        if self._pass_backup is not None:
            return self._pass_backup
        from safety_desk.services.backups import take_backup

        path = take_backup(self.store, reason="import").path
        if self._in_pass:
            self._pass_backup = path
        return path

    def clock_warning(self) -> str | None:
        """The visible warning that this device's own clock ran too far ahead and was capped (None: never)."""
        return clock_capped_warning(self.db.clock_capping())

    # -- the sync folder ---------------------------------------------------------------------------
    def folder(self, path: Path | str | None = None) -> Path:
        chosen = path or self.settings.sync_folder
        if not chosen:
            raise SyncProblem(say("未设置同步文件夹", "no sync folder: give PATH or set it in the settings"))
        folder = Path(chosen)
        if not folder.is_dir():
            raise SyncProblem(say(f"{folder}: 同步文件夹不存在或无法访问",
                                  f"{folder}: the sync folder does not exist or cannot be reached"))
        return folder

    def sync_folder(self, path: Path | str | None = None, report: Progress | None = None, *,
                    sealed: bool = True) -> FolderResult:
        """One pass: import every new bundle addressed to this device (from <folder>/to-<this device id>/,
        deleting each once imported), then write one into each peer's to-<id>/ that has something new for
        it (changes, or an acknowledgement). Bundles are written under a temporary name and renamed, so
        devices using the folder at the same time never read half a file. They are sealed to their recipient
        (sync/seal.py) unless `sealed` is False: the hub's mirror (services/hub_sync.py), whose bundles travel over
        the hub's authenticated connection and are checked there, which a bundle sealed to the office would not
        allow; they lie in the mirror only for the length of one exchange."""
        report = report or no_progress
        folder = self.folder(path)
        result = FolderResult(folder)
        me = self.this_device()
        waiting = waiting_bundles(inbox(folder, me.id))
        peers = self._peer_devices()
        total = len(waiting) + len(peers)
        done = 0
        seen = self.log.imported_file_names()
        self._in_pass, self._pass_backup = True, None
        try:
            for bundle in waiting:
                try:
                    if bundle.name not in seen:
                        result.imported.append(self.import_bundle(bundle))
                    bundle.unlink(missing_ok=True)
                except BundleRejected as exc:
                    result.rejected.append(str(exc))
                    set_aside(bundle)
                done += 1
                report(done, total)
        finally:
            self._in_pass, self._pass_backup = False, None
        # Read again after the imports: a device's first bundle gives the office its key (and uses up the enrolment
        # token the stale record would have been sealed with), and an import may enrol or revoke a peer.
        peers = self._peer_devices()
        total = done + len(peers)
        # A revoked device still gets its revocation (and nothing else: see _export); one that has just learnt
        # of its own revocation writes nothing.
        if self.this_device().revoked_at is not None:
            peers = []
        for peer in peers:
            if self._recipient(peer) is None:
                # No key to seal to (a device revoked before it ever synced): it gets nothing, in clear or not.
                done += 1
                report(done, total)
                continue
            state = self.log.peer(peer.id)
            outbox = inbox(folder, peer.id)
            # A database restored from a backup tells each peer of its new incarnation even with nothing new for it
            # (services/sync_incarnation.py): the peer then sends back what the restore lost.
            announce = self.local_state.epoch_sent(peer.id) != self.local_state.sync_epoch()
            if self.log.last_seq() > state.sent_upto or state.received_seq > state.sent_ack or announce:
                outbox.mkdir(parents=True, exist_ok=True)
                exported = self._export(peer, None, outbox, no_progress, sealed=sealed)
                if (exported.changes or exported.photos or exported.notices
                        or state.received_seq > state.sent_ack or announce):
                    result.exported.append(exported)
                    # Our older bundles still waiting there hold nothing the new one does not (it starts at the
                    # peer's latest acknowledgement): remove them, so a peer away for weeks finds one file.
                    for older in bundles_from(outbox, me.id):
                        if older.name != exported.path.name:
                            try:
                                older.unlink()
                            except OSError:
                                pass  # the peer has it open (Windows): it is harmless to read it as well
                else:
                    with self.db.transaction():
                        self.log.note_export(peer.id, at=self.db.now_iso(), sent_ack=state.received_seq,
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
        outgoing = {peer.id: len(bundles_from(inbox(folder, peer.id), me)) for peer in self._peer_devices()}
        return FolderStatus(chosen, True, True, len(waiting_bundles(inbox(folder, me))), outgoing)

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
            raise SyncProblem(say(f"冲突 {conflict_id} 不存在", f"no conflict {conflict_id}"))
        if row.kind != "value" or SYNC_MODE.get(row.tbl) == APPEND_ONLY:
            raise SyncProblem(say("只有字段值冲突可以改用另一个值", "only a field's value conflict can keep the other value"))
        if row.resolved_at is not None:
            raise SyncProblem(say("此冲突已处理", "this conflict was already resolved"))
        current = self.log.row_scope_values(row.tbl, row.row_id)
        if current is None:
            raise SyncProblem(say(f"{row.tbl} {row.row_id} 不存在", f"{row.tbl} {row.row_id}: the record is not here"))
        values = ({k: v for k, v in row.lost_value.items() if k != "id"} if row.field == WHOLE_ROW
                  else {row.field: row.lost_value})
        me = self.this_device()
        for column in values:
            reason = ownership_problem(me.role, row.tbl, column, current, {**current, **values})
            if reason:
                raise PermissionDenied(reason)
        if row.tbl == "hazard" or "enterprise_id" in current:
            enterprise_id = current.get("enterprise_id") if row.tbl != "enterprise" else row.row_id
            if enterprise_id:
                self.session.require_enterprise(enterprise_id)
        with self.db.transaction():
            self.db.update(row.tbl, row.row_id, values)
            self.log.resolve_conflict(conflict_id, at=self.db.now_iso(), resolution="kept_other")
        return self._view(self.log.conflict(conflict_id))

    def dismiss(self, conflict_id: str) -> None:
        """Mark a conflict reviewed, keeping the merged value."""
        with self.db.transaction():
            self.log.resolve_conflict(conflict_id, at=self.db.now_iso(), resolution="kept")
