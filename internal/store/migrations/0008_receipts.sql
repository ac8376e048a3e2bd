-- Receipts a trainer's forwarder signed: each read once (by its
-- signature), with who signed it and when, for the sync screen.
CREATE TABLE receipt (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    signature    TEXT NOT NULL UNIQUE,
    trainer      TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    sequence     INTEGER NOT NULL,     -- the newest export it confirms
    forwarded_at TEXT NOT NULL,        -- by the forwarder's clock
    read_at      TEXT NOT NULL,        -- by this device's clock
    listed       INTEGER NOT NULL,
    marked       INTEGER NOT NULL      -- waiting statements it marked delivered
);

-- How a statement reached the LRS, once delivered: 'file' by a forwarded
-- sync file and its receipt; NULL by a push ('lrs' is kept for a push
-- that says so).
ALTER TABLE outbox ADD COLUMN delivered_by TEXT CHECK (delivered_by IN ('lrs', 'file'));

-- Each trusted time seen: the trusted clock minus this device's.
CREATE TABLE clock_check (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    source    TEXT NOT NULL CHECK (source IN ('lrs', 'receipt')),
    seen_at   TEXT NOT NULL,           -- by this device's clock
    offset_ms INTEGER NOT NULL
);
