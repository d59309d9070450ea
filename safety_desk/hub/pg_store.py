"""The hub's PostgreSQL store: its numbered migrations and every SQL statement of the hub (psycopg 3).

What it keeps: the hub's identity and the office's key, the office's device list, every accepted bundle (its
signed manifest, signature and changes) with the photos it carries stored once by sha256, which bundle each
device acknowledged, the request nonces seen (replays), when each device was last seen, and the office's rows
(migration 2: their current values, the clock and write seq of each cell, the enterprises' latest moves; the row
checks read them in hub/pg_rows.py). Every request that
writes does so in one transaction, its nonce with it: a refused or interrupted request writes nothing.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from safety_desk.domain.language import say
from safety_desk.services.hub_gate import HubRefused, RegisteredDevice
from safety_desk.services.hub_rows import FeedCursor, FeedPart
from safety_desk.store.records import Device

# Numbered migrations, each applied in one transaction with its number; never edit one that shipped.
MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE hub_identity (
    one               BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    hub_id            TEXT NOT NULL,
    name              TEXT NOT NULL,
    office_device_id  TEXT NOT NULL,
    office_public_key TEXT NOT NULL,
    office_name       TEXT NOT NULL,
    enrolled_ms       BIGINT NOT NULL,
    registry_ms       BIGINT NOT NULL,
    registry_version  BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE device (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    scope       JSONB NOT NULL,
    public_key  TEXT NOT NULL,
    revoked_at  TEXT,
    token       TEXT
);
CREATE TABLE photo (
    sha256  TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size    BIGINT NOT NULL,
    data    BYTEA NOT NULL
);
CREATE TABLE bundle (
    seq              BIGSERIAL UNIQUE,
    bundle_id        TEXT PRIMARY KEY,
    sender           TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    manifest_sha256  TEXT NOT NULL,
    manifest         BYTEA NOT NULL,
    signature        BYTEA NOT NULL,
    changes          BYTEA,
    change_count     INTEGER NOT NULL,
    size             BIGINT NOT NULL,
    received_ms      BIGINT NOT NULL,
    acked_ms         BIGINT,
    superseded_by    TEXT
);
CREATE INDEX bundle_waiting ON bundle (recipient, seq) WHERE acked_ms IS NULL AND superseded_by IS NULL;
CREATE TABLE bundle_photo (
    bundle_id  TEXT NOT NULL REFERENCES bundle (bundle_id),
    sha256     TEXT NOT NULL REFERENCES photo (sha256),
    PRIMARY KEY (bundle_id, sha256)
);
CREATE TABLE request_nonce (
    device_id  TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    seen_ms    BIGINT NOT NULL,
    PRIMARY KEY (device_id, nonce)
);
CREATE INDEX request_nonce_seen ON request_nonce (seen_ms);
CREATE TABLE device_activity (
    device_id         TEXT PRIMARY KEY,
    first_seen_ms     BIGINT NOT NULL,
    last_seen_ms      BIGINT NOT NULL,
    last_upload_ms    BIGINT,
    last_sync_ms      BIGINT
);
"""),
    (2, """
CREATE TABLE office_row (
    tbl     TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    data    JSONB NOT NULL,
    clocks  JSONB NOT NULL,
    seqs    JSONB NOT NULL,
    PRIMARY KEY (tbl, row_id)
);
CREATE INDEX office_row_enterprise ON office_row (tbl, (data->>'enterprise_id'));
CREATE INDEX office_row_district ON office_row (tbl, (data->>'district_id'));
CREATE INDEX office_row_hazard ON office_row ((data->>'hazard_id')) WHERE tbl = 'hazard_event';
CREATE INDEX office_row_inspection ON office_row ((data->>'inspection_id')) WHERE tbl = 'answer';
CREATE TABLE office_move (
    enterprise_id  TEXT PRIMARY KEY,
    left_district  TEXT,
    to_district    TEXT,
    clock          TEXT NOT NULL
);
CREATE TABLE office_feed (
    one          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    epoch        TEXT NOT NULL,
    upto         BIGINT NOT NULL,
    complete     BOOLEAN NOT NULL,
    columns      JSONB NOT NULL,
    received_ms  BIGINT NOT NULL
);
"""),
    (3, """
ALTER TABLE office_feed ADD COLUMN acked JSONB NOT NULL DEFAULT '{}'::jsonb;
"""),
    # What an inspector's device is shown of an enterprise's upload until the office has judged it
    # (services/hub_relay.py): dropped when the office acknowledges the upload or a later one supersedes it.
    (4, """
CREATE TABLE preview (
    recipient      TEXT NOT NULL,
    bundle_id      TEXT NOT NULL REFERENCES bundle (bundle_id),
    enterprise_id  TEXT NOT NULL,
    changes        BYTEA NOT NULL,
    photos         TEXT[] NOT NULL,
    PRIMARY KEY (recipient, bundle_id)
);
CREATE INDEX preview_bundle ON preview (bundle_id);
"""),
]
LATEST = MIGRATIONS[-1][0]
# Nonces older than this cannot be replayed anyway (the request's time would be refused): they are dropped.
NONCE_KEEP_MS = 15 * 60 * 1000


class HubStoreError(RuntimeError):
    """The hub's database cannot be used as asked (the message in the language the program was started with)."""


class Connections:
    """A few open connections kept for the next requests (one request, one connection at a time). A connection
    that broke (PostgreSQL restarted) is dropped; work that failed on a kept connection before PostgreSQL answered
    is tried once more on a new one: each unit of work is one transaction, so nothing of the first try remains."""

    def __init__(self, url: str, keep: int = 8) -> None:
        self.url = url
        self.keep = keep
        self._idle: list[psycopg.Connection] = []
        self._lock = threading.Lock()

    def run(self, work: Callable[[psycopg.Connection], Any]) -> Any:
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is not None:
            try:
                return self._finish(conn, work(conn))
            except psycopg.OperationalError:
                conn.close()
            except BaseException:
                self._give_back(conn)
                raise
        conn = connect(self.url)
        try:
            result = work(conn)
        except psycopg.OperationalError as exc:
            conn.close()
            first = str(exc).strip().splitlines()[0] if str(exc) else exc
            raise HubStoreError(say(f"PostgreSQL 出错：{first}", f"PostgreSQL failed: {first}")) from None
        except BaseException:
            self._give_back(conn)
            raise
        return self._finish(conn, result)

    def _finish(self, conn: psycopg.Connection, result: Any) -> Any:
        self._give_back(conn)
        return result

    def _give_back(self, conn: psycopg.Connection) -> None:
        if conn.closed or conn.broken:
            conn.close()
            return
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


@dataclass(frozen=True)
class Identity:
    hub_id: str
    name: str
    office_device_id: str
    office_public_key: str
    office_name: str
    registry_ms: int


@dataclass(frozen=True)
class StoredBundle:
    bundle_id: str
    file_name: str
    manifest: bytes
    signature: bytes
    changes: bytes | None
    photos: list[tuple[str, bytes]]


def connect(url: str) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc) else exc
        raise HubStoreError(say(f"无法连接 PostgreSQL 数据库：{first}", f"cannot connect to the PostgreSQL database: {first}")) \
            from None


def schema_version(conn: psycopg.Connection) -> int:
    with conn.transaction():
        exists = conn.execute("SELECT to_regclass('hub_schema') IS NOT NULL").fetchone()[0]
        if not exists:
            return 0
        return conn.execute("SELECT coalesce(max(version), 0) FROM hub_schema").fetchone()[0]


def migrate(conn: psycopg.Connection, now_ms: int) -> list[int]:
    """Apply the migrations this database lacks, each in one transaction (an advisory lock keeps two hubs
    migrating at once apart). Refuses a database newer than the program."""
    applied = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(72023118)")
        conn.execute("CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)")
    version = schema_version(conn)
    if version > LATEST:
        raise HubStoreError(say(f"集线器数据库的版本（{version}）比本程序新（{LATEST}）：请升级程序",
                                f"the hub's database is of version {version}, newer than this program's ({LATEST}): upgrade the program"))
    for number, sql in MIGRATIONS:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(72023118)")
            done = conn.execute("SELECT 1 FROM hub_schema WHERE version = %s", (number,)).fetchone()
            if done:
                continue
            conn.execute(sql)
            conn.execute("INSERT INTO hub_schema (version, applied_ms) VALUES (%s, %s)", (number, now_ms))
            applied.append(number)
    return applied


def require_ready(conn: psycopg.Connection) -> Identity:
    version = schema_version(conn)
    if version == 0:
        raise HubStoreError(say("集线器数据库尚未初始化：请先运行 `safety-desk hub init`",
                                "the hub's database is not initialised: run `safety-desk hub init` first"))
    if version > LATEST:
        raise HubStoreError(say(f"集线器数据库的版本（{version}）比本程序新（{LATEST}）：请升级程序",
                                f"the hub's database is of version {version}, newer than this program's ({LATEST}): upgrade the program"))
    if version < LATEST:
        raise HubStoreError(say(f"集线器数据库需要升级（{version} → {LATEST}）：请运行 `safety-desk hub init`",
                                f"the hub's database needs upgrading ({version} → {LATEST}): run `safety-desk hub init`"))
    identity = identity_of(conn)
    if identity is None:
        raise HubStoreError(say("集线器数据库尚未登记：请先运行 `safety-desk hub init --enrolment FILE`",
                                "the hub's database is not enrolled: run `safety-desk hub init --enrolment FILE` first"))
    return identity


def identity_of(conn: psycopg.Connection) -> Identity | None:
    with conn.transaction():
        row = conn.execute("SELECT hub_id, name, office_device_id, office_public_key, office_name, registry_ms "
                           "FROM hub_identity").fetchone()
    return Identity(*row) if row else None


def adopt_identity(conn: psycopg.Connection, enrolment: dict[str, Any], registry_ms: int,
                   devices: list[RegisteredDevice], now_ms: int) -> bool:
    """Take the enrolment's identity and device list; False when this database is this hub already (unchanged).
    Refuses a database that is another hub."""
    with conn.transaction():
        row = conn.execute("SELECT hub_id FROM hub_identity FOR UPDATE").fetchone()
        if row is not None:
            if row[0] != enrolment["hub_id"]:
                raise HubStoreError(say("此数据库已属于另一个集线器，未作任何更改",
                                        "this database belongs to another hub; nothing was changed"))
            return False
        conn.execute("INSERT INTO hub_identity (hub_id, name, office_device_id, office_public_key, office_name, "
                     "enrolled_ms, registry_ms) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                     (enrolment["hub_id"], enrolment["name"], enrolment["office_device_id"],
                      enrolment["office_public_key"], enrolment.get("office_name") or "", now_ms, registry_ms))
        _put_devices(conn, devices, enrolment)
    return True


def _put_devices(conn: psycopg.Connection, devices: Iterable[RegisteredDevice], identity: Any) -> None:
    office_id = identity["office_device_id"] if isinstance(identity, dict) else identity.office_device_id
    office_key = identity["office_public_key"] if isinstance(identity, dict) else identity.office_public_key
    for entry in devices:
        d = entry.device
        # The office's key is the one its hub was enrolled with: a device list never changes it.
        key = office_key if d.id == office_id else d.public_key
        conn.execute("INSERT INTO device (id, name, role, scope, public_key, revoked_at, token) "
                     "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, "
                     "role = EXCLUDED.role, scope = EXCLUDED.scope, public_key = EXCLUDED.public_key, "
                     "revoked_at = EXCLUDED.revoked_at, token = EXCLUDED.token",
                     (d.id, d.name, d.role, json.dumps(d.scope), key, d.revoked_at, entry.token))


def registry_version(conn: psycopg.Connection) -> int | None:
    """A number that changes each time the office's device list is replaced (what the app's cache checks)."""
    with conn.transaction():
        row = conn.execute("SELECT registry_version FROM hub_identity").fetchone()
    return row[0] if row else None


def registry(conn: psycopg.Connection) -> dict[str, RegisteredDevice]:
    with conn.transaction():
        rows = conn.execute("SELECT id, name, role, scope, public_key, revoked_at, token FROM device").fetchall()
    return {r[0]: RegisteredDevice(Device(id=r[0], name=r[1], role=r[2], public_key=r[4], enrolled_at="",
                                          scope=r[3] or {}, revoked_at=r[5]), r[6]) for r in rows}


def _take_nonce(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int) -> None:
    """Within the caller's transaction: a request's nonce, once; a second use is a replay."""
    taken = conn.execute("INSERT INTO request_nonce (device_id, nonce, seen_ms) VALUES (%s, %s, %s) "
                         "ON CONFLICT DO NOTHING RETURNING 1", (device_id, nonce, now_ms)).fetchone()
    if taken is None:
        raise HubRefused(401, say("重复的请求（重放）已拒绝", "a request seen before (a replay) is refused"))
    conn.execute("DELETE FROM request_nonce WHERE seen_ms < %s", (now_ms - NONCE_KEEP_MS,))


def _seen(conn: psycopg.Connection, device_id: str, now_ms: int, *, upload: bool = False, sync: bool = False) -> None:
    conn.execute("INSERT INTO device_activity (device_id, first_seen_ms, last_seen_ms, last_upload_ms, last_sync_ms) "
                 "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE SET "
                 "last_seen_ms = EXCLUDED.last_seen_ms, "
                 "last_upload_ms = coalesce(EXCLUDED.last_upload_ms, device_activity.last_upload_ms), "
                 "last_sync_ms = coalesce(EXCLUDED.last_sync_ms, device_activity.last_sync_ms)",
                 (device_id, now_ms, now_ms, now_ms if upload else None, now_ms if sync else None))


def note_request(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int) -> None:
    """A read request: its nonce taken and the device seen, in one transaction."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)


def store_bundle(conn: psycopg.Connection, *, device_id: str, nonce: str, now_ms: int, bundle_id: str,
                 recipient: str, file_name: str, manifest: bytes, manifest_sha256: str, signature: bytes,
                 changes: bytes | None, change_count: int, size: int, photos: Iterable[tuple[str, bytes]],
                 previews: Iterable[Any] = ()) -> bool:
    """Keep an accepted bundle, its photos once each, and what devices are shown of it until the office judges it
    (`previews`: services/hub_relay.Preview); False when it was here already (nothing changes but the request's
    nonce). A bundle id seen with another manifest is refused."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms, upload=True)
        row = conn.execute("SELECT manifest_sha256 FROM bundle WHERE bundle_id = %s FOR UPDATE",
                           (bundle_id,)).fetchone()
        if row is not None:
            if row[0] != manifest_sha256:
                raise HubRefused(409, say("同一同步包编号的内容不同，已拒绝",
                                          "a bundle of the same id with other contents is refused"))
            return False
        conn.execute("INSERT INTO bundle (bundle_id, sender, recipient, file_name, manifest_sha256, manifest, "
                     "signature, changes, change_count, size, received_ms) "
                     "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                     (bundle_id, device_id, recipient, file_name, manifest_sha256, manifest, signature, changes,
                      change_count, size, now_ms))
        for sha256, data in photos:
            conn.execute("INSERT INTO photo (sha256, size, data) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                         (sha256, len(data), data))
            conn.execute("INSERT INTO bundle_photo (bundle_id, sha256) VALUES (%s, %s)", (bundle_id, sha256))
        for preview in previews:
            conn.execute("INSERT INTO preview (recipient, bundle_id, enterprise_id, changes, photos) "
                         "VALUES (%s, %s, %s, %s, %s)", (preview.recipient, bundle_id, preview.enterprise_id,
                                                         preview.changes, list(preview.photos)))
        # The sender's older bundles to this recipient still waiting hold nothing the new one does not (it starts
        # at the recipient's latest acknowledgement), as in a sync folder: the recipient is offered the new one.
        conn.execute("UPDATE bundle SET superseded_by = %s WHERE sender = %s AND recipient = %s "
                     "AND bundle_id <> %s AND acked_ms IS NULL AND superseded_by IS NULL",
                     (bundle_id, device_id, recipient, bundle_id))
        # The new bundle holds what they did: so does its preview.
        conn.execute("DELETE FROM preview WHERE bundle_id IN (SELECT bundle_id FROM bundle WHERE superseded_by = %s)",
                     (bundle_id,))
    return True


def bundle_known(conn: psycopg.Connection, bundle_id: str, manifest_sha256: str) -> bool:
    """This very bundle is kept here already."""
    with conn.transaction():
        return conn.execute("SELECT 1 FROM bundle WHERE bundle_id = %s AND manifest_sha256 = %s",
                            (bundle_id, manifest_sha256)).fetchone() is not None


def waiting(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int) -> list[dict[str, Any]]:
    """The bundles addressed to the device it has not acknowledged, oldest first (the request noted)."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        cur = conn.cursor(row_factory=dict_row)
        return cur.execute("SELECT bundle_id, file_name, size, change_count AS changes FROM bundle "
                           "WHERE recipient = %s AND acked_ms IS NULL AND superseded_by IS NULL ORDER BY seq",
                           (device_id,)).fetchall()


def bundle_for(conn: psycopg.Connection, device_id: str, bundle_id: str, nonce: str, now_ms: int) -> StoredBundle:
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        row = conn.execute("SELECT file_name, manifest, signature, changes FROM bundle "
                           "WHERE bundle_id = %s AND recipient = %s", (bundle_id, device_id)).fetchone()
        if row is None:
            raise HubRefused(404, say("没有发给此设备的这个同步包", "no such bundle for this device"))
        photos = conn.execute("SELECT p.sha256, p.data FROM bundle_photo b JOIN photo p ON p.sha256 = b.sha256 "
                              "WHERE b.bundle_id = %s ORDER BY p.sha256", (bundle_id,)).fetchall()
    return StoredBundle(bundle_id, row[0], bytes(row[1]), bytes(row[2]), bytes(row[3]) if row[3] is not None
                        else None, [(sha, bytes(data)) for sha, data in photos])


def acknowledge(conn: psycopg.Connection, device_id: str, bundle_ids: list[str], nonce: str, now_ms: int) -> int:
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms, sync=True)
        cur = conn.execute("UPDATE bundle SET acked_ms = %s WHERE recipient = %s AND bundle_id = ANY(%s) "
                           "AND acked_ms IS NULL", (now_ms, device_id, bundle_ids))
        count = cur.rowcount
        # The office has judged these uploads: the devices have (or will not have) what it took in its bundles,
        # uploaded before this acknowledgement (services/hub_sync.py).
        conn.execute("DELETE FROM preview WHERE bundle_id IN (SELECT bundle_id FROM bundle WHERE recipient = %s "
                     "AND bundle_id = ANY(%s))", (device_id, bundle_ids))
        return count


# A preview still shown to its recipient (`v.recipient = %s`): its sender neither revoked nor dropped from the office's
# device list, and its enterprise in one of the recipient's districts as the office's rows and device list say now
# (the office may have moved the enterprise, or changed the device's districts, since the hub took the upload).
_SHOWN = ("JOIN bundle b ON b.bundle_id = v.bundle_id JOIN device d ON d.id = b.sender "
          "JOIN device r ON r.id = v.recipient "
          "JOIN office_row e ON e.tbl = 'enterprise' AND e.row_id = v.enterprise_id "
          "WHERE d.revoked_at IS NULL "
          "AND jsonb_exists(coalesce(r.scope->'district_ids', '[]'::jsonb), e.data->>'district_id')")
_STILL_SHOWN = _SHOWN + " AND v.recipient = %s"


def previews_for(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int) -> list[dict[str, Any]]:
    """Every preview still shown to the device (the request noted), oldest first: none of a sender since revoked
    or dropped from the office's device list, nor of an enterprise no longer in the device's districts."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        rows = conn.execute(
            "SELECT v.bundle_id, b.sender, d.name, v.enterprise_id, b.received_ms, v.changes, v.photos "
            f"FROM preview v {_STILL_SHOWN} ORDER BY b.seq", (device_id,)).fetchall()
    return [{"bundle_id": r[0], "sender": r[1], "sender_name": r[2], "enterprise_id": r[3], "taken_ms": r[4],
             "changes": bytes(r[5]).decode("utf-8"), "photos": list(r[6])} for r in rows]


def preview_photo(conn: psycopg.Connection, device_id: str, sha256: str, nonce: str, now_ms: int) -> bytes:
    """A photo named by a preview still shown to the device."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        row = conn.execute("SELECT p.data FROM photo p WHERE p.sha256 = %s AND EXISTS (SELECT 1 FROM preview v "
                           f"{_STILL_SHOWN} AND %s = ANY(v.photos))", (sha256, device_id, sha256)).fetchone()
    if row is None:
        raise HubRefused(404, say("没有给此设备看的这张照片", "no such photo for this device"))
    return bytes(row[0])


def replace_registry(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int, issued_ms: int,
                     devices: list[RegisteredDevice]) -> bool:
    """The office's device list, as it sent it last. (Ordered by arrival, not by the office's clock: a clock put
    right after running ahead must not make the hub ignore a revocation. Two of the office's programs sending at
    once send the same list.) Devices no longer listed are dropped; the office itself stays."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        identity = conn.execute("SELECT hub_id, name, office_device_id, office_public_key, office_name, registry_ms "
                                "FROM hub_identity FOR UPDATE").fetchone()
        ident = Identity(*identity)
        _put_devices(conn, devices, ident)
        listed = [entry.device.id for entry in devices] + [ident.office_device_id]
        conn.execute("DELETE FROM device WHERE id <> ALL(%s)", (listed,))
        conn.execute("UPDATE hub_identity SET registry_ms = %s, registry_version = registry_version + 1",
                     (issued_ms,))
    return True


def metrics(conn: psycopg.Connection) -> dict[str, Any]:
    with conn.transaction():
        seen = conn.execute("SELECT count(*) FROM device_activity").fetchone()[0]
        per_device = conn.execute(
            "SELECT d.id, d.name, d.role, coalesce(w.bundles, 0), coalesce(w.changes, 0), a.last_seen_ms, "
            "a.last_sync_ms FROM device d "
            "LEFT JOIN (SELECT recipient, count(*) AS bundles, sum(change_count) AS changes FROM bundle "
            "           WHERE acked_ms IS NULL AND superseded_by IS NULL GROUP BY recipient) w ON w.recipient = d.id "
            "LEFT JOIN device_activity a ON a.device_id = d.id ORDER BY d.id").fetchall()
        shown = dict(conn.execute(f"SELECT v.recipient, count(*) FROM preview v {_SHOWN} GROUP BY v.recipient"
                                  ).fetchall())  # what each device is shown now, as previews_for lists it
        totals = conn.execute("SELECT (SELECT count(*) FROM bundle), (SELECT count(*) FROM photo), "
                              "(SELECT coalesce(sum(size), 0) FROM photo)").fetchone()
    return {"devices_seen": seen, "bundles": totals[0], "photos": totals[1], "photo_bytes": totals[2],
            "devices": [{"id": r[0], "name": r[1], "role": r[2], "bundles_waiting": r[3], "changes_waiting": r[4],
                         "last_seen_ms": r[5], "last_sync_ms": r[6], "previews": shown.get(r[0], 0)}
                        for r in per_device]}


# -- the office's rows (services/hub_rows.py) ---------------------------------------------------------

def office_cursor(conn: psycopg.Connection) -> tuple[FeedCursor, dict[str, set[str]] | None]:
    """Where the hub's copy of the office's rows stands (FeedCursor), and the office's columns
    (None: the office has sent none yet)."""
    with conn.transaction():
        row = conn.execute("SELECT epoch, upto, complete, columns, acked FROM office_feed").fetchone()
    if row is None:
        return FeedCursor(), None
    return FeedCursor(row[0], row[1], row[2], row[4]), {t: set(c) for t, c in row[3].items()}


def take_office_rows(conn: psycopg.Connection, device_id: str, nonce: str, now_ms: int,
                     part: FeedPart) -> FeedCursor:
    """Apply one part of the office's feed (services/hub_rows.py) in one transaction; returns the cursor. A feed
    starts where the hub stands, or at 0 (its first part then empties the copy: a restored office, a hub that holds
    nothing yet); a part out of line is refused (409) and changes nothing. Each cell keeps its latest write by the
    office's seq, so parts sent again are harmless; the final part moves the cursor and replaces the moves."""
    with conn.transaction():
        _take_nonce(conn, device_id, nonce, now_ms)
        _seen(conn, device_id, now_ms)
        row = conn.execute("SELECT epoch, upto, complete, acked FROM office_feed FOR UPDATE").fetchone()
        complete = bool(row and row[2])
        if part.first and part.after == 0:
            conn.execute("DELETE FROM office_row")
            complete = False
        elif row is None or row[0] != part.epoch or row[1] != part.after:
            raise HubRefused(409, say("安全办数据的这一部分与集线器已有的不衔接，请重新同步",
                                  "this part of the office's rows does not follow on from what the hub holds: sync again"))
        keys = sorted({(c.table, c.row_id) for c in part.changes})
        held: dict[tuple[str, str], tuple[dict, dict, dict]] = {}
        for start in range(0, len(keys), 1000):
            chunk = keys[start:start + 1000]
            for tbl, row_id, data, clocks, seqs in conn.execute(
                    "SELECT tbl, row_id, data, clocks, seqs FROM office_row WHERE (tbl, row_id) IN "
                    "(SELECT * FROM unnest(%s::text[], %s::text[]))",
                    ([k[0] for k in chunk], [k[1] for k in chunk])):
                held[(tbl, row_id)] = (data, clocks, seqs)
        for change in part.changes:
            data, clocks, seqs = held.setdefault((change.table, change.row_id), ({"id": change.row_id}, {}, {}))
            if change.seq <= seqs.get(change.field, 0):
                continue  # a later write of this cell is here already
            if change.field == "*":
                data.clear()
                data.update(change.value)
            else:
                data[change.field] = change.value
            clocks[change.field] = change.clock
            seqs[change.field] = change.seq
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO office_row (tbl, row_id, data, clocks, seqs) VALUES (%s, %s, %s, %s, %s) "
                            "ON CONFLICT (tbl, row_id) DO UPDATE SET data = EXCLUDED.data, clocks = EXCLUDED.clocks, "
                            "seqs = EXCLUDED.seqs",
                            [(t, r, Jsonb(d), Jsonb(c), Jsonb(s)) for (t, r), (d, c, s) in held.items()])
        if part.final:
            conn.execute("DELETE FROM office_move")
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO office_move (enterprise_id, left_district, to_district, clock) "
                                "VALUES (%s, %s, %s, %s)", [(e, *m) for e, m in sorted(part.moves.items())])
        # The devices' confirmations as the office counts them come with the final part (the moves' too).
        acked = part.acked if part.final else ({} if part.first and part.after == 0 else row[3])
        cursor = FeedCursor(part.epoch, part.upto if part.final else part.after, part.final or complete, acked)
        conn.execute("INSERT INTO office_feed (epoch, upto, complete, columns, received_ms, acked) "
                     "VALUES (%s, %s, %s, %s, %s, %s) "
                     "ON CONFLICT (one) DO UPDATE SET epoch = EXCLUDED.epoch, upto = EXCLUDED.upto, "
                     "complete = EXCLUDED.complete, columns = EXCLUDED.columns, received_ms = EXCLUDED.received_ms, "
                     "acked = EXCLUDED.acked",
                     (cursor.epoch, cursor.upto, cursor.complete,
                      Jsonb({t: sorted(c) for t, c in part.columns.items()}), now_ms, Jsonb(acked)))
    return cursor
