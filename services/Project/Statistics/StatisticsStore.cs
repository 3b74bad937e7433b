using Dapper;
using Npgsql;

namespace Zhaoshang.Project.Statistics;

/// <summary>
/// Adds up, in SQL, what one statistic needs: per window and group, the projects with an event (or a verified report) in
/// it, in the filter's district (or first negotiated there), park, industries and source places. A project is read when
/// one of its days (or reports) falls between the first window's start and the last one's end, so few rows come back.
/// Windows that are the same days (a whole year's period and its year to date) are added up once. Reads without a park,
/// industry or source place over whole months add up the month totals kept beside the projects instead (MonthsSql), and
/// the whole city's grouped by industry, chain or sector add up their groups from those by industry (IndustryMonthsSql);
/// a district's such groups come from its projects, for the current window alone.
/// </summary>
public static class StatisticsStore
{
    /// <summary>
    /// The projects in the filter's district (or first negotiated there), park, industries and source places, with the
    /// groups only as fine as the filter and grouping need (park, industry, source place only when asked). Written out in
    /// each part of the query rather than as a shared CTE: a CTE used twice is materialised, and PostgreSQL then guesses
    /// its groups blind (thousands instead of dozens) and sorts on disk instead of hashing.
    /// </summary>
    private const string ProjectsSql =
        """
        SELECT p.id, p.district, p.first_district, CASE WHEN @ByPark THEN k.name END AS park,
               CASE WHEN @ByIndustry THEN p.industry ELSE '' END AS industry,
               CASE WHEN @ByRegion THEN p.enterprise_hq_region END AS hq_region,
               p.opened_on, p.signed_on, p.contracted_investment, p.registered_on, p.land_acquired_on,
               p.construction_started_on, p.production_started_on
        FROM projects p LEFT JOIN parks k ON k.id = p.park_id
        WHERE (@District::text IS NULL OR p.district = @District OR p.first_district = @District)
          AND (@Park::text IS NULL OR k.name = @Park)
          AND (@Industries::text[] IS NULL OR p.industry = ANY (@Industries))
          AND (@Places::text[] IS NULL OR p.enterprise_hq_region = ANY (@Places))
        """;

    private const string TalliesSql =
        $$"""
        WITH w AS (
            SELECT (n - 1)::int AS n, f, t FROM unnest(@Froms::date[], @Tos::date[]) WITH ORDINALITY AS w (f, t, n))
        SELECT w.n AS "window", p.district, p.first_district, p.park, p.industry, p.hq_region,
               count(*) FILTER (WHERE p.opened_on BETWEEN w.f AND w.t)::int AS opened,
               count(*) FILTER (WHERE p.opened_on BETWEEN w.f AND w.t AND p.signed_on <= w.t)::int AS opened_signed_by_end,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t)::int AS signed,
               coalesce(sum(p.contracted_investment) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t), 0) AS contracted,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t AND p.contracted_investment >= 100000000)::int AS at_least_100_million,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t AND p.contracted_investment >= 1000000000)::int AS at_least_1_billion,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t AND p.construction_started_on <= w.t)::int AS cohort_started_by_end,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t AND p.registered_on <= w.t)::int AS cohort_registered_by_end,
               count(*) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t AND p.production_started_on <= w.t)::int AS cohort_in_production_by_end,
               0::numeric AS cohort_funds_by_end,
               count(*) FILTER (WHERE p.registered_on BETWEEN w.f AND w.t)::int AS registered,
               count(*) FILTER (WHERE p.land_acquired_on BETWEEN w.f AND w.t)::int AS land_acquired,
               count(*) FILTER (WHERE p.construction_started_on BETWEEN w.f AND w.t)::int AS started,
               count(*) FILTER (WHERE p.production_started_on BETWEEN w.f AND w.t)::int AS in_production,
               count(*) FILTER (WHERE p.construction_started_on BETWEEN w.f AND w.t
                                  AND p.construction_started_on = p.land_acquired_on)::int AS started_on_land_day,
               0::numeric AS funds_cny, 0::numeric AS foreign_usd
        FROM ({{ProjectsSql}}) p
             JOIN w ON p.opened_on BETWEEN w.f AND w.t OR p.signed_on BETWEEN w.f AND w.t OR p.registered_on BETWEEN w.f AND w.t
                       OR p.land_acquired_on BETWEEN w.f AND w.t OR p.construction_started_on BETWEEN w.f AND w.t
                       OR p.production_started_on BETWEEN w.f AND w.t
        -- A project is read when one of its days falls between the first window's start and the last one's end.
        WHERE p.opened_on BETWEEN @From AND @To OR p.signed_on BETWEEN @From AND @To OR p.registered_on BETWEEN @From AND @To
              OR p.land_acquired_on BETWEEN @From AND @To OR p.construction_started_on BETWEEN @From AND @To
              OR p.production_started_on BETWEEN @From AND @To
        GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL
        -- The projects' reports to the last window's end: a window counts those in it, and for 到位率 its cohort's to date.
        -- 实际利用外资: the USD funding sent; a report from before it sent one counts only when reported in USD.
        SELECT w.n, p.district, p.first_district, p.park, p.industry, p.hq_region, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               coalesce(sum(f.amount_cny) FILTER (WHERE p.signed_on BETWEEN w.f AND w.t), 0), 0, 0, 0, 0, 0,
               coalesce(sum(f.amount_cny) FILTER (WHERE f.reported_on BETWEEN w.f AND w.t), 0),
               coalesce(sum(f.usd) FILTER (WHERE f.reported_on BETWEEN w.f AND w.t), 0)
        FROM (SELECT s.project_id, s.reported_on, s.amount_cny,
                     CASE WHEN s.source = 'Abroad' THEN coalesce(s.amount_usd, CASE WHEN s.currency = 'USD' THEN s.amount END, 0) ELSE 0 END AS usd
              FROM statistics_funds s WHERE s.reported_on <= @To) f
             JOIN ({{ProjectsSql}}) p ON p.id = f.project_id
             JOIN w ON f.reported_on <= w.t AND (f.reported_on >= w.f OR p.signed_on BETWEEN w.f AND w.t)
        WHERE f.reported_on >= @From OR p.signed_on BETWEEN @From AND @To
        GROUP BY 1, 2, 3, 4, 5, 6
        """;

    /// <summary>
    /// TalliesSql's figures from the month totals the triggers keep (migration 0019), for a read without park, industry or
    /// source place whose windows are whole months: a day is in such a window exactly when its month is. A few thousand rows
    /// instead of every project and report with a day in the windows.
    /// </summary>
    private static readonly string MonthsSql = MonthTotalsSql(
        "statistics_months", "statistics_fund_months", "m.district, m.first_district, NULL AS park, '' AS industry",
        " AND (@District::text IS NULL OR m.district = @District OR m.first_district = @District)");

    /// <summary>The same by industry alone, for the whole city (migration 0020): its groups by industry, chain or sector.</summary>
    private static readonly string IndustryMonthsSql = MonthTotalsSql(
        "statistics_industry_months", "statistics_industry_fund_months", "'' AS district, '' AS first_district, NULL AS park, m.industry", "");

    private static string MonthTotalsSql(string months, string fundMonths, string groups, string scope) =>
        $$"""
        WITH w AS (
            SELECT (n - 1)::int AS n, f, t FROM unnest(@Froms::date[], @Tos::date[]) WITH ORDINALITY AS w (f, t, n))
        SELECT w.n AS "window", {{groups}}, NULL AS hq_region,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'opened'), 0)::int AS opened,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'opened' AND m.by_month <= w.t), 0)::int AS opened_signed_by_end,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'signed'), 0)::int AS signed,
               coalesce(sum(m.contracted) FILTER (WHERE m.kind = 'signed' AND m.contracted_projects > 0), 0) AS contracted,
               coalesce(sum(m.at_least_100_million) FILTER (WHERE m.kind = 'signed'), 0)::int AS at_least_100_million,
               coalesce(sum(m.at_least_1_billion) FILTER (WHERE m.kind = 'signed'), 0)::int AS at_least_1_billion,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'signed_started' AND m.by_month <= w.t), 0)::int AS cohort_started_by_end,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'signed_registered' AND m.by_month <= w.t), 0)::int AS cohort_registered_by_end,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'signed_in_production' AND m.by_month <= w.t), 0)::int AS cohort_in_production_by_end,
               0::numeric AS cohort_funds_by_end,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'registered'), 0)::int AS registered,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'land_acquired'), 0)::int AS land_acquired,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'started'), 0)::int AS started,
               coalesce(sum(m.projects) FILTER (WHERE m.kind = 'in_production'), 0)::int AS in_production,
               coalesce(sum(m.on_land_day) FILTER (WHERE m.kind = 'started'), 0)::int AS started_on_land_day,
               0::numeric AS funds_cny, 0::numeric AS foreign_usd
        FROM {{months}} m JOIN w ON m.on_month BETWEEN w.f AND w.t
        WHERE m.on_month BETWEEN @From AND @To{{scope}}
        GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL
        SELECT w.n, {{groups}}, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               coalesce(sum(m.amount_cny) FILTER (WHERE m.signed_month BETWEEN w.f AND w.t), 0), 0, 0, 0, 0, 0,
               coalesce(sum(m.amount_cny) FILTER (WHERE m.reported_month >= w.f), 0),
               coalesce(sum(CASE WHEN m.usd_reports > 0 THEN m.usd ELSE 0 END) FILTER (WHERE m.reported_month >= w.f), 0)
        FROM {{fundMonths}} m
             JOIN w ON m.reported_month <= w.t AND (m.reported_month >= w.f OR m.signed_month BETWEEN w.f AND w.t)
        WHERE m.reported_month <= @To AND (m.reported_month >= @From OR m.signed_month BETWEEN @From AND @To){{scope}}
        GROUP BY 1, 2, 3, 4, 5, 6
        """;

    /// <summary>
    /// The tallies of <paramref name="windows"/>. A read grouped by industry, chain or sector (and filtered by nothing but
    /// the period and a district) over whole months adds up the rest as if ungrouped (its figures, ranking and targets are
    /// by district) and its groups apart, for the current window: the whole city's from the totals by industry, a
    /// district's from its projects, because totals by industry and district would be as many rows as the projects.
    /// </summary>
    public static async Task<StatisticsTallies> ReadAsync(
        NpgsqlConnection connection, StatisticsScope scope, IReadOnlyList<StatisticsWindow> windows)
    {
        var (filter, groupBy) = (scope.Filter, scope.GroupBy);
        var byPark = filter.Park is not null || groupBy == StatisticsGrouping.Park;
        var filteredByIndustry = filter.Industry is not null || filter.Chain is not null || filter.Sector is not null;
        var groupedByIndustry = groupBy is StatisticsGrouping.Industry or StatisticsGrouping.Chain or StatisticsGrouping.Sector;
        var byRegion = filter.Region is not null || groupBy == StatisticsGrouping.Region;
        // A February a year after a leap year ends on the 28th: its window is not a whole month.
        var wholeMonths = windows.All(w => w.From.Day == 1 && w.To.AddDays(1).Day == 1);
        if (!wholeMonths || byPark || byRegion || filteredByIndustry)
            return new(await ReadAsync(connection, TalliesSql, scope, windows, byPark, filteredByIndustry || groupedByIndustry, byRegion));
        var tallies = await ReadAsync(connection, MonthsSql, scope, windows);
        if (!groupedByIndustry)
            return new(tallies);
        // The groups are the current window's alone: a district's from its projects with a day in that window only, not in
        // all of them back to last year's.
        IReadOnlyList<StatisticsWindow> current = [windows[StatisticsCalculator.Current]];
        return new(tallies, filter.District is null
            ? await ReadAsync(connection, IndustryMonthsSql, scope, current)
            : await ReadAsync(connection, TalliesSql, scope, current, byIndustry: true));
    }

    private static async Task<IReadOnlyList<StatisticsTally>> ReadAsync(
        NpgsqlConnection connection, string sql, StatisticsScope scope, IReadOnlyList<StatisticsWindow> windows,
        bool byPark = false, bool byIndustry = false, bool byRegion = false)
    {
        var distinct = windows.Select(w => (w.From, w.To)).Distinct().ToList();
        var tallies = (await connection.QueryAsync<StatisticsTally>(sql, new
        {
            Froms = distinct.Select(w => w.From).ToArray(), Tos = distinct.Select(w => w.To).ToArray(),
            From = windows.Min(w => w.From), To = windows.Max(w => w.To),
            scope.Filter.District, scope.Filter.Park, scope.Industries, scope.Places, ByPark = byPark, ByIndustry = byIndustry, ByRegion = byRegion,
        })).ToLookup(t => t.Window);
        return windows.SelectMany((w, i) => tallies[distinct.IndexOf((w.From, w.To))].Select(t => t with { Window = i })).ToList();
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
