-- Units and their liaisons (the people who send and receive the forms).
CREATE TABLE units (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL
);

CREATE TABLE unit_liaisons (
    unit_code   TEXT NOT NULL REFERENCES units(code),
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    PRIMARY KEY (unit_code, email)
);
CREATE INDEX ix_unit_liaisons_email ON unit_liaisons(email);

-- The annual task list. A re-import updates a task by code; the old version goes to task_history.
CREATE TABLE tasks (
    code        TEXT PRIMARY KEY,
    category    TEXT NOT NULL,
    content     TEXT NOT NULL,
    lead_unit   TEXT NOT NULL REFERENCES units(code),
    deadline    TEXT NULL,          -- yyyy-MM-dd, NULL for standing tasks
    deadline_text TEXT NOT NULL,    -- as written in the list (长期坚持, 2025年6月底 ...)
    list_type   TEXT NOT NULL,      -- 常态化 | 年度重点
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);

CREATE TABLE task_co_units (
    task_code   TEXT NOT NULL REFERENCES tasks(code),
    unit_code   TEXT NOT NULL REFERENCES units(code),
    PRIMARY KEY (task_code, unit_code)
);
CREATE INDEX ix_task_co_units_unit ON task_co_units(unit_code);

CREATE TABLE task_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    task_code   TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    import_id   INTEGER NULL,
    previous    TEXT NOT NULL       -- JSON of the task as it was before the change
);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,      -- units | tasks
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    changed     INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);

-- Every file that reached the intake, accepted or not. The original is in the archive.
CREATE TABLE received_files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256        TEXT NOT NULL,
    source        TEXT NOT NULL,    -- folder | mailbox
    source_ref    TEXT NOT NULL,    -- inbox file name, or mailbox message id + attachment
    original_name TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    archive_path  TEXT NOT NULL,    -- relative to the archive folder
    sender        TEXT NULL,
    received_at   TEXT NOT NULL,
    outcome       TEXT NOT NULL,    -- accepted | rejected | duplicate
    reason        TEXT NULL,        -- the first problem, for listings
    unit_code     TEXT NULL,
    month         TEXT NULL,
    finished      INTEGER NOT NULL DEFAULT 0  -- 1 once the file has left the inbox
);
CREATE INDEX ix_received_files_arrival ON received_files(source, source_ref, sha256);
CREATE INDEX ix_received_files_sha ON received_files(sha256);

-- One row per accepted monthly report; a later one for the same unit and month supersedes it.
CREATE TABLE submissions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    received_file_id INTEGER NOT NULL REFERENCES received_files(id),
    unit_code        TEXT NOT NULL REFERENCES units(code),
    month            TEXT NOT NULL,  -- yyyy-MM
    received_at      TEXT NOT NULL,
    late             INTEGER NOT NULL,
    superseded_by    INTEGER NULL REFERENCES submissions(id),
    warnings         TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX ix_submissions_unit_month ON submissions(unit_code, month);

CREATE TABLE entries (
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    task_code     TEXT NOT NULL,
    status        TEXT NOT NULL,     -- 已完成 | 序时推进 | 滞后 | 未启动
    percent       REAL NOT NULL,
    progress      TEXT NOT NULL,
    problems      TEXT NOT NULL,
    next_steps    TEXT NOT NULL,
    PRIMARY KEY (submission_id, task_code)
);
CREATE INDEX ix_entries_task ON entries(task_code);

-- Durable outbox: a message is queued in the same transaction as the fact it reports.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    message_key   TEXT NOT NULL UNIQUE,  -- what the message is about; queuing it twice is a no-op
    message_id    TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,         -- receipt | rejection | form | ...
    unit_code     TEXT NULL,
    recipients    TEXT NOT NULL,
    subject       TEXT NOT NULL,
    mime          BLOB NOT NULL,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | failed
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NULL,
    delivered_at  TEXT NULL,
    delivered_to  TEXT NULL,             -- smtp host, or the .eml path
    last_error    TEXT NULL
);
CREATE INDEX ix_outbox_status ON outbox(status);
