using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhaoshang.Platform.Calendar;
using Zhaoshang.Platform.Data;
using Zhaoshang.Platform.Errors;
using Zhaoshang.Platform.Hosting;
using Zhaoshang.Platform.Security;

namespace Zhaoshang.Project.Kpis;

public sealed class KpiOptions
{
    /// <summary>A project longer than this in one stage (calendar days) is listed as stuck.</summary>
    public int StuckAfterDays { get; set; } = 90;
}

public static class KpisApi
{
    /// <summary>The stuck projects are counted; only the longest stuck are listed (a province has thousands).</summary>
    public const int DefaultStuckLimit = 20;

    public const int MaxStuckLimit = 200;

    public const int MaxStuckAfterDays = 36_500;

    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", GetKpisAsync).WithTag("KPIs (指标)", "开工率, 落地率, signing-to-start and land-to-start days, 拿地即开工 projects and the projects stuck in a stage.").WithName("GetProjectKpis")
            .WithSummary("Projects by stage, 开工率, 落地率, signing→start and land→start days, 拿地即开工 count, how many projects are stuck and the stuckLimit longest stuck.")
            .AllowRoles(Roles.Bureau, Roles.District, Roles.Finance, Roles.Auditor);
        return app;
    }

    internal static async Task<Results<Ok<KpiReport>, ValidationProblem>> GetKpisAsync(
        int? year, string? district, int? stuckAfterDays, int? stuckLimit, ClaimsPrincipal user, Database database, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<KpiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (year is not null and (< 2000 or > 2100))
            errors.Add("year", "'year' must be between 2000 and 2100.");
        // A century at most: the threshold becomes a day, and a day before year 1 does not exist.
        if (stuckAfterDays is < 1 or > MaxStuckAfterDays)
            errors.Add("stuckAfterDays", $"'stuckAfterDays' must be between 1 and {MaxStuckAfterDays}.");
        if (stuckLimit is < 0 or > MaxStuckLimit)
            errors.Add("stuckLimit", $"'stuckLimit' must be between 0 and {MaxStuckLimit}.");
        var actor = Actor.From(user);
        if (actor.Role == Roles.District && district is not null && district != actor.District)
            errors.Add("district", "District staff see their own district's KPIs.");
        if (!errors.IsValid)
            return errors.ToProblem();
        district = actor.OwnDistrict ?? district;

        await using var connection = await database.OpenAsync(cancellationToken);
        return TypedResults.Ok(await KpiStore.ReadAsync(
            connection, year, district, clock.TodayInChina(), stuckAfterDays ?? options.Value.StuckAfterDays, stuckLimit ?? DefaultStuckLimit));
    }
}
