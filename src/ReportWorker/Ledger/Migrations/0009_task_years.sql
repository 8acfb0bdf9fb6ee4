-- A task list belongs to a year (年度任务清单). Each task gets its own id and (year, code) is unique,
-- so the 2026 list may reuse 2025's codes for other work without touching 2025's books. Reports,
-- co-units, history and 督办事项 refer to the task by id; the code they keep is the one the form showed.
-- The one list a ledger held so far is given the year most of its deadlines fall in (else the year of
-- its first report, else of its import).
CREATE TABLE tasks_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    year           INTEGER NOT NULL,
    code           TEXT NOT NULL,
    category       TEXT NOT NULL,
    content        TEXT NOT NULL,
    lead_unit      TEXT NOT NULL REFERENCES units(code),
    deadline       TEXT NULL,          -- yyyy-MM-dd, NULL for standing tasks
    deadline_text  TEXT NOT NULL,      -- as written in the list (长期坚持, 2025年6月底 ...)
    list_type      TEXT NOT NULL,      -- 常态化 | 年度重点
    sort_order     INTEGER NOT NULL DEFAULT 0,
    continues      INTEGER NULL REFERENCES tasks_new(id),  -- the earlier year's task this one carries on (接续上年任务)
    retired_from   TEXT NULL,          -- yyyy-MM: off the books from this month on (核销), by the office's decision
    retired_reason TEXT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (year, code)
);

INSERT INTO tasks_new(year, code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order, retired_from, retired_reason, updated_at)
SELECT COALESCE(
           (SELECT CAST(substr(deadline, 1, 4) AS INTEGER) FROM tasks WHERE deadline IS NOT NULL
            GROUP BY substr(deadline, 1, 4) ORDER BY COUNT(*) DESC, substr(deadline, 1, 4) LIMIT 1),
           (SELECT CAST(substr(MIN(month), 1, 4) AS INTEGER) FROM submissions),
           (SELECT CAST(substr(MIN(imported_at), 1, 4) AS INTEGER) FROM imports WHERE kind = 'tasks'),
           CAST(strftime('%Y', 'now') AS INTEGER)),
       code, category, content, lead_unit, deadline, deadline_text, list_type, sort_order,
       CASE WHEN active = 1 THEN NULL ELSE '0001-01' END, CASE WHEN active = 1 THEN NULL ELSE '升级前已停用' END, updated_at
FROM tasks ORDER BY sort_order, code;

CREATE TABLE task_co_units_new (
    task_id     INTEGER NOT NULL REFERENCES tasks_new(id),
    unit_code   TEXT NOT NULL REFERENCES units(code),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (task_id, unit_code)
);
INSERT INTO task_co_units_new(task_id, unit_code, position)
SELECT t.id, c.unit_code, c.position FROM task_co_units c JOIN tasks_new t ON t.code = c.task_code;

ALTER TABLE entries ADD COLUMN task_id INTEGER NULL;
UPDATE entries SET task_id = (SELECT id FROM tasks_new t WHERE t.code = entries.task_code);
DROP INDEX ix_entries_task;
CREATE INDEX ix_entries_task ON entries(task_id);

ALTER TABLE supervision_items ADD COLUMN task_id INTEGER NULL;
UPDATE supervision_items SET task_id = (SELECT id FROM tasks_new t WHERE t.code = supervision_items.task_code);

-- What happened to a task besides its first import: changed by a re-import, retired, or restored.
ALTER TABLE task_history ADD COLUMN task_id INTEGER NULL;
ALTER TABLE task_history ADD COLUMN action TEXT NOT NULL DEFAULT 'changed';
ALTER TABLE task_history ADD COLUMN note TEXT NULL;
UPDATE task_history SET task_id = (SELECT id FROM tasks_new t WHERE t.code = task_history.task_code);

DROP TABLE task_co_units;
DROP TABLE tasks;
ALTER TABLE tasks_new RENAME TO tasks;
ALTER TABLE task_co_units_new RENAME TO task_co_units;
CREATE INDEX ix_task_co_units_unit ON task_co_units(unit_code);

-- Reports recorded per year of their month. Which tasks a year carries over depends on the years before
-- it, so a year's books are cached until a report for an earlier year arrives (a late December form).
CREATE TABLE ledger_years (
    year        INTEGER PRIMARY KEY,
    changes     INTEGER NOT NULL
);
INSERT INTO ledger_years(year, changes)
SELECT CAST(substr(month, 1, 4) AS INTEGER), COUNT(*) FROM submissions GROUP BY substr(month, 1, 4);
