-- Issued documents are evidence (issue #14): a notice keeps what was issued, a period's statistics what was
-- filed (报出), each with its seal (the signed payload of its QR code), so a reprint is the same paper.

-- The notice as issued, as canonical JSON (items, measures, responsible persons, deadlines, dates, 抄送,
-- inspectors), and its seal. NULL on notices issued before this version: they print from the hazards.
-- The notice row is evidence already (domain/ownership.py ISSUED_TABLES): no peer can change these cells.
ALTER TABLE notice ADD COLUMN content TEXT;
ALTER TABLE notice ADD COLUMN seal TEXT;

-- An inspector's certificate (执法证) number, printed beside the name on the notices the inspector issues.
ALTER TABLE person ADD COLUMN certificate TEXT NOT NULL DEFAULT '';

-- Filed (报出) statistics: one snapshot per kind, period and scope, never changed once filed. Kept on the
-- device that filed them (the office, or an enterprise its own art. 14 filing); they do not travel by sync.
CREATE TABLE filing (
    id        TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    period    TEXT NOT NULL,
    scope     TEXT NOT NULL,
    number    TEXT NOT NULL UNIQUE,
    content   TEXT NOT NULL,
    digest    TEXT NOT NULL,
    seal      TEXT NOT NULL,
    filed_on  TEXT NOT NULL,
    filed_by  TEXT,
    UNIQUE (kind, period, scope)
);
CREATE TRIGGER filing_is_evidence_update BEFORE UPDATE ON filing
BEGIN SELECT RAISE(ABORT, 'filing is append-only: filed statistics are never changed'); END;
CREATE TRIGGER filing_is_evidence_delete BEFORE DELETE ON filing
BEGIN SELECT RAISE(ABORT, 'filing is append-only: filed statistics are never deleted'); END;
