-- 资金台账: one ledger per signed project; funds in place and incentives (issue #7) hang off it.
CREATE TABLE funding_ledgers (
    id                    uuid PRIMARY KEY,
    project_id            uuid          NOT NULL UNIQUE,
    contracted_investment numeric(18,2) NOT NULL,
    signed_on             date          NOT NULL,
    industry              text          NOT NULL,
    district              text          NOT NULL,
    park                  text          NOT NULL,
    opened_at             timestamptz   NOT NULL
);
