-- Partial credit (issue 17 item 3): a matching question earns the share of
-- its pairs matched right (docs/course-format.md, Scoring). Each answer
-- keeps the credit it earned, 0 to 1, and a finished attempt the points
-- its answers earned (score stays the count of questions fully right).
-- Rows from before are what they always read: a right answer earned 1,
-- a wrong one 0, and an attempt its count of fully right questions.
ALTER TABLE attempt_answer ADD COLUMN credit REAL NOT NULL DEFAULT 0 CHECK (credit >= 0 AND credit <= 1);
UPDATE attempt_answer SET credit = CASE WHEN correct THEN 1.0 ELSE 0.0 END;
ALTER TABLE quiz_attempt ADD COLUMN points REAL;
UPDATE quiz_attempt SET points = score WHERE score IS NOT NULL;
