-- The answers to creating requests sent with an Idempotency-Key, written in the same transaction as the record they
-- created, so a retry (or a twin request racing the first) is answered as the first was instead of creating again.
CREATE TABLE idempotent_requests (
    caller       text        NOT NULL,     -- the token's subject: keys are the caller's own
    key          text        NOT NULL,     -- the Idempotency-Key header
    fingerprint  bytea       NOT NULL,     -- SHA-256 of method, path, query and body: the same key with another request is refused
    status_code  integer     NOT NULL,
    location     text        NULL,
    content_type text        NULL,
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
-- Past the retention a row is ignored and then purged (Idempotency:Retention).
CREATE INDEX idempotent_requests_created_at ON idempotent_requests (created_at);
