-- 审批: one case per signed project, holding the approval items it needs.
CREATE TABLE approval_cases (
    id                    uuid PRIMARY KEY,
    project_id            uuid          NOT NULL UNIQUE,
    contracted_investment numeric(18,2) NOT NULL,
    district              text          NOT NULL,
    park                  text          NOT NULL,
    opened_at             timestamptz   NOT NULL
);

CREATE TABLE approval_items (
    id                      uuid PRIMARY KEY,
    case_id                 uuid        NOT NULL REFERENCES approval_cases (id),
    code                    text        NOT NULL,
    name                    text        NOT NULL,
    stage                   text        NOT NULL,
    statutory_working_days  integer     NOT NULL,
    land_dependent          boolean     NOT NULL,
    status                  text        NOT NULL,
    opened_at               timestamptz NOT NULL,
    UNIQUE (case_id, code)
);
