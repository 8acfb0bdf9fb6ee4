-- Delivery per recipient (issue 15). Each recipient of an outgoing message has its own state and attempts: one
-- SMTP transaction carries the recipients still due, a 4xx defers that recipient alone and the others are sent;
-- a deferred recipient goes later in a transaction of its own under the same Message-Id. A message queued before
-- this migration gets its rows when it is next due (from outbox.recipients); a sent one keeps its summary.
CREATE TABLE outbox_recipients (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    outbox_id         INTEGER NOT NULL REFERENCES outbox(id),
    address           TEXT NOT NULL,
    unit_code         TEXT NULL,        -- the unit whose liaison the address is, so a change of liaison follows it
    status            TEXT NOT NULL DEFAULT 'pending', -- pending | sending | sent | deferred | refused | bounced | expired | replaced
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT NULL,
    first_deferred_at TEXT NULL,        -- when the relay first said "later": the lifetime counts from here
    transaction_no    INTEGER NULL,     -- which of the message's SMTP transactions carried it (1, 2, …)
    last_reply        TEXT NULL,        -- the server's own words
    sent_at           TEXT NULL,
    replaced_by       TEXT NULL,        -- the addresses that took its place when the unit's liaisons changed
    wait_alerted_at   TEXT NULL,        -- the office was told it has waited long
    final_alerted_at  TEXT NULL,        -- the office was told it was refused, bounced or given up
    UNIQUE (outbox_id, address)
);
CREATE INDEX ix_outbox_recipients_status ON outbox_recipients(status);

-- How many SMTP transactions of the message the relay has taken. Each carries the journal address, so after a
-- crash the journal holds one copy more than this when the cut-off transaction went through.
ALTER TABLE outbox ADD COLUMN transactions INTEGER NOT NULL DEFAULT 0;

-- Whether the relay could be reached at the last try, for the operator's headline in `jobs`, `status` and `outbox`:
-- when it is down, an alert cannot be mailed, so it is said where the operator looks. One row.
CREATE TABLE relay_status (
    id         INTEGER PRIMARY KEY,
    down_since TEXT NULL,
    error      TEXT NULL,
    checked_at TEXT NOT NULL
);
