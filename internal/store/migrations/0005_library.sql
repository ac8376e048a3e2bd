-- Keys a trainer trusts to sign course packs, and which key installed
-- which course.
CREATE TABLE trusted_key (
    id       TEXT PRIMARY KEY, -- short hash of the public key
    name     TEXT NOT NULL,
    public   TEXT NOT NULL,    -- base64
    added_at TEXT NOT NULL
);

CREATE TABLE installed_course (
    course_id    TEXT PRIMARY KEY,
    version      TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    installed_at TEXT NOT NULL
);
