using Dapper;
using Npgsql;

namespace Zhaoshang.Project.Kpis;

/// <summary>
/// Counts the KPIs in PostgreSQL in one round trip: the projects by stage, the day summaries of the started ones, the
/// 首谈 credit and the longest stuck, so a province's 50,000 projects never leave the database. Each filter (district,
/// year) gets its own statement text: a prepared "@x IS NULL OR …" would settle on one plan for all of them.
/// </summary>
internal static class KpiStore
{
    /// <summary>The year a project counts in: signed, else opened (imported projects are opened on their signing day).</summary>
    private const string InYear = "coalesce(signed_on, opened_on) BETWEEN @From AND @To";

    /// <summary>In production or terminated, a project has no next stage to be stuck before (as projects_stuck in 0015_kpi_reads.sql).</summary>
    private const string Stuck = "state NOT IN ('InProduction', 'Terminated') AND state_entered_at < @StuckBefore";

    public static async Task<KpiReport> ReadAsync(
        NpgsqlConnection connection, int? year, string? district, DateOnly today, int stuckAfterDays, int stuckLimit)
    {
        var inYear = year is null ? "" : " AND " + InYear;
        var scope = (district is null ? "TRUE" : "district = @District") + inYear;
        // 首谈 credit: the projects the district negotiated first and that are in another district now (written so, the
        // transferred projects' partial index serves it).
        var transferredOut = district is null
            ? "SELECT 0"
            : $"SELECT count(*)::int FROM projects WHERE first_district = @District AND first_district <> district{inYear}";
        var (from, to) = year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : ((DateOnly?)null, (DateOnly?)null);
        await using var results = await connection.QueryMultipleAsync(
            $"""
            SELECT state, count(*)::int AS projects, count(signed_on)::int AS signed,
                   count(*) FILTER (WHERE signed_on IS NOT NULL AND company_name IS NOT NULL)::int AS registered,
                   count(*) FILTER (WHERE signed_on IS NOT NULL AND construction_started_on IS NOT NULL)::int AS started,
                   count(*) FILTER (WHERE {Stuck})::int AS stuck
            FROM projects WHERE {scope}
            GROUP BY state;

            SELECT count(*)::int AS signing_count,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY construction_started_on - signed_on)::numeric AS signing_median,
                   max(construction_started_on - signed_on) AS signing_worst,
                   count(land_acquired_on)::int AS land_count,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY construction_started_on - land_acquired_on)::numeric AS land_median,
                   max(construction_started_on - land_acquired_on) AS land_worst,
                   count(*) FILTER (WHERE construction_started_on = land_acquired_on)::int AS on_land_day
            FROM projects WHERE {scope} AND signed_on IS NOT NULL AND construction_started_on IS NOT NULL;

            {transferredOut};

            SELECT id, enterprise_name, state, @Today - (state_entered_at AT TIME ZONE 'Asia/Shanghai')::date AS days
            FROM projects WHERE {scope} AND {Stuck}
            ORDER BY state_entered_at, id
            LIMIT @StuckLimit
            """,
            new
            {
                District = district, From = from, To = to, Today = today, StuckLimit = stuckLimit,
                // More than stuckAfterDays calendar days in the stage: entered before the start (China time) of that day.
                StuckBefore = new DateTimeOffset(today.AddDays(-stuckAfterDays).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
            });
        var stages = (await results.ReadAsync<KpiStage>()).AsList();
        var days = await results.ReadSingleAsync<DaysRow>();
        var credit = await results.ReadSingleAsync<int>();
        var stuck = (await results.ReadAsync<StuckProject>()).AsList();
        return KpiCalculator.Compute(year, district, stages, new KpiDays(
            new DaysSummary(days.SigningCount, days.SigningMedian, days.SigningWorst),
            new DaysSummary(days.LandCount, days.LandMedian, days.LandWorst), days.OnLandDay), credit, stuck);
    }

    private sealed record DaysRow(
        int SigningCount, decimal? SigningMedian, int? SigningWorst, int LandCount, decimal? LandMedian, int? LandWorst, int OnLandDay);
}
