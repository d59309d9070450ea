-- Issue 14: a drill record states when the drill started and how long it lasted (演练时间，历时). Both stay
-- empty for drills recorded before, which the record prints as 未记录. Synced per field with the drill row.
ALTER TABLE drill ADD COLUMN start_time TEXT CHECK (start_time IS NULL OR length(start_time) = 5);
ALTER TABLE drill ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440);
