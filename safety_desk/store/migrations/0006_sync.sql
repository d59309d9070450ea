-- Sync without a server (issue #6): what each peer has acknowledged and sent, the bundles seen, photos a
-- peer already holds, and the conflicts table. Every table here is device-local: none of it travels.

-- One row per device this device exchanges bundles with. acked_seq: our writes up to this write_log seq
-- the peer has confirmed; received_seq: the peer's writes up to its seq that we applied (what we
-- acknowledge back); sent_ack and sent_upto: the acknowledgement and the last write our latest bundle to it
-- carried (the sync folder writes a new bundle only when there is more than that to say).
CREATE TABLE sync_peer (
    device_id       TEXT PRIMARY KEY,
    acked_seq       INTEGER NOT NULL DEFAULT 0,
    received_seq    INTEGER NOT NULL DEFAULT 0,
    sent_ack        INTEGER NOT NULL DEFAULT 0,
    sent_upto       INTEGER NOT NULL DEFAULT 0,
    last_export_at  TEXT,
    last_import_at  TEXT,
    last_bundle     TEXT,
    last_manifest   TEXT
) WITHOUT ROWID;

-- Every bundle imported (or refused after its signature checked), so a replay is a reported no-op.
CREATE TABLE sync_bundle (
    bundle_id   TEXT PRIMARY KEY,
    sender      TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    manifest_sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    changes     INTEGER NOT NULL DEFAULT 0,
    applied     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Photos a peer holds: received from it (upto_seq NULL) or sent in a bundle ending at upto_seq, held for
-- sure once the peer acknowledged that seq. A photo file travels to each peer once.
CREATE TABLE sync_photo (
    peer_id  TEXT NOT NULL,
    photo_id TEXT NOT NULL,
    upto_seq INTEGER,
    PRIMARY KEY (peer_id, photo_id)
) WITHOUT ROWID;

-- Two rows with the same unique key (USCC, district code, login, notice number) made on two devices:
-- the row with the smaller id is kept; the other's id is an alias of it from then on.
CREATE TABLE sync_alias (
    tbl     TEXT NOT NULL,
    lost_id TEXT NOT NULL,
    kept_id TEXT NOT NULL,
    PRIMARY KEY (tbl, lost_id)
) WITHOUT ROWID;

-- What merge did not keep, for people to review: kind 'value' (a field's last-writer-wins loser),
-- 'unique' (a whole row that clashed on a unique key), 'refused' (a change to a field the sender's role
-- does not own), 'clock' (a peer's clock far ahead, capped). Values are JSON text.
CREATE TABLE conflict (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('value', 'unique', 'refused', 'clock')),
    tbl          TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    field        TEXT NOT NULL,
    kept_value   TEXT,
    kept_clock   TEXT,
    kept_author  TEXT,
    lost_value   TEXT,
    lost_clock   TEXT,
    lost_author  TEXT,
    source       TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    resolved_at  TEXT,
    resolution   TEXT
);
CREATE INDEX conflict_open ON conflict (resolved_at, detected_at);

-- A write merged from a peer: the device it came from (never sent back to it), and for a peer clock capped on
-- arrival the clock it came with (the stored clock is the capped one).
ALTER TABLE write_log ADD COLUMN received_from TEXT;
ALTER TABLE write_log ADD COLUMN capped_from TEXT;
