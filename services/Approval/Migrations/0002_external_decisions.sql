-- Decisions sent in by government approval systems (e.g. 投资项目在线审批监管平台), kept once per the system's own
-- decision id so that redelivery changes nothing.
CREATE TABLE external_decisions (
    id                    uuid PRIMARY KEY,
    system                text        NOT NULL,
    decision_id           text        NOT NULL,
    project_id            uuid        NOT NULL,
    item_code             text        NOT NULL,
    outcome               text        NOT NULL,
    decided_at            timestamptz NOT NULL,
    national_project_code text        NULL,      -- 项目代码, once filing (备案) has produced one
    remarks               text        NULL,
    received_at           timestamptz NOT NULL,
    UNIQUE (system, decision_id)
);
CREATE INDEX external_decisions_project ON external_decisions (project_id);
