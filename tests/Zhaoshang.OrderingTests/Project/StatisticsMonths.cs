using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Project;

/// <summary>The statistics' month totals (project migration 0019) against the same totals added up afresh from the projects and reports.</summary>
internal static class StatisticsMonths
{
    /// <summary>How many rows of the kept totals differ from the fresh ones, either way: 0 when they are in step.</summary>
    public static Task<long> DriftAsync(ServiceDatabase db) => db.ScalarAsync<long>(
        """
        WITH months AS (
            SELECT m.district, m.first_district, m.kind, m.on_month, m.by_month, count(*)::int, coalesce(sum(m.contracted), 0)::numeric(20,2),
                   count(m.contracted)::int, sum(m.at_least_100_million)::int, sum(m.at_least_1_billion)::int, sum(m.on_land_day)::int
            FROM projects p, statistics_project_months(p) m
            GROUP BY 1, 2, 3, 4, 5),
        funds AS (
            SELECT m.district, m.first_district, m.reported_month, m.signed_month, count(*)::int, sum(m.amount_cny)::numeric(20,2),
                   sum(m.usd)::numeric(20,2), sum(m.usd_reports)::int
            FROM statistics_funds s JOIN projects p ON p.id = s.project_id,
                 statistics_fund_report_months(p, s.reported_on, s.amount_cny, statistics_fund_usd(s)) m
            GROUP BY 1, 2, 3, 4)
        SELECT (SELECT count(*) FROM (TABLE months EXCEPT TABLE statistics_months) d) + (SELECT count(*) FROM (TABLE statistics_months EXCEPT TABLE months) d)
             + (SELECT count(*) FROM (TABLE funds EXCEPT TABLE statistics_fund_months) d) + (SELECT count(*) FROM (TABLE statistics_fund_months EXCEPT TABLE funds) d)
        """);
}
