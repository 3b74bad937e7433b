-- Graded warnings and reminders a service has announced (WarningNotices): one row per WarningKey / ReminderKey, written
-- in the transaction that puts the message in the outbox, so each is announced once whatever the number of scans or
-- instances. An item's rows stay open until its deadline is met or moved (cleared_at).
CREATE TABLE warning_notices (
    warning_key text        PRIMARY KEY,
    item_key    text        NOT NULL,
    due_on      date        NOT NULL,
    grade       text        NOT NULL,
    notified_at timestamptz NOT NULL,
    cleared_at  timestamptz NULL
);
CREATE INDEX warning_notices_open ON warning_notices (item_key text_pattern_ops) WHERE cleared_at IS NULL;

CREATE TABLE reminder_notices (
    reminder_key text        PRIMARY KEY,
    notified_at  timestamptz NOT NULL
);
