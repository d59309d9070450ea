-- On a device: the office's proofs of authorship of the cells it wrote (sync/office_proof.py), one row per row and
-- office write as its bundles carried them, so the device can hand the office's writes back to an office restored
-- from a backup that lost them, and the office can tell them from a device writing in its name. Local, never
-- synced; it grows with the office's writes the device received, as write_log does.
CREATE TABLE office_proof (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    clock  TEXT NOT NULL,
    proofs TEXT NOT NULL,  -- JSON: field -> proof
    PRIMARY KEY (tbl, row_id, clock)
) WITHOUT ROWID;
