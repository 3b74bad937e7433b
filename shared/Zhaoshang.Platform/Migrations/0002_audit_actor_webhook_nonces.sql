-- Who did what: one row per change, written in the same transaction as the change.
CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_subject  text        NOT NULL,
    actor_role     text        NOT NULL,
    actor_district text        NULL,
    actor_park     text        NULL,
    record_type    text        NOT NULL,
    record_id      uuid        NOT NULL,
    action         text        NOT NULL,
    before         jsonb       NULL,
    after          jsonb       NULL,
    trace_id       text        NULL
);
CREATE INDEX audit_log_record ON audit_log (record_id, id);

-- The user a message acts for travels with it, so consumers audit their changes as that user.
ALTER TABLE outbox_messages ADD COLUMN actor jsonb NULL;

-- Nonces of signed webhook requests already accepted, to refuse replays.
CREATE TABLE webhook_nonces (
    client      text        NOT NULL,
    nonce       text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client, nonce)
);
