-- 重点目标企业清单: target enterprises. USCC is absent for some enterprises abroad (境外).
CREATE TABLE enterprises (
    id             uuid PRIMARY KEY,
    name           text        NOT NULL,
    uscc           char(18)    NULL UNIQUE,
    hq_region      text        NOT NULL,
    industry_chain text        NOT NULL,
    chain_role     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- 合作意向: cooperation intents. Amounts in 元, exact to the fen.
CREATE TABLE cooperation_intents (
    id                  uuid PRIMARY KEY,
    enterprise_id       uuid          NOT NULL REFERENCES enterprises (id),
    industry            text          NOT NULL,
    intended_investment numeric(18,2) NOT NULL CHECK (intended_investment > 0),
    district            text          NOT NULL,
    status              text          NOT NULL,
    project_id          uuid          NULL UNIQUE,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    converted_at        timestamptz   NULL,
    project_opened_at   timestamptz   NULL      -- when the project service confirmed the project exists
);
CREATE INDEX cooperation_intents_enterprise ON cooperation_intents (enterprise_id);
