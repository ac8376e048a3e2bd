-- Transactional outbox: each learner event's xAPI statement, written in the
-- same transaction as the event, kept as the exact bytes to send.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,     -- the statement's UUID
    body       BLOB NOT NULL,            -- the statement JSON, sent as is
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
    sent_at    TEXT,
    error      TEXT                      -- the LRS's reason, for rejected rows
);
CREATE INDEX outbox_by_state ON outbox (state, seq);

-- A course finished by a learner, recorded once with its statement.
CREATE TABLE course_completion (
    learner_id   TEXT NOT NULL REFERENCES learner (id),
    course_id    TEXT NOT NULL,
    completed_at TEXT NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);

-- Each sync: to an LRS or into a sync file.
CREATE TABLE sync_run (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    route           TEXT NOT NULL CHECK (route IN ('lrs', 'file')),
    started_at      TEXT NOT NULL,
    finished_at     TEXT NOT NULL,
    sent            INTEGER NOT NULL,
    rejected        INTEGER NOT NULL,
    error           TEXT NOT NULL DEFAULT '',
    clock_offset_ms INTEGER               -- LRS clock minus device clock, when known
);
