-- Every briefing issued: its number (期号, counted per year) and when it was first made, so that
-- generating it again gives the same document, and a reissue is a new, marked version.
CREATE TABLE briefings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,      -- monthly | quarterly
    period      TEXT NOT NULL,      -- 2025-03 | 2025Q1
    version     INTEGER NOT NULL,   -- 1, then 2, 3 … for reissues
    issue_no    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    file_path   TEXT NULL,
    sha256      TEXT NULL,
    UNIQUE (kind, period, version)
);
