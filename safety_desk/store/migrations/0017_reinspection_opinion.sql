-- A 整改复查意见书 is issued with its verdict: the verified or rejected event keeps the opinion's content
-- (canonical JSON) and its seal, so it travels by sync with the event and every device prints that one copy.
-- NULL on every other event, and on verdicts recorded before this version (they print as they did: the copy
-- kept in the device's filing table, or from the records).
ALTER TABLE hazard_event ADD COLUMN opinion TEXT;
ALTER TABLE hazard_event ADD COLUMN opinion_seal TEXT;
