-- 项目: one row per investment project, its current lifecycle state and the facts each stage added.
CREATE TABLE projects (
    id                       uuid PRIMARY KEY,
    intent_id                uuid          NOT NULL UNIQUE,
    enterprise_id            uuid          NOT NULL,
    enterprise_name          text          NOT NULL,
    enterprise_uscc          char(18)      NULL,
    industry                 text          NOT NULL,
    intended_investment      numeric(18,2) NOT NULL,
    district                 text          NOT NULL,
    state                    text          NOT NULL,
    agreement_no             text          NULL,
    signed_on                date          NULL,
    contracted_investment    numeric(18,2) NULL,
    park                     text          NULL,          -- 园区, from signing on
    approval_case_id         uuid          NULL,
    approval_item_count      integer       NULL,
    approval_case_opened_at  timestamptz   NULL,
    funding_ledger_id        uuid          NULL,
    funding_ledger_opened_at timestamptz   NULL,
    version                  integer       NOT NULL DEFAULT 1,   -- optimistic concurrency
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL
);
CREATE INDEX projects_state ON projects (state);
CREATE INDEX projects_district ON projects (district);
CREATE INDEX projects_park ON projects (park);

-- The project's timeline: every state change, why, and the trace that caused it.
CREATE TABLE project_timeline (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES projects (id),
    from_state  text        NULL,
    to_state    text        NOT NULL,
    reason      text        NULL,
    occurred_at timestamptz NOT NULL,
    trace_id    text        NULL
);
CREATE INDEX project_timeline_project ON project_timeline (project_id, id);
