-- The lead pipeline: priorities, promotion events, task teams, follow-ups, transfers and service levels.
ALTER TABLE enterprises
    ADD COLUMN priority   text        NOT NULL DEFAULT 'B',
    ADD COLUMN version    integer     NOT NULL DEFAULT 1,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX enterprises_chain ON enterprises (industry_chain, chain_role);

-- 招商活动: outbound trips, promotion conferences, inspection visits, forums.
CREATE TABLE promotion_events (
    id         uuid PRIMARY KEY,
    title      text        NOT NULL,
    type       text        NOT NULL,
    region     text        NOT NULL,
    starts_on  date        NOT NULL,
    ends_on    date        NULL,
    leader     text        NOT NULL,
    major      boolean     NOT NULL,
    summary    text        NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX promotion_events_starts_on ON promotion_events (starts_on);

ALTER TABLE cooperation_intents
    ADD COLUMN source_event_id    uuid    NULL REFERENCES promotion_events (id),
    ADD COLUMN received_on        date    NULL,
    ADD COLUMN first_district     text    NULL,     -- 首谈: keeps the credit through transfers
    ADD COLUMN previous_districts text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN task_team          jsonb   NULL,     -- 专班
    ADD COLUMN responded_on       date    NULL,
    ADD COLUMN assessed_on        date    NULL,
    ADD COLUMN last_contact_on    date    NULL,
    ADD COLUMN drop_reason        text    NULL,
    ADD COLUMN version            integer NOT NULL DEFAULT 1;
UPDATE cooperation_intents SET received_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date, first_district = district;
ALTER TABLE cooperation_intents
    ALTER COLUMN received_on SET NOT NULL,
    ALTER COLUMN first_district SET NOT NULL;
CREATE INDEX cooperation_intents_district_status ON cooperation_intents (district, status);

-- 对接记录: every contact with the enterprise.
CREATE TABLE intent_follow_ups (
    id           uuid PRIMARY KEY,
    intent_id    uuid        NOT NULL REFERENCES cooperation_intents (id),
    kind         text        NOT NULL,
    occurred_on  date        NOT NULL,
    summary      text        NOT NULL,
    next_step    text        NULL,
    next_step_on date        NULL,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX intent_follow_ups_intent ON intent_follow_ups (intent_id, occurred_on);

-- One notice per missed deadline, so an overdue intent is announced once however often it is scanned.
CREATE TABLE intent_overdue_notices (
    intent_id   uuid        NOT NULL REFERENCES cooperation_intents (id),
    kind        text        NOT NULL,
    due_on      date        NOT NULL,
    notified_at timestamptz NOT NULL,
    PRIMARY KEY (intent_id, kind, due_on)
);
