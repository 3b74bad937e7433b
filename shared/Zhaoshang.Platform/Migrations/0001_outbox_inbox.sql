-- Transactional outbox: messages written in the same transaction as the state change that causes them.
CREATE TABLE outbox_messages (
    id            uuid PRIMARY KEY,          -- also the MassTransit MessageId, so a re-publish is a detectable duplicate
    message_type  text        NOT NULL,
    body          jsonb       NOT NULL,
    trace_parent  text        NULL,          -- W3C traceparent of the activity that wrote the message
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz NULL,
    attempts      integer     NOT NULL DEFAULT 0
);
CREATE INDEX outbox_messages_pending ON outbox_messages (created_at) WHERE sent_at IS NULL;

-- Inbox: one row per (message, consumer), committed with the consumer's effects.
CREATE TABLE inbox_messages (
    message_id      uuid        NOT NULL,
    consumer        text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    duplicate_count integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (message_id, consumer)
);
