-- Messages that arrived before the record they need (e.g. a transfer before the signing that opens the case). The
-- consumer that creates the record takes them in the same transaction and applies them, so no retry budget decides
-- whether a project's flow completes.
CREATE TABLE parked_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_key   uuid        NOT NULL,     -- the record the message waits for (usually the project id)
    message_id   uuid        NOT NULL,
    message_type text        NOT NULL,
    body         jsonb       NOT NULL,
    parked_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (message_id, message_type)
);
CREATE INDEX parked_messages_record ON parked_messages (record_key, message_type);
