-- Wrong PINs typed in a row at a learner's profile, counted in the
-- database (not by the clock) so a lockout survives a restart and a clock
-- moved forward; a right PIN or a trainer clearing the PIN resets it.
ALTER TABLE learner ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;

-- Learners made by `ogohctl demo seed`, so it can tell a folder of demo
-- data from a real device's and refuse to mix fake learners into it.
ALTER TABLE learner ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
