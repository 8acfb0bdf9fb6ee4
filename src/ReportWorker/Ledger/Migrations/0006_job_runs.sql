-- One row per run of a scheduled job for a period (a month, a quarter, a day). A period with a 'done'
-- run is not run again by the schedule; an operator's `run` always runs and adds a row.
CREATE TABLE job_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    job          TEXT NOT NULL,
    period       TEXT NOT NULL,
    occurrence   TEXT NULL,              -- the cron occurrence the run stands for (UTC), NULL for `run`
    started_by   TEXT NOT NULL,          -- schedule | operator
    status       TEXT NOT NULL,          -- running | done | failed
    started_at   TEXT NOT NULL,
    finished_at  TEXT NULL,
    summary      TEXT NULL
);
CREATE INDEX ix_job_runs_job_period ON job_runs(job, period, status);
