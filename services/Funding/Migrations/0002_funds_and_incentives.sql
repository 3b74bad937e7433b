ALTER TABLE funding_ledgers
    ADD COLUMN state text NOT NULL DEFAULT 'Signed';   -- the project's lifecycle state, from ProjectStateChanged

-- Official CNY rates (e.g. the PBOC central parity) by day, for reports in foreign currency.
CREATE TABLE exchange_rates (
    currency     text          NOT NULL,
    rate_date    date          NOT NULL,
    cny_per_unit numeric(12,6) NOT NULL CHECK (cny_per_unit > 0),
    PRIMARY KEY (currency, rate_date)
);

-- 到位资金: funds in place, as reported and as verified.
CREATE TABLE funds_reports (
    id            uuid PRIMARY KEY,
    project_id    uuid          NOT NULL REFERENCES funding_ledgers (project_id),
    amount        numeric(18,2) NOT NULL CHECK (amount > 0),
    currency      text          NOT NULL,
    exchange_rate numeric(12,6) NOT NULL,     -- CNY per unit on the report date (1 for CNY)
    amount_cny    numeric(18,2) NOT NULL,
    source        text          NOT NULL,     -- 省外境内 / 市外省内 / 境外
    use           text          NOT NULL,     -- fixed assets / working capital
    reported_on   date          NOT NULL,
    evidence_ref  text          NOT NULL,
    status        text          NOT NULL,
    decided_by    text          NULL,
    decided_at    timestamptz   NULL,
    reject_reason text          NULL,
    created_at    timestamptz   NOT NULL
);
CREATE INDEX funds_reports_project ON funds_reports (project_id);
CREATE INDEX funds_reports_verified ON funds_reports (reported_on) WHERE status = 'Verified';

-- The year's targets the bureau sets (e.g. 194亿元 in place, 1.2亿美元 foreign).
CREATE TABLE yearly_targets (
    year               integer PRIMARY KEY,
    funds_in_place_cny numeric(18,2) NOT NULL,
    foreign_usd        numeric(18,2) NOT NULL
);

-- 招商引资奖励: policies, their budgets, claims, staged payments and clawbacks.
CREATE TABLE incentive_policies (
    id                       uuid PRIMARY KEY,
    name                     text          NOT NULL,
    year                     integer       NOT NULL,
    milestone                text          NOT NULL,   -- ConstructionStart / Production
    min_fixed_asset_cny      numeric(18,2) NOT NULL,
    percentage               numeric(7,4)  NOT NULL,   -- of verified fixed-asset investment
    cap_cny                  numeric(18,2) NOT NULL,
    stages                   numeric(7,4)[] NOT NULL,  -- shares of the award, summing to 1
    budget_cny               numeric(18,2) NOT NULL,
    committed_cny            numeric(18,2) NOT NULL DEFAULT 0 CHECK (committed_cny <= budget_cny),
    clawback_years           integer       NOT NULL,
    created_at               timestamptz   NOT NULL
);

CREATE TABLE incentive_claims (
    id             uuid PRIMARY KEY,
    policy_id      uuid          NOT NULL REFERENCES incentive_policies (id),
    project_id     uuid          NOT NULL REFERENCES funding_ledgers (project_id),
    basis_cny      numeric(18,2) NOT NULL,     -- verified fixed-asset investment when raised
    award_cny      numeric(18,2) NOT NULL,
    status         text          NOT NULL,     -- Raised, Approved, Rejected
    raised_by      text          NOT NULL,
    raised_at      timestamptz   NOT NULL,
    approved_at    timestamptz   NULL,
    decided_by     text          NULL,
    UNIQUE (policy_id, project_id)
);

CREATE TABLE incentive_payments (
    id              uuid PRIMARY KEY,
    claim_id        uuid          NOT NULL REFERENCES incentive_claims (id),
    stage           integer       NOT NULL,
    amount_cny      numeric(18,2) NOT NULL,
    idempotency_key text          NOT NULL UNIQUE,
    paid_by         text          NOT NULL,
    paid_at         timestamptz   NOT NULL,
    UNIQUE (claim_id, stage)
);

CREATE TABLE incentive_clawbacks (
    id          uuid PRIMARY KEY,
    claim_id    uuid          NOT NULL UNIQUE REFERENCES incentive_claims (id),
    amount_cny  numeric(18,2) NOT NULL,
    reason      text          NOT NULL,
    raised_at   timestamptz   NOT NULL
);
