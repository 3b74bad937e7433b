-- Outbox rows that keep failing are set aside (dead-lettered) instead of blocking the relay: failures counts the row's own
-- failures (an unknown type, a body that does not read, a return as unroutable; a broker outage counts against none),
-- retry_at spaces them out, last_error says why, dead_lettered_at when it was set aside. Operators requeue it.
ALTER TABLE outbox_messages
    ADD COLUMN failures         integer     NOT NULL DEFAULT 0,
    ADD COLUMN retry_at         timestamptz NULL,
    ADD COLUMN last_error       text        NULL,
    ADD COLUMN dead_lettered_at timestamptz NULL;

-- The relay's claim skips dead-lettered rows, so they leave its index.
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (created_at) WHERE sent_at IS NULL AND dead_lettered_at IS NULL;
CREATE INDEX outbox_messages_dead_lettered ON outbox_messages (dead_lettered_at) WHERE dead_lettered_at IS NOT NULL;

-- The storage purge deletes by age, oldest first, in batches: each batch reads one end of these indexes.
CREATE INDEX outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX inbox_messages_received ON inbox_messages (received_at);
CREATE INDEX webhook_nonces_received ON webhook_nonces (received_at);
