-- 督办事项: once a task becomes an item of a quarter it keeps its number in that quarter, whatever
-- later re-runs find, so a 督办单 already sent never changes its references.
CREATE TABLE supervision_items (
    quarter     TEXT NOT NULL,      -- 2025Q1
    seq         INTEGER NOT NULL,   -- 7 in 督〔2025〕Q1-007
    task_code   TEXT NOT NULL,
    level       TEXT NOT NULL,      -- 蓝 | 黄 | 红
    reason      TEXT NOT NULL,
    rectify_by  TEXT NOT NULL,      -- yyyy-MM-dd
    created_at  TEXT NOT NULL,
    PRIMARY KEY (quarter, seq),
    UNIQUE (quarter, task_code)
);
