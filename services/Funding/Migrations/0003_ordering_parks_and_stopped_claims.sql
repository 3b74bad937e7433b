-- Issue 13: a project's facts on the ledger carry the ProjectVersion that set them, so a late event never overwrites a
-- newer one; the current state's reason and day are kept for a milestone that arrives after a termination.
ALTER TABLE funding_ledgers
    ADD COLUMN district_version integer NOT NULL DEFAULT 0,
    ADD COLUMN state_version    integer NOT NULL DEFAULT 0,
    ADD COLUMN state_reason     text    NULL,
    ADD COLUMN state_on         date    NULL,
    ADD COLUMN park_id          uuid    NULL;   -- null for projects signed before parks were referenced by id

-- 园区 by id: the name a rename gave it last (version from the project service; 0 = as the signing named it).
CREATE TABLE parks (
    id      uuid PRIMARY KEY,
    name    text    NOT NULL,
    version integer NOT NULL
);

-- 开工 and 投产 happen once per project, whatever the stalls and years: the day fixes the policy year of its claims.
CREATE TABLE ledger_milestones (
    project_id  uuid NOT NULL REFERENCES funding_ledgers (project_id),
    milestone   text NOT NULL,    -- ConstructionStart / Production
    occurred_on date NOT NULL,
    PRIMARY KEY (project_id, milestone)
);

-- A termination stops a claim that is not fully paid: no further stage, its unpaid award back to the budget.
ALTER TABLE incentive_claims
    ADD COLUMN stopped_at  timestamptz NULL,
    ADD COLUMN stop_reason text        NULL;
