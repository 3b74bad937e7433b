using Dapper;
using Npgsql;

namespace Zhaoshang.Project.Statistics;

/// <summary>
/// Reads what one statistic needs: the projects with an event (or a verified report) between a year before the period
/// and its end, in the filter's district, park, industries and source places, with their verified funds; each kind of
/// day through its own index (0011_statistics.sql), so a query at a province's size reads the period, not the table.
/// </summary>
public static class StatisticsStore
{
    public static async Task<(IReadOnlyList<StatisticsProject> Projects, IReadOnlyList<StatisticsFunds> Funds)> ReadAsync(
        NpgsqlConnection connection, StatisticsScope scope)
    {
        var from = scope.Period.From.AddYears(-1);
        var to = scope.Period.To;
        var projects = (await connection.QueryAsync<StatisticsProject>(
            """
            WITH moved AS (
                SELECT id FROM projects WHERE opened_on BETWEEN @from AND @to
                UNION SELECT id FROM projects WHERE signed_on BETWEEN @from AND @to
                UNION SELECT id FROM projects WHERE registered_on BETWEEN @from AND @to
                UNION SELECT id FROM projects WHERE land_acquired_on BETWEEN @from AND @to
                UNION SELECT id FROM projects WHERE construction_started_on BETWEEN @from AND @to
                UNION SELECT id FROM projects WHERE production_started_on BETWEEN @from AND @to
                UNION SELECT project_id FROM statistics_funds WHERE reported_on BETWEEN @from AND @to)
            SELECT p.id, p.district, p.first_district, k.name AS park, p.industry, p.enterprise_hq_region AS hq_region, p.opened_on,
                   p.signed_on, p.contracted_investment, p.registered_on, p.land_acquired_on, p.construction_started_on,
                   p.production_started_on
            FROM moved JOIN projects p ON p.id = moved.id LEFT JOIN parks k ON k.id = p.park_id
            WHERE (@District::text IS NULL OR p.district = @District OR p.first_district = @District)
              AND (@Park::text IS NULL OR k.name = @Park)
              AND (@Industries::text[] IS NULL OR p.industry = ANY (@Industries))
              AND (@Places::text[] IS NULL OR p.enterprise_hq_region = ANY (@Places))
            """,
            new { from, to, scope.Filter.District, scope.Filter.Park, scope.Industries, scope.Places })).AsList();
        var signed = projects.Where(p => p.SignedOn >= from && p.SignedOn <= to).Select(p => p.Id).ToArray();
        var funds = (await connection.QueryAsync<StatisticsFunds>(
            """
            SELECT report_id, project_id, reported_on, amount_cny, currency, amount, amount_usd, source
            FROM statistics_funds
            WHERE project_id = ANY (@ids) AND reported_on <= @to AND (reported_on >= @from OR project_id = ANY (@signed))
            """,
            new { ids = projects.Select(p => p.Id).ToArray(), from, to, signed })).AsList();
        return (projects, funds);
    }

    public static async Task<IReadOnlyList<StatisticsTarget>> ReadTargetsAsync(NpgsqlConnection connection, int year, string? district) =>
        (await connection.QueryAsync<StatisticsTarget>(
            """
            SELECT indicator, district, value, version FROM statistics_targets
            WHERE year = @year AND (@district::text IS NULL OR district = @district)
            ORDER BY coalesce(district, ''), indicator
            """,
            new { year, district })).AsList();
}
