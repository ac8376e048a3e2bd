-- The device and its learners, their lesson progress, quiz attempts with
-- every answer, and settings. Times are UTC RFC 3339 text.
CREATE TABLE device (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    uuid       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE learner (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    role        TEXT NOT NULL,
    post        TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL,
    pin_hash    TEXT,
    created_at  TEXT NOT NULL,
    archived_at TEXT
);

CREATE TABLE lesson_progress (
    learner_id      TEXT NOT NULL REFERENCES learner (id),
    course_id       TEXT NOT NULL,
    lesson_id       TEXT NOT NULL,
    first_opened_at TEXT NOT NULL,
    completed_at    TEXT,
    PRIMARY KEY (learner_id, course_id, lesson_id)
);

CREATE TABLE quiz_attempt (
    id             TEXT PRIMARY KEY,
    learner_id     TEXT NOT NULL REFERENCES learner (id),
    course_id      TEXT NOT NULL,
    course_version TEXT NOT NULL,
    quiz_id        TEXT NOT NULL,
    language       TEXT NOT NULL,
    seed           INTEGER NOT NULL,
    question_ids   TEXT NOT NULL, -- JSON array, the drawn order
    pass_mark      INTEGER NOT NULL,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    score          INTEGER,
    max_score      INTEGER,
    passed         INTEGER
);
CREATE INDEX quiz_attempt_by_learner ON quiz_attempt (learner_id, course_id, quiz_id);

CREATE TABLE attempt_answer (
    attempt_id  TEXT NOT NULL REFERENCES quiz_attempt (id),
    position    INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    response    TEXT NOT NULL, -- JSON array of strings, see quiz.Response
    correct     INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
