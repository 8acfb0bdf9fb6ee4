-- Liaisons and co-units are kept in the order the registry lists them (the first liaison is the main one).
-- SQLite ordered them by rowid; an explicit position works on every database.
ALTER TABLE unit_liaisons ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE unit_liaisons SET position = rowid;
ALTER TABLE task_co_units ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE task_co_units SET position = rowid;
