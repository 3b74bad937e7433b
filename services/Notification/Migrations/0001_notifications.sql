-- Warnings as the services raise them: one row per deadline (item key + due date), its grades as they were raised
-- (the history an asOf query reads) and the clearances of its item, kept even when they arrive before the raise.
CREATE TABLE warnings (
    item_key          text        NOT NULL,
    due_on            date        NOT NULL,
    source            text        NOT NULL,
    title             text        NOT NULL,
    district          text        NOT NULL,
    park              text,
    project_id        uuid,
    recipients        text[]      NOT NULL,
    link              text,
    first_detected_at timestamptz NOT NULL,
    PRIMARY KEY (item_key, due_on)
);
CREATE INDEX warnings_district ON warnings (district, park);

CREATE TABLE warning_grades (
    warning_key  text        PRIMARY KEY,
    item_key     text        NOT NULL,
    due_on       date        NOT NULL,
    grade        text        NOT NULL,
    grade_rank   integer     NOT NULL,
    raised_on    date        NOT NULL,
    working_days integer     NOT NULL,
    detected_at  timestamptz NOT NULL,
    FOREIGN KEY (item_key, due_on) REFERENCES warnings (item_key, due_on)
);
CREATE INDEX warning_grades_item ON warning_grades (item_key, due_on, raised_on);

CREATE TABLE warning_clearances (
    item_key   text        NOT NULL,
    cleared_at timestamptz NOT NULL,
    cleared_on date        NOT NULL,
    reason     text        NOT NULL,
    PRIMARY KEY (item_key, cleared_at)
);

-- The in-app inbox: one item per warning grade or reminder (its key), seen by its recipients and its audiences
-- (district staff of its district, park staff of its park, the bureau for grade bureau); read marks per user.
CREATE TABLE inbox_items (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL,
    key          text        NOT NULL UNIQUE,
    source       text        NOT NULL,
    title        text        NOT NULL,
    grade        text,
    due_on       date        NOT NULL,
    working_days integer,
    district     text        NOT NULL,
    park         text,
    project_id   uuid,
    recipients   text[]      NOT NULL,
    link         text,
    created_at   timestamptz NOT NULL
);
CREATE INDEX inbox_items_recipients ON inbox_items USING gin (recipients);
CREATE INDEX inbox_items_district ON inbox_items (district, created_at DESC);
CREATE INDEX inbox_items_park ON inbox_items (park, created_at DESC);

CREATE TABLE inbox_reads (
    item_id  uuid        NOT NULL REFERENCES inbox_items (id),
    username text        NOT NULL,
    read_at  timestamptz NOT NULL,
    PRIMARY KEY (item_id, username)
);

CREATE TABLE notification_preferences (
    username      text    PRIMARY KEY,
    email         text,
    email_enabled boolean NOT NULL,
    robot_enabled boolean NOT NULL
);

CREATE TABLE notification_channels (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    kind        text        NOT NULL,
    target      text        NOT NULL,
    secret      text,
    scope_kind  text        NOT NULL,
    scope_value text,
    min_grade   text        NOT NULL,
    enabled     boolean     NOT NULL,
    version     integer     NOT NULL,
    deleted_at  timestamptz
);

-- What must go out, written in the consumer's transaction like an outbox: once per (key, recipient or channel, kind).
CREATE TABLE deliveries (
    id              uuid        PRIMARY KEY,
    key             text        NOT NULL,
    recipient       text        NOT NULL,
    channel_kind    text        NOT NULL,
    channel_id      uuid,
    target          text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    UNIQUE (key, recipient, channel_kind)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL;
CREATE INDEX deliveries_status ON deliveries (status, created_at DESC);
