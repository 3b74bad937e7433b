using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Dictionaries;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Statistics;

public static class StatisticsApi
{
    /// <summary>Park staff do not read statistics, as they do not read the KPIs.</summary>
    public static readonly string[] Readers = [Roles.Bureau, Roles.District, Roles.Finance, Roles.Auditor];

    public const string Tag = "Statistics (统计)";

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/statistics").WithTag(Tag,
            "Leadership statistics by year, quarter and month, district, park, industry, chain, sector and source region: counts, " +
            "签约额, 到位资金, 实际利用外资, rates, year on year, rankings, targets and the 调度会 workbook.");
        api.MapGet("", GetStatisticsAsync).WithName("GetStatistics").AllowRoles(Readers)
            .WithSummary("The period's figures, last year's, growth, groups, the district ranking and the year's targets with progress.");
        api.MapTargetsApi();
        api.MapMeetingWorkbookApi();
        return app;
    }

    internal static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> GetStatisticsAsync(
        [AsParameters] StatisticsQuery query, ClaimsPrincipal user, Database database, BureauDictionaries dictionaries,
        CancellationToken cancellationToken)
    {
        var (scope, errors) = StatisticsScope.Check(query, Actor.From(user), dictionaries);
        if (scope is null)
            return errors.ToProblem();
        await using var connection = await database.OpenAsync(cancellationToken);
        var read = await StatisticsStore.ReadAsync(connection, scope, StatisticsCalculator.Windows(scope.Period, scope.GroupBy));
        var targets = await StatisticsStore.ReadTargetsAsync(connection, scope.Period.Year, scope.Filter.District);
        return TypedResults.Ok(StatisticsCalculator.Compute(
            scope.Period, scope.Filter, scope.GroupBy, scope.CityWide, read, targets, scope.Dimensions(dictionaries)));
    }
}
