-- Issue 15: a password the office set (or a one-time password it handed out) must be replaced at the person's
-- first sign-in. Synced with the person row, so a laptop asks for a new one as the office does.
ALTER TABLE person ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
