-- 年考核. When a unit joined the registry: a unit added mid-year owes no report for the months before.
-- Units already in a ledger have none and count from the start.
ALTER TABLE units ADD COLUMN added_at TEXT NULL;

-- The office's own entries for a year's assessment (加分, 扣分, 一票否决, 不得评为好), each with its evidence,
-- as imported from the office's .xlsx. The newest import for the year (imports.kind 'assessment/2025') is in
-- force; earlier ones stay, so what a draft was computed from can always be seen.
CREATE TABLE assessment_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    year        INTEGER NOT NULL,
    unit_code   TEXT NOT NULL REFERENCES units(code),
    kind        TEXT NOT NULL,      -- 加分 | 扣分 | 一票否决 | 不得评为好
    points      REAL NOT NULL,      -- 0 for the veto kinds
    reason      TEXT NOT NULL,      -- the evidence, as the office wrote it
    source_row  INTEGER NOT NULL,   -- the row of the file it came from
    import_id   INTEGER NOT NULL REFERENCES imports(id)
);
CREATE INDEX ix_assessment_entries_year ON assessment_entries(year);

-- A liaison's reply to a draft 考核反馈单: recorded and forwarded to the office, never answered with a 退回.
CREATE TABLE assessment_objections (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    year          INTEGER NOT NULL,
    unit_code     TEXT NULL REFERENCES units(code),
    sender        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    source_ref    TEXT NOT NULL UNIQUE   -- the mailbox message it came in, so a re-read records it once
);
