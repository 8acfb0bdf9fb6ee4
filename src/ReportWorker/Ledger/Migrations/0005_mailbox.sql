-- Every message the mailbox intake took (not the relay's copies of our own mail). The raw message
-- is archived under archive/mail/ before anything else reads it; its files go on to received_files
-- with source 'mailbox' and source_ref '{message_id}/{attachment index}'.
CREATE TABLE mailbox_messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id    TEXT NOT NULL,      -- the Message-Id header, or a stand-in made from the hash when there is none
    sha256        TEXT NOT NULL,      -- of the raw message as the server gave it
    folder        TEXT NOT NULL,      -- where it was found
    uid_validity  INTEGER NOT NULL,   -- with uid: where it is, until it is moved
    uid           INTEGER NOT NULL,
    sender        TEXT NULL,          -- the bare From address
    subject       TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL,      -- taken | no-attachment | automatic | no-sender
    archive_path  TEXT NOT NULL,      -- relative to the archive folder
    received_at   TEXT NOT NULL,
    status        TEXT NOT NULL,      -- archived | processed (answers queued, not yet moved) | done (moved)
    destination   TEXT NULL,          -- the folder it is (to be) moved to
    files         INTEGER NOT NULL DEFAULT 0,
    accepted      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (message_id, sha256)
);
CREATE INDEX ix_mailbox_messages_status ON mailbox_messages(status);
