using Zhaoshang.OrderingTests.Infrastructure;

namespace Zhaoshang.OrderingTests.Funding;

/// <summary>The funds statistics' quarter totals (funding migration 0012) against the same totals added up afresh from the reports and ledgers.</summary>
internal static class FundsReportQuarters
{
    /// <summary>How many rows of the kept totals differ from the fresh ones, either way: 0 when they are in step.</summary>
    public static Task<long> DriftAsync(ServiceDatabase db) => db.ScalarAsync<long>(
        """
        WITH fresh AS (
            SELECT q.district, q.industry, q.park_id, q.park, q.quarter, count(*)::int, sum(q.amount_cny)::numeric(20,2),
                   sum(q.fixed_assets)::int, sum(q.fixed_assets_cny)::numeric(20,2), sum(q.working_capital)::int,
                   sum(q.working_capital_cny)::numeric(20,2), sum(q.foreign_reports)::int, sum(q.foreign_usd)::numeric(20,2),
                   sum(q.foreign_cny)::numeric(20,2)
            FROM funds_reports r JOIN funding_ledgers l ON l.project_id = r.project_id, funds_report_quarter(l, r) q
            GROUP BY 1, 2, 3, 4, 5)
        SELECT (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE funds_report_quarters) d)
             + (SELECT count(*) FROM (TABLE funds_report_quarters EXCEPT TABLE fresh) d)
        """);
}
