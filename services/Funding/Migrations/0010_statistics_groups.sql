-- The funds statistics group verified reports by district, industry, year and quarter (Stats/StatsApi.cs). Without
-- statistics on the year and quarter PostgreSQL took each for as many values as there are days, guessed 29,472 groups
-- for a year at a province's size (there are 896), and sorted every report on disk rather than hashing the groups.
-- The expressions are written as the query writes them, so the planner finds them; ANALYZE fills them now rather than
-- at the next automatic one.
CREATE STATISTICS funds_reports_quarters (ndistinct)
    ON (extract(year FROM reported_on)::int), (extract(quarter FROM reported_on)::int) FROM funds_reports;
ANALYZE funds_reports;
