-- An organisation may identify learners in its LRS by staff number
-- instead of the device-made UUID.
ALTER TABLE learner ADD COLUMN staff_number TEXT NOT NULL DEFAULT '';
