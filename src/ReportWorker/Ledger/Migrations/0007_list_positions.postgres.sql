-- PostgreSQL has no rowid; a new PostgreSQL ledger has no rows to number yet.
ALTER TABLE unit_liaisons ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_co_units ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
