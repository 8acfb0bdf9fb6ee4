-- The message bytes move to a table of their own. An outbox row changes state at least twice per
-- message (pending -> sending -> sent), and SQLite rewrites the whole row, bytes and all, on every
-- change: delivering 1.4 GB of mail wrote 6 GB to disk. The bytes are written once and read once.
CREATE TABLE outbox_mime (
    outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
    mime      BLOB NOT NULL
);
INSERT INTO outbox_mime(outbox_id, mime) SELECT id, mime FROM outbox;
ALTER TABLE outbox DROP COLUMN mime;
