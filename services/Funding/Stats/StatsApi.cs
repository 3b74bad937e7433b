using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Money;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Funding.Stats;

public static class StatsApi
{
    public static readonly string[] Readers = [Roles.Bureau, Roles.District, Roles.Finance, Roles.Auditor];

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTag("Investment statistics (统计)",
            "Verified funds by year, quarter, district, park and industry, 到位率, and CSV exports (targets: GET /api/statistics).");
        api.MapGet("/stats/funds", GetStatsAsync).WithName("GetFundsStatistics").AllowRoles(Readers)
            .WithSummary("Verified funds in place by year, quarter, district, park and industry, with shares and 到位率.");
        api.MapGet("/stats/funds.csv", ExportStats).WithName("ExportFundsStatistics").AllowRoles(Readers)
            .WithSummary("The verified reports behind the statistics, as CSV with Chinese headings (UTF-8 with BOM).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    public sealed record StatsQuery(int? Year, int? Quarter, string? District, string? Park, string? Industry);

    internal static async Task<Results<Ok<FundsStatisticsReport>, ValidationProblem>> GetStatsAsync(
        [AsParameters] StatsQuery query, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries,
        CancellationToken cancellationToken)
    {
        var (filter, errors) = Validate(query, Actor.From(user));
        if (filter is null)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT l.district, l.industry, extract(year FROM l.quarter)::int AS year, extract(quarter FROM l.quarter)::int AS quarter,
                   sum(l.reports)::int AS reports, sum(l.amount_cny) AS amount_cny,
                   coalesce(sum(l.fixed_assets_cny) FILTER (WHERE l.fixed_assets > 0), 0) AS fixed_assets_cny,
                   coalesce(sum(l.working_capital_cny) FILTER (WHERE l.working_capital > 0), 0) AS working_capital_cny,
                   coalesce(sum(l.foreign_usd) FILTER (WHERE l.foreign_reports > 0), 0) AS foreign_usd,
                   coalesce(sum(l.foreign_cny) FILTER (WHERE l.foreign_reports > 0), 0) AS foreign_cny
            -- As l: the totals carry their ledgers' district, industry and park, which the ledgers' filter reads.
            FROM funds_report_quarters l
            -- A report is in the period (whole quarters or a year) exactly when its quarter's first day is.
            WHERE {LedgerFilter} AND {InPeriod("l.quarter")}
            GROUP BY l.district, l.industry, l.quarter;
            SELECT coalesce(sum(contracted_investment), 0) FROM funding_ledgers l WHERE {LedgerFilter};
            """,
            filter, cancellationToken: cancellationToken));
        var tallies = (await results.ReadAsync<FundsTally>()).AsList();
        var contracted = await results.ReadSingleAsync<decimal>();
        return TypedResults.Ok(FundsStatistics.Compute(filter, tallies, contracted, dictionaries.SectorOf));
    }

    internal static Results<PushStreamHttpResult, ValidationProblem> ExportStats(
        [AsParameters] StatsQuery query, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries,
        CancellationToken cancellationToken)
    {
        var (filter, errors) = Validate(query, Actor.From(user));
        if (filter is null)
            return errors.ToProblem();
        var rows = Csv.KeysetAsync<VerifiedRow>(database,
            $"""
            SELECT r.project_id, l.district, {LedgerFacts.CurrentPark} AS park, l.industry, r.currency, r.amount, r.amount_cny, r.source, r.use,
                   r.reported_on, r.created_at, r.id
            FROM funds_reports r JOIN funding_ledgers l ON l.project_id = r.project_id
            WHERE {VerifiedFilter}
              AND (r.reported_on, r.created_at, r.id) > (@AfterDay, @AfterAt, @AfterId)
            ORDER BY r.reported_on, r.created_at, r.id LIMIT @PageSize
            """,
            last => new
            {
                filter.Year, filter.Quarter, filter.District, filter.Park, filter.Industry, AfterDay = last?.ReportedOn ?? DateOnly.MinValue,
                AfterAt = last?.CreatedAt ?? DateTimeOffset.MinValue, AfterId = last?.Id ?? Guid.Empty,
            },
            cancellationToken);
        return Csv.Stream("到位资金统计.csv",
            ["到位日期", "季度", "区县", "园区", "产业", "三次产业", "币种", "金额", "折合人民币（元）", "折合人民币（万元）", "资金来源", "资金用途", "项目编号"],
            rows.Select(r => new[]
            {
                r.ReportedOn.ToString("yyyy-MM-dd"), $"{r.ReportedOn.Year}Q{(r.ReportedOn.Month - 1) / 3 + 1}", r.District, r.Park,
                r.Industry, dictionaries.SectorOf(r.Industry), r.Currency, Csv.Money(r.Amount), Csv.Money(r.AmountCny),
                Csv.Money(MoneyRules.InWan(r.AmountCny)), Labels.Source(r.Source), Labels.Use(r.Use), r.ProjectId.ToString(),
            }));
    }

    /// <summary>The filter to apply, or the problems with the query; district staff only ever see their own district.</summary>
    private static (StatsFilter? Filter, ValidationErrors Errors) Validate(StatsQuery query, Actor actor)
    {
        var errors = new ValidationErrors();
        if (query.Quarter is not null and not (>= 1 and <= 4))
            errors.Add("quarter", "'quarter' must be 1 to 4.");
        if (query.Year is not null and not (>= 2000 and <= 2100))
            errors.Add("year", "'year' must be between 2000 and 2100.");
        if (query.Quarter is not null && query.Year is null)
            errors.Add("year", "'year' is required with 'quarter'.");
        if (actor.Role == Roles.District && query.District is not null && query.District != actor.District)
            errors.Add("district", "District staff see their own district's statistics.");
        var district = actor.OwnDistrict ?? query.District;
        return (errors.IsValid ? new StatsFilter(query.Year, query.Quarter, district, query.Park, query.Industry) : null, errors);
    }

    /// <summary>The filter's ledgers: district, park (as it is named now) and industry.</summary>
    private const string LedgerFilter =
        $"""
        (@District::text IS NULL OR l.district = @District) AND (@Industry::text IS NULL OR l.industry = @Industry)
        AND (@Park::text IS NULL OR {LedgerFacts.CurrentPark} = @Park)
        """;

    /// <summary>The filter's period on <paramref name="day"/>, its days as a range (so an index on them answers).</summary>
    private static string InPeriod(string day) =>
        $"""
        (@Year::int IS NULL OR ({day} >= make_date(@Year, coalesce(@Quarter::int * 3 - 2, 1), 1)
                                AND {day} < make_date(@Year, coalesce(@Quarter::int * 3 - 2, 1), 1)
                                            + CASE WHEN @Quarter::int IS NULL THEN interval '1 year' ELSE interval '3 months' END))
        """;

    /// <summary>The verified reports of the filter's ledgers and period.</summary>
    private static readonly string VerifiedFilter = $"r.status = 'Verified' AND {LedgerFilter} AND {InPeriod("r.reported_on")}";

    /// <summary>A verified report as the CSV lists it, with the key it is listed in.</summary>
    private sealed record VerifiedRow(
        Guid ProjectId, string District, string Park, string Industry, string Currency, decimal Amount, decimal AmountCny,
        string Source, string Use, DateOnly ReportedOn, DateTimeOffset CreatedAt, Guid Id);
}

internal static class Labels
{
    public static string Source(string source) => source switch
    {
        "OutsideProvince" => "省外境内",
        "OutsideCityInProvince" => "市外省内",
        "Abroad" => "境外",
        _ => source,
    };

    public static string Use(string use) => use == "FixedAssets" ? "固定资产投资" : "流动资金";
}
