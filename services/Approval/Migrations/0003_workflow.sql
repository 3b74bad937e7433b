-- The approval workflow: green channel, prerequisites, due dates, 容缺受理, land day and parked decisions.
ALTER TABLE approval_cases
    ADD COLUMN green_channel         text    NOT NULL DEFAULT 'None',
    ADD COLUMN agent_service         boolean NOT NULL DEFAULT false,   -- 全程代办
    ADD COLUMN task_team             jsonb   NULL,                     -- 专班 of a major project
    ADD COLUMN national_project_code text    NULL,                     -- 项目代码, from filing
    ADD COLUMN land_acquired_on      date    NULL,
    ADD COLUMN pre_land_completed_on date    NULL,
    ADD COLUMN permit_issued_on      date    NULL;

ALTER TABLE approval_items
    ADD COLUMN prerequisites       text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN limit_working_days  integer     NULL,
    ADD COLUMN opened_on           date        NULL,
    ADD COLUMN due_on              date        NULL,
    ADD COLUMN decided_at          timestamptz NULL,
    ADD COLUMN missing_documents   text[]      NULL,
    ADD COLUMN committed_on        date        NULL,
    ADD COLUMN suspended_on        date        NULL,
    ADD COLUMN overdue_notified    boolean     NOT NULL DEFAULT false;
UPDATE approval_items SET status = 'Open', limit_working_days = statutory_working_days,
                          opened_on = (opened_at AT TIME ZONE 'Asia/Shanghai')::date;
CREATE INDEX approval_items_open ON approval_items (status, due_on);

ALTER TABLE external_decisions
    ADD COLUMN status     text        NOT NULL DEFAULT 'Received',   -- Applied, Parked (no such item yet), Ignored (stale)
    ADD COLUMN applied_at timestamptz NULL;
CREATE INDEX external_decisions_parked ON external_decisions (project_id) WHERE status = 'Parked';
