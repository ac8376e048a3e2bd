-- The profile picker marks each learner with a quiz left half-way, at
-- start-up, before any course file is read (issue 17 item 4, issue 18):
-- one look-up of the unfinished attempts, however many there are.
CREATE INDEX quiz_attempt_open ON quiz_attempt (learner_id) WHERE finished_at IS NULL;
