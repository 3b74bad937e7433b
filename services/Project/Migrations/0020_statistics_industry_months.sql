-- 0019's month totals by industry as well, for the groups of the whole city's reads by industry, chain or sector
-- (Statistics/StatisticsStore.cs): by industry alone, apart from those by district, whose reads would otherwise wade
-- through industries × districts rows (as many as the projects at a province's size). Those reads add up the rest (the
-- city's figures, its ranking and targets by district) from 0019's. The same triggers keep them, in the same transaction.
CREATE TABLE statistics_industry_months (industry text NOT NULL, LIKE statistics_months);
ALTER TABLE statistics_industry_months DROP COLUMN district, DROP COLUMN first_district,
    ADD PRIMARY KEY (kind, on_month, by_month, industry);
CREATE INDEX statistics_industry_months_emptied ON statistics_industry_months (kind) WHERE projects = 0;

CREATE TABLE statistics_industry_fund_months (industry text NOT NULL, LIKE statistics_fund_months);
ALTER TABLE statistics_industry_fund_months DROP COLUMN district, DROP COLUMN first_district,
    ADD PRIMARY KEY (reported_month, signed_month, industry);
CREATE INDEX statistics_industry_fund_months_emptied ON statistics_industry_fund_months (reported_month) WHERE reports = 0;

-- The functions that add signed changes to the totals, <table>_add: 0019's for the tables by district (replaced, the same)
-- and their like for those by industry, made from one template per kind of totals. Each adds its rows in key order, so two
-- writers meet their rows in the same order, and drops the emptied ones. Made here rather than run through EXECUTE, which
-- would plan them anew on every write (three times slower to write a report).
DO $do$
DECLARE
    totals record;
BEGIN
    FOR totals IN VALUES ('statistics_months', 'district, first_district'), ('statistics_industry_months', 'industry') LOOP
        EXECUTE format($f$
            CREATE OR REPLACE FUNCTION %1$I(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO %2$I AS m (%3$s, kind, on_month, by_month, projects, contracted, contracted_projects,
                                       at_least_100_million, at_least_1_billion, on_land_day)
                SELECT %3$s, kind, on_month, by_month, sum(projects), coalesce(sum(contracted), 0),
                       count(contracted) FILTER (WHERE projects > 0) - count(contracted) FILTER (WHERE projects < 0),
                       sum(at_least_100_million), sum(at_least_1_billion), sum(on_land_day)
                FROM jsonb_to_recordset(changes) AS c (district text, first_district text, industry text, kind text,
                                                       on_month date, by_month date, projects integer, contracted numeric,
                                                       at_least_100_million integer, at_least_1_billion integer,
                                                       on_land_day integer)
                GROUP BY kind, on_month, by_month, %3$s
                ORDER BY kind, on_month, by_month, %3$s
                ON CONFLICT (kind, on_month, by_month, %3$s) DO UPDATE
                    SET projects = m.projects + excluded.projects, contracted = m.contracted + excluded.contracted,
                        contracted_projects = m.contracted_projects + excluded.contracted_projects,
                        at_least_100_million = m.at_least_100_million + excluded.at_least_100_million,
                        at_least_1_billion = m.at_least_1_billion + excluded.at_least_1_billion,
                        on_land_day = m.on_land_day + excluded.on_land_day;
                DELETE FROM %2$I WHERE projects = 0;
            END
            $$
            $f$, totals.column1 || '_add', totals.column1, totals.column2);
    END LOOP;
    FOR totals IN VALUES ('statistics_fund_months', 'district, first_district'), ('statistics_industry_fund_months', 'industry') LOOP
        EXECUTE format($f$
            CREATE OR REPLACE FUNCTION %1$I(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO %2$I AS m (%3$s, reported_month, signed_month, reports, amount_cny, usd, usd_reports)
                SELECT %3$s, reported_month, signed_month, sum(reports), sum(amount_cny), sum(usd), sum(usd_reports)
                FROM jsonb_to_recordset(changes) AS c (district text, first_district text, industry text, reported_month date,
                                                       signed_month date, reports integer, amount_cny numeric, usd numeric,
                                                       usd_reports integer)
                GROUP BY reported_month, signed_month, %3$s
                ORDER BY reported_month, signed_month, %3$s
                ON CONFLICT (reported_month, signed_month, %3$s) DO UPDATE
                    SET reports = m.reports + excluded.reports, amount_cny = m.amount_cny + excluded.amount_cny,
                        usd = m.usd + excluded.usd, usd_reports = m.usd_reports + excluded.usd_reports;
                DELETE FROM %2$I WHERE reports = 0;
            END
            $$
            $f$, totals.column1 || '_add', totals.column1, totals.column2);
    END LOOP;
END
$do$;

-- As in 0019, with each change's industry, added to the totals by district and then to those by industry; a move to
-- another industry moves its reports' totals too.
CREATE OR REPLACE FUNCTION statistics_months_project_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before projects := CASE WHEN TG_OP <> 'INSERT' THEN OLD END;
    after projects := CASE WHEN TG_OP <> 'DELETE' THEN NEW END;
    changes jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(c), '[]') INTO changes FROM (
        SELECT m.district, m.first_district, before.industry, m.kind, m.on_month, m.by_month, -1 AS projects,
               -m.contracted AS contracted, -m.at_least_100_million AS at_least_100_million,
               -m.at_least_1_billion AS at_least_1_billion, -m.on_land_day AS on_land_day
        FROM statistics_project_months(before) m WHERE before.id IS NOT NULL
        UNION ALL
        SELECT m.district, m.first_district, after.industry, m.kind, m.on_month, m.by_month, 1, m.contracted,
               m.at_least_100_million, m.at_least_1_billion, m.on_land_day
        FROM statistics_project_months(after) m WHERE after.id IS NOT NULL) c;
    PERFORM statistics_months_add(changes);
    PERFORM statistics_industry_months_add(changes);
    IF (before.district, before.first_district, before.industry, before.signed_on)
       IS DISTINCT FROM (after.district, after.first_district, after.industry, after.signed_on) THEN
        SELECT coalesce(jsonb_agg(c), '[]') INTO changes FROM (
            SELECT m.district, m.first_district, before.industry, m.reported_month, m.signed_month, -1 AS reports,
                   -m.amount_cny AS amount_cny, -m.usd AS usd, -m.usd_reports AS usd_reports
            FROM statistics_funds s, statistics_fund_report_months(before, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            WHERE s.project_id = before.id
            UNION ALL
            SELECT m.district, m.first_district, after.industry, m.reported_month, m.signed_month, 1, m.amount_cny, m.usd,
                   m.usd_reports
            FROM statistics_funds s, statistics_fund_report_months(after, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            WHERE s.project_id = after.id) c;
        PERFORM statistics_fund_months_add(changes);
        PERFORM statistics_industry_fund_months_add(changes);
    END IF;
    RETURN NULL;
END
$$;

-- As in 0019 (the project's row locked first: read its comment there), with the project's industry, the report's old and
-- new rows added up together (a project not there, or a row not there: nothing), to the totals by district and then to
-- those by industry.
CREATE OR REPLACE FUNCTION statistics_months_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before projects;
    after projects;
    changes jsonb;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT * INTO before FROM projects WHERE id = OLD.project_id FOR NO KEY UPDATE;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT * INTO after FROM projects WHERE id = NEW.project_id FOR NO KEY UPDATE;
    END IF;
    SELECT coalesce(jsonb_agg(c), '[]') INTO changes FROM (
        SELECT m.district, m.first_district, before.industry, m.reported_month, m.signed_month, -1 AS reports,
               -m.amount_cny AS amount_cny, -m.usd AS usd, -m.usd_reports AS usd_reports
        FROM statistics_fund_report_months(before, OLD.reported_on, OLD.amount_cny, statistics_fund_usd(OLD)) m
        UNION ALL
        SELECT m.district, m.first_district, after.industry, m.reported_month, m.signed_month, 1, m.amount_cny, m.usd,
               m.usd_reports
        FROM statistics_fund_report_months(after, NEW.reported_on, NEW.amount_cny, statistics_fund_usd(NEW)) m) c;
    PERFORM statistics_fund_months_add(changes);
    PERFORM statistics_industry_fund_months_add(changes);
    RETURN NULL;
END
$$;

-- 0019's, with the industry among the columns that move a project's totals.
DROP TRIGGER statistics_months_update ON projects;
CREATE TRIGGER statistics_months_update AFTER UPDATE ON projects FOR EACH ROW
    WHEN ((OLD.district, OLD.first_district, OLD.industry, OLD.opened_on, OLD.signed_on, OLD.contracted_investment,
           OLD.registered_on, OLD.land_acquired_on, OLD.construction_started_on, OLD.production_started_on)
          IS DISTINCT FROM (NEW.district, NEW.first_district, NEW.industry, NEW.opened_on, NEW.signed_on,
                            NEW.contracted_investment, NEW.registered_on, NEW.land_acquired_on, NEW.construction_started_on,
                            NEW.production_started_on))
    EXECUTE FUNCTION statistics_months_project_changed();

INSERT INTO statistics_industry_months (industry, kind, on_month, by_month, projects, contracted, contracted_projects,
                                        at_least_100_million, at_least_1_billion, on_land_day)
SELECT p.industry, m.kind, m.on_month, m.by_month, count(*), coalesce(sum(m.contracted), 0), count(m.contracted),
       sum(m.at_least_100_million), sum(m.at_least_1_billion), sum(m.on_land_day)
FROM projects p, statistics_project_months(p) m
GROUP BY 1, 2, 3, 4;
INSERT INTO statistics_industry_fund_months (industry, reported_month, signed_month, reports, amount_cny, usd, usd_reports)
SELECT p.industry, m.reported_month, m.signed_month, count(*), sum(m.amount_cny), sum(m.usd), sum(m.usd_reports)
FROM statistics_funds s JOIN projects p ON p.id = s.project_id,
     statistics_fund_report_months(p, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
GROUP BY 1, 2, 3;
ANALYZE statistics_industry_months, statistics_industry_fund_months;
