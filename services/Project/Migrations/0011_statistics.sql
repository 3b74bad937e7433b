-- The leadership statistics (GET /api/statistics): the days each stage was reached, the enterprise's source region, the
-- verified funds reports, and the bureau's yearly targets.
ALTER TABLE projects
    ADD COLUMN opened_on           date NULL,   -- the day (China time) the intent was converted
    ADD COLUMN registered_on       date NULL,   -- 注册落地
    ADD COLUMN enterprise_hq_region text NULL;  -- the enterprise's headquarters, as lead has it (a place or a region)
UPDATE projects SET opened_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE projects ALTER COLUMN opened_on SET NOT NULL;
UPDATE projects p SET registered_on = (t.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
FROM (SELECT DISTINCT ON (project_id) project_id, occurred_at FROM project_timeline WHERE to_state = 'Registered'
      ORDER BY project_id, id) t
WHERE t.project_id = p.id;

-- A statistic reads the projects with an event in its period (and a year before), one index per kind of day.
CREATE INDEX projects_opened_on ON projects (opened_on);
CREATE INDEX projects_signed_on ON projects (signed_on) WHERE signed_on IS NOT NULL;
CREATE INDEX projects_registered_on ON projects (registered_on) WHERE registered_on IS NOT NULL;
CREATE INDEX projects_land_acquired_on ON projects (land_acquired_on) WHERE land_acquired_on IS NOT NULL;
CREATE INDEX projects_construction_started_on ON projects (construction_started_on) WHERE construction_started_on IS NOT NULL;
CREATE INDEX projects_production_started_on ON projects (production_started_on) WHERE production_started_on IS NOT NULL;

-- One row per verified funds report (FundsVerified), keyed by the report: a redelivery changes nothing, and a report may
-- arrive before its project (it shows once the project does). Currency, amount, USD equivalent and source are null for
-- reports verified before funding sent them.
CREATE TABLE statistics_funds (
    report_id                  uuid PRIMARY KEY,
    project_id                 uuid          NOT NULL,
    reported_on                date          NOT NULL,
    amount_cny                 numeric(18,2) NOT NULL,
    project_verified_total_cny numeric(18,2) NOT NULL,
    currency                   char(3)       NULL,
    amount                     numeric(18,2) NULL,
    amount_usd                 numeric(18,2) NULL,
    source                     text          NULL,
    use                        text          NULL,
    verified_at                timestamptz   NOT NULL
);
CREATE INDEX statistics_funds_reported_on ON statistics_funds (reported_on);
CREATE INDEX statistics_funds_project ON statistics_funds (project_id);

-- The bureau's yearly targets: the city's (district null) and each district's, per indicator.
CREATE TABLE statistics_targets (
    year       integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    indicator  text          NOT NULL,
    district   text          NULL,
    value      numeric(20,2) NOT NULL CHECK (value >= 0),
    version    integer       NOT NULL DEFAULT 1,
    updated_at timestamptz   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX statistics_targets_key ON statistics_targets (year, indicator, coalesce(district, ''));
