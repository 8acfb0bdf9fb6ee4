-- As 0008_outbox_mime.sql, and the bytes are stored as they are: MIME is mostly base64, which
-- PostgreSQL's own compression (pglz) shrinks little and slowly (a nation's 10,000 督办单 took 30 s to queue).
CREATE TABLE outbox_mime (
    outbox_id BIGINT PRIMARY KEY REFERENCES outbox(id),
    mime      BYTEA NOT NULL
);
ALTER TABLE outbox_mime ALTER COLUMN mime SET STORAGE EXTERNAL;
INSERT INTO outbox_mime(outbox_id, mime) SELECT id, mime FROM outbox;
ALTER TABLE outbox DROP COLUMN mime;
