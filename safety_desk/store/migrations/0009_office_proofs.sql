-- On a device: the office's proof of authorship of each cell the office wrote (sync/office_proof.py), kept for
-- the latest office write of the cell, so the device can hand that write back to an office restored from a
-- backup that lost it, and the office can tell it from a device writing in its name. Local, never synced.
CREATE TABLE office_proof (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    clock  TEXT NOT NULL,
    proof  TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;
