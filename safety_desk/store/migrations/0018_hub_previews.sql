-- On an inspector's or leader's device: an enterprise's uploads the network hub has taken and the office has not
-- yet judged, shown as "awaiting the office's confirmation" (services/hub_previews.py). Local only, never synced
-- and never part of the records: no write_log, no row_clock, no audit; the hub's listing replaces them whole at
-- each exchange. Photos are kept here, not in the media folder, so an encrypted database keeps them encrypted and
-- dropping a preview leaves nothing behind.
CREATE TABLE hub_preview (
    bundle_id     TEXT PRIMARY KEY,
    sender_id     TEXT NOT NULL,
    sender_name   TEXT NOT NULL DEFAULT '',
    enterprise_id TEXT,
    taken_ms      INTEGER NOT NULL,
    changes       TEXT NOT NULL,  -- change_codec's changes.jsonl text, as the hub listed it
    received_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE hub_preview_photo (
    bundle_id TEXT NOT NULL REFERENCES hub_preview (bundle_id) ON DELETE CASCADE,
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
    data      BLOB NOT NULL,
    PRIMARY KEY (bundle_id, sha256)
) WITHOUT ROWID;
