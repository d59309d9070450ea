-- SafetyDesk schema, version 1: every record of DESIGN.md §3, the write clocks and the audit chain.
-- Synced records have a UUIDv7 text id; `deleted` is the tombstone field of records several roles edit.

-- Device-local facts that never travel: this device's id and private key, the last clock issued.
CREATE TABLE local_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE office (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    public_key TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE device (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('office', 'leader', 'inspector', 'enterprise')),
    public_key  TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT '{}',
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE district (
    id        TEXT PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    leader_id TEXT REFERENCES person (id),
    deleted   INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE TABLE enterprise (
    id             TEXT PRIMARY KEY,
    uscc           TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
    name           TEXT NOT NULL,
    name_initials  TEXT NOT NULL DEFAULT '',
    district_id    TEXT NOT NULL REFERENCES district (id),
    industry       TEXT NOT NULL,
    risk_class     INTEGER NOT NULL CHECK (risk_class IN (1, 2, 3)),
    high_risk      INTEGER NOT NULL DEFAULT 0 CHECK (high_risk IN (0, 1)),
    address        TEXT NOT NULL DEFAULT '',
    principal      TEXT NOT NULL DEFAULT '',
    safety_officer TEXT NOT NULL DEFAULT '',
    contact_phone  TEXT NOT NULL DEFAULT '',
    tracked_since  TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX enterprise_by_district ON enterprise (district_id, name);
CREATE INDEX enterprise_by_initials ON enterprise (name_initials);

CREATE TABLE person (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    login         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('office', 'leader', 'inspector', 'enterprise')),
    enterprise_id TEXT REFERENCES enterprise (id),
    phone         TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    CHECK ((role = 'enterprise') = (enterprise_id IS NOT NULL))
);

-- 包片联系: which leaders and inspectors serve which district (many to many).
CREATE TABLE district_member (
    id          TEXT PRIMARY KEY,
    district_id TEXT NOT NULL REFERENCES district (id),
    person_id   TEXT NOT NULL REFERENCES person (id),
    role        TEXT NOT NULL CHECK (role IN ('leader', 'inspector')),
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    UNIQUE (district_id, person_id)
);
CREATE INDEX district_member_by_person ON district_member (person_id);

-- A checklist template, immutable per version; id is '<code>@<version>'.
CREATE TABLE checklist (
    id                  TEXT PRIMARY KEY,
    code                TEXT NOT NULL,
    version             INTEGER NOT NULL,
    title               TEXT NOT NULL,
    standard            TEXT NOT NULL,
    standard_superseded INTEGER NOT NULL CHECK (standard_superseded IN (0, 1)),
    effective           TEXT NOT NULL,
    body                TEXT NOT NULL,
    UNIQUE (code, version)
);

CREATE TABLE campaign (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL,
    checklist_ids TEXT NOT NULL DEFAULT '[]',
    target        TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    CHECK (ends_on >= starts_on)
);

CREATE TABLE inspection (
    id                   TEXT PRIMARY KEY,
    enterprise_id        TEXT NOT NULL REFERENCES enterprise (id),
    district_id          TEXT NOT NULL REFERENCES district (id),
    checklist_id         TEXT NOT NULL REFERENCES checklist (id),
    kind                 TEXT NOT NULL CHECK (kind IN ('routine', 'campaign', 'special', 'seasonal',
                             'holiday', 'unannounced', 'self_inspection', 're_inspection')),
    campaign_id          TEXT REFERENCES campaign (id),
    lead_id              TEXT REFERENCES person (id),
    inspector_ids        TEXT NOT NULL DEFAULT '[]',
    started_at           TEXT NOT NULL,
    finished_at          TEXT,
    status               TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    gate_answers         TEXT NOT NULL DEFAULT '{}',
    signature_inspector  TEXT,
    signature_enterprise TEXT,
    corrects_id          TEXT REFERENCES inspection (id)
);
CREATE INDEX inspection_by_enterprise ON inspection (enterprise_id, started_at);
CREATE INDEX inspection_by_district ON inspection (district_id, started_at);
CREATE INDEX inspection_by_start ON inspection (started_at);

CREATE TABLE answer (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspection (id),
    item_code     TEXT NOT NULL,
    result        TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na', 'value')),
    value         TEXT,
    note          TEXT NOT NULL DEFAULT '',
    photos        TEXT NOT NULL DEFAULT '[]',
    answered_at   TEXT NOT NULL,
    UNIQUE (inspection_id, item_code)
);

CREATE TABLE notice (
    id            TEXT PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
    district_id   TEXT NOT NULL REFERENCES district (id),
    issued_on     TEXT NOT NULL,
    issued_by     TEXT REFERENCES person (id),
    reply_due     TEXT NOT NULL,
    reinspect_on  TEXT,
    copy_to       TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX notice_by_enterprise ON notice (enterprise_id, issued_on);

CREATE TABLE drill (
    id            TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise (id),
    district_id   TEXT NOT NULL REFERENCES district (id),
    name          TEXT NOT NULL,
    plan_type     TEXT NOT NULL CHECK (plan_type IN ('综合应急预案', '专项应急预案', '现场处置方案')),
    content       TEXT NOT NULL CHECK (content IN ('综合演练', '单项演练')),
    form          TEXT NOT NULL CHECK (form IN ('实战演练', '桌面演练')),
    scenario      TEXT NOT NULL DEFAULT '',
    held_on       TEXT NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    organiser     TEXT NOT NULL DEFAULT '',
    participants  INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
    evaluation    TEXT NOT NULL DEFAULT '',
    findings      TEXT NOT NULL DEFAULT '',
    photos        TEXT NOT NULL DEFAULT '[]',
    reported_on   TEXT,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX drill_by_enterprise ON drill (enterprise_id, held_on);
CREATE INDEX drill_by_date ON drill (held_on);

CREATE TABLE hazard (
    id                TEXT PRIMARY KEY,
    enterprise_id     TEXT NOT NULL REFERENCES enterprise (id),
    district_id       TEXT NOT NULL REFERENCES district (id),
    inspection_id     TEXT REFERENCES inspection (id),
    item_code         TEXT,
    drill_id          TEXT REFERENCES drill (id),
    campaign_id       TEXT REFERENCES campaign (id),
    source            TEXT NOT NULL CHECK (source IN ('inspection', 'self_inspection', 'drill',
                          'report', 'enforcement', 'import')),
    description       TEXT NOT NULL,
    location          TEXT NOT NULL DEFAULT '',
    category          TEXT NOT NULL DEFAULT '',
    accident_type     TEXT NOT NULL DEFAULT '',
    grade             TEXT NOT NULL CHECK (grade IN ('一般', '重大')),
    basis             TEXT NOT NULL DEFAULT '',
    found_on          TEXT NOT NULL,
    found_by          TEXT REFERENCES person (id),
    measures          TEXT NOT NULL DEFAULT '',
    responsible       TEXT NOT NULL DEFAULT '',
    photos            TEXT NOT NULL DEFAULT '[]',
    notice_id         TEXT REFERENCES notice (id),
    treatment_plan    TEXT,
    supervision_level TEXT CHECK (supervision_level IN ('省', '市', '县')),
    referred_on       TEXT,
    deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX hazard_by_district ON hazard (district_id, found_on);
CREATE INDEX hazard_by_enterprise ON hazard (enterprise_id, found_on);
CREATE INDEX hazard_by_found ON hazard (found_on);
CREATE INDEX hazard_by_grade ON hazard (grade, found_on);
CREATE INDEX hazard_by_notice ON hazard (notice_id) WHERE notice_id IS NOT NULL;
CREATE INDEX hazard_by_inspection ON hazard (inspection_id) WHERE inspection_id IS NOT NULL;

-- Append-only: a hazard's status is the fold of these, in clock order.
CREATE TABLE hazard_event (
    id        TEXT PRIMARY KEY,
    hazard_id TEXT NOT NULL REFERENCES hazard (id),
    kind      TEXT NOT NULL CHECK (kind IN ('created', 'deadline_set', 'deadline_extended', 'progress',
                  'reported_rectified', 'verified', 'rejected', 'reopened', 'comment')),
    at        TEXT NOT NULL,
    by_id     TEXT REFERENCES person (id),
    clock     TEXT NOT NULL,
    deadline  TEXT,
    reason    TEXT NOT NULL DEFAULT '',
    photos    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX hazard_event_by_hazard ON hazard_event (hazard_id, clock);

-- Derived, never synced: the fold of each hazard's events, kept so the ledger can filter and sort
-- 200,000 hazards by status and deadline through an index. Rewritten with every event append;
-- `safety-desk doctor` checks it against a fresh fold.
CREATE TABLE hazard_state (
    hazard_id    TEXT PRIMARY KEY REFERENCES hazard (id),
    status       TEXT NOT NULL,
    deadline     TEXT,
    rectified_at TEXT,
    closed_at    TEXT
) WITHOUT ROWID;
CREATE INDEX hazard_state_by_status ON hazard_state (status, deadline);
CREATE INDEX hazard_state_by_deadline ON hazard_state (deadline);
CREATE INDEX hazard_state_by_closed ON hazard_state (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE training (
    id            TEXT PRIMARY KEY,
    enterprise_id TEXT REFERENCES enterprise (id),
    district_id   TEXT REFERENCES district (id),
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL DEFAULT '',
    held_on       TEXT NOT NULL,
    hours         REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    attendees     INTEGER NOT NULL DEFAULT 0 CHECK (attendees >= 0),
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX training_by_date ON training (held_on);

-- Accidents; the grade is derived from deaths, injuries and loss, never stored.
CREATE TABLE incident (
    id               TEXT PRIMARY KEY,
    enterprise_id    TEXT NOT NULL REFERENCES enterprise (id),
    district_id      TEXT NOT NULL REFERENCES district (id),
    occurred_at      TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    accident_type    TEXT NOT NULL DEFAULT '',
    deaths           INTEGER NOT NULL DEFAULT 0 CHECK (deaths >= 0),
    serious_injuries INTEGER NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
    direct_loss_yuan REAL NOT NULL DEFAULT 0 CHECK (direct_loss_yuan >= 0),
    liable           INTEGER CHECK (liable IN (0, 1)),
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX incident_by_date ON incident (occurred_at);

-- A photo's id is the sha256 of its stored file (media/ab/cdef....jpg).
CREATE TABLE photo (
    id            TEXT PRIMARY KEY CHECK (length(id) = 64),
    size          INTEGER NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    taken_at      TEXT,
    gps_lat       REAL,
    gps_lon       REAL,
    taken_by      TEXT REFERENCES person (id),
    original_name TEXT NOT NULL DEFAULT '',
    added_at      TEXT NOT NULL
);

-- Every write: a local insert, update or bulk insert, or a cell won from a peer. Its clock and
-- author are stored once here; cells point at them by seq. seq only grows on this device, so "what a
-- peer has not seen" is every cell whose seq is above what that peer acknowledged (changes this
-- device relays from others included, whatever their clocks).
CREATE TABLE write_log (
    seq    INTEGER PRIMARY KEY,
    clock  TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT ''
);

-- The last write of every cell of every synced row: `fields` maps a column to a write_log seq, and
-- "*" to the write of every column not named (records written whole have only "*").
CREATE TABLE row_clock (
    tbl      TEXT NOT NULL,
    row_id   TEXT NOT NULL,
    fields   TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE INDEX row_clock_by_seq ON row_clock (last_seq);

-- Append-only audit trail; each entry's hash covers the previous entry's hash.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    clock     TEXT NOT NULL,
    device_id TEXT NOT NULL,
    author_id TEXT,
    action    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    row_id    TEXT,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
