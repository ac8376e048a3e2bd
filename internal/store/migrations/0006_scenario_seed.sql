-- Scenario choices are shown in an order drawn per play: the seed is kept
-- with the play, as a quiz attempt keeps its own. Runs recorded before this
-- migration were shown in file order; their seed is 0.
ALTER TABLE scenario_run ADD COLUMN seed INTEGER NOT NULL DEFAULT 0;

-- A scenario being played: its seed and the choices made so far, saved at
-- each choice, so a play resumed after a restart continues where it was,
-- in the same order. At most one per learner and scenario; it is removed
-- when the play reaches an ending and its scenario_run is written.
CREATE TABLE scenario_play (
    id          TEXT PRIMARY KEY,
    learner_id  TEXT NOT NULL REFERENCES learner (id),
    course_id   TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    path        TEXT NOT NULL, -- JSON array of "step/choice"
    started_at  TEXT NOT NULL,
    UNIQUE (learner_id, course_id, scenario_id)
);
