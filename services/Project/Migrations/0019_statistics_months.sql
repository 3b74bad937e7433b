-- The leadership statistics at a province's size without a park, industry or source-place dimension (the city, a district,
-- by month or quarter, the meeting workbook): added up by month here instead of over every project and report per call
-- (Statistics/StatisticsStore.cs), for periods whose windows are whole months. A cohort figure pairs two days of one
-- project (signed in the window, started by its end), so a row holds the month of each: the day a figure is counted on
-- (on_month) and the second day it checks against the window's end (by_month; 'infinity' when there is none).
-- Triggers keep both tables in the transaction of every write to projects and statistics_funds, so they are always what
-- the two tables hold now, whichever order the consumers wrote them in.
CREATE TABLE statistics_months (
    district            text          NOT NULL,
    first_district      text          NOT NULL,
    -- opened (by: signed), signed, signed_started, signed_registered, signed_in_production (by: that day), registered,
    -- land_acquired, started, in_production
    kind                text          NOT NULL,
    on_month            date          NOT NULL,
    by_month            date          NOT NULL,
    projects            integer       NOT NULL,
    -- signed: the contracted investment of those that have one (their count, so an all-null sum stays null when read)
    contracted          numeric(20,2) NOT NULL,
    contracted_projects integer       NOT NULL,
    at_least_100_million integer      NOT NULL,
    at_least_1_billion  integer       NOT NULL,
    -- started: on the day land was acquired
    on_land_day         integer       NOT NULL,
    PRIMARY KEY (kind, on_month, by_month, district, first_district)
);
-- The rows a write has just emptied, which it then drops: found without reading the table on every write.
CREATE INDEX statistics_months_emptied ON statistics_months (kind) WHERE projects = 0;

-- The verified reports of existing projects by report month and the project's signing month ('infinity': not signed).
CREATE TABLE statistics_fund_months (
    district        text          NOT NULL,
    first_district  text          NOT NULL,
    reported_month  date          NOT NULL,
    signed_month    date          NOT NULL,
    reports         integer       NOT NULL,
    amount_cny      numeric(20,2) NOT NULL,
    -- 实际利用外资 as StatisticsStore counts it; usd_reports: how many gave an amount (so a sum of none reads 0, as there)
    usd             numeric(20,2) NOT NULL,
    usd_reports     integer       NOT NULL,
    PRIMARY KEY (reported_month, signed_month, district, first_district)
);
CREATE INDEX statistics_fund_months_emptied ON statistics_fund_months (reported_month) WHERE reports = 0;

-- What one project adds to statistics_months.
CREATE FUNCTION statistics_project_months(p projects)
RETURNS TABLE (district text, first_district text, kind text, on_month date, by_month date, contracted numeric,
               at_least_100_million integer, at_least_1_billion integer, on_land_day integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.district, p.first_district, f.kind, date_trunc('month', f.on_day::timestamp)::date,
           coalesce(date_trunc('month', f.by_day::timestamp)::date, 'infinity'::date),
           CASE WHEN f.kind = 'signed' THEN p.contracted_investment END,
           CASE WHEN f.kind = 'signed' AND p.contracted_investment >= 100000000 THEN 1 ELSE 0 END,
           CASE WHEN f.kind = 'signed' AND p.contracted_investment >= 1000000000 THEN 1 ELSE 0 END,
           CASE WHEN f.kind = 'started' AND p.construction_started_on = p.land_acquired_on THEN 1 ELSE 0 END
    FROM (VALUES ('opened', p.opened_on, p.signed_on), ('signed', p.signed_on, NULL),
                 ('signed_started', p.signed_on, p.construction_started_on), ('signed_registered', p.signed_on, p.registered_on),
                 ('signed_in_production', p.signed_on, p.production_started_on), ('registered', p.registered_on, NULL),
                 ('land_acquired', p.land_acquired_on, NULL), ('started', p.construction_started_on, NULL),
                 ('in_production', p.production_started_on, NULL)) AS f (kind, on_day, by_day)
    WHERE f.on_day IS NOT NULL AND (f.kind NOT LIKE 'signed\_%' OR f.by_day IS NOT NULL)
$$;

-- What reports add to statistics_fund_months when their project is p (null: not there yet, nothing).
CREATE FUNCTION statistics_fund_report_months(p projects, report_on date, report_cny numeric, report_usd numeric)
RETURNS TABLE (district text, first_district text, reported_month date, signed_month date, amount_cny numeric, usd numeric,
               usd_reports integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.district, p.first_district, date_trunc('month', report_on::timestamp)::date,
           coalesce(date_trunc('month', p.signed_on::timestamp)::date, 'infinity'::date), report_cny, coalesce(report_usd, 0),
           CASE WHEN report_usd IS NULL THEN 0 ELSE 1 END
    WHERE p.id IS NOT NULL
$$;

-- A report's USD as StatisticsStore counts 实际利用外资: null when it has none (counted as 0).
CREATE FUNCTION statistics_fund_usd(s statistics_funds) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN s.source = 'Abroad' THEN coalesce(s.amount_usd, CASE WHEN s.currency = 'USD' THEN s.amount END) END
$$;

-- Adds the signed changes to the rows, in key order (two writers meet their rows in the same order), dropping emptied rows.
CREATE FUNCTION statistics_months_add(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_months AS m
    SELECT c.district, c.first_district, c.kind, c.on_month, c.by_month, sum(c.projects), coalesce(sum(c.contracted), 0),
           count(c.contracted) FILTER (WHERE c.projects > 0) - count(c.contracted) FILTER (WHERE c.projects < 0),
           sum(c.at_least_100_million), sum(c.at_least_1_billion), sum(c.on_land_day)
    FROM jsonb_to_recordset(changes) AS c (district text, first_district text, kind text, on_month date, by_month date,
                                           projects integer, contracted numeric, at_least_100_million integer,
                                           at_least_1_billion integer, on_land_day integer)
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 3, 4, 5, 1, 2
    ON CONFLICT (kind, on_month, by_month, district, first_district) DO UPDATE
        SET projects = m.projects + excluded.projects, contracted = m.contracted + excluded.contracted,
            contracted_projects = m.contracted_projects + excluded.contracted_projects,
            at_least_100_million = m.at_least_100_million + excluded.at_least_100_million,
            at_least_1_billion = m.at_least_1_billion + excluded.at_least_1_billion, on_land_day = m.on_land_day + excluded.on_land_day;
    DELETE FROM statistics_months WHERE projects = 0;
END
$$;

CREATE FUNCTION statistics_fund_months_add(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO statistics_fund_months AS m
    SELECT c.district, c.first_district, c.reported_month, c.signed_month, sum(c.reports), sum(c.amount_cny), sum(c.usd),
           sum(c.usd_reports)
    FROM jsonb_to_recordset(changes) AS c (district text, first_district text, reported_month date, signed_month date,
                                           reports integer, amount_cny numeric, usd numeric, usd_reports integer)
    GROUP BY 1, 2, 3, 4
    ORDER BY 3, 4, 1, 2
    ON CONFLICT (reported_month, signed_month, district, first_district) DO UPDATE
        SET reports = m.reports + excluded.reports, amount_cny = m.amount_cny + excluded.amount_cny, usd = m.usd + excluded.usd,
            usd_reports = m.usd_reports + excluded.usd_reports;
    DELETE FROM statistics_fund_months WHERE reports = 0;
END
$$;

-- A project written: out with what it added before, in with what it adds now, and the same for its reports.
CREATE FUNCTION statistics_months_project_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before projects := CASE WHEN TG_OP <> 'INSERT' THEN OLD END;
    after projects := CASE WHEN TG_OP <> 'DELETE' THEN NEW END;
BEGIN
    PERFORM statistics_months_add(coalesce(jsonb_agg(c), '[]')) FROM (
        SELECT m.district, m.first_district, m.kind, m.on_month, m.by_month, -1 AS projects, -m.contracted AS contracted,
               -m.at_least_100_million AS at_least_100_million, -m.at_least_1_billion AS at_least_1_billion,
               -m.on_land_day AS on_land_day
        FROM statistics_project_months(before) m WHERE before.id IS NOT NULL
        UNION ALL
        SELECT m.district, m.first_district, m.kind, m.on_month, m.by_month, 1, m.contracted, m.at_least_100_million,
               m.at_least_1_billion, m.on_land_day
        FROM statistics_project_months(after) m WHERE after.id IS NOT NULL) c;
    IF (before.district, before.first_district, before.signed_on) IS DISTINCT FROM (after.district, after.first_district, after.signed_on) THEN
        PERFORM statistics_fund_months_add(coalesce(jsonb_agg(c), '[]')) FROM (
            SELECT m.district, m.first_district, m.reported_month, m.signed_month, -1 AS reports, -m.amount_cny AS amount_cny,
                   -m.usd AS usd, -m.usd_reports AS usd_reports
            FROM statistics_funds s, statistics_fund_report_months(before, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            WHERE s.project_id = before.id
            UNION ALL
            SELECT m.district, m.first_district, m.reported_month, m.signed_month, 1, m.amount_cny, m.usd, m.usd_reports
            FROM statistics_funds s, statistics_fund_report_months(after, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            WHERE s.project_id = after.id) c;
    END IF;
    RETURN NULL;
END
$$;

-- A report written: its project's row is locked as FundsVerifiedConsumer's update of the project's total locks it, so a
-- concurrent move of the project waits, or is waited for and then read as it is after the move, and two reports of one
-- project take turns (a shared lock each, then the update's own, would deadlock them).
CREATE FUNCTION statistics_months_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    project projects;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT * INTO project FROM projects WHERE id = OLD.project_id FOR NO KEY UPDATE;
        PERFORM statistics_fund_months_add(coalesce(jsonb_agg(c), '[]')) FROM (
            SELECT m.district, m.first_district, m.reported_month, m.signed_month, -1 AS reports, -m.amount_cny AS amount_cny,
                   -m.usd AS usd, -m.usd_reports AS usd_reports
            FROM statistics_fund_report_months(project, OLD.reported_on, OLD.amount_cny, statistics_fund_usd(OLD)) m) c;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT * INTO project FROM projects WHERE id = NEW.project_id FOR NO KEY UPDATE;
        PERFORM statistics_fund_months_add(coalesce(jsonb_agg(c), '[]')) FROM (
            SELECT m.district, m.first_district, m.reported_month, m.signed_month, 1 AS reports, m.amount_cny, m.usd, m.usd_reports
            FROM statistics_fund_report_months(project, NEW.reported_on, NEW.amount_cny, statistics_fund_usd(NEW)) m) c;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER statistics_months AFTER INSERT OR DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION statistics_months_project_changed();
CREATE TRIGGER statistics_months_update AFTER UPDATE ON projects FOR EACH ROW
    WHEN ((OLD.district, OLD.first_district, OLD.opened_on, OLD.signed_on, OLD.contracted_investment, OLD.registered_on,
           OLD.land_acquired_on, OLD.construction_started_on, OLD.production_started_on)
          IS DISTINCT FROM (NEW.district, NEW.first_district, NEW.opened_on, NEW.signed_on, NEW.contracted_investment,
                            NEW.registered_on, NEW.land_acquired_on, NEW.construction_started_on, NEW.production_started_on))
    EXECUTE FUNCTION statistics_months_project_changed();
CREATE TRIGGER statistics_months AFTER INSERT OR UPDATE OR DELETE ON statistics_funds
    FOR EACH ROW EXECUTE FUNCTION statistics_months_report_changed();

INSERT INTO statistics_months
SELECT m.district, m.first_district, m.kind, m.on_month, m.by_month, count(*), coalesce(sum(m.contracted), 0), count(m.contracted),
       sum(m.at_least_100_million), sum(m.at_least_1_billion), sum(m.on_land_day)
FROM projects p, statistics_project_months(p) m
GROUP BY 1, 2, 3, 4, 5;
INSERT INTO statistics_fund_months
SELECT m.district, m.first_district, m.reported_month, m.signed_month, count(*), sum(m.amount_cny), sum(m.usd), sum(m.usd_reports)
FROM statistics_funds s JOIN projects p ON p.id = s.project_id,
     statistics_fund_report_months(p, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
GROUP BY 1, 2, 3, 4;
ANALYZE statistics_months, statistics_fund_months;
