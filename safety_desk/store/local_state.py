"""This device's own state in the local_state table (never synced): identity, keys, enrolment, sync counters.

Every key of the table is named here and nowhere else; callers read and write typed values. The key texts are
those of every database written so far (no migration): change one and existing installations lose it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from safety_desk.domain.ids import new_id
from safety_desk.store.audit import HEAD_KEY

if TYPE_CHECKING:
    from safety_desk.store.database import Database

# What the office keeps in place of an enrolment token once it is spent.
TOKEN_USED = "used"
TOKEN_REVOKED = "revoked"


_SYNC_EPOCH = "sync_epoch"


def begin_incarnation(conn: sqlite3.Connection) -> str:
    """Give a database restored from a backup a new sync incarnation (returned): its peers then know that its write
    sequence numbers and bundle names start over, instead of taking them for ones they have already seen."""
    # A UUIDv7's time and some of its random bits: later restores sort later, short enough for bundle names.
    epoch = new_id().replace("-", "")[:20]
    conn.execute("INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET"
                 " value = excluded.value", (_SYNC_EPOCH, epoch))
    return epoch


class LocalState:
    """Typed reads and writes of local_state; writes join the caller's transaction like every store write."""

    def __init__(self, db: "Database") -> None:
        self.db = db

    def _int(self, key: str) -> int:
        return int(self.db.local(key) or 0)

    # -- who this database is ------------------------------------------------------------------
    def device_id(self) -> str | None:
        """The device this database is (set once, at init or join); None before that."""
        return self.db.local("device_id")

    def set_device_id(self, device_id: str) -> None:
        self.db.set_local("device_id", device_id)

    def private_key(self) -> str | None:
        """This device's Ed25519 private key (PEM); it never leaves the database."""
        return self.db.local("private_key")

    def set_private_key(self, pem: str) -> None:
        self.db.set_local("private_key", pem)

    def public_key(self) -> str | None:
        """A joined device's own public key (PEM), bound to its enrolment in its bundles until the office has it.
        The office's is in its device record only."""
        return self.db.local("public_key")

    def set_public_key(self, pem: str) -> None:
        self.db.set_local("public_key", pem)

    # -- enrolment: on a joined device ---------------------------------------------------------
    def enrolment_token(self) -> str | None:
        """The one-time token of this device's enrolment file (proves its new key to the office)."""
        return self.db.local("enrol_token")

    def office_device_id(self) -> str | None:
        """The office device this one was enrolled by and exchanges bundles with."""
        return self.db.local("office_device_id")

    def record_enrolment(self, *, token: str, office_device_id: str, role: str) -> None:
        """What `device join` keeps of the enrolment file."""
        self.db.set_local("enrol_token", token)
        self.db.set_local("office_device_id", office_device_id)
        self.db.set_local("enrolled_role", role)

    # -- enrolment: on the office, per device it enrolled --------------------------------------
    def issued_token(self, device_id: str) -> str | None:
        """The token written into the device's enrolment file, or TOKEN_USED / TOKEN_REVOKED once spent."""
        return self.db.local(f"enrol_token:{device_id}")

    def set_issued_token(self, device_id: str, token: str) -> None:
        self.db.set_local(f"enrol_token:{device_id}", token)

    def mark_token_used(self, device_id: str) -> None:
        """The device's key arrived bound to its token: the token proves nothing any more."""
        self.db.set_local(f"enrol_token:{device_id}", TOKEN_USED)

    def enrolment_file(self, device_id: str) -> str | None:
        """Where the office wrote the device's enrolment file (marked used there once the device has joined)."""
        return self.db.local(f"enrol_file:{device_id}")

    def set_enrolment_file(self, device_id: str, path: str) -> None:
        self.db.set_local(f"enrol_file:{device_id}", path)

    def mark_token_revoked(self, device_id: str) -> None:
        """The device was revoked: its enrolment file must not make a device any more. A token not yet used is kept
        apart, only to seal the news of the revocation to a device whose own key never arrived (sync/seal.py)."""
        token = self.issued_token(device_id)
        if token and token not in (TOKEN_USED, TOKEN_REVOKED):
            self.db.set_local(f"enrol_seal:{device_id}", token)
        self.db.set_local(f"enrol_token:{device_id}", TOKEN_REVOKED)

    def sealing_token(self, device_id: str) -> str | None:
        """The enrolment token a bundle to the device is sealed with while its own key is unknown (None: none)."""
        token = self.issued_token(device_id)
        if token and token not in (TOKEN_USED, TOKEN_REVOKED):
            return token
        return self.db.local(f"enrol_seal:{device_id}") if token == TOKEN_REVOKED else None

    # -- sync counters ---------------------------------------------------------------------------
    def bundle_counter(self) -> int:
        """The number in the name of the last bundle this device wrote (0: none yet)."""
        return self._int("bundle_counter")

    def set_bundle_counter(self, number: int) -> None:
        self.db.set_local("bundle_counter", str(number))

    def clock_ahead_ms(self, device_id: str) -> int:
        """How far ahead the device's clock ran in its last bundle (0: not ahead, or never seen)."""
        return self._int(f"clock_ahead:{device_id}")

    def set_clock_ahead_ms(self, device_id: str, ahead_ms: int) -> None:
        self.db.set_local(f"clock_ahead:{device_id}", str(ahead_ms))

    def acknowledged_seq(self) -> int:
        """The last write of ours every live peer has confirmed (0: none yet)."""
        return self._int("acknowledged_seq")

    def set_acknowledged_seq(self, seq: int) -> None:
        self.db.set_local("acknowledged_seq", str(seq))

    def leaving_enterprises(self) -> list[str]:
        """Enterprises the office said left this device's scope whose rows are still here (dropped once every
        write made here to them has reached the office)."""
        text = self.db.local("leaving_enterprises")
        return sorted(json.loads(text)) if text else []

    def set_leaving_enterprises(self, enterprise_ids: list[str]) -> None:
        self.db.set_local("leaving_enterprises", json.dumps(sorted(set(enterprise_ids))))

    # -- the database's own bookkeeping ------------------------------------------------------------
    def last_clock(self) -> str | None:
        """The hybrid logical clock's last value as committed (other processes of this device continue it)."""
        return self.db.local("hlc")

    def set_last_clock(self, clock: str) -> None:
        self.db.set_local("hlc", clock)

    def clock_capped(self) -> dict | None:
        """The last time this device's own hybrid clock was found too far ahead of its wall clock and capped:
        {"from_ms", "to_ms", "at"} (None: never). Shown by doctor and `sync status`."""
        text = self.db.local("clock_capped")
        if not text:
            return None
        try:
            found = json.loads(text)
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    def set_clock_capped(self, *, seen_ms: int, capped_ms: int, at: str) -> None:
        self.db.set_local("clock_capped", json.dumps({"from_ms": seen_ms, "to_ms": capped_ms, "at": at}))

    def audit_head(self) -> str | None:
        """Where the audit chain ended at the last commit (store/audit.py), to notice entries cut off its end."""
        return self.db.local(HEAD_KEY)

    def set_audit_head(self, head: str) -> None:
        self.db.set_local(HEAD_KEY, head)

    # -- sync incarnations: restores from backups (DESIGN.md §4) -------------------------------------
    def sync_epoch(self) -> str:
        """This database's sync incarnation: "" until it is first restored from a backup (begin_incarnation)."""
        return self.db.local(_SYNC_EPOCH) or ""

    def peer_epoch(self, device_id: str) -> str:
        """The incarnation of the peer that our sync counters for it count the writes of ("" at first)."""
        return self.db.local(f"peer_epoch:{device_id}") or ""

    def set_peer_epoch(self, device_id: str, epoch: str) -> None:
        self.db.set_local(f"peer_epoch:{device_id}", epoch)

    def epoch_sent(self, device_id: str) -> str:
        """Our incarnation as last told to the peer in a bundle ("" at first: also before any restore)."""
        return self.db.local(f"epoch_sent:{device_id}") or ""

    def set_epoch_sent(self, device_id: str, epoch: str) -> None:
        self.db.set_local(f"epoch_sent:{device_id}", epoch)

    def heard_epoch(self, device_id: str) -> str:
        """On the office: our incarnation the device last wrote a bundle to ("" at first): one it wrote for an older
        incarnation of ours has not handed back yet what our restore lost of its writes."""
        return self.db.local(f"heard_epoch:{device_id}") or ""

    def set_heard_epoch(self, device_id: str, epoch: str) -> None:
        self.db.set_local(f"heard_epoch:{device_id}", epoch)

    def clock_mark(self, device_id: str, epoch: str) -> tuple[int, str] | None:
        """On the office: (seq, clock) of the latest-clocked write received from the device itself in its incarnation
        `epoch` (None: none yet, or the mark is of another incarnation). sync/clock_order.py"""
        text = self.db.local(f"clock_mark:{device_id}")
        if not text:
            return None
        mark = json.loads(text)
        return (int(mark["seq"]), str(mark["clock"])) if mark.get("epoch") == epoch else None

    def set_clock_mark(self, device_id: str, epoch: str, seq: int, clock: str) -> None:
        self.db.set_local(f"clock_mark:{device_id}", json.dumps({"epoch": epoch, "seq": seq, "clock": clock}))

    def resend_upto(self, device_id: str) -> int:
        """Our writes up to this seq go to the peer even those it sent us: it was restored and lost them (0: none)."""
        return self._int(f"resend_upto:{device_id}")

    def set_resend_upto(self, device_id: str, seq: int) -> None:
        self.db.set_local(f"resend_upto:{device_id}", str(seq))

    # -- the network hub (services/hub_sync.py) ------------------------------------------------------
    def hub_synced_at(self) -> str | None:
        """When this device last finished an exchange with its hub (ISO time), for the status bar."""
        return self.db.local("hub_synced_at")

    def set_hub_synced_at(self, at: str) -> None:
        self.db.set_local("hub_synced_at", at)

    # -- conflicts a device forwards to the office ----------------------------------------------------
    def conflicts_forwarded(self) -> int:
        """On a device: its conflicts up to this number (conflict rowid) the office has confirmed having."""
        return self._int("conflicts_forwarded")

    def set_conflicts_forwarded(self, number: int) -> None:
        self.db.set_local("conflicts_forwarded", str(number))

    def conflicts_from(self, device_id: str) -> int:
        """At the office: the device's conflicts up to this number of its own have arrived here."""
        return self._int(f"conflicts_from:{device_id}")

    def set_conflicts_from(self, device_id: str, number: int) -> None:
        self.db.set_local(f"conflicts_from:{device_id}", str(number))
