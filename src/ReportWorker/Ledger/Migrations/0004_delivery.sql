-- Delivery that survives crashes and outages.
--
-- An outbox row moves pending -> sending -> sent, or to failed; 'sending' and 'pending' may go back to
-- pending with a later next_attempt_at. 'sending' is committed right before the SMTP transaction of the
-- message and replaced by 'sent' right after the server's 250, so a row found in 'sending' whose
-- process is gone was cut off in between: whether the server took it is asked of the delivery journal.
ALTER TABLE outbox ADD COLUMN sending_since TEXT NULL;
-- Which worker is sending it (host/pid/process start/instance), so a second worker leaves it alone
-- while that one is alive.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NULL;
-- Recipients the server refused permanently (5xx) while it took the message for the others:
-- one "address: reply" per line. The message itself counts as sent.
ALTER TABLE outbox ADD COLUMN refused_recipients TEXT NULL;
-- When the operators were sent an alert naming this message (stuck, failed or partly refused), so
-- they are told once, not on every run. Cleared by `outbox retry`.
ALTER TABLE outbox ADD COLUMN alerted_at TEXT NULL;
