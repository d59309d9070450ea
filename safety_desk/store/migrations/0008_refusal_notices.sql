-- Refused changes the office still has to tell their sender about (issue #13): each refusal of a bundle's rows
-- takes one write_log seq, so the notice rides in every bundle to that device until it acknowledges the seq.
CREATE TABLE sync_refusal (
    conflict_id TEXT PRIMARY KEY,
    peer_id     TEXT NOT NULL,
    seq         INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_refusal_by_peer ON sync_refusal (peer_id, seq);
