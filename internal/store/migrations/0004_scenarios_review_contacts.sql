-- A scenario played to an ending: the path of choices and the outcome.
CREATE TABLE scenario_run (
    id          TEXT PRIMARY KEY,
    learner_id  TEXT NOT NULL REFERENCES learner (id),
    course_id   TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    path        TEXT NOT NULL, -- JSON array of "step/choice"
    outcome     TEXT NOT NULL,
    finished_at TEXT NOT NULL
);
CREATE INDEX scenario_run_by_learner ON scenario_run (learner_id, course_id);

-- A missed question that comes back for review on later days until it is
-- answered right twice in a row.
CREATE TABLE review_item (
    learner_id  TEXT NOT NULL REFERENCES learner (id),
    course_id   TEXT NOT NULL,
    quiz_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    step        INTEGER NOT NULL,
    streak      INTEGER NOT NULL,
    PRIMARY KEY (learner_id, course_id, quiz_id, question_id)
);
CREATE INDEX review_item_due ON review_item (learner_id, due_at);

-- The post's referral contacts, kept by a trainer: never shipped in courses.
CREATE TABLE referral_contact (
    id           TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    organisation TEXT NOT NULL CHECK (organisation <> ''),
    role         TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    hours        TEXT NOT NULL DEFAULT ''
);
