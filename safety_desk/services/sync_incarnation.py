"""Sync incarnations: a database restored from a backup starts over its write sequence, so peers must notice.

A restore (store/restore.py) gives the database a new epoch. Every bundle says the sender's epoch and the epoch
of the recipient it counted for (what its acknowledgement refers to). On import:
- a sender in a new epoch was restored: our counters for it are set to what it says it has (lower, not only
  higher), so what it lost comes again and its new writes, numbered like old ones, are not taken as seen; the
  office also sends it back its own writes it had sent before (they are in the office, not in the backup);
- a late bundle of a sender's older epoch is merged but counts for nothing (epochs sort by the time of the
  restore, "" first);
- an acknowledgement counted for an older epoch of ours is ignored: it acknowledges writes the restore dropped,
  and would hide the new ones that reuse their numbers.
A restored office gets from each device that device's own writes again, and the office's own writes the device
holds, each with the proof the office gave it (sync/office_proof.py: the office takes a write in its own name only
with its proof); what other devices wrote reaches it from them, and also from any device it relayed them to,
with the proof the office gave when it relayed them (their writer may have been revoked since). What a device wrote
that the office lost and relayed to no one comes back only from that device: revoking a device that has not
written to the office since its restore records that gap for the office to see (services/devices.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safety_desk.store.local_state import LocalState
from safety_desk.store.sync_log import SyncLog


def manifest_fields(local_state: LocalState, peer_id: str) -> dict[str, str]:
    """What a bundle for `peer_id` says of incarnations."""
    return {"epoch": local_state.sync_epoch(), "recipient_epoch": local_state.peer_epoch(peer_id)}


def _text(manifest: dict[str, Any], key: str) -> str:
    value = manifest.get(key)
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class Incarnations:
    """What a bundle's epochs mean for our counters of its sender."""

    ack_counts: bool  # its acknowledgement was counted for our current epoch
    current: bool     # it comes from the sender's current epoch (not a late bundle of a replaced one)


def settle_incarnations(local_state: LocalState, log: SyncLog, manifest: dict[str, Any], sender_id: str, *,
                        resend_own: bool) -> Incarnations:
    """Adjust our counters for the sender before its bundle is merged (in the import's transaction).
    `resend_own`: we are the office, so a restored sender gets back what it had sent us. A bundle of an epoch
    older than the sender's latest (written before the restore, read after) is merged, its writes are real, but
    its numbers count for nothing."""
    epoch = _text(manifest, "epoch")
    known = local_state.peer_epoch(sender_id)
    if epoch < known:
        return Incarnations(ack_counts=False, current=False)
    ack_counts = _text(manifest, "recipient_epoch") == local_state.sync_epoch()
    if ack_counts and resend_own:
        local_state.set_heard_epoch(sender_id, local_state.sync_epoch())  # its writes since our restore are here
    if epoch != known:
        after = manifest.get("after_seq") if isinstance(manifest.get("after_seq"), int) else 0
        ack = manifest.get("ack") if isinstance(manifest.get("ack"), int) else 0
        log.restart_peer(sender_id, acked_seq=min(max(ack, 0), log.last_seq()) if ack_counts else 0,
                         received_seq=max(after, 0) if ack_counts else 0)
        local_state.set_peer_epoch(sender_id, epoch)
        if resend_own:
            local_state.set_resend_upto(sender_id, log.last_seq())
            local_state.set_conflicts_from(sender_id, 0)  # its conflict numbers start over too
        else:
            local_state.set_conflicts_forwarded(0)  # the restored office lost the conflicts we sent it
            # ... and what it wrote after its backup: we hand back its writes we hold, with its proofs.
            local_state.set_resend_upto(sender_id, log.last_seq())
    return Incarnations(ack_counts, current=True)
