-- A learner moved to another device with their record (ogohctl learner
-- move-out, Trainer mode › Learners › Move to another device): they leave
-- this device's lists, as an archived learner does, and their records stay.
ALTER TABLE learner ADD COLUMN moved_at TEXT;
