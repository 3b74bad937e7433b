-- The funds statistics (Stats/StatsApi.cs) add up quarter totals instead of every verified report of the period: per
-- ledger district, industry, park (its id and the name it was signed with, named as the parks table names it when read)
-- and report quarter, a province's 110,000 reports are 6,400 rows. Triggers keep them in the transaction of every write
-- to funds_reports and funding_ledgers, so they are always what those rows hold now, whatever order the consumers wrote
-- them in. The counts beside the sums let a sum of no reports read as 0, as the reports' own sums do.
CREATE TABLE funds_report_quarters (
    district            text          NOT NULL,
    industry            text          NOT NULL,
    park_id             uuid          NULL,
    park                text          NOT NULL,
    quarter             date          NOT NULL,   -- its first day
    reports             integer       NOT NULL,
    amount_cny          numeric(20,2) NOT NULL,
    fixed_assets        integer       NOT NULL,
    fixed_assets_cny    numeric(20,2) NOT NULL,
    working_capital     integer       NOT NULL,
    working_capital_cny numeric(20,2) NOT NULL,
    foreign_reports     integer       NOT NULL,   -- 境外 in USD
    foreign_usd         numeric(20,2) NOT NULL,
    foreign_cny         numeric(20,2) NOT NULL
);
CREATE UNIQUE INDEX funds_report_quarters_key
    ON funds_report_quarters (quarter, district, industry, coalesce(park_id, '00000000-0000-0000-0000-000000000000'), park);
-- The rows a write has just emptied, which it then drops: found without reading the table on every write.
CREATE INDEX funds_report_quarters_emptied ON funds_report_quarters (quarter) WHERE reports = 0;

-- What a verified report adds when its ledger is l (nothing for a report not verified).
CREATE FUNCTION funds_report_quarter(l funding_ledgers, r funds_reports)
RETURNS TABLE (district text, industry text, park_id uuid, park text, quarter date, amount_cny numeric, fixed_assets integer,
               fixed_assets_cny numeric, working_capital integer, working_capital_cny numeric, foreign_reports integer,
               foreign_usd numeric, foreign_cny numeric)
LANGUAGE sql IMMUTABLE AS $$
    SELECT l.district, l.industry, l.park_id, l.park, date_trunc('quarter', r.reported_on::timestamp)::date, r.amount_cny,
           CASE WHEN r.use = 'FixedAssets' THEN 1 ELSE 0 END, CASE WHEN r.use = 'FixedAssets' THEN r.amount_cny ELSE 0 END,
           CASE WHEN r.use = 'WorkingCapital' THEN 1 ELSE 0 END, CASE WHEN r.use = 'WorkingCapital' THEN r.amount_cny ELSE 0 END,
           CASE WHEN r.source = 'Abroad' AND r.currency = 'USD' THEN 1 ELSE 0 END,
           CASE WHEN r.source = 'Abroad' AND r.currency = 'USD' THEN r.amount ELSE 0 END,
           CASE WHEN r.source = 'Abroad' AND r.currency = 'USD' THEN r.amount_cny ELSE 0 END
    WHERE l.id IS NOT NULL AND r.status = 'Verified'
$$;

-- Adds signed changes (sign: 1 in, -1 out) to the rows, in key order (two writers meet their rows in the same order),
-- dropping emptied rows.
CREATE FUNCTION funds_report_quarters_add(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO funds_report_quarters AS q
    SELECT c.district, c.industry, c.park_id, c.park, c.quarter, sum(c.sign), sum(c.sign * c.amount_cny),
           sum(c.sign * c.fixed_assets), sum(c.sign * c.fixed_assets_cny), sum(c.sign * c.working_capital),
           sum(c.sign * c.working_capital_cny), sum(c.sign * c.foreign_reports), sum(c.sign * c.foreign_usd),
           sum(c.sign * c.foreign_cny)
    FROM jsonb_to_recordset(changes) AS c (sign integer, district text, industry text, park_id uuid, park text, quarter date,
                                           amount_cny numeric, fixed_assets integer, fixed_assets_cny numeric,
                                           working_capital integer, working_capital_cny numeric, foreign_reports integer,
                                           foreign_usd numeric, foreign_cny numeric)
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 5, 1, 2, coalesce(c.park_id, '00000000-0000-0000-0000-000000000000'), 4
    ON CONFLICT (quarter, district, industry, coalesce(park_id, '00000000-0000-0000-0000-000000000000'), park) DO UPDATE
        SET reports = q.reports + excluded.reports, amount_cny = q.amount_cny + excluded.amount_cny,
            fixed_assets = q.fixed_assets + excluded.fixed_assets, fixed_assets_cny = q.fixed_assets_cny + excluded.fixed_assets_cny,
            working_capital = q.working_capital + excluded.working_capital,
            working_capital_cny = q.working_capital_cny + excluded.working_capital_cny,
            foreign_reports = q.foreign_reports + excluded.foreign_reports, foreign_usd = q.foreign_usd + excluded.foreign_usd,
            foreign_cny = q.foreign_cny + excluded.foreign_cny;
    DELETE FROM funds_report_quarters WHERE reports = 0;
END
$$;

-- A report written: out with what it added before, in with what it adds now. Its ledger is locked as verifying a report
-- locks it (FOR UPDATE): a concurrent move of the ledger waits, or is waited for and read as it is after the move, and two
-- verifications of one project take turns (a shared lock each, then the verification's own, would deadlock them).
CREATE FUNCTION funds_report_quarters_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ledger funding_ledgers;
    changes jsonb := '[]';
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF OLD.status = 'Verified' THEN
            SELECT * INTO ledger FROM funding_ledgers WHERE project_id = OLD.project_id FOR UPDATE;
            SELECT changes || coalesce(jsonb_agg(to_jsonb(q) || '{"sign": -1}'), '[]') INTO changes FROM funds_report_quarter(ledger, OLD) q;
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF NEW.status = 'Verified' THEN
            SELECT * INTO ledger FROM funding_ledgers WHERE project_id = NEW.project_id FOR UPDATE;
            SELECT changes || coalesce(jsonb_agg(to_jsonb(q) || '{"sign": 1}'), '[]') INTO changes FROM funds_report_quarter(ledger, NEW) q;
        END IF;
    END IF;
    IF changes <> '[]' THEN
        PERFORM funds_report_quarters_add(changes);
    END IF;
    RETURN NULL;
END
$$;

-- A ledger moved (district, industry or park): its verified reports move with it.
CREATE FUNCTION funds_report_quarters_ledger_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM funds_report_quarters_add(coalesce(jsonb_agg(c), '[]')) FROM (
        SELECT to_jsonb(q) || '{"sign": -1}' AS c FROM funds_reports r, funds_report_quarter(OLD, r) q WHERE r.project_id = OLD.project_id
        UNION ALL
        SELECT to_jsonb(q) || '{"sign": 1}' FROM funds_reports r, funds_report_quarter(NEW, r) q WHERE r.project_id = NEW.project_id) x;
    RETURN NULL;
END
$$;

CREATE TRIGGER funds_report_quarters AFTER INSERT OR UPDATE OR DELETE ON funds_reports
    FOR EACH ROW EXECUTE FUNCTION funds_report_quarters_report_changed();
-- A ledger is created before its reports (their foreign key) and never deleted with them.
CREATE TRIGGER funds_report_quarters AFTER UPDATE ON funding_ledgers FOR EACH ROW
    WHEN ((OLD.project_id, OLD.district, OLD.industry, OLD.park_id, OLD.park) IS DISTINCT FROM (NEW.project_id, NEW.district, NEW.industry, NEW.park_id, NEW.park))
    EXECUTE FUNCTION funds_report_quarters_ledger_changed();

INSERT INTO funds_report_quarters
SELECT q.district, q.industry, q.park_id, q.park, q.quarter, count(*), sum(q.amount_cny), sum(q.fixed_assets), sum(q.fixed_assets_cny),
       sum(q.working_capital), sum(q.working_capital_cny), sum(q.foreign_reports), sum(q.foreign_usd), sum(q.foreign_cny)
FROM funds_reports r JOIN funding_ledgers l ON l.project_id = r.project_id, funds_report_quarter(l, r) q
GROUP BY 1, 2, 3, 4, 5;
ANALYZE funds_report_quarters;
-- The statistics read the totals now, not the reports by quarter: 0011's statistics on that have nothing left to inform.
DROP STATISTICS funds_reports_quarter;
