using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>
/// The statistics' month totals (project migrations 0019 by district, 0020 by industry) against the same totals added up
/// afresh from the projects and reports.
/// </summary>
internal static class StatisticsMonths
{
    /// <summary>
    /// How many rows of the kept totals differ from the fresh ones, either way: 0 when they are in step. Both sets of each
    /// kind of totals are compared at once, the keys of the other set null.
    /// </summary>
    public static Task<long> DriftAsync(ServiceDatabase db) => db.ScalarAsync<long>(
        """
        WITH months AS (
            SELECT m.district, m.first_district, p.industry, m.kind, m.on_month, m.by_month, count(*)::int,
                   coalesce(sum(m.contracted), 0)::numeric(20,2), count(m.contracted)::int, sum(m.at_least_100_million)::int,
                   sum(m.at_least_1_billion)::int, sum(m.on_land_day)::int
            FROM projects p, statistics_project_months(p) m
            GROUP BY GROUPING SETS ((1, 2, 4, 5, 6), (3, 4, 5, 6))),
        kept_months AS (
            SELECT district, first_district, NULL AS industry, kind, on_month, by_month, projects, contracted, contracted_projects,
                   at_least_100_million, at_least_1_billion, on_land_day
            FROM statistics_months
            UNION ALL
            SELECT NULL, NULL, industry, kind, on_month, by_month, projects, contracted, contracted_projects, at_least_100_million,
                   at_least_1_billion, on_land_day
            FROM statistics_industry_months),
        funds AS (
            SELECT m.district, m.first_district, p.industry, m.reported_month, m.signed_month, count(*)::int,
                   sum(m.amount_cny)::numeric(20,2), sum(m.usd)::numeric(20,2), sum(m.usd_reports)::int
            FROM statistics_funds s JOIN projects p ON p.id = s.project_id,
                 statistics_fund_report_months(p, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            GROUP BY GROUPING SETS ((1, 2, 4, 5), (3, 4, 5))),
        kept_funds AS (
            SELECT district, first_district, NULL AS industry, reported_month, signed_month, reports, amount_cny, usd, usd_reports
            FROM statistics_fund_months
            UNION ALL
            SELECT NULL, NULL, industry, reported_month, signed_month, reports, amount_cny, usd, usd_reports
            FROM statistics_industry_fund_months)
        SELECT (SELECT count(*) FROM (TABLE months EXCEPT TABLE kept_months) d) + (SELECT count(*) FROM (TABLE kept_months EXCEPT TABLE months) d)
             + (SELECT count(*) FROM (TABLE funds EXCEPT TABLE kept_funds) d) + (SELECT count(*) FROM (TABLE kept_funds EXCEPT TABLE funds) d)
        """);
}
